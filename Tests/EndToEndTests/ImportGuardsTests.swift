import Foundation
import TestSupport
import XCTest

/// What `import` says when a form comes back untouched, or one file is named twice.
final class ImportGuardsTests: XCTestCase {
    var workspace: FixtureWorkspace!

    override func setUpWithError() throws {
        workspace = try FixtureWorkspace.copy()
    }

    override func tearDown() {
        workspace?.remove()
    }

    func testAnUntouchedFormSaysNothingIsFilledInAndTheUnitStaysMissing() async throws {
        let out = workspace.output.path
        let forms = await baocao("form", "--period", "2026-Q4", "--plan", workspace.plan, "--out", out, "--unit", "tttt")
        XCTAssertEqual(forms.status, 0, forms.err)
        let folder = workspace.output.appendingPathComponent("2026/2026-Q4/bieu-mau")
        for name in ["tttt-2026-Q4.xlsx", "tttt-2026-Q4.yaml"] {
            let path = folder.appendingPathComponent(name).path
            let run = await baocao("import", path, "--plan", workspace.plan)
            XCTAssertEqual(run.status, 0, "a warning, not an error: \(run.err)")
            XCTAssertTrue(
                run.err.contains("\(path): warning: biểu mẫu chưa được điền: chưa có số liệu hay thuyết minh nào, nên chưa nhập"), run.err)
            XCTAssertEqual(run.err.components(separatedBy: "\n").filter { $0.contains(": error:") }, [], run.err)
            XCTAssertTrue(run.out.contains("Đã nhập 0 tệp; 0 tệp có lỗi; 1 tệp chưa điền: \(path)."), run.out)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.dataURL.appendingPathComponent("2026-Q4/tttt.yaml").path))
        let status = await baocao("status", "--plan", workspace.plan, "--period", "2026-Q4", "--today", "2026-12-08")
        XCTAssertFalse(status.out.contains("2026-Q4/tttt.yaml"), status.out)
        XCTAssertTrue(status.out.contains("Kết quả: 0/3 đơn vị được giao chỉ tiêu đã đủ số liệu"), status.out)
    }

    func testTheSameFileTwiceIsImportedOnceAndSaidSo() async throws {
        let q3 = try String(contentsOf: workspace.dataURL.appendingPathComponent("2026-Q3/ttpvhcc.yaml"), encoding: .utf8)
        let file = workspace.root.appendingPathComponent("ttpvhcc-2026-Q4.yaml")
        try Data(q3.replacingOccurrences(of: "period: 2026-Q3", with: "period: 2026-Q4").utf8).write(to: file)
        let run = await baocao("import", file.path, file.path, "--plan", workspace.plan)
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.err.contains("\(file.path): warning: tệp này được nêu hai lần trong lệnh; chỉ nhập một lần"), run.err)
        XCTAssertFalse(run.err.contains("trùng đơn vị và kỳ"), run.err)
        XCTAssertTrue(run.out.contains("Đã nhập 1 tệp; 0 tệp có lỗi."), run.out)
    }
}
