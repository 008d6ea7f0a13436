import BaocaoCLI
import BaocaoCore
import Foundation
import XCTest

/// The rules of a plan and the outlier check, through the commands, on a workspace of the test's
/// own (a plan with one generic area and four quarters of one unit) in a temporary folder.
final class RuleCLITests: XCTestCase {
    static let plan = """
        plan:
          title: Kế hoạch thử nghiệm năm 2026
          year: 2026
          basis: {kind: Quyết định, number: 1/QĐ-UBND, date: 2026-01-05, issuer: Chủ tịch UBND tỉnh, subject: về việc thử nghiệm}
          parent_body: UBND TỈNH SƠN LA
          issuing_body: VĂN PHÒNG
          issuing_body_name: Văn phòng UBND tỉnh
          place: Sơn La
          document_code: BC-VPUBND
        units:
          - {id: a, name: Phòng A}
        purposes: [{number: "1.1", text: Mục đích.}]
        requirements: [{number: "2.1", text: Yêu cầu.}]
        tasks:
          - {number: II.1, title: Nhiệm vụ, content: [], timeline: Thường xuyên trong năm, timeline_kind: regular, lead: [a], areas: [ho-so]}
        areas:
          - id: ho-so
            title: Hồ sơ
            plugin: generic
            indicators:
              - {id: tiep_nhan, label: Hồ sơ tiếp nhận, measure: hồ sơ, kind: count, reported_by: [a]}
              - {id: giai_quyet, label: Hồ sơ giải quyết, measure: hồ sơ, kind: count, reported_by: [a]}
        rules:
          - id: giai_quyet_toi_da
            left: giai_quyet
            operator: "<="
            right: tiep_nhan
            severity: error
            message: Hồ sơ giải quyết không vượt hồ sơ tiếp nhận
        reporting:
          periods: [{kind: Q1}, {kind: Q2}, {kind: Q3}]
          subject: Kết quả thử nghiệm
          addressees: [Ủy ban nhân dân tỉnh]
          recipients: [Sở Nội vụ]
          drafting_unit: TCHCQT
          signer: {title: CHÁNH VĂN PHÒNG, name: Nguyễn Văn A}
        """

    /// A workspace with quarters 2025-Q1 … 2026-Q1 of unit a; 2026-Q1 as given.
    func workspace(_ q1: String) throws -> URL {
        let root = try Paths.temporaryFolder()
        try Data(Self.plan.utf8).write(to: root.appendingPathComponent("plan.yaml"))
        let quarters = [("2025-Q1", 5890), ("2025-Q2", 6120), ("2025-Q3", 6300), ("2025-Q4", 6512)]
        for (period, received) in quarters {
            try write(root, period, "unit: a\nperiod: \(period)\nfigures:\n  tiep_nhan: \(received)\n  giai_quyet: \(received - 100)\n")
        }
        try write(root, "2026-Q1", q1)
        return root
    }

    func write(_ root: URL, _ period: String, _ text: String) throws {
        let folder = root.appendingPathComponent("data/\(period)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent("a.yaml"))
    }

    func testAFailingErrorRuleIsLocatedAndStopsValidateCompileAndImport() async throws {
        let root = try workspace("unit: a\nperiod: 2026-Q1\nfigures:\n  tiep_nhan: 6400\n  giai_quyet: 64000\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = root.appendingPathComponent("plan.yaml").path
        let data = root.appendingPathComponent("data").path
        let validate = await baocao("validate", plan, "--data", data, "--period", "2026-Q1")
        XCTAssertEqual(validate.status, 65, validate.err)
        XCTAssertTrue(
            validate.err.contains(
                "\(data)/2026-Q1/a.yaml:5:15: error: quy tắc 'giai_quyet_toi_da': Hồ sơ giải quyết không vượt hồ sơ tiếp nhận — Phòng A, quý I năm 2026: giai_quyet = 64.000 > tiep_nhan = 6.400"
            ), validate.err)
        let compile = await baocao(
            "compile", "--plan", plan, "--data", data, "--period", "2026-Q1", "--out", root.appendingPathComponent("out").path, "--format",
            "md")
        XCTAssertEqual(compile.status, 65, compile.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/2026/2026-Q1").path))
        let file = root.appendingPathComponent("a-q1.yaml")
        try Data("unit: a\nperiod: 2026-Q1\nfigures:\n  tiep_nhan: 6400\n  giai_quyet: 64000\n".utf8).write(to: file)
        let imported = await baocao("import", "--plan", plan, "--data", data, "--check", file.path)
        XCTAssertEqual(imported.status, 65, imported.err)
        XCTAssertTrue(imported.err.contains("\(file.path):5:15: error: quy tắc 'giai_quyet_toi_da'"), imported.err)
    }

    func testAFigureTenTimesTooLargeIsAWarningUntilConfirmed() async throws {
        let root = try workspace("unit: a\nperiod: 2026-Q1\nfigures:\n  tiep_nhan: 69050\n  giai_quyet: 6000\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = root.appendingPathComponent("plan.yaml").path
        let data = root.appendingPathComponent("data").path
        let expected = "\(data)/2026-Q1/a.yaml:4:14: warning: tiep_nhan: 69.050 — quý trước 6.512, cùng kỳ 5.890"
        let validate = await baocao("validate", plan, "--data", data, "--period", "2026-Q1")
        XCTAssertEqual(validate.status, 0, validate.err)
        XCTAssertTrue(validate.err.contains(expected), validate.err)
        XCTAssertTrue(validate.err.contains("có thể nhập thừa một chữ số?"), validate.err)
        let status = await baocao("status", "--plan", plan, "--data", data, "--period", "2026-Q1", "--today", "2026-03-01")
        XCTAssertTrue(status.out.contains(expected), status.out)

        try Data(
            """
            confirmations:
              - {unit: a, period: 2026-Q1, indicator: tiep_nhan, value: 69050, note: "Đúng, đợt cấp đổi hàng loạt"}
            """.utf8
        ).write(to: root.appendingPathComponent("data/_xac-nhan.yaml"))
        let confirmed = await baocao("validate", plan, "--data", data, "--period", "2026-Q1")
        XCTAssertEqual(confirmed.status, 0, confirmed.err)
        XCTAssertFalse(confirmed.err.contains("tiep_nhan: 69.050"), confirmed.err)
        // Corrected since: the confirmation no longer matches, and says so.
        try write(root, "2026-Q1", "unit: a\nperiod: 2026-Q1\nfigures:\n  tiep_nhan: 6905\n  giai_quyet: 6000\n")
        let stale = await baocao("validate", plan, "--data", data, "--period", "2026-Q1")
        XCTAssertTrue(stale.err.contains("\(data)/_xac-nhan.yaml:2:"), stale.err)
        XCTAssertTrue(stale.err.contains("stale confirmation"), stale.err)
    }
}
