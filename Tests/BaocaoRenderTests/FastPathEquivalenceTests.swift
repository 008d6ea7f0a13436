import BaocaoDocument
import Foundation
import XCTest

@testable import BaocaoRender

/// The renderers write text through byte-level fast paths. Each must give exactly what the
/// straightforward code it replaced gives (kept here as the reference), on random text built
/// from the characters that matter: spaces and per cent signs, apostrophes and the other
/// characters XML escapes, line ends and tabs, combining marks next to them, Vietnamese
/// letters, no-break spaces, characters XML cannot hold.
final class FastPathEquivalenceTests: XCTestCase {
    private static let pieces: [String] = [
        "a", "B", "7", ",", ".", " ", " ", "%", "%", " %", "'", "&", "<", ">", "\"", "\n", "\r", "\r\n", "\t",
        "\u{0301}", "\u{0323}", "\u{200D}", "\u{00A0}", "ệ", "ư", "Ơ", "đ", "Ạ", "\u{0600}", "\u{0007}", "\u{FFFE}",
        "\u{FFFF}", "\u{FFFD}", "😀", "#", "(", ")",
    ]

    /// The characters Markdown escapes, and characters that join them into larger ones: a
    /// spacing mark, U+1FEF (a character equal to "`").
    private static let markdownPieces =
        pieces + ["\\", "`", "*", "_", "[", "]", "|", "~", "\u{0903}", "\u{1FEF}", "\u{1FEF}\u{0301}", "`\u{0301}", "\u{0600}*"]

    private func randomTexts(_ count: Int, from pieces: [String] = pieces) -> [String] {
        var generator = SplitMix(seed: 20_261_129)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...12, using: &generator)
            return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    // MARK: References (the code before the fast paths)

    private func referencePercent(_ text: String) -> String {
        text.replacingOccurrences(of: " %", with: "\u{00A0}%")
    }

    private func referenceEscapeHTML(_ text: String) -> String {
        XMLText.escape(text).replacingOccurrences(of: "&apos;", with: "&#39;")
    }

    private func referenceRunText(_ text: String) -> String {
        var x = ""
        var segment = ""
        for character in referencePercent(text) {
            switch character {
            case "\n", "\r", "\r\n", "\t":
                if !segment.isEmpty {
                    x += "<w:t xml:space=\"preserve\">" + XMLText.escape(segment) + "</w:t>"
                    segment = ""
                }
                x += character == "\t" ? "<w:tab/>" : "<w:br/>"
            default:
                segment.append(character)
            }
        }
        if !segment.isEmpty {
            x += "<w:t xml:space=\"preserve\">" + XMLText.escape(segment) + "</w:t>"
        }
        return x
    }

    private func referenceHTMLLines(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { referenceEscapeHTML(referencePercent(String($0))) }.joined(separator: "<br>")
    }

    private func referenceLongestWord(_ text: String, _ face: TextMetrics.Face) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { TextMetrics.twips(String($0), size: 13, face: face) }
            .max() ?? 0
    }

    private func referenceMarkdown(_ text: String, atLineStart: Bool) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~": out += "\\\(ch)"
            case "\n", "\r", "\t": out += " "
            default: out.append(ch)
            }
        }
        if atLineStart, let first = out.first, "#+-=".contains(first) { out = "\\" + out }
        if atLineStart, let dot = out.firstIndex(where: { !$0.isNumber }), dot != out.startIndex,
            out[dot] == "." || out[dot] == ")"
        {
            out.insert("\\", at: dot)
        }
        return out
    }

    // MARK: Tests

    func testMarkdownEscapingMatchesTheReference() {
        let markdown = MarkdownRenderer()
        var texts = randomTexts(20_000)
        texts += ["1. a", "12) b", "#x", "+", "-1", "=", "½. c", "١. d", "#\u{301}x", "1\u{301}. e", "a. f", ""]
        var generator = SplitMix(seed: 11)
        texts += randomTexts(20_000).map { ["1", "2.", "#", "-", "=", "+", "9)", "¾"].randomElement(using: &generator)! + $0 }
        for text in texts {
            for atLineStart in [true, false] {
                XCTAssertEqual(
                    markdown.esc(text, atLineStart: atLineStart), referenceMarkdown(text, atLineStart: atLineStart),
                    "markdown: \(text.debugDescription)")
            }
        }
    }

    /// Markdown escapes byte by byte where each byte to escape is a character of its own, and
    /// gives up (nil) where the characters must be looked at; both ways give the same text.
    func testMarkdownEscapesBytesAsItEscapesCharacters() {
        var given = 0
        for text in randomTexts(40_000, from: Self.markdownPieces) {
            guard let bytes = MarkdownRenderer.escapedBytes(text) else { continue }
            given += 1
            XCTAssertEqual(bytes, MarkdownRenderer.escapedCharacters(text), "markdown: \(text.debugDescription)")
        }
        XCTAssertGreaterThan(given, 10_000)
        XCTAssertEqual(MarkdownRenderer.escapedBytes("a*b|c\r\nd\re\n\tđ [x]"), "a\\*b\\|c\r\nd e  đ \\[x\\]")
        for joined in ["a*\u{0301}", "\u{0600}*", "ệ*", "*ệ", "`\u{1FEF}"] {
            XCTAssertNil(MarkdownRenderer.escapedBytes(joined), joined.debugDescription)
        }
    }

    /// Markdown lines are written into one string: the text is what joining them with newlines
    /// and adding one gave, without the empty lines at the end; tables without columns or cells
    /// keep their bars.
    func testMarkdownLinesAreJoinedAsTheyWere() {
        let markdown = MarkdownRenderer()
        XCTAssertEqual(markdown.text(blocks: []), "\n")
        XCTAssertEqual(markdown.text(blocks: [.paragraph(Paragraph(runs: []))]), "\n")
        XCTAssertEqual(markdown.text(blocks: [.paragraph(""), .paragraph("a"), .paragraph("")]), "\n\na\n")
        XCTAssertEqual(markdown.text(blocks: [.paragraph("a\r\n"), .paragraph("")]), "a\r\n\n")
        XCTAssertEqual(
            markdown.text(blocks: [.table(Table(caption: "", columns: [], rows: [[]], totals: []))]), "|  |\n||\n|  |\n|  |\n")
        let table = Table(
            caption: "C", columns: [Table.Column("A"), Table.Column("B", unit: "%", alignment: .right)], rows: [["x", "a|b"]],
            totals: ["", "5"], note: "n")
        XCTAssertEqual(
            markdown.text(blocks: [.table(table), .paragraph("")]),
            "**C**\n\n| A | B (%) |\n|:---|---:|\n| x | a\\|b |\n|  | **5** |\n\n*n*\n")
    }

    func testTextFastPathsMatchTheReference() {
        for text in randomTexts(40_000) {
            XCTAssertEqual(DOCXBodyWriter.keepPercentTogether(text), referencePercent(text), "percent: \(text.debugDescription)")
            XCTAssertEqual(XMLText.escapeHTML(text), referenceEscapeHTML(text), "escapeHTML: \(text.debugDescription)")
            var writer = XMLWriter(declaration: false)
            writer.escaped(text)
            XCTAssertEqual(writer.xml, XMLText.escape(text), "escaped: \(text.debugDescription)")
            var run = XMLWriter(declaration: false)
            DOCXBodyWriter.runText(text, &run)
            XCTAssertEqual(run.xml, referenceRunText(text), "run: \(text.debugDescription)")
            var lines = XMLWriter(declaration: false)
            lines.htmlLines(text)
            XCTAssertEqual(lines.xml, referenceHTMLLines(text), "lines: \(text.debugDescription)")
            for face in [TextMetrics.Face.regular, .bold, .italic] {
                XCTAssertEqual(
                    TextMetrics.twips(units: DOCXBodyWriter.longestWordUnits(text, face), size: 13), referenceLongestWord(text, face),
                    "longest word: \(text.debugDescription)")
            }
            XCTAssertEqual(TextCheck.mayHoldForbidden(text), text.unicodeScalars.contains { !XMLText.isAllowed($0) })
        }
    }

    func testLatinBasesAreFoundationsDecompositions() {
        let values = Array([0x00C0...0x024F, 0x1E00...0x1EFF].joined())
        XCTAssertEqual(TextMetrics.latinBases.count, values.count)
        for (i, value) in values.enumerated() where i < TextMetrics.latinBases.count {
            let scalar = Unicode.Scalar(UInt32(value))!
            let (base, horn) = TextMetrics.decomposition(of: scalar)
            XCTAssertEqual(TextMetrics.latinBases[i], base, "U+\(String(value, radix: 16))")
            XCTAssertEqual(TextMetrics.hasHorn(UInt32(value)), horn, "U+\(String(value, radix: 16))")
        }
    }

    func testIntegersAreWrittenAsStringWritesThem() {
        for value in [0, 1, 9, 10, 99, 100, 567, 11_906, -1, -240, Int.max, Int.min] {
            var writer = XMLWriter(declaration: false)
            writer.int(value)
            XCTAssertEqual(writer.xml, String(value))
        }
    }

    func testColumnSharesAreFormattedAsFoundationFormatsThem() {
        var generator = SplitMix(seed: 7)
        var values: [Double] = [0, 100, 50, 12.125, 12.135, 0.005, 0.015, 33.333333333333336, 66.66666666666667, 99.995]
        for _ in 0..<20_000 {
            let weights = (0..<Int.random(in: 1...9, using: &generator)).map { _ in Double(Int.random(in: 1...40, using: &generator)) / 2 }
            let total = weights.reduce(0, +)
            values += weights.map { $0 / total * 100 }
        }
        for value in values {
            XCTAssertEqual(HTMLStyle.percent(value), String(format: "%.2f", value), "\(value)")
        }
    }
}
