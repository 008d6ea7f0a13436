import BaocaoDocument
import BaocaoRender
import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Documents at the edges of the model still give packages Word opens: no addressees, notices
/// or authority; empty charts and tables; headings beyond level 3; several appendices, portrait
/// and landscape; and tables of thousands of rows, quickly.
final class EdgeCaseTests: XCTestCase {
    func testSparseDocumentWithSeveralAppendices() throws {
        var document = SampleDocument.make(addressees: [])
        document.notices = []
        document.closing.signer = Signer(authority: nil, title: "CHÁNH VĂN PHÒNG", name: "")
        document.closing.recipients = []
        document.body = [
            .heading(Heading(level: 5, number: "", text: "Mục không đánh số")),
            .chart(Chart(kind: .bar, title: "Biểu đồ trống", categories: [], series: [])),
            .table(Table(caption: "", columns: [.init("A"), .init("B", alignment: .right)], rows: [])),
            .table(Table(caption: "", columns: [.init("C")], rows: [["1", "thừa"], []])),
            .table(Table(caption: "Bảng không cột", columns: [], rows: [])),
            .list([]),
            .paragraph(Paragraph(runs: [])),
        ]
        document.appendices = [
            Appendix(
                label: "Phụ lục I", title: "Bảng hẹp", attachedTo: "",
                body: [.table(Table(caption: "Bảng 3", columns: [.init("Nội dung", width: 3), .init("Số lượng")], rows: [["Tin", "1"]]))]),
            SampleDocument.appendix(draft: true),
            Appendix(label: "Phụ lục III", title: "Không có bảng", attachedTo: "(Kèm theo …)", body: []),
        ]
        let package = try DocxPackage(try DOCXRenderer().render(document))
        let body = try XCTUnwrap(try package.xml("word/document.xml").child("w:body"))
        XCTAssertEqual(body.elementChildren.last?.name, "w:sectPr")
        let sections = body.descendants("w:sectPr")
        XCTAssertEqual(sections.count, 4)
        XCTAssertEqual(
            sections.map { $0.child("w:pgSz")?.attr("w:orient") ?? "portrait" }, ["portrait", "portrait", "landscape", "portrait"])
        for cell in body.descendants("w:tc") { XCTAssertEqual(cell.elementChildren.last?.name, "w:p") }
        // Two tables in a row are kept apart by a paragraph, or Word would merge them.
        let children = body.elementChildren
        for (a, b) in zip(children, children.dropFirst()) {
            XCTAssertFalse(a.name == "w:tbl" && b.name == "w:tbl", "adjacent tables")
        }
        XCTAssertTrue(body.descendants("wp:inline").isEmpty, "an empty chart is not drawn")
        XCTAssertTrue(body.wordText.contains("Chưa có số liệu để vẽ biểu đồ"))
        XCTAssertFalse(package.paths.contains { $0.hasPrefix("word/charts/") })
        XCTAssertFalse(body.wordText.contains("Kính gửi"))
        XCTAssertFalse(body.wordText.contains("thừa"), "cells beyond the columns are not written")

        let html = String(decoding: try HTMLRenderer().render(document), as: UTF8.self)
        XCTAssertEqual(html.components(separatedBy: "class=\"page appendix").count - 1, 3)
    }

    func testThousandsOfRowsRenderQuickly() throws {
        var document = SampleDocument.make()
        let columns = SampleDocument.dossierTable(caption: "").columns
        let rows = (1...3000).map { i -> [Cell] in
            [Cell(String(i)), Cell("Đơn vị số \(i)")] + (0..<5).map { Cell(VietnameseFormat.count(i * 7 + $0)) } + [Cell("")]
        }
        document.body.append(.table(Table(caption: "Bảng lớn", columns: columns, rows: rows)))
        let start = Date()
        let data = try DOCXRenderer().render(document)
        let html = try HTMLRenderer().render(document)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertLessThan(elapsed, 120, "3000 rows took \(elapsed) s (a hang guard; speed is measured in Benchmarks/)")
        XCTAssertGreaterThan(data.count, 50_000)
        XCTAssertGreaterThan(html.count, 300_000)
        let package = try DocxPackage(data)
        XCTAssertNoThrow(try package.xml("word/document.xml"))
    }
}
