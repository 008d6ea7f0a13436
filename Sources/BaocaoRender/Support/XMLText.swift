/// Escaping for XML (DOCX parts, SVG) and HTML text.
///
/// Every string a renderer writes passes through here. Characters XML 1.0 cannot hold are
/// rejected before rendering by `TextCheck`; should one slip through, it is replaced by U+FFFD
/// here rather than written, so no output can ever be malformed.
enum XMLText {
    /// Whether XML 1.0 can hold the character: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD,
    /// U+10000–U+10FFFF. (Swift strings cannot hold lone surrogates.)
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Escapes `& < > " '` for element content and attribute values alike.
    static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if isAllowed(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\u{FFFD}"
                }
            }
        }
        return out
    }

    /// Whether `escape` would change `text`: it holds one of `& < > " '`, or a character XML
    /// cannot hold (a C0 control other than tab, LF and CR; U+FFFE or U+FFFF, in UTF-8
    /// EF BF BE and EF BF BF). Most text holds none, and is then written as it is.
    static func needsEscaping(_ text: String) -> Bool {
        var last: UInt8 = 0
        var beforeLast: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27: return true
            case 0x09, 0x0A, 0x0D: break
            case 0x00...0x1F: return true
            case 0xBE, 0xBF:
                if beforeLast == 0xEF && last == 0xBF { return true }
            default: break
            }
            beforeLast = last
            last = byte
        }
        return false
    }

    /// Escapes for HTML text and attribute values (`&#39;` rather than `&apos;`, which HTML 4 lacks).
    static func escapeHTML(_ text: String) -> String {
        // Only an apostrophe becomes `&apos;`; without one there is nothing to replace.
        guard text.utf8.contains(0x27) else { return escape(text) }
        let direct: String? = withUTF8(text) { bytes in
            guard apostrophesAreASCIIBounded(bytes) else { return nil }
            var writer = XMLWriter(declaration: false, capacity: bytes.count + 16)
            writer.escaped(bytes, nbspBeforePercent: false, apostrophe: .html)
            return writer.xml
        }
        return direct ?? escape(text).replacingOccurrences(of: "&apos;", with: "&#39;")
    }
}

extension XMLText {
    /// Whether every " %" in `bytes` has an ASCII byte, or nothing, on either side: the space is
    /// then the first character of its grapheme cluster and the sign the last, so Foundation's
    /// search for " %" finds exactly the pairs a byte scan finds. (Text with a combining mark
    /// or a prepended character next to the pair is left to Foundation.)
    static func percentPairsAreASCIIBounded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var i = 0
        while i + 1 < count {
            if bytes[i] == 0x20 && bytes[i + 1] == 0x25 {
                if i > 0 && bytes[i - 1] >= 0x80 { return false }
                if i + 2 < count && bytes[i + 2] >= 0x80 { return false }
                i += 2
            } else {
                i += 1
            }
        }
        return true
    }

    /// Whether every apostrophe in `bytes` has an ASCII byte, or nothing, on either side, so that
    /// its escape `&apos;` is found by Foundation's search as by a byte scan.
    static func apostrophesAreASCIIBounded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        for i in 0..<count where bytes[i] == 0x27 {
            if i > 0 && bytes[i - 1] >= 0x80 { return false }
            if i + 1 < count && bytes[i + 1] >= 0x80 { return false }
        }
        return true
    }

    /// `body(utf8)` with the UTF-8 bytes of `text` in contiguous memory.
    @inline(__always)
    static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(body)!
    }
}

/// A small writer of XML text: elements in the order they are written, attributes in the order
/// given, every value escaped. The text is built as UTF-8 bytes, which is several times cheaper
/// than appending to a `String` piece by piece.
struct XMLWriter {
    private(set) var bytes: [UInt8] = []

    /// The text written so far.
    var xml: String { String(decoding: bytes, as: UTF8.self) }

    init(declaration: Bool = true, capacity: Int = 1 << 14) {
        bytes.reserveCapacity(capacity)
        if declaration { raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") }
    }

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        bytes.append(0x3C)
        raw(name)
        appendAttributes(attributes)
        bytes.append(0x3E)
    }

    mutating func close(_ name: String) {
        bytes.append(0x3C)
        bytes.append(0x2F)
        raw(name)
        bytes.append(0x3E)
    }

    /// An element with no content: `<w:b/>`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        bytes.append(0x3C)
        raw(name)
        appendAttributes(attributes)
        bytes.append(0x2F)
        bytes.append(0x3E)
    }

    /// An element holding escaped text.
    mutating func text(_ name: String, _ content: String) {
        text(name, [:], content)
    }

    /// An element with attributes holding escaped text.
    mutating func text(_ name: String, _ attributes: KeyValuePairs<String, String>, _ content: String) {
        open(name, attributes)
        escaped(content)
        close(name)
    }

    /// Markup written as is; the caller has escaped what it holds.
    mutating func raw(_ markup: String) {
        XMLText.withUTF8(markup) { bytes.append(contentsOf: $0) }
    }

    /// Bytes written as they are; the caller has escaped what they hold.
    mutating func raw(_ markup: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: markup)
    }

    /// An integer in decimal, as `String(value)` writes it.
    mutating func int(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            bytes.append(0x30 + UInt8(magnitude))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    /// `text` as `XMLText.escape` writes it.
    mutating func escaped(_ text: String) {
        XMLText.withUTF8(text) { escaped($0) }
    }

    /// `bytes` (whole characters of a string) as `XMLText.escape` writes them.
    mutating func escaped(_ text: UnsafeBufferPointer<UInt8>) {
        escaped(text, nbspBeforePercent: false, apostrophe: .xml)
    }

    enum Apostrophe { case xml, html }

    /// Escapes `& < > " '` (the apostrophe as `&apos;` or `&#39;`) and replaces each character
    /// XML cannot hold with U+FFFD, as `XMLText.escape` does; with `nbspBeforePercent`, also
    /// writes each " %" as U+00A0 and "%", as `DOCXBodyWriter.keepPercentTogether` does where
    /// `XMLText.percentPairsAreASCIIBounded`. `text` must hold whole UTF-8 characters.
    mutating func escaped(_ text: UnsafeBufferPointer<UInt8>, nbspBeforePercent: Bool, apostrophe: Apostrophe) {
        let count = text.count
        var start = 0
        var i = 0
        while i < count {
            let byte = text[i]
            // Fast skip over bytes that are written as they are.
            if byte >= 0x3F && byte != 0xEF {
                i += 1
                continue
            }
            var replacement: StaticString? = nil
            var length = 1
            switch byte {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = apostrophe == .xml ? "&apos;" : "&#39;"
            case 0x09, 0x0A, 0x0D: break
            case 0x00...0x1F: replacement = "\u{FFFD}"
            case 0x20:
                if nbspBeforePercent && i + 1 < count && text[i + 1] == 0x25 { replacement = "\u{00A0}" }
            case 0xEF:
                if i + 2 < count && text[i + 1] == 0xBF && (text[i + 2] == 0xBE || text[i + 2] == 0xBF) {
                    replacement = "\u{FFFD}"
                    length = 3
                }
            default: break
            }
            if let replacement {
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<i])) }
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                i += length
                start = i
            } else {
                i += 1
            }
        }
        if start < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<count])) }
    }

    mutating func append(_ other: XMLWriter) {
        bytes.append(contentsOf: other.bytes)
    }

    private mutating func appendAttributes(_ attributes: KeyValuePairs<String, String>) {
        for (key, value) in attributes {
            bytes.append(0x20)
            raw(key)
            bytes.append(0x3D)
            bytes.append(0x22)
            escaped(value)
            bytes.append(0x22)
        }
    }
}
