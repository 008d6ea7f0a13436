import Foundation
import XCTest
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A rendered DOCX opened for inspection: its entries in archive order, each part's bytes, and
/// each XML part parsed.
struct DocxPackage {
    /// Entry paths in the order they are stored.
    let paths: [String]
    let parts: [String: Data]
    /// The modification dates of the entries.
    let dates: [Date]

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        var paths: [String] = []
        var parts: [String: Data] = [:]
        var dates: [Date] = []
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            paths.append(entry.path)
            parts[entry.path] = bytes
            dates.append(entry.fileAttributes[.modificationDate] as? Date ?? .distantPast)
        }
        self.paths = paths
        self.parts = parts
        self.dates = dates
    }

    func text(_ path: String) throws -> String {
        let data = try XCTUnwrap(parts[path], "missing part \(path)")
        return try XCTUnwrap(String(data: data, encoding: .utf8), "\(path) is not UTF-8")
    }

    func xml(_ path: String) throws -> XMLElement {
        let data = try XCTUnwrap(parts[path], "missing part \(path)")
        let document = try XMLDocument(data: data, options: [])
        return try XCTUnwrap(document.rootElement(), "\(path) has no root element")
    }

    /// The relationships of a part: id → (type, target resolved against the part's folder).
    func relationships(of part: String) throws -> [String: (type: String, target: String)] {
        let folder = (part as NSString).deletingLastPathComponent
        let name = (part as NSString).lastPathComponent
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard parts[relsPath] != nil else { return [:] }
        var out: [String: (type: String, target: String)] = [:]
        for rel in try xml(relsPath).children(named: "Relationship") {
            let target = rel.attr("Target") ?? ""
            let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? target : folder + "/" + target)
            // "word/charts/../embeddings/a.xlsx" → "word/embeddings/a.xlsx".
            var segments: [Substring] = []
            for segment in joined.split(separator: "/") {
                if segment == ".." { _ = segments.popLast() } else if segment != "." { segments.append(segment) }
            }
            out[rel.attr("Id") ?? ""] = (rel.attr("Type") ?? "", segments.joined(separator: "/"))
        }
        return out
    }
}

extension XMLElement {
    var elementChildren: [XMLElement] { (children ?? []).compactMap { $0 as? XMLElement } }

    func children(named name: String) -> [XMLElement] { elementChildren.filter { $0.name == name } }

    func child(_ name: String) -> XMLElement? { elementChildren.first { $0.name == name } }

    /// Every descendant element with this qualified name, in document order.
    func descendants(_ name: String) -> [XMLElement] {
        var out: [XMLElement] = []
        for child in elementChildren {
            if child.name == name { out.append(child) }
            out += child.descendants(name)
        }
        return out
    }

    /// An attribute by qualified name ("w:val").
    func attr(_ name: String) -> String? {
        if let value = attribute(forName: name)?.stringValue { return value }
        // FoundationXML on Linux does not find unprefixed attributes of an element in a default
        // namespace by name; look through the list.
        return attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }

    /// `w:val` of a child, e.g. `child("w:sz")?.attr("w:val")`.
    func val(_ childName: String) -> String? { child(childName)?.attr("w:val") }

    /// The text of all `w:t` descendants.
    var wordText: String { descendants("w:t").map { $0.stringValue ?? "" }.joined() }

    /// Whether a toggle property such as `w:b` is on in this `w:rPr`.
    func isOn(_ name: String) -> Bool {
        guard let element = child(name) else { return false }
        let value = element.attr("w:val") ?? "1"
        return value != "0" && value != "false"
    }
}

/// Schema order of the children of the elements Word is strict about.
enum SchemaOrder {
    static let pPr = [
        "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
        "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
        "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
        "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
        "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
    ]
    static let rPr = [
        "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike", "w:outline",
        "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
        "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
        "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
    ]
    /// Header and footer references form one group at the start.
    static let sectPr = [
        "w:headerReference|w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz", "w:pgMar", "w:paperSrc",
        "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
        "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
    ]
    static let tblPr = [
        "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW",
        "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
    ]
    static let tcPr = [
        "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar",
        "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
    ]
    static let style = [
        "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority", "w:semiHidden",
        "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose", "w:personalReply", "w:rsid", "w:pPr",
        "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr",
    ]
    static let barSeries = [
        "c:idx", "c:order", "c:tx", "c:spPr", "c:invertIfNegative", "c:pictureOptions", "c:dPt", "c:dLbls", "c:trendline",
        "c:errBars", "c:cat", "c:val", "c:shape", "c:extLst",
    ]
    static let lineSeries = [
        "c:idx", "c:order", "c:tx", "c:spPr", "c:marker", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:cat", "c:val",
        "c:smooth", "c:extLst",
    ]

    /// The names of `element`'s children that are unknown to `order` or out of order.
    static func violations(_ element: XMLElement, _ order: [String]) -> [String] {
        var rank: [String: Int] = [:]
        for (i, group) in order.enumerated() {
            for name in group.split(separator: "|") { rank[String(name)] = i }
        }
        var last = -1
        var problems: [String] = []
        for child in element.elementChildren {
            let name = child.name ?? "?"
            guard let r = rank[name] else {
                problems.append("unknown \(name) in \(element.name ?? "?")")
                continue
            }
            if r < last { problems.append("\(name) out of order in \(element.name ?? "?")") }
            last = max(last, r)
        }
        return problems
    }
}
