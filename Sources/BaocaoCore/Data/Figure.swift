/// A figure for one period, of one unit or of all units together, with its provenance.
public struct Figure: Sendable {
    public var indicator: String
    public var period: Period
    /// The unit, or nil for the total over units.
    public var unit: String?
    public var number: Double?
    public var text: String?
    public var months: [Int: Double]
    public var outOf: Double?
    public var notes: [String]
    /// For a published result: the year it measures, its publication and its group.
    public var year: Int?
    public var source: String?
    public var group: String?
    public var earlier: EarlierResult?
    /// Every submitted value this figure was computed from.
    public var sources: [SourceReference]
    /// How it was obtained: "submitted", "sum of quarters", "sum of units", "ratio" …
    public var derivation: String
    /// For a figure built from sub-periods that starts later than its period (an indicator
    /// first reported in Q3, in the 9-month report): the first sub-period it covers. Nil when it
    /// covers the whole period.
    public var coveredFrom: Period?

    public init(
        indicator: String, period: Period, unit: String?, number: Double?, text: String? = nil,
        months: [Int: Double] = [:], outOf: Double? = nil, notes: [String] = [], year: Int? = nil, source: String? = nil,
        group: String? = nil, earlier: EarlierResult? = nil, sources: [SourceReference],
        derivation: String
    ) {
        self.indicator = indicator
        self.period = period
        self.unit = unit
        self.number = number
        self.text = text
        self.months = months
        self.outOf = outOf
        self.notes = notes
        self.year = year
        self.source = source
        self.group = group
        self.earlier = earlier
        self.sources = sources
        self.derivation = derivation
    }
}

/// All figures and narratives of one period, as a plugin sees them.
public struct PeriodData: Sendable {
    public var period: Period
    /// Totals over the units that reported each indicator.
    public var totals: [String: Figure]
    /// Each unit's own figures.
    public var byUnit: [String: [String: Figure]]
    public var narratives: [NarrativeItem]
    /// Units with data for the period, in plan order.
    public var units: [String]
    /// True when any submission behind the data is illustrative.
    public var illustrative: Bool

    public init(
        period: Period, totals: [String: Figure] = [:], byUnit: [String: [String: Figure]] = [:],
        narratives: [NarrativeItem] = [], units: [String] = [], illustrative: Bool = false
    ) {
        self.period = period
        self.totals = totals
        self.byUnit = byUnit
        self.narratives = narratives
        self.units = units
        self.illustrative = illustrative
    }

    /// The total of `indicator`, when every unit that reported it is counted.
    public func value(_ indicator: String) -> Double? { totals[indicator]?.number }

    /// A unit's own value.
    public func value(_ indicator: String, unit: String) -> Double? { byUnit[unit]?[indicator]?.number }

    public var isEmpty: Bool { totals.isEmpty && narratives.isEmpty }

    /// A copy restricted to some indicators and to narratives of one area (or of none).
    public func restricted(to indicators: Set<String>, area: String) -> PeriodData {
        var copy = self
        copy.totals = totals.filter { indicators.contains($0.key) }
        copy.byUnit = byUnit.mapValues { $0.filter { indicators.contains($0.key) } }.filter { !$0.value.isEmpty }
        copy.narratives = narratives.filter { $0.area == area }
        copy.units = units.filter { unit in copy.byUnit[unit] != nil || copy.narratives.contains { $0.unit == unit } }
        return copy
    }
}
