import BaocaoAccounts
import BaocaoCore
import BaocaoWorkspace
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore

/// The request context: Hummingbird's, with the client's address (for the login rate limit).
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let address: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        address = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    public var maxUploadSize: Int { WebServer.uploadLimit }
}

/// A refusal or failure shown as a page with its status.
struct PageError: Error {
    var status: HTTPResponse.Status
    var message: String
    var lines: [String] = []
}

/// `baocao serve`: the web face of a workspace (its Plans/, Plans/data/ and Output/), over
/// BaocaoWorkspace (the period's logic, as the CLI uses it) and BaocaoAccounts (accounts,
/// sessions, audit log). Server-rendered Vietnamese HTML; nothing depends on JavaScript.
public struct WebServer: Sendable {
    /// The largest request body accepted (uploaded workbooks and plans included).
    public static let uploadLimit = 4 * 1024 * 1024
    public static let cookieName = "baocao_phien"

    /// The workspace folder ("." for the current folder: paths then read as the CLI's do).
    public let root: String
    public let database: WorkspaceDatabase
    let templates: MustacheLibrary
    /// The date days are counted from (a test seam).
    let today: @Sendable () -> CivilDate
    /// Output formats of a compile.
    let formats: [String]

    public init(
        root: String = ".", database: WorkspaceDatabase, today: @escaping @Sendable () -> CivilDate = { PeriodStatus.systemToday() },
        formats: [String]? = nil
    ) throws {
        self.root = root
        self.database = database
        self.today = today
        self.templates = try Templates.library()
        self.formats = formats ?? (Self.hasLibreOffice() ? ["docx", "pdf", "md", "html", "json"] : ["docx", "md", "html", "json"])
    }

    static func hasLibreOffice() -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/soffice") }
    }

    // MARK: Paths

    func path(_ relative: String) -> String { root == "." ? relative : (root as NSString).appendingPathComponent(relative) }
    var outFolder: String { path("Output") }

    public func planPath() throws -> String {
        let capture = Console.capturing()
        do {
            return try Console.$current.withValue(capture) { try Workspace.resolvePlanPath(nil, workspace: root) }
        } catch {
            throw PageError(status: .internalServerError, message: "Không tìm thấy kế hoạch nào trong thư mục Plans/ của nơi chạy máy chủ.")
        }
    }

    /// The plan, loaded fresh (a plan upload replaces it).
    func loadPlan() throws -> Plan {
        let capture = Console.capturing()
        do {
            let path = try planPath()
            return try Console.$current.withValue(capture) { try Workspace.loadPlan(path).0 }
        } catch let error as PageError {
            throw error
        } catch {
            throw PageError(status: .internalServerError, message: "Kế hoạch có lỗi, chưa dùng được.", lines: Self.lines(capture))
        }
    }

    func dataFolder(_ plan: Plan) -> String {
        ((plan.file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("data")
    }

    static func lines(_ console: Console) -> [String] {
        (console.standardError + console.standardOutput).split(separator: "\n").map(String.init)
    }

    // MARK: The application

    /// The router with every page.
    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        let server = self
        func page(
            _ method: HTTPRequest.Method, _ path: RouterPath,
            _ handler: @escaping @Sendable (WebServer, Request, WebContext) async throws -> Response
        ) {
            router.on(path, method: method) { request, context in
                do {
                    return try await handler(server, request, context)
                } catch let error as PageError {
                    return server.errorPage(error, request: request)
                } catch {
                    return server.errorPage(
                        PageError(status: .internalServerError, message: "Lỗi máy chủ: \(error)"), request: request)
                }
            }
        }
        page(.get, "/dang-nhap") { s, r, c in try await s.loginPage(r, c) }
        page(.post, "/dang-nhap") { s, r, c in try await s.logIn(r, c) }
        page(.post, "/dang-xuat") { s, r, c in try await s.logOut(r, c) }
        page(.get, "/") { s, r, c in try await s.dashboard(r, c) }
        page(.get, "/du-lieu/:period/:unit") { s, r, c in try await s.dataForm(r, c) }
        page(.post, "/du-lieu/:period/:unit") { s, r, c in try await s.saveData(r, c) }
        page(.get, "/du-lieu/:period/:unit/bieu-mau.xlsx") { s, r, c in try await s.blankWorkbook(r, c) }
        page(.post, "/du-lieu/:period/:unit/tai-len") { s, r, c in try await s.uploadWorkbook(r, c) }
        page(.get, "/bao-cao/:period") { s, r, c in try await s.reports(r, c) }
        page(.post, "/bao-cao/:period/bien-soan") { s, r, c in try await s.compile(r, c) }
        page(.get, "/bao-cao/:period/so-sanh") { s, r, c in try await s.diff(r, c) }
        page(.get, "/bao-cao/:period/:version/xem") { s, r, c in try await s.preview(r, c) }
        page(.get, "/bao-cao/:period/:version/tai/:format") { s, r, c in try await s.download(r, c) }
        page(.post, "/bao-cao/:period/:version/da-gui") { s, r, c in try await s.markSent(r, c) }
        page(.get, "/ke-hoach") { s, r, c in try await s.planPage(r, c) }
        page(.post, "/ke-hoach") { s, r, c in try await s.uploadPlan(r, c) }
        page(.get, "/nhat-ky") { s, r, c in try await s.auditPage(r, c) }
        return router
    }

    /// The application listening on `host:port`.
    public func application(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "baocao"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    // MARK: Rendering

    func render(_ template: String, title: String, session: Session?, _ values: [String: Any], flash: String? = nil) -> String {
        let body = templates.render(values, withTemplate: template) ?? ""
        var layout: [String: Any] = ["title": title, "body": body]
        if let flash { layout["flash"] = flash }
        if let session {
            let role = session.account.role
            layout["session"] =
                [
                    "name": session.account.name, "roleLabel": role.label, "csrf": session.csrf, "isOfficer": role == .officer,
                    "isUnit": role == .unit, "canDashboard": role != .unit, "canAudit": role != .viewer,
                ] as [String: Any]
        }
        return templates.render(layout, withTemplate: "layout") ?? ""
    }

    func html(_ text: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
            HTTPField.Name("X-Frame-Options")!: "DENY", HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Content-Security-Policy")!: "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'",
        ]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func redirect(_ location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.location: location]
        headers.append(contentsOf: extra)
        return Response(status: .seeOther, headers: headers)
    }

    func file(_ data: Data, type: String, name: String?) -> Response {
        var headers: HTTPFields = [.contentType: type, HTTPField.Name("X-Content-Type-Options")!: "nosniff", .cacheControl: "no-store"]
        if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func errorPage(_ error: PageError, request: Request) -> Response {
        if error.status == .unauthorized { return redirect("/dang-nhap") }
        let session = try? currentSession(request)
        let titles: [HTTPResponse.Status: String] = [
            .forbidden: "Không được phép", .notFound: "Không tìm thấy", .badRequest: "Yêu cầu không hợp lệ",
            .contentTooLarge: "Tệp quá lớn", .conflict: "Xung đột", .tooManyRequests: "Tạm khóa đăng nhập",
        ]
        let title = titles[error.status] ?? "Có lỗi"
        let text = render("message", title: title, session: session, ["message": error.message, "lines": error.lines, "back": "/"])
        return html(text, status: error.status)
    }

    // MARK: Sessions and roles

    func currentSession(_ request: Request) throws -> Session? {
        guard let token = request.cookies[Self.cookieName]?.value, !token.isEmpty, token.count <= 128 else { return nil }
        return try database.session(token: token)
    }

    /// The signed-in session, or a redirect to the login page.
    func requireSession(_ request: Request) throws -> Session {
        guard let session = try currentSession(request) else { throw PageError(status: .unauthorized, message: "") }
        return session
    }

    func requireRole(_ session: Session, _ roles: Set<Role>) throws {
        guard roles.contains(session.account.role) else {
            throw PageError(
                status: .forbidden, message: "Tài khoản \(session.account.name) (\(session.account.role.label)) không được mở trang này.")
        }
    }

    /// A unit account may work only on its own unit.
    func requireUnit(_ session: Session, _ unit: String) throws {
        switch session.account.role {
        case .officer: return
        case .unit where session.account.unit == unit: return
        default:
            throw PageError(
                status: .forbidden, message: "Tài khoản \(session.account.name) không được xem hay sửa số liệu của đơn vị \(unit).")
        }
    }

    /// Reads a state-changing form and checks its CSRF token.
    func form(_ request: Request, _ session: Session?, limit: Int = WebServer.uploadLimit) async throws -> SubmittedForm {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw PageError(
                status: .contentTooLarge,
                message: "Dữ liệu gửi lên lớn quá \(limit / 1024 / 1024) MB; hãy gửi tệp nhỏ hơn.")
        }
        let form = SubmittedForm(body: Data(buffer: buffer), contentType: request.headers[.contentType])
        if let session, form["csrf"] != session.csrf {
            throw PageError(
                status: .forbidden,
                message: "Biểu mẫu đã hết hạn hoặc không gửi từ trang này (thiếu mã CSRF). Hãy mở lại trang rồi gửi lại.")
        }
        return form
    }

    func period(_ context: WebContext) throws -> Period {
        guard let code = context.parameters.get("period"), let period = Period(code), period.code == code else {
            throw PageError(status: .notFound, message: "Không có kỳ báo cáo '\(context.parameters.get("period") ?? "")'.")
        }
        return period
    }

    /// A period is open for units until a version of its report is marked sent.
    func isOpen(_ period: Period) -> Bool {
        let store = VersionStore(folder: VersionStore.folder(out: outFolder, period: period))
        return !store.versions().contains { store.sentMark($0) != nil }
    }

    // MARK: Login

    func loginPage(_ request: Request, _ context: WebContext) async throws -> Response {
        if try currentSession(request) != nil { return redirect("/") }
        return html(render("login", title: "Đăng nhập", session: nil, [:]))
    }

    func logIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await form(request, nil, limit: 64 * 1024)
        let name = (form["ten"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["mat_khau"] ?? ""
        switch try database.logIn(name: name, password: password, address: context.address) {
        case .success(let token, _):
            let cookie =
                "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Int(WorkspaceDatabase.sessionLifetime))"
            return redirect("/", headers: [.setCookie: cookie])
        case .wrongPassword:
            let page = render("login", title: "Đăng nhập", session: nil, ["error": "Sai tên đăng nhập hoặc mật khẩu.", "name": name])
            return html(page, status: .unauthorized)
        case .rateLimited:
            let page = render(
                "login", title: "Đăng nhập", session: nil,
                [
                    "error":
                        "Đăng nhập sai quá \(WorkspaceDatabase.failureLimit) lần; hãy thử lại sau \(Int(WorkspaceDatabase.failureWindow / 60)) phút.",
                    "name": name,
                ])
            return html(page, status: .tooManyRequests)
        }
    }

    func logOut(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        _ = try await form(request, session, limit: 64 * 1024)
        if let token = request.cookies[Self.cookieName]?.value { try database.logOut(token: token) }
        return redirect("/dang-nhap", headers: [.setCookie: "\(Self.cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"])
    }
}

extension SocketAddress {
    var ipAddress: String? {
        switch self {
        case .v4(let a): return a.host
        case .v6(let a): return a.host
        default: return nil
        }
    }
}
