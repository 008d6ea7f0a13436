import BaocaoCore
import Foundation
import TestSupport
import XCTest

@testable import BaocaoWorkspace

/// Imports and compiles at once, and compiles killed between renames: the interleavings are
/// chosen through `RaceHooks` (a command run at a named point of another), never by timing.
final class RaceTests: XCTestCase {
    var workspace: FixtureWorkspace!
    var variants: URL!

    static let unitFile = "2026-Q3/ttpvhcc.yaml"
    static let shippedValue = 6905

    override func setUpWithError() throws {
        workspace = try FixtureWorkspace.copy()
        variants = workspace.root.appendingPathComponent("variants")
        try FileManager.default.createDirectory(at: variants, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        workspace.remove()
    }

    var dataFile: String { workspace.data + "/" + Self.unitFile }
    var out: String { workspace.output.path }
    var periodFolder: String { out + "/2026/2026-Q3" }

    /// A copy of the unit's data file in which `hs_moi_truc_tuyen` is `value`, outside the data
    /// folder, ready to import.
    func variant(_ value: Int) throws -> String {
        let original = try String(contentsOf: workspace.dataURL.appendingPathComponent(Self.unitFile), encoding: .utf8)
        let text = original.replacingOccurrences(of: "hs_moi_truc_tuyen: \(Self.shippedValue)", with: "hs_moi_truc_tuyen: \(value)")
        let path = variants.appendingPathComponent("\(value)/ttpvhcc.yaml")
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: path)
        return path.path
    }

    /// `import --force` of a file, in-process and synchronous (as a hook needs it).
    func importForce(_ file: String) throws { try Self.importForce(file, plan: workspace.plan, data: workspace.data) }

    static func importForce(_ file: String, plan path: String, data: String) throws {
        let (plan, _) = try Workspace.loadPlan(path)
        let result = try DataImport(plan: plan, folder: data, force: true, check: false).run([file])
        XCTAssertEqual(result.failed, [], file)
    }

    func compile(hooks: RaceHooks? = nil) async throws {
        let run = await RaceHooks.$current.withValue(hooks) {
            await baocao("compile", "--plan", workspace.plan, "--out", out, "--period", "2026-Q3", "--format", "md,json")
        }
        XCTAssertEqual(run.status, 0, run.err)
    }

    /// Each manifest's digest of the unit's file, and the value its report used.
    func manifests() throws -> [(version: String, digest: String, value: Double?)] {
        let store = VersionStore(folder: periodFolder)
        return try store.versions().map { v in
            let manifest = try XCTUnwrap(store.manifest(v))
            let digest = try XCTUnwrap(manifest.inputs.first { $0.file == Self.unitFile }?.sha256)
            let value = manifest.figures.lazy.flatMap(\.sources).first { $0.file == Self.unitFile && $0.line == self.valueLine }?.value
            return (v, digest, value)
        }
    }

    /// The line of `hs_moi_truc_tuyen` in the unit's file (the same in every variant).
    lazy var valueLine: Int = {
        let text = (try? String(contentsOfFile: dataFile, encoding: .utf8)) ?? ""
        return (text.components(separatedBy: "\n").firstIndex { $0.contains("hs_moi_truc_tuyen:") } ?? -1) + 1
    }()

    // MARK: Item 9

    func testAnImportDuringACompileIsNotRecordedAsTheCompilesInput() async throws {
        let shipped = try Data(contentsOf: URL(fileURLWithPath: dataFile))
        let replacement = try variant(7050)
        let (plan, data) = (workspace.plan, workspace.data)
        let hooks = RaceHooks { point in
            guard point == "compile.loaded" else { return }
            try? Self.importForce(replacement, plan: plan, data: data)
        }
        try await compile(hooks: hooks)
        XCTAssertEqual(
            FileDigest.sha256(try Data(contentsOf: URL(fileURLWithPath: dataFile))),
            FileDigest.sha256(try Data(contentsOf: URL(fileURLWithPath: replacement))), "the import ran")
        let recorded = try XCTUnwrap(try manifests().first)
        XCTAssertEqual(recorded.value, Double(Self.shippedValue), "the report was built from the bytes read before the import")
        XCTAssertEqual(recorded.digest, FileDigest.sha256(shipped), "and the manifest names those bytes, not the new file's")
    }

    // MARK: Item 8

    func testAWriterKilledOnTheSameFileNeverEmptiesIt() throws {
        let mine = try variant(7100)
        let expected = try Data(contentsOf: URL(fileURLWithPath: mine))
        let target = dataFile
        let hooks = RaceHooks { point in
            guard point == "import.temporariesWritten" else { return }
            // Another import of the same unit, killed after it opened (and truncated) its
            // temporary file: with one shared temporary name this emptied the file renamed next.
            try? Files.writeAll([(Data(), Files.temporaryPath(for: target))])
        }
        try RaceHooks.$current.withValue(hooks) { try importForce(mine) }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), expected)
        let a = Files.temporaryPath(for: target)
        let b = Files.temporaryPath(for: target)
        XCTAssertNotEqual(a, b)
        XCTAssertTrue((a as NSString).lastPathComponent.hasPrefix(".ttpvhcc.yaml.\(getpid())-"), a)
    }

    func testASecondImportWaitsForTheFirstAndNeverInterleaves() throws {
        let first = try variant(7200)
        let second = try variant(7300)
        let refused = Console.capturing()
        let (plan, data) = (workspace.plan, workspace.data)
        let hooks = RaceHooks { point in
            guard point == "import.temporariesWritten" else { return }
            // The first import holds the data folder: the second waits, here past its patience.
            Console.$current.withValue(refused) {
                DataFolderLock.$testPatience.withValue(0.2) {
                    let imported: Void? = RaceHooks.$current.withValue(nil) { try? Self.importForce(second, plan: plan, data: data) }
                    XCTAssertNil(imported, "the second import did not wait")
                }
            }
        }
        try RaceHooks.$current.withValue(hooks) { try importForce(first) }
        XCTAssertTrue(refused.standardError.contains("đang dùng thư mục số liệu"), refused.standardError)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dataFile)), try Data(contentsOf: URL(fileURLWithPath: first)))
        // Once the first is done the second goes through.
        try importForce(second)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dataFile)), try Data(contentsOf: URL(fileURLWithPath: second)))
        // A compile reading the folder holds it shared: an import waits for it too.
        let lock = try DataFolderLock(folder: workspace.data + "/2026-Q3", mode: .shared)
        defer { lock.release() }
        let console = Console.capturing()
        Console.$current.withValue(console) {
            let imported: Void? = DataFolderLock.$testPatience.withValue(0.2) { try? self.importForce(first) }
            XCTAssertNil(imported, "the import did not wait for the reading compile")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dataFile)), try Data(contentsOf: URL(fileURLWithPath: second)))
    }

    // MARK: Item 10

    func topLevel(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: periodFolder + "/" + name)) }
    func kept(_ version: String, _ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: periodFolder + "/versions/\(version)/" + name))
    }

    func testAMixedTopLevelSetIsRepairedFromTheLatestVersion() async throws {
        try await compile()
        try importForce(try variant(7400))
        try await compile()
        let json = "bao-cao-2026-Q3.json"
        let md = "bao-cao-2026-Q3.md"
        XCTAssertNotEqual(try kept("v001", json), try kept("v002", json))
        // A compile killed between its renames: the JSON is still v001's, the Markdown v002's.
        func mix() throws {
            try Files.replace(periodFolder + "/" + json, with: try kept("v001", json))
            XCTAssertEqual(try topLevel(md), try kept("v002", md))
        }
        try mix()
        let versions = await baocao("versions", "--out", out)
        XCTAssertEqual(versions.status, 0, versions.err)
        XCTAssertTrue(versions.err.contains("đã khôi phục 1 tệp"), versions.err)
        XCTAssertEqual(try topLevel(json), try kept("v002", json))

        try mix()
        let status = await baocao("status", "--plan", workspace.plan, "--period", "2026-Q3", "--today", "2026-09-20", "--out", out)
        XCTAssertTrue(status.err.contains("đã khôi phục 1 tệp"), status.err)
        XCTAssertEqual(try topLevel(json), try kept("v002", json))

        try mix()
        try await compile()
        XCTAssertEqual(try topLevel(json), try kept("v002", json))
        XCTAssertEqual(VersionStore(folder: periodFolder).versions(), ["v001", "v002"], "the same data makes no new version")

        // A file no version holds (edited by hand) is never replaced by a repair.
        let edited = Data("sửa tay".utf8)
        try Files.replace(periodFolder + "/" + json, with: edited)
        _ = await baocao("versions", "--out", out)
        XCTAssertEqual(try topLevel(json), edited)
    }

    // MARK: Forms: all or none

    func testFormsOnAFullDiskAreAllOrNone() async throws {
        let run = await WriteFaults.$injector.withValue(WriteFaults(failingWrite: 4)) {
            await baocao("form", "--plan", workspace.plan, "--period", "2026-Q4", "--out", out)
        }
        XCTAssertEqual(run.status, ExitStatus.cannotWrite, run.err)
        XCTAssertTrue(run.err.contains("chưa ghi tệp nào"), run.err)
        let folder = out + "/2026/2026-Q4/bieu-mau"
        let left = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        XCTAssertEqual(left.filter { !$0.hasPrefix(".") }, [], "no form was written")
        XCTAssertEqual(left, [], "and no temporary file is left")
        let again = await baocao("form", "--plan", workspace.plan, "--period", "2026-Q4", "--out", out)
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).count, 8)
    }

    // MARK: The property

    /// Random interleavings of `import --force` and `compile` over one period: imports between
    /// compiles, in the middle of a compile (after it read its data, and while it renames its
    /// files), and writers killed on the unit's file. Every manifest's digest is of the bytes
    /// its report was built from, and no data file is ever empty.
    func testRandomInterleavingsOfImportsAndCompilesKeepManifestsTrue() async throws {
        var rng = SplitMix(seed: 20_261_208)
        let values = [7001, 7002, 7003, 7004, 7005]
        var byDigest: [String: Int] = [FileDigest.sha256(try Data(contentsOf: URL(fileURLWithPath: dataFile))): Self.shippedValue]
        var files: [Int: String] = [:]
        for value in values {
            files[value] = try variant(value)
            byDigest[FileDigest.sha256(try Data(contentsOf: URL(fileURLWithPath: files[value]!)))] = value
        }
        let target = dataFile
        let rounds = Int(ProcessInfo.processInfo.environment["BAOCAO_RACE_ROUNDS"] ?? "") ?? 10
        for _ in 0..<rounds {
            let pick = { (rng: inout SplitMix) in files[values[Int(rng.next() % UInt64(values.count))]]! }
            switch rng.next() % 3 {
            case 0:
                try importForce(pick(&rng))
            default:
                // Which points get an import, and which import, decided now.
                let atLoaded = rng.next() % 2 == 0 ? pick(&rng) : nil
                let atRenames = rng.next() % 2 == 0 ? pick(&rng) : nil
                let killed = rng.next() % 2 == 0
                let (plan, data) = (workspace.plan, workspace.data)
                let hooks = RaceHooks { point in
                    if point == "compile.loaded", let file = atLoaded { try? Self.importForce(file, plan: plan, data: data) }
                    if point == "compile.beforeRenames", let file = atRenames {
                        if killed { try? Files.writeAll([(Data(), Files.temporaryPath(for: target))]) }
                        try? Self.importForce(file, plan: plan, data: data)
                    }
                }
                try await compile(hooks: hooks)
            }
            for file in try FileManager.default.contentsOfDirectory(atPath: workspace.data + "/2026-Q3") where !file.hasPrefix(".") {
                let size = try FileManager.default.attributesOfItem(atPath: workspace.data + "/2026-Q3/" + file)[.size] as? Int
                XCTAssertGreaterThan(size ?? 0, 0, file)
            }
        }
        let all = try manifests()
        XCTAssertFalse(all.isEmpty)
        for m in all {
            let value = try XCTUnwrap(byDigest[m.digest], "\(m.version): the digest is of no file ever written")
            XCTAssertEqual(m.value, Double(value), "\(m.version): the report used other bytes than the manifest names")
        }
    }
}

/// A small seeded generator (SplitMix64), so that a failing interleaving can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
