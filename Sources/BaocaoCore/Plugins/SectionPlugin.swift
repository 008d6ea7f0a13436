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

    public init(
        id: String, title: String, summary: String, options: [PluginOption] = [],
        expectedIndicators: [String] = [], examples: [PluginExample] = []
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.options = options
        self.expectedIndicators = expectedIndicators
        self.examples = examples
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
/// against the shipped plan's area that uses the plugin.
public struct PluginExample: Sendable {
    public var name: String
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
        period: String = "2026-Q3", narratives: [ExampleNarrative] = [], expect: [String] = [], reject: [String] = []
    ) {
        self.narratives = narratives
        self.name = name
        self.current = current
        self.previous = previous
        self.sameLastYear = sameLastYear
        self.period = period
        self.expect = expect
        self.reject = reject
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
