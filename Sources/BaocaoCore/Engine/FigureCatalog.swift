/// Turns figures into the document's provenance records: every figure of the period (totals
/// and each unit's), the comparison periods' totals, and whatever else a section states.
struct FigureCatalog {
    let plan: Plan

    func records(current: PeriodData, previous: PeriodData?, sameLastYear: PeriodData?, sections: [Section]) -> [FigureRecord] {
        var figures: [Figure] = []
        for data in [current, previous, sameLastYear].compactMap({ $0 }) {
            figures += data.totals.values
            if data.period == current.period { figures += data.byUnit.values.flatMap(\.values) }
        }
        figures += sections.flatMap(\.figures)
        // The first figure with an id wins; the record (its label and text) is made only for it.
        var byID: [String: FigureRecord] = [:]
        for f in figures {
            let id = Self.id(indicator: f.indicator, period: f.period, unit: f.unit)
            if byID[id] == nil { byID[id] = record(f) }
        }
        return byID.values.sorted { $0.id < $1.id }
    }

    static func id(indicator: String, period: Period, unit: String?) -> String {
        "\(period.code)/\(indicator)/\(unit ?? "total")"
    }

    func record(_ f: Figure) -> FigureRecord {
        let indicator = plan.indicator(f.indicator)
        return FigureRecord(
            id: Self.id(indicator: f.indicator, period: f.period, unit: f.unit), indicator: f.indicator,
            label: indicator?.label ?? f.indicator, period: f.period.code, unit: f.unit, value: f.number,
            text: Self.text(f, kind: indicator?.kind), measure: indicator?.measure, derivation: f.derivation,
            sources: f.sources)
    }

    /// The value as the report prints it.
    static func text(_ f: Figure, kind: Indicator.Kind?) -> String {
        if let t = f.text { return t }
        guard let n = f.number else { return "" }
        switch kind {
        case .percent: return VietnameseFormat.percent(n)
        case .count: return VietnameseFormat.number(n, fractionDigits: 0)
        case .rank:
            return f.outOf.map { "\(VietnameseFormat.number(n, fractionDigits: 0))/\(VietnameseFormat.number($0, fractionDigits: 0))" }
                ?? VietnameseFormat.number(n, fractionDigits: 0)
        default: return VietnameseFormat.number(n, fractionDigits: 4)
        }
    }
}
