/// The header of a table as rows of cells, for renderers that merge cells (DOCX, HTML), and
/// the full title of each column, for those that cannot (Markdown, plain text).
///
/// Groups are taken in the order given; a group is dropped when it is empty, reaches past the
/// last column, or overlaps an earlier group without one holding the other (the same columns
/// twice count as overlapping). The depth of a group is the number of groups holding it; the
/// header has one row per depth and a last row of column titles. A column title starts in
/// the row under its innermost group and reaches down to the last header row.
public struct TableHeaderLayout: Equatable, Sendable {
    /// One cell of the header grid.
    public struct Cell: Equatable, Sendable {
        public enum Content: Equatable, Sendable {
            /// A group's title (index into `groups`).
            case group(Int)
            /// A column's title and unit (index into the table's columns).
            case column(Int)
        }

        public var content: Content
        /// The header row the cell starts in, from 0.
        public var row: Int
        /// The first column the cell covers.
        public var column: Int
        /// The number of columns it covers (more than 1 for a group).
        public var columnSpan: Int
        /// The number of header rows it covers (more than 1 for a column title under fewer groups
        /// than the deepest).
        public var rowSpan: Int
    }

    /// The groups kept, in the order the table gives them.
    public var groups: [Table.HeaderGroup]
    /// The number of header rows: 1 without groups.
    public var rowCount: Int
    /// The cells of each header row, left to right. A column whose title started in a row
    /// above has no cell in the rows below it.
    public var rows: [[Cell]]
    /// For each column, the kept groups that hold it, outermost first.
    public var paths: [[Int]]

    public init(_ table: Table) {
        let columnCount = table.columns.count
        var kept: [Table.HeaderGroup] = []
        for group in table.headerGroups {
            guard group.count >= 1, group.first >= 0, group.first <= columnCount - group.count else { continue }
            let lower = group.first
            let upper = group.first + group.count
            let fits = kept.allSatisfy { other in
                let otherUpper = other.first + other.count
                let disjoint = upper <= other.first || otherUpper <= lower
                let inside = lower >= other.first && upper <= otherUpper && (lower, upper) != (other.first, otherUpper)
                let around = lower <= other.first && upper >= otherUpper && (lower, upper) != (other.first, otherUpper)
                return disjoint || inside || around
            }
            if fits { kept.append(group) }
        }
        groups = kept

        // Each column's groups, outermost (widest) first; nested groups are strictly narrower.
        var paths = [[Int]](repeating: [], count: columnCount)
        for (g, group) in kept.enumerated() {
            for column in group.first..<(group.first + group.count) { paths[column].append(g) }
        }
        for column in paths.indices {
            paths[column].sort { kept[$0].count > kept[$1].count }
        }
        self.paths = paths
        let depth = paths.map(\.count).max() ?? 0
        rowCount = depth + 1

        var rows = [[Cell]](repeating: [], count: rowCount)
        for row in 0..<rowCount {
            var column = 0
            while column < columnCount {
                let path = paths[column]
                if row < path.count {
                    let group = kept[path[row]]
                    rows[row].append(
                        Cell(content: .group(path[row]), row: row, column: column, columnSpan: group.count, rowSpan: 1))
                    column += group.count
                } else {
                    if row == path.count {
                        rows[row].append(
                            Cell(content: .column(column), row: row, column: column, columnSpan: 1, rowSpan: rowCount - row))
                    }
                    column += 1
                }
            }
        }
        self.rows = rows
    }

    /// The title of the cell: a group's title, or a column's title (without its unit).
    public func title(_ cell: Cell, in table: Table) -> String {
        switch cell.content {
        case .group(let g): return groups[g].title
        case .column(let c): return table.columns[c].title
        }
    }
}

extension Table {
    /// The header as rows of cells, groups over their columns.
    public var headerLayout: TableHeaderLayout { TableHeaderLayout(self) }

    /// Each column's title preceded by the titles of the groups over it, for a header of one
    /// row: "Đã giải quyết – Trước hạn (hồ sơ)".
    public var flatHeaderTexts: [String] {
        guard !headerGroups.isEmpty else { return columns.map(\.headerText) }
        let layout = headerLayout
        return columns.indices.map { c in
            let titles = layout.paths[c].map { layout.groups[$0].title } + [columns[c].title]
            var column = columns[c]
            column.title = titles.filter { !$0.isEmpty }.joined(separator: " – ")
            return column.headerText
        }
    }
}
