import Foundation

/// Writes a `Workbook` as an Office Open XML spreadsheet (.xlsx): SpreadsheetML parts in a zip.
///
/// Text goes to the shared-string table (UTF-8, in order of first use); numbers are written as
/// the shortest decimal that reads back as the same double. Parts are written in a fixed order
/// with fixed zip timestamps and no clock in the document properties: the same workbook always
/// gives the same bytes.
public struct XLSXWriter: Sendable {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var description: String { message }
    }

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    public init() {}

    public func write(_ workbook: Workbook) throws -> Data {
        try check(workbook)
        var strings = SharedStrings()
        var sheetParts: [Data] = []
        for (index, sheet) in workbook.sheets.enumerated() {
            sheetParts.append(Data(sheetXML(sheet, selected: index == 0, strings: &strings).utf8))
        }
        var entries: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data(contentTypes(sheetCount: workbook.sheets.count).utf8)),
            ("_rels/.rels", Data(rootRelationships.utf8)),
            ("docProps/app.xml", Data(appProperties(workbook).utf8)),
            ("docProps/core.xml", Data(coreProperties(workbook).utf8)),
            ("xl/workbook.xml", Data(workbookXML(workbook).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelationships(sheetCount: workbook.sheets.count).utf8)),
            ("xl/styles.xml", Data(Self.styles.utf8)),
            ("xl/sharedStrings.xml", Data(strings.xml.utf8)),
        ]
        for (index, part) in sheetParts.enumerated() {
            entries.append(("xl/worksheets/sheet\(index + 1).xml", part))
        }
        do {
            return try ZipParts.archive(entries)
        } catch {
            throw Failure(message: "\(error)")
        }
    }

    private func check(_ workbook: Workbook) throws {
        guard !workbook.sheets.isEmpty else { throw Failure(message: "bảng tính cần ít nhất một trang (a workbook needs a sheet)") }
        var seen = Set<String>()
        for sheet in workbook.sheets {
            let forbidden = CharacterSet(charactersIn: "[]:*?/\\")
            if sheet.name.isEmpty || sheet.name.count > 31 || sheet.name.unicodeScalars.contains(where: forbidden.contains)
                || sheet.name.hasPrefix("'") || sheet.name.hasSuffix("'")
            {
                throw Failure(
                    message: "tên trang tính '\(sheet.name)' không hợp lệ (1–31 ký tự, không có [ ] : * ? / \\) (invalid sheet name)")
            }
            guard seen.insert(sheet.name.lowercased()).inserted else {
                throw Failure(message: "tên trang tính '\(sheet.name)' bị trùng (duplicate sheet name)")
            }
        }
        for name in workbook.definedNames where !workbook.sheets.contains(where: { $0.name == name.sheet }) {
            throw Failure(message: "tên '\(name.name)' trỏ tới trang tính không có '\(name.sheet)' (defined name refers to no sheet)")
        }
    }

    // MARK: Package parts

    private func contentTypes(sheetCount: Int) -> String {
        var xml = Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml +=
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for i in 1...sheetCount {
            xml +=
                "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml +=
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        xml +=
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml +=
            "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return xml + "</Types>"
    }

    private var rootRelationships: String {
        Self.header + "<Relationships xmlns=\"\(Self.packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(Self.relationshipNamespace)/extended-properties\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>"
    }

    private func appProperties(_ workbook: Workbook) -> String {
        var xml = Self.header
        xml += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
        xml += "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        xml += "<Application>baocao</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        xml += "<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>"
        xml += "<vt:variant><vt:i4>\(workbook.sheets.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>"
        xml += "<TitlesOfParts><vt:vector size=\"\(workbook.sheets.count)\" baseType=\"lpstr\">"
        for sheet in workbook.sheets { xml += "<vt:lpstr>\(XMLEscape.text(sheet.name))</vt:lpstr>" }
        xml += "</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        xml += "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"
        return xml
    }

    /// No dates: a clock here would make every run differ.
    private func coreProperties(_ workbook: Workbook) -> String {
        var xml = Self.header
        xml += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        xml += "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
        xml += "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        if !workbook.title.isEmpty { xml += "<dc:title>\(XMLEscape.text(workbook.title))</dc:title>" }
        xml += "<dc:creator>baocao</dc:creator></cp:coreProperties>"
        return xml
    }

    private func workbookXML(_ workbook: Workbook) -> String {
        var xml = Self.header + "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        xml += "<workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in workbook.sheets.enumerated() {
            xml += "<sheet name=\"\(XMLEscape.text(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        if !workbook.definedNames.isEmpty {
            xml += "<definedNames>"
            for name in workbook.definedNames.sorted(by: { $0.name < $1.name }) {
                let sheet = name.sheet.replacingOccurrences(of: "'", with: "''")
                xml +=
                    "<definedName name=\"\(XMLEscape.text(name.name))\">\(XMLEscape.text("'\(sheet)'!\(name.cell.absolute)"))</definedName>"
            }
            xml += "</definedNames>"
        }
        // Excel recomputes on open; the forms hold no formulas, but a filled copy may.
        xml += "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>"
        return xml
    }

    private func workbookRelationships(sheetCount: Int) -> String {
        var xml = Self.header + "<Relationships xmlns=\"\(Self.packageRelationships)\">"
        for i in 1...sheetCount {
            xml += "<Relationship Id=\"rId\(i)\" Type=\"\(Self.relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(Self.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        xml +=
            "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(Self.relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    // MARK: Worksheets

    private func sheetXML(_ sheet: Worksheet, selected: Bool, strings: inout SharedStrings) -> String {
        let refs = sheet.cells.keys.sorted()
        let lastRow = max(refs.map(\.row).max() ?? 1, sheet.hiddenRows.max() ?? 1, sheet.rowHeights.keys.max() ?? 1)
        let lastColumn = refs.map(\.column).max() ?? 1
        var xml = Self.header + "<worksheet xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        xml += "<dimension ref=\"A1:\(CellReference(row: lastRow, column: lastColumn))\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        if sheet.frozenRows > 0 {
            let top = CellReference(row: sheet.frozenRows + 1, column: 1)
            xml += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(top)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"\(top)\" sqref=\"\(top)\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15.75\"/>"
        let columns = Set(sheet.columnWidths.keys).union(sheet.hiddenColumns).sorted()
        if !columns.isEmpty {
            xml += "<cols>"
            for c in columns {
                let width = sheet.columnWidths[c] ?? 9.140625
                xml += "<col min=\"\(c)\" max=\"\(c)\" width=\"\(SpreadsheetNumber.format(width))\" customWidth=\"1\""
                xml += sheet.hiddenColumns.contains(c) ? " hidden=\"1\"/>" : "/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        var byRow: [Int: [CellReference]] = [:]
        for ref in refs { byRow[ref.row, default: []].append(ref) }
        for row in Set(byRow.keys).union(sheet.hiddenRows).union(sheet.rowHeights.keys).sorted() {
            xml += "<row r=\"\(row)\""
            if let height = sheet.rowHeights[row] { xml += " ht=\"\(SpreadsheetNumber.format(height))\" customHeight=\"1\"" }
            xml += sheet.hiddenRows.contains(row) ? " hidden=\"1\">" : ">"
            for ref in byRow[row] ?? [] {
                guard let cell = sheet.cells[ref] else { continue }
                let style = cell.style == .plain ? "" : " s=\"\(cell.style.rawValue)\""
                switch cell.value {
                case nil:
                    xml += "<c r=\"\(ref)\"\(style)/>"
                case .text(let t)?:
                    xml += "<c r=\"\(ref)\"\(style) t=\"s\"><v>\(strings.index(of: t))</v></c>"
                case .number(let n)?:
                    xml += "<c r=\"\(ref)\"\(style)><v>\(SpreadsheetNumber.format(n))</v></c>"
                case .bool(let b)?:
                    xml += "<c r=\"\(ref)\"\(style) t=\"b\"><v>\(b ? 1 : 0)</v></c>"
                case .error(let e)?:
                    xml += "<c r=\"\(ref)\"\(style) t=\"e\"><v>\(XMLEscape.text(e))</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.merged.isEmpty {
            xml += "<mergeCells count=\"\(sheet.merged.count)\">"
            for (a, b) in sheet.merged { xml += "<mergeCell ref=\"\(a):\(b)\"/>" }
            xml += "</mergeCells>"
        }
        let validations = sheet.validations.filter { !$0.cells.isEmpty }
        if !validations.isEmpty {
            xml += "<dataValidations count=\"\(validations.count)\">"
            for v in validations { xml += validationXML(v) }
            xml += "</dataValidations>"
        }
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml +=
            "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return xml + "</worksheet>"
    }

    private func validationXML(_ v: DataValidation) -> String {
        let sqref = v.cells.sorted().map(\.description).joined(separator: " ")
        var attributes = "type=\"\(v.kind.rawValue)\" allowBlank=\"1\" showErrorMessage=\"1\""
        if v.promptTitle != nil || v.prompt != nil { attributes += " showInputMessage=\"1\"" }
        // Cut to Excel's limits: one character more and Excel repairs the file.
        let errorTitle = ExcelLimits.fit(v.errorTitle, ExcelLimits.errorTitle)
        let error = ExcelLimits.fit(v.error, ExcelLimits.error)
        attributes += " errorTitle=\"\(XMLEscape.text(errorTitle))\" error=\"\(XMLEscape.text(error))\""
        if let title = v.promptTitle {
            attributes += " promptTitle=\"\(XMLEscape.text(ExcelLimits.fit(title, ExcelLimits.promptTitle)))\""
        }
        if let prompt = v.prompt { attributes += " prompt=\"\(XMLEscape.text(ExcelLimits.fit(prompt, ExcelLimits.prompt)))\"" }
        var formulas = ""
        switch v.kind {
        case .list:
            formulas = "<formula1>\(XMLEscape.text("\"" + v.options.joined(separator: ",") + "\""))</formula1>"
        case .whole, .decimal:
            switch (v.minimum, v.maximum) {
            case (let lo?, let hi?):
                attributes += " operator=\"between\""
                formulas = "<formula1>\(SpreadsheetNumber.format(lo))</formula1><formula2>\(SpreadsheetNumber.format(hi))</formula2>"
            case (let lo?, nil):
                attributes += " operator=\"greaterThanOrEqual\""
                formulas = "<formula1>\(SpreadsheetNumber.format(lo))</formula1>"
            case (nil, let hi?):
                attributes += " operator=\"lessThanOrEqual\""
                formulas = "<formula1>\(SpreadsheetNumber.format(hi))</formula1>"
            case (nil, nil):
                attributes += " operator=\"greaterThanOrEqual\""
                formulas = "<formula1>-1E+307</formula1>"
            }
        }
        return "<dataValidation \(attributes) sqref=\"\(sqref)\">\(formulas)</dataValidation>"
    }

    // MARK: Styles

    /// Fonts, fills, borders and the cell formats `CellStyle` indexes, in its order.
    static let styles: String = {
        let font = "<name val=\"Times New Roman\"/><family val=\"1\"/>"
        var xml = header + "<styleSheet xmlns=\"\(mainNamespace)\">"
        xml += "<fonts count=\"5\">"
        xml += "<font><sz val=\"12\"/>\(font)</font>"
        xml += "<font><b/><sz val=\"12\"/>\(font)</font>"
        xml += "<font><b/><sz val=\"14\"/>\(font)</font>"
        xml += "<font><i/><sz val=\"11\"/><color rgb=\"FF595959\"/>\(font)</font>"
        xml += "<font><sz val=\"9\"/><color rgb=\"FF808080\"/>\(font)</font>"
        xml += "</fonts><fills count=\"6\">"
        xml += "<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        for rgb in ["FFD9E1F2", "FFFFF2CC", "FFEDEDED", "FFE2EFDA"] {
            xml += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(rgb)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        xml += "</fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        let thin = "style=\"thin\"><color rgb=\"FF808080\"/>"
        xml += "<border><left \(thin)</left><right \(thin)</right><top \(thin)</top><bottom \(thin)</bottom><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        // (font, fill, border, wrap, vertical alignment, horizontal alignment, text format) for each
        // CellStyle. Cells where text is typed are formatted as text ("@"), so that Excel keeps
        // "0212…" or "2026-03" as typed instead of turning them into a number or a date.
        let formats: [(Int, Int, Int, Bool, String?, String?, Bool)] = [
            (0, 0, 0, false, nil, nil, false),  // plain
            (2, 0, 0, false, "center", nil, false),  // title
            (3, 0, 0, true, "top", nil, false),  // hint
            (1, 0, 0, false, "top", nil, false),  // label
            (1, 3, 1, false, "center", nil, true),  // code
            (1, 2, 1, true, "center", "center", false),  // header
            (4, 0, 0, false, nil, nil, false),  // key
            (1, 5, 1, false, "center", nil, false),  // section
            (0, 0, 1, true, "top", nil, false),  // text
            (3, 0, 1, true, "top", nil, false),  // muted
            (0, 3, 1, false, "top", nil, false),  // input
            (0, 3, 1, true, "top", nil, true),  // inputText
            (0, 4, 1, false, "top", nil, false),  // disabled
        ]
        xml += "<cellXfs count=\"\(formats.count)\">"
        for (font, fill, border, wrap, vertical, horizontal, text) in formats {
            xml += "<xf numFmtId=\"\(text ? 49 : 0)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\""
            if text { xml += " applyNumberFormat=\"1\"" }
            if font != 0 { xml += " applyFont=\"1\"" }
            if fill != 0 { xml += " applyFill=\"1\"" }
            if border != 0 { xml += " applyBorder=\"1\"" }
            if wrap || vertical != nil || horizontal != nil {
                xml += " applyAlignment=\"1\"><alignment"
                if let horizontal { xml += " horizontal=\"\(horizontal)\"" }
                if let vertical { xml += " vertical=\"\(vertical)\"" }
                if wrap { xml += " wrapText=\"1\"" }
                xml += "/></xf>"
            } else {
                xml += "/>"
            }
        }
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return xml + "</styleSheet>"
    }()
}

/// The shared-string table, in order of first use.
struct SharedStrings {
    private var indices: [String: Int] = [:]
    private var ordered: [String] = []
    private var uses = 0

    mutating func index(of text: String) -> Int {
        uses += 1
        if let i = indices[text] { return i }
        indices[text] = ordered.count
        ordered.append(text)
        return ordered.count - 1
    }

    var xml: String {
        var xml = XLSXWriter.header
        xml += "<sst xmlns=\"\(XLSXWriter.mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(ordered.count)\">"
        for s in ordered {
            let preserve = s.first?.isWhitespace == true || s.last?.isWhitespace == true || s.contains("\n")
            xml += preserve ? "<si><t xml:space=\"preserve\">\(XMLEscape.text(s))</t></si>" : "<si><t>\(XMLEscape.text(s))</t></si>"
        }
        return xml + "</sst>"
    }
}
