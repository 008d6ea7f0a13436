import BaocaoCore
import Foundation
import Testing

@Suite("Loading unit data: validated against the plan, every problem located")
struct DataLoaderTests {
    func load(_ text: String) throws -> DataLoader.Result {
        DataLoader(plan: try validPlan()).load(text: text, displayPath: "2026-Q1/a.yaml")
    }

    @Test("a valid submission keeps every value with its line and column")
    func valid() throws {
        let result = try load(
            """
            unit: a
            period: 2026-Q1
            illustrative: true
            figures:
              received: 120
              on_time: {value: 100, note: Đúng hạn}
              news: {months: {"2026-01": 3, "2026-02": 0, "2026-03": 2}}
            narratives:
              activities:
                - Làm việc A
                - {text: Làm việc B, area: alpha, task: II.1}
              limitations:
                - {text: Chậm, cause: Thiếu người}
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let s = try #require(result.submissions.first)
        #expect(s.illustrative)
        #expect(s.figures["received"]?.number == 120)
        #expect(s.figures["received"]?.location == SourceLocation(file: "2026-Q1/a.yaml", line: 5, column: 13))
        #expect(s.figures["on_time"]?.note == "Đúng hạn")
        #expect(s.figures["news"]?.number == 5)
        #expect(s.figures["news"]?.months == [1: 3, 2: 0, 3: 2])
        #expect(s.narratives.map(\.kind) == [.activity, .activity, .limitation])
        #expect(s.narratives[1].area == "alpha")
        #expect(s.narratives[2].cause == "Thiếu người")
    }

    @Test(
        "each kind of bad value is a located error",
        arguments: [
            (
                "  received: -3",
                "2026-Q1/a.yaml:4:13: error: figures.received: số đếm phải là số nguyên không âm, gặp -3 (expected a whole number ≥ 0)"
            ),
            (
                "  received: 2.5",
                "2026-Q1/a.yaml:4:13: error: figures.received: số đếm phải là số nguyên không âm, gặp 2,5 (expected a whole number ≥ 0)"
            ),
            (
                "  received: nhiều",
                "2026-Q1/a.yaml:4:13: error: figures.received: cần một số, gặp 'nhiều' (expected a number; write decimals with a dot: 98.7)"
            ),
            (
                "  received: \"120\"",
                "2026-Q1/a.yaml:4:13: error: figures.received: cần một số, gặp '120' (expected a number; write decimals with a dot: 98.7)"
            ),
            ("  score: 101", "2026-Q1/a.yaml:4:10: error: figures.score: điểm phải từ 0 đến 100, gặp 101 (score outside its scale)"),
            (
                "  rate: 95",
                "2026-Q1/a.yaml:4:9: error: figures.rate: chỉ tiêu 'Tỷ lệ đúng hạn' được tính từ các chỉ tiêu thành phần, không nhập trực tiếp (computed from its parts; do not submit it)"
            ),
            (
                "  recieved: 3",
                "2026-Q1/a.yaml:4:3: error: figures.recieved: không có chỉ tiêu 'recieved' trong kế hoạch; có phải là 'received'? (did you mean 'received'?) (unknown indicator)"
            ),
            (
                "  received: {value: 3, colour: red}",
                "2026-Q1/a.yaml:4:24: error: figures.received: khóa không hợp lệ 'colour' (unknown key); các khóa hợp lệ: earlier, group, months, note, out_of, source, value, year"
            ),
        ])
    func badValue(line: String, expected: String) throws {
        let result = try load("unit: a\nperiod: 2026-Q1\nfigures:\n\(line)\n")
        #expect(errors(result.diagnostics) == [expected])
    }

    @Test("a percentage above 100 is refused")
    func percentAbove100() throws {
        let plan = try #require(
            loadPlan(
                planReplacing(
                    "      - id: score\n        label: Điểm\n        measure: điểm\n        kind: score",
                    with: "      - id: score\n        label: Tỷ lệ hài lòng\n        measure: \"%\"\n        kind: percent")
            ).plan)
        let result = DataLoader(plan: plan).load(text: "unit: a\nperiod: 2026-Q1\nfigures:\n  score: 100.5\n", displayPath: "x.yaml")
        #expect(
            errors(result.diagnostics) == [
                "x.yaml:4:10: error: figures.score: tỷ lệ phải từ 0 đến 100, gặp 100,5 (expected a percentage 0–100)"
            ])
    }

    @Test("a part larger than its whole is refused at the part")
    func partLargerThanWhole() throws {
        let result = try load("unit: a\nperiod: 2026-Q1\nfigures:\n  received: 10\n  on_time: 12\n")
        #expect(
            errors(result.diagnostics) == [
                "2026-Q1/a.yaml:5:12: error: figures.on_time: Hồ sơ đúng hạn (12) lớn hơn Hồ sơ tiếp nhận (10) (a part larger than its whole)"
            ])
    }

    @Test("the unit and the period must belong to the plan")
    func unitAndPeriod() throws {
        #expect(
            errors(try load("unit: c\nperiod: 2026-Q1\n").diagnostics) == [
                "2026-Q1/a.yaml:1:7: error: unit: không có đơn vị 'c' trong kế hoạch; có phải là 'a'? (unit not in the plan; expected one of: a, b)"
            ])
        #expect(
            errors(try load("unit: ngoai\nperiod: 2026-Q1\n").diagnostics) == [
                "2026-Q1/a.yaml:1:7: error: unit: đơn vị 'ngoai' không nộp số liệu theo kế hoạch (submits_data: false)"
            ])
        #expect(
            errors(try load("unit: a\nperiod: 2024-Q1\n").diagnostics) == [
                "2026-Q1/a.yaml:2:9: error: period: kỳ 2024-Q1 nằm ngoài năm của kế hoạch (2026) và năm so sánh (2025) (period outside the plan's year)"
            ])
        #expect(
            errors(try load("unit: a\nperiod: 2026-Q5\n").diagnostics).first?.hasPrefix(
                "2026-Q1/a.yaml:2:9: error: period: '2026-Q5' không phải kỳ báo cáo") == true)
        #expect(try load("unit: a\nperiod: 2025-Q1\n").diagnostics.isEmpty)
    }

    @Test("months must lie in the period and agree with the value")
    func months() throws {
        let outside = try load("unit: a\nperiod: 2026-Q1\nfigures:\n  news: {months: {\"2026-04\": 3}}\n")
        #expect(
            errors(outside.diagnostics) == [
                "2026-Q1/a.yaml:4:19: error: figures.news.months: '2026-04' không phải một tháng trong quý I năm 2026 (expected a month such as 2026-01)"
            ])
        let disagree = try load("unit: a\nperiod: 2026-Q1\nfigures:\n  news: {value: 4, months: {\"2026-01\": 3}}\n")
        #expect(
            errors(disagree.diagnostics) == [
                "2026-Q1/a.yaml:4:17: error: figures.news: giá trị 4 khác tổng các tháng 3 (value and months disagree)"
            ])
    }

    @Test("narratives may only name areas and tasks of the plan")
    func narrativeReferences() throws {
        let result = try load("unit: a\nperiod: 2026-Q1\nnarratives:\n  activities:\n    - {text: X, area: gamma, task: II.9}\n")
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.location.line) == [5, 5])
    }

    @Test("a folder: period folders of other years are set aside, underscore folders skipped, duplicates refused")
    func folder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("2026-Q1/a.yaml", "unit: a\nperiod: 2026-Q1\nfigures:\n  received: 5\n")
        try write("2026-Q1/a-copy.yaml", "unit: a\nperiod: 2026-Q1\nfigures:\n  received: 6\n")
        try write("2024-Q1/a.yaml", "unit: a\nperiod: 2024-Q1\n")
        try write("_cu/2026-Q1/a.yaml", "this: [is not read")
        try write("2026-Q2/b.yaml", "unit: b\nperiod: 2026-Q3\n")
        let result = DataLoader(plan: try validPlan()).load(folder: root.path, displayRoot: "data")
        #expect(
            result.diagnostics.map(\.description) == [
                "data/2026-Q1/a.yaml:1:1: error: đơn vị 'a' đã nộp số liệu quý I năm 2026 trong data/2026-Q1/a-copy.yaml; mỗi kỳ chỉ một tệp (duplicate submission)",
                "data/2026-Q2/b.yaml:2:9: warning: period: tệp ghi kỳ 2026-Q3 nhưng nằm trong thư mục 2026-Q2 (file is in another period's folder)",
            ])
        #expect(result.submissions.count == 3)
    }
}
