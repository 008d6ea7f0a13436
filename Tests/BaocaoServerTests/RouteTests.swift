import BaocaoAccounts
import BaocaoCore
import BaocaoPlugins
import BaocaoServer
import BaocaoWorkspace
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

final class RouteTests: XCTestCase {
    // MARK: Who may do what

    /// Each role on each route: allowed (the page's own status) or refused (403), and every
    /// route sends someone not signed in to the login page.
    func testEachRoleOnEachRoute() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let officer = try await client.logIn("canbo")
            let unit = try await client.logIn("ttpv")
            let viewer = try await client.logIn("lanhdao")
            let sessions = ["officer": officer, "unit": unit, "viewer": viewer]
            typealias Case = (method: HTTPRequest.Method, path: String, expected: [String: HTTPResponse.Status])
            let cases: [Case] = [
                (.get, "/", ["officer": .ok, "unit": .ok, "viewer": .ok]),
                (.get, "/du-lieu/2026-Q3/ttpvhcc", ["officer": .ok, "unit": .ok, "viewer": .forbidden]),
                (.get, "/du-lieu/2026-Q3/tchcqt", ["officer": .ok, "unit": .forbidden, "viewer": .forbidden]),
                (.get, "/du-lieu/2026-Q3/ttpvhcc/bieu-mau.xlsx", ["officer": .ok, "unit": .ok, "viewer": .forbidden]),
                (.get, "/du-lieu/2026-Q3/tchcqt/bieu-mau.xlsx", ["officer": .ok, "unit": .forbidden, "viewer": .forbidden]),
                (.post, "/du-lieu/2026-Q3/tchcqt", ["unit": .forbidden, "viewer": .forbidden]),
                (.post, "/du-lieu/2026-Q3/tchcqt/tai-len", ["unit": .forbidden, "viewer": .forbidden]),
                (.get, "/bao-cao/2026-Q3", ["officer": .ok, "unit": .forbidden, "viewer": .ok]),
                (.post, "/bao-cao/2026-Q3/bien-soan", ["unit": .forbidden, "viewer": .forbidden]),
                (.get, "/bao-cao/2026-Q3/so-sanh", ["unit": .forbidden]),
                (.get, "/bao-cao/2026-Q3/v001/xem", ["unit": .forbidden]),
                (.get, "/bao-cao/2026-Q3/v001/tai/docx", ["unit": .forbidden]),
                (.post, "/bao-cao/2026-Q3/v001/da-gui", ["unit": .forbidden, "viewer": .forbidden]),
                (.get, "/ke-hoach", ["officer": .ok, "unit": .forbidden, "viewer": .forbidden]),
                (.post, "/ke-hoach", ["unit": .forbidden, "viewer": .forbidden]),
                (.get, "/nhat-ky", ["officer": .ok, "unit": .ok, "viewer": .forbidden]),
            ]
            for (method, path, expected) in cases {
                for (role, status) in expected {
                    let login = sessions[role]!
                    let reply = try await client.request(
                        method, path, cookie: login.cookie, form: method == .post ? ["csrf": login.csrf] : nil)
                    XCTAssertEqual(reply.status, status, "\(role) \(method) \(path): \(reply.body.prefix(300))")
                    if status == .forbidden { XCTAssertTrue(reply.body.contains("thong-bao"), "\(role) \(path): a refusal page") }
                }
                let anonymous = try await client.request(method, path, form: method == .post ? [:] : nil)
                XCTAssertEqual(anonymous.status, .seeOther, "\(method) \(path) without a session")
                XCTAssertEqual(anonymous.location, "/dang-nhap")
            }
            // A unit sees only its own unit on the dashboard.
            let dashboard = try await client.request(.get, "/?ky=2026-Q3", cookie: unit.cookie)
            XCTAssertTrue(dashboard.body.contains("don-vi-ttpvhcc"))
            XCTAssertFalse(dashboard.body.contains("don-vi-tchcqt"))
            let full = try await client.request(.get, "/?ky=2026-Q3", cookie: officer.cookie)
            XCTAssertTrue(full.body.contains("don-vi-tchcqt"))
        }
    }

    // MARK: Entering data

    /// A unit enters a figure wrongly, sees the loader's message next to the field, nothing is
    /// written; it fixes it and saves: the file is the YAML a person would write, the loader
    /// reads it, and the audit log records the old and new value.
    func testAUnitSavesAfterFixingALocatedError() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.unitFile))
        try await fixture.test { client in
            let unit = try await client.logIn("ttpv")
            let page = try await client.request(.get, "/du-lieu/2026-Q3/ttpvhcc", cookie: unit.cookie)
            XCTAssertEqual(page.status, .ok)
            var values = Client.formValues(page.body)
            XCTAssertEqual(values["f.hs_ky_truoc"], "631")
            values["f.hs_ky_truoc"] = "6a1"
            let wrong = try await client.request(.post, "/du-lieu/2026-Q3/ttpvhcc", cookie: unit.cookie, form: values)
            XCTAssertEqual(wrong.status, .unprocessableContent)
            XCTAssertTrue(
                wrong.body.contains("data-field=\"f.hs_ky_truoc\">figures.hs_ky_truoc: cần một số, gặp &#39;6a1&#39;"), wrong.body)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: fixture.unitFile)), before, "nothing written")
            values["f.hs_ky_truoc"] = "632"
            let saved = try await client.request(.post, "/du-lieu/2026-Q3/ttpvhcc", cookie: unit.cookie, form: values)
            XCTAssertEqual(saved.status, .seeOther, saved.body)
            XCTAssertEqual(saved.location, "/du-lieu/2026-Q3/ttpvhcc?luu=1")
        }
        let text = try String(contentsOfFile: fixture.unitFile, encoding: .utf8)
        XCTAssertTrue(text.contains("\n  hs_ky_truoc: 632\n"), text)
        XCTAssertTrue(text.contains("unit: ttpvhcc\nperiod: 2026-Q3\n"), text)
        let plan = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(path: fixture.workspace.plan).plan!
        let loaded = DataLoader(plan: plan).load(text: text, displayPath: fixture.unitFile)
        XCTAssertFalse(loaded.diagnostics.contains { $0.severity == .error }, "\(loaded.diagnostics)")
        XCTAssertEqual(loaded.submissions.first?.figures["hs_ky_truoc"]?.number, 632)
        XCTAssertEqual(loaded.submissions.first?.figures["tt_danh_gia"]?.number, 5745, "other figures kept")
        let audit = try fixture.database.auditLog()
        let row = try XCTUnwrap(audit.first { $0.action == "luu-so-lieu" })
        XCTAssertEqual(row.account, "ttpv")
        XCTAssertEqual(row.unit, "ttpvhcc")
        XCTAssertEqual(row.period, "2026-Q3")
        XCTAssertEqual(row.figure, "hs_ky_truoc")
        XCTAssertEqual(row.oldValue, "631")
        XCTAssertEqual(row.newValue, "632")
        XCTAssertEqual(audit.filter { $0.action == "luu-so-lieu" }.count, 1, "one figure changed")
    }

    /// Saving over a file changed since the form was loaded is refused with what changed.
    func testSavingOverAChangedFileShowsTheConflict() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let unit = try await client.logIn("ttpv")
            let page = try await client.request(.get, "/du-lieu/2026-Q3/ttpvhcc", cookie: unit.cookie)
            var values = Client.formValues(page.body)
            // Someone edits the file by hand meanwhile.
            let original = try String(contentsOfFile: fixture.unitFile, encoding: .utf8)
            let edited = original.replacingOccurrences(of: "hs_ky_truoc: 631", with: "hs_ky_truoc: 700")
            try Data(edited.utf8).write(to: URL(fileURLWithPath: fixture.unitFile))
            values["f.hs_ky_truoc"] = "632"
            let reply = try await client.request(.post, "/du-lieu/2026-Q3/ttpvhcc", cookie: unit.cookie, form: values)
            XCTAssertEqual(reply.status, .conflict)
            XCTAssertTrue(reply.body.contains("<td>f.hs_ky_truoc</td><td>700</td><td>632</td>"), reply.body)
            XCTAssertEqual(try String(contentsOfFile: fixture.unitFile, encoding: .utf8), edited, "the hand edit is kept")
        }
    }

    /// Every state-changing form needs the session's CSRF token.
    func testAFormWithoutTheCSRFTokenIsRefused() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.unitFile))
        try await fixture.test { client in
            let unit = try await client.logIn("ttpv")
            let page = try await client.request(.get, "/du-lieu/2026-Q3/ttpvhcc", cookie: unit.cookie)
            var values = Client.formValues(page.body)
            values["f.hs_ky_truoc"] = "632"
            values["csrf"] = "gia-mao"
            let reply = try await client.request(.post, "/du-lieu/2026-Q3/ttpvhcc", cookie: unit.cookie, form: values)
            XCTAssertEqual(reply.status, .forbidden)
            XCTAssertTrue(reply.body.contains("CSRF"), reply.body)
            let officer = try await client.logIn("canbo")
            let compile = try await client.request(.post, "/bao-cao/2026-Q3/bien-soan", cookie: officer.cookie, form: ["csrf": unit.csrf])
            XCTAssertEqual(compile.status, .forbidden, "another session's token")
            let logout = try await client.request(.post, "/dang-xuat", cookie: officer.cookie, form: [:])
            XCTAssertEqual(logout.status, .forbidden)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: fixture.unitFile)), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.workspace.output.path), "nothing compiled")
    }

    // MARK: Sessions and logins

    func testASessionExpiresAndLoggingOutEndsIt() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let officer = try await client.logIn("canbo")
            let first = try await client.request(.get, "/", cookie: officer.cookie)
            XCTAssertEqual(first.status, .ok)
            fixture.clock.advance(WorkspaceDatabase.sessionLifetime + 1)
            let expired = try await client.request(.get, "/", cookie: officer.cookie)
            XCTAssertEqual(expired.status, .seeOther)
            XCTAssertEqual(expired.location, "/dang-nhap")
            let again = try await client.logIn("canbo")
            let out = try await client.request(.post, "/dang-xuat", cookie: again.cookie, form: ["csrf": again.csrf])
            XCTAssertEqual(out.status, .seeOther)
            let after = try await client.request(.get, "/", cookie: again.cookie)
            XCTAssertEqual(after.status, .seeOther, "logged out")
        }
    }

    func testFailedLoginsAreRateLimited() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            for _ in 0..<WorkspaceDatabase.failureLimit {
                let reply = try await client.request(.post, "/dang-nhap", form: ["ten": "canbo", "mat_khau": "sai-mat-khau"])
                XCTAssertEqual(reply.status, .unauthorized)
                XCTAssertTrue(reply.body.contains("Sai tên đăng nhập hoặc mật khẩu."))
            }
            let limited = try await client.request(.post, "/dang-nhap", form: ["ten": "canbo", "mat_khau": WebFixture.password])
            XCTAssertEqual(limited.status, .tooManyRequests, "even the right password, for now")
            XCTAssertNil(limited.headers[.setCookie])
            fixture.clock.advance(WorkspaceDatabase.failureWindow + 1)
            _ = try await client.logIn("canbo")
        }
    }

    // MARK: Uploads

    func testAnUploadOverTheLimitIsRefused() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let unit = try await client.logIn("ttpv")
            let body = Data(repeating: 0x41, count: WebServer.uploadLimit + 1)
            let reply = try await client.request(
                .post, "/du-lieu/2026-Q3/ttpvhcc/tai-len", cookie: unit.cookie, body: body,
                contentType: "multipart/form-data; boundary=xyz")
            XCTAssertEqual(reply.status, .contentTooLarge)
            XCTAssertTrue(reply.body.contains("lớn quá 4 MB"), reply.body)
        }
    }

    /// The blank workbook downloaded from the form, filled and uploaded, goes through the
    /// importer; a workbook with a mistake is refused with its sheet and cell.
    func testTheBlankWorkbookComesBackThroughTheImporter() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let unit = try await client.logIn("ttpv")
            let blank = try await client.request(.get, "/du-lieu/2026-Q3/ttpvhcc/bieu-mau.xlsx", cookie: unit.cookie)
            XCTAssertEqual(blank.status, .ok)
            XCTAssertEqual(blank.bytes.prefix(2), Data("PK".utf8))
            // Uploaded as it is: no figures at all is valid for the importer, but it must not be
            // a different unit's or period's form, and a non-workbook is refused.
            let page = try await client.request(.get, "/du-lieu/2026-Q3/ttpvhcc", cookie: unit.cookie)
            let digest = try XCTUnwrap(Client.value(of: "digest", in: page.body))
            let notExcel = try await client.request(
                .post, "/du-lieu/2026-Q3/ttpvhcc/tai-len", cookie: unit.cookie,
                body: Self.multipart(["csrf": unit.csrf, "digest": digest], file: ("tep", "so-lieu.csv", Data("a,b".utf8))),
                contentType: "multipart/form-data; boundary=\(Self.boundary)")
            XCTAssertEqual(notExcel.status, .unprocessableContent)
            XCTAssertTrue(notExcel.body.contains("so-lieu.csv: tệp không phải Excel Workbook (.xlsx)"), notExcel.body)
            let broken = try await client.request(
                .post, "/du-lieu/2026-Q3/ttpvhcc/tai-len", cookie: unit.cookie,
                body: Self.multipart(["csrf": unit.csrf, "digest": digest], file: ("tep", "hong.xlsx", Data("PK not a zip".utf8))),
                contentType: "multipart/form-data; boundary=\(Self.boundary)")
            XCTAssertEqual(broken.status, .unprocessableContent)
            XCTAssertTrue(broken.body.contains("hong.xlsx"), broken.body)
        }
    }

    // MARK: Reports

    /// The officer compiles a numbered version, downloads the DOCX, marks the version sent
    /// (number and date required); then the period is closed for the unit.
    func testCompileDownloadAndMarkSent() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let officer = try await client.logIn("canbo")
            let badDate = try await client.request(
                .post, "/bao-cao/2026-Q3/bien-soan", cookie: officer.cookie, form: ["csrf": officer.csrf, "so": "15", "ngay": "18/9/2026"])
            XCTAssertEqual(badDate.status, .unprocessableContent)
            XCTAssertTrue(badDate.body.contains("Ngày ký &#39;18/9/2026&#39; không hợp lệ"), badDate.body)
            let compiled = try await client.request(
                .post, "/bao-cao/2026-Q3/bien-soan", cookie: officer.cookie, form: ["csrf": officer.csrf, "so": "15", "ngay": "2026-09-18"])
            XCTAssertEqual(compiled.status, .ok, compiled.body)
            XCTAssertTrue(compiled.body.contains("Đã biên soạn báo cáo quý III năm 2026."), compiled.body)
            XCTAssertTrue(compiled.body.contains("id=\"ban-v001\""))
            let store = VersionStore(folder: fixture.workspace.output.appendingPathComponent("2026/2026-Q3").path)
            XCTAssertEqual(store.versions(), ["v001"])
            let manifest = try XCTUnwrap(store.manifest("v001"))
            XCTAssertEqual(manifest.options.number, "15")
            for output in manifest.outputs {
                let data = try Data(contentsOf: URL(fileURLWithPath: store.path("v001")).appendingPathComponent(output.file))
                XCTAssertEqual(FileDigest.sha256(data), output.sha256, output.file)
            }
            let docx = try await client.request(.get, "/bao-cao/2026-Q3/v001/tai/docx", cookie: officer.cookie)
            XCTAssertEqual(docx.status, .ok)
            XCTAssertEqual(docx.bytes.prefix(2), Data("PK".utf8))
            XCTAssertNotNil(docx.body.range(of: "word/document.xml"))
            let viewer = try await client.logIn("lanhdao")
            let preview = try await client.request(.get, "/bao-cao/2026-Q3/v001/xem", cookie: viewer.cookie)
            XCTAssertEqual(preview.status, .ok)
            XCTAssertTrue(preview.body.contains("<html"))
            let missing = try await client.request(.get, "/bao-cao/2026-Q3/v001/tai/exe", cookie: viewer.cookie)
            XCTAssertEqual(missing.status, .notFound)
            let noNumber = try await client.request(
                .post, "/bao-cao/2026-Q3/v001/da-gui", cookie: officer.cookie, form: ["csrf": officer.csrf, "ngay": "2026-09-19"])
            XCTAssertEqual(noNumber.status, .unprocessableContent)
            XCTAssertNil(store.sentMark("v001"))
            let sent = try await client.request(
                .post, "/bao-cao/2026-Q3/v001/da-gui", cookie: officer.cookie,
                form: ["csrf": officer.csrf, "so": "15", "ngay": "2026-09-19"])
            XCTAssertEqual(sent.status, .seeOther)
            XCTAssertEqual(store.sentMark("v001")?.date, "2026-09-19")
            // The period is closed for units now.
            let unit = try await client.logIn("ttpv")
            let page = try await client.request(.get, "/du-lieu/2026-Q3/ttpvhcc", cookie: unit.cookie)
            XCTAssertTrue(page.body.contains("đã có bản báo cáo được gửi đi"))
            var values = Client.formValues(page.body)
            values["f.hs_ky_truoc"] = "632"
            let refused = try await client.request(.post, "/du-lieu/2026-Q3/ttpvhcc", cookie: unit.cookie, form: values)
            XCTAssertEqual(refused.status, .forbidden)
        }
        let actions = try fixture.database.auditLog().map(\.action)
        XCTAssertTrue(actions.contains("bien-soan"))
        XCTAssertTrue(actions.contains("danh-dau-da-gui"))
    }

    // MARK: The plan

    func testAPlanWithErrorsIsNotSaved() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let officer = try await client.logIn("canbo")
            let broken = "plan:\n  title: Kế hoạch hỏng\n  year: hai nghìn\n"
            let reply = try await client.request(
                .post, "/ke-hoach", cookie: officer.cookie,
                body: Self.multipart(["csrf": officer.csrf], file: ("ke_hoach", "ke-hoach-2027.yaml", Data(broken.utf8))),
                contentType: "multipart/form-data; boundary=\(Self.boundary)")
            XCTAssertEqual(reply.status, .unprocessableContent)
            XCTAssertTrue(reply.body.contains("ke-hoach-2027.yaml:3:"), reply.body)
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: fixture.workspace.plans.appendingPathComponent("ke-hoach-2027.yaml").path))
        }
    }

    // MARK: Error pages

    func testUnknownPeriodsUnitsAndVersionsAreNotFound() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let officer = try await client.logIn("canbo")
            for path in [
                "/du-lieu/2026-Q9/ttpvhcc", "/du-lieu/2026-Q3/khong-co", "/bao-cao/quy-ba", "/bao-cao/2026-Q3/v009/xem", "/khong-co",
            ] {
                let reply = try await client.request(.get, path, cookie: officer.cookie)
                XCTAssertEqual(reply.status, .notFound, path)
            }
            let diff = try await client.request(.get, "/bao-cao/2026-Q3/so-sanh", cookie: officer.cookie)
            XCTAssertEqual(diff.status, .notFound)
            XCTAssertTrue(diff.body.contains("cần hai bản để so sánh"), diff.body)
        }
    }

    // MARK: Helpers

    static let boundary = "baocao-test-boundary"

    static func multipart(_ fields: [String: String], file: (field: String, name: String, data: Data)) -> Data {
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data(
            "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                .utf8)
        body += file.data
        body += Data("\r\n--\(Self.boundary)--\r\n".utf8)
        return body
    }
}
