import Foundation

/// How a plan sets the outlier check of an indicator (`outliers:`).
public enum OutlierSetting: Sendable, Equatable {
    /// The default threshold.
    case standard
    /// A threshold of its own (robust deviations from the history's median).
    case threshold(Double)
    /// Never flagged.
    case off
}

/// An officer's word that an unusual figure is right (`_xac-nhan.yaml` in the data folder):
/// the warning does not come back for that value.
public struct ConfirmedFigure: Sendable, Equatable {
    public var unit: String
    public var period: Period
    public var indicator: String
    /// The value confirmed; another value is checked again.
    public var value: Double
    public var note: String
    /// Who confirmed, and when (optional).
    public var by: String?
    public var date: CivilDate?
    public var location: SourceLocation

    public init(
        unit: String, period: Period, indicator: String, value: Double, note: String, by: String? = nil, date: CivilDate? = nil,
        location: SourceLocation
    ) {
        self.unit = unit
        self.period = period
        self.indicator = indicator
        self.value = value
        self.note = note
        self.by = by
        self.date = date
        self.location = location
    }
}

/// Flags a submitted figure far outside the same unit's history: its earlier periods of the
/// same length in the data folder (previous quarters, the same quarter of last year). The
/// spread is robust — the median and the median absolute deviation (MAD) — so one earlier
/// typo does not hide the next. A jump by a power of ten is named as a likely typo. Always a
/// warning, never an error: a real change must be possible.
public struct OutlierChecker: Sendable {
    public let plan: Plan
    /// Each unit's submissions, in period order.
    private let byUnit: [String: [Submission]]
    private let confirmations: [String: ConfirmedFigure]

    /// A figure is flagged when it lies more than this many robust deviations from the median.
    public static let defaultThreshold = 5.0
    /// Below this size (the figure and the history's median both) a change is not flagged:
    /// 2 disciplinary cases after 0 is no typo.
    public static let smallest = 20.0
    /// At most this many earlier periods are compared.
    public static let historyLength = 8

    public init(plan: Plan, submissions: [Submission], confirmations: [ConfirmedFigure] = []) {
        self.plan = plan
        byUnit = Dictionary(grouping: submissions, by: \.unit).mapValues { $0.sorted { $0.period < $1.period } }
        self.confirmations = Dictionary(
            confirmations.map { (Self.key($0.unit, $0.period, $0.indicator), $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func key(_ unit: String, _ period: Period, _ indicator: String) -> String { "\(unit)|\(period.code)|\(indicator)" }

    /// Periods compared with one another: months with months, quarters with quarters, others
    /// with the same kind.
    static func sameLength(_ a: Period, _ b: Period) -> Bool {
        (a.isMonth && b.isMonth) || (a.isQuarter && b.isQuarter) || a.kindCode == b.kindCode
    }

    /// The warnings for every figure of `submission`, located at the figure.
    public func check(_ submission: Submission) -> [Diagnostic] {
        let earlier = (byUnit[submission.unit] ?? []).filter {
            $0.period < submission.period && Self.sameLength($0.period, submission.period)
        }
        guard !earlier.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for (id, value) in submission.figures.sorted(by: { $0.key < $1.key }) {
            guard let x = value.number, let indicator = plan.indicator(id), indicator.outliers != .off else { continue }
            guard [.count, .percent, .score].contains(indicator.kind) else { continue }
            let history = earlier.suffix(Self.historyLength).compactMap { s in s.figures[id]?.number.map { (s.period, $0) } }
            guard let finding = Self.assess(x, history: history.map(\.1), threshold: threshold(of: indicator)) else { continue }
            if let c = confirmations[Self.key(submission.unit, submission.period, id)], abs(c.value - x) <= 1e-9 * max(1, abs(x)) {
                continue
            }
            var parts: [String] = []
            let names = submission.period.isMonth ? "tháng trước" : submission.period.isQuarter ? "quý trước" : "kỳ trước"
            if let previous = submission.period.previous, let v = history.last(where: { $0.0 == previous })?.1 {
                parts.append("\(names) \(Self.format(v))")
            }
            if let v = history.first(where: { $0.0 == submission.period.sameLastYear })?.1 { parts.append("cùng kỳ \(Self.format(v))") }
            if parts.isEmpty || history.count > 2 {
                parts.append("trung vị \(history.count) kỳ trước \(Self.format(finding.median))")
            }
            var message = "\(id): \(Self.format(x)) — \(parts.joined(separator: ", ")); "
            switch finding.powerOfTen {
            case 1: message += "có thể nhập thừa một chữ số?"
            case 2: message += "có thể nhập thừa hai chữ số?"
            case -1: message += "có thể nhập thiếu một chữ số?"
            case -2: message += "có thể nhập thiếu hai chữ số?"
            default: message += "khác xa các kỳ trước, đề nghị kiểm tra lại."
            }
            if let c = confirmations[Self.key(submission.unit, submission.period, id)] {
                message += " Xác nhận ở \(c.location) là cho giá trị \(Self.format(c.value)), không phải giá trị này."
            }
            out.append(.warning(value.location, message + " (outlier against the unit's history)"))
        }
        return out
    }

    /// Confirmations that name no submitted figure of their unit and period: the value was
    /// corrected since, or the confirmation names the wrong figure.
    public func staleConfirmations() -> [Diagnostic] {
        confirmations.values.sorted { $0.location < $1.location }.compactMap { c in
            let submitted = byUnit[c.unit]?.first { $0.period == c.period }?.figures[c.indicator]?.number
            guard submitted == nil || abs(submitted! - c.value) > 1e-9 * max(1, abs(c.value)) else { return nil }
            let now = submitted.map { "số liệu hiện là \(Self.format($0))" } ?? "không có số liệu này"
            return .warning(
                c.location,
                "xác nhận \(c.indicator) của \(c.unit) \(c.period.code) cho giá trị \(Self.format(c.value)) nhưng \(now); xác nhận không còn tác dụng (stale confirmation)"
            )
        }
    }

    func threshold(of indicator: Indicator) -> Double {
        if case .threshold(let t) = indicator.outliers { return t }
        return Self.defaultThreshold
    }

    public struct Finding: Sendable, Equatable {
        public var median: Double
        /// How far from the median, in robust deviations.
        public var score: Double
        /// k when the figure is about 10^k times the median (k ≠ 0), else 0.
        public var powerOfTen: Int
    }

    /// Whether `x` is an outlier against `history` (earlier values, oldest first), and how.
    ///
    /// With three earlier values or more: flagged when `x` lies more than `threshold` robust
    /// spreads from the median, and named a power-of-ten typo when dividing it by 10ᵏ brings it
    /// back within the threshold. With one or two (too few to know the spread): flagged only as
    /// a power-of-ten jump, `x` about 10ᵏ times the median (within a factor of 1.6). With none,
    /// nothing.
    public static func assess(_ x: Double, history: [Double], threshold: Double) -> Finding? {
        guard !history.isEmpty else { return nil }
        let m = median(history)
        guard max(abs(x), abs(m)) >= smallest else { return nil }
        let mad = median(history.map { abs($0 - m) })
        // A floor for the spread: a history that never moved (MAD 0) still allows a tenth of
        // its level, so a steady series is not flagged for a small step.
        let spread = max(1.4826 * mad, 0.1 * abs(m), 1)
        func score(_ v: Double) -> Double { abs(v - m) / spread }
        let s = score(x)
        var power = 0
        if history.count >= 3 {
            guard s > threshold else { return nil }
            var best = threshold
            for k in [1, -1, 2, -2, 3, -3] {
                let shifted = score(x / Foundation.pow(10, Double(k)))
                if shifted <= best {
                    best = shifted
                    power = k
                }
            }
        } else {
            guard x > 0, m > 0 else { return nil }
            let exponent = Foundation.log10(x / m)
            let k = exponent.rounded()
            guard k != 0, abs(exponent - k) < 0.2 else { return nil }
            power = Int(k)
        }
        return Finding(median: m, score: s, powerOfTen: power)
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }

    static func format(_ x: Double) -> String { VietnameseFormat.number(x) }
}
