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
        let deadline = Date().addingTimeInterval(patience)
        var told = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                console.error(
                    "baocao: một lần biên soạn khác của kỳ này đang ghi vào \(folder) quá lâu; hãy thử lại sau. (another compile of this period holds the folder)"
                )
                throw WorkspaceFailure(ExitStatus.cannotWrite)
            }
            if !told {
                console.error("baocao: đang chờ một lần biên soạn khác của kỳ này ghi xong… (waiting for another compile of this period)")
                told = true
            }
            usleep(50_000)
        }
        descriptor = fd
    }

    /// Releases the lock.
    public func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
