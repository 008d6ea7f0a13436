import BaocaoCore
import Foundation
import Testing

/// The corpus of bad files (`Corpus/README.md`): every `Corpus/plan/<name>.yaml` is loaded as a
/// plan, every `Corpus/data/<name>.yaml` as a unit's data file in a period folder `2026-Q1/`,
/// and the diagnostics must be exactly the lines of `<name>.expected` (lines starting with `#`
/// there are comments). New files are picked up without touching this test.
///
/// `BAOCAO_UPDATE_CORPUS=1 swift test --filter CorpusTests` rewrites the `.expected` files
/// (keeping their comments); review them with `git diff` before committing.
@Suite("Corpus of bad files: every one refused with its exact, located diagnostics")
struct CorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
    static let updating = ProcessInfo.processInfo.environment["BAOCAO_UPDATE_CORPUS"] == "1"

    /// The case names of one kind (`plan` or `data`): every `.yaml` entry, file or not.
    static func cases(_ kind: String) -> [String] {
        let folder = root.appendingPathComponent(kind).path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test("the corpus is complete: both kinds present, every case with its sidecar and no sidecar alone")
    func complete() throws {
        for kind in ["plan", "data"] {
            let folder = Self.root.appendingPathComponent(kind).path
            let entries = try FileManager.default.contentsOfDirectory(atPath: folder)
            let cases = Set(entries.filter { $0.hasSuffix(".yaml") }.map { $0.dropLast(5) })
            let sidecars = Set(entries.filter { $0.hasSuffix(".expected") }.map { $0.dropLast(9) })
            #expect(cases.count >= 30, "\(kind): \(cases.count) cases")
            #expect(
                cases == sidecars || Self.updating,
                "\(kind): cases without sidecar \(cases.subtracting(sidecars).sorted()), sidecars without case \(sidecars.subtracting(cases).sorted())"
            )
            #expect(entries.allSatisfy { $0.hasSuffix(".yaml") || $0.hasSuffix(".expected") }, "\(kind): \(entries.sorted())")
        }
    }

    @Test("each plan of the corpus", arguments: cases("plan"))
    func plan(_ name: String) throws {
        let path = Self.root.appendingPathComponent("plan/\(name).yaml").path
        let started = ContinuousClock.now
        let result = PlanLoader(plugins: testRegistry.descriptors).load(path: path, displayPath: "\(name).yaml")
        try check(kind: "plan", name, result.diagnostics, elapsed: ContinuousClock.now - started)
        if !result.diagnostics.contains(where: { $0.severity == .error }) { #expect(result.plan != nil) }
    }

    @Test("each unit data file of the corpus", arguments: cases("data"))
    func data(_ name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let period = folder.appendingPathComponent("2026-Q1")
        try FileManager.default.createDirectory(at: period, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.root.appendingPathComponent("data/\(name).yaml"), to: period.appendingPathComponent("\(name).yaml"))
        let started = ContinuousClock.now
        let result = DataLoader(plan: try validPlan()).load(folder: folder.path, displayRoot: "")
        try check(kind: "data", name, result.diagnostics, elapsed: ContinuousClock.now - started)
        if !result.diagnostics.contains(where: { $0.severity == .error }) { #expect(result.submissions.count == 1) }
    }

    /// Compares with the sidecar (or rewrites it), and checks what holds for every case:
    /// refused without hanging, each diagnostic naming the case's file.
    func check(kind: String, _ name: String, _ diagnostics: [Diagnostic], elapsed: Duration) throws {
        #expect(elapsed < hangBound, "\(kind)/\(name) took \(elapsed)")
        let shown = kind == "plan" ? "\(name).yaml" : "2026-Q1/\(name).yaml"
        for d in diagnostics {
            #expect(d.location.file == shown, "\(d)")
            #expect(d.location.line > 0 || d.location.column == 0, "\(d)")
        }
        let actual = diagnostics.map(\.description)
        let sidecar = Self.root.appendingPathComponent("\(kind)/\(name).expected")
        let text = (try? String(contentsOf: sidecar, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if Self.updating {
            let comments = lines.filter { $0.hasPrefix("#") }
            try Data((comments + actual).map { $0 + "\n" }.joined().utf8).write(to: sidecar)
            return
        }
        let expected = lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(actual == expected, "\(kind)/\(name):\n\(actual.joined(separator: "\n"))")
    }
}
