import Foundation

/// Encodes `Encodable` values as pretty-printed JSON with sorted keys and unescaped slashes:
/// byte for byte what Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, at a fraction of its cost.
///
/// `JSONEncoder` spends most of its time in its generic machinery (boxing every value, and
/// dynamic casts that look for dates, URLs and string-keyed dictionaries). This encoder builds a
/// small tree of reference-type containers and writes it out in one pass over bytes. The report
/// and the version manifests are several hundred kilobytes of JSON, written on every compile.
///
/// The output is checked against `JSONEncoder` in the tests, on the shipped report and on
/// random values. Two deliberate limits: values are never dates, data or URLs in this project
/// (they would be encoded by their own `Encodable` conformance, not Foundation's strategies), and
/// a key encoded twice in one container is written twice (synthesized conformances never do it).
public enum JSONOutput {
    /// The JSON text of `value`, without a final newline (as `JSONEncoder`).
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = TreeEncoder()
        try value.encode(to: encoder)
        var writer = ByteWriter()
        writer.write(encoder.result ?? .object(ObjectNode()))
        return Data(writer.bytes)
    }

    /// The JSON text of `value` followed by a newline, as written to files.
    public static func file<T: Encodable>(_ value: T) throws -> Data {
        var data = try encode(value)
        data.append(0x0A)
        return data
    }
}

// MARK: - The tree

/// A JSON value. Arrays and objects are reference types so that a container handed out to an
/// `Encodable` can still be filled after it has been attached to its parent.
enum JSONNode {
    case null
    case bool(Bool)
    /// A number, already formatted.
    case number(String)
    case string(String)
    case array(ArrayNode)
    case object(ObjectNode)
}

final class ArrayNode {
    var items: [JSONNode] = []
}

final class ObjectNode {
    var entries: [(key: String, value: JSONNode)] = []
}

// MARK: - Number formatting (as Foundation's JSON writer)

enum JSONNumber {
    static func format(_ value: Double, codingPath: @autoclosure () -> [any CodingKey]) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath(), debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    static func format(_ value: Float, codingPath: @autoclosure () -> [any CodingKey]) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath(), debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

// MARK: - The encoder

final class TreeEncoder: Encoder {
    /// The path is kept as the parent's path and the keys below it, and built only when asked
    /// for (error messages): building an array for every nested value is most of an encoder's
    /// cost otherwise.
    private let parentPath: CodingPathLink?
    var codingPath: [any CodingKey] { parentPath?.path ?? [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What the value encoded itself as; nil until it asks for a container.
    var result: JSONNode?

    init(codingPath: [any CodingKey] = []) { parentPath = codingPath.isEmpty ? nil : CodingPathLink(keys: codingPath) }
    init(link: CodingPathLink?) { parentPath = link }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: ObjectNode
        if case .object(let existing) = result {
            object = existing
        } else {
            object = ObjectNode()
            result = .object(object)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(object: object, link: parentPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: ArrayNode
        if case .array(let existing) = result {
            array = existing
        } else {
            array = ArrayNode()
            result = .array(array)
        }
        return UnkeyedContainer(array: array, link: parentPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(encoder: self) }

    /// The node for any `Encodable`, with the common leaf types handled without a nested encoder.
    /// `link` is the path of the value (built lazily).
    static func node<T: Encodable>(_ value: T, link: @autoclosure () -> CodingPathLink) throws -> JSONNode {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Double.self { return .number(try JSONNumber.format(value as! Double, codingPath: link().path)) }
        if T.self == Int.self { return .number(String(value as! Int)) }
        if T.self == Bool.self { return .bool(value as! Bool) }
        let nested = TreeEncoder(link: link())
        try value.encode(to: nested)
        // A value that asked for no container encodes as an empty object, as JSONEncoder does.
        return nested.result ?? .object(ObjectNode())
    }
}

/// One step of a coding path: the parent's steps and one more key (or several, for a path
/// given whole).
final class CodingPathLink {
    let parent: CodingPathLink?
    let keys: [any CodingKey]

    init(parent: CodingPathLink? = nil, keys: [any CodingKey]) {
        self.parent = parent
        self.keys = keys
    }

    convenience init(parent: CodingPathLink?, key: any CodingKey) { self.init(parent: parent, keys: [key]) }

    var path: [any CodingKey] { (parent?.path ?? []) + keys }
}

/// The index of an array element, as a coding key.
private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: ObjectNode
    let link: CodingPathLink?
    var codingPath: [any CodingKey] { link?.path ?? [] }

    private func add(_ key: Key, _ node: JSONNode) { object.entries.append((key.stringValue, node)) }
    private func below(_ key: Key) -> CodingPathLink { CodingPathLink(parent: link, key: key) }

    mutating func encodeNil(forKey key: Key) throws { add(key, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(key, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        add(key, .number(try JSONNumber.format(value, codingPath: below(key).path)))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        add(key, .number(try JSONNumber.format(value, codingPath: below(key).path)))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key, .number(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(key, .number(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(key, .number(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(key, .number(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, .number(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(key, .number(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(key, .number(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(key, .number(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(key, .number(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, .number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        add(key, try TreeEncoder.node(value, link: below(key)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = ObjectNode()
        add(key, .object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, link: below(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        add(key, .array(nested))
        return UnkeyedContainer(array: nested, link: below(key))
    }

    mutating func superEncoder() -> any Encoder { SuperEncoder(object: object, key: "super", link: link) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        SuperEncoder(object: object, key: key.stringValue, link: below(key))
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let array: ArrayNode
    let link: CodingPathLink?
    var codingPath: [any CodingKey] { link?.path ?? [] }
    var count: Int { array.items.count }

    private func next() -> CodingPathLink { CodingPathLink(parent: link, key: IndexKey(count)) }

    mutating func encodeNil() throws { array.items.append(.null) }
    mutating func encode(_ value: Bool) throws { array.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { array.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws {
        array.items.append(.number(try JSONNumber.format(value, codingPath: next().path)))
    }
    mutating func encode(_ value: Float) throws {
        array.items.append(.number(try JSONNumber.format(value, codingPath: next().path)))
    }
    mutating func encode(_ value: Int) throws { array.items.append(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        array.items.append(try TreeEncoder.node(value, link: next()))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectNode()
        let path = next()
        array.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, link: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        let path = next()
        array.items.append(.array(nested))
        return UnkeyedContainer(array: nested, link: path)
    }

    mutating func superEncoder() -> any Encoder {
        let placeholder = ObjectNode()
        let path = next()
        array.items.append(.object(placeholder))
        return SuperEncoder(object: placeholder, key: nil, link: path)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.result = .null }
    mutating func encode(_ value: Bool) throws { encoder.result = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.result = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.result = .number(try JSONNumber.format(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { encoder.result = .number(try JSONNumber.format(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int) throws { encoder.result = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.result = try TreeEncoder.node(value, link: CodingPathLink(keys: codingPath))
    }
}

/// The encoder `superEncoder()` hands out: whatever it is given lands under `key` of `object`
/// (or, with no key, replaces the placeholder object it was given).
private final class SuperEncoder: Encoder {
    let object: ObjectNode
    let key: String?
    let inner: TreeEncoder

    var codingPath: [any CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(object: ObjectNode, key: String?, link: CodingPathLink?) {
        self.object = object
        self.key = key
        inner = TreeEncoder(link: link)
        if let key {
            let placeholder = ObjectNode()
            object.entries.append((key, .object(placeholder)))
            inner.result = .object(placeholder)
        } else {
            inner.result = .object(object)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { inner.container(keyedBy: type) }
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array = ArrayNode()
        attach(.array(array))
        return UnkeyedContainer(array: array, link: CodingPathLink(keys: codingPath))
    }
    func singleValueContainer() -> any SingleValueEncodingContainer { SuperSingleValue(encoder: self) }

    func attach(_ node: JSONNode) {
        guard let key, let index = object.entries.lastIndex(where: { $0.key == key }) else { return }
        object.entries[index].value = node
    }
}

private struct SuperSingleValue: SingleValueEncodingContainer {
    let encoder: SuperEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.attach(.null) }
    mutating func encode(_ value: Bool) throws { encoder.attach(.bool(value)) }
    mutating func encode(_ value: String) throws { encoder.attach(.string(value)) }
    mutating func encode(_ value: Double) throws { encoder.attach(.number(try JSONNumber.format(value, codingPath: codingPath))) }
    mutating func encode(_ value: Float) throws { encoder.attach(.number(try JSONNumber.format(value, codingPath: codingPath))) }
    mutating func encode(_ value: Int) throws { encoder.attach(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.attach(try TreeEncoder.node(value, link: CodingPathLink(keys: codingPath)))
    }
}

// MARK: - Writing

/// Writes JSON in Foundation's pretty-printed layout: two-space indentation, `"key" : value`,
/// empty containers as the opening bracket, an empty line and the closing bracket. The caller
/// gives object keys in sorted (byte) order.
public struct PrettyJSON {
    public private(set) var bytes: [UInt8] = []
    /// How many items each open container holds so far.
    private var counts: [Int] = []

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// Starts an array item or the value of a key: the separator and indentation.
    private mutating func item() {
        guard !counts.isEmpty else { return }
        bytes.append(contentsOf: counts[counts.count - 1] == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A])
        counts[counts.count - 1] += 1
        spaces(counts.count * 2)
    }

    public mutating func openObject() { open(UInt8(ascii: "{")) }
    public mutating func closeObject() { close(UInt8(ascii: "}")) }
    public mutating func openArray() { open(UInt8(ascii: "[")) }
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
        openObject()
    }

    public mutating func beginArray() {
        valueStart()
        openArray()
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

    /// A number already formatted as JSONEncoder formats it (see `JSONNumber`).
    public mutating func number(_ text: String) {
        valueStart()
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func double(_ value: Double) throws { number(try JSONNumber.format(value, codingPath: [])) }

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

/// Writes a tree built by `TreeEncoder`, sorting each object's keys.
struct ByteWriter {
    var json = PrettyJSON()

    init() {}

    var bytes: [UInt8] { json.bytes }

    mutating func write(_ node: JSONNode) {
        switch node {
        case .null: json.null()
        case .bool(let value): json.bool(value)
        case .number(let text): json.number(text)
        case .string(let text): json.string(text)
        case .array(let array):
            json.beginArray()
            for item in array.items { write(item) }
            json.closeArray()
        case .object(let object):
            json.beginObject()
            for entry in object.entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                json.key(entry.key)
                write(entry.value)
            }
            json.closeObject()
        }
    }
}
