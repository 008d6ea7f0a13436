import Foundation
import PropertyBased
import Testing
import Yams

@testable import BaocaoCore

/// The scans and the walk of the YAML tree were rewritten for speed (bytes instead of scalars,
/// one walk without arrays of children). The implementations they replaced are kept here, as
/// they were, and both must answer the same on the shipped files mutated at random and on
/// random text made of the characters the scans look for.
@Suite("The fast YAML scans answer exactly as the scalar-by-scalar ones they replaced")
struct YAMLScanEquivalenceTests {
    /// Text from characters that matter to the scans, with multi-byte scalars among them.
    static let alphabet: [String] = [
        " ", " ", " ", "\n", "\r\n", "\r", "\t", "-", "?", "#", "\"", "'", "\\", ":", "[", "]", "{", "}", ",", "*", "&", "a", "x", "1",
        "é", "ệ", "Đ", "\u{300}", "\u{85}", "\u{2028}", "\u{FFFE}", "\u{1F600}", "─", "€", "\u{7}", "\u{0}", "\u{7F}", "\u{9F}",
        "Hoạt động ", "key: ", "- ", "    ", "\u{A0}", "\u{2FF}", "\u{1E00}", "\u{1EFF}", "\u{1F00}", "\u{2001}", "\u{2002}", "\u{20CF}",
        "\u{20D0}", "\u{218F}",
        "\u{2190}", "\u{22FF}", "\u{2300}", "\u{24FF}", "\u{2500}", "\u{25FF}", "\u{2600}", "\u{FFFF}", "\u{FFFD}",
    ]

    static func randomText(_ seed: Int, length: Int) -> String {
        var rng = SplitMix(UInt64(bitPattern: Int64(seed)))
        var text = ""
        for _ in 0..<length { text += alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
        return text
    }

    static func checkScans(_ text: String) {
        let file = "f.yaml"
        #expect(YAMLLimits.prescan(text, displayPath: file) == Reference.prescan(text, displayPath: file), "\(text.debugDescription)")
        #expect(YAMLSource.isCertainlyNFC(text) == Reference.isCertainlyNFC(text), "\(text.debugDescription)")
        let tab = YAMLSource.firstIndentationTab(in: text)
        let expected = Reference.firstIndentationTab(in: text)
        #expect(tab?.line == expected?.line && tab?.column == expected?.column, "\(text.debugDescription)")
        #expect(
            YAMLSource.withUTF8(text) { YAMLSource.contains(UInt8(ascii: "\\"), in: $0) } == text.utf8.contains(UInt8(ascii: "\\")))
    }

    static func checkTree(_ text: String) {
        guard let node = try? Yams.compose(yaml: text, .basic) else { return }
        let file = "f.yaml"
        #expect(YAMLLimits.checkExpansion(node, displayPath: file) == Reference.checkExpansion(node, displayPath: file))
        #expect(YAMLSource.controlCharacters(in: node, displayPath: file) == Reference.controlCharacters(in: node, displayPath: file))
        let both = YAMLLimits.checkTree(node, displayPath: file, findControls: true)
        #expect(both.limit == Reference.checkExpansion(node, displayPath: file))
        if both.limit == nil {
            #expect(both.controls == Reference.controlCharacters(in: node, displayPath: file))
        }
    }

    @Test("random text of the characters the scans look for")
    func randomTexts() async {
        await propertyCheck(count: 3000, input: Gen.int(), Gen.int(in: 0...400)) { seed, length in
            let text = Self.randomText(seed, length: length)
            Self.checkScans(text)
            Self.checkTree(text)
        }
    }

    @Test("limits passed after random text: the same limit, line and column")
    func limitsAfterRandomText() async {
        let tails = [
            String(repeating: "[", count: 201), "é: " + String(repeating: "{a: ", count: 201), String(repeating: " ", count: 401) + "x",
            String(repeating: "- ", count: 201) + "x", Array(repeating: "*a", count: 10_001).joined(separator: ", "), "*ạ : x", "[*a: x]",
        ]
        await propertyCheck(count: 500, input: Gen.int(), Gen.int(in: 0...60), Gen.int(in: 0...(tails.count - 1))) { seed, length, tail in
            let text = Self.randomText(seed, length: length) + tails[tail]
            Self.checkScans(text)
        }
    }

    @Test("the byte search before the placeholder search never rules out a text that holds it")
    func placeholderPrefilter() async {
        let pieces = [
            "CẦN ĐIỀN", "CẦN ĐIỀN".decomposedStringWithCanonicalMapping, "N Đ", "N", " ", "Đ", "C", "Ầ", "\u{301}", "x", "ĐIỀN", "CẦN",
        ]
        await propertyCheck(count: 2000, input: Gen.int(), Gen.int(in: 0...12)) { seed, length in
            var rng = SplitMix(UInt64(bitPattern: Int64(seed)))
            var text = ""
            for _ in 0..<length {
                text +=
                    Int.random(in: 0..<3, using: &rng) == 0
                    ? pieces[Int.random(in: 0..<pieces.count, using: &rng)] : Self.randomText(seed &+ text.count, length: 1)
            }
            if text.contains(PlanLoader.placeholder) {
                #expect(PlanReader.mayHoldPlaceholder(text), "\(text.debugDescription)")
            }
        }
        #expect(PlanReader.mayHoldPlaceholder("Quyết định số CẦN ĐIỀN"))
        #expect(!PlanReader.mayHoldPlaceholder("Quyết định số 12/QĐ-UBND"))
        #expect(!PlanReader.mayHoldPlaceholder(""))
    }

    @Test("the shipped plan and unit files, mutated")
    func mutatedFiles() async throws {
        let shipped = try MutationPropertyTests.shipped.get()
        let files = shipped.data.map(\.bytes) + [shipped.plan]
        await propertyCheck(count: 400, input: Gen.int(in: 0...(files.count - 1)), Gen.int().array(of: 1...6)) { index, seeds in
            let bytes = MutationPropertyTests.mutate(files[index], seeds: seeds)
            guard let text = String(bytes: bytes, encoding: .utf8) else { return }
            Self.checkScans(text)
            Self.checkTree(text)
        }
    }

    @Test("the tree checks on the hostile shapes: alias copies, limits passed, control characters")
    func hostileTrees() {
        let tens = Array(repeating: "xxxxxxxxxx", count: 90).joined(separator: ",")
        var bomb = "a0: &a0 [\(tens)]\n"
        for level in 1..<6 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",")
            bomb += "a\(level): &a\(level) [\(aliases)]\n"
        }
        let long =
            "t: &t \"\(String(repeating: "y", count: 5000))\"\nl: &l [\(Array(repeating: "*t", count: 900).joined(separator: ","))]\n"
            + "m: [\(Array(repeating: "*l", count: 9).joined(separator: ","))]\n"
        let texts: [String] = [
            "a: &a \"x\\ay\"\nb: *a\nc: [*a, \"\\x07\", &b {k: \"\\u0085\"}, *b]\nd: [*b, *b]\n",
            "a: &a [\"\\a\", \"\\b\"]\nb: [*a, *a, *a]\n\"\\e\": *a\n",
            "- &x [a, b]\n- *x\n- [*x, *x]\n- &y \"\\uFFFE\"\n- *y\n",
            (0..<30).map { "k\($0): \"\\a\($0)\"" }.joined(separator: "\n"),
            bomb,
            long,
        ]
        for text in texts {
            Self.checkScans(text)
            Self.checkTree(text)
        }
    }
}

/// The implementations replaced, as they were (YAMLLimits.swift, YAMLSource.swift and
/// YAMLSource+Diagnosis.swift before the byte scans and the single walk).
private enum Reference {
    static func isCertainlyNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { s in
            switch s.value {
            case 0..<0x0300, 0x1E00...0x1EFF, 0x2002...0x20CF, 0x2190...0x22FF, 0x2500...0x25FF: return true
            default: return false
            }
        }
    }

    static func firstIndentationTab(in text: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 0
        var inIndentation = true
        for byte in text.utf8 {
            if byte == 0x0A {
                line += 1
                column = 0
                inIndentation = true
                continue
            }
            if byte == 0x0D { continue }
            guard inIndentation else { continue }
            column += 1
            if byte == 0x09 { return (line, column) }
            if byte != 0x20 { inIndentation = false }
        }
        return nil
    }

    /// Every key and value written in the file (alias copies are not walked again) that holds a
    /// forbidden character, at most `limit` of them.
    static func controlCharacters(in root: Node, displayPath: String, limit: Int = 20) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var stack: [Node] = [root]
        while let node = stack.popLast(), found.count < limit {
            switch node {
            case .scalar(let s):
                guard s.style == .doubleQuoted, let bad = s.string.unicodeScalars.firstIndex(where: YAMLSource.isForbidden) else {
                    continue
                }
                let before = String(String.UnicodeScalarView(s.string.unicodeScalars[..<bad]).suffix(30))
                let after = before.isEmpty ? "ở đầu chuỗi" : "sau “\(before)”"
                let code = YAMLSource.codePoint(s.string.unicodeScalars[bad].value)
                found.append(
                    .error(
                        BaocaoCore.SourceLocation(file: displayPath, line: s.mark?.line ?? 0, column: s.mark?.column ?? 0),
                        "chuỗi có ký tự điều khiển \(code) \(after); hãy xóa ký tự này (control character \(code) in text)"))
            case .alias:
                continue
            case .mapping, .sequence:
                stack += children(of: node).reversed().filter { !$0.isCopy }.map(\.node)
            }
        }
        return found
    }

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
        func at(_ l: Int, _ c: Int) -> BaocaoCore.SourceLocation { BaocaoCore.SourceLocation(file: displayPath, line: l, column: c) }

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
                    if lineDepth > YAMLLimits.maximumDepth * 2 {
                        return .error(
                            at(line, column),
                            "cấu trúc lồng nhau quá sâu (hơn \(YAMLLimits.maximumDepth) mức); tệp bị từ chối (nesting too deep)")
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
                if flowDepth > YAMLLimits.maximumDepth {
                    return .error(
                        at(line, column),
                        "cấu trúc lồng nhau quá sâu (hơn \(YAMLLimits.maximumDepth) mức ngoặc); tệp bị từ chối (nesting too deep)")
                }
            case "]", "}":
                flowDepth = max(0, flowDepth - 1)
            case "*" where previous == " " || previous == "[" || previous == "{" || previous == "," || column == 1:
                aliases += 1
                if aliases > YAMLLimits.maximumAliases {
                    return .error(at(line, column), "quá nhiều alias (hơn \(YAMLLimits.maximumAliases)); tệp bị từ chối (too many aliases)")
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
        var nodes = YAMLLimits.maximumExpandedNodes
        var bytes = YAMLLimits.maximumExpandedTextBytes
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
                    ? "hơn \(VietnameseFormat.count(YAMLLimits.maximumExpandedNodes)) nút dữ liệu (tính cả các alias *… được triển khai); tệp bị từ chối (too many nodes after alias expansion)"
                    : "hơn \(YAMLLimits.maximumExpandedTextBytes / 1_048_576) MB văn bản sau khi triển khai các alias *…; tệp bị từ chối (too much text after alias expansion)"
                return .error(
                    BaocaoCore.SourceLocation(file: displayPath, line: site?.line ?? 0, column: site?.column ?? 0), "tệp có " + what)
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
