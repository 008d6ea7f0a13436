import BaocaoCore
import BaocaoPlugins
import BaocaoRender
import Foundation
import TestSupport
import XCTest

/// Paths and helpers shared by the plugin tests.
enum Fixtures {
    /// The package root, for sources and documentation only.
    static let root = FixtureWorkspace.packageRoot
    /// The frozen fixture's 2026 plan and example data, in this test process's copy (never the
    /// checkout's plans, which change as the office works).
    static let planPath = FixtureWorkspace.shared.plan
    static let dataPath = FixtureWorkspace.shared.data

    /// The shipped 2026 plan; fails the test when it does not load.
    static func plan(file: StaticString = #filePath, line: UInt = #line) throws -> Plan {
        let result = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(path: planPath)
        guard let plan = result.plan else {
            XCTFail(
                "the shipped plan does not load:\n" + result.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
            throw PluginError("plan")
        }
        return plan
    }

    /// The section a plugin writes for `period` from the shipped example data.
    static func shippedSection(area id: String, period: String) async throws -> Section {
        let plan = try plan()
        let data = DataLoader(plan: plan).load(folder: dataPath, displayRoot: "Plans/data")
        XCTAssertFalse(data.diagnostics.contains { $0.severity == .error }, data.diagnostics.map(\.description).joined(separator: "\n"))
        let engine = Engine(plan: plan, submissions: data.submissions, registry: BuiltinPlugins.registry)
        let output = try await engine.compile(period: Period(period)!)
        guard let section = output.sections.first(where: { $0.area.id == id })?.section else {
            throw PluginError("no area \(id)")
        }
        return section
    }

    /// The section of `area` compiled for `period` from unit files given as YAML text (each must
    /// load without errors).
    static func section(
        area: String, period: String, files: [String], file: StaticString = #filePath, line: UInt = #line
    ) async throws -> Section {
        let plan = try plan()
        var submissions: [Submission] = []
        for (index, text) in files.enumerated() {
            let loaded = DataLoader(plan: plan).load(text: text, displayPath: "test/\(index).yaml")
            XCTAssertFalse(
                loaded.diagnostics.contains { $0.severity == .error }, loaded.diagnostics.map(\.description).joined(separator: "\n"),
                file: file, line: line)
            submissions += loaded.submissions
        }
        let engine = Engine(plan: plan, submissions: submissions, registry: BuiltinPlugins.registry)
        let output = try await engine.compile(period: try XCTUnwrap(Period(period), file: file, line: line))
        return try XCTUnwrap(output.sections.first { $0.area.id == area }?.section, file: file, line: line)
    }

    /// Markdown of a section, with its findings, for golden comparisons.
    static func review(_ section: Section) -> String {
        var text = MarkdownRenderer().text(blocks: section.blocks)
        func list(_ title: String, _ items: [Finding]) {
            guard !items.isEmpty else { return }
            text +=
                "\n## \(title)\n\n"
                + items.map { "- " + $0.text + ($0.cause.map { " — nguyên nhân: \($0)" } ?? "") }.joined(separator: "\n") + "\n"
        }
        list("Ưu điểm", section.achievements)
        list("Tồn tại, hạn chế", section.limitations)
        list("Nhiệm vụ kỳ tới", section.nextTasks)
        list("Đề xuất", section.proposals)
        if !section.diagnostics.isEmpty {
            text +=
                "\n## Chẩn đoán (không in trong báo cáo)\n\n"
                + section.diagnostics.map { "- \($0.severity.rawValue): \($0.message)" }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// Compares `text` with `Golden/<name>`; with BAOCAO_UPDATE_GOLDEN=1 writes it instead.
    static func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = root.appendingPathComponent("Tests/PluginTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["BAOCAO_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden file \(url.path); run with BAOCAO_UPDATE_GOLDEN=1 and review it", file: file, line: line)
            return
        }
        if golden != text {
            let a = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            XCTFail(
                "\(name) differs from the golden file at line \(first + 1):\n golden: \(first < a.count ? String(a[first]) : "<end>")\n actual: \(first < b.count ? String(b[first]) : "<end>")",
                file: file, line: line)
        }
    }
}
