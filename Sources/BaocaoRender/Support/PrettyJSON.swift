import Foundation

// The report's JSON and the version manifests are written straight from their models with
// `PrettyJSON`, keys given in sorted order, instead of through Foundation's `JSONEncoder`: they
// are the largest outputs of a compile (several hundred kilobytes), and the `Encoder` machinery
// (boxing every value, dynamic casts looking for dates and URLs, a dictionary per object) cost
// several times more than the writing. The bytes are JSONEncoder's with
// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`; the tests compare the two on sample,
// random and shipped documents and manifests.

/// A number as Foundation's JSON writer formats it: Swift's shortest round-trip text without a
/// final ".0" ("12", "0.1", "1e+21"). JSON has no NaN or infinity; like JSONEncoder, they throw.
enum JSONNumber {
    struct NotFinite: Error, CustomStringConvertible {
        var value: Double
        var description: String { "Unable to encode \(value) directly in JSON." }
    }

    static func format(_ value: Double) throws -> String {
        guard value.isFinite else { throw NotFinite(value: value) }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

/// Writes JSON in Foundation's pretty-printed layout: two-space indentation, `"key" : value`,
/// empty containers as the opening bracket, an empty line and the closing bracket. The caller
/// gives object keys in sorted (byte) order.
public struct PrettyJSON {
    public private(set) var bytes: [UInt8] = []
    /// How many items each open container holds so far.
    private var counts: [Int] = []

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// The text as a file holds it: with a final newline.
    public var fileContents: Data {
        var data = Data(bytes)
        data.append(0x0A)
        return data
    }

    /// Starts an array item or the value of a key: the separator and indentation.
    private mutating func item() {
        guard !counts.isEmpty else { return }
        bytes.append(contentsOf: counts[counts.count - 1] == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A])
        counts[counts.count - 1] += 1
        spaces(counts.count * 2)
    }

    public mutating func closeObject() { close(UInt8(ascii: "}")) }
    public mutating func closeArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        counts.append(0)
    }

    private mutating func close(_ bracket: UInt8) {
        let items = counts.removeLast()
        bytes.append(0x0A)
        // Empty: JSONEncoder leaves an empty line.
        if items == 0 { bytes.append(0x0A) }
        spaces(counts.count * 2)
        bytes.append(bracket)
    }

    /// A key of the open object; its value follows.
    public mutating func key(_ name: String) {
        item()
        quoted(name)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
        keyPending = true
    }

    /// Whether the next value is a key's (no separator of its own).
    private var keyPending = false

    private mutating func valueStart() {
        if keyPending {
            keyPending = false
        } else {
            item()
        }
    }

    public mutating func beginObject() {
        valueStart()
        open(UInt8(ascii: "{"))
    }

    public mutating func beginArray() {
        valueStart()
        open(UInt8(ascii: "["))
    }

    public mutating func string(_ text: String) {
        valueStart()
        quoted(text)
    }

    public mutating func bool(_ value: Bool) {
        valueStart()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        valueStart()
        bytes.append(contentsOf: "null".utf8)
    }

    public mutating func int(_ value: Int) {
        valueStart()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A key and its text. Nothing is written when the text is nil, as `encodeIfPresent` does.
    public mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    public mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    public mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A key and its number; nothing when the number is nil. NaN and infinity throw.
    public mutating func field(_ name: String, _ value: Double?) throws {
        guard let value else { return }
        key(name)
        try double(value)
    }

    /// A key and its list of texts.
    public mutating func field(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        closeArray()
    }

    /// A number as JSONEncoder writes a `Double`; NaN and infinity throw.
    public mutating func double(_ value: Double) throws {
        let text = try JSONNumber.format(value)
        valueStart()
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func spaces(_ n: Int) { bytes.append(contentsOf: repeatElement(0x20, count: n)) }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string: quote, backslash and control characters escaped; everything else,
    /// slashes and non-ASCII included, as it is.
    private mutating func quoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        let plain = text.withUTF8 { utf8 -> Bool in
            // Most strings need no escape: copy them whole.
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !plain {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0..<0x20:
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0x0F)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
