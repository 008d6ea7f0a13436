import BaocaoWorkspace
import Foundation
import XCTest

/// The two folder locks wait for each other as documented: the second taker says once that it is
/// waiting, and after its patience gives up with "cannot write" and the reason; a shared lock lets
/// another shared one in.
final class PeriodLockTests: XCTestCase {
    func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testASecondCompileOfThePeriodWaitsThenGivesUpWithItsReason() throws {
        let path = try folder()
        let held = try PeriodLock(folder: path)
        let console = Console.capturing()
        try Console.$current.withValue(console) {
            XCTAssertThrowsError(try PeriodLock(folder: path, patience: 0.2)) { error in
                XCTAssertEqual((error as? WorkspaceFailure)?.status, ExitStatus.cannotWrite)
            }
        }
        XCTAssertEqual(console.standardError.components(separatedBy: "đang chờ một lần biên soạn khác").count - 1, 1, console.standardError)
        XCTAssertTrue(console.standardError.contains("quá lâu; hãy thử lại sau"), console.standardError)
        XCTAssertNil(PeriodLock.attempt(folder: path), "the lock is still held")
        held.release()
        let next = try PeriodLock(folder: path, patience: 0.2)
        next.release()
    }

    func testSharedDataFolderLocksLetEachOtherInButNotAWriter() throws {
        let path = try folder()
        let reader = try DataFolderLock(folder: path, mode: .shared)
        let another = try DataFolderLock(folder: path, mode: .shared, patience: 0.2)
        let console = Console.capturing()
        try Console.$current.withValue(console) {
            XCTAssertThrowsError(try DataFolderLock(folder: path, mode: .exclusive, patience: 0.2))
        }
        XCTAssertTrue(console.standardError.contains("đang chờ một lệnh khác dùng thư mục số liệu"), console.standardError)
        reader.release()
        another.release()
        try DataFolderLock(folder: path, mode: .exclusive, patience: 0.2).release()
    }
}
