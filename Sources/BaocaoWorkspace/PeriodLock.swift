import Foundation

/// Serialises compiles of one period's output folder across processes: a second `baocao compile`
/// of the same period waits for the first to finish (up to `patience`), then writes its own
/// version; it never mixes its files with another's. The lock is an advisory `flock` on the
/// folder itself (no lock file is left among the officer's files), released by the kernel if the
/// holder is killed.
public struct PeriodLock {
    /// How long a compile waits for another compile of the same period.
    public static let patience: TimeInterval = 120

    private let descriptor: Int32

    /// Takes the lock of `folder` (created if missing), waiting while another compile holds it.
    public init(folder: String, patience: TimeInterval = PeriodLock.patience) throws {
        let console = Console.current
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            console.error("baocao: không ghi được vào \(folder): \(error.localizedDescription) (cannot write)")
            throw WorkspaceFailure(ExitStatus.cannotWrite)
        }
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            console.error("baocao: không ghi được vào \(folder): \(String(cString: strerror(errno))) (cannot write)")
            throw WorkspaceFailure(ExitStatus.cannotWrite)
        }
        try waitForLock(
            fd, LOCK_EX, patience: patience, poll: 50_000,
            waiting: "baocao: đang chờ một lần biên soạn khác của kỳ này ghi xong… (waiting for another compile of this period)",
            gaveUp:
                "baocao: một lần biên soạn khác của kỳ này đang ghi vào \(folder) quá lâu; hãy thử lại sau. (another compile of this period holds the folder)"
        )
        descriptor = fd
    }

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// The lock of an existing `folder` if no one holds it now, else nil (without waiting or
    /// printing anything): for work that another compile, holding the lock, does anyway.
    public static func attempt(folder: String) -> PeriodLock? {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return PeriodLock(descriptor: fd)
    }

    /// Releases the lock.
    public func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Serialises writes to one period's data folder (`<data>/<period>`) with its reads, across
/// processes: `import` and the web's saves hold it exclusively while they compare and replace
/// data files, and a compile holds it shared while it reads them, so a compile never reads a file
/// half-replaced and two writers of one unit never interleave. Several folders are always taken
/// in sorted order. An advisory `flock` on the folder itself, released by the kernel if the
/// holder is killed.
public struct DataFolderLock {
    /// How long an import, a save or a compile waits for the others.
    public static let patience: TimeInterval = 30
    /// A test seam: a shorter wait for the tests that hold the lock themselves.
    @TaskLocal public static var testPatience: TimeInterval?

    public enum Mode: Sendable {
        case shared, exclusive
    }

    private let descriptor: Int32

    /// Takes the lock of `folder` (created when taken exclusively), waiting while another
    /// process holds it in a conflicting mode.
    public init(folder: String, mode: Mode = .exclusive, patience: TimeInterval? = nil) throws {
        let console = Console.current
        let patience = patience ?? Self.testPatience ?? Self.patience
        if mode == .exclusive {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                console.error("baocao: không ghi được vào \(folder): \(error.localizedDescription) (cannot write)")
                throw WorkspaceFailure(ExitStatus.cannotWrite)
            }
        }
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            console.error("baocao: không mở được thư mục số liệu \(folder): \(String(cString: strerror(errno))) (cannot open)")
            throw WorkspaceFailure(mode == .exclusive ? ExitStatus.cannotWrite : ExitStatus.noInput)
        }
        try waitForLock(
            fd, mode == .exclusive ? LOCK_EX : LOCK_SH, patience: patience, poll: 10_000,
            waiting: "baocao: đang chờ một lệnh khác dùng thư mục số liệu \(folder) xong… (waiting for the data folder)",
            gaveUp:
                "baocao: một lệnh khác (nhập, lưu số liệu hoặc biên soạn) đang dùng thư mục số liệu \(folder) quá lâu; hãy thử lại sau. (the data folder is busy)"
        )
        descriptor = fd
    }

    /// Releases the lock.
    public func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Takes `operation` (LOCK_EX or LOCK_SH) on the open `fd`, polling every `poll` microseconds for
/// up to `patience` seconds and saying `waiting` once; on giving up (or any other error) closes
/// `fd`, says `gaveUp` and throws "cannot write".
private func waitForLock(
    _ fd: Int32, _ operation: Int32, patience: TimeInterval, poll: useconds_t, waiting: String, gaveUp: String
) throws {
    let console = Console.current
    let deadline = Date().addingTimeInterval(patience)
    var told = false
    while flock(fd, operation | LOCK_NB) != 0 {
        guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
            close(fd)
            console.error(gaveUp)
            throw WorkspaceFailure(ExitStatus.cannotWrite)
        }
        if !told {
            console.error(waiting)
            told = true
        }
        usleep(poll)
    }
}

/// A test seam for races: named points in the write and read paths call the installed hook,
/// which may run another command right there (an import in the middle of a compile) — the
/// interleaving is chosen by the test, not left to timing. Install it with
/// `RaceHooks.$current.withValue(RaceHooks { point in … }) { … }`.
public final class RaceHooks: Sendable {
    @TaskLocal public static var current: RaceHooks?

    /// The points: "compile.loaded" (plan and data read, the data folder released, nothing
    /// written), "compile.beforeRenames" (the version and top-level files written under hidden
    /// names), "import.temporariesWritten" (the new data files written under hidden names, not
    /// yet renamed).
    public let hook: @Sendable (String) -> Void

    public init(_ hook: @escaping @Sendable (String) -> Void) { self.hook = hook }

    static func reach(_ point: String) { current?.hook(point) }
}
