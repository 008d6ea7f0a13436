import BaocaoCore

/// The month-by-month values of a monthly indicator's total for the period, and how far they
/// can be trusted: a month without a value, or months that do not add up to the period's total,
/// leave the monthly requirement unassessed.
struct MonthlySeries {
    var indicator: Indicator
    var total: Figure
    /// Calendar month → value, for the months of the period that have one.
    var values: [Int: Double]
    /// Months of the period without a value.
    var missing: [Int]
    /// Whether the months given account for the whole total of the period.
    var addsUp: Bool

    var isComplete: Bool { missing.isEmpty && addsUp }

    /// Builds the series of `total` over the months of `period`.
    ///
    /// A period built by the core from month submissions carries each month's value in its
    /// sources rather than in `months`; those are counted too. A total of zero needs no
    /// breakdown: every month had none.
    init(total: Figure, indicator: Indicator, period: Period) {
        self.indicator = indicator
        self.total = total
        var values: [Int: Double] = [:]
        for (month, value) in total.months where period.months.contains(month) { values[month] = value }
        for source in total.sources {
            guard let part = Period(source.period), part.isMonth, let value = source.value else { continue }
            let month = part.months.lowerBound
            guard period.contains(part), total.months[month] == nil else { continue }
            values[month, default: 0] += value
        }
        let number = total.number ?? 0
        if total.number == 0 {
            for month in period.months { values[month] = 0 }
        }
        self.values = values
        self.missing = period.months.filter { values[$0] == nil }
        self.addsUp = abs(values.values.reduce(0, +) - number) < 1e-9
    }

    /// The months below `minimum`, in calendar order.
    func shortfalls(below minimum: Double) -> [(month: Int, value: Double)] {
        values.keys.sorted().compactMap { month in
            let value = values[month]!
            return value < minimum ? (month, value) : nil
        }
    }

    /// The smallest monthly value, when every month of the period has one.
    var lowest: Double? { isComplete ? values.values.min() : nil }

    /// One figure per month, for the provenance records behind the chart and the findings.
    func monthFigures(year: Int) -> [Figure] {
        values.keys.sorted().map { month in
            let period = Period.month(month, year)
            let own = total.sources.filter { $0.period == period.code }
            return Figure(
                indicator: indicator.id, period: period, unit: nil, number: values[month], notes: total.notes,
                sources: own.isEmpty ? total.sources : own,
                derivation: "month \(month) of the total for \(total.period.code)")
        }
    }
}
