/// What a plugin returns: the body of its content area's section, its findings for the overall
/// assessment, and diagnostics for the officer (never printed in the signed report).
public struct Section: Sendable {
    /// The body under the section heading (the engine writes the heading from the plan).
    public var blocks: [Block]
    /// Achievements for "II. Đánh giá chung – Ưu điểm".
    public var achievements: [Finding]
    /// Limitations for "II. Đánh giá chung – Tồn tại, hạn chế và nguyên nhân".
    public var limitations: [Finding]
    /// Tasks for "III. Nhiệm vụ … kỳ tới".
    public var nextTasks: [Finding]
    /// Proposals for "IV. Đề xuất, kiến nghị".
    public var proposals: [Finding]
    /// Missing or incomplete data, for `validate` and `compile` to list.
    public var diagnostics: [Diagnostic]
    /// Figures the section states, with provenance, for the JSON output.
    public var figures: [Figure]

    public init(
        blocks: [Block] = [], achievements: [Finding] = [], limitations: [Finding] = [], nextTasks: [Finding] = [],
        proposals: [Finding] = [], diagnostics: [Diagnostic] = [], figures: [Figure] = []
    ) {
        self.blocks = blocks
        self.achievements = achievements
        self.limitations = limitations
        self.nextTasks = nextTasks
        self.proposals = proposals
        self.diagnostics = diagnostics
        self.figures = figures
    }
}

/// A sentence for the overall assessment, with its cause where one is known and the
/// submissions that back it.
///
/// `subject` and `requirement` say what the finding judges: the subject (by convention an
/// indicator id of the plan, such as `tin_bai_cong_tinh`) and the requirement it is measured
/// against (a plugin option such as `monthly_news_minimum`, `target`, or nil for the subject in
/// general). The engine uses them to keep one report from calling the same thing both an
/// achievement and a limitation, to state a limitation once when a unit wrote it too, and to
/// place an achievement under the plan's purpose it serves. Both default to nil: a finding
/// without a subject takes part in none of this.
public struct Finding: Sendable, Equatable {
    public var text: String
    public var cause: String?
    public var sources: [SourceReference]
    public var subject: String?
    public var requirement: String?

    public init(
        _ text: String, cause: String? = nil, sources: [SourceReference] = [], subject: String? = nil, requirement: String? = nil
    ) {
        self.text = text
        self.cause = cause
        self.sources = sources
        self.subject = subject
        self.requirement = requirement
    }

    /// What the finding judges, when it says: subject and requirement.
    public var key: Key? { subject.map { Key(subject: $0, requirement: requirement) } }

    public struct Key: Hashable, Sendable, CustomStringConvertible {
        public var subject: String
        public var requirement: String?
        public init(subject: String, requirement: String? = nil) {
            self.subject = subject
            self.requirement = requirement
        }
        public var description: String { requirement.map { "\(subject)/\($0)" } ?? subject }
    }
}

/// Everything a plugin may read. Read-only; built by the engine.
public struct SectionContext: Sendable {
    public var plan: PlanSummary
    public var area: ContentArea
    public var period: Period
    /// This period's figures (only this area's indicators) and this area's narratives.
    public var current: PeriodData
    /// The previous period of the same length, when it has data.
    public var previous: PeriodData?
    /// The same period of the previous year, when it has data.
    public var sameLastYear: PeriodData?
    /// The plan tasks that feed this area.
    public var tasks: [PlanTask]
    public var units: [PlanUnit]
    /// The cut-off window of the period.
    public var window: DateWindow

    public init(
        plan: PlanSummary, area: ContentArea, period: Period, current: PeriodData, previous: PeriodData?,
        sameLastYear: PeriodData?, tasks: [PlanTask], units: [PlanUnit], window: DateWindow
    ) {
        self.plan = plan
        self.area = area
        self.period = period
        self.current = current
        self.previous = previous
        self.sameLastYear = sameLastYear
        self.tasks = tasks
        self.units = units
        self.window = window
    }

    public func indicator(_ id: String) -> Indicator? { area.indicators.first { $0.id == id } }

    /// A unit's short name for running text, or its id.
    public func unitName(_ id: String) -> String { units.first { $0.id == id }?.shortName ?? id }

    /// A diagnostic located at the area in the plan file.
    public func warning(_ message: String) -> Diagnostic { .warning(area.location, message) }

    /// A diagnostic located at the unit file a figure came from (its first source), or at the
    /// area when the figure has none.
    public func warning(_ message: String, at figure: Figure?) -> Diagnostic {
        guard let source = figure?.sources.first else { return warning(message) }
        return .warning(SourceLocation(file: source.file, line: source.line, column: source.column), message)
    }
}

/// The plan facts a plugin may need, without the other areas.
public struct PlanSummary: Sendable {
    public var title: String
    public var year: Int
    public var issuingBodyName: String
    public var place: String
    /// The plan's content areas in report order, so that a section can refer to another by its
    /// clause in Part I instead of repeating its figures.
    public var areas: [AreaHeading]

    public init(title: String, year: Int, issuingBodyName: String, place: String, areas: [AreaHeading] = []) {
        self.title = title
        self.year = year
        self.issuingBodyName = issuingBodyName
        self.place = place
        self.areas = areas
    }
}

/// A content area as another section refers to it.
public struct AreaHeading: Sendable, Equatable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}
