import BaocaoCore
import BaocaoPlugins
import EGovernmentPlugin
import Foundation
import XCTest

final class EGovernmentTests: XCTestCase {
    func testDescriptorDeclaresTheMonthlyMinimum() {
        let descriptor = EGovernmentSection.descriptor
        XCTAssertEqual(descriptor.id, "e-government")
        XCTAssertTrue(descriptor.options.contains { $0.key == "monthly_news_minimum" })
        XCTAssertTrue(descriptor.expectedIndicators.contains("tin_bai_cong_tinh"))
    }

    // MARK: Option and targets (plans changed from the shipped one)

    func testMonthlyMinimumComesFromTheAreaOption() throws {
        let plan = try Self.plan { $0.replacingOccurrences(of: "monthly_news_minimum: 1", with: "monthly_news_minimum: 2") }
        let outcome = try Self.run(
            plan: plan, ["tttt": ["tin_bai_cong_tinh": .monthly([7: 3, 8: 1, 9: 0])]])
        let all = outcome.texts.joined(separator: "\n")
        XCTAssertTrue(
            all.contains(
                "Trong quý III năm 2026, số tin, bài về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh chưa đạt mức tối thiểu 02 tin, bài mỗi tháng theo mục II.2 của Kế hoạch ở tháng 8 (01 tin, bài) và tháng 9 (không có tin, bài nào)."
            ), all)
        XCTAssertTrue(all.contains("trong đó 02 tháng chưa đạt mức tối thiểu 02 tin, bài mỗi tháng (tháng 8 và tháng 9)"), all)
        XCTAssertTrue(
            all.contains("Bảo đảm mỗi tháng có ít nhất 02 tin, bài về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh."), all
        )
        let chart = try XCTUnwrap(Self.charts(outcome.section).first)
        XCTAssertEqual(chart.reference, Chart.Reference(label: "Mức tối thiểu mỗi tháng", value: 2))
    }

    func testMonthlyMinimumZeroTurnsTheCheckOff() throws {
        let plan = try Self.plan { $0.replacingOccurrences(of: "monthly_news_minimum: 1", with: "monthly_news_minimum: 0") }
        let outcome = try Self.run(plan: plan, ["tttt": ["tin_bai_cong_tinh": .monthly([7: 3, 8: 0])]])
        XCTAssertTrue(outcome.section.limitations.isEmpty)
        XCTAssertTrue(outcome.section.achievements.isEmpty)
        XCTAssertTrue(outcome.section.diagnostics.isEmpty, "\(outcome.section.diagnostics)")
        XCTAssertNil(Self.charts(outcome.section).first?.reference)
    }

    func testAnInvalidMinimumIsADiagnosticAndTheDefaultApplies() throws {
        let plan = try Self.plan { $0.replacingOccurrences(of: "monthly_news_minimum: 1", with: "monthly_news_minimum: -2") }
        let outcome = try Self.run(plan: plan, ["tttt": ["tin_bai_cong_tinh": .monthly([7: 3, 8: 0, 9: 1])]])
        XCTAssertTrue(outcome.section.diagnostics.contains { $0.message.contains("monthly_news_minimum") })
        XCTAssertTrue(outcome.section.limitations.contains { $0.text.hasPrefix("Tháng 8 năm 2026 không có tin, bài nào") })
    }

    func testPlanTargetsBecomeFindings() throws {
        let plan = try Self.plan {
            $0.replacingOccurrences(
                of: "          numerator: [vb_di_ky_so]\n          denominator: [vb_di_dien_tu]\n",
                with:
                    "          numerator: [vb_di_ky_so]\n          denominator: [vb_di_dien_tu]\n        target:\n          at_least: 99.5\n"
            )
        }
        XCTAssertNotNil(plan.indicator("ty_le_ky_so")?.target)
        let missed = try Self.run(plan: plan, ["tchcqt": ["vb_di_dien_tu": 1_250, "vb_di_ky_so": 1_238]])
        XCTAssertEqual(
            missed.section.limitations.map(\.text),
            ["Tỷ lệ văn bản đi được ký số đạt 99,04 %, chưa đạt chỉ tiêu đề ra (từ 99,5 % trở lên)."])
        let met = try Self.run(plan: plan, ["tchcqt": ["vb_di_dien_tu": 1_250, "vb_di_ky_so": 1_250]])
        XCTAssertTrue(
            met.section.achievements.contains {
                $0.text == "Tỷ lệ văn bản đi được ký số đạt 100 %, đạt chỉ tiêu đề ra (từ 99,5 % trở lên)."
            })
        XCTAssertTrue(met.section.limitations.isEmpty)
    }

    // MARK: Whole sections from submissions (notes, narratives, other periods)

    func testCauseFromTheFigureNoteAndActivitiesByTopic() async throws {
        let q3 = Period.quarter(3, 2026)
        let section = try await Self.compile(
            period: q3,
            [
                Self.submission(
                    "tttt", q3,
                    figures: [
                        "tin_bai_cong_tinh": Self.value(
                            5, months: [7: 3, 8: 0, 9: 2], note: "Tháng 8, Cổng Thông tin điện tử tỉnh tạm dừng để nâng cấp.")
                    ],
                    activities: [
                        ("Đăng tải Bản tin điện tử cải cách hành chính số 3 và số 4.", "II.2"),
                        ("Phối hợp triển khai các nhiệm vụ của Đề án 06 tại Trung tâm Phục vụ hành chính công.", nil),
                    ]),
                Self.submission(
                    "tchcqt", q3, figures: ["vb_di_dien_tu": Self.value(1_250), "vb_di_ky_so": Self.value(1_238)],
                    activities: [
                        ("Duy trì sử dụng Hệ thống quản lý văn bản và điều hành trong toàn cơ quan", nil),
                        ("Tổ chức hội nghị giao ban trực tuyến", nil),
                    ]),
            ])
        let limitation = try XCTUnwrap(section.limitations.first)
        XCTAssertEqual(
            limitation.text,
            "Tháng 8 năm 2026 không có tin, bài nào về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh, chưa "
                + "bảo đảm yêu cầu tại mục II.2 của Kế hoạch (hằng tháng có tin, bài về cải cách hành chính trên Cổng Thông tin điện tử tỉnh)."
        )
        XCTAssertEqual(limitation.cause, "Tháng 8, Cổng Thông tin điện tử tỉnh tạm dừng để nâng cấp")
        let headings = section.blocks.compactMap { block -> String? in
            if case .heading(let h) = block { return h.line } else { return nil }
        }
        XCTAssertEqual(
            headings,
            [
                "a) Gửi, nhận văn bản điện tử và ứng dụng chữ ký số",
                "b) Cổng Thông tin điện tử tỉnh và Trang Thông tin điện tử Văn phòng",
                "c) Chuyển đổi số và thực hiện Đề án 06",
                "d) Các hoạt động khác",
            ])
        let texts = ExampleHarness.texts(of: section)
        // The engine names the acting unit of each merged activity.
        XCTAssertTrue(texts.contains("Phòng TCHCQT duy trì sử dụng Hệ thống quản lý văn bản và điều hành trong toàn cơ quan."))
        XCTAssertTrue(texts.contains("Trung tâm Thông tin đăng tải Bản tin điện tử cải cách hành chính số 3 và số 4."))
        XCTAssertTrue(texts.contains("Phòng TCHCQT tổ chức hội nghị giao ban trực tuyến."))
        // Month figures back the chart and the finding.
        XCTAssertTrue(section.figures.contains { $0.period == .month(8, 2026) && $0.indicator == "tin_bai_cong_tinh" && $0.number == 0 })
    }

    func testActivitiesThatOnlyRepeatTheFiguresAreLeftOut() async throws {
        let q3 = Period.quarter(3, 2026)
        let section = try await Self.compile(
            period: q3,
            [
                Self.submission(
                    "tchcqt", q3,
                    figures: ["vb_di_dien_tu": Self.value(3_690), "vb_di_ky_so": Self.value(3_690), "vb_den_dien_tu": Self.value(11_862)],
                    activities: [
                        ("Gửi 3.690 văn bản điện tử đi, 100 % có chữ ký số; tiếp nhận 11.862 văn bản điện tử đến.", "II.1"),
                        ("Tổ chức 3 buổi hướng dẫn sử dụng chữ ký số cá nhân.", nil),
                        ("Hướng dẫn 3.690 lượt công chức sử dụng chữ ký số cá nhân.", nil),
                    ])
            ])
        let texts = ExampleHarness.texts(of: section)
        XCTAssertFalse(
            texts.contains { $0.hasPrefix("Phòng TCHCQT gửi 3.690 văn bản điện tử đi") || $0.hasPrefix("Gửi 3.690 văn bản điện tử đi") })
        XCTAssertTrue(section.diagnostics.contains { $0.message.contains("chỉ nêu lại số liệu") && $0.message.contains("Phòng TCHCQT") })
        // One number alone keeps the activity: it may count something else.
        XCTAssertTrue(texts.contains("Phòng TCHCQT tổ chức 3 buổi hướng dẫn sử dụng chữ ký số cá nhân."))
        XCTAssertTrue(texts.contains("Phòng TCHCQT hướng dẫn 3.690 lượt công chức sử dụng chữ ký số cá nhân."))
    }

    func testUnitsOwnLimitationOnTheMonthIsNotRepeated() async throws {
        let q2 = Period.quarter(2, 2026)
        let at = SourceLocation(file: "test.yaml", line: 1, column: 1)
        var submission = Self.submission("tttt", q2, figures: ["tin_bai_trang_vp": Self.value(16, months: [4: 7, 5: 0, 6: 9])])
        submission.narratives += [
            NarrativeItem(
                kind: .limitation,
                text: "Tháng 5/2026 không có tin, bài mới về cải cách hành chính trên Trang Thông tin điện tử Văn phòng UBND tỉnh.",
                cause: "Trang chuyển đổi sang nền tảng mới.", area: "e-government", unit: "tttt", period: q2, location: at),
            NarrativeItem(
                kind: .nextTask, text: "Bảo đảm mỗi tháng có tin, bài về cải cách hành chính trên Trang Thông tin điện tử Văn phòng.",
                area: "e-government", unit: "tttt", period: q2, location: at),
        ]
        let section = try await Self.compile(period: q2, [submission])
        XCTAssertTrue(section.limitations.isEmpty, "\(section.limitations)")
        XCTAssertTrue(section.nextTasks.isEmpty, "\(section.nextTasks)")
        XCTAssertTrue(ExampleHarness.texts(of: section).contains { $0.contains("riêng tháng 5 không có tin, bài nào") })
    }

    func testChartOfMonthlyNews() throws {
        let harness = ExampleHarness(plan: try Fixtures.plan(), registry: BuiltinPlugins.registry)
        let outcome = try harness.run(
            PluginExample(
                "chart",
                current: ["tttt": ["tin_bai_cong_tinh": .monthly([7: 6, 8: 5, 9: 7]), "tin_bai_trang_vp": .monthly([7: 4, 9: 5])]]),
            plugin: EGovernmentSection.self)
        let chart = try XCTUnwrap(Self.charts(outcome.section).first)
        XCTAssertEqual(chart.kind, .bar)
        XCTAssertEqual(chart.categories, ["Tháng 7", "Tháng 8", "Tháng 9"])
        XCTAssertEqual(
            chart.series,
            [
                Chart.Series(name: "Cổng Thông tin điện tử tỉnh", values: [6, 5, 7]),
                Chart.Series(name: "Trang Thông tin điện tử Văn phòng", values: [4, nil, 5]),
            ])
        XCTAssertEqual(chart.unit, "tin, bài")
        // The plan's monthly minimum binds the portal only (II.2), and the line says so.
        XCTAssertEqual(chart.reference, Chart.Reference(label: "Mức tối thiểu mỗi tháng trên Cổng Thông tin điện tử tỉnh", value: 1))
    }

    func testHalfYearFromQuartersKeepsTheMonths() async throws {
        let q1 = Period.quarter(1, 2026)
        let q2 = Period.quarter(2, 2026)
        let section = try await Self.compile(
            period: .half(1, 2026),
            [
                Self.submission("tttt", q1, figures: ["tin_bai_cong_tinh": Self.value(9, months: [1: 2, 2: 3, 3: 4])]),
                Self.submission("tttt", q2, figures: ["tin_bai_cong_tinh": Self.value(12, months: [4: 4, 5: 4, 6: 4])]),
            ])
        XCTAssertEqual(
            section.achievements.map(\.text),
            [
                "Trong 6 tháng đầu năm 2026, tháng nào cũng có tin, bài về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh (ít nhất 02 tin, bài mỗi tháng), bảo đảm yêu cầu tại mục II.2 của Kế hoạch (hằng tháng có tin, bài về cải cách hành chính trên Cổng Thông tin điện tử tỉnh)."
            ])
        XCTAssertFalse(section.diagnostics.contains { $0.message.contains("Cổng Thông tin") }, "\(section.diagnostics)")
    }

    func testQuarterFromMonthSubmissionsWithoutMonthKeys() async throws {
        let section = try await Self.compile(
            period: .quarter(3, 2026),
            [7, 8, 9].map { m in
                Self.submission("tttt", .month(m, 2026), figures: ["tin_bai_cong_tinh": Self.value(m == 8 ? 0 : 2)])
            })
        XCTAssertEqual(section.limitations.first?.text.hasPrefix("Tháng 8 năm 2026 không có tin, bài nào"), true, "\(section.limitations)")
        XCTAssertFalse(section.diagnostics.contains { $0.message.contains("Cổng Thông tin") }, "\(section.diagnostics)")
    }

    // MARK: Golden sections on the shipped example data

    func testGoldenSectionsOnShippedData() async throws {
        let plan = try Fixtures.plan()
        let data = DataLoader(plan: plan).load(folder: Fixtures.dataPath, displayRoot: "Plans/data")
        let aggregator = Aggregator(plan: plan, submissions: data.submissions)
        let periods = plan.reportedPeriods.filter { aggregator.hasData(for: $0) }
        XCTAssertFalse(periods.isEmpty, "no shipped example data in Plans/data yet")
        for period in periods {
            let section = try await Fixtures.shippedSection(area: "e-government", period: period.code)
            try Fixtures.assertGolden(Fixtures.review(section), "e-government-\(period.code).md")
        }
    }

    // MARK: Helpers

    /// The shipped plan with its text changed by `edit`.
    static func plan(_ edit: (String) -> String) throws -> Plan {
        let text = try String(contentsOfFile: Fixtures.planPath, encoding: .utf8)
        let edited = edit(text)
        XCTAssertNotEqual(edited, text, "the plan edit did not apply")
        let result = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(text: edited, displayPath: "edited-plan.yaml")
        guard let plan = result.plan else {
            XCTFail(result.diagnostics.map(\.description).joined(separator: "\n"))
            throw PluginError("plan")
        }
        return plan
    }

    static func run(plan: Plan, _ current: [String: [String: ExampleValue]]) throws -> ExampleHarness.Outcome {
        try ExampleHarness(plan: plan, registry: BuiltinPlugins.registry).run(
            PluginExample("test", current: current), plugin: EGovernmentSection.self)
    }

    static func charts(_ section: Section) -> [Chart] {
        section.blocks.compactMap { block in
            if case .chart(let c) = block { return c } else { return nil }
        }
    }

    static func value(_ number: Double, months: [Int: Double] = [:], note: String? = nil) -> SubmittedValue {
        SubmittedValue(number: number, months: months, note: note, location: SourceLocation(file: "test.yaml", line: 1, column: 1))
    }

    static func submission(
        _ unit: String, _ period: Period, figures: [String: SubmittedValue], activities: [(String, String?)] = []
    ) -> Submission {
        let file = "test/\(period.code)/\(unit).yaml"
        let at = SourceLocation(file: file, line: 1, column: 1)
        let narratives = activities.map { text, task in
            NarrativeItem(kind: .activity, text: text, area: "e-government", task: task, unit: unit, period: period, location: at)
        }
        return Submission(
            unit: unit, period: period, file: file, illustrative: true, figures: figures, narratives: narratives, location: at)
    }

    static func compile(period: Period, _ submissions: [Submission]) async throws -> Section {
        let engine = Engine(plan: try Fixtures.plan(), submissions: submissions, registry: BuiltinPlugins.registry)
        let output = try await engine.compile(period: period)
        return try XCTUnwrap(output.sections.first { $0.area.id == "e-government" }?.section)
    }
}
