import BaocaoPlugins
import Foundation
import XCTest

@testable import BaocaoCore
@testable import IndicesPlugin

/// The indices section: its examples, the rules that need a result's year, total and earlier
/// result (which plugin examples cannot carry), and golden sections on the shipped data.
///
/// Index figures are Sơn La's published results (reference, § 5) unless a test says they are
/// synthetic; synthetic figures only test the rule that ranks out of 63 and out of 34 are not
/// compared.
final class IndicesTests: XCTestCase {
    // MARK: Results as published

    static let parIndex2024 = """
        unit: tchcqt
        period: 2026-Q1
        figures:
          par_index:
            value: 90.02
            year: 2024
            group: A
            source: Quyết định 268/QĐ-BNV ngày 28/3/2025
            earlier: {value: 88.66, year: 2023}
          par_index_rank:
            value: 12
            out_of: 63
            year: 2024
            source: Quyết định 268/QĐ-BNV ngày 28/3/2025
            earlier: {value: 13, out_of: 63, year: 2023}
        """

    func testParIndex2024AsPublished() throws {
        let run = try section([Self.parIndex2024], period: "2026-Q1")
        XCTAssertTrue(
            run.texts.contains(
                "Chỉ số cải cách hành chính (PAR INDEX) năm 2024 đạt 90,02 %, tăng 1,36 điểm so với năm 2023; xếp thứ 12/63 tỉnh, thành phố, "
                    + "tăng 01 bậc so với năm 2023; thuộc nhóm A (theo Quyết định 268/QĐ-BNV ngày 28/03/2025)."),
            run.dump)
        // The result's year is 2024, not the period's.
        XCTAssertFalse(run.all.contains("(PAR INDEX) năm 2026"), run.dump)
        let table = try XCTUnwrap(run.tables.first)
        XCTAssertEqual(
            table.columns.map(\.headerText),
            ["Chỉ số", "Năm kết quả", "Điểm (thang)", "Thay đổi", "Xếp hạng", "Thay đổi thứ hạng", "Nhóm", "Văn bản công bố"])
        XCTAssertEqual(
            table.rows.first?.map(\.text),
            [
                "PAR INDEX", "2024", "90,02 %", "Tăng 1,36 điểm so với năm 2023", "12/63", "Tăng 01 bậc so với năm 2023", "A",
                "Quyết định 268/QĐ-BNV ngày 28/03/2025",
            ])
        XCTAssertEqual(table.rows.first?[2].figures, ["2026-Q1/par_index/total"])
        // Published on 28/03/2025, before this period's window (15/12/2025 – 14/03/2026): the latest
        // result the office has, but no achievement of this period.
        XCTAssertTrue(run.section.achievements.isEmpty, run.dump)
        XCTAssertTrue(run.section.limitations.isEmpty, run.dump)
        let chart = try XCTUnwrap(run.charts.first)
        XCTAssertEqual(chart.categories, ["2023", "2024"])
        XCTAssertEqual(chart.series.first?.values, [88.66, 90.02])
        XCTAssertEqual(chart.unit, "%")
        XCTAssertFalse(run.section.diagnostics.contains { $0.message.hasPrefix("PAR INDEX") }, run.dump)
    }

    func testChartOption() throws {
        var plan = try Fixtures.plan()
        let index = try XCTUnwrap(plan.areas.firstIndex { $0.id == "indices" })
        plan.areas[index].options["chart"] = .flag(false)
        var run = try section([Self.parIndex2024], period: "2026-Q1", plan: plan)
        XCTAssertTrue(run.charts.isEmpty)
        XCTAssertFalse(run.tables.isEmpty)
        plan.areas[index].options["chart"] = .list(["pci"])
        run = try section([Self.parIndex2024], period: "2026-Q1", plan: plan)
        XCTAssertTrue(run.charts.isEmpty)
        plan.areas[index].options["chart"] = .list(["par_index"])
        run = try section([Self.parIndex2024], period: "2026-Q1", plan: plan)
        XCTAssertEqual(run.charts.map(\.title), ["PAR INDEX của tỉnh năm 2023 và năm 2024"])
    }

    // MARK: 63 and 34 provinces

    /// Synthetic: the earlier rank 40/63 is made up to test the rule; 23/34 (2025) is real.
    func testRanksOutOf63And34AreNotCompared() throws {
        let data = """
            unit: tchcqt
            period: 2026-Q3
            figures:
              chi_so_766_rank:
                value: 23
                out_of: 34
                year: 2025
                earlier: {value: 40, out_of: 63, year: 2024}
            """
        let run = try section([data], period: "2026-Q3")
        XCTAssertTrue(
            run.all.contains(
                "tỉnh xếp thứ 23/34 tỉnh, thành phố (năm 2024 xếp thứ 40/63; do tổng số tỉnh, thành phố được xếp hạng của hai năm khác nhau "
                    + "nên không so sánh thứ hạng)"),
            run.dump)
        XCTAssertFalse(run.all.contains("bậc so với"), run.dump)
        XCTAssertFalse(run.all.contains("17"), run.dump)
        let table = try XCTUnwrap(run.tables.first)
        XCTAssertEqual(table.rows.first?[5].text, "Không so sánh được (năm 2024: 40/63)")
        XCTAssertEqual(
            table.note,
            "Thứ hạng xếp trên tổng số tỉnh, thành phố khác nhau (63 và 34) không so sánh được với nhau nên không tính tăng, giảm bậc.")
        XCTAssertTrue(run.section.achievements.isEmpty && run.section.limitations.isEmpty, run.dump)
        XCTAssertTrue(
            run.section.diagnostics.contains { $0.message.contains("thiếu văn bản, tài liệu công bố kết quả (source)") }, run.dump)
    }

    /// Synthetic: both ranks out of 34, so places are compared; the loss is a limitation whose
    /// cause is the unit's note, the gain in points an achievement — in the report of the period
    /// in which PAPI publishes (April–May): the first half.
    func testRanksOutOfTheSameTotalAreCompared() throws {
        let data = """
            unit: tchcqt
            period: 2026-H1
            figures:
              papi:
                value: 42.1
                year: 2025
                source: Báo cáo PAPI (số liệu thử nghiệm)
                earlier: {value: 41.5, year: 2024}
              papi_rank:
                value: 15
                out_of: 34
                year: 2025
                group: Nhóm trung bình cao
                note: Một số chỉ số nội dung giảm điểm (số liệu thử nghiệm)
                earlier: {value: 12, out_of: 34, year: 2024}
            """
        let run = try section([data], period: "2026-H1")
        XCTAssertTrue(
            run.all.contains(
                "Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI) năm 2025 đạt 42,10/80 điểm, tăng 0,60 điểm so với năm 2024; "
                    + "xếp thứ 15/34 tỉnh, thành phố, giảm 03 bậc so với năm 2024; thuộc nhóm trung bình cao (theo Báo cáo PAPI (số liệu thử nghiệm))."
            ),
            run.dump)
        XCTAssertEqual(
            run.section.limitations,
            [
                Finding(
                    "Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI) năm 2025 xếp thứ 15/34 tỉnh, thành phố, giảm 03 bậc so với năm 2024",
                    cause: "Một số chỉ số nội dung giảm điểm (số liệu thử nghiệm)", sources: run.section.limitations.first?.sources ?? [])
            ])
        XCTAssertEqual(
            run.section.achievements.map(\.text),
            ["Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI) năm 2025 đạt 42,10/80 điểm, tăng 0,60 điểm so với năm 2024"])
    }

    /// DTI 2022 0,5478 (44/63) and 2021 0,3438 (43/63), given without the totals: the points are
    /// compared, the places are not, and the officer is told why.
    func testRankWithoutTotalIsNotCompared() throws {
        let data = """
            unit: tchcqt
            period: 2026-Q1
            figures:
              dti:
                value: 0.5478
                year: 2022
                source: Báo cáo DTI năm 2022 của Bộ Thông tin và Truyền thông
                earlier: {value: 0.3438, year: 2021}
              dti_rank:
                value: 44
                year: 2022
                earlier: {value: 43, year: 2021}
            """
        let run = try section([data], period: "2026-Q1")
        XCTAssertTrue(
            run.all.contains(
                "Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2022 đạt 0,5478 điểm (thang điểm 0–1), tăng 0,2040 điểm so với năm 2021; xếp thứ 44 (theo"
            ),
            run.dump)
        XCTAssertFalse(run.all.contains("bậc"), run.dump)
        let messages = run.section.diagnostics.map(\.message)
        XCTAssertTrue(messages.contains { $0.hasPrefix("DTI: thứ hạng thiếu tổng số tỉnh, thành phố được xếp hạng (out_of)") }, run.dump)
        XCTAssertTrue(messages.contains { $0.hasPrefix("DTI: thiếu tổng số được xếp hạng (out_of) của thứ hạng năm 2021") }, run.dump)
        XCTAssertTrue(messages.contains { $0.hasPrefix("DTI: kết quả năm 2022 có thể chưa phải kết quả công bố gần nhất") }, run.dump)
        // A result four years old is neither an achievement nor a limitation of 2026.
        XCTAssertTrue(run.section.achievements.isEmpty && run.section.limitations.isEmpty, run.dump)
    }

    // MARK: Periods

    /// The previous period's value is never used for the change; a newer result is noted.
    func testNewerResultThanPreviousPeriodIsNoted() throws {
        let before = """
            unit: tchcqt
            period: 2026-Q2
            figures:
              par_index: {value: 88.66, year: 2023}
            """
        let now = """
            unit: tchcqt
            period: 2026-Q3
            figures:
              par_index: {value: 90.02, year: 2024, group: A, source: Quyết định 268/QĐ-BNV ngày 28/3/2025}
            """
        let run = try section([before, now], period: "2026-Q3")
        XCTAssertTrue(
            run.texts.contains(
                "So với quý II năm 2026, trong kỳ đã cập nhật kết quả mới của PAR INDEX năm 2024 (kỳ trước là kết quả năm 2023)."),
            run.dump)
        XCTAssertFalse(run.all.contains("1,36"), run.dump)
        XCTAssertFalse(run.all.contains("điểm phần trăm"), run.dump)
        XCTAssertTrue(run.section.achievements.isEmpty, run.dump)
    }

    /// Quyết định 268/QĐ-BNV of 28/3/2025 came after the cut-off of quý I năm 2025 (14/3/2025).
    func testPublishedAfterTheCutOffIsFlagged() throws {
        let data = Self.parIndex2024.replacingOccurrences(of: "period: 2026-Q1", with: "period: 2025-Q1")
        let run = try section([data], period: "2025-Q1")
        XCTAssertTrue(
            run.section.diagnostics.contains {
                $0.message.hasPrefix(
                    "PAR INDEX: văn bản công bố ngày 28/03/2025 sau thời điểm chốt số liệu (14/03/2025) của quý I năm 2025")
            }, run.dump)
    }

    func testLastDateInAPublication() {
        XCTAssertEqual(IndicesWriter.lastDate(in: "Quyết định số 268/QĐ-BNV ngày 28/3/2025 của Bộ Nội vụ")?.iso, "2025-03-28")
        XCTAssertNil(IndicesWriter.lastDate(in: "Báo cáo PCI năm 2023 của VCCI"))
    }

    /// The byte scan finds what the regular expression finds, on random texts of digits, slashes,
    /// letters, Vietnamese letters, another script's digits and a combining mark; and it is the
    /// path taken for ordinary texts.
    func testTheByteScanForDatesAgreesWithTheRegularExpression() {
        XCTAssertEqual(IndicesWriter.lastASCIIDate(in: "ngày 5/12/2025 và 31/1/2026")??.iso, "2026-01-31")
        XCTAssertEqual(IndicesWriter.lastASCIIDate(in: "123/4/2026")??.iso, "2026-04-23")
        XCTAssertTrue(IndicesWriter.lastASCIIDate(in: "١2/3/2026") == nil, "a digit next to another script's digit takes the regex")
        let pieces = ["1", "2", "3", "9", "0", "12", "31", "2026", "/", "/", " ", "a", "ngày ", "ặ", "\u{0661}", "\u{0301}", "-"]
        var generator = SystemRandomNumberGenerator()
        var fast = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(IndicesWriter.lastDate(in: text), IndicesWriter.lastDateByRegex(in: text), text)
            if IndicesWriter.lastASCIIDate(in: text) != nil { fast += 1 }
        }
        XCTAssertGreaterThan(fast, 1000, "the byte scan is the path for most texts")
    }

    // MARK: Communication

    func testNoNewsWhileResultsExistIsALimitationWithItsCause() throws {
        let news = """
            unit: tttt
            period: 2026-Q1
            figures:
              tin_bai_chi_so: {value: 0, note: Chưa nhận được tài liệu phân tích kết quả các chỉ số (số liệu thử nghiệm)}
            narratives:
              activities:
                - {text: "phổ biến tại hội nghị giao ban Văn phòng kết quả PAR INDEX năm 2024", area: indices, task: II.2}
                - {text: "Đăng tải 3 tin, bài về cải cách hành chính", area: e-government}
            """
        let run = try section([Self.parIndex2024, news], period: "2026-Q1")
        XCTAssertEqual(
            run.section.limitations.map(\.text),
            [
                "Trong kỳ, chưa có tin, bài, tài liệu tuyên truyền, phổ biến kết quả các chỉ số theo yêu cầu tại mục II.2 của Kế hoạch, "
                    + "trong khi đã có kết quả PAR INDEX năm 2024 được cập nhật"
            ])
        XCTAssertEqual(run.section.limitations.first?.cause, "Chưa nhận được tài liệu phân tích kết quả các chỉ số (số liệu thử nghiệm)")
        XCTAssertEqual(
            run.section.nextTasks.map(\.text), ["Tuyên truyền, phổ biến kết quả PAR INDEX năm 2024 theo yêu cầu tại mục II.2 của Kế hoạch"])
        // This area's activities are listed as sentences; other areas' are not.
        XCTAssertTrue(run.texts.contains("Phổ biến tại hội nghị giao ban Văn phòng kết quả PAR INDEX năm 2024."), run.dump)
        XCTAssertFalse(run.all.contains("Đăng tải 3 tin"), run.dump)
        XCTAssertTrue(run.texts.contains("b) Công tác tuyên truyền, phổ biến kết quả các chỉ số"), run.dump)
    }

    // MARK: Shipped example data

    func testGoldenQuarterI() async throws {
        try await golden("2026-Q1")
    }

    func testGoldenSixMonths() async throws {
        try await golden("2026-H1")
    }

    func testGoldenQuarterIII() async throws {
        try await golden("2026-Q3")
    }

    private func golden(_ period: String) async throws {
        let section = try await Fixtures.shippedSection(area: "indices", period: period)
        try Fixtures.assertGolden(Fixtures.review(section), "indices-\(period).md")
    }

    // MARK: Helpers

    struct Run {
        var section: Section
        var texts: [String]
        var all: String { texts.joined(separator: "\n") }
        var dump: String { "section texts:\n" + texts.map { "    " + $0 }.joined(separator: "\n") }
        var tables: [Table] {
            section.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
        }
        var charts: [Chart] {
            section.blocks.compactMap { if case .chart(let c) = $0 { return c } else { return nil } }
        }
    }

    /// The section written from data files given as text, built as `compile` builds it.
    private func section(_ files: [String], period code: String, plan: Plan? = nil) throws -> Run {
        let plan = try plan ?? Fixtures.plan()
        let loader = DataLoader(plan: plan)
        var submissions: [Submission] = []
        for (index, text) in files.enumerated() {
            let result = loader.load(text: text, displayPath: "test/\(index + 1).yaml")
            XCTAssertFalse(
                result.diagnostics.contains { $0.severity == .error }, result.diagnostics.map(\.description).joined(separator: "\n"))
            submissions += result.submissions
        }
        let period = try XCTUnwrap(Period(code))
        let area = try XCTUnwrap(plan.area("indices"))
        let engine = Engine(plan: plan, submissions: submissions, registry: BuiltinPlugins.registry)
        let aggregator = Aggregator(plan: plan, submissions: submissions)
        let current = aggregator.data(for: period).data
        let previous = period.previous.map { aggregator.data(for: $0).data }.flatMap { $0.isEmpty ? nil : $0 }
        let sameLastYear = Optional(aggregator.data(for: period.sameLastYear).data).flatMap { $0.isEmpty ? nil : $0 }
        let context = engine.makeContext(area: area, period: period, current: current, previous: previous, sameLastYear: sameLastYear)
        let section = try IndicesSection().typesetSection(context)
        return Run(section: section, texts: ExampleHarness.texts(of: section))
    }
}
