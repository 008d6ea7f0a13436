import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Escaping for the XML the writer produces.
enum XMLEscape {
    /// Escapes text for element content and attribute values. Characters XML 1.0 cannot carry
    /// (C0 controls other than tab, LF, CR) are written as SpreadsheetML's `_xHHHH_` escapes, and a
    /// literal `_xHHHH_` in the text is protected the same way, so every text reads back unchanged.
    static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "_" where looksLikeEscape(scalars, at: i): out += "_x005F_"
            default:
                if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" || c.value == 0xFFFE || c.value == 0xFFFF {
                    out += "_x" + hex4(c.value) + "_"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        return out
    }

    /// Undoes the `_xHHHH_` escapes of SpreadsheetML text.
    static func unescapeOOXML(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if looksLikeEscape(scalars, at: i), let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    private static func looksLikeEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i] == "_", scalars[i + 1] == "x", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)..<(i + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}

/// A parsed XML element: local name (prefix dropped), attributes by qualified name, children and
/// the text directly inside it.
final class XElement {
    let name: String
    let attributes: [String: String]
    var children: [XElement] = []
    var text = ""
    /// The line of the start tag, for messages.
    let line: Int

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// The attribute with this local name (`id` finds `r:id`); an exact match wins.
    func attribute(_ local: String) -> String? {
        if let exact = attributes[local] { return exact }
        return attributes.first { $0.key.hasSuffix(":" + local) }?.value
    }

    func child(_ name: String) -> XElement? { children.first { $0.name == name } }
    func children(_ name: String) -> [XElement] { children.filter { $0.name == name } }
}

/// Parses a part into an element tree. DTDs are refused outright: SpreadsheetML never uses one,
/// and refusing them closes the door on entity expansion.
enum XMLTree {
    struct Failure: Error {
        var line: Int
        var message: String
    }

    static func parse(_ data: Data) throws -> XElement {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw Failure(line: 0, message: "có khai báo DOCTYPE/ENTITY, không được phép trong tệp .xlsx (DTD not allowed)")
        }
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        builder.parser = parser
        let ok = parser.parse()
        // FoundationXML may return true after recovering from an error, and says nothing of an
        // element left open at the end: check both.
        let error = builder.error ?? parser.parserError.map { "mã lỗi \(($0 as NSError).code)" }
        if !ok || error != nil || !builder.stack.isEmpty || builder.root == nil {
            let reason = error ?? (builder.stack.last.map { "thẻ <\($0.name)> chưa được đóng" } ?? "không có phần tử gốc")
            throw Failure(line: builder.errorLine ?? parser.lineNumber, message: "XML không hợp lệ: \(reason) (malformed XML)")
        }
        return builder.root!
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [XElement] = []
        var root: XElement?
        var error: String?
        var errorLine: Int?
        weak var parser: XMLParser?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if error == nil {
                error = "mã lỗi \((parseError as NSError).code)"
                errorLine = parser.lineNumber
            }
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let element = XElement(name: local, attributes: attributeDict, line: parser.lineNumber)
            if let parent = stack.last {
                parent.children.append(element)
            } else if root == nil {
                root = element
            } else if error == nil {
                error = "có hơn một phần tử gốc"
                errorLine = parser.lineNumber
            }
            stack.append(element)
            qualifiedNames.append(elementName)
        }

        var qualifiedNames: [String] = []

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            if qualifiedNames.last != elementName, error == nil {
                error = "thẻ đóng </\(elementName)> không khớp"
                errorLine = parser.lineNumber
            }
            _ = stack.popLast()
            _ = qualifiedNames.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            stack.last?.text += String(decoding: block, as: UTF8.self)
        }
    }
}
