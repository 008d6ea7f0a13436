/// One unit's data file for one period: figures by indicator and short narratives.
/// See `Plans/README.md` ("Unit data") for the format.
public struct Submission: Sendable {
    public var unit: String
    public var period: Period
    /// The file as diagnostics name it (the data folder as the user gave it, then the file).
    public var file: String
    /// The file relative to the data folder, as provenance records name it, so that a report's
    /// JSON does not depend on where the folder lies.
    public var relativePath: String
    /// True when the file says its figures are illustrative (số liệu minh họa).
    public var illustrative: Bool
    public var figures: [String: SubmittedValue]
    public var narratives: [NarrativeItem]
    public var location: SourceLocation

    public init(
        unit: String, period: Period, file: String, relativePath: String? = nil, illustrative: Bool, figures: [String: SubmittedValue],
        narratives: [NarrativeItem], location: SourceLocation
    ) {
        self.unit = unit
        self.period = period
        self.file = file
        self.relativePath = relativePath ?? file
        self.illustrative = illustrative
        self.figures = figures
        self.narratives = narratives
        self.location = location
    }
}

/// A value as a unit submitted it.
public struct SubmittedValue: Sendable {
    public var number: Double?
    public var text: String?
    /// Month-by-month values (calendar month → value) when the indicator is monthly.
    public var months: [Int: Double]
    /// For a rank: out of how many ("12/63").
    public var outOf: Double?
    public var note: String?
    /// For a published result: the year it measures ("year: 2024").
    public var year: Int?
    /// For a published result: the decision or publication ("Quyết định 268/QĐ-BNV ngày 28/3/2025").
    public var source: String?
    /// For a published result: its group or band ("A").
    public var group: String?
    /// For a published result: the result of an earlier year published with it, so that the
    /// change can be stated ("tăng 1,36 điểm, tăng 01 bậc so với năm 2023").
    public var earlier: EarlierResult?
    public var location: SourceLocation

    public init(
        number: Double? = nil, text: String? = nil, months: [Int: Double] = [:], outOf: Double? = nil,
        note: String? = nil, year: Int? = nil, source: String? = nil, group: String? = nil, location: SourceLocation
    ) {
        self.year = year
        self.source = source
        self.group = group
        self.number = number
        self.text = text
        self.months = months
        self.outOf = outOf
        self.note = note
        self.location = location
    }
}

/// An earlier year's result of a published index, given with the latest one.
public struct EarlierResult: Sendable, Equatable {
    public var value: Double
    public var outOf: Double?
    public var year: Int
    public var location: SourceLocation

    public init(value: Double, outOf: Double?, year: Int, location: SourceLocation) {
        self.value = value
        self.outOf = outOf
        self.year = year
        self.location = location
    }
}

/// A short narrative item from a unit: something done, a limitation, a task ahead, a proposal.
public struct NarrativeItem: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case activity = "activities"
        case limitation = "limitations"
        case nextTask = "next_tasks"
        case proposal = "proposals"
    }

    public var kind: Kind
    public var text: String
    /// For a limitation: its cause, where the unit gave one.
    public var cause: String?
    /// The content area it belongs to, if the unit said.
    public var area: String?
    /// The plan task it reports on ("II.3"), if the unit said.
    public var task: String?
    /// The indicator it is about (`tin_bai_cong_tinh`), if the unit said: a limitation about an
    /// indicator that a section already judges from the figures is then stated once.
    public var indicator: String?
    public var unit: String
    public var period: Period
    public var location: SourceLocation

    public init(
        kind: Kind, text: String, cause: String? = nil, area: String? = nil, task: String? = nil, indicator: String? = nil,
        unit: String, period: Period, location: SourceLocation
    ) {
        self.indicator = indicator
        self.kind = kind
        self.text = text
        self.cause = cause
        self.area = area
        self.task = task
        self.unit = unit
        self.period = period
        self.location = location
    }
}
