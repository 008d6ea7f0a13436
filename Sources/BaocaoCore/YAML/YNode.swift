import Foundation
import Yams

/// A YAML node with the file it came from, read through typed accessors that record a located
/// diagnostic for every mismatch instead of stopping at the first.
public struct YNode {
    public let node: Node
    public let file: String

    public init(node: Node, file: String) {
        self.node = node
        self.file = file
    }

    public var location: SourceLocation { Self.location(of: node, file: file) }

    /// Where `node` is in `file`, read from its payload (`Node.mark` is a call into Yams that
    /// copies the payload out first).
    static func location(of node: Node, file: String) -> SourceLocation {
        let mark: Mark?
        switch node {
        case .scalar(let s): mark = s.mark
        case .mapping(let m): mark = m.mark
        case .sequence(let q): mark = q.mark
        case .alias(let a): mark = a.mark
        }
        return SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    /// How the node reads to a person, for "found …" in messages.
    public var found: String {
        switch node {
        case .mapping: return "một bảng khóa–giá trị (a mapping)"
        case .sequence: return "một danh sách (a list)"
        case .scalar(let s):
            if isNull { return "giá trị rỗng (nothing)" }
            let text = s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string
            return "'\(text)'"
        case .alias: return "một alias"
        }
    }

    public var isNull: Bool {
        guard case .scalar(let s) = node else { return false }
        return Self.isNull(s)
    }

    static func isNull(_ s: Node.Scalar) -> Bool {
        guard s.style == .plain else { return false }
        // A switch rather than an array literal's `contains`, which built the array on every call.
        switch s.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return s.tag.rawValue == "tag:yaml.org,2002:null"
        }
    }

    var scalar: Node.Scalar? {
        if case .scalar(let s) = node { return s }
        return nil
    }

    /// The elements of a sequence, or nil.
    public var elements: [YNode]? {
        guard case .sequence(let seq) = node else { return nil }
        return seq.map { YNode(node: $0, file: file) }
    }

    // MARK: Typed reads. Each returns nil and records an error when the node is not of the type;
    // `what` names the node in that message and is only built for it.

    public func string(_ bag: DiagnosticBag, what: @autoclosure () -> String) -> String? {
        guard let s = scalar, !isNull else {
            bag.error(location, "\(what()): cần một chuỗi văn bản, gặp \(found) (expected text)")
            return nil
        }
        return s.string
    }

    public func int(_ bag: DiagnosticBag, what: @autoclosure () -> String) -> Int? {
        if let s = scalar, !isNull, s.style == .plain, Numeral.isDecimal(s.string), let value = Int(s.string) { return value }
        bag.error(location, "\(what()): cần một số nguyên, gặp \(found)\(numeralHint) (expected a whole number)")
        return nil
    }

    public func number(_ bag: DiagnosticBag, what: @autoclosure () -> String) -> Double? {
        if let value = numberValue {
            // Beyond this no figure is meant, and sums and formatting stay exact.
            guard abs(value) <= YAMLLimits.maximumNumber else {
                bag.error(location, "\(what()): số \(found) quá lớn; giới hạn 10^12 (number too large)")
                return nil
            }
            return value
        }
        bag.error(location, "\(what()): cần một số, gặp \(found)\(numeralHint) (expected a number; write decimals with a dot: 98.7)")
        return nil
    }

    /// Why a scalar that other readers would take for a number ("0x10", "1e3", "+5", "010") is
    /// not one here; empty for anything else.
    var numeralHint: String {
        guard case .scalar(let s) = node, s.style == .plain, !Numeral.isDecimal(s.string),
            Double(s.string) != nil || Int(s.string, radix: 16) != nil || s.string.hasPrefix("0x") || s.string.hasPrefix("0o")
        else { return "" }
        return "; chỉ nhận số thập phân viết thường như 12, -3 hoặc 98.7 (không nhận số hệ 16 hay hệ 8, số mũ e, dấu '+' hay số 0 ở đầu)"
    }

    /// The node as a number, when it is a plain number scalar.
    public var numberValue: Double? {
        guard case .scalar(let s) = node, s.style == .plain, !Self.isNull(s) else { return nil }
        let text = s.string
        guard let first = text.utf8.first else { return nil }
        // A digit, a sign or a dot first. An ASCII first byte is read as the first character
        // would be (a character that only starts with it is no number either); anything else
        // is asked of the character.
        let starts =
            first < 0x80
            ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            : text.first?.isNumber == true
        guard starts, Numeral.isDecimal(text), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    public func bool(_ bag: DiagnosticBag, what: @autoclosure () -> String) -> Bool? {
        if let s = scalar, s.style == .plain {
            switch s.string {
            case "true", "True", "TRUE", "yes": return true
            case "false", "False", "FALSE", "no": return false
            default: break
            }
        }
        bag.error(location, "\(what()): cần true hoặc false, gặp \(found) (expected true or false)")
        return nil
    }

    public func date(_ bag: DiagnosticBag, what: @autoclosure () -> String) -> CivilDate? {
        if let s = scalar, !isNull, let date = CivilDate(iso: s.string) { return date }
        bag.error(location, "\(what()): cần một ngày dạng YYYY-MM-DD, gặp \(found) (expected a date YYYY-MM-DD)")
        return nil
    }

    /// The node as a mapping; `what` names it in messages and is built only for one.
    public func mapping(_ bag: DiagnosticBag, what: @escaping @autoclosure () -> String) -> YMapping? {
        guard case .mapping = node else {
            let name = what()
            bag.error(location, "\(name.isEmpty ? "tệp" : name): cần một bảng khóa–giá trị, gặp \(found) (expected a mapping)")
            return nil
        }
        return YMapping(self, bag: bag, context: what)
    }

    public func list(_ bag: DiagnosticBag, what: @autoclosure () -> String) -> [YNode]? {
        guard let elements else {
            bag.error(location, "\(what()): cần một danh sách, gặp \(found) (expected a list)")
            return nil
        }
        return elements
    }

    /// A list of strings; a single string is accepted as a list of one.
    public func strings(_ bag: DiagnosticBag, what: @autoclosure () -> String) -> [String]? {
        if scalar != nil, !isNull { return string(bag, what: what()).map { [$0] } }
        guard let items = list(bag, what: what()) else { return nil }
        return items.compactMap { $0.string(bag, what: what()) }
    }
}

/// A mapping being read. Every key asked for is remembered as known; `finish()` reports the
/// keys that no accessor asked for, so that a typo is never silently ignored.
public final class YMapping {
    public let node: YNode
    public let bag: DiagnosticBag
    /// Names the mapping in messages, e.g. "units[2]" or "reporting"; built when a message
    /// needs it (a unit file of 12,000 narratives opens 12,000 mappings, nearly always without
    /// a message).
    public var context: String { makeContext() }
    private let makeContext: () -> String
    /// The mapping's pairs, as Yams holds them: a key or value becomes a `YNode` only when it
    /// is asked for, not every pair when the mapping is opened.
    private let pairs: Node.Mapping?
    /// The text keys, in order (searched without copying the pairs), and where each pair is
    /// in `pairs` (a key that is not text is reported and left out).
    private var pairKeys: [String] = []
    private var pairIndices: [Int] = []
    private var known: [String] = []

    init(_ node: YNode, bag: DiagnosticBag, context: @escaping () -> String) {
        self.node = node
        self.bag = bag
        makeContext = context
        guard case .mapping(let mapping) = node.node else {
            pairs = nil
            return
        }
        pairs = mapping
        pairKeys.reserveCapacity(mapping.count)
        pairIndices.reserveCapacity(mapping.count)
        known.reserveCapacity(8)
        // By index: iterating a Yams mapping copies all its pairs into a new array first.
        for index in mapping.startIndex..<mapping.endIndex {
            let k = mapping[index].key
            guard case .scalar(let scalar) = k else {
                let keyNode = YNode(node: k, file: node.file)
                bag.error(
                    keyNode.location,
                    "\(self.context.isEmpty ? "tệp" : self.context): khóa phải là chuỗi văn bản, gặp \(keyNode.found) (keys must be text)")
                continue
            }
            pairKeys.append(scalar.string)
            pairIndices.append(index)
        }
    }

    public var location: SourceLocation { node.location }
    public var keys: [String] { pairKeys }

    /// The value of the `position`th text key.
    private func value(at position: Int) -> YNode {
        YNode(node: pairs![pairIndices[position]].value, file: node.file)
    }

    /// Where the `position`th text key itself is.
    private func keyLocation(at position: Int) -> SourceLocation {
        YNode.location(of: pairs![pairIndices[position]].key, file: node.file)
    }

    /// The value at `key`, or nil. Marks the key as known.
    public func value(_ key: String) -> YNode? {
        known.append(key)
        return firstIndex(of: key).map { value(at: $0) }
    }

    /// Every text key in order with the value `value(_:)` gives for it, every key marked as
    /// known: `keys` and `value(_:)` for each, without searching the keys for each one. A key
    /// written twice (Yams lets the same text through under two tags) gives its first value.
    public func keyedValues() -> [(key: String, value: YNode)] {
        known.append(contentsOf: pairKeys)
        let repeats = pairKeys.count > 1 && Set(pairKeys).count < pairKeys.count
        return pairKeys.indices.map { position in
            let key = pairKeys[position]
            return (key, value(at: repeats ? firstIndex(of: key) ?? position : position))
        }
    }

    /// The location of `key` itself (for messages about the key).
    public func keyLocation(_ key: String) -> SourceLocation? {
        firstIndex(of: key).map { keyLocation(at: $0) }
    }

    /// Where `key` first is among the text keys.
    private func firstIndex(of key: String) -> Int? {
        pairKeys.firstIndex(of: key)
    }

    /// The value at `key`; records "missing" when absent or empty and `required`.
    public func require(_ key: String, required: Bool = true) -> YNode? {
        guard let v = value(key), !v.isNull else {
            if required {
                let at = keyLocation(key) ?? misspelling(of: key) ?? location
                bag.error(at, "\(shownContext): thiếu trường bắt buộc '\(key)' (missing required field '\(key)')")
            }
            return nil
        }
        return v
    }

    /// Where a key that is missing was probably misspelt ("plase" for "place"): a key no
    /// accessor has asked for, one edit away (two for long keys).
    func misspelling(of key: String) -> SourceLocation? {
        pairKeys.indices.first { position in
            let pairKey = pairKeys[position]
            guard !known.contains(pairKey), pairKey != key else { return false }
            let distance = Self.editDistance(pairKey.lowercased(), key.lowercased())
            return distance == 1 || (distance == 2 && min(key.count, pairKey.count) >= 6)
        }.map { keyLocation(at: $0) }
    }

    /// How a key of this mapping is named in messages: "reporting.signer".
    func what(_ key: String) -> String { context.isEmpty ? key : "\(context).\(key)" }

    /// The mapping as named in messages; the top level of a file is "tệp".
    var shownContext: String { context.isEmpty ? "tệp (top level)" : context }

    public func string(_ key: String, required: Bool = true) -> String? {
        require(key, required: required)?.string(bag, what: what(key))
    }

    public func int(_ key: String, required: Bool = true) -> Int? {
        require(key, required: required)?.int(bag, what: what(key))
    }

    public func number(_ key: String, required: Bool = true) -> Double? {
        require(key, required: required)?.number(bag, what: what(key))
    }

    public func bool(_ key: String, required: Bool = false) -> Bool? {
        require(key, required: required)?.bool(bag, what: what(key))
    }

    public func date(_ key: String, required: Bool = true) -> CivilDate? {
        require(key, required: required)?.date(bag, what: what(key))
    }

    public func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let node = require(key, required: required) else { return nil }
        let items = node.strings(bag, what: what(key))
        if required, items?.isEmpty == true {
            bag.error(node.location, "\(what(key)): danh sách không được rỗng (the list must not be empty)")
        }
        return items
    }

    /// A list of strings (or one string) with the location of each.
    public func locatedStrings(_ key: String, required: Bool = false) -> [(text: String, location: SourceLocation)] {
        guard let node = require(key, required: required) else { return [] }
        let items = node.elements ?? [node]
        if required && items.isEmpty {
            bag.error(node.location, "\(what(key)): danh sách không được rỗng (the list must not be empty)")
        }
        return items.compactMap { item in item.string(bag, what: what(key)).map { ($0, item.location) } }
    }

    public func mapping(_ key: String, required: Bool = true) -> YMapping? {
        require(key, required: required)?.mapping(bag, what: self.what(key))
    }

    public func list(_ key: String, required: Bool = false) -> [YNode]? {
        require(key, required: required)?.list(bag, what: what(key))
    }

    /// A string that must be one of `allowed`.
    public func choice(_ key: String, _ allowed: [String], required: Bool = true) -> String? {
        guard let node = require(key, required: required), let text = node.string(bag, what: what(key)) else {
            return nil
        }
        guard allowed.contains(text) else {
            bag.error(
                node.location,
                "\(what(key)): giá trị '\(text)' không hợp lệ; cần một trong: \(allowed.joined(separator: ", ")) (unknown value)")
            return nil
        }
        return text
    }

    /// Reports every key that no accessor asked for, with a suggestion when one is close.
    public func finish() {
        for (position, key) in pairKeys.enumerated() where !known.contains(key) {
            var message = "\(shownContext): khóa không hợp lệ '\(key)' (unknown key)"
            if let near = Self.nearest(key, in: known) {
                message += "; có phải là '\(near)'? (did you mean '\(near)'?)"
            } else {
                let expected = Array(Set(known)).sorted().joined(separator: ", ")
                message += "; các khóa hợp lệ: \(expected)"
            }
            bag.error(keyLocation(at: position), message)
        }
    }

    /// The candidate within edit distance 2 of `key`, if any: the "did you mean" of every
    /// message about an unknown id.
    public static func nearest(_ key: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for c in Set(candidates) {
            let d = editDistance(key.lowercased(), c.lowercased())
            if d <= 2, d < (best?.1 ?? .max) || (d == best?.1 && c < best!.0) { best = (c, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// How numbers may be written in what people type.
public enum Numeral {
    /// A plain decimal numeral, the only way a number may be written in a plan or a data file:
    /// an optional '-', then "0" or a digit 1–9 followed by digits, then optionally '.' and one
    /// or more digits (`-?(0|[1-9][0-9]*)(\.[0-9]+)?`). Not hexadecimal or octal ("0x10",
    /// "0o7"), exponents ("1e3"), a '+' sign, leading zeros ("010"), ".5", "5." or ".inf".
    /// `exponent` admits an exponent after it ("1.5E-7", "1E+20"), as SpreadsheetML writes
    /// numbers in cells.
    public static func isDecimal(_ text: String, exponent: Bool = false) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
        let whole = bytes.prefix(while: isDigit)
        guard let first = whole.first, first != UInt8(ascii: "0") || whole.count == 1 else { return false }
        bytes = bytes.dropFirst(whole.count)
        if bytes.first == UInt8(ascii: ".") {
            let fraction = bytes.dropFirst().prefix(while: isDigit)
            guard !fraction.isEmpty else { return false }
            bytes = bytes.dropFirst(1 + fraction.count)
        }
        guard exponent, let e = bytes.first else { return bytes.isEmpty }
        guard e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
        bytes = bytes.dropFirst()
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }
}
