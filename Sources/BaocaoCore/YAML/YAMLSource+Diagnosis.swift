import Foundation
import Yams

// Finer diagnosis of what libyaml reports coarsely: where a mistake really is (the bracket left
// open, the second of two keys in braces, the line indented too deep), and text no report may
// hold (control characters written as escapes in quoted text).

extension YAMLSource {
    /// Whether a character may not appear in any text read from a file: the C0 controls other
    /// than tab, LF and CR, DEL, the C1 controls, and U+FFFE/U+FFFF. libyaml refuses them written
    /// raw; these are the ones written as escapes ("\a", "\x07", "\u0085") in double quotes.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// "U+0007".
    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Every key and value written in the file (alias copies are not walked again) that holds a
    /// forbidden character, at most `limit` of them.
    static func controlCharacters(in root: Node, displayPath: String, limit: Int = 20) -> [Diagnostic] {
        YAMLLimits.checkTree(root, displayPath: displayPath, findControls: true, controlLimit: limit).controls
    }

    /// The diagnostic for a double-quoted scalar holding a forbidden character, at the scalar,
    /// naming the first such character and the text before it; nil for any other scalar.
    static func controlCharacter(in s: Node.Scalar, displayPath: String) -> Diagnostic? {
        // Most texts have none: their bytes are searched first (YAMLBytes.swift).
        guard s.style == .doubleQuoted, withUTF8(s.string, hasForbidden),
            let bad = s.string.unicodeScalars.firstIndex(where: isForbidden)
        else { return nil }
        let before = String(String.UnicodeScalarView(s.string.unicodeScalars[..<bad]).suffix(30))
        let after = before.isEmpty ? "ở đầu chuỗi" : "sau “\(before)”"
        let code = codePoint(s.string.unicodeScalars[bad].value)
        return .error(
            SourceLocation(file: displayPath, line: s.mark?.line ?? 0, column: s.mark?.column ?? 0),
            "chuỗi có ký tự điều khiển \(code) \(after); hãy xóa ký tự này (control character \(code) in text)")
    }

    /// The line and column of the character at `offset`, counted in `Character`s as Yams counts
    /// the offsets of libyaml's reader errors.
    static func location(ofCharacterOffset offset: Int, in text: String, file: String) -> SourceLocation {
        let end = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars[..<end] {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// Whether the bytes are UTF-16 text with its byte-order mark (Notepad's "Unicode").
    static func isUTF16(_ data: Data) -> Bool {
        data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
    }

    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    static func indentation(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }

    /// The lines of content (not blank, not a comment) before line `number`, nearest first.
    static func contentLines(before number: Int, in all: [Substring]) -> [(number: Int, text: Substring)] {
        (0..<min(number - 1, all.count)).reversed().lazy.map { ($0 + 1, all[$0]) }.filter {
            let t = $0.1.drop { $0 == " " }
            return !t.isEmpty && !t.hasPrefix("#")
        }.map { $0 }
    }

    /// When the line of `mark` is indented deeper than the line of content above it and that
    /// line ends with a plain value, libyaml read the line as the value's continuation: the
    /// mistake is the indentation. Returns where the line's text starts, and the line above.
    static func deeperIndentation(at mark: Mark, in text: String) -> (line: Int, column: Int, above: Int)? {
        let all = lines(text)
        guard mark.line >= 2, mark.line <= all.count else { return nil }
        let indent = indentation(all[mark.line - 1])
        guard let previous = contentLines(before: mark.line, in: all).first, indent > indentation(previous.text) else { return nil }
        // The line above holds `key: value` or `- value` with a plain value.
        let content = previous.text.drop { $0 == " " }
        let value: Substring
        if let colon = content.range(of: ": ") {
            value = content[colon.upperBound...].drop { $0 == " " }
        } else if content.hasPrefix("- ") {
            value = content.dropFirst(2).drop { $0 == " " }
        } else {
            return nil
        }
        guard let first = value.first, !"\"'[{|>&*!#".contains(first) else { return nil }
        return (mark.line, indent + 1, previous.number)
    }

    /// A line of a block scalar (`template: |` and the lines under it) indented less than the
    /// block's first line: YAML ends the block there and reads the line as a key, then stops
    /// with "could not find expected ':'" or the like. Returns that line, where its text starts,
    /// the header's line and the block's indentation; nil when no block above explains the error.
    static func underIndentedBlockLine(before mark: Mark, in text: String) -> (line: Int, column: Int, header: Int, indentation: Int)? {
        let all = lines(text)
        guard mark.line >= 2 else { return nil }
        let last = min(mark.line, all.count)
        // The nearest block header above the error: "key: |", "key: >-", "- |2" …
        for headerLine in stride(from: last - 1, through: max(1, last - 400), by: -1) {
            let header = all[headerLine - 1]
            guard isBlockHeader(header) else { continue }
            let headerIndent = indentation(header)
            // The block's indentation is that of its first line that is not blank.
            guard let first = ((headerLine + 1)...last).first(where: { !all[$0 - 1].allSatisfy { $0 == " " } }), first < last
            else { return nil }
            let blockIndent = indentation(all[first - 1])
            guard blockIndent > headerIndent else { return nil }
            // The first line after it, up to the error, indented less and not a key of its own.
            for number in (first + 1)...last {
                let line = all[number - 1]
                let content = line.drop { $0 == " " }
                if content.isEmpty { continue }
                let indent = indentation(line)
                if indent >= blockIndent { continue }
                if content.hasPrefix("#") || looksLikeKey(content) || content.hasPrefix("- ") { return nil }
                return (number, indent + 1, headerLine, blockIndent)
            }
            return nil
        }
        return nil
    }

    /// "template: |", "  caption: >-", "- |2": a line that opens a block scalar.
    static func isBlockHeader(_ line: Substring) -> Bool {
        var content = Substring(line.drop { $0 == " " })
        if let hash = content.range(of: " #") { content = content[..<hash.lowerBound] }
        content = Substring(content.trimmingCharacters(in: .whitespaces))
        guard let indicator = content.lastIndex(where: { $0 == "|" || $0 == ">" }) else { return false }
        // Only chomping and indentation indicators may follow "|" or ">".
        guard content[content.index(after: indicator)...].allSatisfy({ $0 == "-" || $0 == "+" || $0.isNumber }) else { return false }
        let before = content[..<indicator]
        return before.hasSuffix(": ") || before == "- "
    }

    /// Whether a line's text reads as `key:` or `key: value`.
    static func looksLikeKey(_ content: Substring) -> Bool {
        guard let colon = content.firstIndex(of: ":") else { return false }
        let after = content[content.index(after: colon)...]
        let key = content[..<colon]
        return (after.isEmpty || after.first == " ") && !key.contains(" ") || key.hasPrefix("\"") || key.hasPrefix("'")
    }

    /// A line beginning `-text` (a list item without the space after '-'), at the line of
    /// `mark` or the lines of the same indentation just above it, which YAML read as text.
    static func missingSpaceAfterDash(before mark: Mark, in text: String) -> (line: Int, column: Int)? {
        let all = lines(text)
        guard mark.line >= 1, mark.line <= all.count else { return nil }
        func dashed(_ line: Substring) -> Bool {
            let content = line.drop { $0 == " " }
            guard content.hasPrefix("-"), let next = content.dropFirst().first else { return false }
            return next != " " && next != "-"
        }
        let indent = indentation(all[mark.line - 1])
        var found: (line: Int, column: Int)?
        for (number, line) in [(mark.line, all[mark.line - 1])] + contentLines(before: mark.line, in: all) {
            guard indentation(line) == indent else { break }
            if dashed(line) { found = (number, indent + 1) }
        }
        return found
    }

    /// The second occurrence of `key` in the flow mapping (`{…}`) whose first key is at `mark`:
    /// a key at the same bracket depth, after '{' or ',' and followed by ':'.
    static func flowDuplicate(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
        let all = lines(text)
        guard mark.line >= 1, mark.line <= all.count else { return nil }
        let opening = all[mark.line - 1].unicodeScalars.prefix(mark.column - 1).last { $0 != " " }
        guard opening == "{" || opening == "," else { return nil }
        var depth = 0
        var quote: Unicode.Scalar?
        var expectKey = false
        var skip = key.unicodeScalars.count  // the first occurrence itself
        for (index, line) in all.enumerated().dropFirst(mark.line - 1) {
            let scalars = Array(line.unicodeScalars)
            var column = index == mark.line - 1 ? mark.column - 1 : 0
            while column < scalars.count {
                let c = scalars[column]
                column += 1
                if skip > 0 {
                    skip -= 1
                    continue
                }
                if let q = quote {
                    if c == q { quote = nil }
                    continue
                }
                switch c {
                case "\"", "'": quote = c
                case "[", "{": depth += 1
                case "]", "}":
                    depth -= 1
                    if depth < 0 { return nil }
                case ",": if depth == 0 { expectKey = true }
                case " ": break
                default:
                    guard expectKey else { continue }
                    expectKey = false
                    let rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
                    for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate) {
                        if rest.dropFirst(candidate.count).drop(while: { $0 == " " }).first == ":" {
                            return (index + 1, column)
                        }
                    }
                }
            }
        }
        return nil
    }
}
