import BaocaoDocument
import BaocaoRender
import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A table with two levels of header groups, as each renderer draws it: DOCX with `w:gridSpan`
/// and `w:vMerge`, HTML with `colspan` and `rowspan`, Markdown with one row of full titles,
/// JSON with the groups.
final class HeaderGroupRenderTests: XCTestCase {
    static let table = Table(
        caption: "Tình hình tiếp nhận, giải quyết hồ sơ",
        columns: [
            Table.Column("Đơn vị", width: 2), Table.Column("Kỳ trước chuyển sang", unit: "hồ sơ", alignment: .right),
            Table.Column("Trực tuyến", alignment: .right), Table.Column("Trực tiếp", alignment: .right),
            Table.Column("Tổng số", alignment: .right), Table.Column("Đúng hạn", alignment: .right),
            Table.Column("Quá hạn", alignment: .right), Table.Column("Tỷ lệ", unit: "%", alignment: .right),
        ],
        rows: [["Trung tâm", "631", "6.905", "1.094", "8.630", "8.198", "9", "99,89 %"]],
        headerGroups: [
            Table.HeaderGroup("Tiếp nhận", first: 1, count: 4), Table.HeaderGroup("Mới tiếp nhận", first: 2, count: 2),
            Table.HeaderGroup("Đã giải quyết", first: 5, count: 2),
        ])

    static var document: ReportDocument {
        var d = SampleDocument.make(appendices: false)
        d.body = [.paragraph("Trước bảng."), .table(table), .paragraph("Sau bảng.")]
        return d
    }

    /// The one data table of the document.
    private func docxTable() throws -> XMLElement {
        let package = try DocxPackage(try DOCXRenderer().render(Self.document))
        let body = try XCTUnwrap(try package.xml("word/document.xml").child("w:body"))
        let tables = body.children(named: "w:tbl").filter { $0.descendants("w:tblHeader").count > 0 }
        XCTAssertEqual(tables.count, 1)
        return try XCTUnwrap(tables.first)
    }

    private func span(_ cell: XMLElement) -> Int { Int(cell.child("w:tcPr")?.val("w:gridSpan") ?? "1") ?? 1 }

    /// "restart", "continue" or "" for a cell's vertical merge.
    private func merge(_ cell: XMLElement) -> String {
        guard let v = cell.child("w:tcPr")?.child("w:vMerge") else { return "" }
        return v.attr("w:val") ?? "continue"
    }

    func testDocxHeaderRowsMergeCellsAcrossAndDown() throws {
        let table = try docxTable()
        let grid = try XCTUnwrap(table.child("w:tblGrid")).children(named: "w:gridCol").compactMap { Int($0.attr("w:w") ?? "") }
        XCTAssertEqual(grid.count, 8)
        let rows = table.children(named: "w:tr")
        XCTAssertEqual(rows.count, 4, "three header rows and one body row")
        for (i, row) in rows.enumerated() {
            XCTAssertNotNil(row.child("w:trPr")?.child("w:cantSplit"))
            XCTAssertEqual(row.child("w:trPr")?.child("w:tblHeader") != nil, i < 3, "header rows repeat on every page, row \(i)")
            let cells = row.children(named: "w:tc")
            XCTAssertEqual(cells.map(span).reduce(0, +), grid.count, "row \(i) covers the grid")
            var column = 0
            for cell in cells {
                let tcPr = try XCTUnwrap(cell.child("w:tcPr"))
                XCTAssertEqual(SchemaOrder.violations(tcPr, SchemaOrder.tcPr), [])
                let width = grid[column..<(column + span(cell))].reduce(0, +)
                XCTAssertEqual(tcPr.child("w:tcW")?.attr("w:w"), String(width), "a merged cell is as wide as its columns")
                XCTAssertEqual(cell.elementChildren.last?.name, "w:p")
                column += span(cell)
            }
        }
        func describe(_ row: XMLElement) -> [String] {
            row.children(named: "w:tc").map { cell in
                var s = cell.wordText
                if span(cell) > 1 { s += "+\(span(cell))" }
                if !merge(cell).isEmpty { s += "|\(merge(cell))" }
                return s
            }
        }
        XCTAssertEqual(describe(rows[0]), ["Đơn vị|restart", "Tiếp nhận+4", "Đã giải quyết+2", "Tỷ lệ(%)|restart"])
        XCTAssertEqual(
            describe(rows[1]),
            [
                "|continue", "Kỳ trước chuyển sang(hồ sơ)|restart", "Mới tiếp nhận+2", "Tổng số|restart", "Đúng hạn|restart",
                "Quá hạn|restart", "|continue",
            ])
        XCTAssertEqual(
            describe(rows[2]),
            ["|continue", "|continue", "Trực tuyến", "Trực tiếp", "|continue", "|continue", "|continue", "|continue"])
        XCTAssertEqual(describe(rows[3]).count, 8)
        // Group titles bold and centred like the column titles.
        let group = rows[0].children(named: "w:tc")[1]
        XCTAssertEqual(group.descendants("w:jc").first?.attr("w:val"), "center")
        XCTAssertTrue(group.descendants("w:rPr").first?.isOn("w:b") ?? false)
    }

    func testDocxGroupTitleWidensItsColumnsWhenItsLongestWordNeedsIt() throws {
        var t = Self.table
        // One long word over two narrow columns.
        t.headerGroups = [Table.HeaderGroup("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", first: 5, count: 2)]
        var d = Self.document
        d.body = [.table(t)]
        let package = try DocxPackage(try DOCXRenderer().render(d))
        let body = try XCTUnwrap(try package.xml("word/document.xml").child("w:body"))
        let table = try XCTUnwrap(body.children(named: "w:tbl").first { $0.descendants("w:tblHeader").count > 0 })
        let grid = try XCTUnwrap(table.child("w:tblGrid")).children(named: "w:gridCol").compactMap { Int($0.attr("w:w") ?? "") }
        let halfPoints = try XCTUnwrap(table.descendants("w:sz").first?.attr("w:val").flatMap { Int($0) })
        // Every letter of Times New Roman Bold is at least half an em wide.
        let atLeast = 36 * halfPoints * 10 / 2
        XCTAssertGreaterThanOrEqual(grid[5] + grid[6], atLeast, "the two columns hold the group's title on one line")
    }

    func testHTMLHeaderUsesColspanAndRowspan() throws {
        let page = String(decoding: try HTMLRenderer().render(Self.document), as: UTF8.self)
        let head = try XCTUnwrap(
            page.range(of: "<thead>").flatMap { start in
                page.range(of: "</thead>", range: start.upperBound..<page.endIndex).map { page[start.upperBound..<$0.lowerBound] }
            })
        let rows = head.components(separatedBy: "</tr>").filter { !$0.isEmpty }
        XCTAssertEqual(rows.count, 3)
        XCTAssertTrue(rows[0].contains("<th scope=\"col\" rowspan=\"3\">Đơn vị</th>"), rows[0])
        XCTAssertTrue(rows[0].contains("<th scope=\"colgroup\" colspan=\"4\">Tiếp nhận</th>"), rows[0])
        XCTAssertTrue(rows[0].contains("<th scope=\"colgroup\" colspan=\"2\">Đã giải quyết</th>"), rows[0])
        XCTAssertTrue(
            rows[1].contains("<th scope=\"col\" rowspan=\"2\">Kỳ trước chuyển sang<br><span class=\"unit\">(hồ sơ)</span></th>"), rows[1])
        XCTAssertTrue(rows[1].contains("<th scope=\"colgroup\" colspan=\"2\">Mới tiếp nhận</th>"), rows[1])
        XCTAssertEqual(rows[2].components(separatedBy: "<th").count - 1, 2, "only Trực tuyến and Trực tiếp start in the last row")
        // Each header row covers the eight columns, counting cells that reach down from above.
        func spans(_ row: String, _ attribute: String) -> [Int] {
            row.components(separatedBy: "<th").dropFirst().map { cell in
                guard let r = cell.range(of: "\(attribute)=\"") else { return 1 }
                return Int(cell[r.upperBound...].prefix { $0.isNumber }) ?? 1
            }
        }
        XCTAssertEqual(spans(rows[0], "colspan").reduce(0, +), 8)
        XCTAssertEqual(spans(rows[1], "colspan").reduce(0, +) + 2, 8, "Đơn vị and Tỷ lệ reach down")
        XCTAssertEqual(spans(rows[2], "colspan").reduce(0, +) + 6, 8)
    }

    func testMarkdownWritesOneHeaderRowOfFullTitles() throws {
        let md = String(decoding: try MarkdownRenderer().render(Self.document), as: UTF8.self)
        XCTAssertTrue(
            md.contains(
                "| Đơn vị | Tiếp nhận – Kỳ trước chuyển sang (hồ sơ) | Tiếp nhận – Mới tiếp nhận – Trực tuyến | "
                    + "Tiếp nhận – Mới tiếp nhận – Trực tiếp | Tiếp nhận – Tổng số | Đã giải quyết – Đúng hạn | "
                    + "Đã giải quyết – Quá hạn | Tỷ lệ (%) |\n|:---|---:|---:|---:|---:|---:|---:|---:|\n"), md)
    }

    /// A table's unit is said once, after its caption, in every format.
    func testTheTablesUnitFollowsItsCaption() throws {
        var t = Self.table
        t.unit = "hồ sơ"
        var d = Self.document
        d.body = [.table(t)]
        let package = try DocxPackage(try DOCXRenderer().render(d))
        let body = try XCTUnwrap(try package.xml("word/document.xml").child("w:body"))
        let table = try XCTUnwrap(body.children(named: "w:tbl").first { $0.descendants("w:tblHeader").count > 0 })
        let index = try XCTUnwrap(body.elementChildren.firstIndex { $0 === table })
        let caption = body.elementChildren[index - 1]
        XCTAssertEqual(caption.child("w:pPr")?.val("w:pStyle"), "Caption")
        XCTAssertEqual(caption.wordText, "Tình hình tiếp nhận, giải quyết hồ sơ (đơn vị tính: hồ sơ)")
        let unitRun = try XCTUnwrap(caption.descendants("w:r").last)
        XCTAssertTrue(unitRun.child("w:rPr")?.isOn("w:i") ?? false, "the unit in italic")
        let page = String(decoding: try HTMLRenderer().render(d), as: UTF8.self)
        XCTAssertTrue(
            page.contains("<figcaption>Tình hình tiếp nhận, giải quyết hồ sơ <span class=\"unit\">(đơn vị tính: hồ sơ)</span></figcaption>")
        )
        let md = String(decoding: try MarkdownRenderer().render(d), as: UTF8.self)
        XCTAssertTrue(md.contains("**Tình hình tiếp nhận, giải quyết hồ sơ** *(đơn vị tính: hồ sơ)*\n"), md)
        let json = String(decoding: try JSONRenderer().render(d), as: UTF8.self)
        let written = try XCTUnwrap(json.range(of: #""type" : "table",\s+"unit" : "hồ sơ""#, options: .regularExpression), json)
        XCTAssertFalse(json[written].isEmpty)
    }

    func testJSONCarriesTheGroupsAsCodableWritesThem() throws {
        let json = try JSONRenderer().render(Self.document)
        struct Envelope: Codable {
            var document: ReportDocument
            var format: String
            var version: Int
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = try encoder.encode(
            Envelope(document: Self.document, format: JSONRenderer.formatName, version: JSONRenderer.version))
        XCTAssertEqual(String(decoding: json, as: UTF8.self), String(decoding: expected + Data([0x0A]), as: UTF8.self))
        let decoded = try JSONDecoder().decode(Envelope.self, from: json)
        let tables = decoded.document.body.compactMap { block -> Table? in
            if case .table(let t) = block { return t } else { return nil }
        }
        XCTAssertEqual(tables.first?.headerGroups, Self.table.headerGroups)
    }
}
