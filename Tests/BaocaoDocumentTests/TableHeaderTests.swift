import BaocaoDocument
import Foundation
import XCTest

/// Header groups: groups over their columns, nested groups a row lower, column titles reaching
/// down to the last header row, malformed groups dropped, and the flat titles of one-row headers.
final class TableHeaderTests: XCTestCase {
    /// Unit | Tiếp nhận (carried over | Mới tiếp nhận (online | direct) | total) | Đã giải
    /// quyết (on time | late) | rate.
    static let table = Table(
        caption: "Hồ sơ",
        columns: [
            Table.Column("Đơn vị"), Table.Column("Kỳ trước chuyển sang", unit: "hồ sơ"), Table.Column("Trực tuyến"),
            Table.Column("Trực tiếp"), Table.Column("Tổng số"), Table.Column("Đúng hạn"), Table.Column("Quá hạn"),
            Table.Column("Tỷ lệ", unit: "%"),
        ],
        rows: [["A", "1", "2", "3", "6", "5", "1", "83,3 %"]],
        headerGroups: [
            Table.HeaderGroup("Tiếp nhận", first: 1, count: 4), Table.HeaderGroup("Mới tiếp nhận", first: 2, count: 2),
            Table.HeaderGroup("Đã giải quyết", first: 5, count: 2),
        ])

    /// Each header row as "title@column+span×rows".
    private func shape(_ table: Table) -> [[String]] {
        let layout = table.headerLayout
        return layout.rows.map { row in
            row.map { "\(layout.title($0, in: table))@\($0.column)+\($0.columnSpan)×\($0.rowSpan)" }
        }
    }

    func testGroupsSpanTheirColumnsAndColumnTitlesReachTheLastHeaderRow() {
        let layout = Self.table.headerLayout
        XCTAssertEqual(layout.rowCount, 3)
        XCTAssertEqual(
            shape(Self.table),
            [
                ["Đơn vị@0+1×3", "Tiếp nhận@1+4×1", "Đã giải quyết@5+2×1", "Tỷ lệ@7+1×3"],
                ["Kỳ trước chuyển sang@1+1×2", "Mới tiếp nhận@2+2×1", "Tổng số@4+1×2", "Đúng hạn@5+1×2", "Quá hạn@6+1×2"],
                ["Trực tuyến@2+1×1", "Trực tiếp@3+1×1"],
            ])
        // Every column is covered once in every header row, by a cell that starts there or above.
        for row in 0..<layout.rowCount {
            var covered = [Int](repeating: 0, count: Self.table.columns.count)
            for cells in layout.rows[...row] {
                for cell in cells where cell.row + cell.rowSpan > row {
                    for c in cell.column..<(cell.column + cell.columnSpan) { covered[c] += 1 }
                }
            }
            XCTAssertEqual(covered, [Int](repeating: 1, count: covered.count), "header row \(row)")
        }
        XCTAssertEqual(layout.paths[3], [0, 1], "Trực tiếp under Tiếp nhận, then Mới tiếp nhận")
    }

    func testTheGroupsOrderDoesNotMatter() {
        var reversed = Self.table
        reversed.headerGroups.reverse()
        XCTAssertEqual(shape(reversed), shape(Self.table))
    }

    func testWithoutGroupsTheHeaderIsOneRowOfColumnTitles() {
        var plain = Self.table
        plain.headerGroups = []
        XCTAssertEqual(plain.headerLayout.rowCount, 1)
        XCTAssertEqual(shape(plain), [plain.columns.indices.map { "\(plain.columns[$0].title)@\($0)+1×1" }])
        XCTAssertEqual(plain.flatHeaderTexts, plain.columns.map(\.headerText))
    }

    func testMalformedGroupsAreDropped() {
        var t = Self.table
        t.headerGroups += [
            Table.HeaderGroup("Chéo", first: 3, count: 3),  // crosses Tiếp nhận and Đã giải quyết
            Table.HeaderGroup("Trùng", first: 5, count: 2),  // the same columns as Đã giải quyết
            Table.HeaderGroup("Quá cột", first: 7, count: 2),  // past the last column
            Table.HeaderGroup("Rỗng", first: 0, count: 0),
            Table.HeaderGroup("Âm", first: -1, count: 2),
            Table.HeaderGroup("Tràn", first: Int.max, count: Int.max),
        ]
        XCTAssertEqual(t.headerLayout.groups.map(\.title), ["Tiếp nhận", "Mới tiếp nhận", "Đã giải quyết"])
        XCTAssertEqual(shape(t), shape(Self.table))
        // JSON carries the groups that are drawn.
        let json = String(decoding: try! JSONEncoder().encode(t), as: UTF8.self)
        XCTAssertFalse(json.contains("Chéo") || json.contains("Trùng") || json.contains("Tràn"), json)
    }

    func testFlatTitlesFollowTheirGroups() {
        XCTAssertEqual(
            Self.table.flatHeaderTexts,
            [
                "Đơn vị", "Tiếp nhận – Kỳ trước chuyển sang (hồ sơ)", "Tiếp nhận – Mới tiếp nhận – Trực tuyến",
                "Tiếp nhận – Mới tiếp nhận – Trực tiếp", "Tiếp nhận – Tổng số", "Đã giải quyết – Đúng hạn",
                "Đã giải quyết – Quá hạn", "Tỷ lệ (%)",
            ])
    }

    func testCodableKeepsGroupsAndOmitsAnEmptyList() throws {
        let decoded = try JSONDecoder().decode(Table.self, from: try JSONEncoder().encode(Self.table))
        XCTAssertEqual(decoded, Self.table)
        var plain = Self.table
        plain.headerGroups = []
        let json = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
        XCTAssertFalse(json.contains("headerGroups"), "a table without groups writes no key: \(json)")
        XCTAssertEqual(try JSONDecoder().decode(Table.self, from: Data(json.utf8)), plain)
    }
}
