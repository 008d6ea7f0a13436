import Foundation

/// Where the workspace's messages go: the commands' output and the located errors and warnings.
/// The CLI writes them to the terminal; the server captures them per request.
/// Where the commands write. The real console writes to the standard streams; tests install a
/// capturing one with `Console.$current.withValue(…)`.
public final class Console: @unchecked Sendable {
    @TaskLocal public static var current = Console()

    private let lock = NSLock()
    private let capture: Bool
    private var out = ""
    private var err = ""

    /// A console that writes to stdout and stderr.
    public init() { capture = false }

    /// A console that keeps what is written, for tests.
    public static func capturing() -> Console { Console(capture: true) }

    private init(capture: Bool) { self.capture = capture }

    public func print(_ line: String = "") {
        write(line + "\n", toError: false)
    }

    public func error(_ line: String) {
        write(line + "\n", toError: true)
    }

    /// True when this console writes to a terminal's standard error (progress lines go there).
    public var isTerminal: Bool { !capture && isatty(STDERR_FILENO) != 0 }

    /// Writes text to standard error without a line break (progress).
    public func write(toError text: String) { write(text, toError: true) }

    private func write(_ text: String, toError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if capture {
            if toError { err += text } else { out += text }
        } else {
            let handle = toError ? FileHandle.standardError : FileHandle.standardOutput
            handle.write(Data(text.utf8))
        }
    }

    public var standardOutput: String {
        lock.lock()
        defer { lock.unlock() }
        return out
    }

    public var standardError: String {
        lock.lock()
        defer { lock.unlock() }
        return err
    }
}
