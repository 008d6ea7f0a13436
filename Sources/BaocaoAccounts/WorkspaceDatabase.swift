import Crypto
import Foundation
import GRDB
import HummingbirdBcrypt

/// What a person may do in the web workspace.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Cán bộ tổng hợp: everything.
    case officer
    /// Cán bộ đơn vị: only its own unit's data, in open periods, and its own history.
    case unit
    /// Lãnh đạo: reads the dashboard and the reports.
    case viewer

    /// The role's Vietnamese name.
    public var label: String {
        switch self {
        case .officer: return "cán bộ tổng hợp"
        case .unit: return "cán bộ đơn vị"
        case .viewer: return "lãnh đạo, chỉ xem"
        }
    }
}

/// An account of the web workspace.
public struct Account: Sendable, Equatable {
    public var id: Int64
    /// The login name.
    public var name: String
    public var role: Role
    /// For a unit account: the plan's unit id.
    public var unit: String?
}

/// A signed-in session.
public struct Session: Sendable {
    public var account: Account
    /// The token every state-changing form carries (CSRF).
    public var csrf: String
    public var expires: Date
}

/// One row of the audit log: who changed what, when, and from which value to which.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64 = 0
    /// ISO 8601, UTC.
    public var at: String = ""
    /// The account's login name ("" for the system).
    public var account: String
    /// "luu-so-lieu", "bien-soan", "danh-dau-da-gui", "tai-ke-hoach" …
    public var action: String
    public var unit: String?
    public var period: String?
    /// The figure (indicator id) or field that changed.
    public var figure: String?
    public var oldValue: String?
    public var newValue: String?

    public init(
        account: String, action: String, unit: String? = nil, period: String? = nil, figure: String? = nil, oldValue: String? = nil,
        newValue: String? = nil
    ) {
        self.account = account
        self.action = action
        self.unit = unit
        self.period = period
        self.figure = figure
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

/// A failure of an account operation, in Vietnamese.
public struct AccountError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The workspace database: accounts, sessions, failed logins and the append-only audit log,
/// in one SQLite file in the workspace (`baocao.sqlite`, beside Plans/, git-ignored), created
/// with its schema on first use. Unit data is not here: the YAML files are the record.
///
/// Schema changes are GRDB migrations, applied in order on every open (see `migrator`). To
/// change the schema, append a migration with a new name at the end of `migrator` — never edit
/// or reorder one that has shipped, since workspaces already carry it. For example the
/// approval states of issue 16 would be:
///
///     migrator.registerMigration("v2-approvals") { db in
///         try db.create(table: "approval") { t in … }
///     }
public final class WorkspaceDatabase: Sendable {
    /// The database's file name in the workspace.
    public static let fileName = "baocao.sqlite"

    /// How long a session lasts without being renewed.
    public static let sessionLifetime: TimeInterval = 8 * 3600
    /// Failed logins allowed for one name (or one address) within `failureWindow`.
    public static let failureLimit = 5
    public static let failureWindow: TimeInterval = 15 * 60

    /// The database file.
    public let path: String
    private let queue: DatabaseQueue
    /// The bcrypt cost: 12 in use; tests lower it.
    private let cost: UInt8
    /// The clock (a test seam: sessions expire, failures age).
    private let clock: @Sendable () -> Date

    /// Opens (creating it if missing) the database of the workspace at `folder`.
    public convenience init(workspace folder: String, bcryptCost: UInt8 = 12, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        try self.init(path: (folder as NSString).appendingPathComponent(Self.fileName), bcryptCost: bcryptCost, clock: clock)
    }

    public init(path: String, bcryptCost: UInt8 = 12, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.path = path
        self.cost = bcryptCost
        self.clock = clock
        var configuration = Configuration()
        // The CLI (`baocao user`) and the server may write at the same moment.
        configuration.busyMode = .timeout(10)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            throw AccountError("không mở được cơ sở dữ liệu \(path): \(error)")
        }
    }

    /// The schema, as migrations applied in order. Append new ones at the end.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-accounts-sessions-audit") { db in
            try db.execute(
                sql: """
                    CREATE TABLE account (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL UNIQUE,
                        role TEXT NOT NULL CHECK (role IN ('officer', 'unit', 'viewer')),
                        unit TEXT,
                        passwordHash TEXT NOT NULL,
                        CHECK ((role = 'unit') = (unit IS NOT NULL))
                    );
                    CREATE TABLE session (
                        tokenHash TEXT PRIMARY KEY,
                        accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                        csrf TEXT NOT NULL,
                        expires REAL NOT NULL
                    );
                    CREATE TABLE loginFailure (
                        key TEXT NOT NULL,
                        at REAL NOT NULL
                    );
                    CREATE INDEX loginFailureKey ON loginFailure(key, at);
                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at TEXT NOT NULL,
                        account TEXT NOT NULL,
                        action TEXT NOT NULL,
                        unit TEXT,
                        period TEXT,
                        figure TEXT,
                        oldValue TEXT,
                        newValue TEXT
                    );
                    CREATE TRIGGER auditNoUpdate BEFORE UPDATE ON audit
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER auditNoDelete BEFORE DELETE ON audit
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    """)
        }
        return migrator
    }

    // MARK: - Accounts

    /// Login names: letters, digits, '.', '-', '_', 2 to 64 characters.
    public static func isValidName(_ name: String) -> Bool {
        (2...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// Passwords: at least 8 characters, at most 72 bytes (what bcrypt reads).
    public static func passwordProblem(_ password: String) -> String? {
        if password.count < 8 { return "mật khẩu cần ít nhất 8 ký tự" }
        if password.utf8.count > 72 { return "mật khẩu dài quá 72 byte" }
        return nil
    }

    public func addAccount(name: String, role: Role, unit: String?, password: String, by actor: String = "") throws -> Account {
        guard Self.isValidName(name) else {
            throw AccountError("tên đăng nhập '\(name)' không hợp lệ; dùng 2–64 chữ cái không dấu, chữ số, '.', '-', '_'")
        }
        if role == .unit && (unit ?? "").isEmpty { throw AccountError("tài khoản đơn vị cần mã đơn vị (--unit)") }
        if role != .unit && unit != nil { throw AccountError("chỉ tài khoản đơn vị (unit) mới gắn với một đơn vị") }
        if let problem = Self.passwordProblem(password) { throw AccountError(problem) }
        let hash = Bcrypt.hash(password, cost: cost)
        return try write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [name]) != nil {
                throw AccountError("đã có tài khoản '\(name)'")
            }
            try db.execute(
                sql: "INSERT INTO account (name, role, unit, passwordHash) VALUES (?, ?, ?, ?)",
                arguments: [name, role.rawValue, unit, hash])
            let account = Account(id: db.lastInsertedRowID, name: name, role: role, unit: unit)
            try self.append(
                AuditEntry(account: actor, action: "them-tai-khoan", unit: unit, newValue: "\(name) (\(role.rawValue))"), db)
            return account
        }
    }

    public func accounts() throws -> [Account] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, role, unit FROM account ORDER BY name").compactMap(Self.account)
        }
    }

    public func account(named name: String) throws -> Account? {
        try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT id, name, role, unit FROM account WHERE name = ?", arguments: [name]).flatMap(Self.account)
        }
    }

    public var isEmpty: Bool {
        get throws { try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") ?? 0 } == 0 }
    }

    public func removeAccount(name: String, by actor: String = "") throws {
        try write { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [name]) != nil else {
                throw AccountError("không có tài khoản '\(name)'")
            }
            try db.execute(sql: "DELETE FROM account WHERE name = ?", arguments: [name])
            try self.append(AuditEntry(account: actor, action: "xoa-tai-khoan", oldValue: name), db)
        }
    }

    /// Sets a new password; every session of the account ends.
    public func setPassword(name: String, password: String, by actor: String = "") throws {
        if let problem = Self.passwordProblem(password) { throw AccountError(problem) }
        let hash = Bcrypt.hash(password, cost: cost)
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE name = ?", arguments: [name]) else {
                throw AccountError("không có tài khoản '\(name)'")
            }
            try db.execute(sql: "UPDATE account SET passwordHash = ? WHERE id = ?", arguments: [hash, id])
            try db.execute(sql: "DELETE FROM session WHERE accountId = ?", arguments: [id])
            try self.append(AuditEntry(account: actor, action: "doi-mat-khau", newValue: name), db)
        }
    }

    // MARK: - Logging in

    public enum LoginResult: Sendable {
        case success(token: String, session: Session)
        case wrongPassword
        /// Too many failures for this name or address: try again later.
        case rateLimited
    }

    /// Checks a name and password. Failures are counted per name and per client address; past
    /// `failureLimit` within `failureWindow`, even a right password is refused until they age.
    public func logIn(name: String, password: String, address: String) throws -> LoginResult {
        let now = clock().timeIntervalSince1970
        let keys = ["name:" + name, "address:" + address]
        let limited = try queue.read { db in
            try keys.contains { key in
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM loginFailure WHERE key = ? AND at > ?", arguments: [key, now - Self.failureWindow])
                    ?? 0 >= Self.failureLimit
            }
        }
        if limited { return .rateLimited }
        let row = try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT id, name, role, unit, passwordHash FROM account WHERE name = ?", arguments: [name])
        }
        // A missing account costs as much time as a wrong password.
        let hash: String = row?["passwordHash"] ?? "$2b$\(cost < 10 ? "0" : "")\(cost)$" + String(repeating: "a", count: 53)
        let matches = Bcrypt.verify(password, hash: hash)
        guard matches, let row, let account = Self.account(row) else {
            try write { db in
                for key in keys { try db.execute(sql: "INSERT INTO loginFailure (key, at) VALUES (?, ?)", arguments: [key, now]) }
                try db.execute(sql: "DELETE FROM loginFailure WHERE at < ?", arguments: [now - Self.failureWindow])
            }
            return .wrongPassword
        }
        let token = Self.randomToken()
        let session = Session(account: account, csrf: Self.randomToken(), expires: Date(timeIntervalSince1970: now + Self.sessionLifetime))
        try write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires < ?", arguments: [now])
            try db.execute(
                sql: "INSERT INTO session (tokenHash, accountId, csrf, expires) VALUES (?, ?, ?, ?)",
                arguments: [Self.digest(token), account.id, session.csrf, session.expires.timeIntervalSince1970])
        }
        return .success(token: token, session: session)
    }

    /// The session of a cookie's token, if it exists and has not expired.
    public func session(token: String) throws -> Session? {
        let now = clock().timeIntervalSince1970
        return try queue.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT account.id, account.name, account.role, account.unit, session.csrf, session.expires
                        FROM session JOIN account ON account.id = session.accountId
                        WHERE session.tokenHash = ? AND session.expires > ?
                        """, arguments: [Self.digest(token), now]),
                let account = Self.account(row)
            else { return nil }
            return Session(account: account, csrf: row["csrf"], expires: Date(timeIntervalSince1970: row["expires"]))
        }
    }

    public func logOut(token: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM session WHERE tokenHash = ?", arguments: [Self.digest(token)]) }
    }

    // MARK: - The audit log

    /// Appends rows to the audit log (it cannot be changed or deleted: triggers refuse).
    public func audit(_ entries: [AuditEntry]) throws {
        guard !entries.isEmpty else { return }
        try write { db in for entry in entries { try self.append(entry, db) } }
    }

    /// The latest rows, newest first; only `unit`'s when given.
    public func auditLog(unit: String? = nil, limit: Int = 200) throws -> [AuditEntry] {
        try queue.read { db in
            let rows =
                unit == nil
                ? try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit])
                : try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE unit = ? ORDER BY id DESC LIMIT ?", arguments: [unit, limit])
            return rows.map { row in
                var entry = AuditEntry(
                    account: row["account"], action: row["action"], unit: row["unit"], period: row["period"], figure: row["figure"],
                    oldValue: row["oldValue"], newValue: row["newValue"])
                entry.id = row["id"]
                entry.at = row["at"]
                return entry
            }
        }
    }

    // MARK: - Helpers

    private func append(_ entry: AuditEntry, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit (at, account, action, unit, period, figure, oldValue, newValue) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                ISO8601DateFormatter().string(from: clock()), entry.account, entry.action, entry.unit, entry.period, entry.figure,
                entry.oldValue, entry.newValue,
            ])
    }

    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch let error as AccountError {
            throw error
        } catch {
            throw AccountError("lỗi cơ sở dữ liệu \(path): \(error)")
        }
    }

    private static func account(_ row: Row) -> Account? {
        guard let role = Role(rawValue: row["role"]) else { return nil }
        return Account(id: row["id"], name: row["name"], role: role, unit: row["unit"])
    }

    /// 32 random bytes as hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Session tokens are stored only as their SHA-256.
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
