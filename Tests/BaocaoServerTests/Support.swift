import BaocaoAccounts
import BaocaoCore
import BaocaoServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import XCTest

/// A clock tests move forward (sessions expire, failed logins age).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0
    let start = Date(timeIntervalSince1970: 1_788_000_000)

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return start.addingTimeInterval(offset)
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        offset += seconds
        lock.unlock()
    }
}

/// A web workspace over a fresh copy of the fixture, with one account per role:
/// `canbo` (officer), `ttpv` (unit ttpvhcc), `lanhdao` (viewer); every password is `matkhau123`.
struct WebFixture {
    let workspace: FixtureWorkspace
    let database: WorkspaceDatabase
    let server: WebServer
    let clock: TestClock

    static let password = "matkhau123"

    init() throws {
        workspace = try FixtureWorkspace.copy()
        let clock = TestClock()
        self.clock = clock
        database = try WorkspaceDatabase(workspace: workspace.root.path, bcryptCost: 4, clock: { clock.now })
        _ = try database.addAccount(name: "canbo", role: .officer, unit: nil, password: Self.password)
        _ = try database.addAccount(name: "ttpv", role: .unit, unit: "ttpvhcc", password: Self.password)
        _ = try database.addAccount(name: "lanhdao", role: .viewer, unit: nil, password: Self.password)
        server = try WebServer(
            root: workspace.root.path, database: database, today: { CivilDate(year: 2026, month: 9, day: 10)! },
            formats: ["docx", "md", "html", "json"])
    }

    func remove() { workspace.remove() }

    /// Runs `body` with a client of the router (no socket).
    func test(_ body: @escaping @Sendable (Client) async throws -> Void) async throws {
        let app = Application(router: server.router())
        try await app.test(.router) { client in try await body(Client(client: client)) }
    }

    /// The unit file of ttpvhcc for 2026-Q3 in the copy.
    var unitFile: String { workspace.dataURL.appendingPathComponent("2026-Q3/ttpvhcc.yaml").path }
}

/// A test client that keeps a session cookie.
struct Client: Sendable {
    let client: any TestClientProtocol

    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var bytes: Data
        var location: String? { headers[.location] }
    }

    func request(
        _ method: HTTPRequest.Method, _ uri: String, cookie: String? = nil, form: [String: String]? = nil, body raw: Data? = nil,
        contentType: String? = nil
    ) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: Self.encode(form))
        }
        if let raw {
            headers[.contentType] = contentType ?? "application/octet-stream"
            body = ByteBuffer(bytes: raw)
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            let data = Data(buffer: response.body)
            return Reply(status: response.status, headers: response.headers, body: String(decoding: data, as: UTF8.self), bytes: data)
        }
    }

    static func encode(_ form: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return form.sorted { $0.key < $1.key }.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }

    /// A signed-in session: its cookie and CSRF token.
    struct Login {
        var cookie: String
        var csrf: String
    }

    func logIn(_ name: String, password: String = WebFixture.password) async throws -> Login {
        let reply = try await request(.post, "/dang-nhap", form: ["ten": name, "mat_khau": password])
        XCTAssertEqual(reply.status, .seeOther, reply.body)
        let setCookie = try XCTUnwrap(reply.headers[.setCookie])
        XCTAssertTrue(setCookie.contains("HttpOnly"), setCookie)
        XCTAssertTrue(setCookie.contains("SameSite=Strict"), setCookie)
        let cookie = String(setCookie.split(separator: ";")[0])
        let page = try await request(.get, "/", cookie: cookie)
        let csrf = try XCTUnwrap(Self.value(of: "csrf", in: page.body))
        return Login(cookie: cookie, csrf: csrf)
    }

    /// The value of the first input named `name` in a page.
    static func value(of name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Every text input and textarea of a form page with its value (what a browser would send).
    static func formValues(_ html: String) -> [String: String] {
        var values: [String: String] = [:]
        let inputs = html.components(separatedBy: "<input ").dropFirst()
        for input in inputs {
            guard let name = attribute("name", in: input) else { continue }
            if input.contains("type=\"file\"") { continue }
            values[name] = unescape(attribute("value", in: input) ?? "")
        }
        for part in html.components(separatedBy: "<select ").dropFirst() {
            guard let name = attribute("name", in: part), let end = part.range(of: "</select>") else { continue }
            let options = part[..<end.lowerBound].components(separatedBy: "<option ").dropFirst()
            let selected = options.first { $0.contains(" selected") }.flatMap { attribute("value", in: " " + $0) }
            values[name] = selected.map(unescape) ?? ""
        }
        for part in html.components(separatedBy: "<textarea ").dropFirst() {
            guard let name = attribute("name", in: part), let open = part.firstIndex(of: ">"),
                let close = part.range(of: "</textarea>")
            else { continue }
            values[name] = unescape(String(part[part.index(after: open)..<close.lowerBound]))
        }
        return values
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: " \(name)=\"") ?? (tag.hasPrefix("\(name)=\"") ? tag.range(of: "\(name)=\"") : nil) else {
            return nil
        }
        let rest = tag[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
