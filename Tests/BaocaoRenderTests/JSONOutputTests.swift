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

    func testTheRendererWritesTheEnvelopeWithAFinalNewline() throws {
        let document = SampleDocument.make()
        let data = try JSONRenderer().render(document)
        let expected = try foundation(
            JSONRenderer.Envelope(format: JSONRenderer.formatName, version: JSONRenderer.version, document: document))
        XCTAssertEqual(data, expected + Data([0x0A]))
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
