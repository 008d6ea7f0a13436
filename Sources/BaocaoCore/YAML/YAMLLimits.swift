import Yams

/// Bounds on the work a YAML file may cause, checked before and just after parsing so that a
/// hostile file (an alias "billion laughs", a bracket nested a million deep) is refused in
/// milliseconds with its location instead of hanging or crashing the process.
public enum YAMLLimits {
    /// Deepest nesting of flow brackets, and of block indentation plus "- " markers on a line.
    public static let maximumDepth = 200
    /// Nodes after expanding every alias (a plan has a few thousand; a unit's file a few hundred).
    public static let maximumExpandedNodes = 300_000
    /// Alias uses (`*name`) in one file.
    public static let maximumAliases = 10_000
    /// Bytes of text in all scalars after expanding every alias: twice the file-size limit, so
    /// that a long text aliased ten thousand times cannot fill the memory of the readers and
    /// renderers that walk it.
    public static let maximumExpandedTextBytes = 2 * YAMLSource.maximumFileSize
    /// The largest number a file may give (10^12): no figure is larger, and sums of thousands of
    /// them stay exact and printable.
    public static let maximumNumber = 1e12

    /// Scans the text without parsing it. Returns the first limit it breaks.
    static func prescan(_ text: String, displayPath: String) -> Diagnostic? {
        var line = 1
        var column = 0
        var flowDepth = 0
        var atLineStart = true
        var lineDepth = 0
        var inDouble = false
        var inSingle = false
        var inComment = false
        var previous: Unicode.Scalar = " "
        var aliases = 0
        var pendingAlias: (line: Int, column: Int)?
        var afterAlias = false
        func at(_ l: Int, _ c: Int) -> SourceLocation { SourceLocation(file: displayPath, line: l, column: c) }

        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" {
                line += 1
                column = 0
                atLineStart = true
                lineDepth = 0
                inComment = false
                inSingle = false
                pendingAlias = nil
                afterAlias = false
                previous = scalar
                continue
            }
            if inComment { continue }
            if inDouble {
                if scalar == "\"" && previous != "\\" { inDouble = false }
                previous = scalar == "\\" && previous == "\\" ? " " : scalar
                continue
            }
            if inSingle {
                if scalar == "'" { inSingle = false }
                previous = scalar
                continue
            }
            if atLineStart {
                if scalar == " " || ((scalar == "-" || scalar == "?") && (previous == " " || previous == "\n" || column == 1)) {
                    lineDepth += 1
                    if lineDepth > maximumDepth * 2 {
                        return .error(
                            at(line, column), "cấu trúc lồng nhau quá sâu (hơn \(maximumDepth) mức); tệp bị từ chối (nesting too deep)")
                    }
                    previous = scalar
                    continue
                }
                atLineStart = false
            }
            // An alias used as a mapping key would be hashed in full by the parser: refuse it.
            if let alias = pendingAlias {
                if afterAlias {
                    if scalar == ":" {
                        return .error(at(alias.line, alias.column), "không dùng alias (*…) làm khóa (an alias may not be used as a key)")
                    }
                    if scalar != " " && scalar != "\t" { pendingAlias = nil }
                } else if scalar == " " || scalar == "\t" {
                    afterAlias = true
                } else if scalar == ":" {
                    return .error(at(alias.line, alias.column), "không dùng alias (*…) làm khóa (an alias may not be used as a key)")
                } else if ",]}".unicodeScalars.contains(scalar) {
                    pendingAlias = nil
                }
            }
            switch scalar {
            case "#" where previous == " " || previous == "\t" || column == 1:
                inComment = true
            case "\"":
                inDouble = true
            case "'" where previous == " " || previous == ":" || previous == "[" || previous == "{" || previous == "," || column == 1:
                inSingle = true
            case "[", "{":
                flowDepth += 1
                if flowDepth > maximumDepth {
                    return .error(
                        at(line, column), "cấu trúc lồng nhau quá sâu (hơn \(maximumDepth) mức ngoặc); tệp bị từ chối (nesting too deep)")
                }
            case "]", "}":
                flowDepth = max(0, flowDepth - 1)
            case "*" where previous == " " || previous == "[" || previous == "{" || previous == "," || column == 1:
                aliases += 1
                if aliases > maximumAliases {
                    return .error(at(line, column), "quá nhiều alias (hơn \(maximumAliases)); tệp bị từ chối (too many aliases)")
                }
                pendingAlias = (line, column)
                afterAlias = false
            default:
                break
            }
            previous = scalar
        }
        return nil
    }

    /// Counts the nodes and the text of a composed tree as if every alias were expanded (as the
    /// readers will walk it), stopping as soon as a limit is passed, so the count itself is
    /// bounded. The limit is reported where an alias is expanded: the innermost node written in
    /// the file (not inside an alias's copy) on the way to the node that passed the limit.
    static func checkExpansion(_ root: Node, displayPath: String) -> Diagnostic? {
        var nodes = maximumExpandedNodes
        var bytes = maximumExpandedTextBytes
        // Depth-first with an explicit stack: a deep tree cannot overflow the call stack.
        // `site` is the mark of the nearest node written at its own place in the file, not
        // inside an alias's copy of an anchored node (see `children(of:)`).
        var stack: [(node: Node, site: Mark?, inCopy: Bool)] = [(root, root.mark, false)]
        while let (node, site, inCopy) = stack.popLast() {
            nodes -= 1
            if case .scalar(let s) = node { bytes -= s.string.utf8.count }
            if nodes < 0 || bytes < 0 {
                let what =
                    nodes < 0
                    ? "hơn \(VietnameseFormat.count(maximumExpandedNodes)) nút dữ liệu (tính cả các alias *… được triển khai); tệp bị từ chối (too many nodes after alias expansion)"
                    : "hơn \(maximumExpandedTextBytes / 1_048_576) MB văn bản sau khi triển khai các alias *…; tệp bị từ chối (too much text after alias expansion)"
                return .error(SourceLocation(file: displayPath, line: site?.line ?? 0, column: site?.column ?? 0), "tệp có " + what)
            }
            for (child, isCopy) in children(of: node).reversed() {
                let copy = inCopy || isCopy
                stack.append((child, copy ? site : child.mark, copy))
            }
        }
        return nil
    }

    /// The children of a mapping (keys and values) or a sequence in the order written, each
    /// with whether it is an alias's copy of an anchored node. A copy carries the mark of its
    /// anchor, written before the alias: before its key (a mapping's value), or not after the
    /// item before it, or before its sequence (an item). Keys are never copies.
    static func children(of node: Node) -> [(node: Node, isCopy: Bool)] {
        func position(_ mark: Mark?) -> (Int, Int) { (mark?.line ?? 0, mark?.column ?? 0) }
        var out: [(Node, Bool)] = []
        switch node {
        case .scalar, .alias:
            break
        case .mapping(let m):
            for (k, v) in m {
                out.append((k, false))
                out.append((v, v.mark != nil && position(v.mark) < position(k.mark)))
            }
        case .sequence(let s):
            var last = position(node.mark)
            for (index, item) in s.enumerated() {
                let here = position(item.mark)
                let isCopy = item.mark != nil && (index == 0 ? here < last : here <= last)
                out.append((item, isCopy))
                if !isCopy { last = here }
            }
        }
        return out
    }
}
