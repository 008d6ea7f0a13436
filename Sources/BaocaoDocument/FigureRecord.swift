/// A figure the report states, with its provenance: every number in a signed report must
/// trace back to the unit files it came from.
public struct FigureRecord: Codable, Equatable, Sendable {
    /// Stable id within the document, e.g. "2026-Q3/ho_so_tiep_nhan/total".
    public var id: String
    /// The indicator id from the plan.
    public var indicator: String
    /// The indicator's Vietnamese label.
    public var label: String
    /// The period the value covers, e.g. "2026-Q3".
    public var period: String
    /// Whose figure it is: a unit id, or nil for the sum over all units that reported it.
    public var unit: String?
    /// The number, when the figure is a number.
    public var value: Double?
    /// The value as printed in the report, e.g. "1.234" or "98,7 %".
    public var text: String
    /// Unit of measure, e.g. "hồ sơ".
    public var measure: String?
    /// How the value was obtained, e.g. "sum of 2 units", "ratio", "sum of quarters".
    public var derivation: String
    /// The submissions the value was computed from.
    public var sources: [SourceReference]

    public init(
        id: String, indicator: String, label: String, period: String, unit: String?, value: Double?,
        text: String, measure: String?, derivation: String, sources: [SourceReference]
    ) {
        self.id = id
        self.indicator = indicator
        self.label = label
        self.period = period
        self.unit = unit
        self.value = value
        self.text = text
        self.measure = measure
        self.derivation = derivation
        self.sources = sources
    }
}

/// Where one submitted value stands: unit, file, line and column.
public struct SourceReference: Codable, Hashable, Sendable, Comparable {
    public var unit: String
    /// Path of the unit's data file, relative to the data folder.
    public var file: String
    public var line: Int
    public var column: Int
    /// The period of the submission the value was read from.
    public var period: String
    /// The value as submitted.
    public var value: Double?

    public init(unit: String, file: String, line: Int, column: Int, period: String, value: Double?) {
        self.unit = unit
        self.file = file
        self.line = line
        self.column = column
        self.period = period
        self.value = value
    }

    public static func < (a: SourceReference, b: SourceReference) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
