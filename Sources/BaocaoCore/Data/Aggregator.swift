import Foundation

/// Builds the figures of any period from the submissions.
///
/// A unit's figures for a period are its own submission for that period when it made one;
/// otherwise they are built from the submissions of the period's quarters (or a quarter's
/// months) by each indicator's aggregation rule — but only when every part is there: a
/// half-year built from one quarter would say something the data cannot back. Rates are
/// recomputed from their summed parts, never averaged. Totals over units follow the same rules.
public struct Aggregator: Sendable {
    public let plan: Plan
    public let submissions: [Submission]
    /// Each unit's submissions, in order: finding one is not a walk through every unit's
    /// (with thousands of units, that walk made a compile take minutes).
    private let byUnit: [String: [Submission]]
    /// The plan's indicators that units submit, and those computed from them (a ratio), with
    /// the derivation each computed figure records: found once, not on every unit and period
    /// (`Plan.indicators` flattens the areas on every call).
    private let submitted: [Indicator]
    private let derived: [(indicator: Indicator, derivation: String)]
    /// The periods already built, shared by the copies of this aggregator: one report asks for
    /// its period, the previous one, last year's and each quarter of the year so far, and a
    /// batch compiles several periods of one plan.
    private let memo = Memo()
    /// The periods of the submissions that give each indicator: an indicator no unit gave in a
    /// period's first quarters started later (an area added mid-year).
    private let reportedIn: [String: Set<Period>]

    private final class Memo: @unchecked Sendable {
        let lock = NSLock()
        var built: [Period: (data: PeriodData, diagnostics: [Diagnostic])] = [:]
    }

    public init(plan: Plan, submissions: [Submission]) {
        self.plan = plan
        self.submissions = submissions
        self.byUnit = Dictionary(grouping: submissions, by: \.unit)
        var reportedIn: [String: Set<Period>] = [:]
        for submission in submissions {
            for id in submission.figures.keys { reportedIn[id, default: []].insert(submission.period) }
        }
        self.reportedIn = reportedIn
        let indicators = plan.indicators
        submitted = indicators.filter { !$0.isDerived }
        derived = indicators.filter(\.isDerived).map { indicator in
            (
                indicator,
                "ratio: (\(indicator.numerator.joined(separator: " + "))) ÷ (\(indicator.denominator.joined(separator: " + "))) × 100"
            )
        }
    }

    /// The data of `period`, with warnings for units whose data is incomplete.
    public func data(for period: Period) -> (data: PeriodData, diagnostics: [Diagnostic]) {
        memo.lock.lock()
        let known = memo.built[period]
        memo.lock.unlock()
        if let known { return known }
        let result = build(period)
        memo.lock.lock()
        memo.built[period] = result
        memo.lock.unlock()
        return result
    }

    private func build(_ period: Period) -> (data: PeriodData, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var byUnit: [String: [String: Figure]] = [:]
        var narratives: [NarrativeItem] = []
        var illustrative = false
        var units: [String] = []
        for unit in plan.reportingUnits {
            guard let resolved = resolve(unit: unit.id, period: period, diagnostics: &diagnostics) else { continue }
            var figures = resolved.figures
            addDerived(to: &figures, unit: unit.id, period: period)
            byUnit[unit.id] = figures
            narratives += resolved.narratives
            illustrative = illustrative || resolved.illustrative
            units.append(unit.id)
        }
        var totals: [String: Figure] = [:]
        for indicator in submitted {
            let perUnit = units.compactMap { byUnit[$0]?[indicator.id] }
            guard !perUnit.isEmpty else { continue }
            if var total = combine(perUnit, indicator: indicator, period: period, unit: nil, across: "units", diagnostics: &diagnostics) {
                total.coveredFrom = Self.coverage(perUnit)
                totals[indicator.id] = total
            }
        }
        addDerived(to: &totals, unit: nil, period: period)
        let data = PeriodData(
            period: period, totals: totals, byUnit: byUnit, narratives: narratives, units: units, illustrative: illustrative)
        return (data, diagnostics)
    }

    /// Whether any unit has data for `period` (directly or from all its parts).
    public func hasData(for period: Period) -> Bool {
        var ignored: [Diagnostic] = []
        return plan.reportingUnits.contains { resolve(unit: $0.id, period: period, diagnostics: &ignored) != nil }
    }

    struct Resolved {
        var figures: [String: Figure]
        var narratives: [NarrativeItem]
        var illustrative: Bool
    }

    func resolve(unit: String, period: Period, diagnostics: inout [Diagnostic]) -> Resolved? {
        if let direct = byUnit[unit]?.first(where: { $0.period == period }) {
            return Resolved(figures: figures(of: direct), narratives: direct.narratives, illustrative: direct.illustrative)
        }
        let parts: [Period] = period.isQuarter ? period.monthPeriods : period.quarters
        guard !parts.isEmpty, parts != [period] else { return nil }
        var found: [Resolved] = []
        var missing: [Period] = []
        var ignored: [Diagnostic] = []
        for part in parts {
            if let r = resolve(unit: unit, period: part, diagnostics: &ignored) { found.append(r) } else { missing.append(part) }
        }
        if found.isEmpty { return nil }
        if !missing.isEmpty {
            let name = plan.unit(unit)?.shortName ?? unit
            let location = byUnit[unit]?.first { period.contains($0.period) }?.location ?? .file(plan.file)
            diagnostics.append(
                .warning(
                    location,
                    "\(name): thiếu số liệu \(missing.map(\.label).joined(separator: ", ")) nên không tổng hợp được số liệu \(period.label) của đơn vị (incomplete data for the period)"
                ))
            return nil
        }
        var figures: [String: Figure] = [:]
        var lateStarts: [Period: [String]] = [:]
        for indicator in submitted {
            var values = found.compactMap { $0.figures[indicator.id] }
            guard !values.isEmpty else { continue }
            // An indicator no unit gave before some part (an area added mid-year) adds up from that
            // part on; the figure says which part it starts from and the officer is warned.
            var start: Period?
            if values.count < found.count, [.sum, .first].contains(indicator.aggregation),
                let later = laterStart(of: indicator.id, in: found, parts: parts)
            {
                start = parts[later]
                values = found[later...].compactMap { $0.figures[indicator.id] }
                lateStarts[parts[later], default: []].append(indicator.id)
            }
            if values.count < found.count, start == nil, indicator.aggregation == .sum {
                let location =
                    values.first?.sources.first.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column) } ?? .file(plan.file)
                diagnostics.append(
                    .warning(
                        location,
                        "\(plan.unit(unit)?.shortName ?? unit): chỉ tiêu '\(indicator.label)' không có ở mọi kỳ thành phần nên không cộng được cho \(period.label)"
                    ))
                continue
            }
            if var f = combine(values, indicator: indicator, period: period, unit: unit, across: "periods", diagnostics: &diagnostics) {
                f.coveredFrom = start
                figures[indicator.id] = f
            }
        }
        for (start, ids) in lateStarts.sorted(by: { $0.key < $1.key }) {
            let location = byUnit[unit]?.first { start.contains($0.period) }?.location ?? .file(plan.file)
            diagnostics.append(
                .warning(
                    location,
                    "\(plan.unit(unit)?.shortName ?? unit): \(ids.count) chỉ tiêu được báo cáo từ \(start.label) (\(ids.joined(separator: ", "))); "
                        + "số liệu \(period.label) của các chỉ tiêu này chỉ tính từ \(start.label) và báo cáo nêu rõ điều đó "
                        + "(indicators first reported in a later part of the period)"))
        }
        // What was done and what went wrong accumulate over the sub-periods; what comes next and
        // what is proposed is the latest sub-period's word.
        var narratives = found.flatMap { $0.narratives.filter { $0.kind == .activity || $0.kind == .limitation } }
        narratives += found.last?.narratives.filter { $0.kind == .nextTask || $0.kind == .proposal } ?? []
        return Resolved(figures: figures, narratives: narratives, illustrative: found.contains { $0.illustrative })
    }

    /// When `id` is missing from the first parts of a period (for this unit) and present in every
    /// part after them, and no unit gave it in those first parts: the index of the part it starts
    /// from. Nil for a gap in the middle, or for parts other units did report (a unit that forgot).
    func laterStart(of id: String, in found: [Resolved], parts: [Period]) -> Int? {
        guard found.count == parts.count, let start = found.firstIndex(where: { $0.figures[id] != nil }), start > 0,
            found[start...].allSatisfy({ $0.figures[id] != nil })
        else { return nil }
        let periods = reportedIn[id] ?? []
        let reportedEarlier = parts[..<start].contains { part in periods.contains { part.contains($0) } }
        return reportedEarlier ? nil : start
    }

    /// The first part a combination of figures covers: their common start when every one starts
    /// late, nil when any covers its whole period.
    static func coverage(_ figures: [Figure]) -> Period? {
        let starts = figures.map(\.coveredFrom)
        guard !starts.isEmpty, !starts.contains(where: { $0 == nil }) else { return nil }
        return starts.compactMap { $0 }.min()
    }

    func figures(of s: Submission) -> [String: Figure] {
        var result: [String: Figure] = [:]
        for (id, v) in s.figures {
            let source = SourceReference(
                unit: s.unit, file: s.relativePath, line: v.location.line, column: v.location.column, period: s.period.code,
                value: v.number)
            // A month's submission is that month's value of a monthly series.
            var months = v.months
            if case .month(let m) = s.period.kind, months.isEmpty, let n = v.number { months = [m: n] }
            result[id] = Figure(
                indicator: id, period: s.period, unit: s.unit, number: v.number, text: v.text, months: months,
                outOf: v.outOf, notes: v.note.map { [$0] } ?? [], year: v.year, source: v.source, group: v.group, earlier: v.earlier,
                sources: [source], derivation: "submitted")
        }
        return result
    }

    /// Combines figures of one indicator over sub-periods or over units. `figures` is in
    /// time order when combining periods.
    func combine(_ figures: [Figure], indicator: Indicator, period: Period, unit: String?, across: String, diagnostics: inout [Diagnostic])
        -> Figure?
    {
        let sources = figures.flatMap(\.sources).sorted()
        let notes = figures.flatMap(\.notes)
        if figures.count == 1, var only = figures.first {
            only.period = period
            only.unit = unit
            if across == "units" { only.derivation = only.derivation == "submitted" ? "submitted" : only.derivation }
            return only
        }
        var months: [Int: Double] = [:]
        for f in figures { months.merge(f.months, uniquingKeysWith: +) }
        // Text over several periods or units: every distinct text, in order.
        if indicator.kind == .text {
            var texts: [String] = []
            for t in figures.compactMap(\.text) where !texts.contains(t) { texts.append(t) }
            var joined = figures.last!
            joined.period = period
            joined.unit = unit
            joined.text = texts.joined(separator: "; ")
            joined.notes = notes
            joined.sources = sources
            joined.derivation = "distinct texts of \(figures.count) \(across)"
            return joined
        }
        // Counts are added across units whatever their rule over time: a stock at the period's
        // end (dossiers pending) of two units is their sum.
        let rule: Indicator.Aggregation = across == "units" && indicator.kind == .count ? .sum : indicator.aggregation
        switch rule {
        case .sum:
            let sum = figures.compactMap(\.number).reduce(0, +)
            return Figure(
                indicator: indicator.id, period: period, unit: unit, number: sum, months: months, notes: notes,
                sources: sources, derivation: "sum of \(figures.count) \(across)")
        case .max:
            var best = figures.max { ($0.number ?? -.infinity) < ($1.number ?? -.infinity) }!
            best.period = period
            best.unit = unit
            best.sources = sources
            best.derivation = "max of \(figures.count) \(across)"
            return best
        case .latest, .first:
            if across == "periods" {
                var pick = rule == .first ? figures.first! : figures.last!
                pick.period = period
                pick.unit = unit
                pick.derivation = "\(rule.rawValue) of \(figures.count) periods"
                return pick
            }
            // Several units reporting one value (an index score): it must be the same value.
            let distinct = Set(figures.map { "\($0.number ?? .nan)|\($0.text ?? "")" })
            guard distinct.count == 1, let first = figures.first else {
                let at = sources.first.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column) } ?? .file(plan.file)
                diagnostics.append(
                    .warning(
                        at, "chỉ tiêu '\(indicator.label)': các đơn vị báo cáo giá trị khác nhau nên không tổng hợp được (units disagree)"))
                return nil
            }
            var same = first
            same.period = period
            same.unit = unit
            same.notes = notes
            same.sources = sources
            same.derivation = "same value from \(figures.count) units"
            return same
        case .none:
            if across == "periods" { return nil }
            return nil
        }
    }

    /// Adds rates computed from their parts: sum(numerator) ÷ sum(denominator) × 100.
    func addDerived(to figures: inout [String: Figure], unit: String?, period: Period) {
        for (indicator, derivation) in derived {
            let num = indicator.numerator.compactMap { figures[$0] }
            let den = indicator.denominator.compactMap { figures[$0] }
            guard num.count == indicator.numerator.count, den.count == indicator.denominator.count else { continue }
            let n = num.compactMap(\.number).reduce(0, +)
            let d = den.compactMap(\.number).reduce(0, +)
            guard d > 0 else { continue }
            var rate = Figure(
                indicator: indicator.id, period: period, unit: unit, number: n * 100 / d,
                sources: (num + den).flatMap(\.sources).sorted(), derivation: derivation)
            // A rate starts where the latest of its parts starts.
            rate.coveredFrom = (num + den).compactMap(\.coveredFrom).max()
            figures[indicator.id] = rate
        }
    }
}
