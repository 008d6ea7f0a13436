import Logging

/// Compiles a period's report: runs one plugin per content area, concurrently, and merges their
/// sections in plan order into one `ReportDocument`.
public struct Engine: Sendable {
    public let plan: Plan
    public let submissions: [Submission]
    public let registry: PluginRegistry
    let logger: Logger
    /// Builds the figures of each period once; engines given the same aggregator (the reports
    /// of one plan in a batch) share what it built.
    let aggregator: Aggregator
    /// Unusual figures the officer confirmed: their outlier warnings stay quiet.
    public let confirmations: [ConfirmedFigure]

    public init(
        plan: Plan, submissions: [Submission], registry: PluginRegistry, logger: Logger = Logger(label: "baocao.engine"),
        aggregator: Aggregator? = nil, confirmations: [ConfirmedFigure] = []
    ) {
        self.plan = plan
        self.submissions = submissions
        self.registry = registry
        self.logger = logger
        self.aggregator = aggregator ?? Aggregator(plan: plan, submissions: submissions)
        self.confirmations = confirmations
    }

    public struct Options: Sendable {
        /// The report's number ("15"), or nil for a draft.
        public var number: String?
        /// The signing date, or nil for a draft.
        public var date: CivilDate?
        /// Keep going when a plugin fails, marking the draft as partial.
        public var allowPartial: Bool

        public init(number: String? = nil, date: CivilDate? = nil, allowPartial: Bool = false) {
            self.number = number
            self.date = date
            self.allowPartial = allowPartial
        }
    }

    public struct Output: Sendable {
        public var document: ReportDocument
        /// Missing or incomplete data and plugin notes, for the officer.
        public var diagnostics: [Diagnostic]
        public var sections: [AreaSection]
        /// Whether a rule of severity error fails on the period's figures: the report would
        /// state figures known to be wrong.
        public var rulesFailed: Bool = false
    }

    /// One area's section as the plugin wrote it.
    public struct AreaSection: Sendable {
        public var area: ContentArea
        public var section: Section
    }

    /// Thrown when a plugin fails and a partial draft was not asked for.
    public struct PluginFailure: Error, CustomStringConvertible, Sendable {
        public var plugin: String
        public var area: String
        public var message: String
        public var description: String {
            "plugin '\(plugin)' lỗi khi viết phần '\(area)': \(message) (plugin failed)"
        }
    }

    /// The most recent reported period of the plan's year that has data.
    public func latestPeriodWithData() -> Period? {
        return plan.reportedPeriods.reversed().first { aggregator.hasData(for: $0) }
    }

    public func compile(period: Period, options: Options = Options()) async throws -> Output {
        var diagnostics: [Diagnostic] = []
        var (current, currentDiagnostics) = aggregator.data(for: period)
        diagnostics += currentDiagnostics
        // Who did what: units' own words ("của phòng") name the unit once merged.
        current.narratives = Attribution(plan: plan).apply(current.narratives)
        let (previous, sameLastYear) = Self.comparisonData(for: period, aggregator)
        diagnostics += missingData(current)

        let contexts = plan.areas.map { area in
            makeContext(area: area, period: period, current: current, previous: previous, sameLastYear: sameLastYear)
        }
        let results = try await runPlugins(contexts, allowPartial: options.allowPartial)
        var sections: [AreaSection] = []
        var failed: [String] = []
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let section):
                sections.append(AreaSection(area: plan.areas[index], section: section))
                diagnostics += section.diagnostics
            case .failure(let failure):
                failed.append(plan.areas[index].title)
                diagnostics.append(.error(plan.areas[index].location, failure.description))
                sections.append(
                    AreaSection(
                        area: plan.areas[index],
                        section: Section(blocks: [
                            .paragraph(Paragraph(runs: [TextRun("[Phần này chưa tổng hợp được: \(failure.message)]", italic: true)]))
                        ])))
            }
        }
        let assessed = Assessment(plan: plan, period: period, current: current).check(sections)
        sections = assessed.sections
        diagnostics += assessed.diagnostics
        let yearToDate = (1...4).map { Period.quarter($0, period.year) }
            .filter { $0.months.upperBound <= period.months.upperBound }
            .map { aggregator.data(for: $0).data }
        let merger = ReportMerger(plan: plan, period: period, options: options)
        diagnostics += merger.frameDiagnostics(current: current)
        let document = merger.merge(
            sections: sections, current: current, previous: previous, sameLastYear: sameLastYear, yearToDate: yearToDate,
            failedAreas: failed)
        let checks = figureChecks(for: period)
        diagnostics += checks
        return Output(
            document: document, diagnostics: Diagnostic.sortedUnique(shownPaths(diagnostics)), sections: sections,
            rulesFailed: checks.contains { $0.severity == .error })
    }

    /// Plugins locate data diagnostics by provenance (paths relative to the data folder); the
    /// officer needs the path as given on the command line.
    func shownPaths(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let shown = Dictionary(submissions.map { ($0.relativePath, $0.file) }, uniquingKeysWith: { a, _ in a })
        return diagnostics.map { d in
            var d = d
            if let path = shown[d.location.file] { d.location.file = path }
            return d
        }
    }

    /// The plan's rules on `period` and on every submitted period inside it, and the outlier
    /// check of every submission inside it (Rules/).
    public func figureChecks(for period: Period) -> [Diagnostic] {
        let inside = submissions.filter { period.contains($0.period) }
        return figureChecks(periods: [period] + inside.map(\.period), submissions: inside)
    }

    /// The rules on every period with data — each submitted period, and the quarters, halves,
    /// nine months and years built from them — and the outlier check of every submission,
    /// with confirmations that no longer match a figure.
    public func figureChecks() -> [Diagnostic] {
        var periods = Set(submissions.map(\.period))
        for year in Set(periods.map(\.year)) {
            let built: [Period] = (1...4).map { .quarter($0, year) } + [.half(1, year), .half(2, year), .nineMonths(year), .year(year)]
            for p in built where !periods.contains(p) && aggregator.hasData(for: p) { periods.insert(p) }
        }
        let outliers = OutlierChecker(plan: plan, submissions: submissions, confirmations: confirmations)
        return figureChecks(periods: Array(periods), submissions: submissions) + shownPaths(outliers.staleConfirmations())
    }

    func figureChecks(periods: [Period], submissions checked: [Submission]) -> [Diagnostic] {
        let rules = RuleChecker(plan: plan).check(periods: periods) { aggregator.data(for: $0).data }
        let outliers = OutlierChecker(plan: plan, submissions: submissions, confirmations: confirmations)
        return CellCitation.annotate(shownPaths(rules + checked.flatMap { outliers.check($0) }))
    }

    /// The data of the previous period and of the same period of the previous year, each when it
    /// has any. For a year both are the previous year: it is given once, as the same period.
    static func comparisonData(for period: Period, _ aggregator: Aggregator) -> (previous: PeriodData?, sameLastYear: PeriodData?) {
        func nonEmpty(_ p: Period) -> PeriodData? {
            let data = aggregator.data(for: p).data
            return data.isEmpty ? nil : data
        }
        let last = nonEmpty(period.sameLastYear)
        guard let previous = period.previous, previous != period.sameLastYear else { return (nil, last) }
        return (nonEmpty(previous), last)
    }

    func makeContext(area: ContentArea, period: Period, current: PeriodData, previous: PeriodData?, sameLastYear: PeriodData?)
        -> SectionContext
    {
        let ids = Set(area.indicators.map(\.id))
        func restrict(_ d: PeriodData?) -> PeriodData? {
            guard let r = d?.restricted(to: ids, area: area.id) else { return nil }
            return r.totals.isEmpty ? nil : r
        }
        return SectionContext(
            plan: PlanSummary(
                title: plan.identity.title, year: plan.year, issuingBodyName: plan.identity.issuingBodyName, place: plan.identity.place,
                areas: plan.areas.map { AreaHeading(id: $0.id, title: $0.title) }),
            area: area, period: period, current: current.restricted(to: ids, area: area.id),
            previous: restrict(previous), sameLastYear: restrict(sameLastYear),
            tasks: plan.tasks.filter { $0.areas.contains(area.id) }, units: plan.units, window: plan.window(of: period))
    }

    /// Runs every area's plugin concurrently; results come back in plan order.
    func runPlugins(_ contexts: [SectionContext], allowPartial: Bool) async throws -> [Result<Section, PluginFailure>] {
        let registry = self.registry
        let logger = self.logger
        let results = await withTaskGroup(of: (Int, Result<Section, PluginFailure>).self) { group in
            for (index, context) in contexts.enumerated() {
                group.addTask {
                    let area = context.area
                    guard let type = registry.plugin(id: area.plugin) else {
                        return (index, .failure(PluginFailure(plugin: area.plugin, area: area.title, message: "plugin chưa được đăng ký")))
                    }
                    logger.debug("running plugin", metadata: ["plugin": "\(area.plugin)", "area": "\(area.id)"])
                    do {
                        return (index, .success(try type.init().typesetSection(context)))
                    } catch {
                        return (index, .failure(PluginFailure(plugin: area.plugin, area: area.title, message: "\(error)")))
                    }
                }
            }
            var collected: [(Int, Result<Section, PluginFailure>)] = []
            for await r in group { collected.append(r) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        if !allowPartial,
            let failure = results.lazy.compactMap({ r -> PluginFailure? in
                if case .failure(let f) = r { return f } else { return nil }
            }).first
        {
            throw failure
        }
        return results
    }

    /// Units that have not submitted, and required indicators they left out.
    func missingData(_ current: PeriodData) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let period = current.period
        for unit in plan.reportingUnits {
            let required = plan.indicators.filter { $0.reportedBy.contains(unit.id) && !$0.isDerived }
            guard !required.isEmpty else { continue }
            guard let figures = current.byUnit[unit.id] else {
                out.append(.warning(unit.location, "\(unit.shortName) chưa nộp số liệu \(period.label) (no data from this unit)"))
                continue
            }
            let missing = required.filter { figures[$0.id] == nil }
            if !missing.isEmpty {
                out.append(
                    .warning(
                        unit.location,
                        "\(unit.shortName) chưa báo cáo \(missing.count) chỉ tiêu \(period.label): \(missing.map(\.id).joined(separator: ", ")) (missing figures)"
                    ))
            }
        }
        return out
    }
}
