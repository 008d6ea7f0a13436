import BaocaoCore
import BaocaoPlugins
import Foundation
import Testing

/// Every example of every registered plugin (`BuiltinPlugins.all`), one test case each, run
/// through the real aggregation: a plugin's examples run as soon as it is registered, without
/// a test file of its own. An example that declares its own area (`PluginExample.area`) runs
/// on the test plan with that area added; the others on the test plan's area of the plugin.
@Suite("Plugin examples")
struct ExampleTests {
    /// One example of one registered plugin, named "<plugin id>: <example name>" in test output.
    struct Case: Sendable, CustomTestStringConvertible {
        let pluginIndex: Int
        let exampleIndex: Int
        var plugin: any SectionPlugin.Type { BuiltinPlugins.all[pluginIndex] }
        var example: PluginExample { plugin.descriptor.examples[exampleIndex] }
        var testDescription: String { "\(plugin.descriptor.id): \(example.name)" }
    }

    static let cases: [Case] = BuiltinPlugins.all.indices.flatMap { p in
        BuiltinPlugins.all[p].descriptor.examples.indices.map { Case(pluginIndex: p, exampleIndex: $0) }
    }

    @Test("every registered plugin has examples", arguments: BuiltinPlugins.all.indices)
    func pluginHasExamples(_ index: Int) {
        let descriptor = BuiltinPlugins.all[index].descriptor
        #expect(!descriptor.examples.isEmpty, "plugin '\(descriptor.id)' has no examples in its descriptor")
        let names = descriptor.examples.map(\.name)
        #expect(Set(names).count == names.count, "plugin '\(descriptor.id)' has two examples with the same name")
    }

    @Test("example", arguments: cases)
    func example(_ c: Case) throws {
        let plan = try Self.plan(for: c.example)
        let outcome = try ExampleHarness(plan: plan, registry: BuiltinPlugins.registry).run(c.example, plugin: c.plugin)
        #expect(
            outcome.passed,
            """
            example '\(c.example.name)' of \(c.plugin.descriptor.id):
              missing: \(outcome.missing)
              unexpected: \(outcome.unexpected)
              section texts:
            \(outcome.texts.map { "    " + $0 }.joined(separator: "\n"))
            """)
    }

    /// The test plan, with the example's own area when it declares one.
    static func plan(for example: PluginExample) throws -> Plan {
        guard example.area != nil else { return try basePlan() }
        let base = try String(contentsOfFile: Fixtures.planPath, encoding: .utf8)
        return try #require(
            try ExampleHarness.plan(
                for: example, base: base, displayPath: "example-plan.yaml", plugins: BuiltinPlugins.registry.descriptors))
    }

    static func basePlan() throws -> Plan {
        let result = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(path: Fixtures.planPath, displayPath: "plan.yaml")
        return try #require(result.plan, "the test plan does not load: \(result.diagnostics.map(\.description))")
    }
}

/// The harness adds an example's own area to a plan: the area loads with its task, the example
/// runs on it, and a plan without the area still runs the plugin's other examples.
@Suite("Example areas")
struct ExampleAreaTests {
    static let area = ExampleArea(
        yaml: """
              - id: "thu-nghiem"
                title: Lĩnh vực thử nghiệm
                plugin: generic
                order: 5
                indicators:
                  - id: tn_so_lop
                    label: Lớp thử nghiệm
                    measure: lớp
                    kind: count

            """,
        tasks: """
              - number: II.99
                title: Nhiệm vụ thử nghiệm
                content: []
                timeline: Trong năm 2026
                timeline_kind: within-year
                lead: [tchcqt]
                areas: [thu-nghiem]

            """)

    @Test func anExampleAreaIsAddedToThePlan() throws {
        #expect(Self.area.id == "thu-nghiem")
        let example = PluginExample(
            "one class", current: ["tchcqt": ["tn_so_lop": 2]], area: Self.area, expect: ["Lớp thử nghiệm: 02 lớp."])
        let plan = try #require(
            try ExampleHarness.plan(
                for: example, base: try String(contentsOfFile: Fixtures.planPath, encoding: .utf8), displayPath: "p.yaml",
                plugins: BuiltinPlugins.registry.descriptors))
        let added = try #require(plan.area("thu-nghiem"))
        #expect(added.plugin == "generic")
        #expect(plan.tasks.contains { $0.number == "II.99" && $0.areas == ["thu-nghiem"] })
        let base = try ExampleTests.basePlan()
        #expect(plan.areas.count == base.areas.count + 1)
        let outcome = try ExampleHarness(plan: plan, registry: BuiltinPlugins.registry).run(example, plugin: GenericSectionType.type)
        #expect(outcome.passed, "\(outcome.texts)")
        // Without the area in the plan the harness says what to do, rather than using another area.
        #expect(throws: PluginError.self) {
            try ExampleHarness(plan: base, registry: BuiltinPlugins.registry).run(example, plugin: GenericSectionType.type)
        }
    }

    @Test func anAreaThatDoesNotLoadIsReportedWithTheLoadersMessage() throws {
        let broken = ExampleArea(yaml: "  - id: x\n    title: X\n    plugin: khong-co\n")
        let example = PluginExample("broken", current: [:], area: broken)
        do {
            _ = try ExampleHarness.plan(
                for: example, base: try String(contentsOfFile: Fixtures.planPath, encoding: .utf8), displayPath: "p.yaml",
                plugins: BuiltinPlugins.registry.descriptors)
            Issue.record("an area naming an unknown plugin must not load")
        } catch let error as PluginError {
            #expect(error.message.contains("p.yaml:"), "\(error.message)")
            #expect(error.message.contains("không có plugin 'khong-co'"), "\(error.message)")
        }
    }
}

/// The generic plugin's type, found in the registry (this file imports no plugin module).
enum GenericSectionType {
    static var type: any SectionPlugin.Type { BuiltinPlugins.all.first { $0.descriptor.id == "generic" }! }
}
