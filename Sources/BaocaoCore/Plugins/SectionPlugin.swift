import Foundation

/// A section plugin writes the report section of one content area.
///
/// Like a SwiftLint rule, a plugin is one type with a static description, registered in one
/// explicit list (`BaocaoPlugins.builtins`). It reads a `SectionContext` — its area from the
/// plan, the period, the unit data of this period, of the previous period and of the same
/// period of the previous year — and returns a `Section`. It never sees other plugins and never
/// renders an output format.
public protocol SectionPlugin: Sendable {
    static var descriptor: PluginDescriptor { get }
    init()
    func makeSection(_ context: SectionContext) throws -> Section
}

extension SectionPlugin {
    /// The section as the report prints it: `makeSection` with the office's typography
    /// (`Section.typeset()`: glossary, dates, leading zeros) applied to every text. The engine, the
    /// example harness and the tests call this, so no plugin has to remember the rule.
    public func typesetSection(_ context: SectionContext) throws -> Section {
        try makeSection(context).typeset()
    }
}

/// What a plugin is, for `baocao plugins`, plan validation and the example tests.
public struct PluginDescriptor: Sendable {
    /// The id plans name in `areas[].plugin`.
    public var id: String
    /// A Vietnamese title: "Cải cách thủ tục hành chính".
    public var title: String
    /// One English sentence for developers.
    public var summary: String
    /// The options a plan may set for an area this plugin writes.
    public var options: [PluginOption]
    /// Indicator ids the plugin needs in its area to write its section; validation warns
    /// when an area omits one.
    public var expectedIndicators: [String]
    /// Examples that run as tests: inputs and the text the section must (not) contain.
    public var examples: [PluginExample]
    /// Checks an area the plugin writes when a plan is loaded (by `validate` and `compile`
    /// alike): a template, an option's value. Its errors stop the plan from loading, located in
    /// the plan file.
    public var checkArea: (@Sendable (ContentArea) -> [Diagnostic])?

    public init(
        id: String, title: String, summary: String, options: [PluginOption] = [],
        expectedIndicators: [String] = [], examples: [PluginExample] = [],
        checkArea: (@Sendable (ContentArea) -> [Diagnostic])? = nil
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.options = options
        self.expectedIndicators = expectedIndicators
        self.examples = examples
        self.checkArea = checkArea
    }
}

public struct PluginOption: Sendable {
    public var key: String
    public var summary: String
    public init(_ key: String, _ summary: String) {
        self.key = key
        self.summary = summary
    }
}

/// An example in the spirit of SwiftLint's: given these figures, the section says this.
///
/// Figures are given per unit: `["ttpvhcc": ["ho_so_tiep_nhan_moi": 120]]`. The example runs
/// on its own `area` when it gives one (added to the test plan), otherwise on the test plan's
/// first area that uses the plugin. Every registered plugin's examples run as tests
/// (`Tests/PluginTests/ExampleTests.swift`): a new plugin needs no test file for them.
public struct PluginExample: Sendable {
    public var name: String
    /// The area the example runs on, declared in the example itself; nil for the plan's own.
    public var area: ExampleArea?
    public var current: [String: [String: ExampleValue]]
    public var previous: [String: [String: ExampleValue]]?
    public var sameLastYear: [String: [String: ExampleValue]]?
    /// Texts the section (its paragraphs, lists, table cells and findings) must contain.
    public var expect: [String]
    /// Texts it must not contain.
    public var reject: [String]
    /// The period the example runs in (default "2026-Q3").
    public var period: String
    /// Narratives of this period, given to the area.
    public var narratives: [ExampleNarrative]

    public init(
        _ name: String, current: [String: [String: ExampleValue]],
        previous: [String: [String: ExampleValue]]? = nil, sameLastYear: [String: [String: ExampleValue]]? = nil,
        period: String = "2026-Q3", narratives: [ExampleNarrative] = [], area: ExampleArea? = nil, expect: [String] = [],
        reject: [String] = []
    ) {
        self.narratives = narratives
        self.area = area
        self.name = name
        self.current = current
        self.previous = previous
        self.sameLastYear = sameLastYear
        self.period = period
        self.expect = expect
        self.reject = reject
    }
}

/// A content area an example declares for itself, in the plan's YAML: the example runs on the
/// test plan with `yaml` added at the end of `areas:` and `tasks` (when given) at the end of
/// `tasks:`. The plan need not contain the area, so a plugin's examples do not depend on the
/// shipped plan.
public struct ExampleArea: Sendable, Equatable {
    /// One item of `areas:`, indented as in the plan file (`  - id: dao-tao-so` …).
    public var yaml: String
    /// Items of `tasks:` that report on the area, indented as in the plan file; optional.
    public var tasks: String?

    public init(yaml: String, tasks: String? = nil) {
        self.yaml = yaml
        self.tasks = tasks
    }

    /// The area's id: the value of the first `id:` in `yaml`.
    public var id: String? {
        for line in yaml.split(separator: "\n") {
            var text = line.drop { $0 == " " }
            if text.hasPrefix("- ") { text = text.dropFirst(2).drop { $0 == " " } }
            guard text.hasPrefix("id:") else { continue }
            let value = text.dropFirst(3).trimmingCharacters(in: .whitespaces)
            return value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
        return nil
    }
}

/// A value in a plugin example: a number, a text, or month-by-month numbers.
public enum ExampleValue: Sendable, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral {
    case number(Double)
    case text(String)
    case monthly([Int: Double])
    /// A number with the unit's note (e.g. the cause of a shortfall).
    case noted(Double, String)

    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .text(value) }
}

/// A unit's narrative in a plugin example.
public struct ExampleNarrative: Sendable {
    public var unit: String
    public var kind: NarrativeItem.Kind
    public var text: String
    public var cause: String?
    public var task: String?

    public init(unit: String, _ kind: NarrativeItem.Kind, _ text: String, cause: String? = nil, task: String? = nil) {
        self.unit = unit
        self.kind = kind
        self.text = text
        self.cause = cause
        self.task = task
    }
}

/// Thrown by a plugin that cannot write its section.
public struct PluginError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
