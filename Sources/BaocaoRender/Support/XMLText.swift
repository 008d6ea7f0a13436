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
        return escape(text).replacingOccurrences(of: "&apos;", with: "&#39;")
    }
}

/// A small writer of XML text: elements in the order they are written, attributes in the order
/// given, every value escaped.
struct XMLWriter {
    private(set) var xml: String

    init(declaration: Bool = true) {
        xml = declaration ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" : ""
        xml.reserveCapacity(1 << 14)
    }

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        xml += "<" + name
        appendAttributes(attributes)
        xml += ">"
    }

    mutating func close(_ name: String) {
        xml += "</" + name + ">"
    }

    /// An element with no content: `<w:b/>`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        xml += "<" + name
        appendAttributes(attributes)
        xml += "/>"
    }

    /// An element holding escaped text.
    mutating func text(_ name: String, _ content: String) {
        text(name, [:], content)
    }

    /// An element with attributes holding escaped text.
    mutating func text(_ name: String, _ attributes: KeyValuePairs<String, String>, _ content: String) {
        open(name, attributes)
        xml += XMLText.escape(content)
        close(name)
    }

    /// Markup written as is; the caller has escaped what it holds.
    mutating func raw(_ markup: String) {
        xml += markup
    }

    mutating func append(_ other: XMLWriter) {
        xml += other.xml
    }

    private mutating func appendAttributes(_ attributes: KeyValuePairs<String, String>) {
        for (key, value) in attributes {
            xml += " " + key + "=\"" + XMLText.escape(value) + "\""
        }
    }
}
