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

    /// Counts the nodes of a composed tree as if every alias were expanded (as the readers will
    /// walk it), stopping as soon as the limit is passed, so the count itself is bounded.
    static func checkExpansion(_ root: Node, displayPath: String) -> Diagnostic? {
        var budget = maximumExpandedNodes
        var exceededAt: Mark?
        // Depth-first with an explicit stack: a deep tree cannot overflow the call stack.
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            budget -= 1
            if budget < 0 {
                exceededAt = node.mark
                break
            }
            switch node {
            case .scalar, .alias:
                break
            case .mapping(let m):
                for (k, v) in m {
                    stack.append(k)
                    stack.append(v)
                }
            case .sequence(let s):
                stack.append(contentsOf: s)
            }
        }
        guard budget < 0 else { return nil }
        return .error(
            SourceLocation(file: displayPath, line: exceededAt?.line ?? 0, column: exceededAt?.column ?? 0),
            "tệp có hơn \(VietnameseFormat.count(maximumExpandedNodes)) nút dữ liệu (tính cả các alias *… được triển khai); tệp bị từ chối (too many nodes after alias expansion)"
        )
    }
}
