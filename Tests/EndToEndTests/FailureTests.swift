import Foundation
import XCTest

@testable import BaocaoCLI
@testable import BaocaoWorkspace

/// The file system fails, or two officers compile at once, or the process is killed: the
/// previous report survives and no half-written or mixed file is ever left as a report.
final class FailureTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try Paths.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// A copy of the shipped data in which one figure differs, so two compiles differ.
    func dataCopy(_ name: String, onlineDossiers: Int) throws -> String {
        let folder = root.appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: Paths.data, toPath: folder.path)
        let file = folder.appendingPathComponent("2026-Q3/ttpvhcc.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "hs_moi_truc_tuyen: 6905", with: "hs_moi_truc_tuyen: \(onlineDossiers)")
        if onlineDossiers != 6905 { XCTAssertNotEqual(changed, text, "the fixture figure moved") }
        try Data(changed.utf8).write(to: file)
        return folder.path
    }

    /// Every version folder holds exactly what its manifest lists, byte for byte.
    func assertVersionsWhole(_ folder: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let versions = folder + "/versions"
        for name in try FileManager.default.contentsOfDirectory(atPath: versions) where name.hasPrefix("v") {
            let manifestURL = URL(fileURLWithPath: "\(versions)/\(name)/manifest.json")
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as! [String: Any]
            let outputs = manifest["outputs"] as? [[String: Any]] ?? []
            XCTAssertFalse(outputs.isEmpty, "\(name) lists no outputs", file: file, line: line)
            for output in outputs {
                let fileName = output["file"] as! String
                let data = try Data(contentsOf: URL(fileURLWithPath: "\(versions)/\(name)/\(fileName)"))
                XCTAssertEqual(FileDigest.sha256(data), output["sha256"] as? String, "\(name)/\(fileName)", file: file, line: line)
            }
        }
    }

    func testTwoCompilesOfOnePeriodAtOnceBothFinishAsSeparateWholeVersions() async throws {
        let first = try dataCopy("a", onlineDossiers: 6905)
        let second = try dataCopy("b", onlineDossiers: 7050)
        let out = root.appendingPathComponent("out").path
        async let a = baocao("compile", "--plan", Paths.plan, "--data", first, "--out", out, "--period", "2026-Q3", "--format", "md,json")
        async let b = baocao("compile", "--plan", Paths.plan, "--data", second, "--out", out, "--period", "2026-Q3", "--format", "md,json")
        let (ra, rb) = await (a, b)
        XCTAssertEqual(ra.status, 0, ra.err)
        XCTAssertEqual(rb.status, 0, rb.err)
        let folder = out + "/2026/2026-Q3"
        let versions = try FileManager.default.contentsOfDirectory(atPath: folder + "/versions").filter { $0.hasPrefix("v") }.sorted()
        XCTAssertEqual(versions, ["v001", "v002"])
        try assertVersionsWhole(folder)
        // The lock is taken on the folder itself: nothing but the reports and versions is left.
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(entries, ["bao-cao-2026-Q3.json", "bao-cao-2026-Q3.md", "versions"])
        // The top-level files are one version's, not a mix: the Markdown and the JSON agree.
        let markdown = try String(contentsOfFile: folder + "/bao-cao-2026-Q3.md", encoding: .utf8)
        let json = try String(contentsOfFile: folder + "/bao-cao-2026-Q3.json", encoding: .utf8)
        let latest = try String(contentsOfFile: folder + "/versions/v002/bao-cao-2026-Q3.md", encoding: .utf8)
        XCTAssertEqual(markdown, latest)
        XCTAssertEqual(markdown.contains("trực tuyến 7.050 hồ sơ"), json.contains("\"value\" : 7050"))
    }

    func testAFullDiskFailsTheWriteWithoutPretendingSuccess() throws {
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { throw XCTSkip("/dev/full is not available") }
        XCTAssertThrowsError(try Files.write(Data(repeating: 0x41, count: 1 << 16), to: "/dev/full")) { error in
            XCTAssertTrue("\(error)".contains("/dev/full"), "\(error)")
        }
    }

    /// The real `baocao` binary, killed with SIGKILL at several moments of a compile: each time
    /// the report folder holds only whole versions and top-level files equal to one of them, and
    /// the next compile works.
    func testACompileKilledMidwayLeavesNoHalfWrittenReport() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("baocao")
        let candidates = [binary.path, Paths.package.appendingPathComponent(".build/debug/baocao").path]
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("the baocao executable is not built next to the tests")
        }
        let out = root.appendingPathComponent("out").path
        let folder = out + "/2026/2026-Q3"
        func compile(data: String, killAfter delay: TimeInterval?) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["compile", "--plan", Paths.plan, "--data", data, "--out", out, "--period", "2026-Q3", "--force"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if let delay {
                Thread.sleep(forTimeInterval: delay)
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            return process.terminationStatus
        }
        XCTAssertEqual(try compile(data: Paths.data, killAfter: nil), 0)
        let baseline = try Data(contentsOf: URL(fileURLWithPath: folder + "/bao-cao-2026-Q3.docx"))
        var killed = 0
        for (index, delay) in [0.02, 0.05, 0.08, 0.12, 0.16, 0.2, 0.3].enumerated() {
            let data = try dataCopy("d\(index)", onlineDossiers: 7000 + index)
            if try compile(data: data, killAfter: delay) != 0 { killed += 1 }
            try assertVersionsWhole(folder)
            let versions = try FileManager.default.contentsOfDirectory(atPath: folder + "/versions").filter { $0.hasPrefix("v") }
            let docx = try Data(contentsOf: URL(fileURLWithPath: folder + "/bao-cao-2026-Q3.docx"))
            let versionFiles = try versions.map {
                try Data(contentsOf: URL(fileURLWithPath: "\(folder)/versions/\($0)/bao-cao-2026-Q3.docx"))
            }
            XCTAssertTrue(docx == baseline || versionFiles.contains(docx), "the top-level DOCX is no version's")
        }
        XCTAssertGreaterThan(killed, 0, "no compile was killed midway; the delays are too long for this machine")
        XCTAssertEqual(try compile(data: Paths.data, killAfter: nil), 0, "the next compile works")
        try assertVersionsWhole(folder)
    }
}
