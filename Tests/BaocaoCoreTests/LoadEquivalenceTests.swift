import Foundation
import Testing
import Yams

@testable import BaocaoCore

/// The readers of plans and unit files were made cheaper: periods and thousands separators read
/// from bytes, numbers recognised by their first byte, a mapping's pairs read without a search
/// for each key. The implementations they replaced are kept here, as they were, and both must
/// answer the same.
@Suite("The cheaper readers of unit files answer exactly as the ones they replaced")
struct LoadEquivalenceTests {
    /// Texts made of what the byte reads look at: digits, dots, signs, period letters, spaces
    /// and characters that are more than one byte or that combine with the one before.
    static let pieces: [String] = [
        "0", "1", "2", "3", "9", ".", "-", "+", "Q", "q", "H", "h", "M", "9M", " ", "\t", "\n", "2026", "202", "20260", "1.234",
        "12", "123", "1234", "\u{301}", "é", "٣", "１", "e", "E", "x", "_", ",", "\u{A0}", "year",
    ]

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix(seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...5, using: &rng)
            return (0..<length).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
        }
    }

    static let periodCodes: [String] = {
        var codes: [String] = []
        for year in ["2026", "2025", "1899", "0000", "9999", "20a6", "+202"] {
            for rest in [
                "Q0", "Q1", "Q4", "Q5", "H0", "H1", "H2", "H3", "q1", "h2", "00", "01", "09", "10", "12", "13", "99", "9M", "1", "001", "Q",
                "M1", "a1", "1a",
            ] {
                codes.append("\(year)-\(rest)")
                codes.append("\(year)_\(rest)")
                codes.append(" \(year)-\(rest)")
            }
            codes.append(year)
        }
        return codes + ["", "-", "2026-", "2026-\u{301}1", "2026-Q\u{301}", "2026-0\u{301}"]
    }()

    @Test("periods: the byte read of a month, a quarter or a half gives Period.init's answer")
    func periods() {
        for code in Self.periodCodes + Self.randomTexts(count: 20_000, seed: 7) {
            #expect(DataLoader.period(code) == Period(code), "\(code.debugDescription)")
        }
    }

    @Test("thousands separators: the byte scan gives the split's answer")
    func thousands() {
        let fixed = ["1.234", "12.345.678", "1234.567", ".123", "1.23", "1.2345", "1..234", "1.234.", "0.000", "١.٢٣٤", "1.23\u{301}4", ""]
        for text in fixed + Self.randomTexts(count: 20_000, seed: 11) {
            #expect(DataLoader.hasThousandsSeparators(text) == Reference.hasThousandsSeparators(text), "\(text.debugDescription)")
        }
    }

    @Test("numbers: the first-byte check gives the first character's answer")
    func numbers() throws {
        let fixed = [
            "1", "-1", "+1", ".5", "1e3", "-\u{301}1", "1\u{301}", "٣", "１", "inf", "nan", "-inf", "1_000", "", "~", "null", "0x10", "010",
            "0",
            "-0.5", "98.70", "5.", "1.2.3", "00",
        ]
        for text in fixed + Self.randomTexts(count: 20_000, seed: 13) {
            for style in [Node.Scalar.Style.plain, .doubleQuoted] {
                let node = YNode(node: .scalar(.init(text, .implicit, style)), file: "f.yaml")
                #expect(node.numberValue == Reference.numberValue(node), "\(text.debugDescription)")
            }
        }
    }

    @Test("a mapping's keys with their values: as keys and value(_:), even for a key written twice under two tags")
    func keyedValues() throws {
        let text = """
            a: 1
            "b": 2
            !!str c: 3
            ? [list]
            : 4
            !!int 5: five
            "5": six
            d: {e: 7}
            """
        let bag = DiagnosticBag()
        let root = try #require(YAMLSource.parse(text: text, displayPath: "f.yaml", bag: bag))
        let read = try #require(root.mapping(bag, what: ""))
        let asked = try #require(root.mapping(DiagnosticBag(), what: ""))
        let pairs = read.keyedValues()
        #expect(pairs.map(\.key) == asked.keys)
        #expect(pairs.map(\.key) == ["a", "b", "c", "5", "5", "d"])
        for (key, value) in pairs {
            let expected = try #require(asked.value(key))
            #expect(value.location == expected.location && value.node == expected.node, "\(key)")
        }
        #expect(pairs[4].value.node.scalar?.string == "five")
        // Every key is known: nothing is reported as unknown.
        read.finish()
        #expect(
            bag.items.map(\.message) == ["khóa phải là chuỗi văn bản, gặp một danh sách (a list) (keys must be text)"].map { "tệp: " + $0 })
        #expect(read.keyLocation("d") == SourceLocation(file: "f.yaml", line: 8, column: 1))
    }
}

extension LoadEquivalenceTests {
    /// The nodes of a tree without aliases.
    static func nodeCount(_ node: Node) -> Int {
        switch node {
        case .scalar, .alias: return 1
        case .mapping(let m): return 1 + m.reduce(0) { $0 + nodeCount($1.key) + nodeCount($1.value) }
        case .sequence(let q): return 1 + q.reduce(0) { $0 + nodeCount($1) }
        }
    }

    @Test("a text without an alias writes fewer than four nodes a byte, so a short one is not walked for the limits")
    func denseTexts() throws {
        // The shapes that write the most nodes for their bytes: empty scalars and single-pair
        // mappings of bare indicators, one-byte scalars, nested brackets.
        let shapes: [(open: String, item: String, close: String)] = [
            ("[", ":,", ":]"), ("[", "?,", "?]"), ("[", "a,", "a]"), ("{", "a,", "a}"), ("[", "[],", "[]]"), ("[", "{},", "{}]"),
            ("", "- :\n", ""), ("", "-\n", ""), ("", "- - - -\n", ""), ("", "? \n", ""), ("", "a:\n", ""), ("[", "[:],", "[:]]"),
            ("", "- [:,:,:]\n", ""), ("", "- {:}\n", ""), ("[", "!!str ,", "!!str ]"), ("[", "'',", "'']"),
        ]
        for shape in shapes {
            for count in [1, 2, 10, 100] {
                let text = shape.open + String(repeating: shape.item, count: count) + shape.close
                guard let node = try? Yams.compose(yaml: text, .basic) else { continue }
                let nodes = Self.nodeCount(node)
                #expect(nodes < 4 * text.utf8.count, "\(text.debugDescription): \(nodes) nodes")
            }
        }
        #expect(YAMLLimits.withinLimitsUnexpanded(byteCount: YAMLLimits.maximumExpandedNodes / 4, hasAlias: false))
        #expect(!YAMLLimits.withinLimitsUnexpanded(byteCount: YAMLLimits.maximumExpandedNodes / 4 + 1, hasAlias: false))
        #expect(!YAMLLimits.withinLimitsUnexpanded(byteCount: 10, hasAlias: true))
    }
}

private enum Reference {
    static func hasThousandsSeparators(_ text: String) -> Bool {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count >= 2, (1...3).contains(groups[0].count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    static func numberValue(_ node: YNode) -> Double? {
        guard let s = node.scalar, !node.isNull, s.style == .plain else { return nil }
        let text = s.string
        guard text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
            text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"#, options: .regularExpression) != nil,
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }
}
