import BaocaoDocument
import Foundation

/// The report as a Word document (WordprocessingML in a zip), laid out as Nghị định
/// 30/2020/NĐ-CP asks: A4, the decree's margins, Times New Roman, the two-column header and
/// closing block, page numbers in the header from page 2 on, appendices on pages of their own
/// numbered on their own, charts as native Word charts.
///
/// The same document always gives the same bytes: parts in a fixed order, every zip entry dated
/// 1980-01-01, ids assigned in document order, no clock, no random ids, no revision ids.
public struct DOCXRenderer: Renderer {
    public static let format = "docx"
    public static let fileExtension = "docx"

    public init() {}

    public func render(_ document: ReportDocument) throws -> Data {
        try TextCheck.validate(document)
        var body = DOCXBodyWriter(document: document)
        let documentXML = body.write()
        let charts = body.charts
        var entries: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data(DOCXParts.contentTypes(charts: charts.count).utf8)),
            ("_rels/.rels", Data(DOCXParts.packageRelationships.utf8)),
            ("docProps/core.xml", Data(DOCXParts.coreProperties(document).utf8)),
            ("docProps/app.xml", Data(DOCXParts.extendedProperties(document).utf8)),
            ("word/document.xml", Data(documentXML)),
            ("word/_rels/document.xml.rels", Data(DOCXParts.documentRelationships(charts: charts.count).utf8)),
            ("word/styles.xml", Data(DOCXParts.styles.utf8)),
            ("word/settings.xml", Data(DOCXParts.settings.utf8)),
            ("word/fontTable.xml", Data(DOCXParts.fontTable.utf8)),
            ("word/header1.xml", Data(DOCXParts.pageNumberHeader.utf8)),
            ("word/header2.xml", Data(DOCXParts.emptyHeader.utf8)),
        ]
        for (i, chart) in charts.enumerated() {
            let number = i + 1
            entries.append(("word/charts/chart\(number).xml", Data(DOCXChartWriter(chart: chart).write().utf8)))
            entries.append(("word/charts/_rels/chart\(number).xml.rels", Data(DOCXChartWriter.relationships(number: number).utf8)))
            entries.append(("word/embeddings/\(DOCXChartWriter.workbookName(number))", try ChartWorkbook.data(chart)))
        }
        return try ZipPackage.archive(entries)
    }
}
