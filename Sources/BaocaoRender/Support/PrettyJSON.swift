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
///
/// The text is written through a pointer into the unused end of its storage, each piece
/// (separator and indentation, a key with its quotes and colon, a value) after one check for
/// room: appending to an array byte by byte or from a buffer cost several times more than the
/// bytes themselves.
public struct PrettyJSON {
    /// The text's bytes, the first `count`, and room for more. A larger one replaces it when it
    /// is full, and a copy when it is shared with a copy of the writer.
    private final class Storage {
        let start: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            start = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        deinit { start.deallocate() }
    }

    private var storage: Storage
    private var count = 0
    /// How many containers are open.
    private var depth = 0
    /// Whether the innermost open container holds no item yet. The containers around it hold at
    /// least one: the one that is open.
    private var empty = false
    /// Whether the next value is a key's (no separator of its own).
    private var keyPending = false

    public init(capacity: Int = 1 << 16) { storage = Storage(capacity: max(capacity, 64)) }

    /// The text written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage.start, count: count)) }

    /// The text as a file holds it: with a final newline.
    public var fileContents: Data {
        var data = Data(capacity: count + 1)
        data.append(storage.start, count: count)
        data.append(0x0A)
        return data
    }

    /// Writes at the end of the text with `body`, which is given room for `maximum` bytes and
    /// returns how many it wrote.
    @inline(__always)
    private mutating func write(maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if storage.capacity - count < maximum || !isKnownUniquelyReferenced(&storage) { reallocate(minimum: count + maximum) }
        count += body(storage.start + count)
    }

    private mutating func reallocate(minimum: Int) {
        let larger = Storage(capacity: max(minimum, 2 * storage.capacity))
        larger.start.initialize(from: storage.start, count: count)
        storage = larger
    }

    /// Room `spaces(_:at:)` needs after the spaces it writes.
    private static let spacesSlack = 8

    /// Writes `n` spaces at `target`, eight at a time: up to seven bytes after them are
    /// overwritten too, so the caller asks for `spacesSlack` more bytes of room and writes what
    /// follows the spaces after them.
    @inline(__always)
    private static func spaces(_ n: Int, at target: UnsafeMutablePointer<UInt8>) {
        var offset = 0
        while offset < n {
            UnsafeMutableRawPointer(target + offset).storeBytes(of: 0x2020_2020_2020_2020, as: UInt64.self)
            offset += 8
        }
    }

    /// Starts an array item or the value of a key: the separator and indentation.
    private mutating func item() {
        guard depth > 0 else { return }
        let comma = !empty
        empty = false
        let indent = depth * 2
        write(maximum: indent + 2 + Self.spacesSlack) { Self.separator(comma: comma, indent: indent, at: $0) }
    }

    /// Writes what comes before an item — a comma unless it is the first, a line break, the
    /// indentation — at `target`, and returns its length. The caller's room includes
    /// `spacesSlack`.
    @inline(__always)
    private static func separator(comma: Bool, indent: Int, at target: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        if comma {
            target[n] = UInt8(ascii: ",")
            n += 1
        }
        target[n] = 0x0A
        n += 1
        spaces(indent, at: target + n)
        return n + indent
    }

    public mutating func closeObject() { close(UInt8(ascii: "}")) }
    public mutating func closeArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        write(maximum: 1) { target in
            target[0] = bracket
            return 1
        }
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        let items = !empty
        depth -= 1
        empty = false
        let indent = depth * 2
        write(maximum: indent + 3 + Self.spacesSlack) { target in
            target[0] = 0x0A
            var n = 1
            // Empty: JSONEncoder leaves an empty line.
            if !items {
                target[n] = 0x0A
                n += 1
            }
            Self.spaces(indent, at: target + n)
            n += indent
            target[n] = bracket
            return n + 1
        }
    }

    /// A key of the open object, written as it is: a name that needs no escape, as the literal
    /// names of the model's fields. Its value follows.
    public mutating func key(_ name: StaticString) {
        name.withUTF8Buffer { name in
            assert(!Self.needsEscape(name), "a key written as it is needs no escape")
            writeKey(name)
        }
    }

    /// A key of the open object, escaped as a JSON string: a name from data. Its value follows.
    public mutating func key(text name: String) {
        item()
        quoted(name)
        write(" : ")
        keyPending = true
    }

    /// The separator, the indentation, the quoted name and the colon, in one piece.
    private mutating func writeKey(_ name: UnsafeBufferPointer<UInt8>) {
        let comma = !empty
        empty = false
        let indent = depth * 2
        write(maximum: indent + name.count + 7 + Self.spacesSlack) { target in
            var n = Self.separator(comma: comma, indent: indent, at: target)
            target[n] = UInt8(ascii: "\"")
            n += 1
            if let source = name.baseAddress { (target + n).update(from: source, count: name.count) }
            n += name.count
            target[n] = UInt8(ascii: "\"")
            target[n + 1] = 0x20
            target[n + 2] = UInt8(ascii: ":")
            target[n + 3] = 0x20
            return n + 4
        }
        keyPending = true
    }

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
        write(value ? "true" : "false")
    }

    public mutating func null() {
        valueStart()
        write("null")
    }

    public mutating func int(_ value: Int) {
        valueStart()
        integer(value)
    }

    /// A key and its text. Nothing is written when the text is nil, as `encodeIfPresent` does.
    public mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A key and its number; nothing when the number is nil. NaN and infinity throw.
    public mutating func field(_ name: StaticString, _ value: Double?) throws {
        guard let value else { return }
        key(name)
        try double(value)
    }

    /// A key and its list of texts.
    public mutating func field(_ name: StaticString, _ values: [String]) {
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
        var text = try JSONNumber.format(value)
        valueStart()
        text.withUTF8 { write($0) }
    }

    /// The digits of an integer, as `String(value)` writes them.
    private mutating func integer(_ value: Int) {
        // A sign and the 19 digits of `Int.min`.
        write(maximum: 20) { target in
            var n = 0
            if value < 0 {
                target[0] = UInt8(ascii: "-")
                n = 1
            }
            var rest = value.magnitude / 10
            while rest != 0 {
                n += 1
                rest /= 10
            }
            let end = n + 1
            var magnitude = value.magnitude
            repeat {
                target[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n -= 1
            } while magnitude != 0
            return end
        }
    }

    private mutating func write(_ text: StaticString) { text.withUTF8Buffer { write($0) } }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        write(maximum: bytes.count) { target in
            if let source = bytes.baseAddress { target.update(from: source, count: bytes.count) }
            return bytes.count
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string: quote, backslash and control characters escaped; everything else,
    /// slashes and non-ASCII included, as it is.
    private mutating func quoted(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ quoted($0) }) == nil {
            var text = text
            text.withUTF8 { quoted($0) }
        }
    }

    private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Most strings need no escape: copy them whole.
        guard Self.needsEscape(utf8) else {
            write(maximum: utf8.count + 2) { target in
                target[0] = UInt8(ascii: "\"")
                if let source = utf8.baseAddress { (target + 1).update(from: source, count: utf8.count) }
                target[utf8.count + 1] = UInt8(ascii: "\"")
                return utf8.count + 2
            }
            return
        }
        // At most six bytes for each: "\u001f".
        write(maximum: utf8.count * 6 + 2) { target in
            target[0] = UInt8(ascii: "\"")
            var n = 1
            func escape(_ letter: Character) {
                target[n] = UInt8(ascii: "\\")
                target[n + 1] = letter.asciiValue!
                n += 2
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): escape("\"")
                case UInt8(ascii: "\\"): escape("\\")
                case 0x0A: escape("n")
                case 0x0D: escape("r")
                case 0x09: escape("t")
                case 0x08: escape("b")
                case 0x0C: escape("f")
                case 0..<0x20:
                    escape("u")
                    target[n] = UInt8(ascii: "0")
                    target[n + 1] = UInt8(ascii: "0")
                    target[n + 2] = Self.hex[Int(byte >> 4)]
                    target[n + 3] = Self.hex[Int(byte & 0x0F)]
                    n += 4
                default:
                    target[n] = byte
                    n += 1
                }
            }
            target[n] = UInt8(ascii: "\"")
            return n + 1
        }
    }

    /// Whether UTF-8 text holds a byte that `quoted` escapes: a control character, a quote or a
    /// backslash. Eight bytes at a time, the last eight overlapping those before them; shorter
    /// text as two overlapping halves of a word.
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return false }
        let count = utf8.count
        guard count >= 8 else {
            guard count >= 4 else {
                for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
                return false
            }
            let first = UInt64(base.loadUnaligned(as: UInt32.self))
            let last = UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return wordNeedsEscape(first | last << 32)
        }
        var offset = 0
        while offset + 8 < count {
            if wordNeedsEscape(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
            offset += 8
        }
        return wordNeedsEscape(base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    }

    /// Whether one of a word's bytes is below 0x20, a quote or a backslash: those (zero after an
    /// exclusive or, for the quote and the backslash) set their high bit in `(x - 0x01…) & ~x`.
    @inline(__always)
    private static func wordNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let found = ((word &- ones &* 0x20) & ~word) | ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
        return found & 0x8080_8080_8080_8080 != 0
    }
}
