import BaocaoSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Writing files: whole, flushed, then renamed into place (see Versions.swift for the layout).

/// A test seam: counts the files written in this task and makes the n-th write fail halfway,
/// as a full disk or a killed process would. Install it with
/// `WriteFaults.$injector.withValue(WriteFaults(failingWrite: 3)) { … }`.
public final class WriteFaults: @unchecked Sendable {
    @TaskLocal public static var injector: WriteFaults?

    private let lock = NSLock()
    private let failing: Int
    private var count = 0

    public init(failingWrite n: Int) { failing = n }

    /// Whether the write now starting is the one to fail.
    func nextWriteFails() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count == failing
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }

/// How written files are brought to the disk before they are renamed into place.
public enum Flush: Sendable {
    /// `fsync` on each file: a compile on its own.
    case eachFile
    /// One flush of the whole file system, shared by the reports of a batch that are ready at
    /// the same moment (a group commit); `fsync` on each file where the system has no such
    /// flush.
    case group(FlushGroup)
}

/// File writes that either complete or leave the old state: every file is written whole and
/// flushed to disk before it is renamed into place.
public enum Files {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `data` to `path` (created or truncated) and flushes it. Not atomic on its own.
    public static func write(_ data: Data, to path: String) throws { try writeAll([(data, path)]) }

    /// Writes each file (created or truncated), then flushes them all: the disk is waited for
    /// once per group rather than once per file, which lets the system write them together.
    /// Not atomic on its own; on failure every file that was opened is closed.
    public static func writeAll(_ files: [(data: Data, path: String)], flush: Flush = .eachFile) throws {
        var opened: [(fd: Int32, path: String)] = []
        defer { for file in opened { close(file.fd) } }
        for (data, path) in files {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            opened.append((fd, path))
            var failure: Failure?
            let injected = WriteFaults.injector?.nextWriteFails() == true
            let bytes = injected ? data.prefix(data.count / 2) : data
            bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = Failure(path: path, reason: String(cString: strerror(errno)))
                        return
                    }
                    offset += n
                }
            }
            if injected { throw Failure(path: path, reason: "lỗi ghi giả lập khi kiểm thử (injected write failure)") }
            if let failure { throw failure }
        }
        if case .group(let group) = flush, let first = opened.first {
            if try group.flush(first.fd, path: first.path) { return }
        }
        for file in opened where fsync(file.fd) != 0 && errno != EINVAL {
            throw Failure(path: file.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Replaces `path` with `data` atomically: a temporary file beside it, renamed over it.
    public static func replace(_ path: String, with data: Data) throws { try replaceAll([(path, data)]) }

    /// Replaces each file atomically: all are written to temporary files beside them and
    /// flushed together, then each is renamed over its file. A failure before the renames
    /// leaves every file as it was.
    public static func replaceAll(_ files: [(path: String, data: Data)]) throws {
        let temporaries = files.map { temporaryPath(for: $0.path) }
        do {
            try writeAll(zip(files, temporaries).map { ($0.data, $1) })
            for (file, temporary) in zip(files, temporaries) { try rename(temporary, to: file.path) }
        } catch {
            for temporary in temporaries { unlink(temporary) }
            throw error
        }
    }

    /// The hidden temporary name used while replacing `path`.
    public static func temporaryPath(for path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return (folder as NSString).appendingPathComponent(".\(name).dang-ghi")
    }

    public static func rename(_ from: String, to: String) throws {
        guard systemRename(from, to) == 0 else { throw Failure(path: to, reason: String(cString: strerror(errno))) }
    }
}

/// A group commit for the reports of a batch. Each report's writer, once its files are
/// written, asks for a flush; the first to ask flushes the whole file system (`syncfs`) while
/// the others wait, and the writers that arrive during that flush share the next one. So a
/// batch waits for the disk once per group of reports instead of once per file, and every
/// file is still on the disk before it is renamed into place.
public final class FlushGroup: @unchecked Sendable {
    private let condition = NSCondition()
    /// Per file system (device): flushes started, flushes finished, whether one is running.
    private var started: [UInt64: Int] = [:]
    private var finished: [UInt64: Int] = [:]
    private var running: Set<UInt64> = []
    /// The flushes that failed, with their errno.
    private var failures: [UInt64: [Int: Int32]] = [:]
    /// Set when the system has no file-system flush: writers flush their own files.
    private var unsupported = false
    /// Flushes the file system of a descriptor; 0 or an errno.
    private let flushFileSystem: @Sendable (Int32) -> Int32

    /// `flushFileSystem` is a test seam; by default `syncfs`.
    public init(flushFileSystem: @escaping @Sendable (Int32) -> Int32 = { baocao_syncfs($0) == 0 ? 0 : errno }) {
        self.flushFileSystem = flushFileSystem
    }

    /// How many flushes have run, for every file system.
    public var flushCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return finished.values.reduce(0, +)
    }

    /// Returns once everything written to the file system of `fd` before the call is on the
    /// disk: true when done, false when the system cannot flush a whole file system (the
    /// caller flushes its files itself). Throws when the flush that covers the call failed.
    public func flush(_ fd: Int32, path: String) throws -> Bool {
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw Files.Failure(path: path, reason: String(cString: strerror(errno))) }
        let device = UInt64(status.st_dev)
        condition.lock()
        defer { condition.unlock() }
        // A flush already running may have started before this caller's writes: only one that
        // starts from now on is sure to cover them.
        let ticket = started[device, default: 0] + 1
        while finished[device, default: 0] < ticket {
            if unsupported { return false }
            if running.contains(device) {
                condition.wait()
                continue
            }
            running.insert(device)
            started[device] = ticket
            condition.unlock()
            let error = flushFileSystem(fd)
            condition.lock()
            running.remove(device)
            if error == ENOSYS {
                unsupported = true
            } else {
                finished[device] = ticket
                if error != 0 { failures[device, default: [:]][ticket] = error }
            }
            condition.broadcast()
        }
        if let error = failures[device]?[ticket] { throw Files.Failure(path: path, reason: String(cString: strerror(error))) }
        return true
    }
}
