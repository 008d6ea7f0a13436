// Ids a plan gives its units, areas and indicators become file names (`<unit>.yaml`,
// `<unit>-<period>.xlsx`), keys of data files and cell references in forms; task numbers appear
// in the forms' list validations. They are therefore plain ASCII: nothing that a file system, a
// formula or a reader could take for something else (no "/", "..", quotes, spaces, lookalike
// Unicode letters).

/// The identifiers a plan may declare.
public enum PlanIdentifier {
    /// The longest id accepted.
    public static let maximumLength = 64

    /// An id of a unit, an area or an indicator: a lower-case ASCII letter or digit, then
    /// lower-case ASCII letters, digits, '_' or '-', at most 64 characters (`[a-z0-9][a-z0-9_-]*`).
    public static func isValid(_ id: String) -> Bool {
        check(id) { byte, first in isLowerOrDigit(byte) || (!first && (byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-"))) }
    }

    /// A task number ("II.1", "3a"): an ASCII letter or digit, then ASCII letters, digits, '.',
    /// '_' or '-', at most 64 characters (`[A-Za-z0-9][A-Za-z0-9._-]*`).
    public static func isValidTaskNumber(_ number: String) -> Bool {
        check(number) { byte, first in
            isLowerOrDigit(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (!first && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")))
        }
    }

    /// The rule of `isValid`, as messages state it.
    public static let rule =
        "chỉ gồm chữ thường không dấu a–z, chữ số 0–9, '_' và '-', bắt đầu bằng chữ hoặc số, tối đa 64 ký tự ([a-z0-9][a-z0-9_-]*)"
    /// The rule of `isValidTaskNumber`, as messages state it.
    public static let taskNumberRule =
        "chỉ gồm chữ không dấu A–Z, a–z, chữ số 0–9, '.', '_' và '-', bắt đầu bằng chữ hoặc số, tối đa 64 ký tự ([A-Za-z0-9][A-Za-z0-9._-]*)"

    private static func isLowerOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func check(_ text: String, _ allowed: (UInt8, Bool) -> Bool) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        for (index, byte) in bytes.enumerated() where !allowed(byte, index == 0) { return false }
        return true
    }
}

/// Paths built from data (ids, period codes, names found in a folder) under a root folder. Every
/// such path goes through `join`, which refuses a component that could leave the root.
public enum ContainedPath {
    /// A path that would not stay under its root.
    public struct Escape: Error, CustomStringConvertible, Equatable {
        public var root: String
        public var component: String
        public var description: String {
            "đường dẫn '\(component)' không nằm gọn trong thư mục \(root); không đọc, không ghi (the path would leave its folder)"
        }
    }

    /// `root/c1/c2/…`. Each component must be a plain name: not empty, not "." or "..", without
    /// '/', '\\' or NUL. A component may be a relative path of such names ("2026-Q1/a.yaml").
    public static func join(_ root: String, _ components: String...) throws(Escape) -> String {
        try join(root, components)
    }

    /// `join(root, components...)` for a list.
    public static func join(_ root: String, _ components: [String]) throws(Escape) -> String {
        var path = root
        for component in components {
            let names = component.split(separator: "/", omittingEmptySubsequences: false)
            for name in names {
                guard isPlainName(name) else { throw Escape(root: root, component: component) }
                path = path.isEmpty || path.hasSuffix("/") ? path + name : path + "/" + name
            }
        }
        return path
    }

    /// Whether `name` is one entry of a folder and no more.
    public static func isPlainName<S: StringProtocol>(_ name: S) -> Bool {
        !name.isEmpty && name != "." && name != ".."
            && !name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == 0 || $0 == UInt8(ascii: "\\") })
    }
}
