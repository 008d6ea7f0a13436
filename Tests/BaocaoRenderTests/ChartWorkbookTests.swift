import BaocaoDocument
import Foundation
import XCTest

@testable import BaocaoRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Each Word chart carries its figures in an embedded workbook, so that Word's "Edit Data"
/// opens them; and the value axes write numbers the Vietnamese way.
final class ChartWorkbookTests: XCTestCase {
    /// A sheet's cells by reference ("B2"): the text of a string, the value of a number.
    private func cells(_ sheet: XMLElement) -> [String: String] {
        var out: [String: String] = [:]
        for cell in sheet.descendants("c") {
            let reference = cell.attr("r") ?? ""
            if cell.attr("t") == "inlineStr" {
                out[reference] = cell.descendants("t").map { $0.stringValue ?? "" }.joined()
            } else {
                out[reference] = cell.child("v")?.stringValue
            }
        }
        return out
    }

    /// "Sheet1!$B$2:$B$4" → ["B2", "B3", "B4"]; "Sheet1!$A$1" → ["A1"].
    private func references(_ formula: String) throws -> [String] {
        let range = try XCTUnwrap(formula.split(separator: "!").last).replacingOccurrences(of: "$", with: "")
        let ends = range.split(separator: ":").map(String.init)
        guard ends.count == 2 else { return ends }
        let column = ends[0].prefix { $0.isLetter }
        XCTAssertEqual(column, ends[1].prefix { $0.isLetter }, "one column")
        let first = try XCTUnwrap(Int(ends[0].dropFirst(column.count)))
        let last = try XCTUnwrap(Int(ends[1].dropFirst(column.count)))
        return (first...last).map { "\(column)\($0)" }
    }

    func testEveryChartCarriesAWorkbookHoldingWhatItsFormulasName() throws {
        let package = try DocxPackage(try DOCXRenderer().render(SampleDocument.make()))
        let types = try package.xml("[Content_Types].xml")
        XCTAssertTrue(
            types.children(named: "Default").contains {
                $0.attr("Extension") == "xlsx"
                    && $0.attr("ContentType") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }, "xlsx has a content type")
        for number in 1...2 {
            let path = "word/charts/chart\(number).xml"
            let chart = try package.xml(path)
            // c:externalData after c:txPr, the last child of c:chartSpace; Word redraws only on edit.
            let external = try XCTUnwrap(chart.elementChildren.last)
            XCTAssertEqual(external.name, "c:externalData")
            XCTAssertEqual(chart.elementChildren.dropLast().last?.name, "c:txPr")
            XCTAssertEqual(external.child("c:autoUpdate")?.attr("val"), "0")
            let rel = try XCTUnwrap(try package.relationships(of: path)[try XCTUnwrap(external.attr("r:id"))])
            XCTAssertEqual(rel.type, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package")
            XCTAssertEqual(rel.target, "word/embeddings/Microsoft_Excel_Worksheet\(number).xlsx")

            let workbook = try DocxPackage(try XCTUnwrap(package.parts[rel.target]))
            XCTAssertEqual(
                workbook.paths,
                [
                    "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                    "xl/worksheets/sheet1.xml",
                ])
            let root = try workbook.relationships(of: "")
            XCTAssertEqual(root["rId1"]?.target, "xl/workbook.xml")
            let sheetEntry = try XCTUnwrap(try workbook.xml("xl/workbook.xml").descendants("sheet").first)
            XCTAssertEqual(sheetEntry.attr("name"), "Sheet1")
            let sheetPath = try XCTUnwrap(try workbook.relationships(of: "xl/workbook.xml")[try XCTUnwrap(sheetEntry.attr("r:id"))]).target
            let values = cells(try workbook.xml(sheetPath))

            // Every series' name, categories and values in the chart's cache are in the cells its
            // formulas name; a gap in the cache is an empty cell.
            for series in chart.descendants("c:ser") {
                for reference in series.descendants("c:strRef") + series.descendants("c:numRef") {
                    let names = try references(try XCTUnwrap(reference.child("c:f")?.stringValue))
                    let cache = try XCTUnwrap(reference.child("c:strCache") ?? reference.child("c:numCache"))
                    var cached: [Int: String] = [:]
                    for point in cache.children(named: "c:pt") {
                        cached[Int(point.attr("idx") ?? "") ?? -1] = point.child("c:v")?.stringValue
                    }
                    for (i, name) in names.enumerated() {
                        XCTAssertEqual(values[name], cached[i], "chart \(number), cell \(name)")
                    }
                }
            }
        }
        // The bar chart's sheet, cell by cell: categories, two series with a gap, the reference.
        let sheet = cells(
            try DocxPackage(try XCTUnwrap(package.parts["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"])).xml("xl/worksheets/sheet1.xml")
        )
        XCTAssertEqual(sheet["B1"], "Cổng thông tin điện tử tỉnh")
        XCTAssertEqual(sheet["C1"], "Trang thông tin của Văn phòng")
        XCTAssertEqual(sheet["D1"], "Yêu cầu hằng tháng")
        XCTAssertEqual([sheet["B2"], sheet["B3"], sheet["B4"]], ["40", "38", "48"])
        XCTAssertEqual([sheet["C2"], sheet["C3"], sheet["C4"]], ["12", nil, "15"])
        XCTAssertEqual([sheet["D2"], sheet["D3"], sheet["D4"]], ["30", "30", "30"])
    }

    func testTheWorkbookIsTheSameBytesForTheSameChart() throws {
        let chart = Chart(
            kind: .line, title: "PAR INDEX", categories: ["2022", "2023"],
            series: [Chart.Series(name: " có dấu cách ", values: [88.66, 90.02])])
        XCTAssertEqual(try ChartWorkbook.data(chart), try ChartWorkbook.data(chart))
        let sheet = ChartWorkbook.sheet(chart)
        XCTAssertTrue(sheet.contains("<t xml:space=\"preserve\"> có dấu cách </t>"), "spaces at the ends kept")
        XCTAssertTrue(sheet.contains("<c r=\"B3\"><v>90.02</v></c>"), sheet)
    }

    // MARK: Axis numbers

    func testAxisLabelsGroupThousandsAndShowTheStepsDecimals() {
        let thousands = Scale(min: 0, max: 8_500)
        XCTAssertEqual(thousands.ticks.map(thousands.label), ["0", "2.000", "4.000", "6.000", "8.000", "10.000"])
        XCTAssertEqual(thousands.excelFormat, #"[>=1000000]#\.###\.##0;[>=1000]#\.##0;0"#)
        let quarters = Scale(min: 0, max: 0.9)
        XCTAssertEqual(quarters.step, 0.2)
        XCTAssertEqual(quarters.ticks.map(quarters.label), ["0,0", "0,2", "0,4", "0,6", "0,8", "1,0"])
        XCTAssertEqual(quarters.excelFormat, "[$-42A]#,##0.0")
        let fine = Scale(min: 0, max: 1.1)
        XCTAssertEqual(fine.step, 0.25)
        XCTAssertEqual(fine.ticks.map(fine.label), ["0,00", "0,25", "0,50", "0,75", "1,00", "1,25"])
        XCTAssertEqual(fine.excelFormat, "[$-42A]#,##0.00")
        let negative = Scale(min: -3_000, max: 5_000)
        XCTAssertEqual(negative.label(-2_000), "-2.000")
        XCTAssertEqual(negative.excelFormat, "[$-42A]#,##0", "the literal-dot format is for axes from zero up")
    }

    func testWordAndSVGChartsWriteTheAxisTheVietnameseWay() throws {
        var document = SampleDocument.make(appendices: false)
        document.body = [
            .chart(
                Chart(
                    kind: .bar, title: "Hồ sơ", categories: ["Quý II", "Quý III"],
                    series: [Chart.Series(name: "Hồ sơ", values: [7_800, 8_207])], unit: "hồ sơ"))
        ]
        let package = try DocxPackage(try DOCXRenderer().render(document))
        let axis = try XCTUnwrap(try package.xml("word/charts/chart1.xml").descendants("c:valAx").first)
        XCTAssertEqual(axis.child("c:numFmt")?.attr("formatCode"), #"[>=1000000]#\.###\.##0;[>=1000]#\.##0;0"#)
        XCTAssertEqual(axis.child("c:numFmt")?.attr("sourceLinked"), "0")
        let page = String(decoding: try HTMLRenderer().render(document), as: UTF8.self)
        XCTAssertTrue(page.contains(">8.000</text>"), "SVG axis with the thousands separator")
        XCTAssertFalse(page.contains(">8000</text>"))
    }
}
