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
    /// How many containers are open.
    private var depth = 0
    /// Whether the innermost open container holds no item yet. The containers around it hold at
    /// least one: the one that is open.
    private var empty = false

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// The text as a file holds it: with a final newline.
    public var fileContents: Data {
        var data = Data(bytes)
        data.append(0x0A)
        return data
    }

    /// Starts an array item or the value of a key: the separator and indentation.
    private mutating func item() {
        guard depth > 0 else { return }
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        newline()
    }

    public mutating func closeObject() { close(UInt8(ascii: "}")) }
    public mutating func closeArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        // Empty: JSONEncoder leaves an empty line.
        if empty { bytes.append(0x0A) }
        depth -= 1
        empty = false
        newline()
        bytes.append(bracket)
    }

    /// A key of the open object; its value follows.
    public mutating func key(_ name: String) {
        item()
        quoted(name)
        bytes.append(0x20)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
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
        integer(value)
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
        // A whole number below 2^53 is written by Swift as its digits and ".0", which JSON
        // drops: the digits of the integer. Negative zero keeps its sign ("-0").
        if value.magnitude < 0x1p53, value.rounded(.towardZero) == value, value != 0 || value.sign == .plus {
            valueStart()
            integer(Int(value))
            return
        }
        let text = try JSONNumber.format(value)
        valueStart()
        bytes.append(contentsOf: text.utf8)
    }

    /// The digits of an integer, as `String(value)` writes them.
    private mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        // 20 digits hold any `UInt`; written from the last.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A newline and the indentation of the open containers.
    private mutating func newline() {
        let count = 1 + depth * 2
        let line = Self.lineStart
        if count <= line.utf8CodeUnitCount {
            bytes.append(contentsOf: UnsafeBufferPointer(start: line.utf8Start, count: count))
        } else {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: count - 1))
        }
    }

    /// A newline and the indentation of 31 levels, the start of a line copied whole.
    private static var lineStart: StaticString {
        "\n                                                              "
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string: quote, backslash and control characters escaped; everything else,
    /// slashes and non-ASCII included, as it is.
    private mutating func quoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape: copy them whole.
        let plain = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard !Self.needsEscape(utf8) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain != true {
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

    /// Whether UTF-8 text holds a byte that `quoted` escapes: a control character, a quote or a
    /// backslash. Eight bytes at a time: a word's bytes below 0x20, and its bytes equal to a quote
    /// or a backslash (zero after an exclusive or), set their high bit in `(x - 0x01…) & ~x`.
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var offset = 0
        while offset + 8 <= utf8.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
            let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
            let found =
                ((word &- ones &* 0x20) & ~word) | ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
            if found & highs != 0 { return true }
            offset += 8
        }
        while offset < utf8.count {
            let byte = base[offset]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            offset += 1
        }
        return false
    }
}
