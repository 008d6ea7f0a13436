import BaocaoDocument
import Foundation
import XCTest

@testable import BaocaoRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The 13-column dossier table, as the procedures plugin builds it, fits a portrait page: no
/// word and no figure is broken, at a type size of at least 9 pt.
final class WideTableFitTests: XCTestCase {
    static func dossierTable() -> Table {
        let counts = [
            "Kỳ trước chuyển sang", "Trực tuyến", "Trực tiếp", "Qua bưu chính công ích", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
            "Tổng số", "Trong hạn", "Quá hạn",
        ]
        let columns =
            [Table.Column("Đơn vị", width: 2.4)] + counts.map { Table.Column($0, alignment: .right) }
            + [Table.Column("Tỷ lệ giải quyết trước và đúng hạn", unit: "%", alignment: .right, width: 1.2)]
        let row: [Cell] =
            [Cell("Trung tâm Phục vụ hành chính công tỉnh")]
            + ["1.234", "56.905", "12.094", "1.247", "71.480", "47.268", "21.930", "119", "69.317", "2.163", "120", "99,83 %"].map {
                Cell($0)
            }
        return Table(
            caption: "Tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính quý III năm 2026", columns: columns, rows: [row, row],
            totals: [Cell("Tổng cộng")] + row.dropFirst(), note: "Nguồn: số liệu minh họa.",
            headerGroups: [
                Table.HeaderGroup("Tiếp nhận", first: 1, count: 5), Table.HeaderGroup("Mới tiếp nhận", first: 2, count: 3),
                Table.HeaderGroup("Đã giải quyết", first: 6, count: 4), Table.HeaderGroup("Đang giải quyết", first: 10, count: 2),
            ], unit: "hồ sơ")
    }

    func testEveryColumnHoldsItsLongestWordOnAPortraitPage() throws {
        let table = Self.dossierTable()
        var document = SampleDocument.make(appendices: false)
        document.body = [.table(table)]
        let package = try DocxPackage(try DOCXRenderer().render(document))
        let body = try XCTUnwrap(try package.xml("word/document.xml").child("w:body"))
        let tbl = try XCTUnwrap(body.children(named: "w:tbl").first { $0.descendants("w:tblHeader").count > 0 })
        let grid = try XCTUnwrap(tbl.child("w:tblGrid")).children(named: "w:gridCol").compactMap { Int($0.attr("w:w") ?? "") }
        XCTAssertEqual(grid.reduce(0, +), PageLayout.portraitTextWidth, "as wide as the text, no wider")
        let halfPoints = try XCTUnwrap(tbl.descendants("w:sz").first?.attr("w:val").flatMap { Int($0) })
        let size = Double(halfPoints) / 2
        XCTAssertGreaterThanOrEqual(size, 9, "readable type")
        let margin = try XCTUnwrap(tbl.child("w:tblPr")?.child("w:tblCellMar")?.child("w:left")?.attr("w:w").flatMap { Int($0) })
        func longest(_ text: String, _ face: TextMetrics.Face) -> Int {
            text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { TextMetrics.twips(String($0), size: size, face: face) }.max() ?? 0
        }
        for (i, column) in table.columns.enumerated() {
            var widest = max(longest(column.title, .bold), longest("(\(column.unit ?? ""))", .italic))
            for row in table.rows { widest = max(widest, longest(DOCXBodyWriter.keepPercentTogether(row[i].text), .regular)) }
            XCTAssertGreaterThanOrEqual(grid[i], widest + 2 * margin, "column \(i + 1) (\(column.title)) breaks a word")
        }
        for group in table.headerGroups {
            let width = grid[group.first..<(group.first + group.count)].reduce(0, +)
            XCTAssertGreaterThanOrEqual(width, longest(group.title, .bold) + 2 * margin, group.title)
        }
    }
}
