import BaocaoDocument
import Foundation

/// The workbook embedded with a chart (`word/embeddings/…xlsx`), so that Word's "Edit Data"
/// opens the chart's figures: one sheet, "Sheet1", laid out as the chart's formulas name it —
/// the categories in A2 down, each series' name in row 1 and its values under it (B, C, …),
/// the reference line last. A missing value is an empty cell, as the chart leaves a gap.
///
/// A zip of its own, written like the DOCX: parts in a fixed order, dated 1980-01-01, no
/// document properties and so no clock. Strings are inline (no shared-string table), which
/// Excel reads and rewrites as it likes on the first edit.
enum ChartWorkbook {
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let sheetName = "Sheet1"

    private static let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// The sheet's columns: the categories, then one per series, then the reference line.
    static func columns(_ chart: Chart) -> [(name: String, values: [Double?])] {
        let values = ChartData.values(chart)
        var out = zip(chart.series, values).map { ($0.name, $1) }
        if let reference = chart.reference {
            out.append((reference.label, chart.categories.map { _ in reference.value.isFinite ? reference.value : nil }))
        }
        return out
    }

    static func data(_ chart: Chart) throws -> Data {
        try ZipPackage.archive([
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(packageRelationships.utf8)),
            ("xl/workbook.xml", Data(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelationships.utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
            ("xl/worksheets/sheet1.xml", Data(sheet(chart).utf8)),
        ])
    }

    static var contentTypes: String {
        var x = XMLWriter()
        x.open("Types", ["xmlns": OOXML.contentTypes])
        x.empty("Default", ["Extension": "rels", "ContentType": OOXML.ctRelationships])
        x.empty("Default", ["Extension": "xml", "ContentType": "application/xml"])
        x.empty(
            "Override",
            ["PartName": "/xl/workbook.xml", "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"])
        x.empty(
            "Override",
            [
                "PartName": "/xl/worksheets/sheet1.xml",
                "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
            ])
        x.empty(
            "Override",
            ["PartName": "/xl/styles.xml", "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"])
        x.close("Types")
        return x.xml
    }

    static var packageRelationships: String {
        var x = XMLWriter()
        x.open("Relationships", ["xmlns": OOXML.packageRelationships])
        x.empty("Relationship", ["Id": "rId1", "Type": OOXML.relOfficeDocument, "Target": "xl/workbook.xml"])
        x.close("Relationships")
        return x.xml
    }

    static var workbook: String {
        var x = XMLWriter()
        x.open("workbook", ["xmlns": ns, "xmlns:r": OOXML.r])
        x.open("sheets")
        x.empty("sheet", ["name": sheetName, "sheetId": "1", "r:id": "rId1"])
        x.close("sheets")
        x.close("workbook")
        return x.xml
    }

    static var workbookRelationships: String {
        var x = XMLWriter()
        x.open("Relationships", ["xmlns": OOXML.packageRelationships])
        x.empty(
            "Relationship",
            [
                "Id": "rId1", "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
                "Target": "worksheets/sheet1.xml",
            ])
        x.empty(
            "Relationship",
            ["Id": "rId2", "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "Target": "styles.xml"])
        x.close("Relationships")
        return x.xml
    }

    /// The least a styles part holds: one font, the two fills Excel requires, one border, one
    /// cell format.
    static var styles: String {
        var x = XMLWriter()
        x.open("styleSheet", ["xmlns": ns])
        x.open("fonts", ["count": "1"])
        x.open("font")
        x.empty("sz", ["val": "11"])
        x.empty("name", ["val": OOXML.font])
        x.close("font")
        x.close("fonts")
        x.open("fills", ["count": "2"])
        x.raw("<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>")
        x.close("fills")
        x.open("borders", ["count": "1"])
        x.raw("<border><left/><right/><top/><bottom/><diagonal/></border>")
        x.close("borders")
        x.open("cellStyleXfs", ["count": "1"])
        x.empty("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"])
        x.close("cellStyleXfs")
        x.open("cellXfs", ["count": "1"])
        x.empty("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0"])
        x.close("cellXfs")
        x.close("styleSheet")
        return x.xml
    }

    static func sheet(_ chart: Chart) -> String {
        let columns = columns(chart)
        let lastColumn = DOCXChartWriter.column(columns.count)
        var x = XMLWriter()
        x.open("worksheet", ["xmlns": ns, "xmlns:r": OOXML.r])
        x.empty("dimension", ["ref": "A1:\(lastColumn)\(chart.categories.count + 1)"])
        x.open("cols")
        x.empty("col", ["min": "1", "max": "1", "width": "32", "customWidth": "1"])
        x.empty("col", ["min": "2", "max": String(columns.count + 1), "width": "16", "customWidth": "1"])
        x.close("cols")
        x.open("sheetData")
        x.open("row", ["r": "1"])
        for (i, column) in columns.enumerated() {
            string(&x, "\(DOCXChartWriter.column(i + 1))1", column.name)
        }
        x.close("row")
        for (r, category) in chart.categories.enumerated() {
            let row = r + 2
            x.open("row", ["r": String(row)])
            string(&x, "A\(row)", category)
            for (i, column) in columns.enumerated() {
                guard r < column.values.count, let value = column.values[r] else { continue }
                x.open("c", ["r": "\(DOCXChartWriter.column(i + 1))\(row)"])
                x.text("v", ChartPalette.xmlNumber(value))
                x.close("c")
            }
            x.close("row")
        }
        x.close("sheetData")
        x.close("worksheet")
        return x.xml
    }

    private static func string(_ x: inout XMLWriter, _ reference: String, _ text: String) {
        x.open("c", ["r": reference, "t": "inlineStr"])
        x.open("is")
        // Excel keeps spaces at either end only under xml:space, which it writes only then.
        if text.first?.isWhitespace ?? false || text.last?.isWhitespace ?? false {
            x.text("t", ["xml:space": "preserve"], text)
        } else {
            x.text("t", text)
        }
        x.close("is")
        x.close("c")
    }
}
