/// A year's plan, as its YAML file declares it. See `Plans/README.md` for the format.
public struct Plan: Sendable {
    /// The plan file as diagnostics name it.
    public var file: String
    public var identity: PlanIdentity
    public var units: [PlanUnit]
    /// I.1 Mục đích.
    public var purposes: [NumberedText]
    /// I.2 Yêu cầu.
    public var requirements: [NumberedText]
    /// II. Nội dung thực hiện.
    public var tasks: [PlanTask]
    /// III. Tổ chức thực hiện.
    public var organization: [Responsibility]
    /// Content areas in report order.
    public var areas: [ContentArea] {
        didSet { if !indicatorIndex.isEmpty { reindex() } }
    }
    public var reporting: Reporting
    /// The plan's own closing block (its "Nơi nhận" and signer), kept for completeness.
    public var planClosing: PlanClosing?
    /// The plans this one extends (`extends:`), nearest first, as diagnostics name them.
    public var bases: [String] = []
    /// What the application recorded of the plan file's bytes as they were parsed (their digest).
    public var stamp: InputStamp?
    /// Validation rules over indicators (`rules:`), checked on every unit's figures and the totals.
    public var rules: [Rule] = []

    public var year: Int { identity.year }

    /// Every indicator of every area, in plan order.
    public var indicators: [Indicator] { areas.flatMap(\.indicators) }

    public func unit(_ id: String) -> PlanUnit? { units.first { $0.id == id } }
    /// The indicator with `id`: by index once the plan is indexed (loading does it), else by search.
    public func indicator(_ id: String) -> Indicator? {
        if !indicatorIndex.isEmpty { return indicatorIndex[id] }
        return indicators.first { $0.id == id }
    }

    /// Indicators by id, kept in step with `areas` (looked up hundreds of times per compile).
    var indicatorIndex: [String: Indicator] = [:]

    /// Builds the indicator index; the first declaration of an id wins, as in a search.
    public mutating func reindex() {
        indicatorIndex = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
    public func area(_ id: String) -> ContentArea? { areas.first { $0.id == id } }

    /// The area an indicator belongs to.
    public func area(ofIndicator id: String) -> ContentArea? {
        areas.first { $0.indicators.contains { $0.id == id } }
    }

    /// The units that submit data (not groups, not outside bodies).
    public var reportingUnits: [PlanUnit] { units.filter(\.submitsData) }
}

/// Who issues the plan and the reports on it, and the decision it implements.
public struct PlanIdentity: Sendable {
    /// "Kế hoạch tuyên truyền công tác cải cách hành chính năm 2026".
    public var title: String
    public var year: Int
    /// The plan's own number and date, where known ("15/KH-VPUBND").
    public var number: String?
    public var date: CivilDate?
    /// The decision the plan implements.
    public var basis: Decision
    /// "UBND TỈNH SƠN LA" — printed upper case, not bold.
    public var parentBody: String
    /// "VĂN PHÒNG" — printed upper case, bold.
    public var issuingBody: String
    /// The issuing body as named in running text: "Văn phòng UBND tỉnh".
    public var issuingBodyName: String
    /// "Sơn La".
    public var place: String
    /// The report's number suffix: "BC-VPUBND".
    public var documentCode: String
    /// Where `plan:` is in the plan file, for diagnostics about the identity.
    public var location: SourceLocation? = nil
}

/// A legal document referred to by number and date.
public struct Decision: Sendable {
    /// "Quyết định".
    public var kind: String
    /// "239/QĐ-UBND".
    public var number: String
    public var date: CivilDate
    /// "Chủ tịch UBND tỉnh".
    public var issuer: String
    /// "về việc ban hành Kế hoạch tuyên truyền cải cách hành chính tỉnh Sơn La năm 2026".
    public var subject: String

    /// "Quyết định số 239/QĐ-UBND ngày 27/01/2026 của Chủ tịch UBND tỉnh về việc …".
    public var citation: String {
        "\(kind) số \(number) ngày \(VietnameseFormat.shortDate(date)) của \(issuer) \(subject)"
    }
}

public struct PlanUnit: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A division of the issuing body that reports on the plan.
        case division
        /// An outside body that coordinates.
        case external
        /// A group named collectively ("các phòng, đơn vị trực thuộc Văn phòng").
        case group
    }

    public var id: String
    public var name: String
    public var shortName: String
    public var kind: Kind
    /// Whether the unit submits period data. Divisions do unless the plan says otherwise.
    public var submitsData: Bool
    public var location: SourceLocation
}

/// A numbered item of text: "1.1" and its sentence.
public struct NumberedText: Sendable {
    public var number: String
    public var text: String
    public var location: SourceLocation
    /// For a purpose or requirement: the judgement part II ("Ưu điểm") makes when the period's
    /// results serve it ("Việc hướng dẫn người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến
    /// đạt kết quả rõ"), written as a clause; nil when the plan gives none.
    public var assessment: String? = nil
    /// The indicators whose results back the assessment, strongest first.
    public var indicators: [String] = []
}

/// A task of part II, numbered as in the source ("II.1").
public struct PlanTask: Sendable {
    public var number: String
    public var title: String
    /// The content items ("- Tuyên truyền, phổ biến …").
    public var content: [String]
    /// "Thường xuyên trong năm" or "Trong năm 2026".
    public var timeline: String
    public var timelineKind: TimelineKind
    public var lead: [String]
    public var coordinating: [String]
    /// Content areas whose sections report on this task.
    public var areas: [String]
    /// Indicators that show the task was carried out.
    public var indicators: [String]
    public var location: SourceLocation
    /// A short name of the task for one-line mentions (part III, the appendix), when the title
    /// is a long sentence; nil to use the title.
    public var shortTitle: String? = nil

    /// The short title, or the title.
    public var name: String { shortTitle ?? title }

    public enum TimelineKind: String, Sendable, CaseIterable {
        /// A standing task, carried out all year ("thường xuyên").
        case regular
        /// To be done once within the year.
        case withinYear = "within-year"
    }
}

/// III. Tổ chức thực hiện: the duties of one unit or group.
public struct Responsibility: Sendable {
    public var number: String
    public var units: [String]
    public var duties: [String]
    public var location: SourceLocation
}

/// A content area: one section of the report, written by one plugin.
public struct ContentArea: Sendable {
    public var id: String
    /// The section heading: "Cải cách thủ tục hành chính".
    public var title: String
    /// The id of the plugin that writes the section.
    public var plugin: String
    public var order: Int
    public var indicators: [Indicator]
    /// Plugin-specific settings, checked against the plugin's descriptor.
    public var options: [String: OptionValue]
    /// A text template for plugins that word their text from the plan.
    public var template: String?
    public var location: SourceLocation
    /// Where `template`'s text is in the plan file, to locate a line and column inside it.
    public var templatePlacement: TextPlacement?
    /// Where each key of `options` is written.
    public var optionLocations: [String: SourceLocation] = [:]
}

/// Where a text value is in its file, so that a position inside the text (a template's line 3,
/// column 12) can be named as a position in the file.
public struct TextPlacement: Sendable, Equatable {
    /// The value itself: for a block scalar (`template: |`), its `|`.
    public var location: SourceLocation
    /// For a literal block scalar (`|`), the file line of the text's first line and the number
    /// of spaces that indent it; nil for other scalars, whose lines do not map one to one.
    public var firstLine: Int?
    public var indentation: Int?

    public init(location: SourceLocation, firstLine: Int? = nil, indentation: Int? = nil) {
        self.location = location
        self.firstLine = firstLine
        self.indentation = indentation
    }

    /// The file position of `line` and `column` (from 1) of the text; the value's own location
    /// when the text is not a literal block scalar.
    public func location(line: Int, column: Int) -> SourceLocation {
        guard let firstLine, let indentation else { return location }
        return SourceLocation(file: location.file, line: firstLine + line - 1, column: indentation + column)
    }

    /// Whether `location(line:column:)` names the exact position.
    public var isExact: Bool { firstLine != nil }
}

/// A plugin option value from the plan.
public enum OptionValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case flag(Bool)
    case list([String])

    public var text: String? { if case .text(let t) = self { return t } else { return nil } }
    public var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    public var flag: Bool? { if case .flag(let b) = self { return b } else { return nil } }
    public var list: [String]? { if case .list(let l) = self { return l } else { return nil } }
}

/// What units report: one measured quantity.
public struct Indicator: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case count, percent, score, rank, text
    }

    /// How values of shorter periods combine into a longer one, and values of several units
    /// into one.
    public enum Aggregation: String, Sendable, CaseIterable {
        /// Add them up (counts).
        case sum
        /// Take the value of the latest sub-period (scores, ranks, stocks at the period's end).
        case latest
        /// Take the value of the earliest sub-period (stocks at the period's start, such as
        /// dossiers carried over).
        case first
        /// The largest value.
        case max
        /// Not combined: each period must be submitted directly.
        case none
    }

    public var id: String
    /// The Vietnamese label: "Hồ sơ tiếp nhận trực tuyến".
    public var label: String
    /// Unit of measure: "hồ sơ", "tin, bài", "%", "điểm".
    public var measure: String
    public var kind: Kind
    public var aggregation: Aggregation
    /// What to count, for the forms units fill in.
    public var definition: String?
    /// A rate computed from other indicators: sum(numerator) ÷ sum(denominator) × 100.
    public var numerator: [String]
    public var denominator: [String]
    /// The indicator this one is a part of (a part may not exceed its whole).
    public var partOf: String?
    /// The upper end of a score's scale (100, 80, 1).
    public var scaleMax: Double?
    public var target: Target?
    /// Whether values are given month by month within the period.
    public var monthly: Bool
    /// Units that must submit it; empty means any unit may.
    public var reportedBy: [String]
    public var location: SourceLocation
    /// Whether and how figures are compared with the unit's history (`outliers:`).
    public var outliers: OutlierSetting = .standard

    /// True when the value is computed from other indicators and never submitted.
    public var isDerived: Bool { !numerator.isEmpty }
}

/// A plan target for an indicator.
public struct Target: Sendable, Equatable {
    public enum Comparison: String, Sendable {
        case atLeast = "at-least"
        case atMost = "at-most"
    }

    public var comparison: Comparison
    public var value: Double
    /// Where the requirement comes from, e.g. "Kế hoạch, mục II.2".
    public var basis: String?

    public init(comparison: Comparison, value: Double, basis: String? = nil) {
        self.comparison = comparison
        self.value = value
        self.basis = basis
    }

    public func isMet(by value: Double) -> Bool {
        switch comparison {
        case .atLeast: return value >= self.value
        case .atMost: return value <= self.value
        }
    }
}

/// How and to whom the plan is reported.
public struct Reporting: Sendable {
    public var periods: [ReportedPeriod]
    /// The report's summary line before the period label:
    /// "Kết quả thực hiện Kế hoạch tuyên truyền công tác cải cách hành chính".
    public var subject: String
    /// "Kính gửi" addressees.
    public var addressees: [String]
    /// The recipients, as printed after "- ", without the final ";". The archive line is added.
    public var recipients: [String]
    /// The drafting unit's code for "Lưu: VT, TCHCQT."
    public var draftingUnit: String
    public var signer: PlanSigner
}

public struct ReportedPeriod: Sendable {
    /// "Q1", "H1", "Q3", "year" (see `Period.kindCode`).
    public var kind: String
    /// A window declared by the plan; nil takes the default of Nghị định 09/2019.
    public var window: MonthDayWindow?
    /// The deadline as month and day in the period's year; nil takes the default.
    public var deadline: MonthDay?
    public var location: SourceLocation

    /// The period of this kind in `year`.
    public func period(in year: Int) -> Period? { Period(kindCode: kind, year: year) }
}

/// A month and day, "03-20".
public struct MonthDay: Sendable, Hashable {
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let m = Int(parts[0]), let d = Int(parts[1]),
            CivilDate(year: 2024, month: m, day: d) != nil
        else { return nil }
        month = m
        day = d
    }

    /// The date in `year`; 29 February becomes 28 February in a common year.
    public func date(in year: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: min(day, CivilDate.daysIn(month: month, year: year)))!
    }
}

/// A window written as month-days; a start later in the calendar than the end lies in the
/// previous year ("12-15" → "03-14").
public struct MonthDayWindow: Sendable, Hashable {
    public var from: MonthDay
    public var to: MonthDay

    public func window(endingIn year: Int) -> DateWindow {
        let startsLastYear = (from.month, from.day) > (to.month, to.day)
        return DateWindow(start: from.date(in: startsLastYear ? year - 1 : year), end: to.date(in: year))
    }
}

public struct PlanSigner: Sendable {
    public var authority: String?
    public var title: String
    public var name: String
}

/// The plan document's own closing block.
public struct PlanClosing: Sendable {
    public var recipients: [String]
    public var signer: PlanSigner
}

extension Plan {
    /// The reported periods of the plan's year, in order.
    public var reportedPeriods: [Period] {
        reporting.periods.compactMap { $0.period(in: year) }.sorted()
    }

    /// The plan's declaration for the kind of `period`, if the plan reports it.
    public func reportedPeriod(for period: Period) -> ReportedPeriod? {
        reporting.periods.first { $0.kind == period.kindCode }
    }

    /// The cut-off window of `period`: the plan's own where it declares one, else the default.
    public func window(of period: Period) -> DateWindow {
        reportedPeriod(for: period)?.window?.window(endingIn: period.year) ?? period.defaultWindow
    }

    /// The deadline of `period`: the plan's own where it declares one, else the default.
    public func deadline(of period: Period) -> CivilDate {
        reportedPeriod(for: period)?.deadline?.date(in: period.year) ?? period.defaultDeadline
    }
}
