import Foundation

/// Checks a plan's rules on the figures of periods: each unit's own and the totals.
///
/// A failing rule is reported at the figure that most likely needs fixing: on the side that is
/// too large (the left of a failed `<=`, the right of a failed `>=`, the larger of a failed
/// `==`), the figure counted for that side (added or multiplied, not subtracted or divided by)
/// with the largest value; within a figure built from several files, the largest submitted
/// value. A typo usually makes a number larger, and the largest term is where it shows.
public struct RuleChecker: Sendable {
    public let plan: Plan

    public init(plan: Plan) { self.plan = plan }

    /// One rule failing (or unable to be checked) on one scope of one period.
    public struct Finding: Sendable {
        public var rule: String
        /// The unit, or nil for the totals.
        public var unit: String?
        public var period: Period
        public var diagnostic: Diagnostic
    }

    /// Every rule on every unit of `data` and on its totals.
    public func check(_ data: PeriodData) -> [Finding] {
        var findings: [Finding] = []
        for rule in plan.rules where rule.applies(to: data.period) {
            var scopes: [(String?, [String: Figure])] = data.units.filter { rule.units.isEmpty || rule.units.contains($0) }
                .map { ($0, data.byUnit[$0] ?? [:]) }
            if rule.units.isEmpty { scopes.append((nil, data.totals)) }
            for (unit, figures) in scopes {
                if let d = check(rule, figures: figures, unit: unit, period: data.period) {
                    findings.append(Finding(rule: rule.id, unit: unit, period: data.period, diagnostic: d))
                }
            }
        }
        return findings
    }

    /// The rules on several periods. A period built from others (H1 from Q1 and Q2) does not
    /// repeat a failure its parts already show for the same rule and unit, and the totals do not
    /// repeat a unit's failure.
    public func check(periods: [Period], data: (Period) -> PeriodData) -> [Diagnostic] {
        var failed: [String: [Period]] = [:]  // "rule|unit" → periods it failed on
        var out: [Diagnostic] = []
        // Shorter periods first, so that a part is checked before what is built from it.
        let ordered = Set(periods).sorted { ($0.months.count, $0) < ($1.months.count, $1) }
        for period in ordered where !plan.rules.isEmpty {
            let findings = check(data(period))
            var rulesFailingOnUnits: Set<String> = []
            for f in findings where f.unit != nil {
                rulesFailingOnUnits.insert(f.rule)
                let key = "\(f.rule)|\(f.unit!)"
                let already = failed[key, default: []].contains { period.contains($0) }
                failed[key, default: []].append(period)
                if !already { out.append(f.diagnostic) }
            }
            for f in findings where f.unit == nil {
                let key = "\(f.rule)|*"
                let already = failed[key, default: []].contains { period.contains($0) } || rulesFailingOnUnits.contains(f.rule)
                failed[key, default: []].append(period)
                if !already { out.append(f.diagnostic) }
            }
        }
        return out
    }

    func scopeName(_ unit: String?) -> String {
        guard let unit else { return "tổng hợp các đơn vị" }
        return plan.unit(unit)?.shortName ?? unit
    }

    /// The diagnostic of `rule` on one scope's figures, or nil when it holds or cannot be
    /// checked because a figure is missing.
    func check(_ rule: Rule, figures: [String: Figure], unit: String?, period: Period) -> Diagnostic? {
        let value: (String) -> Double? = { figures[$0]?.number }
        let scope = "\(scopeName(unit)), \(period.label)"
        let l = rule.left.expression.evaluate(value)
        let r = rule.right.expression.evaluate(value)
        for side in [l, r] {
            if case .divisionByZero(let divisor) = side {
                let figure = divisor.indicators.compactMap { figures[$0] }.first
                return .warning(
                    location(of: figure) ?? rule.location,
                    "quy tắc '\(rule.id)': không kiểm tra được cho \(scope) vì mẫu số \(divisor) bằng 0 (division by zero)")
            }
        }
        guard case .value(let a) = l, case .value(let b) = r else { return nil }
        if rule.comparison.holds(a, b) { return nil }
        let blamed = blame(rule, figures: figures, left: a, right: b)
        var message =
            "quy tắc '\(rule.id)': \(rule.message) — \(scope): \(rule.left.text) = \(Self.format(a)) \(rule.comparison.failedSign) \(rule.right.text) = \(Self.format(b))"
        if let blamed, let source = Self.largestSource(blamed), blamed.sources.count > 1 {
            message += "; số liệu cần xem lại: \(blamed.indicator) = \(Self.format(source.value ?? 0)) (\(source.period))"
        } else if let blamed {
            message += "; số liệu cần xem lại: \(blamed.indicator)"
        }
        return Diagnostic(rule.severity, location(of: blamed) ?? rule.location, message + " (rule '\(rule.id)' failed)")
    }

    /// The figure most likely wrong (see the type's comment).
    func blame(_ rule: Rule, figures: [String: Figure], left: Double, right: Double) -> Figure? {
        let leftTooLarge: Bool
        switch rule.comparison {
        case .less, .lessOrEqual, .notEqual: leftTooLarge = true
        case .greater, .greaterOrEqual: leftTooLarge = false
        case .equal: leftTooLarge = left > right
        }
        let (side, other) = leftTooLarge ? (rule.left, rule.right) : (rule.right, rule.left)
        func largest(_ ids: [String]) -> Figure? {
            var best: Figure?
            for id in ids {
                guard let f = figures[id], let n = f.number else { continue }
                if best == nil || abs(n) > abs(best!.number ?? 0) { best = f }
            }
            return best
        }
        let counted = side.expression.signedIndicators.filter { $0.sign > 0 }.map(\.id)
        let againstOther = other.expression.signedIndicators.filter { $0.sign < 0 }.map(\.id)
        return largest(counted) ?? largest(againstOther) ?? largest(side.expression.indicators + other.expression.indicators)
    }

    static func largestSource(_ figure: Figure) -> SourceReference? {
        var best: SourceReference?
        for s in figure.sources where best == nil || abs(s.value ?? 0) > abs(best!.value ?? 0) { best = s }
        return best
    }

    func location(of figure: Figure?) -> SourceLocation? {
        guard let figure, let s = Self.largestSource(figure) else { return nil }
        return SourceLocation(file: s.file, line: s.line, column: s.column)
    }

    static func format(_ x: Double) -> String { VietnameseFormat.number(x) }
}

/// The workbook cell behind a figure: `baocao import` writes each value of a workbook followed by
/// a comment citing its cell (`  hs_moi_truc_tuyen: 69050  # Số liệu!E14`). A finding located at
/// such a line also names the cell, where the officer will correct it.
enum CellCitation {
    /// `diagnostics` with " (ô Số liệu!E14 của tệp Excel đã nhập)" added where the line cites a cell.
    static func annotate(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var lines: [String: [Substring]] = [:]
        return diagnostics.map { d in
            guard d.location.line > 0 else { return d }
            if lines[d.location.file] == nil {
                let text = (try? String(contentsOfFile: d.location.file, encoding: .utf8)) ?? ""
                lines[d.location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            guard let fileLines = lines[d.location.file], d.location.line <= fileLines.count,
                let cell = cell(in: fileLines[d.location.line - 1])
            else { return d }
            var annotated = d
            annotated.message += " (ô \(cell) của tệp Excel đã nhập)"
            return annotated
        }
    }

    /// The cell a line's trailing comment cites ("Số liệu!E14"), if any.
    static func cell(in line: Substring) -> String? {
        guard let hash = line.range(of: "  # ", options: .backwards) else { return nil }
        let citation = line[hash.upperBound...]
        guard let bang = citation.lastIndex(of: "!") else { return nil }
        let reference = citation[citation.index(after: bang)...]
        let letters = reference.prefix { $0.isASCII && $0.isUppercase }
        let digits = reference.dropFirst(letters.count)
        guard !letters.isEmpty, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(citation)
    }
}
