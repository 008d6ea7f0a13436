import BaocaoCore
import Foundation

/// What one unit fills in for one period: the indicators the plan asks of it, grouped by content
/// area, with the period's cut-off window and deadline. The YAML and Excel forms are two
/// layouts of this.
public struct UnitForm: Sendable {
    public var plan: Plan
    public var unit: PlanUnit
    public var period: Period
    /// The areas with the indicators this unit fills in, in report order.
    public var groups: [(area: ContentArea, indicators: [Indicator])]
    /// The months of the period, when any indicator of the form is given month by month.
    public var months: [Period]
    public var window: DateWindow
    public var deadline: CivilDate

    /// The form of `unit` for `period`: every indicator whose `reported_by` names the unit, and
    /// those any unit may report; never a rate computed from other indicators.
    public init(plan: Plan, unit: PlanUnit, period: Period) {
        self.plan = plan
        self.unit = unit
        self.period = period
        groups = plan.areas.compactMap { area in
            let indicators = area.indicators.filter { !$0.isDerived && ($0.reportedBy.isEmpty || $0.reportedBy.contains(unit.id)) }
            return indicators.isEmpty ? nil : (area, indicators)
        }
        let monthly = groups.contains { $0.indicators.contains(where: \.monthly) }
        months = monthly ? period.monthPeriods : []
        window = plan.window(of: period)
        deadline = plan.deadline(of: period)
    }

    /// The forms of every unit that submits data (or of the units named), in plan order.
    public static func forms(plan: Plan, period: Period, units: [String] = []) -> [UnitForm] {
        plan.reportingUnits.filter { units.isEmpty || units.contains($0.id) }.map { UnitForm(plan: plan, unit: $0, period: period) }
    }

    public var indicators: [Indicator] { groups.flatMap(\.indicators) }

    /// Whether any indicator needs the columns of published results (year, source, rank out of).
    public var hasPublishedResults: Bool { indicators.contains { $0.kind == .score || $0.kind == .rank } }

    /// "ttpvhcc-2026-Q4": the form's file name without extension.
    public var baseName: String { "\(unit.id)-\(period.code)" }

    /// "15/09/2026 – 14/12/2026".
    public var windowText: String { "\(VietnameseFormat.shortDate(window.start)) – \(VietnameseFormat.shortDate(window.end))" }

    /// What kind of value an indicator takes, for the officer: "số nguyên ≥ 0", "0–100".
    public static func expectation(_ indicator: Indicator) -> String {
        switch indicator.kind {
        case .count: return "số nguyên không âm"
        case .percent: return "tỷ lệ từ 0 đến 100"
        case .score: return "điểm từ 0 đến \(VietnameseFormat.number(indicator.scaleMax ?? 100, fractionDigits: 4))"
        case .rank: return "thứ hạng, số nguyên từ 1"
        case .text: return "văn bản"
        }
    }

    /// The month label of a month period: "Tháng 10/2026".
    public static func monthLabel(_ month: Period) -> String {
        "Tháng \(month.months.lowerBound)/\(month.year)"
    }
}

/// The Vietnamese names of the narrative kinds, as the forms show them.
public enum NarrativeLabels {
    public static func label(_ kind: NarrativeItem.Kind) -> String {
        switch kind {
        case .activity: return "Kết quả đã thực hiện"
        case .limitation: return "Tồn tại, hạn chế"
        case .nextTask: return "Nhiệm vụ kỳ tới"
        case .proposal: return "Đề xuất, kiến nghị"
        }
    }

    /// The kind a cell names: its label or its key, ignoring case, commas and spaces.
    public static func kind(named text: String) -> NarrativeItem.Kind? {
        let folded = fold(text)
        for kind in NarrativeItem.Kind.allCases where fold(label(kind)) == folded || fold(kind.rawValue) == folded {
            return kind
        }
        let short: [String: NarrativeItem.Kind] = [
            "kếtquả": .activity, "hạnchế": .limitation, "tồntại": .limitation, "nhiệmvụ": .nextTask, "đềxuất": .proposal,
            "kiếnnghị": .proposal,
        ]
        return short[folded]
    }

    static func fold(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased().filter { !$0.isWhitespace && $0 != "," && $0 != "_" && $0 != "." }
    }
}
