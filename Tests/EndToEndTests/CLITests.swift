import BaocaoCLI
import BaocaoCore
import BaocaoWorkspace
import Foundation
import TestSupport
import XCTest

/// Runs `baocao` in-process with a capturing console.
struct Run {
    var status: Int32
    var out: String
    var err: String
}

func baocao(_ arguments: String...) async -> Run {
    let console = Console.capturing()
    let status = await Console.$current.withValue(console) { await BaocaoCommand.run(arguments: arguments) }
    return Run(status: status, out: console.standardOutput, err: console.standardError)
}

/// Where the tests find their inputs: the plan and data of the test process's copy of the frozen
/// fixture workspace (never the checkout's plans or reports), and the package's own files.
enum Paths {
    /// The package root, for sources and built products only.
    static let package = FixtureWorkspace.packageRoot
    /// The fixture's 2026 plan and its data folder, in the copy shared by this test process.
    /// Tests that change the data copy the folder first.
    static let plan = FixtureWorkspace.shared.plan
    static let data = FixtureWorkspace.shared.data
    static let golden = package.appendingPathComponent("Tests/EndToEndTests/Golden")

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

final class CLITests: XCTestCase {
    func testUsageErrorsExitWith64AndSayWhy() async {
        let badPeriod = await baocao("compile", "--plan", Paths.plan, "--period", "2026-Q5")
        XCTAssertEqual(badPeriod.status, 64)
        XCTAssertTrue(badPeriod.err.contains("'2026-Q5' không phải kỳ báo cáo"), badPeriod.err)
        let badFormat = await baocao("compile", "--plan", Paths.plan, "--format", "md,odt")
        XCTAssertEqual(badFormat.status, 64)
        XCTAssertTrue(badFormat.err.contains("định dạng 'odt' không được hỗ trợ"), badFormat.err)
        let badDate = await baocao("compile", "--plan", Paths.plan, "--date", "2026-02-30")
        XCTAssertEqual(badDate.status, 64)
        let unknown = await baocao("compile", "--colour")
        XCTAssertEqual(unknown.status, 64)
    }

    func testMissingPlanExitsWith66() async {
        let run = await baocao("validate", "/nonexistent/plan.yaml")
        XCTAssertEqual(run.status, 66)
        XCTAssertTrue(run.err.contains("/nonexistent/plan.yaml: error: không tìm thấy tệp"), run.err)
    }

    func testBadDataIsListedLocatedAndExitsWith65() async throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let q = folder.appendingPathComponent("2026-Q1")
        try FileManager.default.createDirectory(at: q, withIntermediateDirectories: true)
        try Data("unit: ttpvhcc\nperiod: 2026-Q1\nfigures:\n  hs_moi_truc_tuyen: -4\n  hs_moi_truc_tiepp: 3\n".utf8)
            .write(to: q.appendingPathComponent("ttpvhcc.yaml"))
        let run = await baocao("validate", Paths.plan, "--data", folder.path)
        XCTAssertEqual(run.status, 65)
        let lines = run.err.split(separator: "\n").map(String.init)
        let path = q.appendingPathComponent("ttpvhcc.yaml").path
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("\(path):4:22: error: figures.hs_moi_truc_tuyen: số đếm phải là số nguyên không âm") }, run.err)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(path):5:3: error: figures.hs_moi_truc_tiepp: không có chỉ tiêu") }, run.err)
        let compile = await baocao(
            "compile", "--plan", Paths.plan, "--data", folder.path, "--out", folder.appendingPathComponent("out").path)
        XCTAssertEqual(compile.status, 65)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing is written from bad data")
    }

    func testPeriodsListsWindowsAndDeadlines() async {
        let run = await baocao("periods", "2026", "--plan", Paths.plan)
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.out.contains("2026-Q1  quý I năm 2026"), run.out)
        XCTAssertTrue(run.out.contains("15/12/2025 – 14/03/2026  20/03/2026  có"), run.out)
        XCTAssertTrue(run.out.contains("2026-H1  6 tháng đầu năm 2026"), run.out)
        XCTAssertTrue(run.out.contains("2026-9M  9 tháng năm 2026"), run.out)
        let leap = await baocao("periods", "2028", "--plan", Paths.plan)
        XCTAssertTrue(leap.out.contains("15/12/2027 – 14/03/2028"), leap.out)
    }

    func testPluginsListsEveryAreaOfThePlan() async {
        let run = await baocao("plugins", "--plan", Paths.plan)
        XCTAssertEqual(run.status, 0, run.err)
        for id in ["procedures", "e-government", "civil-service", "indices", "service-centre"] {
            XCTAssertTrue(run.out.contains("Lĩnh vực trong kế hoạch: \(id) ("), "\(id) missing in:\n\(run.out)")
        }
    }

    /// Every command's help reads in Vietnamese first: the summary, the description and each
    /// option and argument, each with its English gloss; the parser's headings too.
    func testTheHelpOfEveryCommandIsInVietnamese() async {
        let commands = [
            [], ["compile"], ["validate"], ["periods"], ["plugins"], ["form"], ["import"], ["status"], ["versions"], ["diff"], ["sent"],
            ["plan"], ["plan", "new"], ["plan", "show"],
        ]
        let vietnamese = try! NSRegularExpression(pattern: "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")
        func isVietnamese(_ text: String) -> Bool {
            vietnamese.firstMatch(in: text.lowercased(), range: NSRange(text.lowercased().startIndex..., in: text.lowercased())) != nil
        }
        for command in commands {
            let run = await baocao(command + ["--help"])
            XCTAssertEqual(run.status, 0, "\(command)")
            XCTAssertTrue(run.out.contains("CÁCH DÙNG (USAGE):"), "\(command): \(run.out)")
            XCTAssertTrue(run.out.contains("Xem trợ giúp (show help information)."), "\(command): \(run.out)")
            let overview = run.out.components(separatedBy: "\n\n").first ?? ""
            XCTAssertTrue(overview.hasPrefix("TỔNG QUAN (OVERVIEW): ") && isVietnamese(overview), "\(command): \(overview)")
            // Each entry of the argument, option and command lists (an entry and its continued lines).
            var entries: [String] = []
            for line in run.out.components(separatedBy: "\n") {
                if line.hasPrefix("  ") && !line.hasPrefix("   ") {
                    entries.append(line)
                } else if line.hasPrefix("    "), !entries.isEmpty {
                    entries[entries.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
                }
            }
            XCTAssertFalse(entries.isEmpty, "\(command): \(run.out)")
            for entry in entries {
                XCTAssertTrue(isVietnamese(entry) && entry.contains("("), "\(command): not Vietnamese with a gloss: \(entry)")
            }
        }
    }

    func testTheParsersErrorsAreInVietnamese() async {
        let year = await baocao("periods", "2026-Q5")
        XCTAssertEqual(year.status, 64)
        XCTAssertTrue(
            year.err.contains("Lỗi: giá trị '2026-Q5' không hợp lệ cho '<year>' (Error: The value '2026-Q5' is invalid for '<year>')"),
            year.err)
        XCTAssertTrue(year.err.contains("Cách dùng: baocao periods"), year.err)
        let unknown = await baocao("compile", "--perio", "2026")
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.err.contains("Lỗi: không có tùy chọn '--perio'; có phải là '--period'?"), unknown.err)
        let missing = await baocao("sent")
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.err.contains("Lỗi: thiếu tham số '<period>'"), missing.err)
        XCTAssertFalse(missing.err.hasPrefix("Error"), missing.err)
    }

    func testVersionAndShellCompletion() async {
        let version = await baocao("--version")
        XCTAssertEqual(version.status, 0, version.err)
        XCTAssertEqual(version.out.trimmingCharacters(in: .whitespacesAndNewlines), "baocao \(BaocaoVersion.current)")
        let completion = await baocao("--generate-completion-script", "bash")
        XCTAssertEqual(completion.status, 0, completion.err)
        XCTAssertTrue(completion.out.contains("complete") && completion.out.contains("compile"), completion.out)
    }
}

func baocao(_ arguments: [String]) async -> Run {
    let console = Console.capturing()
    let status = await Console.$current.withValue(console) { await BaocaoCommand.run(arguments: arguments) }
    return Run(status: status, out: console.standardOutput, err: console.standardError)
}
