import BaocaoAccounts
import Foundation
import GRDB
import XCTest

final class AccountsTests: XCTestCase {
    func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-accounts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The audit log cannot be changed or emptied, even with SQL on the file; passwords are
    /// stored only as bcrypt hashes; sessions only as digests of their tokens.
    func testTheAuditLogIsAppendOnlyAndNoSecretIsStoredInClear() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = try WorkspaceDatabase(workspace: folder, bcryptCost: 4)
        _ = try database.addAccount(name: "canbo", role: .officer, unit: nil, password: "matkhau123")
        guard case .success(let token, _) = try database.logIn(name: "canbo", password: "matkhau123", address: "a") else {
            return XCTFail("login")
        }
        try database.audit([
            AuditEntry(account: "canbo", action: "luu-so-lieu", unit: "u", period: "2026-Q3", figure: "x", oldValue: "1", newValue: "2")
        ])
        let file = (folder as NSString).appendingPathComponent(WorkspaceDatabase.fileName)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file))
        let queue = try DatabaseQueue(path: file)
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "UPDATE audit SET newValue = '3'") })
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "DELETE FROM audit") })
        XCTAssertEqual(try database.auditLog().first?.newValue, "2")
        let hash = try queue.read { try String.fetchOne($0, sql: "SELECT passwordHash FROM account") } ?? ""
        XCTAssertTrue(hash.hasPrefix("$2b$04$"), hash)
        XCTAssertFalse(hash.contains("matkhau123"))
        let stored = try queue.read { try String.fetchOne($0, sql: "SELECT tokenHash FROM session") } ?? ""
        XCTAssertNotEqual(stored, token)
        XCTAssertNotNil(try database.session(token: token))
    }

    func testAccountRulesAndANewPasswordEndsSessions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = try WorkspaceDatabase(workspace: folder, bcryptCost: 4)
        XCTAssertTrue(try database.isEmpty)
        XCTAssertThrowsError(try database.addAccount(name: "a b", role: .officer, unit: nil, password: "matkhau123"))
        XCTAssertThrowsError(try database.addAccount(name: "donvi", role: .unit, unit: nil, password: "matkhau123"))
        XCTAssertThrowsError(try database.addAccount(name: "canbo", role: .officer, unit: nil, password: "ngan"))
        _ = try database.addAccount(name: "donvi", role: .unit, unit: "ttpvhcc", password: "matkhau123")
        XCTAssertThrowsError(try database.addAccount(name: "donvi", role: .viewer, unit: nil, password: "matkhau123"), "duplicate")
        guard case .success(let token, let session) = try database.logIn(name: "donvi", password: "matkhau123", address: "a") else {
            return XCTFail("login")
        }
        XCTAssertEqual(session.account.unit, "ttpvhcc")
        try database.setPassword(name: "donvi", password: "matkhau-moi-456")
        XCTAssertNil(try database.session(token: token), "a new password ends the sessions")
        guard case .wrongPassword = try database.logIn(name: "donvi", password: "matkhau123", address: "a") else {
            return XCTFail("the old password")
        }
        try database.removeAccount(name: "donvi")
        XCTAssertEqual(try database.accounts().count, 0)
        XCTAssertThrowsError(try database.removeAccount(name: "donvi"))
        // Reopening applies no migration twice.
        _ = try WorkspaceDatabase(workspace: folder, bcryptCost: 4)
    }
}
