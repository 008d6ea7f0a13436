import BaocaoPlugins
import CivilServicePlugin
import EGovernmentPlugin
import Foundation
import ProceduresPlugin
import ServiceCentrePlugin
import XCTest

@testable import BaocaoCore
@testable import IndicesPlugin

/// The rules of issue 13 that belong to the plugin writers and the toolkit: a requirement
/// belongs to what the plan says it does; each satisfaction rate is named for what it is; index
/// results are the latest published, judged by their publication calendar; comparisons name
/// their periods once and never give a percentage of a handful; one typography for the office.
final class OfficeWordingTests: XCTestCase {
    // MARK: The monthly news requirement (plan, II.2: the provincial portal only)

    /// Q3 2026: the portal missed August, the Office's website had news every month. Only the
    /// portal is bound by the plan's monthly requirement, so the website earns no "bảo đảm yêu cầu".
    func testMonthlyRequirementIsThePortalsNotTheWebsitesInAQuarter() throws {
        let outcome = try run(
            EGovernmentSection.self,
            ["tttt": ["tin_bai_cong_tinh": .monthly([7: 6, 8: 0, 9: 7]), "tin_bai_trang_vp": .monthly([7: 8, 8: 7, 9: 9])]])
        let achievements = outcome.section.achievements.map(\.text).joined(separator: "\n")
        let limitations = outcome.section.limitations.map(\.text).joined(separator: "\n")
        XCTAssertFalse(achievements.contains("Trang Thông tin điện tử Văn phòng"), achievements)
        XCTAssertFalse(achievements.contains("yêu cầu"), achievements)
        XCTAssertTrue(
            limitations.contains(
                "Tháng 8 năm 2026 không có tin, bài nào về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh, chưa bảo đảm yêu cầu tại mục II.2 của Kế hoạch"
            ), limitations)
    }

    /// H1 2026: the website missed May, the portal had news every month. No limitation about the
    /// website; the portal's achievement cites the plan.
    func testMonthlyRequirementIsThePortalsNotTheWebsitesInAHalfYear() throws {
        let outcome = try run(
            EGovernmentSection.self,
            [
                "tttt": [
                    "tin_bai_cong_tinh": .monthly([1: 4, 2: 3, 3: 5, 4: 5, 5: 6, 6: 4]),
                    "tin_bai_trang_vp": .monthly([1: 6, 2: 5, 3: 8, 4: 7, 5: 0, 6: 9]),
                ]
            ], period: "2026-H1")
        let limitations = outcome.section.limitations.map(\.text).joined(separator: "\n")
        let tasks = outcome.section.nextTasks.map(\.text).joined(separator: "\n")
        XCTAssertFalse(limitations.contains("Trang Thông tin điện tử Văn phòng"), limitations)
        XCTAssertFalse(tasks.contains("Trang Thông tin điện tử Văn phòng"), tasks)
        XCTAssertTrue(
            outcome.section.achievements.contains {
                $0.text.contains("tháng nào cũng có tin, bài về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh")
                    && $0.text.contains("mục II.2 của Kế hoạch")
            }, outcome.section.achievements.map(\.text).joined(separator: "\n"))
        // The website's empty month is still stated, as a fact.
        XCTAssertTrue(
            outcome.texts.contains {
                $0.contains("Trang Thông tin điện tử Văn phòng") && $0.contains("riêng tháng 5 không có tin, bài nào")
            })
    }

    /// The requirement is read from the plan: a plan whose monthly line names the website binds
    /// the website and frees the portal.
    func testMonthlyRequirementFollowsThePlansTaskContent() throws {
        let plan = try EGovernmentTests.plan {
            $0.replacingOccurrences(
                of: "Hàng tháng, có các tin, bài về công tác cải cách hành chính được đăng trên Cổng thông tin điện tử của tỉnh.",
                with: "Hàng tháng, có các tin, bài về công tác cải cách hành chính được đăng trên Trang thông tin điện tử của Văn phòng.")
        }
        let outcome = try ExampleHarness(plan: plan, registry: BuiltinPlugins.registry).run(
            PluginExample(
                "test",
                current: [
                    "tttt": ["tin_bai_cong_tinh": .monthly([7: 6, 8: 0, 9: 7]), "tin_bai_trang_vp": .monthly([7: 2, 8: 0, 9: 1])]
                ]), plugin: EGovernmentSection.self)
        let limitations = outcome.section.limitations.map(\.text)
        XCTAssertEqual(limitations.count, 1, limitations.joined(separator: "\n"))
        XCTAssertTrue(limitations.first?.contains("Trang Thông tin điện tử Văn phòng") == true, limitations.joined(separator: "\n"))
    }

    // MARK: Two satisfaction rates, two names

    func testTheShareOfRatingsIsNotCalledTheSatisfactionOf766() throws {
        let outcome = try run(
            ServiceCentreSection.self, ["ttpvhcc": ["tt_danh_gia": 5_745, "tt_danh_gia_hai_long": 5_682]],
            previous: ["ttpvhcc": ["tt_danh_gia": 5_000, "tt_danh_gia_hai_long": 4_970]])
        let all = outcome.texts.joined(separator: "\n")
        XCTAssertFalse(all.contains("Mức độ hài lòng: "), all)
        XCTAssertFalse(all.contains("Mức độ hài lòng (18)"), all)
        XCTAssertTrue(all.contains("Tỷ lệ lượt đánh giá hài lòng, rất hài lòng: 5.682/5.745 lượt đánh giá"), all)
        let table = try XCTUnwrap(Self.tables(outcome.section).first)
        XCTAssertEqual(table.rows.first?[1].text, "Tỷ lệ lượt đánh giá hài lòng, rất hài lòng")
    }

    func testTheSatisfactionOf766IsNamedAsComputedOverDossiers() throws {
        let outcome = try run(
            ProceduresSection.self,
            [
                "ttpvhcc": [
                    "hs_giai_quyet_truoc_han": 7_268, "hs_giai_quyet_dung_han": 930, "hs_giai_quyet_qua_han": 9,
                    "hs_khong_hai_long": 12,
                ]
            ])
        let all = outcome.texts.joined(separator: "\n")
        XCTAssertTrue(all.contains("Mức độ hài lòng trong giải quyết thủ tục hành chính (tính trên số hồ sơ đã giải quyết)"), all)
        XCTAssertTrue(all.contains("đạt 99,85 %"), all)
    }

    /// Section 5 refers to the dossiers of section 1 instead of repeating them and their changes.
    func testTheCentreRefersToTheDossiersOfTheProceduresSection() throws {
        let plan = try Self.planWithDossiersStatedInProcedures()
        let outcome = try ExampleHarness(plan: plan, registry: BuiltinPlugins.registry).run(
            PluginExample(
                "test", current: ["ttpvhcc": ["tt_hs_tiep_nhan": 8_246, "tt_hs_tra_ket_qua": 8_207]],
                previous: ["ttpvhcc": ["tt_hs_tiep_nhan": 7_820, "tt_hs_tra_ket_qua": 7_770]]), plugin: ServiceCentreSection.self)
        let all = outcome.texts.joined(separator: "\n")
        XCTAssertTrue(all.contains("đã nêu tại mục 1 Phần I (Cải cách thủ tục hành chính)"), all)
        XCTAssertFalse(all.contains("tiếp nhận 8.246 hồ sơ"), all)
        XCTAssertFalse(all.contains("so với quý II năm 2026"), all)
    }

    // MARK: Index results: the latest published, judged by their calendar

    func testAnOldIndexResultIsNoAchievementAndWarnsByItsCalendar() async throws {
        let section = try await Fixtures.section(
            area: "indices", period: "2026-Q3",
            files: [
                """
                unit: tchcqt
                period: 2026-Q3
                figures:
                  par_index: {value: 90.02, year: 2024, source: "Quyết định số 268/QĐ-BNV ngày 28/3/2025 của Bộ Nội vụ", group: "A", earlier: {value: 88.66, year: 2023}}
                  par_index_rank: {value: 12, out_of: 63, year: 2024, source: "Quyết định số 268/QĐ-BNV ngày 28/3/2025 của Bộ Nội vụ", earlier: {value: 13, out_of: 63, year: 2023}}
                """
            ])
        let texts = ExampleHarness.texts(of: section).joined(separator: "\n")
        XCTAssertFalse(
            section.achievements.contains { $0.text.contains("PAR INDEX") }, section.achievements.map(\.text).joined(separator: "\n"))
        XCTAssertFalse(texts.contains("cập nhật đến"), texts)
        XCTAssertTrue(texts.contains("Kết quả đã công bố gần nhất của các chỉ số của tỉnh mà Văn phòng UBND tỉnh tổng hợp được"), texts)
        XCTAssertTrue(
            section.diagnostics.contains {
                $0.message.contains("PAR INDEX: kết quả năm 2024 có thể chưa phải kết quả công bố gần nhất")
                    && $0.message.contains("có thể đã có kết quả năm 2025")
            }, section.diagnostics.map(\.message).joined(separator: "\n"))
        // Not collected is not "not published".
        XCTAssertTrue(texts.contains("Văn phòng UBND tỉnh chưa tổng hợp được kết quả các chỉ số SIPAS"), texts)
        XCTAssertFalse(texts.contains("chưa có kết quả công bố"), texts)
        // One date format: the unit's "28/3/2025" printed as "28/03/2025".
        XCTAssertTrue(texts.contains("ngày 28/03/2025"), texts)
        XCTAssertFalse(texts.contains("28/3/2025"), texts)
    }

    /// The plugin's own judgement, before the engine's checks: a result published within the
    /// period (PAR INDEX 2025, 20/03/2026, in the first half of 2026) is news of this period.
    func testAResultPublishedWithinThePeriodIsItsAchievement() throws {
        let section = try Self.pluginSection(
            IndicesSection.self, period: "2026-H1",
            files: [
                """
                unit: tchcqt
                period: 2026-H1
                figures:
                  par_index: {value: 91.5, year: 2025, source: "Quyết định số 150/QĐ-BNV ngày 20/3/2026 của Bộ Nội vụ (số liệu minh họa)", earlier: {value: 90.02, year: 2024}}
                """
            ])
        XCTAssertTrue(
            section.achievements.contains { $0.text.contains("PAR INDEX") && $0.text.contains("năm 2025") },
            (section.achievements.map(\.text) + section.diagnostics.map(\.message)).joined(separator: "\n"))
        XCTAssertFalse(section.diagnostics.contains { $0.message.contains("PAR INDEX: kết quả năm 2025 có thể chưa phải") })
    }

    func testPublicationCalendarsGiveTheLatestExpectedYear() throws {
        let q3 = try XCTUnwrap(CivilDate(year: 2026, month: 9, day: 14))
        let q1 = try XCTUnwrap(CivilDate(year: 2026, month: 3, day: 14))
        // PAR INDEX (spring): by 14/9/2026 the 2025 result is due; by 14/3/2026 only 2024.
        func latestYear(_ score: String, _ date: CivilDate) -> Int? {
            IndexSpec.all.first { $0.score == score }?.calendar?.latestYear(publishedBy: date)
        }
        XCTAssertEqual(latestYear("par_index", q3), 2025)
        XCTAssertEqual(latestYear("par_index", q1), 2024)
        XCTAssertEqual(latestYear("pci", q3), 2025)
        // DTI (mid-year or later): the 2025 result may come as late as December 2026.
        XCTAssertEqual(latestYear("dti", q3), 2024)
        // POBI is published irregularly: no calendar, no staleness claim.
        XCTAssertNil(latestYear("pobi", q3))
    }

    // MARK: Comparisons

    func testASmallBaseGivesCountsNotAPercentage() throws {
        let outcome = try run(
            IndicesSection.self, ["tttt": ["tin_bai_chi_so": 3]], previous: ["tttt": ["tin_bai_chi_so": 5]],
            sameLastYear: ["tttt": ["tin_bai_chi_so": 3]])
        let all = outcome.texts.joined(separator: "\n")
        XCTAssertFalse(all.contains("40 %"), all)
        XCTAssertTrue(
            all.contains("03 tin, bài, tài liệu tuyên truyền, phổ biến kết quả các chỉ số (quý II năm 2026: 05; cùng kỳ năm 2025: 03)"), all
        )
    }

    func testTheSmallBaseThresholdIsTheToolkitsForEveryPlugin() {
        let figure = Figure(indicator: "x", period: Period("2026-Q2")!, unit: nil, number: 5, sources: [], derivation: "test")
        let small = Comparison(
            current: 3, base: 5, kind: .count, basis: .previousPeriod, baseLabel: "quý II năm 2026", baseFigure: figure, measure: "tin, bài"
        )
        XCTAssertEqual(small.phrase, "giảm 02 tin, bài so với quý II năm 2026")
        let large = Comparison(
            current: 45, base: Comparison.smallBase, kind: .count, basis: .previousPeriod, baseLabel: "quý II năm 2026", baseFigure: figure,
            measure: "hồ sơ")
        XCTAssertTrue(large.phrase.hasSuffix("% so với quý II năm 2026"), large.phrase)
    }

    /// A point names each comparison period once, then "quý trước" and "cùng kỳ".
    func testAPointNamesItsComparisonPeriodsOnce() throws {
        let outcome = try run(
            EGovernmentSection.self, ["tchcqt": ["vb_di_dien_tu": 3_690, "vb_di_ky_so": 3_690, "vb_den_dien_tu": 11_862]],
            previous: ["tchcqt": ["vb_di_dien_tu": 3_472, "vb_di_ky_so": 3_472, "vb_den_dien_tu": 11_048]],
            sameLastYear: ["tchcqt": ["vb_di_dien_tu": 3_580, "vb_di_ky_so": 3_566, "vb_den_dien_tu": 12_316]])
        let paragraph = try XCTUnwrap(outcome.texts.first { $0.hasPrefix("Trong kỳ, Văn phòng UBND tỉnh đã gửi") })
        XCTAssertEqual(paragraph.components(separatedBy: "quý II năm 2026").count - 1, 1, paragraph)
        XCTAssertEqual(paragraph.components(separatedBy: "cùng kỳ năm 2025").count - 1, 1, paragraph)
        XCTAssertTrue(paragraph.contains("so với quý trước"), paragraph)
        XCTAssertTrue(paragraph.contains("so với cùng kỳ)"), paragraph)
    }

    // MARK: Typography of one office

    /// Counts below 10 in running text take the office's leading zero, in every plugin.
    func testCountsBelowTenHaveALeadingZeroInEverySection() async throws {
        let pattern = #/(?:^|[\s(])[1-9] (hồ sơ|tin, bài|người|bậc|văn bản|lượt|thư|số|sản phẩm|cuộc|thủ tục|ý kiến|phản ánh)/#
        for area in ["procedures", "e-government", "civil-service", "indices", "service-centre"] {
            for period in ["2026-Q3", "2026-H1", "2026"] {
                let section = try await Fixtures.shippedSection(area: area, period: period)
                var texts: [String] = []
                for block in section.blocks {
                    switch block {
                    case .paragraph(let p): texts.append(p.plainText)
                    case .list(let items): texts += items.map(\.plainText)
                    default: break
                    }
                }
                texts += (section.achievements + section.limitations + section.nextTasks).map(\.text)
                for text in texts {
                    XCTAssertNil(text.firstMatch(of: pattern), "\(area) \(period): \(text)")
                }
            }
        }
    }

    /// A column of rates holds one number of decimals: 96,50 beside 93,01, +8,50 beside +1,49.
    func testRateColumnsHaveTwoDecimals() async throws {
        let section = try await Fixtures.shippedSection(area: "service-centre", period: "2026-Q3")
        let table = try XCTUnwrap(Self.tables(section).first)
        let twoDecimals = #/^[+-]?\d+,\d\d$|^100$|^0$/#
        for row in table.rows {
            for cell in row.dropFirst(3) {
                XCTAssertNotNil(cell.text.wholeMatch(of: twoDecimals), "'\(cell.text)' in \(row.map(\.text))")
            }
        }
    }

    func testChartMonthLabelsAreAlike() throws {
        let outcome = try run(
            EGovernmentSection.self, ["tttt": ["tin_bai_cong_tinh": .monthly([1: 4, 2: 3, 3: 5, 4: 5, 5: 6, 6: 4])]], period: "2026-H1")
        let chart = try XCTUnwrap(EGovernmentTests.charts(outcome.section).first)
        XCTAssertEqual(chart.categories, ["Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6"])
    }

    /// One spelling of each proper name, whatever the plan or the unit wrote.
    func testProperNamesFollowTheGlossary() async throws {
        XCTAssertEqual(
            Glossary.normalize("truy cập vào cổng dịch vụ công Quốc gia; đăng trên Cổng thông tin điện tử của tỉnh"),
            "truy cập vào Cổng Dịch vụ công quốc gia; đăng trên Cổng Thông tin điện tử tỉnh")
        XCTAssertEqual(
            Glossary.normalize("Trang thông tin điện tử của Văn phòng UBND tỉnh"), "Trang Thông tin điện tử Văn phòng UBND tỉnh")
        let section = try await Fixtures.shippedSection(area: "service-centre", period: "2026-Q3")
        let tasks = section.nextTasks.map(\.text).joined(separator: "\n")
        XCTAssertFalse(tasks.contains("cổng dịch vụ công Quốc gia"), tasks)
        XCTAssertTrue(tasks.contains(Glossary.nationalPortal), tasks)
    }

    // MARK: Helpers

    func run(
        _ plugin: any SectionPlugin.Type, _ current: [String: [String: ExampleValue]],
        previous: [String: [String: ExampleValue]]? = nil, sameLastYear: [String: [String: ExampleValue]]? = nil,
        period: String = "2026-Q3"
    ) throws -> ExampleHarness.Outcome {
        try ExampleHarness(plan: try Fixtures.plan(), registry: BuiltinPlugins.registry).run(
            PluginExample("test", current: current, previous: previous, sameLastYear: sameLastYear, period: period), plugin: plugin)
    }

    /// The section a plugin writes from unit files given as YAML text, as the engine would call
    /// it, without the engine's later checks on the findings of all sections.
    static func pluginSection(_ plugin: any SectionPlugin.Type, period code: String, files: [String]) throws -> Section {
        let plan = try Fixtures.plan()
        let area = try XCTUnwrap(plan.areas.first { $0.plugin == plugin.descriptor.id })
        let period = try XCTUnwrap(Period(code))
        var submissions: [Submission] = []
        for (index, text) in files.enumerated() {
            let loaded = DataLoader(plan: plan).load(text: text, displayPath: "test/\(index).yaml")
            XCTAssertFalse(
                loaded.diagnostics.contains { $0.severity == .error }, loaded.diagnostics.map(\.description).joined(separator: "\n"))
            submissions += loaded.submissions
        }
        let engine = Engine(plan: plan, submissions: submissions, registry: BuiltinPlugins.registry)
        let aggregator = Aggregator(plan: plan, submissions: submissions)
        let (previous, sameLastYear) = Engine.comparisonData(for: period, aggregator)
        let context = engine.makeContext(
            area: area, period: period, current: aggregator.data(for: period).data, previous: previous, sameLastYear: sameLastYear)
        return try plugin.init().typesetSection(context)
    }

    static func tables(_ section: Section) -> [Table] {
        section.blocks.compactMap { block in
            if case .table(let t) = block { return t } else { return nil }
        }
    }

    /// The fixture plan with the service centre's `dossiers_stated_in: procedures`, whether or not
    /// the fixture already sets it.
    static func planWithDossiersStatedInProcedures() throws -> Plan {
        var text = try String(contentsOfFile: Fixtures.planPath, encoding: .utf8)
        if !text.contains("dossiers_stated_in:") {
            text = text.replacingOccurrences(
                of: "    plugin: service-centre\n    order: 50\n",
                with: "    plugin: service-centre\n    order: 50\n    options:\n      dossiers_stated_in: procedures\n")
        }
        XCTAssertTrue(text.contains("dossiers_stated_in: procedures"))
        let result = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(text: text, displayPath: "edited-plan.yaml")
        guard let plan = result.plan else {
            XCTFail(result.diagnostics.map(\.description).joined(separator: "\n"))
            throw PluginError("plan")
        }
        return plan
    }
}
