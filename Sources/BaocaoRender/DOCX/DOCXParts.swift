import BaocaoDocument

/// Namespaces, relationship types and content types of the package.
enum OOXML {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let c = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"

    static let relOfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let relCoreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    static let relExtendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
    static let relStyles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
    static let relSettings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
    static let relFontTable = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
    static let relHeader = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
    static let relChart = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
    /// An embedded package, such as a chart's workbook.
    static let relPackage = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"

    static let ctDocument = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    static let ctStyles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
    static let ctSettings = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
    static let ctFontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
    static let ctHeader = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
    static let ctChart = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    static let ctCore = "application/vnd.openxmlformats-package.core-properties+xml"
    static let ctExtended = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
    static let ctRelationships = "application/vnd.openxmlformats-package.relationships+xml"

    /// The font of every text: Times New Roman, in all four slots.
    static let font = "Times New Roman"

    /// Relationship ids of `word/_rels/document.xml.rels`, assigned in a fixed order; charts
    /// follow in document order.
    static let styleRelId = "rId1"
    static let settingsRelId = "rId2"
    static let fontTableRelId = "rId3"
    static let defaultHeaderRelId = "rId4"
    static let firstHeaderRelId = "rId5"
    static func chartRelId(_ number: Int) -> String { "rId\(5 + number)" }

    /// Half-points for a size in points.
    static func halfPoints(_ points: Double) -> String { String(Int((points * 2).rounded())) }
    /// Twips for a size in points.
    static func twips(points: Double) -> Int { Int((points * 20).rounded()) }
}

/// The parts of the package other than the document and its charts.
enum DOCXParts {
    static func contentTypes(charts: Int) -> String {
        var x = XMLWriter()
        x.open("Types", ["xmlns": OOXML.contentTypes])
        x.empty("Default", ["Extension": "rels", "ContentType": OOXML.ctRelationships])
        x.empty("Default", ["Extension": "xml", "ContentType": "application/xml"])
        // The charts' embedded workbooks.
        if charts > 0 { x.empty("Default", ["Extension": "xlsx", "ContentType": ChartWorkbook.contentType]) }
        let overrides: [(String, String)] =
            [
                ("/word/document.xml", OOXML.ctDocument),
                ("/word/styles.xml", OOXML.ctStyles),
                ("/word/settings.xml", OOXML.ctSettings),
                ("/word/fontTable.xml", OOXML.ctFontTable),
                ("/word/header1.xml", OOXML.ctHeader),
                ("/word/header2.xml", OOXML.ctHeader),
            ] + (0..<charts).map { ("/word/charts/chart\($0 + 1).xml", OOXML.ctChart) } + [
                ("/docProps/core.xml", OOXML.ctCore),
                ("/docProps/app.xml", OOXML.ctExtended),
            ]
        for (part, type) in overrides {
            x.empty("Override", ["PartName": part, "ContentType": type])
        }
        x.close("Types")
        return x.xml
    }

    static var packageRelationships: String {
        var x = XMLWriter()
        x.open("Relationships", ["xmlns": OOXML.packageRelationships])
        x.empty("Relationship", ["Id": "rId1", "Type": OOXML.relOfficeDocument, "Target": "word/document.xml"])
        x.empty("Relationship", ["Id": "rId2", "Type": OOXML.relCoreProperties, "Target": "docProps/core.xml"])
        x.empty("Relationship", ["Id": "rId3", "Type": OOXML.relExtendedProperties, "Target": "docProps/app.xml"])
        x.close("Relationships")
        return x.xml
    }

    static func documentRelationships(charts: Int) -> String {
        var x = XMLWriter()
        x.open("Relationships", ["xmlns": OOXML.packageRelationships])
        x.empty("Relationship", ["Id": OOXML.styleRelId, "Type": OOXML.relStyles, "Target": "styles.xml"])
        x.empty("Relationship", ["Id": OOXML.settingsRelId, "Type": OOXML.relSettings, "Target": "settings.xml"])
        x.empty("Relationship", ["Id": OOXML.fontTableRelId, "Type": OOXML.relFontTable, "Target": "fontTable.xml"])
        x.empty("Relationship", ["Id": OOXML.defaultHeaderRelId, "Type": OOXML.relHeader, "Target": "header1.xml"])
        x.empty("Relationship", ["Id": OOXML.firstHeaderRelId, "Type": OOXML.relHeader, "Target": "header2.xml"])
        for n in 0..<charts {
            x.empty("Relationship", ["Id": OOXML.chartRelId(n + 1), "Type": OOXML.relChart, "Target": "charts/chart\(n + 1).xml"])
        }
        x.close("Relationships")
        return x.xml
    }

    /// Title, issuing body and period; no dates, so the bytes do not depend on the clock.
    static func coreProperties(_ d: ReportDocument) -> String {
        let m = d.metadata
        var x = XMLWriter()
        x.open(
            "cp:coreProperties",
            [
                "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                "xmlns:dc": "http://purl.org/dc/elements/1.1/",
                "xmlns:dcterms": "http://purl.org/dc/terms/",
                "xmlns:dcmitype": "http://purl.org/dc/dcmitype/",
                "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            ])
        x.text("dc:title", m.title)
        x.text("dc:subject", m.periodLabel)
        x.text("dc:creator", m.author)
        let keywords = [d.typeName.capitalizedFirst, m.periodLabel, m.period].filter { !$0.isEmpty }
        x.text("cp:keywords", keywords.joined(separator: "; "))
        x.text("dc:description", d.summary)
        x.text("cp:lastModifiedBy", m.author)
        x.text("dc:language", m.language)
        x.text("cp:category", d.typeName.capitalizedFirst)
        if d.header.isDraft { x.text("cp:contentStatus", "Dự thảo") }
        x.close("cp:coreProperties")
        return x.xml
    }

    static func extendedProperties(_ d: ReportDocument) -> String {
        var x = XMLWriter()
        x.open(
            "Properties",
            [
                "xmlns": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
                "xmlns:vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
            ])
        x.text("Application", "baocao")
        x.text("DocSecurity", "0")
        x.text("Company", d.metadata.author)
        x.close("Properties")
        return x.xml
    }

    static var fontTable: String {
        var x = XMLWriter()
        x.open("w:fonts", ["xmlns:w": OOXML.w])
        x.open("w:font", ["w:name": OOXML.font])
        x.empty("w:panose1", ["w:val": "02020603050405020304"])
        x.empty("w:charset", ["w:val": "00"])
        x.empty("w:family", ["w:val": "roman"])
        x.empty("w:pitch", ["w:val": "variable"])
        x.close("w:font")
        x.close("w:fonts")
        return x.xml
    }

    static var settings: String {
        var x = XMLWriter()
        x.open("w:settings", ["xmlns:w": OOXML.w])
        x.empty("w:zoom", ["w:percent": "100"])
        x.empty("w:defaultTabStop", ["w:val": "720"])
        x.empty("w:characterSpacingControl", ["w:val": "doNotCompress"])
        x.open("w:compat")
        x.empty(
            "w:compatSetting",
            ["w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"])
        x.close("w:compat")
        x.empty("w:themeFontLang", ["w:val": "vi-VN"])
        x.empty("w:decimalSymbol", ["w:val": ","])
        x.empty("w:listSeparator", ["w:val": ";"])
        x.close("w:settings")
        return x.xml
    }

    /// The default header: the page number, centred, 14 pt, as a PAGE field.
    static var pageNumberHeader: String {
        var x = XMLWriter()
        x.open("w:hdr", ["xmlns:w": OOXML.w, "xmlns:r": OOXML.r])
        x.open("w:p")
        x.open("w:pPr")
        x.empty("w:pStyle", ["w:val": "Header"])
        x.empty("w:jc", ["w:val": "center"])
        x.close("w:pPr")
        x.raw("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>")
        x.raw("<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>")
        x.raw("<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>")
        x.raw("<w:r><w:t>2</w:t></w:r>")
        x.raw("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")
        x.close("w:p")
        x.close("w:hdr")
        return x.xml
    }

    /// The header of a section's first page: empty, so page 1 carries no number.
    static var emptyHeader: String {
        var x = XMLWriter()
        x.open("w:hdr", ["xmlns:w": OOXML.w, "xmlns:r": OOXML.r])
        x.open("w:p")
        x.open("w:pPr")
        x.empty("w:pStyle", ["w:val": "Header"])
        x.close("w:pPr")
        x.close("w:p")
        x.close("w:hdr")
        return x.xml
    }

    // MARK: Styles

    static var styles: String {
        var x = XMLWriter()
        x.open("w:styles", ["xmlns:w": OOXML.w])
        x.open("w:docDefaults")
        x.open("w:rPrDefault")
        x.open("w:rPr")
        fonts(&x)
        x.empty("w:color", ["w:val": "000000"])
        size(&x, PageLayout.bodySize)
        x.empty("w:lang", ["w:val": "vi-VN", "w:eastAsia": "en-US", "w:bidi": "ar-SA"])
        x.close("w:rPr")
        x.close("w:rPrDefault")
        x.open("w:pPrDefault")
        x.open("w:pPr")
        x.empty("w:widowControl")
        x.empty("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"])
        x.close("w:pPr")
        x.close("w:pPrDefault")
        x.close("w:docDefaults")

        let body = bodyParagraph
        paragraphStyle(&x, id: "Normal", name: "Normal", isDefault: true, size: PageLayout.bodySize)
        x.raw(
            "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/>"
                + "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>")
        x.raw(
            "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
                + "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
                + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
                + "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>")
        x.raw(
            "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/>"
                + "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>")
        paragraphStyle(&x, id: "BodyText", name: "Body Text", paragraph: body, size: PageLayout.bodySize)
        var heading = body
        heading.keepNext = true
        for level in 1...3 {
            heading.outlineLevel = level - 1
            paragraphStyle(
                &x, id: "Heading\(level)", name: "heading \(level)", next: "BodyText", paragraph: heading,
                run: RunProperties(bold: level < 3), size: PageLayout.bodySize)
        }
        paragraphStyle(
            &x, id: "Title", name: "Title", paragraph: ParagraphProperties(spacingBefore: 240, jc: "center"),
            run: RunProperties(bold: true), size: PageLayout.typeNameSize)
        paragraphStyle(
            &x, id: "Subtitle", name: "Subtitle",
            paragraph: ParagraphProperties(indLeft: 567, indRight: 567, jc: "center"),
            run: RunProperties(bold: true), size: PageLayout.summarySize)
        paragraphStyle(
            &x, id: "Caption", name: "caption", next: "BodyText",
            paragraph: ParagraphProperties(keepNext: true, spacingBefore: 160, spacingAfter: 80, jc: "center"),
            run: RunProperties(bold: true), size: PageLayout.captionSize)
        paragraphStyle(
            &x, id: "TableText", name: "Table Text", custom: true,
            paragraph: ParagraphProperties(spacingBefore: 30, spacingAfter: 30), size: 12)
        paragraphStyle(
            &x, id: "TableNote", name: "Table Note", custom: true,
            paragraph: ParagraphProperties(spacingBefore: 60, jc: "both"),
            run: RunProperties(italic: true), size: PageLayout.tableNoteSize)
        var notice = ParagraphProperties(keepNext: true, spacingBefore: 60, spacingAfter: 60, jc: "center")
        notice.box = "C00000"
        paragraphStyle(
            &x, id: "Notice", name: "Notice", custom: true, paragraph: notice,
            run: RunProperties(bold: true, color: "C00000"), size: PageLayout.noticeSize)
        paragraphStyle(
            &x, id: "Header", name: "header", paragraph: ParagraphProperties(jc: "center"), size: PageLayout.pageNumberSize)
        x.close("w:styles")
        return x.xml
    }

    /// Body paragraphs: justified, first-line indent 1 cm, 6 pt before, line spacing 1.2.
    static var bodyParagraph: ParagraphProperties {
        ParagraphProperties(
            spacingBefore: OOXML.twips(points: PageLayout.paragraphSpacing), spacingAfter: 0,
            line: Int((240 * PageLayout.lineSpacing).rounded()),
            firstLine: PageLayout.twips(mm: PageLayout.firstLineIndentMM), jc: "both")
    }

    static func fonts(_ x: inout XMLWriter) {
        x.empty("w:rFonts", ["w:ascii": OOXML.font, "w:eastAsia": OOXML.font, "w:hAnsi": OOXML.font, "w:cs": OOXML.font])
    }

    static func size(_ x: inout XMLWriter, _ points: Double) {
        x.empty("w:sz", ["w:val": OOXML.halfPoints(points)])
        x.empty("w:szCs", ["w:val": OOXML.halfPoints(points)])
    }

    private static func paragraphStyle(
        _ x: inout XMLWriter, id: String, name: String, isDefault: Bool = false, custom: Bool = false,
        next: String? = nil, paragraph: ParagraphProperties? = nil, run: RunProperties = RunProperties(), size points: Double
    ) {
        var attributes: KeyValuePairs<String, String> = ["w:type": "paragraph", "w:styleId": id]
        if isDefault {
            attributes = ["w:type": "paragraph", "w:default": "1", "w:styleId": id]
        } else if custom {
            attributes = ["w:type": "paragraph", "w:customStyle": "1", "w:styleId": id]
        }
        x.open("w:style", attributes)
        x.empty("w:name", ["w:val": name])
        if !isDefault { x.empty("w:basedOn", ["w:val": "Normal"]) }
        if let next { x.empty("w:next", ["w:val": next]) }
        x.empty("w:qFormat")
        if let paragraph { paragraph.write(&x) }
        var run = run
        run.size = points
        run.write(&x, fonts: true)
        x.close("w:style")
    }
}

extension String {
    /// "BÁO CÁO" → "Báo cáo".
    var capitalizedFirst: String {
        let lower = lowercased()
        guard let first = lower.first else { return lower }
        return first.uppercased() + lower.dropFirst()
    }
}
