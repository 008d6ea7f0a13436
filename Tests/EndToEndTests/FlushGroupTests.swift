import Foundation
import XCTest

@testable import BaocaoCLI
@testable import BaocaoWorkspace

/// The group commit of a batch: writers that finish while a flush runs share the next one; no
/// writer returns before a flush that started after its writes has finished; a failed flush
/// fails exactly the writers it covered.
final class FlushGroupTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try Paths.temporaryFolder()
    }

    override func tearDownWithError() throws {
        for fd in opened { close(fd) }
        try? FileManager.default.removeItem(at: root)
    }

    var opened: [Int32] = []

    /// A file written in the test folder and open for reading (closed after the test).
    func openFile() throws -> (path: String, fd: Int32) {
        let path = root.appendingPathComponent("a").path
        try Data("a".utf8).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        opened.append(fd)
        return (path, fd)
    }

    /// A writer, on a thread of its own, asking `group` for a flush; what it got goes to `results`.
    func startWriter(_ group: FlushGroup, _ file: (path: String, fd: Int32), results: ResultBox, done: DispatchGroup) {
        done.enter()
        Thread {
            results.add(Result { try group.flush(file.fd, path: file.path) })
            done.leave()
        }.start()
    }

    /// A stand-in for `syncfs`: records each flush, holds the first one until released, and
    /// fails the flushes listed in `failing`.
    final class FakeFileSystem: @unchecked Sendable {
        let lock = NSLock()
        let firstStarted = DispatchSemaphore(value: 0)
        let releaseFirst = DispatchSemaphore(value: 0)
        var flushes = 0
        var failing: [Int: Int32] = [:]

        func flush(_ fd: Int32) -> Int32 {
            lock.lock()
            flushes += 1
            let number = flushes
            let error = failing[number] ?? 0
            lock.unlock()
            if number == 1 {
                firstStarted.signal()
                releaseFirst.wait()
            }
            return error
        }
    }

    func testWritersArrivingDuringAFlushShareTheNextOne() throws {
        let disk = FakeFileSystem()
        let group = FlushGroup(flushFileSystem: disk.flush)
        let file = try openFile()
        let results = ResultBox()
        let done = DispatchGroup()
        // The first writer starts a flush, which the fake holds.
        startWriter(group, file, results: results, done: done)
        XCTAssertEqual(disk.firstStarted.wait(timeout: .now() + 10), .success, "no flush started")
        // Eight more writers finish while it runs: none may return on the first flush.
        for _ in 0..<8 { startWriter(group, file, results: results, done: done) }
        // Give them time to queue behind the running flush, then let it finish.
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertEqual(results.count, 0, "a writer returned before any flush finished")
        disk.releaseFirst.signal()
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success)

        XCTAssertEqual(results.count, 9)
        XCTAssertTrue(results.all { (try? $0.get()) == true })
        // One flush for the first writer, one shared by the eight that came during it.
        XCTAssertEqual(disk.flushes, 2)
        XCTAssertEqual(group.flushCount, 2)
    }

    func testAWriterArrivingDuringAFlushWaitsForTheNextOne() throws {
        let disk = FakeFileSystem()
        let group = FlushGroup(flushFileSystem: disk.flush)
        let file = try openFile()
        let done = DispatchGroup()
        startWriter(group, file, results: ResultBox(), done: done)
        XCTAssertEqual(disk.firstStarted.wait(timeout: .now() + 10), .success, "no flush started")
        // This writer's files were written after the running flush started.
        let late = DispatchSemaphore(value: 0)
        let flushesSeen = ResultBox()
        Thread {
            _ = try? group.flush(file.fd, path: file.path)
            disk.lock.lock()
            flushesSeen.add(.success(disk.flushes == 2))
            disk.lock.unlock()
            late.signal()
        }.start()
        Thread.sleep(forTimeInterval: 0.1)
        disk.releaseFirst.signal()
        XCTAssertEqual(late.wait(timeout: .now() + 10), .success)
        XCTAssertTrue(flushesSeen.all { (try? $0.get()) == true }, "the late writer returned on the flush that began before it")
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
    }

    func testAFailedFlushFailsTheWritersItCoveredAndNoOthers() throws {
        let disk = FakeFileSystem()
        disk.failing = [1: EIO]
        disk.releaseFirst.signal()  // the first flush is not held
        let group = FlushGroup(flushFileSystem: disk.flush)
        let file = try openFile()
        XCTAssertThrowsError(try group.flush(file.fd, path: file.path)) { error in
            XCTAssertTrue("\(error)".contains(file.path), "\(error)")
            XCTAssertTrue("\(error)".contains(String(cString: strerror(EIO))), "\(error)")
        }
        XCTAssertEqual(try group.flush(file.fd, path: file.path), true, "the next flush succeeds")
    }

    func testWithoutAFileSystemFlushEachWriterFlushesItsOwnFiles() throws {
        let group = FlushGroup(flushFileSystem: { _ in ENOSYS })
        let file = try openFile()
        XCTAssertEqual(try group.flush(file.fd, path: file.path), false)
        // And Files.writeAll then falls back to fsync: the files are written whole.
        let files = (0..<3).map { (Data("tệp \($0)".utf8), root.appendingPathComponent("f\($0)").path) }
        try Files.writeAll(files, flush: .group(group))
        for (data, path) in files { XCTAssertEqual(FileManager.default.contents(atPath: path), data) }
    }

    /// The real `syncfs` on this machine's file system.
    func testTheSystemFlushWritesABatchOfFiles() throws {
        let group = FlushGroup()
        let files = (0..<5).map { (Data(repeating: UInt8($0), count: 10_000), root.appendingPathComponent("f\($0)").path) }
        try Files.writeAll(files, flush: .group(group))
        for (data, path) in files { XCTAssertEqual(FileManager.default.contents(atPath: path), data) }
        #if os(Linux)
            XCTAssertEqual(group.flushCount, 1)
        #endif
    }
}

/// Results gathered from several threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Bool, Error>] = []

    func add(_ result: Result<Bool, Error>) {
        lock.lock()
        results.append(result)
        lock.unlock()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return results.count
    }

    func all(_ predicate: (Result<Bool, Error>) -> Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return results.allSatisfy(predicate)
    }
}
