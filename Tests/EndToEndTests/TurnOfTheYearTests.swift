import Foundation
import TestSupport
import XCTest

/// Runs `body` with the process's current folder set to `folder` (the commands look for
/// `Plans/` and `Output/` there), and sets it back.
func inFolder<T>(_ folder: URL, _ body: () async throws -> T) async rethrows -> T {
    let previous = FileManager.default.currentDirectoryPath
    precondition(FileManager.default.changeCurrentDirectoryPath(folder.path), "cannot enter \(folder.path)")
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    return try await body()
}

/// December: the office holds the 2026 plan with its data and the 2027 plan just made with
/// `plan new 2027`, and must still finish 2026. Without --plan every command takes the plan
/// whose year contains the period; without --period, the latest period with data across both.
final class TurnOfTheYearTests: XCTestCase {
    var workspace: FixtureWorkspace!

    override func setUp() async throws {
        workspace = try FixtureWorkspace.copy()
        let made = await inFolder(workspace.root) {
            await baocao("plan", "new", "2027", "--from", "\(FixtureWorkspace.plansFolderName)/\(FixtureWorkspace.planFileName)")
        }
        XCTAssertEqual(made.status, 0, made.err)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: workspace.plans.appendingPathComponent("ke-hoach-tuyen-truyen-cchc-2027.yaml").path))
    }

    override func tearDown() {
        workspace?.remove()
    }

    /// Every unit's 2026-Q3 file copied as its 2026-Q4 file.
    func addTheFourthQuarter() throws {
        let q3 = workspace.dataURL.appendingPathComponent("2026-Q3")
        let q4 = workspace.dataURL.appendingPathComponent("2026-Q4")
        try FileManager.default.createDirectory(at: q4, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: q3.path) where name.hasSuffix(".yaml") {
            let text = try String(contentsOf: q3.appendingPathComponent(name), encoding: .utf8)
            var moved = text.replacingOccurrences(of: "period: 2026-Q3", with: "period: 2026-Q4")
            for (from, to) in [("2026-07", "2026-10"), ("2026-08", "2026-11"), ("2026-09", "2026-12")] {
                moved = moved.replacingOccurrences(of: "\"\(from)\"", with: "\"\(to)\"").replacingOccurrences(
                    of: "\(from):", with: "\(to):")
            }
            try Data(moved.utf8).write(to: q4.appendingPathComponent(name))
        }
    }

    func testWithNoOptionsTheLatestPeriodWithDataIsCompiledWithItsPlan() async throws {
        let run = await inFolder(workspace.root) { await baocao("compile", "--format", "md") }
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.out.contains("Đã biên soạn báo cáo quý III năm 2026"), run.out)
        let report = workspace.output.appendingPathComponent("2026/2026-Q3/bao-cao-2026-Q3.md")
        XCTAssertTrue(try String(contentsOf: report, encoding: .utf8).contains("năm 2026"))
        let validate = await inFolder(workspace.root) { await baocao("validate") }
        XCTAssertEqual(validate.status, 0, validate.err)
        XCTAssertTrue(validate.out.contains("2026"), validate.out)
    }

    func testTheAnnualReportOf2026IsCompiledInDecemberWithNoExtraFlag() async throws {
        try addTheFourthQuarter()
        let annual = await inFolder(workspace.root) { await baocao("compile", "--period", "2026", "--format", "md") }
        XCTAssertEqual(annual.status, 0, annual.err)
        XCTAssertTrue(annual.out.contains("Đã biên soạn báo cáo năm 2026"), annual.out)
        let latest = await inFolder(workspace.root) { await baocao("compile", "--format", "md") }
        XCTAssertEqual(latest.status, 0, latest.err)
        XCTAssertTrue(latest.out.contains("năm 2026"), "the latest period with data is 2026's, not an empty 2027:\n\(latest.out)")
        let validate = await inFolder(workspace.root) { await baocao("validate", "--period", "2026-Q4") }
        XCTAssertEqual(validate.status, 0, validate.err)
    }

    func testStatusFormsAndImportFollowThePeriodsYear() async throws {
        let status = await inFolder(workspace.root) { await baocao("status", "--today", "2026-12-08") }
        XCTAssertEqual(status.status, 0, status.err)
        XCTAssertTrue(status.out.contains("Tình hình nộp số liệu quý IV năm 2026 (2026-Q4)"), status.out)
        XCTAssertTrue(status.out.contains("ke-hoach-tuyen-truyen-cchc-2026.yaml"), status.out)
        let january = await inFolder(workspace.root) { await baocao("status", "--today", "2027-01-05") }
        XCTAssertTrue(january.out.contains("(2027-Q1)") && january.out.contains("cchc-2027.yaml"), january.out)

        let forms = await inFolder(workspace.root) { await baocao("form", "--period", "2026-Q4", "--unit", "tttt", "--format", "yaml") }
        XCTAssertEqual(forms.status, 0, forms.err)
        let form = try String(
            contentsOf: workspace.output.appendingPathComponent("2026/2026-Q4/bieu-mau/tttt-2026-Q4.yaml"), encoding: .utf8)
        XCTAssertTrue(form.contains("Kế hoạch tuyên truyền công tác cải cách hành chính năm 2026"), form)
        let next = await inFolder(workspace.root) { await baocao("form", "--period", "2027-Q1", "--unit", "tttt", "--format", "yaml") }
        XCTAssertEqual(next.status, 0, next.err)

        // A unit's Q4 file, imported without --plan, is read with the 2026 plan.
        let q3 = try String(contentsOf: workspace.dataURL.appendingPathComponent("2026-Q3/ttpvhcc.yaml"), encoding: .utf8)
        let sent = workspace.root.appendingPathComponent("ttpvhcc-q4.yaml")
        try Data(q3.replacingOccurrences(of: "period: 2026-Q3", with: "period: 2026-Q4").utf8).write(to: sent)
        let imported = await inFolder(workspace.root) { await baocao("import", sent.lastPathComponent) }
        XCTAssertEqual(imported.status, 0, imported.err)
        XCTAssertTrue(imported.out.contains("quý IV năm 2026"), imported.out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: workspace.dataURL.appendingPathComponent("2026-Q4/ttpvhcc.yaml").path))
    }

    func testPeriodsOfAYearUseThatYearsPlan() async throws {
        let this = await inFolder(workspace.root) { await baocao("periods", "2026") }
        XCTAssertEqual(this.status, 0, this.err)
        XCTAssertTrue(this.out.hasPrefix("Các kỳ báo cáo năm 2026 theo Plans/ke-hoach-tuyen-truyen-cchc-2026.yaml"), this.out)
        let next = await inFolder(workspace.root) { await baocao("periods") }
        XCTAssertTrue(next.out.hasPrefix("Các kỳ báo cáo năm 2027 theo Plans/ke-hoach-tuyen-truyen-cchc-2027.yaml"), next.out)
    }

    func testAPeriodOutsideTheNamedPlansYearSaysWhichPlanToUse() async throws {
        let run = await inFolder(workspace.root) {
            await baocao("compile", "--plan", "Plans/ke-hoach-tuyen-truyen-cchc-2027.yaml", "--period", "2026", "--format", "md")
        }
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(
            run.err.contains(
                "kỳ năm 2026 không thuộc năm của kế hoạch (2027); dùng kế hoạch năm 2026: --plan Plans/ke-hoach-tuyen-truyen-cchc-2026.yaml"
            ),
            run.err)
    }

    func testVersionsDiffAndSentRunOutsideTheProjectFolderSaySo() async throws {
        let compiled = await inFolder(workspace.root) { await baocao("compile", "--format", "md") }
        XCTAssertEqual(compiled.status, 0, compiled.err)
        for command in [["versions"], ["diff"], ["sent", "2026-Q3", "v001"]] {
            let run = await inFolder(workspace.output) { await baocao(command) }
            XCTAssertEqual(run.status, 66, "\(command): \(run.out)")
            XCTAssertTrue(run.err.contains("Hãy chạy lệnh trong thư mục dự án"), "\(command): \(run.err)")
        }
        let inside = await inFolder(workspace.root) { await baocao("versions") }
        XCTAssertEqual(inside.status, 0, inside.err)
        XCTAssertTrue(inside.out.contains("v001"), inside.out)
    }
}
