import Foundation

/// Runs a plugin's descriptor examples through the real aggregation and context building, so
/// that an example exercises what `compile` would do with the same figures.
public struct ExampleHarness: Sendable {
    public let plan: Plan
    public let registry: PluginRegistry

    public init(plan: Plan, registry: PluginRegistry) {
        self.plan = plan
        self.registry = registry
    }

    public struct Outcome: Sendable {
        public var section: Section
        /// Every text of the section: paragraphs, list items, table cells, findings.
        public var texts: [String]
        /// Expected texts that were not found, and rejected texts that were.
        public var missing: [String]
        public var unexpected: [String]
        public var passed: Bool { missing.isEmpty && unexpected.isEmpty }
    }

    /// Runs `example` with the plugin `type` on the example's own area (see `plan(for:base:…)`)
    /// or, when it gives none, on the plan's first area that uses the plugin.
    public func run(_ example: PluginExample, plugin type: any SectionPlugin.Type) throws -> Outcome {
        let id = type.descriptor.id
        let wanted = example.area?.id
        guard let area = plan.areas.first(where: { wanted == nil ? $0.plugin == id : $0.id == wanted }) else {
            if let wanted { throw PluginError("the plan has no area '\(wanted)': run the example on plan(for:base:…)") }
            throw PluginError(
                "the plan has no area using plugin '\(id)'; give the example its own area (PluginExample(…, area: ExampleArea(yaml: …)))")
        }
        guard let period = Period(example.period) else { throw PluginError("bad example period \(example.period)") }
        var submissions = submissionsFor(example.current, period: period, narratives: example.narratives, area: area.id)
        if let previous = example.previous, let p = period.previous {
            submissions += submissionsFor(previous, period: p)
        }
        if let last = example.sameLastYear {
            submissions += submissionsFor(last, period: period.sameLastYear)
        }
        let engine = Engine(plan: plan, submissions: submissions, registry: registry)
        let aggregator = Aggregator(plan: plan, submissions: submissions)
        let current = aggregator.data(for: period).data
        let (previous, sameLastYear) = Engine.comparisonData(for: period, aggregator)
        let context = engine.makeContext(area: area, period: period, current: current, previous: previous, sameLastYear: sameLastYear)
        let section = try type.init().typesetSection(context)
        let texts = Self.texts(of: section)
        let all = texts.joined(separator: "\n")
        return Outcome(
            section: section, texts: texts, missing: example.expect.filter { !all.contains($0) },
            unexpected: example.reject.filter { all.contains($0) })
    }

    /// The plan an example runs on: `base` (a plan file's text) with the example's own area added
    /// at the end of `areas:` and its tasks at the end of `tasks:`; nil when the example has no
    /// area of its own. Throws with the loader's diagnostics when the result does not load.
    public static func plan(
        for example: PluginExample, base: String, displayPath: String, plugins: [PluginDescriptor]
    ) throws -> Plan? {
        guard let area = example.area else { return nil }
        var text = try inserting(area.yaml, after: "areas", in: base)
        if let tasks = area.tasks { text = try inserting(tasks, after: "tasks", in: text) }
        let result = PlanLoader(plugins: plugins).load(text: text, displayPath: displayPath)
        guard let plan = result.plan else {
            throw PluginError(
                "the example's area does not load in \(displayPath):\n"
                    + result.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))
        }
        return plan
    }

    /// `yaml` inserted after the last item of the top-level list `key` of a plan's text.
    static func inserting(_ yaml: String, after key: String, in text: String) throws -> String {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else {
            throw PluginError("the plan has no top-level '\(key):' to add the example's items to")
        }
        // The list ends before the next line that starts in the first column (a key, not a comment).
        var end = lines.count
        for index in (start + 1)..<lines.count {
            guard let first = lines[index].first, first != " ", first != "#" else { continue }
            end = index
            break
        }
        // Blank lines and comments just before the next key stay with it.
        while end > start + 1, lines[end - 1].allSatisfy(\.isWhitespace) || lines[end - 1].hasPrefix("#") { end -= 1 }
        var block = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while block.last?.isEmpty == true { block.removeLast() }
        lines.insert(contentsOf: block, at: end)
        return lines.joined(separator: "\n")
    }

    func submissionsFor(
        _ byUnit: [String: [String: ExampleValue]], period: Period, narratives: [ExampleNarrative] = [], area: String = ""
    ) -> [Submission] {
        Set(byUnit.keys).union(narratives.map(\.unit)).sorted().map { unit in
            let file = "example/\(period.code)/\(unit).yaml"
            var figures: [String: SubmittedValue] = [:]
            var line = 1
            for (id, value) in (byUnit[unit] ?? [:]).sorted(by: { $0.key < $1.key }) {
                line += 1
                let at = SourceLocation(file: file, line: line, column: 3)
                switch value {
                case .number(let n): figures[id] = SubmittedValue(number: n, location: at)
                case .text(let t): figures[id] = SubmittedValue(text: t, location: at)
                case .monthly(let months): figures[id] = SubmittedValue(number: months.values.reduce(0, +), months: months, location: at)
                case .noted(let n, let note): figures[id] = SubmittedValue(number: n, note: note, location: at)
                }
            }
            let items = narratives.filter { $0.unit == unit }.map { n -> NarrativeItem in
                line += 1
                return NarrativeItem(
                    kind: n.kind, text: n.text, cause: n.cause, area: area, task: n.task, unit: unit, period: period,
                    location: SourceLocation(file: file, line: line, column: 5))
            }
            return Submission(
                unit: unit, period: period, file: file, illustrative: true, figures: figures, narratives: items,
                location: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Every text a section holds, for example checks and golden comparisons.
    public static func texts(of section: Section) -> [String] {
        var out: [String] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let h): out.append(h.line)
                case .paragraph(let p): out.append(p.plainText)
                case .list(let items): out += items.map(\.plainText)
                case .table(let t):
                    out.append(t.caption)
                    if let unit = t.unit { out.append("(đơn vị tính: \(unit))") }
                    out += t.headerGroups.map(\.title)
                    out += t.columns.map(\.headerText)
                    out += t.rows.flatMap { $0.map(\.text) }
                    out += (t.totals ?? []).map(\.text)
                    if let note = t.note { out.append(note) }
                case .chart(let c): out.append(c.title)
                }
            }
        }
        walk(section.blocks)
        out += section.achievements.map(\.text)
        out += section.limitations.map { [$0.text, $0.cause].compactMap { $0 }.joined(separator: " ") }
        out += section.nextTasks.map(\.text)
        out += section.proposals.map(\.text)
        out += section.diagnostics.map(\.message)
        return out
    }
}
