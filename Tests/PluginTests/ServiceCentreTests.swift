import BaocaoCore
import BaocaoPlugins
import Foundation
import ServiceCentrePlugin
import XCTest

final class ServiceCentreTests: XCTestCase {
    func testDescriptor() {
        let descriptor = ServiceCentreSection.descriptor
        XCTAssertEqual(descriptor.id, "service-centre")
        XCTAssertTrue(descriptor.expectedIndicators.contains("video_huong_dan"))
    }

    // MARK: Golden sections on the shipped example data

    func testGoldenFirstQuarter() async throws {
        try await golden("2026-Q1")
    }

    func testGoldenFirstHalf() async throws {
        try await golden("2026-H1")
    }

    func testGoldenThirdQuarter() async throws {
        try await golden("2026-Q3")
    }

    /// The shipped data stop at the third quarter: the year has no complete data yet.
    func testGoldenYear() async throws {
        try await golden("2026")
    }

    private func golden(_ period: String, file: StaticString = #filePath, line: UInt = #line) async throws {
        let section = try await Fixtures.shippedSection(area: "service-centre", period: period)
        try Fixtures.assertGolden(Fixtures.review(section), "service-centre-\(period).md", file: file, line: line)
    }

    // MARK: Rules the descriptor examples cannot express (narratives, notes, plan settings)

    /// Activities of the area are printed; those on the video task follow the video paragraph, and
    /// an item from a unit other than the centre names that unit.
    func testActivities() async throws {
        let section = try await compile(
            "2026-Q3",
            figures: ["video_huong_dan": 2, "tt_hs_tiep_nhan": 100],
            narratives: [
                activity("phối hợp xây dựng 02 video clip hướng dẫn thanh toán trực tuyến", task: "II.3"),
                activity("Bố trí nhân viên hướng dẫn người dân tại sảnh Trung tâm;"),
                activity("Đăng tải tin về hoạt động của Trung tâm", unit: "tttt"),
            ])
        let texts = ExampleHarness.texts(of: section)
        // The engine names the acting unit at the head of each merged activity, once.
        XCTAssertTrue(
            texts.contains("Trung tâm Phục vụ hành chính công phối hợp xây dựng 02 video clip hướng dẫn thanh toán trực tuyến."), "\(texts)"
        )
        XCTAssertTrue(texts.contains("Ngoài ra, trong kỳ đã triển khai các hoạt động:"), "\(texts)")
        XCTAssertTrue(
            texts.contains("Trung tâm Phục vụ hành chính công bố trí nhân viên hướng dẫn người dân tại sảnh Trung tâm."), "\(texts)")
        XCTAssertTrue(texts.contains("Trung tâm Thông tin đăng tải tin về hoạt động của Trung tâm."), "\(texts)")
        // The task's activity comes right after the video paragraph, before the other activities.
        let videoParagraph = try XCTUnwrap(texts.firstIndex { $0.hasPrefix("Thực hiện nhiệm vụ tại mục II.3") })
        let taskActivity = try XCTUnwrap(
            texts.firstIndex { $0.hasPrefix("Trung tâm Phục vụ hành chính công phối hợp xây dựng 02 video clip") })
        let others = try XCTUnwrap(texts.firstIndex { $0.hasPrefix("Ngoài ra") })
        XCTAssertEqual(taskActivity, videoParagraph + 1)
        XCTAssertLessThan(taskActivity, others)
    }

    /// No video in the year: a limitation whose cause is the unit's note on the figure.
    func testYearWithoutVideosTakesCauseFromNote() async throws {
        let section = try await compile(
            "2026", figures: ["video_huong_dan": 0], notes: ["video_huong_dan": "Chưa bố trí được kinh phí xây dựng video clip."])
        let limitation = try XCTUnwrap(section.limitations.first)
        XCTAssertTrue(limitation.text.hasPrefix("Chưa thực hiện nhiệm vụ tại mục II.3 của Kế hoạch"), limitation.text)
        XCTAssertEqual(limitation.cause, "Chưa bố trí được kinh phí xây dựng video clip.")
        XCTAssertTrue(section.nextTasks.isEmpty, "the plan's year is over: no task for the next period")
    }

    /// A rate's fall takes its cause from the unit's note on the rate's parts.
    func testFallingRateTakesCauseFromNote() async throws {
        let section = try await compile(
            "2026-Q3", figures: ["tt_hs_phai_nop_phi": 100, "tt_thanh_toan_truc_tuyen": 40],
            notes: ["tt_thanh_toan_truc_tuyen": "Hệ thống thanh toán gián đoạn trong tháng 8."],
            previous: ["tt_hs_phai_nop_phi": 100, "tt_thanh_toan_truc_tuyen": 50])
        let limitation = try XCTUnwrap(section.limitations.first)
        XCTAssertEqual(
            limitation.text,
            "Tỷ lệ thanh toán trực tuyến phí, lệ phí tại Trung tâm Phục vụ hành chính công đạt 40,00 %, "
                + "giảm 10,00 điểm phần trăm so với quý II năm 2026")
        XCTAssertEqual(limitation.cause, "Hệ thống thanh toán gián đoạn trong tháng 8.")
    }

    /// A target in the plan decides the finding, met or missed, whatever the comparisons say.
    func testPlanTarget() throws {
        // Targets come from the plan file: add one to the shipped plan's rate.
        let text = try String(contentsOfFile: Fixtures.planPath, encoding: .utf8)
        let anchor = "      - id: ty_le_so_hoa\n"
        XCTAssertTrue(text.contains(anchor))
        let withTarget = text.replacingOccurrences(
            of: anchor, with: anchor + "        target: {at_least: 90, basis: \"Kế hoạch số 01/KH-UBND\"}\n")
        let loaded = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(text: withTarget, displayPath: "plan.yaml")
        let plan = try XCTUnwrap(loaded.plan, loaded.diagnostics.map(\.description).joined(separator: "\n"))
        let harness = ExampleHarness(plan: plan, registry: BuiltinPlugins.registry)
        let missed = try harness.run(
            PluginExample("missed", current: ["ttpvhcc": ["tt_hs_tiep_nhan": 100, "tt_hs_so_hoa": 85]]), plugin: ServiceCentreSection.self)
        XCTAssertEqual(
            missed.section.limitations.map(\.text),
            [
                "Tỷ lệ số hóa hồ sơ tại Trung tâm Phục vụ hành chính công đạt 85,00 %, chưa đạt chỉ tiêu Kế hoạch đề ra "
                    + "(tối thiểu 90 % theo Kế hoạch số 01/KH-UBND)"
            ])
        let met = try harness.run(
            PluginExample(
                "met", current: ["ttpvhcc": ["tt_hs_tiep_nhan": 100, "tt_hs_so_hoa": 95]],
                previous: ["ttpvhcc": ["tt_hs_tiep_nhan": 100, "tt_hs_so_hoa": 97]]), plugin: ServiceCentreSection.self)
        XCTAssertEqual(
            met.section.achievements.map(\.text),
            [
                "Tỷ lệ số hóa hồ sơ tại Trung tâm Phục vụ hành chính công đạt 95,00 %, đạt chỉ tiêu Kế hoạch đề ra "
                    + "(tối thiểu 90 % theo Kế hoạch số 01/KH-UBND)"
            ])
        XCTAssertTrue(met.section.limitations.isEmpty)
    }

    /// The plan may ask for a larger change before a rate's rise or fall becomes a finding.
    func testChangeThresholdOption() throws {
        var plan = try Fixtures.plan()
        let area = try XCTUnwrap(plan.areas.firstIndex { $0.id == "service-centre" })
        plan.areas[area].options["rate_change_threshold"] = .number(1)
        let harness = ExampleHarness(plan: plan, registry: BuiltinPlugins.registry)
        let example = PluginExample(
            "small rise", current: ["ttpvhcc": ["tt_danh_gia": 1000, "tt_danh_gia_hai_long": 985]],
            previous: ["ttpvhcc": ["tt_danh_gia": 1000, "tt_danh_gia_hai_long": 980]])
        let outcome = try harness.run(example, plugin: ServiceCentreSection.self)
        XCTAssertTrue(outcome.section.achievements.isEmpty, "\(outcome.section.achievements)")
        XCTAssertTrue(outcome.texts.contains("+0,50"), "\(outcome.texts)")
    }

    /// A period outside the plan's year is not measured against the plan's tasks.
    func testPeriodOutsidePlanYear() throws {
        let harness = ExampleHarness(plan: try Fixtures.plan(), registry: BuiltinPlugins.registry)
        let outcome = try harness.run(
            PluginExample("2025", current: ["ttpvhcc": ["video_huong_dan": 0]], period: "2025"), plugin: ServiceCentreSection.self)
        XCTAssertTrue(outcome.section.limitations.isEmpty)
        XCTAssertTrue(outcome.section.nextTasks.isEmpty)
        XCTAssertFalse(outcome.texts.contains { $0.contains("II.3") }, "\(outcome.texts)")
    }

    // MARK: Helpers

    private func activity(_ text: String, task: String? = nil, unit: String = "ttpvhcc") -> NarrativeItem {
        NarrativeItem(
            kind: .activity, text: text, area: "service-centre", task: task, unit: unit, period: Period("2026-Q3")!,
            location: SourceLocation(file: "t.yaml", line: 20, column: 3))
    }

    /// Compiles a report from the centre's figures (and narratives) and returns this area's section.
    private func compile(
        _ code: String, figures: [String: Double], notes: [String: String] = [:], narratives: [NarrativeItem] = [],
        previous: [String: Double]? = nil
    ) async throws -> Section {
        let plan = try Fixtures.plan()
        let period = try XCTUnwrap(Period(code))
        func submission(_ figures: [String: Double], _ period: Period, _ narratives: [NarrativeItem]) -> Submission {
            let file = "test/\(period.code)/ttpvhcc.yaml"
            var values: [String: SubmittedValue] = [:]
            for (index, (id, number)) in figures.sorted(by: { $0.key < $1.key }).enumerated() {
                values[id] = SubmittedValue(
                    number: number, note: notes[id], location: SourceLocation(file: file, line: index + 2, column: 3))
            }
            let items = narratives.map { item -> NarrativeItem in
                var item = item
                item.period = period
                return item
            }
            return Submission(
                unit: "ttpvhcc", period: period, file: file, illustrative: true, figures: values, narratives: items,
                location: SourceLocation(file: file, line: 1, column: 1))
        }
        var submissions = [submission(figures, period, narratives)]
        if let previous, let before = period.previous { submissions.append(submission(previous, before, [])) }
        let engine = Engine(plan: plan, submissions: submissions, registry: BuiltinPlugins.registry)
        let output = try await engine.compile(period: period, options: Engine.Options(allowPartial: true))
        return try XCTUnwrap(output.sections.first { $0.area.id == "service-centre" }?.section)
    }
}
