import BaocaoCLI
import Foundation
import XCTest

/// Several plans and periods in one run: every report is compiled, one failure stops nothing.
final class BatchTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try Paths.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// A commune's plan folder: the shipped plan with a copy of the shipped data.
    func commune(_ name: String) throws -> String {
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.plan, toPath: folder.appendingPathComponent("ke-hoach.yaml").path)
        try FileManager.default.copyItem(atPath: Paths.data, toPath: folder.appendingPathComponent("data").path)
        return folder.appendingPathComponent("ke-hoach.yaml").path
    }

    func testEveryReportedPeriodWithDataInOneRun() async throws {
        let out = root.appendingPathComponent("out").path
        let run = await baocao("compile", "--plan", Paths.plan, "--data", Paths.data, "--period", "all", "--out", out, "--format", "md")
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.out.contains("Biên soạn hàng loạt 1 kế hoạch: 3 báo cáo thành công, 0 lỗi"), run.out)
        for period in ["2026-Q1", "2026-H1", "2026-Q3"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: "\(out)/2026/\(period)/bao-cao-\(period).md"), period)
        }
    }

    func testOneFailingPlanDoesNotStopTheOthers() async throws {
        let good = try commune("xa-muong-bu")
        let bad = try commune("xa-chieng-hac")
        try Data("figures: [\n".utf8).write(
            to: URL(fileURLWithPath: bad).deletingLastPathComponent().appendingPathComponent("data/2026-Q3/tttt.yaml"))
        let out = root.appendingPathComponent("out").path
        let run = await baocao("compile", "--plan", good, "--plan", bad, "--period", "2026-Q1,2026-Q3", "--out", out, "--format", "md")
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.out.contains("Biên soạn hàng loạt 2 kế hoạch: 2 báo cáo thành công, 1 lỗi"), run.out)
        XCTAssertTrue(run.err.contains("✗ \(bad) (mã 65):"), run.err)
        XCTAssertTrue(run.err.contains("data/2026-Q3/tttt.yaml:1:11: error:"), run.err)
        // Two plans with the same file name: each goes to a folder named after its own folder.
        for period in ["2026-Q1", "2026-Q3"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: "\(out)/xa-muong-bu-ke-hoach/2026/\(period)/bao-cao-\(period).md"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(out)/xa-chieng-hac-ke-hoach"))
    }

    func testANumberBelongsToOneReport() async {
        let run = await baocao("compile", "--plan", Paths.plan, "--period", "2026-Q1,2026-Q3", "--number", "5")
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.err.contains("--number chỉ dùng khi biên soạn một báo cáo"), run.err)
    }
}
