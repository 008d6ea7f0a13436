import Foundation

// The XML parser of the workbook reader. A workbook comes from outside, so its parts are read by
// this small, strict parser rather than a general one: UTF-8 only, no DTD of any kind (so no
// entity but the five predefined ones and character references), and every resource bounded
// while parsing — nesting depth, attributes per element, elements per part — each limit with a
// message of its own. The tree is freed without recursion.

/// A parsed XML element: local name (prefix dropped), attributes by qualified name, children and
/// the text directly inside it.
final class XElement {
    let name: String
    let attributes: [(name: String, value: String)]
    var children: [XElement] = []
    var text = ""
    /// The line of the start tag, for messages.
    let line: Int

    init(name: String, attributes: [(name: String, value: String)], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    // A deep tree freed by the default deinit would recurse once per level; the children are
    // taken apart here one node at a time instead.
    deinit {
        guard !children.isEmpty else { return }
        var pending = children
        children = []
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) {
                pending.append(contentsOf: node.children)
                node.children = []
            }
        }
    }

    /// The attribute with this local name (`id` finds `r:id`); an exact match wins.
    func attribute(_ local: String) -> String? {
        if let exact = attributes.first(where: { $0.name == local }) { return exact.value }
        return attributes.first { $0.name.hasSuffix(":" + local) }?.value
    }

    func child(_ name: String) -> XElement? { children.first { $0.name == name } }
    func children(_ name: String) -> [XElement] { children.filter { $0.name == name } }
}

/// Parses a part into an element tree, within the limits below.
enum XMLTree {
    /// The deepest nesting of elements accepted (SpreadsheetML needs fewer than 10 levels).
    static let maximumDepth = 32
    /// The most attributes one element may have (Excel writes at most about 15).
    static let maximumAttributes = 64
    /// The most elements one part may hold: room for `XLSXReader.maximumCells` cells with a value
    /// and a formula each, and their rows.
    static let maximumElements = 400_000

    struct Failure: Error, Equatable {
        var line: Int
        var message: String
    }

    static func parse(_ data: Data) throws -> XElement {
        try data.withUnsafeBytes { raw in
            var parser = XMLByteParser(raw.bindMemory(to: UInt8.self))
            return try parser.document()
        }
    }
}

/// The parser proper, over the part's bytes.
private struct XMLByteParser {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    var stack: [XElement] = []
    var qualifiedNames: [ArraySlice<UInt8>] = []
    var root: XElement?
    var elements = 0
    /// Lines counted up to `lineCounted` (positions only move forward).
    var line = 1
    var lineCounted = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    mutating func lineAt(_ position: Int) -> Int {
        let end = min(position, b.count)
        while lineCounted < end {
            if b[lineCounted] == 0x0A { line += 1 }
            lineCounted += 1
        }
        return line
    }

    mutating func fail(_ message: String, at position: Int? = nil) -> XMLTree.Failure {
        XMLTree.Failure(line: lineAt(position ?? i), message: message)
    }

    mutating func malformed(_ reason: String, at position: Int? = nil) -> XMLTree.Failure {
        fail("XML không hợp lệ: \(reason) (malformed XML)", at: position)
    }

    mutating func document() throws -> XElement {
        if b.count >= 2, (b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) {
            throw fail("phần này mã hóa UTF-16, không phải UTF-8; Excel luôn ghi UTF-8 (not UTF-8)", at: 0)
        }
        try checkCharacters()
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        while i < b.count {
            if b[i] == UInt8(ascii: "<") {
                try markup()
            } else {
                try characters()
            }
        }
        if let open = stack.last { throw malformed("thẻ <\(open.name)> chưa được đóng") }
        guard let root else { throw malformed("không có phần tử gốc") }
        return root
    }

    /// Every byte is UTF-8, and no control character but tab, LF and CR appears (NUL bytes are
    /// how UTF-16 text looks when read as bytes).
    mutating func checkCharacters() throws {
        var k = 0
        let n = b.count
        while k < n {
            // Eight bytes at a time while they are printable ASCII (no high bit, none below 0x20;
            // the second test may also stop at a printable byte, which the loop below takes).
            if k + 8 <= n, let base = b.baseAddress {
                let w = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                if w & high == 0 && (w &- 0x2020_2020_2020_2020) & ~w & high == 0 {
                    k += 8
                    continue
                }
            }
            let c = b[k]
            if c >= 0x20 && c < 0x80 {
                k += 1
                continue
            }
            if c < 0x20 {
                if c == 0x09 || c == 0x0A || c == 0x0D {
                    k += 1
                    continue
                }
                if c == 0 { throw fail("phần này có byte 0, có lẽ mã hóa UTF-16; chỉ nhận UTF-8 (not UTF-8)", at: k) }
                throw fail(
                    "có ký tự điều khiển U+00\(c < 0x10 ? "0" : "")\(String(c, radix: 16, uppercase: true)), không được phép trong XML (control character)",
                    at: k)
            }
            var need = 0
            var value: UInt32 = 0
            var least: UInt32 = 0
            if c & 0xE0 == 0xC0 {
                need = 1
                value = UInt32(c & 0x1F)
                least = 0x80
            } else if c & 0xF0 == 0xE0 {
                need = 2
                value = UInt32(c & 0x0F)
                least = 0x800
            } else if c & 0xF8 == 0xF0 {
                need = 3
                value = UInt32(c & 0x07)
                least = 0x10000
            } else {
                throw invalidUTF8(at: k)
            }
            guard k + need < n else { throw invalidUTF8(at: k) }
            for offset in 1...need {
                let d = b[k + offset]
                guard d & 0xC0 == 0x80 else { throw invalidUTF8(at: k) }
                value = value << 6 | UInt32(d & 0x3F)
            }
            guard value >= least, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value), value != 0xFFFE, value != 0xFFFF else {
                throw invalidUTF8(at: k)
            }
            k += need + 1
        }
    }

    mutating func invalidUTF8(at position: Int) -> XMLTree.Failure {
        fail("có byte không hợp lệ trong UTF-8 ở vị trí \(position); chỉ nhận UTF-8 (not UTF-8)", at: position)
    }

    func has(_ literal: StaticString, at position: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= b.count else { return false }
        let p = literal.utf8Start
        for k in 0..<count where b[position + k] != p[k] { return false }
        return true
    }

    /// The position of `literal` at or after `from`, or nil.
    func find(_ literal: StaticString, from: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        let first = literal.utf8Start[0]
        var k = from
        while k + count <= b.count {
            guard let base = b.baseAddress, let hit = memchr(base + k, Int32(first), b.count - k) else { return nil }
            k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if has(literal, at: k) { return k }
            k += 1
        }
        return nil
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    @discardableResult
    mutating func skipSpace() -> Bool {
        let start = i
        while i < b.count, Self.isSpace(b[i]) { i += 1 }
        return i > start
    }

    // MARK: Markup

    mutating func markup() throws {
        let start = i
        guard i + 1 < b.count else { throw malformed("'<' ở cuối phần") }
        switch b[i + 1] {
        case UInt8(ascii: "?"):
            try processingInstruction()
        case UInt8(ascii: "!"):
            if has("<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { throw malformed("chú thích <!-- chưa được đóng") }
                i = end + 3
            } else if has("<![CDATA[", at: i) {
                guard let parent = stack.last else { throw malformed("CDATA nằm ngoài phần tử gốc") }
                guard let end = find("]]>", from: i + 9) else { throw malformed("khối CDATA chưa được đóng") }
                parent.text += String(decoding: UnsafeBufferPointer(rebasing: b[(i + 9)..<end]), as: UTF8.self)
                i = end + 3
            } else {
                // <!DOCTYPE, <!ENTITY, <!ELEMENT…: any DTD, internal or external, is refused.
                throw fail("có khai báo DTD (<!DOCTYPE hay <!ENTITY), không được phép trong tệp .xlsx (DTD not allowed)", at: start)
            }
        case UInt8(ascii: "/"):
            try endTag()
        default:
            try startTag()
        }
    }

    /// `<?target …?>`: the XML declaration must be first and name UTF-8 if it names an encoding;
    /// other instructions are skipped.
    mutating func processingInstruction() throws {
        let start = i
        guard let end = find("?>", from: i + 2) else { throw malformed("chỉ thị <? chưa được đóng") }
        i += 2
        let target = try name()
        let content = Array(b[i..<end])
        i = end + 2
        guard String(decoding: target, as: UTF8.self).lowercased() == "xml" else { return }
        let declarationStart = (b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) ? 3 : 0
        guard start == declarationStart else { throw malformed("khai báo <?xml?> phải đứng đầu phần", at: start) }
        guard let encoding = Self.pseudoAttribute("encoding", in: content) else { return }
        let lowered = encoding.lowercased()
        guard lowered == "utf-8" || lowered == "utf8" else {
            throw fail("phần này khai báo mã hóa '\(encoding)'; chỉ nhận UTF-8 (not UTF-8)", at: start)
        }
    }

    /// The value of `key="…"` in an XML declaration's content.
    static func pseudoAttribute(_ key: String, in content: [UInt8]) -> String? {
        let key = Array(key.utf8)
        var k = 0
        while k + key.count <= content.count {
            if Array(content[k..<(k + key.count)]) == key {
                var j = k + key.count
                while j < content.count, isSpace(content[j]) { j += 1 }
                guard j < content.count, content[j] == UInt8(ascii: "=") else { return nil }
                j += 1
                while j < content.count, isSpace(content[j]) { j += 1 }
                guard j < content.count, content[j] == UInt8(ascii: "\"") || content[j] == UInt8(ascii: "'") else { return nil }
                let quote = content[j]
                guard let close = content[(j + 1)...].firstIndex(of: quote) else { return nil }
                return String(decoding: content[(j + 1)..<close], as: UTF8.self)
            }
            k += 1
        }
        return nil
    }

    /// A name: bytes up to a space, '/', '>', '=', '<' or a quote.
    mutating func name() throws -> ArraySlice<UInt8> {
        let start = i
        while i < b.count {
            let c = b[i]
            if Self.isSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") || c == UInt8(ascii: "=") || c == UInt8(ascii: "<")
                || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "?")
            {
                break
            }
            i += 1
        }
        guard i > start else { throw malformed("thiếu tên thẻ hoặc tên thuộc tính") }
        let first = b[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) {
            throw malformed("tên '\(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))' không hợp lệ", at: start)
        }
        return ArraySlice(UnsafeBufferPointer(rebasing: b[start..<i]))
    }

    mutating func startTag() throws {
        let start = i
        i += 1
        let qualified = try name()
        var attributes: [(name: String, value: String)] = []
        var selfClosing = false
        while true {
            let spaced = skipSpace()
            guard i < b.count else { throw malformed("thẻ chưa được đóng", at: start) }
            if b[i] == UInt8(ascii: ">") {
                i += 1
                break
            }
            if b[i] == UInt8(ascii: "/") {
                guard i + 1 < b.count, b[i + 1] == UInt8(ascii: ">") else { throw malformed("sau '/' cần '>'") }
                i += 2
                selfClosing = true
                break
            }
            guard spaced else { throw malformed("thiếu khoảng trắng trước thuộc tính") }
            // Counted before the attribute is stored, so a hostile element costs at most this many.
            guard attributes.count < XMLTree.maximumAttributes else {
                throw fail("một phần tử có hơn \(XMLTree.maximumAttributes) thuộc tính (too many attributes)", at: start)
            }
            let attributeName = String(decoding: try name(), as: UTF8.self)
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: "=") else { throw malformed("thuộc tính '\(attributeName)' thiếu '='") }
            i += 1
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else {
                throw malformed("giá trị thuộc tính '\(attributeName)' phải đặt trong dấu nháy")
            }
            let quote = b[i]
            i += 1
            let valueStart = i
            while i < b.count, b[i] != quote {
                guard b[i] != UInt8(ascii: "<") else { throw malformed("có '<' trong giá trị thuộc tính '\(attributeName)'") }
                i += 1
            }
            guard i < b.count else { throw malformed("giá trị thuộc tính '\(attributeName)' chưa đóng dấu nháy", at: valueStart) }
            let value = try decode(valueStart..<i, attribute: true)
            i += 1
            if attributes.contains(where: { $0.name == attributeName }) {
                throw malformed("thuộc tính '\(attributeName)' bị lặp", at: start)
            }
            attributes.append((attributeName, value))
        }
        elements += 1
        guard elements <= XMLTree.maximumElements else {
            throw fail("phần này có hơn \(XMLTree.maximumElements) phần tử XML (too many elements)", at: start)
        }
        guard stack.count < XMLTree.maximumDepth else {
            throw fail("các phần tử lồng nhau sâu hơn \(XMLTree.maximumDepth) mức (nesting too deep)", at: start)
        }
        let qualifiedText = String(decoding: qualified, as: UTF8.self)
        let local =
            qualified.lastIndex(of: UInt8(ascii: ":")).map { String(decoding: qualified[($0 + 1)...], as: UTF8.self) } ?? qualifiedText
        let element = XElement(name: local, attributes: attributes, line: lineAt(start))
        if let parent = stack.last {
            parent.children.append(element)
        } else if root == nil {
            root = element
        } else {
            throw malformed("có hơn một phần tử gốc", at: start)
        }
        if !selfClosing {
            stack.append(element)
            qualifiedNames.append(qualified)
        }
    }

    mutating func endTag() throws {
        let start = i
        i += 2
        let qualified = try name()
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: ">") else { throw malformed("thẻ đóng chưa có '>'", at: start) }
        i += 1
        guard let open = qualifiedNames.last, open == qualified else {
            throw malformed("thẻ đóng </\(String(decoding: qualified, as: UTF8.self))> không khớp", at: start)
        }
        stack.removeLast()
        qualifiedNames.removeLast()
    }

    /// Text up to the next '<'.
    mutating func characters() throws {
        let start = i
        if let base = b.baseAddress, let hit = memchr(base + i, Int32(UInt8(ascii: "<")), b.count - i) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        } else {
            i = b.count
        }
        guard let parent = stack.last else {
            guard b[start..<i].allSatisfy(Self.isSpace) else { throw malformed("có văn bản nằm ngoài phần tử gốc", at: start) }
            return
        }
        parent.text += try decode(start..<i, attribute: false)
    }

    /// The text of `range` with entity and character references replaced, line ends as LF, and
    /// (in attribute values) tabs and line ends as spaces, as XML prescribes.
    mutating func decode(_ range: Range<Int>, attribute: Bool) throws -> String {
        let slice = UnsafeBufferPointer(rebasing: b[range])
        let plain = !slice.contains { $0 == UInt8(ascii: "&") || $0 == 0x0D || (attribute && ($0 == 0x0A || $0 == 0x09)) }
        if plain { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var k = range.lowerBound
        while k < range.upperBound {
            let c = b[k]
            if c == 0x0D {
                out.append(attribute ? 0x20 : 0x0A)
                k += (k + 1 < range.upperBound && b[k + 1] == 0x0A) ? 2 : 1
                continue
            }
            if attribute && (c == 0x0A || c == 0x09) {
                out.append(0x20)
                k += 1
                continue
            }
            guard c == UInt8(ascii: "&") else {
                out.append(c)
                k += 1
                continue
            }
            var end = k + 1
            while end < range.upperBound, end - k <= 12, b[end] != UInt8(ascii: ";") { end += 1 }
            guard end < range.upperBound, b[end] == UInt8(ascii: ";") else {
                throw malformed("'&' không mở đầu một tham chiếu ký tự hợp lệ (dùng &amp;)", at: k)
            }
            let reference = String(decoding: UnsafeBufferPointer(rebasing: b[(k + 1)..<end]), as: UTF8.self)
            switch reference {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                guard reference.hasPrefix("#") else {
                    throw fail(
                        "thực thể '&\(reference);' không được định nghĩa; tệp .xlsx không dùng DTD hay thực thể riêng (undefined entity)",
                        at: k)
                }
                let digits = reference.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let value, let scalar = Unicode.Scalar(value), value >= 0x20 || value == 0x09 || value == 0x0A || value == 0x0D,
                    value != 0xFFFE, value != 0xFFFF
                else { throw malformed("tham chiếu ký tự '&\(reference);' không hợp lệ", at: k) }
                out.append(contentsOf: Array(String(scalar).utf8))
            }
            k = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
