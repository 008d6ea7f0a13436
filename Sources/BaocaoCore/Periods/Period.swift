/// A reporting period: a month, a quarter, a half-year, the first nine months, or a year.
///
/// Written as `2026-03`, `2026-Q1` … `2026-Q4`, `2026-H1`, `2026-H2`, `2026-9M`, `2026`.
public struct Period: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public enum Kind: Hashable, Sendable {
        case month(Int)
        case quarter(Int)
        case half(Int)
        case nineMonths
        case year
    }

    public let year: Int
    public let kind: Kind

    public init?(year: Int, kind: Kind) {
        guard (1900...9999).contains(year) else { return nil }
        switch kind {
        case .month(let m) where !(1...12).contains(m): return nil
        case .quarter(let q) where !(1...4).contains(q): return nil
        case .half(let h) where !(1...2).contains(h): return nil
        default: break
        }
        self.year = year
        self.kind = kind
    }

    public static func month(_ m: Int, _ year: Int) -> Period { Period(year: year, kind: .month(m))! }
    public static func quarter(_ q: Int, _ year: Int) -> Period { Period(year: year, kind: .quarter(q))! }
    public static func half(_ h: Int, _ year: Int) -> Period { Period(year: year, kind: .half(h))! }
    public static func nineMonths(_ year: Int) -> Period { Period(year: year, kind: .nineMonths)! }
    public static func year(_ year: Int) -> Period { Period(year: year, kind: .year)! }

    /// Parses the period codes above; nil for anything else.
    public init?(_ code: String) {
        let text = Whitespace.trimmed(code, newlines: false)
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, first.allSatisfy(\.isASCII), let year = Int(first) else {
            return nil
        }
        if parts.count == 1 {
            self.init(year: year, kind: .year)
            return
        }
        let rest = String(parts[1])
        let kind: Kind
        switch rest.uppercased() {
        case "Q1", "Q2", "Q3", "Q4": kind = .quarter(Int(String(rest.last!))!)
        case "H1", "H2": kind = .half(Int(String(rest.last!))!)
        case "9M": kind = .nineMonths
        default:
            guard rest.count == 2, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let m = Int(rest) else { return nil }
            kind = .month(m)
        }
        self.init(year: year, kind: kind)
    }

    /// The code: "2026-Q1".
    public var code: String {
        switch kind {
        case .month(let m): return "\(year)-\(VietnameseFormat.twoDigits(m))"
        case .quarter(let q): return "\(year)-Q\(q)"
        case .half(let h): return "\(year)-H\(h)"
        case .nineMonths: return "\(year)-9M"
        case .year: return "\(year)"
        }
    }

    public var description: String { code }

    /// The kind's code without the year, as plans name reported periods: "Q1", "H1", "9M",
    /// "year", "M03".
    public var kindCode: String {
        switch kind {
        case .month(let m): return "M\(VietnameseFormat.twoDigits(m))"
        case .quarter(let q): return "Q\(q)"
        case .half(let h): return "H\(h)"
        case .nineMonths: return "9M"
        case .year: return "year"
        }
    }

    /// Builds the period of `kindCode` (see above) in `year`.
    public init?(kindCode: String, year: Int) {
        if kindCode == "year" {
            self.init(year: year, kind: .year)
        } else if kindCode.hasPrefix("M"), kindCode.count == 3, let m = Int(kindCode.dropFirst()) {
            self.init(year: year, kind: .month(m))
        } else {
            self.init("\(year)-\(kindCode)")
            if case .month = kind { return nil }
        }
    }

    // MARK: Vietnamese labels

    /// "quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026", "tháng 3 năm 2026".
    public var label: String {
        let kind = labelWithoutYear
        return kind.isEmpty ? "năm \(year)" : "\(kind) năm \(year)"
    }

    /// "quý I", "6 tháng đầu", "" (year), "tháng 3", "9 tháng".
    public var labelWithoutYear: String {
        switch kind {
        case .month(let m): return "tháng \(VietnameseFormat.monthNumber(m))"
        case .quarter(let q): return "quý \(VietnameseFormat.roman(q))"
        case .half(1): return "6 tháng đầu"
        case .half: return "6 tháng cuối"
        case .nineMonths: return "9 tháng"
        case .year: return ""
        }
    }

    /// The label in upper case for headings: "QUÝ I NĂM 2026".
    public var upperLabel: String { label.uppercased() }

    // MARK: Calendar structure

    /// The calendar months the period covers.
    public var months: ClosedRange<Int> {
        switch kind {
        case .month(let m): return m...m
        case .quarter(let q): return (3 * q - 2)...(3 * q)
        case .half(let h): return (6 * h - 5)...(6 * h)
        case .nineMonths: return 1...9
        case .year: return 1...12
        }
    }

    /// The quarters the period is made of (a month belongs to none: it is smaller).
    public var quarters: [Period] {
        if case .month = kind { return [] }
        return stride(from: months.lowerBound, through: months.upperBound, by: 3).map { .quarter(($0 + 2) / 3, year) }
    }

    /// The months the period is made of.
    public var monthPeriods: [Period] { months.map { .month($0, year) } }

    public var isQuarter: Bool { if case .quarter = kind { return true } else { return false } }
    public var isMonth: Bool { if case .month = kind { return true } else { return false } }

    /// The period just before, of the same length: Q1 → previous year's Q4, H1 → previous H2,
    /// a year → the previous year. The first nine months have no previous period of the same
    /// kind inside a year; their comparison is with the same period of the previous year.
    public var previous: Period? {
        switch kind {
        case .month(let m): return m == 1 ? .month(12, year - 1) : .month(m - 1, year)
        case .quarter(let q): return q == 1 ? .quarter(4, year - 1) : .quarter(q - 1, year)
        case .half(let h): return h == 1 ? .half(2, year - 1) : .half(1, year)
        case .nineMonths: return nil
        case .year: return .year(year - 1)
        }
    }

    /// The period after, for "nhiệm vụ … quý IV năm 2026". After nine months comes Q4.
    public var next: Period {
        switch kind {
        case .month(let m): return m == 12 ? .month(1, year + 1) : .month(m + 1, year)
        case .quarter(let q): return q == 4 ? .quarter(1, year + 1) : .quarter(q + 1, year)
        case .half(let h): return h == 2 ? .half(1, year + 1) : .half(2, year)
        case .nineMonths: return .quarter(4, year)
        case .year: return .year(year + 1)
        }
    }

    /// The same period of the previous year ("cùng kỳ năm 2025").
    public var sameLastYear: Period { Period(year: year - 1, kind: kind)! }

    /// Whether `other` lies inside this period (a quarter in a half-year, a month in a quarter).
    public func contains(_ other: Period) -> Bool {
        other.year == year && months.contains(other.months.lowerBound) && months.contains(other.months.upperBound)
    }

    // MARK: Windows and deadlines

    /// The data cut-off window of Nghị định 09/2019/NĐ-CP: from the 15th of the month before
    /// the period to the 14th of its last month. The CCHC schedule of Văn bản 581/BNV-CCHC
    /// (Q1 15/12→14/3, 6 tháng 15/12→14/6, Q3 15/6→14/9, năm 15/12→14/12) agrees with it.
    public var defaultWindow: DateWindow {
        let first = months.lowerBound
        let start = first == 1 ? CivilDate(year: year - 1, month: 12, day: 15)! : CivilDate(year: year, month: first - 1, day: 15)!
        let end = CivilDate(year: year, month: months.upperBound, day: 14)!
        return DateWindow(start: start, end: end)
    }

    /// The default deadline: the 20th of the period's last month (Văn bản 581/BNV-CCHC).
    public var defaultDeadline: CivilDate { CivilDate(year: year, month: months.upperBound, day: 20)! }

    // MARK: Order

    private var sortKey: (Int, Int, Int) {
        (year, months.upperBound, -(months.upperBound - months.lowerBound))
    }

    /// Ordered by the end of the period, then the longer period first.
    public static func < (a: Period, b: Period) -> Bool { a.sortKey < b.sortKey }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let p = Period(code) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a period: \(code)"))
        }
        self = p
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }
}

/// A closed range of days: the data cut-off window of a period.
public struct DateWindow: Hashable, Sendable, Codable {
    public var start: CivilDate
    public var end: CivilDate

    public init(start: CivilDate, end: CivilDate) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: CivilDate) -> Bool { start <= date && date <= end }

    /// The number of days in the window, both ends included.
    public var dayCount: Int { start.days(to: end) + 1 }

    /// As running text writes it: "từ ngày 15 tháng 12 năm 2025 đến ngày 14 tháng 3 năm 2026".
    public var label: String {
        "từ \(VietnameseFormat.longDate(start)) đến \(VietnameseFormat.longDate(end))"
    }
}
