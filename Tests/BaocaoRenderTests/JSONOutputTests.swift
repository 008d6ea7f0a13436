import BaocaoDocument
import Foundation
import XCTest

@testable import BaocaoRender

/// `JSONOutput` must write exactly what Foundation's `JSONEncoder` writes with the options the
/// project used before it: the report's JSON and the manifests keep their bytes.
final class JSONOutputTests: XCTestCase {
    func foundation<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    func assertSame<T: Encodable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try foundation(value)
        let actual = try JSONOutput.encode(value)
        if actual != expected {
            XCTFail(
                "JSONOutput differs from JSONEncoder:\n--- JSONEncoder\n\(String(decoding: expected, as: UTF8.self))\n--- JSONOutput\n\(String(decoding: actual, as: UTF8.self))",
                file: file, line: line)
        }
    }

    func testTheSampleReportsAreEncodedAsJSONEncoderEncodesThem() throws {
        for draft in [false, true] {
            for appendices in [false, true] {
                try assertSame(SampleDocument.make(draft: draft, appendices: appendices))
            }
        }
        try assertSame(SampleDocument.make(addressees: []))
    }

    func assertRendererMatchesCodable(
        _ document: ReportDocument, _ message: String = "", file: StaticString = #filePath, line: UInt = #line
    )
        throws
    {
        let data = try JSONRenderer().render(document)
        let expected = try foundation(
            JSONRenderer.Envelope(format: JSONRenderer.formatName, version: JSONRenderer.version, document: document))
        XCTAssertEqual(
            String(decoding: data, as: UTF8.self), String(decoding: expected + Data([0x0A]), as: UTF8.self), message, file: file,
            line: line)
    }

    /// The renderer writes the model directly; its bytes must be those of the model's Codable
    /// conformance through JSONEncoder, plus a final newline.
    func testTheRendererWritesWhatCodableWrites() throws {
        for draft in [false, true] {
            for appendices in [false, true] {
                try assertRendererMatchesCodable(SampleDocument.make(draft: draft, appendices: appendices))
            }
        }
    }

    /// Random documents with every optional field present or absent, against Codable.
    func testTheRendererWritesWhatCodableWritesForRandomDocuments() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SplitMix(seed: seed)
        let words = ["Sơn La", "A & B", "\"q\"", "x\\y", "a/b", "dòng\nmới", "\t", "", "CẦN ĐIỀN", "100%", "😀"]
        func text() -> String {
            (0..<Int.random(in: 0...3, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
        }
        func maybe<T>(_ make: () -> T) -> T? { Bool.random(using: &rng) ? make() : nil }
        func number() -> Double { [0, 1, -2.5, 12, 0.1, 1e16, 98.76, 1_234_567].randomElement(using: &rng)! }
        func runs() -> [TextRun] {
            (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                TextRun(text(), bold: Bool.random(using: &rng), italic: Bool.random(using: &rng))
            }
        }
        func cells(_ n: Int) -> [Cell] {
            (0..<n).map { _ in Cell(text(), value: maybe(number), figures: Bool.random(using: &rng) ? [] : [text(), text()]) }
        }
        func block() -> Block {
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: return .heading(Heading(level: Int.random(in: 1...3, using: &rng), number: text(), text: text()))
            case 1: return .paragraph(Paragraph(runs: runs()))
            case 2: return .list((0..<Int.random(in: 0...2, using: &rng)).map { _ in Paragraph(runs: runs()) })
            case 3:
                let n = Int.random(in: 0...3, using: &rng)
                return .table(
                    Table(
                        caption: text(),
                        columns: (0..<n).map { _ in
                            Table.Column(
                                text(), unit: maybe(text), alignment: [.left, .center, .right].randomElement(using: &rng)!, width: number())
                        },
                        rows: (0..<Int.random(in: 0...3, using: &rng)).map { _ in cells(n) }, totals: maybe { cells(n) }, note: maybe(text))
                )
            default:
                return .chart(
                    Chart(
                        kind: Bool.random(using: &rng) ? .bar : .line, title: text(), categories: [text(), text()],
                        series: (0..<Int.random(in: 0...2, using: &rng)).map { _ in
                            Chart.Series(name: text(), values: [maybe(number), maybe(number)])
                        }, unit: maybe(text), reference: maybe { Chart.Reference(label: text(), value: number()) }))
            }
        }
        for round in 0..<60 {
            var document = SampleDocument.make(draft: Bool.random(using: &rng), appendices: Bool.random(using: &rng))
            document.body = (0..<Int.random(in: 0...8, using: &rng)).map { _ in block() }
            document.notices = (0..<Int.random(in: 0...2, using: &rng)).map { _ in text() }
            document.closing.signer.authority = maybe(text)
            document.metadata.properties = Dictionary(
                (0..<Int.random(in: 0...3, using: &rng)).map { _ in (text(), text()) }, uniquingKeysWith: { a, _ in a })
            document.figures = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                FigureRecord(
                    id: text(), indicator: text(), label: text(), period: "2026-Q3", unit: maybe(text), value: maybe(number), text: text(),
                    measure: maybe(text), derivation: text(),
                    sources: (0..<Int.random(in: 0...2, using: &rng)).map { _ in
                        SourceReference(
                            unit: text(), file: text(), line: Int.random(in: 1...99, using: &rng), column: 3, period: "2026-Q3",
                            value: maybe(number))
                    })
            }
            try assertRendererMatchesCodable(document, "seed \(seed), round \(round)")
        }
    }

    struct Leaves: Codable {
        var text: String
        var number: Double
        var small: Float
        var integer: Int
        var flag: Bool
        var missing: String?
        var present: Int?
        var list: [Double]
        var empty: [String]
        var nested: [[Int]]
        var map: [String: String]
        var emptyMap: [String: Int]
        var kind: Kind

        enum Kind: String, Codable { case bar, line }
    }

    /// Every control character, quotes, backslashes, slashes, non-ASCII and astral text, and
    /// numbers of every magnitude, against JSONEncoder, from a seeded generator (the seed is
    /// printed on failure).
    func testRandomValuesAreEncodedAsJSONEncoderEncodesThem() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SplitMix(seed: seed)
        let alphabet: [Unicode.Scalar] =
            (0..<0x80).compactMap(Unicode.Scalar.init) + ["é", "Đ", "ữ", "\u{2028}", "\u{FEFF}", "😀", "\u{0301}", "/", "\\", "\""]
        func text() -> String {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &rng) { s.append(alphabet.randomElement(using: &rng)!) }
            return String(s)
        }
        func double() -> Double {
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: return Double(Int.random(in: -1_000_000...1_000_000, using: &rng))
            case 1: return Double.random(in: -1...1, using: &rng)
            case 2: return Double.random(in: 0...1e6, using: &rng).rounded() / 100
            case 3: return pow(10, Double(Int.random(in: -30...30, using: &rng))) * Double.random(in: 1..<10, using: &rng)
            case 4: return [0, -0.0, 1e15, 1e16, 1e21, 5e-324, .greatestFiniteMagnitude, 0.1 + 0.2].randomElement(using: &rng)!
            default: return Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &rng) & 0x7FEF_FFFF_FFFF_FFFF)
            }
        }
        for _ in 0..<400 {
            var map: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &rng) { map[text()] = text() }
            let single = Float(double())
            let value = Leaves(
                text: text(), number: double(), small: single.isFinite ? single : 1,
                integer: Int.random(in: Int.min...Int.max, using: &rng),
                flag: Bool.random(using: &rng), missing: Bool.random(using: &rng) ? text() : nil,
                present: Bool.random(using: &rng) ? Int.random(in: -5...5, using: &rng) : nil,
                list: (0..<Int.random(in: 0...4, using: &rng)).map { _ in double() }, empty: [],
                nested: [[], [Int.random(in: 0...9, using: &rng)]], map: map, emptyMap: [:],
                kind: Bool.random(using: &rng) ? .bar : .line)
            let expected = try foundation(value)
            let actual = try JSONOutput.encode(value)
            XCTAssertEqual(
                String(decoding: actual, as: UTF8.self), String(decoding: expected, as: UTF8.self), "seed \(seed)")
            if actual != expected { return }
        }
    }

    func testNonFiniteNumbersAreRefusedAsJSONEncoderRefusesThem() {
        XCTAssertThrowsError(try JSONOutput.encode([Double.nan]))
        XCTAssertThrowsError(try JSONOutput.encode(["x": Double.infinity]))
        XCTAssertThrowsError(try foundation([Double.nan]))
    }
}

/// A small seeded generator, so that a failing case can be replayed from its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
