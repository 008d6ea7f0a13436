import BaocaoDocument
import Foundation
import XCTest

@testable import BaocaoRender

/// The report's JSON is written by `PrettyJSON` straight from the model; its bytes must be
/// exactly what Foundation's `JSONEncoder` writes for the model's `Codable` conformance with the
/// options the project used before (so reports written before compare equal, and the schema and
/// goldens hold).
final class PrettyJSONTests: XCTestCase {
    func foundation<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
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
        let words = [
            "Sơn La", "A & B", "\"q\"", "x\\y", "a/b", "dòng\nmới", "\t", "", "CẦN ĐIỀN", "100%", "😀", "\u{1}\u{8}\u{C}\r\u{1F}", "\u{7F}",
        ]
        func text() -> String {
            (0..<Int.random(in: 0...3, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
        }
        func maybe<T>(_ make: () -> T) -> T? { Bool.random(using: &rng) ? make() : nil }
        func number() -> Double { [0, 1, -2.5, 12, 0.1, 1e16, 98.76, 1_234_567, 1e-7, -0.0, 0.1 + 0.2].randomElement(using: &rng)! }
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
                        rows: (0..<Int.random(in: 0...3, using: &rng)).map { _ in cells(n) }, totals: maybe { cells(n) }, note: maybe(text),
                        // Groups well formed or not (the malformed are left out of both).
                        headerGroups: (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                            Table.HeaderGroup(
                                text(), first: Int.random(in: -1...3, using: &rng), count: Int.random(in: 0...3, using: &rng))
                        }, unit: maybe(text))
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

    /// Strings with every control character, quotes, backslashes, slashes, non-ASCII and astral
    /// text; numbers of every magnitude; and objects with keys in byte order, empty containers
    /// and nesting: against JSONEncoder, from a seeded generator (the seed is printed on failure).
    func testStringsNumbersAndContainersAreWrittenAsJSONEncoderWritesThem() throws {
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
            case 4:
                return [0, -0.0, 1e15, 1e16, 1e21, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1 + 0.2].randomElement(using: &rng)!
            default: return Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &rng) & 0x7FEF_FFFF_FFFF_FFFF)
            }
        }
        for _ in 0..<300 {
            let strings = (0..<Int.random(in: 0...5, using: &rng)).map { _ in text() }
            let numbers = (0..<Int.random(in: 0...5, using: &rng)).map { _ in double() }
            var map: [String: [String]] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &rng) { map[text()] = Bool.random(using: &rng) ? [] : [text()] }
            let integer = Int.random(in: Int.min...Int.max, using: &rng)
            let flag = Bool.random(using: &rng)

            var json = PrettyJSON()
            json.beginArray()
            json.beginArray()
            for s in strings { json.string(s) }
            json.closeArray()
            json.beginArray()
            for n in numbers { try json.double(n) }
            json.closeArray()
            json.beginObject()
            for key in map.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                json.key(text: key)
                json.beginArray()
                for s in map[key]! { json.string(s) }
                json.closeArray()
            }
            json.closeObject()
            json.int(integer)
            json.bool(flag)
            json.null()
            json.closeArray()

            struct Mixed: Encodable {
                var strings: [String]
                var numbers: [Double]
                var map: [String: [String]]
                var integer: Int
                var flag: Bool
                func encode(to encoder: any Encoder) throws {
                    var c = encoder.unkeyedContainer()
                    try c.encode(strings)
                    try c.encode(numbers)
                    try c.encode(map)
                    try c.encode(integer)
                    try c.encode(flag)
                    try c.encodeNil()
                }
            }
            let expected = try foundation(Mixed(strings: strings, numbers: numbers, map: map, integer: integer, flag: flag))
            XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), String(decoding: expected, as: UTF8.self), "seed \(seed)")
            if json.bytes != [UInt8](expected) { return }
        }
    }

    /// Strings are checked for escapes eight bytes at a time: a byte to escape at every position
    /// of strings longer than a word, among ASCII and multi-byte text, against JSONEncoder.
    func testEscapesAreFoundAtEveryPositionOfLongStrings() throws {
        let specials: [Unicode.Scalar] = ["\u{0}", "\u{1F}", "\n", "\"", "\\"]
        let fillers: [Unicode.Scalar] = ["a", " ", "!", "#", "[", "]", "\u{7F}", "ữ", "😀"]
        var strings: [String] = []
        for filler in fillers {
            for length in 0..<26 {
                let plain = String(String.UnicodeScalarView(repeatElement(filler, count: length)))
                strings.append(plain)
                for position in 0..<length {
                    for special in specials {
                        var scalars = Array(plain.unicodeScalars)
                        scalars[position] = special
                        strings.append(String(String.UnicodeScalarView(scalars)))
                    }
                }
            }
        }
        var json = PrettyJSON()
        json.beginArray()
        for s in strings { json.string(s) }
        json.closeArray()
        XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), String(decoding: try foundation(strings), as: UTF8.self))
    }

    /// Whole numbers are written as integers; at and beyond 2^53, and for negative zero, Swift's
    /// text decides. Integers as `String` writes them; nesting deeper than the indentation kept
    /// ready to copy.
    func testWholeNumbersIntegersAndDeepNestingAreWrittenAsJSONEncoderWritesThem() throws {
        var numbers: [Double] = [0, -0.0, 1, -1, 9, 10, -9, -10, 99, 100, 1e15, 1e16, 0.5, -0.5, 123_456.75]
        for power in [52.0, 53, 54] {
            let p = pow(2, power)
            numbers += [p - 2, p - 1, p, p + 2, -(p - 1), -p, -(p + 2)]
        }
        var json = PrettyJSON()
        json.beginArray()
        for n in numbers { try json.double(n) }
        json.closeArray()
        XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), String(decoding: try foundation(numbers), as: UTF8.self))

        let integers = [0, 1, 9, 10, 99, 100, 567, 11_906, -1, -9, -10, -240, Int.max, Int.min, Int.max - 1, Int.min + 1]
        json = PrettyJSON()
        json.beginArray()
        for i in integers { json.int(i) }
        json.closeArray()
        XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), String(decoding: try foundation(integers), as: UTF8.self))

        // Nested arrays around an object with a key, an empty array and a number.
        struct Nested: Encodable {
            var depth: Int
            func encode(to encoder: any Encoder) throws {
                if depth == 0 {
                    var c = encoder.container(keyedBy: Key.self)
                    try c.encode([Int](), forKey: Key(stringValue: "a")!)
                    try c.encode(1, forKey: Key(stringValue: "b")!)
                } else {
                    var c = encoder.unkeyedContainer()
                    try c.encode(Nested(depth: depth - 1))
                    try c.encode(depth)
                }
            }
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init?(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
        }
        for depth in [0, 1, 30, 31, 32, 45] {
            json = PrettyJSON()
            for _ in 0..<depth { json.beginArray() }
            json.beginObject()
            json.key("a")
            json.beginArray()
            json.closeArray()
            json.field("b", 1)
            json.closeObject()
            for level in 0..<depth {
                json.int(level + 1)
                json.closeArray()
            }
            XCTAssertEqual(
                String(decoding: json.bytes, as: UTF8.self), String(decoding: try foundation(Nested(depth: depth)), as: UTF8.self),
                "depth \(depth)")
        }
    }

    /// The writer's storage grows as the text does, and a copy of a writer keeps its own text.
    func testTheTextGrowsAndCopiesKeepTheirOwn() throws {
        let strings = (0..<2_000).map { "dòng \($0) \(String(repeating: "x", count: $0 % 97))\($0 % 5 == 0 ? "\n\"" : "")" }
        var json = PrettyJSON(capacity: 1)
        json.beginArray()
        for s in strings.prefix(1_000) { json.string(s) }
        let copy = json
        for s in strings.dropFirst(1_000) { json.string(s) }
        json.closeArray()
        XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), String(decoding: try foundation(strings), as: UTF8.self))
        XCTAssertEqual(json.fileContents, try foundation(strings) + Data([0x0A]))

        var finished = copy
        finished.closeArray()
        let half = Array(strings.prefix(1_000))
        XCTAssertEqual(String(decoding: finished.bytes, as: UTF8.self), String(decoding: try foundation(half), as: UTF8.self))
    }

    func testNonFiniteNumbersAreRefusedAsJSONEncoderRefusesThem() {
        var document = SampleDocument.make()
        document.body.append(.table(Table(caption: "x", columns: [Table.Column("a")], rows: [[Cell("?", value: .nan)]])))
        XCTAssertThrowsError(try JSONRenderer().render(document))
        XCTAssertThrowsError(
            try foundation(JSONRenderer.Envelope(format: JSONRenderer.formatName, version: JSONRenderer.version, document: document)))
        var json = PrettyJSON()
        XCTAssertThrowsError(try json.double(.infinity))
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
