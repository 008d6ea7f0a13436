/// A located problem in a plan or data file, printed as compilers print theirs:
/// `path:line:column: error: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, location, message)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// A position in a file. Lines and columns count from 1; column counts Unicode scalars, as
/// libyaml does. A location with line 0 names the file as a whole.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The whole file, when no line can be named (a missing file, a directory, an empty file).
    public static func file(_ path: String) -> SourceLocation { SourceLocation(file: path, line: 0, column: 0) }

    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// Collects diagnostics while a file is read, so that every problem is reported at once.
public final class DiagnosticBag: @unchecked Sendable {
    // Only ever used from one task at a time (a loader owns its bag); the class lets nested
    // readers append without inout plumbing.
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public func error(_ location: SourceLocation, _ message: String) { items.append(.error(location, message)) }
    public func warning(_ location: SourceLocation, _ message: String) { items.append(.warning(location, message)) }
    public func append(_ d: Diagnostic) { items.append(d) }
    public func append(contentsOf ds: [Diagnostic]) { items.append(contentsOf: ds) }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Diagnostics sorted by file, line, column; duplicates removed.
    public var sorted: [Diagnostic] { Diagnostic.sortedUnique(items) }
}

extension Diagnostic {
    public static func sortedUnique(_ items: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items.filter { seen.insert($0).inserted }
            .sorted { ($0.location, $1.severity, $0.message) < ($1.location, $0.severity, $1.message) }
    }
}

/// Thrown when input cannot be used; carries every located problem found.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
