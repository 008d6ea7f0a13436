import BaocaoCore
import BaocaoPlugins
import BaocaoSheets
import Foundation
import TestSupport
import XCTest

@testable import BaocaoCLI
@testable import BaocaoWorkspace

/// The officer's period, start to finish, as the README tells it: the Q4 forms, an Excel form
/// filled by a unit and imported, who is still missing, a compile, one corrected figure, a
/// second compile, and exactly what changed between the two versions.
final class OfficerCycleTests: XCTestCase {
    var root: URL!
    var data: String { root.appendingPathComponent("data").path }
    /// The report folder of this test's temporary workspace.
    var outURL: URL { root.appendingPathComponent(FixtureWorkspace.outputFolderName) }
    var out: String { outURL.path }
    var plan: String { Paths.plan }

    override func setUpWithError() throws {
        root = try Paths.temporaryFolder()
        try FileManager.default.copyItem(atPath: Paths.data, toPath: data)
    }

    override func tearDownWithError() throws {
        if let root {
            _ = try? FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: outURL.appendingPathComponent("2026/2026-Q3").path)
            try? FileManager.default.removeItem(at: root)
        }
    }

    func loadedPlan() throws -> Plan {
        try XCTUnwrap(PlanLoader(plugins: BuiltinPluginsForTests.descriptors).load(path: plan).plan)
    }

    /// The ttpvhcc form for 2026-Q4, filled with the unit's Q3 figures (`change` may alter them).
    func filledWorkbook(_ change: (inout [String: SubmittedValue]) -> Void = { _ in }) throws -> Data {
        let plan = try loadedPlan()
        let form = FormWorkbook(UnitForm(plan: plan, unit: plan.unit("ttpvhcc")!, period: Period("2026-Q4")!))
        var book = form.workbook()
        let q3 = DataLoader(plan: plan).load(folder: data).submissions.first { $0.unit == "ttpvhcc" && $0.period == Period("2026-Q3") }
        var figures = try XCTUnwrap(q3).figures
        change(&figures)
        for (id, row) in form.rows {
            guard let value = figures[id] else { continue }
            if let n = value.number { book[sheet: FormLayout.figuresSheet]!.fill(row.value, .number(n)) }
            if let t = value.text { book[sheet: FormLayout.figuresSheet]!.fill(row.value, .text(t)) }
            if let note = value.note { book[sheet: FormLayout.figuresSheet]!.fill(row.note, .text(note)) }
        }
        let activity = form.narrativeRows[.activity]!
        book[sheet: FormLayout.narrativesSheet]!.fill(
            CellReference(row: activity, column: 2), .text("Hướng dẫn người dân nộp hồ sơ trực tuyến toàn trình tại sảnh Trung tâm."))
        book[sheet: FormLayout.narrativesSheet]!.fill(CellReference(row: activity, column: 4), .text("service-centre"))
        return try XLSXWriter().write(book)
    }

    func write(_ data: Data, _ name: String) throws -> String {
        let path = root.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    // MARK: The whole cycle

    func testTheOfficersQuarterFromFormsToWhatChanged() async throws {
        // 1. The Q4 forms, one per unit, in Excel and YAML.
        let forms = await baocao("form", "--period", "2026-Q4", "--plan", plan, "--out", out)
        XCTAssertEqual(forms.status, 0, forms.err)
        let formFolder = outURL.appendingPathComponent("2026/2026-Q4/bieu-mau")
        let written = try FileManager.default.contentsOfDirectory(atPath: formFolder.path).sorted()
        XCTAssertEqual(
            written,
            [
                "kvx-2026-Q4.xlsx", "kvx-2026-Q4.yaml", "tchcqt-2026-Q4.xlsx", "tchcqt-2026-Q4.yaml", "ttpvhcc-2026-Q4.xlsx",
                "ttpvhcc-2026-Q4.yaml", "tttt-2026-Q4.xlsx", "tttt-2026-Q4.yaml",
            ])
        XCTAssertTrue(forms.out.contains("chốt số liệu 15/09/2026 – 14/12/2026; hạn gửi 20/12/2026"), forms.out)
        let again = await baocao("form", "--period", "2026-Q4", "--plan", plan, "--out", out)
        XCTAssertTrue(again.out.contains("không thay đổi: "), again.out)
        // The form the unit received is the one the test fills.
        let plan = try loadedPlan()
        let sent = try Data(contentsOf: formFolder.appendingPathComponent("ttpvhcc-2026-Q4.xlsx"))
        XCTAssertEqual(sent, try FormWorkbook(UnitForm(plan: plan, unit: plan.unit("ttpvhcc")!, period: Period("2026-Q4")!)).data())

        // 2. Before anything comes back, everyone is missing; --strict fails.
        let before = await baocao("status", "--plan", self.plan, "--data", data, "--today", "2026-12-08")
        XCTAssertEqual(before.status, 0, before.err)
        XCTAssertTrue(before.out.contains("Tình hình nộp số liệu quý IV năm 2026 (2026-Q4)"), before.out)
        XCTAssertTrue(before.out.contains("Hạn gửi: 20/12/2026 — còn 12 ngày (tính đến ngày 08/12/2026)."), before.out)
        XCTAssertTrue(before.out.contains("Kết quả: 0/3 đơn vị được giao chỉ tiêu đã đủ số liệu"), before.out)
        let strict = await baocao("status", "--plan", self.plan, "--data", data, "--today", "2026-12-08", "--strict")
        XCTAssertEqual(strict.status, 66)

        // 3. The centre sends its filled workbook; it is imported into the data folder.
        let workbook = try write(try filledWorkbook(), "ttpvhcc-2026-Q4.xlsx")
        let imported = await baocao("import", workbook, "--plan", self.plan, "--data", data)
        XCTAssertEqual(imported.status, 0, imported.err)
        let yamlPath = root.appendingPathComponent("data/2026-Q4/ttpvhcc.yaml").path
        XCTAssertTrue(imported.out.contains("đã ghi: \(yamlPath)"), imported.out)
        XCTAssertTrue(imported.out.contains("Trung tâm Phục vụ hành chính công, quý IV năm 2026: 28/28 chỉ tiêu được giao"), imported.out)
        let yaml = try String(contentsOfFile: yamlPath, encoding: .utf8)
        XCTAssertTrue(yaml.hasPrefix("# Nhập từ tệp Excel ttpvhcc-2026-Q4.xlsx (SHA-256 "), yaml)
        XCTAssertTrue(yaml.contains("  hs_moi_truc_tuyen: 6905  # Số liệu!E"), yaml)

        // 4. Who is still missing: the centre is complete, the others are not; past the deadline.
        let after = await baocao("status", "--plan", self.plan, "--data", data, "--period", "2026-Q4", "--today", "2026-12-22")
        XCTAssertEqual(after.status, 0, after.err)
        XCTAssertTrue(after.out.contains("Hạn gửi: 20/12/2026 — đã quá hạn 2 ngày"), after.out)
        let centre = after.out.split(separator: "\n").first { $0.hasPrefix("Trung tâm Phục vụ hành chính công ") }
        XCTAssertTrue(centre?.contains("2026-Q4/ttpvhcc.yaml") == true && centre?.hasSuffix("đủ") == true, "\(centre ?? "")")
        let office = after.out.split(separator: "\n").first { $0.hasPrefix("Phòng TCHCQT") }
        XCTAssertTrue(office?.hasSuffix("CHƯA NỘP") == true, "\(office ?? "")")
        XCTAssertTrue(after.out.contains("I.5. Hoạt động của Trung tâm Phục vụ hành chính công tỉnh — đủ số liệu"), after.out)
        XCTAssertTrue(after.out.contains("I.3. Cải cách tổ chức bộ máy và chế độ công vụ — còn 8 chỉ tiêu chưa đủ"), after.out)
        XCTAssertTrue(after.out.contains("   par_index "), after.out)
        XCTAssertTrue(after.out.contains("tồn tại, hạn chế (phần II.2): chưa có"), after.out)
        XCTAssertTrue(after.out.contains("Phần báo cáo chưa đủ: I.2. Xây dựng và phát triển Chính quyền điện tử"), after.out)
        XCTAssertTrue(
            after.out.contains(
                "Kết quả: 1/3 đơn vị được giao chỉ tiêu đã đủ số liệu; 32 chỉ tiêu chưa nộp; 0 chỉ tiêu có lỗi; chưa nhận thuyết minh của: Phòng Khoa - Văn xã."
            ), after.out)

        // 5. Compile: version v001.
        let first = await baocao("compile", "--plan", self.plan, "--data", data, "--out", out, "--period", "2026-Q4", "--format", "md,json")
        XCTAssertEqual(first.status, 0, first.err)
        XCTAssertTrue(first.out.contains("phiên bản mới v001"), first.out)

        // 6. One figure was wrong: the centre corrects its workbook; importing it needs --force.
        let corrected = try write(
            try filledWorkbook { $0["hs_moi_truc_tuyen"]?.number = 7050 }, "ttpvhcc-2026-Q4-sua.xlsx")
        let refused = await baocao("import", corrected, "--plan", self.plan, "--data", data)
        XCTAssertEqual(refused.status, 73)
        XCTAssertTrue(refused.err.contains("đã có và khác tệp số liệu mới; không ghi đè"), refused.err)
        // What would change, old → new, as diff lists it, and how to confirm.
        XCTAssertTrue(refused.err.contains("Nếu thay \(yamlPath) bằng \(corrected), số liệu sẽ thay đổi ("), refused.err)
        XCTAssertTrue(
            refused.err.contains(
                "  hs_moi_truc_tuyen — Hồ sơ mới tiếp nhận trực tuyến — Trung tâm Phục vụ hành chính công, quý IV năm 2026: 6.905 → 7.050 hồ sơ\n"
            ), refused.err)
        XCTAssertTrue(refused.err.contains("ty_le_truc_tuyen — Tỷ lệ hồ sơ tiếp nhận trực tuyến"), refused.err)
        XCTAssertFalse(refused.err.contains("tt_hs_tiep_nhan —"), "figures that do not change are not listed:\n\(refused.err)")
        XCTAssertTrue(refused.err.contains("Nếu đúng là cần thay, chạy lại với --force: baocao import \(corrected) --force"), refused.err)
        let replaced = await baocao("import", corrected, "--plan", self.plan, "--data", data, "--force")
        XCTAssertEqual(replaced.status, 0, replaced.err)
        XCTAssertTrue(replaced.out.contains("đã thay thế: \(yamlPath)"), replaced.out)

        // 7. Recompile: version v002; v001 is kept whole.
        let second = await baocao(
            "compile", "--plan", self.plan, "--data", data, "--out", out, "--period", "2026-Q4", "--format", "md,json")
        XCTAssertEqual(second.status, 0, second.err)
        XCTAssertTrue(second.out.contains("phiên bản mới v002"), second.out)
        let versions = outURL.appendingPathComponent("2026/2026-Q4/versions")
        XCTAssertTrue(FileManager.default.fileExists(atPath: versions.appendingPathComponent("v001/manifest.json").path))
        XCTAssertEqual(
            try Data(contentsOf: outURL.appendingPathComponent("2026/2026-Q4/bao-cao-2026-Q4.md")),
            try Data(contentsOf: versions.appendingPathComponent("v002/bao-cao-2026-Q4.md")), "the top-level file is the latest version")

        // 8. Exactly what changed: the figure, old → new, the file and the workbook behind it, the sentences.
        let diff = await baocao("diff", "--out", out)
        XCTAssertEqual(diff.status, 0, diff.err)
        XCTAssertTrue(diff.out.contains("So sánh báo cáo quý IV năm 2026 (2026-Q4): bản v001 → bản v002"), diff.out)
        XCTAssertTrue(diff.out.contains("  2026-Q4/ttpvhcc.yaml — đã sửa, nhập từ Excel ttpvhcc-2026-Q4-sua.xlsx"), diff.out)
        let line =
            try XCTUnwrap(yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("  hs_moi_truc_tuyen:") })
            + 1
        XCTAssertTrue(
            diff.out.contains(
                "  hs_moi_truc_tuyen — Hồ sơ mới tiếp nhận trực tuyến — Trung tâm Phục vụ hành chính công, quý IV năm 2026: 6.905 → 7.050 hồ sơ; do 2026-Q4/ttpvhcc.yaml:\(line):22, nhập từ Excel ttpvhcc-2026-Q4-sua.xlsx"
            ), diff.out)
        XCTAssertTrue(diff.out.contains("ty_le_truc_tuyen — Tỷ lệ hồ sơ tiếp nhận trực tuyến"), diff.out)
        XCTAssertTrue(diff.out.contains("  - ") && diff.out.contains("  + ") && diff.out.contains("7.050"), diff.out)
        XCTAssertFalse(diff.out.contains("tt_hs_tiep_nhan —"), "figures that did not change are not listed:\n\(diff.out)")

        // 9. The officer sends v002 and marks it; a later different compile is refused, then kept as v003.
        // A draft cannot be marked as sent by mistake: the reason, and how to compile the signed one.
        let draft = await baocao("sent", "2026-Q4", "v002", "--date", "2026-12-18", "--out", out)
        XCTAssertEqual(draft.status, 64)
        XCTAssertTrue(draft.err.contains("bản v002 của báo cáo quý IV năm 2026 là bản dự thảo (chưa có số và ngày ký)"), draft.err)
        XCTAssertTrue(draft.err.contains("baocao compile --period 2026-Q4 --number <số> --date <YYYY-MM-DD>"), draft.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: versions.appendingPathComponent("v002/da-gui.json").path))
        // The unusual case: the draft really was sent.
        let mark = await baocao("sent", "2026-Q4", "v002", "--date", "2026-12-18", "--out", out, "--force")
        XCTAssertEqual(mark.status, 0, mark.err)
        let list = await baocao("versions", "--out", out, "--period", "2026-Q4")
        XCTAssertTrue(list.out.contains("v002  dự thảo      md, json   "), list.out)
        XCTAssertTrue(list.out.contains("ĐÃ GỬI 18/12/2026; bản hiện hành"), list.out)
        let signed = await baocao(
            "compile", "--plan", self.plan, "--data", data, "--out", out, "--period", "2026-Q4", "--format", "md,json", "--number", "21",
            "--date",
            "2026-12-18")
        XCTAssertEqual(signed.status, 73)
        XCTAssertTrue(signed.err.contains("bản v002 của báo cáo quý IV năm 2026 đã được đánh dấu đã gửi ngày 18/12/2026"), signed.err)
        let forced = await baocao(
            "compile", "--plan", self.plan, "--data", data, "--out", out, "--period", "2026-Q4", "--format", "md,json", "--number", "21",
            "--date",
            "2026-12-18", "--force")
        XCTAssertEqual(forced.status, 0, forced.err)
        XCTAssertTrue(forced.out.contains("phiên bản mới v003"), forced.out)
        let signedMark = await baocao("sent", "2026-Q4", "v003", "--date", "2026-12-18", "--out", out)
        XCTAssertEqual(signedMark.status, 0, "the signed version is marked without --force: \(signedMark.err)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: versions.appendingPathComponent("v002/da-gui.json").path))
        let options = await baocao("diff", "--out", out, "--period", "2026-Q4", "v2", "v3")
        XCTAssertTrue(options.out.contains("Tùy chọn: số: (trống) → 21; ngày ký: (trống) → 18/12/2026."), options.out)
        XCTAssertTrue(options.out.contains("Số liệu thay đổi (0):"), options.out)
    }

    // MARK: Versions and the manifest

    func compile(_ extra: String...) async -> Run {
        await baocao(["compile", "--plan", plan, "--data", data, "--out", out, "--period", "2026-Q3", "--format", "md,json"] + extra)
    }

    var q3: URL { outURL.appendingPathComponent("2026/2026-Q3") }

    func testTheManifestRecordsInputsPlanOptionsAndOutputsWithoutAClock() async throws {
        let run = await compile("--number", "12", "--date", "2026-09-18")
        XCTAssertEqual(run.status, 0, run.err)
        let manifestData = try Data(contentsOf: q3.appendingPathComponent("versions/v001/manifest.json"))
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        XCTAssertEqual(manifest["format"] as? String, "baocao.manifest")
        XCTAssertEqual(manifest["version"] as? String, "v001")
        let options = try XCTUnwrap(manifest["options"] as? [String: Any])
        XCTAssertEqual(options["date"] as? String, "2026-09-18")
        XCTAssertEqual(options["number"] as? String, "12")
        XCTAssertEqual(options["formats"] as? [String], ["md", "json"])
        let inputs = try XCTUnwrap(manifest["inputs"] as? [[String: Any]])
        XCTAssertEqual(inputs.count, 28, "every data file of the plan's year and the year before")
        let centre = try XCTUnwrap(inputs.first { $0["file"] as? String == "2026-Q3/ttpvhcc.yaml" })
        let planDigest = try XCTUnwrap((manifest["plan"] as? [String: Any])?["sha256"] as? String)
        // SHA-256 as a reference implementation computes it.
        if let reference = try? sha256sum([plan, root.appendingPathComponent("data/2026-Q3/ttpvhcc.yaml").path]) {
            XCTAssertEqual(planDigest, reference[0])
            XCTAssertEqual(centre["sha256"] as? String, reference[1])
        }
        let outputs = try XCTUnwrap(manifest["outputs"] as? [[String: Any]])
        XCTAssertEqual(outputs.map { $0["file"] as? String }, ["bao-cao-2026-Q3.md", "bao-cao-2026-Q3.json"])
        let md = try Data(contentsOf: q3.appendingPathComponent("bao-cao-2026-Q3.md"))
        if let reference = try? sha256sum([q3.appendingPathComponent("bao-cao-2026-Q3.md").path]) {
            XCTAssertEqual(outputs[0]["sha256"] as? String, reference[0])
        }
        XCTAssertEqual(outputs[0]["bytes"] as? Int, md.count)
        XCTAssertGreaterThan((manifest["figures"] as? [Any])?.count ?? 0, 50)
        // No clock: the same compile elsewhere writes the same manifest, byte for byte.
        let elsewhere = root.appendingPathComponent("bao-cao-noi-khac").path
        let second = await baocao(
            [
                "compile", "--plan", plan, "--data", data, "--out", elsewhere, "--period", "2026-Q3", "--format", "md,json", "--number",
                "12", "--date", "2026-09-18",
            ])
        XCTAssertEqual(second.status, 0, second.err)
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: elsewhere).appendingPathComponent("2026/2026-Q3/versions/v001/manifest.json")),
            manifestData)
        // Compiling again with the same inputs makes no new version.
        let same = await compile("--number", "12", "--date", "2026-09-18")
        XCTAssertTrue(same.out.contains("phiên bản v001, không đổi"), same.out)
        XCTAssertTrue(same.out.contains("không thay đổi: "), same.out)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: q3.appendingPathComponent("versions").path), ["v001"])
    }

    func testAMarkdownIsKeptForDiffEvenWhenNotAskedFor() async throws {
        let run = await baocao(["compile", "--plan", plan, "--data", data, "--out", out, "--period", "2026-Q3", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: q3.appendingPathComponent("versions/v001/bao-cao-2026-Q3.md").path))
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: q3.appendingPathComponent("bao-cao-2026-Q3.md").path),
            "only what was asked for at the top")
    }

    func testAHandEditedReportIsKeptWhenForceReplacesIt() async throws {
        let first = await compile()
        XCTAssertEqual(first.status, 0, first.err)
        let md = q3.appendingPathComponent("bao-cao-2026-Q3.md")
        try Data("bản đã sửa tay\n".utf8).write(to: md)
        try changeFigure("hs_moi_truc_tuyen: 6905", "hs_moi_truc_tuyen: 6950")
        let refused = await compile()
        XCTAssertEqual(refused.status, 73)
        XCTAssertTrue(refused.err.contains("đã có một báo cáo khác; không ghi đè"), refused.err)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: q3.appendingPathComponent("versions").path), ["v001"], "nothing written")
        let forced = await compile("--force")
        XCTAssertEqual(forced.status, 0, forced.err)
        XCTAssertEqual(
            try String(contentsOf: q3.appendingPathComponent("versions/ban-cu-001/bao-cao-2026-Q3.md"), encoding: .utf8), "bản đã sửa tay\n"
        )
        let manifest = try String(contentsOf: q3.appendingPathComponent("versions/v002/manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"replaced\""), manifest)
        // The manifest names the replaced file with the digest and size of what was kept.
        let kept = Data("bản đã sửa tay\n".utf8)
        let json = try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as! [String: Any]
        let replaced = try XCTUnwrap(json["replaced"] as? [[String: Any]])
        XCTAssertEqual(replaced.count, 1)
        XCTAssertEqual(replaced.first?["file"] as? String, "bao-cao-2026-Q3.md")
        XCTAssertEqual(replaced.first?["sha256"] as? String, FileDigest.sha256(kept))
        XCTAssertEqual(replaced.first?["bytes"] as? Int, kept.count)
    }

    func changeFigure(_ old: String, _ new: String) throws {
        let path = root.appendingPathComponent("data/2026-Q3/ttpvhcc.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        XCTAssertTrue(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: path)
    }

    /// Every file of every version and at the top, by relative path.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: q3.path)
        while let item = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = q3.appendingPathComponent(item).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[item] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return files
    }

    /// A write that fails at any point — while writing the version, its manifest, or a top-level
    /// file — leaves v001 whole, no half-written file in view, and every top-level file a whole
    /// copy of some version; the next compile succeeds.
    func testAFailureMidWriteLeavesThePreviousVersionIntact() async throws {
        let first = await compile()
        XCTAssertEqual(first.status, 0, first.err)
        let initial = try snapshot()
        let v001 = initial.filter { $0.key.hasPrefix("versions/v001/") }
        try changeFigure("hs_moi_truc_tuyen: 6905", "hs_moi_truc_tuyen: 6950")
        // A compile writes 5 files here: 2 in the version, its manifest, 2 at the top. Fail each
        // in turn, starting each time from v001 alone.
        for failing in 1...5 {
            try FileManager.default.removeItem(at: q3)
            for (path, bytes) in initial {
                let url = q3.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: url)
            }
            let failed = await WriteFaults.$injector.withValue(WriteFaults(failingWrite: failing)) { await compile() }
            XCTAssertEqual(failed.status, 73, "failure \(failing)")
            XCTAssertTrue(failed.err.contains("Bản trước (nếu có) vẫn còn nguyên"), failed.err)
            let files = try snapshot()
            XCTAssertEqual(files.filter { $0.key.hasPrefix("versions/v001/") }, v001, "v001 changed after failure \(failing)")
            XCTAssertFalse(
                files.keys.contains { $0.contains(".dang-ghi") }, "a failed write cleans up after itself: \(files.keys.sorted())")
            let versions = Set(files.keys.compactMap { $0.hasPrefix("versions/v") ? String($0.split(separator: "/")[1]) : nil })
            // Every file is written before any is renamed into place: a failed compile adds no
            // version, whichever file failed.
            XCTAssertEqual(versions, ["v001"], "after failure \(failing)")
            for name in ["bao-cao-2026-Q3.md", "bao-cao-2026-Q3.json"] {
                let top = try XCTUnwrap(files[name])
                XCTAssertTrue(
                    versions.contains { files["versions/\($0)/\(name)"] == top },
                    "\(name) is a whole copy of a version after failure \(failing)")
            }
        }
        let recovered = await compile()
        XCTAssertEqual(recovered.status, 0, recovered.err)
        let files = try snapshot()
        XCTAssertFalse(files.keys.contains { $0.contains(".dang-ghi") }, "leftovers removed: \(files.keys.sorted())")
        let latest = try XCTUnwrap(
            Set(files.keys.compactMap { $0.hasPrefix("versions/v") ? String($0.split(separator: "/")[1]) : nil }).max())
        XCTAssertEqual(files["bao-cao-2026-Q3.md"], files["versions/\(latest)/bao-cao-2026-Q3.md"])
        XCTAssertTrue(String(decoding: files["bao-cao-2026-Q3.md"]!, as: UTF8.self).contains("6.950"))
    }

    /// What a killed compile leaves — a half-written version folder and a half-written
    /// temporary file — is never taken for a version and is cleared by the next compile.
    func testWhatAKilledCompileLeavesIsIgnoredAndCleared() async throws {
        let first = await compile()
        XCTAssertEqual(first.status, 0, first.err)
        let half = q3.appendingPathComponent("versions/.dang-ghi-v002")
        try FileManager.default.createDirectory(at: half, withIntermediateDirectories: true)
        try Data("# BÁO C".utf8).write(to: half.appendingPathComponent("bao-cao-2026-Q3.md"))
        try Data("# BÁO C".utf8).write(to: q3.appendingPathComponent(".bao-cao-2026-Q3.md.dang-ghi"))
        let list = await baocao("versions", "--out", out, "--period", "2026-Q3")
        XCTAssertFalse(list.out.contains("v002"), list.out)
        try changeFigure("hs_moi_truc_tuyen: 6905", "hs_moi_truc_tuyen: 6950")
        let second = await compile()
        XCTAssertEqual(second.status, 0, second.err)
        XCTAssertTrue(second.out.contains("phiên bản mới v002"), second.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: half.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: q3.appendingPathComponent(".bao-cao-2026-Q3.md.dang-ghi").path))
        XCTAssertEqual(
            try Data(contentsOf: q3.appendingPathComponent("versions/v002/bao-cao-2026-Q3.md")),
            try Data(contentsOf: q3.appendingPathComponent("bao-cao-2026-Q3.md")))
    }

    /// A real write failure: the output folder cannot be written. Root may write anywhere, so
    /// under root the compile runs as the built `baocao` executable with the rights of `nobody`.
    func testAReadOnlyOutputFolderFailsCleanly() async throws {
        let first = await compile()
        XCTAssertEqual(first.status, 0, first.err)
        try changeFigure("hs_moi_truc_tuyen: 6905", "hs_moi_truc_tuyen: 6950")
        let before = try snapshot()
        for folder in [q3, q3.appendingPathComponent("versions")] {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        }
        defer {
            for folder in [q3, q3.appendingPathComponent("versions")] {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            }
        }
        let arguments = ["compile", "--plan", plan, "--data", data, "--out", out, "--period", "2026-Q3", "--format", "md,json"]
        let failed: Run
        if getuid() != 0 {
            failed = await baocao(arguments)
        } else {
            let binary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "baocao")
            guard FileManager.default.isExecutableFile(atPath: binary.path),
                FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
            else {
                throw XCTSkip("running as root without the baocao executable or setpriv; the injected failures cover this case")
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
            process.currentDirectoryURL = root
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            failed = Run(status: process.terminationStatus, out: "", err: err)
        }
        XCTAssertEqual(failed.status, 73, failed.err)
        XCTAssertTrue(failed.err.contains("không ghi được vào"), failed.err)
        XCTAssertEqual(try snapshot(), before, "nothing changed, nothing half-written")
    }

    // MARK: Status

    func testStatusCountsDaysAndFindsMissingAndInvalidData() async throws {
        func status(_ args: String...) async -> Run {
            await baocao(["status", "--plan", plan, "--data", data] + args)
        }
        let q3 = await status("--period", "2026-Q3", "--today", "2026-09-10")
        XCTAssertEqual(q3.status, 0, q3.err)
        XCTAssertTrue(q3.out.contains("Thời gian chốt số liệu: 15/06/2026 – 14/09/2026. Hạn gửi: 20/09/2026 — còn 10 ngày"), q3.out)
        XCTAssertTrue(q3.out.contains("còn thiếu 4 chỉ tiêu"), q3.out)
        XCTAssertTrue(q3.out.contains("sipas_rank "), q3.out)
        let today = await status("--period", "2026-Q3", "--today", "2026-09-20")
        XCTAssertTrue(today.out.contains("hôm nay là hạn cuối"), today.out)
        let strict = await status("--period", "2026-Q3", "--today", "2026-09-25", "--strict")
        XCTAssertEqual(strict.status, 66)
        XCTAssertTrue(strict.out.contains("đã quá hạn 5 ngày"), strict.out)
        // The default period follows the date.
        let may = await status("--today", "2026-05-01")
        XCTAssertTrue(may.out.contains("Tình hình nộp số liệu quý II năm 2026 (2026-Q2)"), may.out)
        let december = await status("--today", "2026-12-08")
        XCTAssertTrue(december.out.contains("(2026-Q4)"), december.out)
        // A half-year comes from its quarters: a missing quarter is named.
        try FileManager.default.removeItem(atPath: root.appendingPathComponent("data/2026-Q2/tttt.yaml").path)
        let half = await status("--period", "2026-H1", "--today", "2026-06-01")
        XCTAssertTrue(half.out.contains("2026-Q1/ttpvhcc.yaml, 2026-Q2/ttpvhcc.yaml"), half.out)
        XCTAssertTrue(half.out.contains("thiếu số liệu quý II năm 2026"), half.out)
        // An invalid figure is shown as such, with its location, and fails --strict with 65.
        try changeFigure("hs_moi_truc_tiep: 1094", "hs_moi_truc_tiep: -3")
        let invalid = await status("--period", "2026-Q3", "--today", "2026-09-10", "--strict")
        XCTAssertEqual(invalid.status, 65)
        XCTAssertTrue(invalid.out.contains("   hs_moi_truc_tiep "), invalid.out)
        XCTAssertTrue(invalid.out.contains("ttpvhcc  lỗi"), invalid.out)
        XCTAssertTrue(
            invalid.out.contains("2026-Q3/ttpvhcc.yaml:15:21: error: figures.hs_moi_truc_tiep: số đếm phải là số nguyên không âm"),
            invalid.out)
        let badDate = await status("--today", "2026-13-01")
        XCTAssertEqual(badDate.status, 64)
    }

    // MARK: Import

    func testImportChecksEveryFileAndNeverReplacesSilently() async throws {
        // An Excel file that is not a form, a CSV, a missing file, and a bad cell: each named.
        let csv = try write(Data("Mã chỉ tiêu;Số liệu\nhs_moi_truc_tuyen;12\n".utf8), "so-lieu.csv")
        let bad = try write(try filledWorkbook { $0["hs_moi_truc_tiep"]?.number = -2 }, "ttpvhcc-loi.xlsx")
        let run = await baocao("import", csv, bad, root.appendingPathComponent("khong-co.xlsx").path, "--plan", plan, "--data", data)
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.err.contains("\(csv): error: tệp .csv không được nhận"), run.err)
        XCTAssertTrue(
            run.err.contains("\(bad): error: trang tính 'Số liệu', ô E")
                && run.err.contains("(hs_moi_truc_tiep): số đếm phải là số nguyên không âm, gặp -2"),
            run.err)
        XCTAssertTrue(run.err.contains("khong-co.xlsx: error: không tìm thấy tệp"), run.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("data/2026-Q4").path), "nothing imported")
        // A filled YAML form is imported as it is.
        let plan = try loadedPlan()
        var text = YAMLForm(UnitForm(plan: plan, unit: plan.unit("kvx")!, period: Period("2026-Q4")!)).text()
        text = text.replacingOccurrences(
            of: "    # - \"Kết quả đã thực hiện trong kỳ …\"",
            with: "    - \"Lồng ghép tuyên truyền cải cách hành chính tại họp giao ban.\"")
        let yamlForm = try write(Data(text.utf8), "kvx-2026-Q4.yaml")
        let ok = await baocao("import", yamlForm, "--plan", self.plan, "--data", data)
        XCTAssertEqual(ok.status, 0, ok.err)
        XCTAssertEqual(try String(contentsOfFile: root.appendingPathComponent("data/2026-Q4/kvx.yaml").path, encoding: .utf8), text)
        let same = await baocao("import", yamlForm, "--plan", self.plan, "--data", data)
        XCTAssertTrue(same.out.contains("không thay đổi: "), same.out)
        // A second file for the same unit and period under another name is refused.
        try FileManager.default.copyItem(
            atPath: root.appendingPathComponent("data/2026-Q4/kvx.yaml").path,
            toPath: root.appendingPathComponent("data/2026-Q4/kvx-ban-cu.yaml").path)
        try FileManager.default.removeItem(atPath: root.appendingPathComponent("data/2026-Q4/kvx.yaml").path)
        let duplicate = await baocao("import", yamlForm, "--plan", self.plan, "--data", data)
        XCTAssertEqual(duplicate.status, 65)
        XCTAssertTrue(duplicate.err.contains("đã có tệp số liệu quý IV năm 2026 khác"), duplicate.err)
    }

    func testFormRefusesUnknownUnitsFormatsAndPeriods() async {
        let unit = await baocao("form", "--period", "2026-Q4", "--plan", plan, "--out", out, "--unit", "ttpvhc")
        XCTAssertEqual(unit.status, 64)
        XCTAssertTrue(unit.err.contains("không có đơn vị nộp số liệu 'ttpvhc' trong kế hoạch; có phải là 'ttpvhcc'?"), unit.err)
        let format = await baocao("form", "--period", "2026-Q4", "--plan", plan, "--out", out, "--format", "csv")
        XCTAssertEqual(format.status, 64)
        let period = await baocao("form", "--period", "2028-Q1", "--plan", plan, "--out", out)
        XCTAssertEqual(period.status, 64)
        let one = await baocao("form", "--period", "2026-Q4", "--plan", plan, "--out", out, "--unit", "tttt", "--format", "xlsx")
        XCTAssertEqual(one.status, 0, one.err)
        XCTAssertEqual(try? FileManager.default.contentsOfDirectory(atPath: out + "/2026/2026-Q4/bieu-mau"), ["tttt-2026-Q4.xlsx"])
    }

    func testHelpForTheNewCommands() async {
        for command in [["form"], ["import"], ["status"], ["diff"], ["versions"], ["sent"], ["plan"], ["plan", "new"], ["plan", "show"]] {
            let run = await baocao(command + ["--help"])
            XCTAssertEqual(run.status, 0, "\(command)")
            XCTAssertTrue(run.out.contains("USAGE"), "\(command): \(run.out)")
        }
    }

    // MARK: Next year's plan

    func testPlanNewScaffoldsNextYearAndValidatesIt() async throws {
        let plans = root.appendingPathComponent(FixtureWorkspace.plansFolderName)
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        let source = plans.appendingPathComponent("ke-hoach-tuyen-truyen-cchc-2026.yaml").path
        try FileManager.default.copyItem(atPath: plan, toPath: source)
        let run = await baocao("plan", "new", "2027", "--from", source)
        XCTAssertEqual(run.status, 0, run.err)
        let target = plans.appendingPathComponent("ke-hoach-tuyen-truyen-cchc-2027.yaml").path
        XCTAssertTrue(run.out.contains("đã ghi: \(target) — kế hoạch năm 2027"), run.out)
        XCTAssertTrue(run.err.contains("\(target):"), run.err)
        XCTAssertTrue(run.err.contains(": warning: còn chỗ cần điền: 'CẦN ĐIỀN/QĐ-UBND'"), run.err)
        let text = try String(contentsOfFile: target, encoding: .utf8)
        XCTAssertTrue(text.contains("  # CẦN ĐIỀN: căn cứ của kế hoạch năm 2027"), text)
        XCTAssertFalse(text.contains("239/QĐ-UBND\n"), "the old decision is not carried over as the basis")
        let loaded = PlanLoader(plugins: BuiltinPluginsForTests.descriptors).load(path: target)
        let new = try XCTUnwrap(loaded.plan, loaded.diagnostics.map(\.description).joined(separator: "\n"))
        let old = try loadedPlan()
        XCTAssertEqual(new.year, 2027)
        XCTAssertEqual(new.identity.title, "Kế hoạch tuyên truyền công tác cải cách hành chính năm 2027")
        XCTAssertEqual(new.tasks.map(\.number), old.tasks.map(\.number), "tasks carried over")
        XCTAssertTrue(new.tasks.contains { $0.timeline == "Trong năm 2027" })
        XCTAssertEqual(new.indicators.count, old.indicators.count)
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(loaded.diagnostics.filter { $0.message.contains("CẦN ĐIỀN") }.count, 1)
        // Windows and deadlines move with the year.
        let periods = await baocao("periods", "--plan", target)
        XCTAssertTrue(periods.out.contains("2027-Q1  quý I năm 2027         15/12/2026 – 14/03/2027  20/03/2027  có"), periods.out)
        // Written once; again unchanged; an earlier year refused.
        let again = await baocao("plan", "new", "2027", "--from", source)
        XCTAssertTrue(again.out.contains("không thay đổi: \(target)"), again.out)
        let earlier = await baocao("plan", "new", "2025", "--from", source)
        XCTAssertEqual(earlier.status, 64)
    }

    func testAPlanMayExtendAnotherAndShowsResolved() async throws {
        let plans = root.appendingPathComponent(FixtureWorkspace.plansFolderName)
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        let source = plans.appendingPathComponent("ke-hoach-tuyen-truyen-cchc-2026.yaml").path
        try FileManager.default.copyItem(atPath: plan, toPath: source)
        let target = plans.appendingPathComponent("ke-hoach-2027.yaml").path
        let run = await baocao("plan", "new", "2027", "--from", source, "--out", target, "--extends")
        XCTAssertEqual(run.status, 0, run.err)
        let text = try String(contentsOfFile: target, encoding: .utf8)
        XCTAssertTrue(text.contains("\nextends: \"ke-hoach-tuyen-truyen-cchc-2026.yaml\"\n"), text)
        XCTAssertFalse(text.contains("\nunits:"), "units are shared, not copied")
        XCTAssertFalse(text.contains("\nareas:"), "areas and indicators are shared, not copied")
        let loaded = PlanLoader(plugins: BuiltinPluginsForTests.descriptors).load(path: target)
        let new = try XCTUnwrap(loaded.plan, loaded.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(new.bases, [source])
        XCTAssertEqual(new.units.count, try loadedPlan().units.count)
        XCTAssertEqual(new.indicators.first?.location.file, source, "inherited entities keep their location")
        let show = await baocao("plan", "show", target)
        XCTAssertEqual(show.status, 0, show.err)
        XCTAssertTrue(show.out.contains("Kế thừa (extends): \(source)"), show.out)
        XCTAssertTrue(
            show.out.contains("  ttpvhcc — Trung tâm Phục vụ hành chính công tỉnh (division, nộp số liệu)  [từ \(source)]"), show.out)
        let validate = await baocao("validate", target, "--data", data)
        XCTAssertEqual(validate.status, 0, validate.err)
        // A wrong base and a circle are located errors.
        let broken = plans.appendingPathComponent("hong.yaml")
        try Data(text.replacingOccurrences(of: "extends: \"ke-hoach-tuyen-truyen-cchc-2026.yaml\"", with: "extends: khong-co.yaml").utf8)
            .write(to: broken)
        let missing = await baocao("validate", broken.path)
        XCTAssertEqual(missing.status, 65)
        XCTAssertTrue(missing.err.contains("\(broken.path):7:10: error: extends: không dùng được kế hoạch gốc"), missing.err)
        let circle = plans.appendingPathComponent("vong.yaml")
        try Data(text.replacingOccurrences(of: "extends: \"ke-hoach-tuyen-truyen-cchc-2026.yaml\"", with: "extends: vong.yaml").utf8).write(
            to: circle)
        let circular = await baocao("validate", circle.path)
        XCTAssertEqual(circular.status, 65)
        XCTAssertTrue(circular.err.contains("kế thừa vòng tròn"), circular.err)
        // A section the plan gives replaces the base's; a dropped unit still named by an inherited indicator is an error in the base.
        try Data((text + "units:\n  - id: tchcqt\n    name: Phòng TCHCQT\n").utf8).write(to: broken)
        let dropped = await baocao("validate", broken.path)
        XCTAssertEqual(dropped.status, 65)
        XCTAssertTrue(dropped.err.contains("\(source):"), dropped.err)
        XCTAssertTrue(dropped.err.contains("không có đơn vị (unit) 'ttpvhcc' trong kế hoạch"), dropped.err)
    }

    func sha256sum(_ paths: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n").map { String($0.prefix(64)) }
    }
}

enum BuiltinPluginsForTests {
    static var descriptors: [PluginDescriptor] { BuiltinPlugins.registry.descriptors }
}
