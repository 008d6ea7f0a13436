import BaocaoCore
import Foundation
import Testing

@Suite("Outliers against a unit's own history")
struct OutlierTests {
    /// Unit a's quarters from 2025-Q1 on with the given values of `received`.
    func history(_ values: [Double]) -> [(String, String)] {
        values.enumerated().map { index, v in
            let period = "\(2025 + index / 4)-Q\(index % 4 + 1)"
            return ("data/\(period)/a.yaml", unitFile(period, [("received", v)]))
        }
    }

    func warnings(_ values: [Double], plan planText: String = minimalPlan, confirmations: [ConfirmedFigure] = []) throws -> [Diagnostic] {
        let plan = try #require(loadPlan(planText).plan)
        let subs = try submissions(plan, history(values))
        let checker = OutlierChecker(plan: plan, submissions: subs, confirmations: confirmations)
        return subs.flatMap { checker.check($0) }
    }

    @Test("a figure typed ten times too large is flagged at the figure, with its history and the likely typo")
    func tenfold() throws {
        let ds = try warnings([5890, 6120, 6300, 6512, 65120])
        #expect(ds.count == 1, "\(ds)")
        let d = try #require(ds.first)
        #expect(d.severity == .warning)
        #expect(d.location == SourceLocation(file: "data/2026-Q1/a.yaml", line: 4, column: 13))
        #expect(d.message.hasPrefix("received: 65.120 — quý trước 6.512, cùng kỳ 5.890"), "\(d.message)")
        #expect(d.message.contains("có thể nhập thừa một chữ số?"))
        let tooSmall = try warnings([5890, 6120, 6300, 6512, 651])
        #expect(tooSmall.first?.message.contains("thiếu một chữ số") == true, "\(tooSmall)")
    }

    @Test("a steady trend, a seasonal swing and small counts are not flagged")
    func quiet() throws {
        #expect(try warnings([1000, 1100, 1210, 1331, 1464, 1610, 1771]).isEmpty)
        #expect(try warnings([800, 1400, 900, 1500, 850, 1450]).isEmpty)
        #expect(try warnings([0, 2, 1, 0, 9]).isEmpty)
    }

    @Test("a jump far from the median that is no power of ten is flagged, with a neutral word")
    func farOff() throws {
        let ds = try warnings([1000, 1010, 990, 1005, 4000])
        #expect(ds.count == 1)
        #expect(ds.first?.message.contains("khác xa các kỳ trước") == true)
    }

    @Test("one earlier typo does not hide the next: the median and MAD ignore it")
    func robust() throws {
        let ds = try warnings([6000, 60000, 6100, 6200, 62000])
        #expect(ds.contains { $0.location.file == "data/2026-Q1/a.yaml" }, "\(ds)")
    }

    @Test("a confirmed value stays quiet; another value of the same figure comes back")
    func confirmed() throws {
        let confirmation = ConfirmedFigure(
            unit: "a", period: .quarter(1, 2026), indicator: "received", value: 65120, note: "Đúng: đợt cấp đổi",
            location: SourceLocation(file: "data/_xac-nhan.yaml", line: 5, column: 12))
        #expect(try warnings([5890, 6120, 6300, 6512, 65120], confirmations: [confirmation]).isEmpty)
        let changed = try warnings([5890, 6120, 6300, 6512, 65130], confirmations: [confirmation])
        #expect(changed.count == 1)
        #expect(changed.first?.message.contains("data/_xac-nhan.yaml:5:12") == true)
    }

    @Test("the plan turns the check off or sets its threshold per indicator")
    func planSettings() throws {
        let off = minimalPlan.replacingOccurrences(
            of: "        reported_by: [a]\n", with: "        reported_by: [a]\n        outliers: false\n")
        #expect(try warnings([5890, 6120, 6300, 6512, 65120], plan: off).isEmpty)
        let strict = minimalPlan.replacingOccurrences(
            of: "        reported_by: [a]\n", with: "        reported_by: [a]\n        outliers: {threshold: 1}\n")
        #expect(try warnings([1000, 1010, 990, 1005, 1300], plan: strict).count == 1)
        #expect(try warnings([1000, 1010, 990, 1005, 1300]).isEmpty)
        let bad = minimalPlan.replacingOccurrences(
            of: "        reported_by: [a]\n", with: "        reported_by: [a]\n        outliers: {treshold: 1}\n")
        #expect(loadPlan(bad).diagnostics.contains { $0.message.contains("threshold") })
    }

    @Test("the confirmations file is checked against the plan, located; a stale confirmation is a warning")
    func confirmationsFile() throws {
        let plan = try #require(loadPlan().plan)
        let bag = DiagnosticBag()
        let text = """
            confirmations:
              - unit: a
                period: 2026-Q1
                indicator: recieved
                value: 65120
                note: Đúng
              - unit: a
                period: 2026-Q1
                indicator: received
                value: 65120
                note: Đúng
            """
        let read = Confirmations.read(text: text, displayPath: "_xac-nhan.yaml", plan: plan, bag: bag)
        #expect(read.count == 1)
        #expect(bag.items.contains { $0.location.line == 4 && $0.message.contains("có phải là 'received'?") })
        let subs = try submissions(plan, history([6000, 6100]))
        let stale = OutlierChecker(plan: plan, submissions: subs, confirmations: read).staleConfirmations()
        #expect(stale.count == 1 && stale[0].location.line == 10, "\(stale)")
    }

    @Test("a finding on a figure imported from a workbook names its cell, from the comment the import wrote")
    func workbookCell() async throws {
        let plan = try #require(loadPlan().plan)
        let data = try ScratchFolder()
        for (period, v) in [("2025-Q1", 5890), ("2025-Q2", 6120), ("2025-Q3", 6300), ("2025-Q4", 6512)] {
            try data.write("\(period)/a.yaml", unitFile(period, [("received", Double(v))]))
        }
        try data.write("2026-Q1/a.yaml", "unit: a\nperiod: 2026-Q1\nfigures:\n  received: 65120  # Số liệu!E14\n")
        let loaded = DataLoader(plan: plan).load(folder: data.path)
        let engine = Engine(plan: plan, submissions: loaded.submissions, registry: testRegistry)
        let d = try #require(engine.figureChecks(for: .quarter(1, 2026)).first)
        #expect(d.location.line == 4)
        #expect(d.message.hasSuffix("(ô Số liệu!E14 của tệp Excel đã nhập)"), "\(d.message)")
        // The same figure typed into the YAML by hand: no cell to name.
        try data.write("2026-Q1/a.yaml", "unit: a\nperiod: 2026-Q1\nfigures:\n  received: 65120  # gõ tay\n")
        let typed = DataLoader(plan: plan).load(folder: data.path)
        let plain = Engine(plan: plan, submissions: typed.submissions, registry: testRegistry).figureChecks(for: .quarter(1, 2026))
        #expect(plain.count == 1 && !plain[0].message.contains("ô "), "\(plain)")
    }

    @Test("assess: ×10 with a single earlier value; nothing without history")
    func assess() {
        #expect(OutlierChecker.assess(6000, history: [], threshold: 5) == nil)
        #expect(OutlierChecker.assess(60000, history: [6000], threshold: 5)?.powerOfTen == 1)
        #expect(OutlierChecker.assess(7000, history: [6000], threshold: 5) == nil)
    }
}
