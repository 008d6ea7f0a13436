import BaocaoCore
import Testing

@Suite("Aggregation over periods and units, with provenance")
struct AggregatorTests {
    /// Submissions written as YAML, loaded by the real loader.
    func submissions(_ files: [String: String]) throws -> [Submission] {
        let plan = try validPlan()
        var all: [Submission] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let result = DataLoader(plan: plan).load(text: text, displayPath: name)
            #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
            all += result.submissions
        }
        return all
    }

    @Test("a half-year sums counts over its quarters and recomputes the rate from the sums")
    func halfYear() throws {
        let subs = try submissions([
            "q1/a.yaml": "unit: a\nperiod: 2026-Q1\nfigures:\n  received: 10\n  on_time: 10\n  carried: 4\n  score: 70\n",
            "q2/a.yaml": "unit: a\nperiod: 2026-Q2\nfigures:\n  received: 90\n  on_time: 45\n  carried: 9\n  score: 75.5\n",
        ])
        let (data, diagnostics) = Aggregator(plan: try validPlan(), submissions: subs).data(for: .half(1, 2026))
        #expect(diagnostics.isEmpty)
        #expect(data.value("received") == 100)
        #expect(data.value("on_time") == 55)
        // 55 / 100, not the average of 100 % and 50 %.
        #expect(data.value("rate") == 55)
        #expect(data.value("carried") == 4)  // aggregate: first
        #expect(data.value("score") == 75.5)  // kind score: latest
        let received = try #require(data.totals["received"])
        #expect(received.derivation == "sum of 2 periods")
        #expect(received.sources.map(\.file) == ["q1/a.yaml", "q2/a.yaml"])
        #expect(received.sources.map(\.line) == [4, 4])
        #expect(received.sources.map(\.value) == [10, 90])
        let rate = try #require(data.totals["rate"])
        #expect(rate.sources.count == 4)
        #expect(rate.derivation.hasPrefix("ratio"))
    }

    @Test("totals add units together; rates are recomputed from the totals")
    func acrossUnits() throws {
        let subs = try submissions([
            "a.yaml": "unit: a\nperiod: 2026-Q3\nfigures:\n  received: 10\n  on_time: 9\n",
            "b.yaml": "unit: b\nperiod: 2026-Q3\nfigures:\n  received: 30\n  on_time: 15\n",
        ])
        let (data, _) = Aggregator(plan: try validPlan(), submissions: subs).data(for: .quarter(3, 2026))
        #expect(data.value("received") == 40)
        #expect(data.value("rate") == 60)
        #expect(data.value("rate", unit: "a") == 90)
        #expect(data.value("rate", unit: "b") == 50)
        #expect(data.units == ["a", "b"])
        #expect(data.totals["received"]?.derivation == "sum of 2 units")
    }

    @Test("a period with a missing quarter is not built, and the officer is told")
    func missingQuarter() throws {
        let subs = try submissions(["q1/a.yaml": "unit: a\nperiod: 2026-Q1\nfigures:\n  received: 10\n"])
        let (data, diagnostics) = Aggregator(plan: try validPlan(), submissions: subs).data(for: .half(1, 2026))
        #expect(data.totals.isEmpty)
        #expect(
            diagnostics.map(\.description) == [
                "q1/a.yaml:1:1: warning: Phòng A: thiếu số liệu quý II năm 2026 nên không tổng hợp được số liệu 6 tháng đầu năm 2026 của đơn vị (incomplete data for the period)"
            ])
    }

    @Test("a sum is not built when one quarter lacks the indicator")
    func missingIndicator() throws {
        let subs = try submissions([
            "q1/a.yaml": "unit: a\nperiod: 2026-Q1\nfigures:\n  received: 10\n  on_time: 5\n",
            "q2/a.yaml": "unit: a\nperiod: 2026-Q2\nfigures:\n  received: 20\n",
        ])
        let (data, diagnostics) = Aggregator(plan: try validPlan(), submissions: subs).data(for: .half(1, 2026))
        #expect(data.value("received") == 30)
        #expect(data.value("on_time") == nil)
        #expect(data.value("rate") == nil)
        #expect(diagnostics.count == 1)
    }

    @Test("a direct submission for the longer period takes precedence over its quarters")
    func directSubmission() throws {
        let subs = try submissions([
            "q1/a.yaml": "unit: a\nperiod: 2026-Q1\nfigures:\n  received: 10\n",
            "q2/a.yaml": "unit: a\nperiod: 2026-Q2\nfigures:\n  received: 20\n",
            "h1/a.yaml": "unit: a\nperiod: 2026-H1\nfigures:\n  received: 31\n",
        ])
        let (data, _) = Aggregator(plan: try validPlan(), submissions: subs).data(for: .half(1, 2026))
        #expect(data.value("received") == 31)
        #expect(data.totals["received"]?.sources.map(\.file) == ["h1/a.yaml"])
    }

    @Test("quarters are built from months, and monthly breakdowns are kept")
    func fromMonths() throws {
        let subs = try submissions([
            "m1.yaml": "unit: a\nperiod: 2026-01\nfigures:\n  news: 2\n",
            "m2.yaml": "unit: a\nperiod: 2026-02\nfigures:\n  news: {months: {\"2026-02\": 0}}\n",
            "m3.yaml": "unit: a\nperiod: 2026-03\nfigures:\n  news: 5\n",
        ])
        let aggregator = Aggregator(plan: try validPlan(), submissions: subs)
        let (q1, _) = aggregator.data(for: .quarter(1, 2026))
        #expect(q1.value("news") == 7)
        #expect(aggregator.hasData(for: .quarter(1, 2026)))
        #expect(!aggregator.hasData(for: .quarter(2, 2026)))
    }

    @Test("units that disagree on one published value give no total")
    func disagreement() throws {
        let subs = try submissions([
            "a.yaml": "unit: a\nperiod: 2026-Q3\nfigures:\n  score: 70\n",
            "b.yaml": "unit: b\nperiod: 2026-Q3\nfigures:\n  score: 71\n",
        ])
        let (data, diagnostics) = Aggregator(plan: try validPlan(), submissions: subs).data(for: .quarter(3, 2026))
        #expect(data.value("score") == nil)
        #expect(diagnostics.count == 1)
    }
}

@Suite("Narratives over longer periods")
struct NarrativeAggregationTests {
    @Test("a half-year keeps every quarter's activities and limitations but only the last quarter's next tasks and proposals")
    func narratives() throws {
        let plan = try validPlan()
        let loader = DataLoader(plan: plan)
        let q1 = loader.load(
            text: "unit: a\nperiod: 2026-Q1\nnarratives:\n  activities: [Làm A]\n  next_tasks: [Việc cũ]\n  proposals: [Đề xuất cũ]\n",
            displayPath: "q1.yaml")
        let q2 = loader.load(
            text: "unit: a\nperiod: 2026-Q2\nnarratives:\n  activities: [Làm B]\n  limitations: [Chậm]\n  next_tasks: [Việc mới]\n",
            displayPath: "q2.yaml")
        let (data, _) = Aggregator(plan: plan, submissions: q1.submissions + q2.submissions).data(for: .half(1, 2026))
        #expect(data.narratives.map(\.text) == ["Làm A", "Làm B", "Chậm", "Việc mới"])
    }
}

@Suite("Stocks across units")
struct StockTests {
    @Test("counts kept as first or latest over time are still added across units")
    func stocks() throws {
        let plan = try validPlan()
        let loader = DataLoader(plan: plan)
        let subs =
            loader.load(text: "unit: a\nperiod: 2026-Q3\nfigures:\n  carried: 4\n", displayPath: "a.yaml").submissions
            + loader.load(text: "unit: b\nperiod: 2026-Q3\nfigures:\n  carried: 6\n", displayPath: "b.yaml").submissions
        let (data, diagnostics) = Aggregator(plan: plan, submissions: subs).data(for: .quarter(3, 2026))
        #expect(data.value("carried") == 10)
        #expect(diagnostics.isEmpty)
    }
}
