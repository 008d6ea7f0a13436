/// One block of a report's body, in reading order.
public enum Block: Codable, Equatable, Sendable {
    /// A heading. Level 1 is a part ("I. KẾT QUẢ …", upper case bold), level 2 a clause
    /// ("1. Cải cách …", bold), level 3 a point ("a) …", upright).
    case heading(Heading)
    /// A body paragraph: justified, first-line indent.
    case paragraph(Paragraph)
    /// Items each introduced by a dash ("- …"), as Vietnamese administrative text lists them.
    case list([Paragraph])
    case table(Table)
    case chart(Chart)
}

public struct Heading: Codable, Equatable, Sendable {
    public var level: Int
    /// The numbering as printed: "I.", "1.", "a)". Empty for an unnumbered heading.
    public var number: String
    public var text: String

    public init(level: Int, number: String, text: String) {
        self.level = level
        self.number = number
        self.text = text
    }

    /// The heading as one line: "I. KẾT QUẢ THỰC HIỆN".
    public var line: String { number.isEmpty ? text : "\(number) \(text)" }
}

/// A paragraph made of runs of text with simple emphasis.
public struct Paragraph: Codable, Equatable, Sendable, ExpressibleByStringLiteral {
    public var runs: [TextRun]

    public init(runs: [TextRun]) { self.runs = runs }
    public init(_ text: String) { self.runs = [TextRun(text)] }
    public init(stringLiteral value: String) { self.init(value) }

    /// The paragraph's text without emphasis.
    public var plainText: String { runs.map(\.text).joined() }
}

public struct TextRun: Codable, Equatable, Sendable {
    public var text: String
    public var bold: Bool
    public var italic: Bool

    public init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
    }

    enum CodingKeys: String, CodingKey { case text, bold, italic }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        bold = try c.decodeIfPresent(Bool.self, forKey: .bold) ?? false
        italic = try c.decodeIfPresent(Bool.self, forKey: .italic) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        if bold { try c.encode(true, forKey: .bold) }
        if italic { try c.encode(true, forKey: .italic) }
    }
}

/// A table with a caption, a header (column titles, optionally under titles of groups of
/// columns), body rows and an optional totals row.
public struct Table: Codable, Equatable, Sendable {
    /// Printed above the table, e.g. "Bảng 1. Tình hình giải quyết hồ sơ".
    public var caption: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// The totals row ("Tổng cộng"), printed bold after the body rows.
    public var totals: [Cell]?
    /// A note printed under the table in italic, e.g. the source of the figures.
    public var note: String?
    /// Titles over runs of adjacent columns ("Tiếp nhận" over its parts). A group inside
    /// another is drawn a header row below it; see `headerLayout`.
    public var headerGroups: [HeaderGroup]
    /// The unit of measure of the table's figures, printed after the caption as "(đơn vị
    /// tính: hồ sơ)" instead of under every column; a column in another unit names its own.
    public var unit: String?

    public init(
        caption: String, columns: [Column], rows: [[Cell]], totals: [Cell]? = nil, note: String? = nil,
        headerGroups: [HeaderGroup] = [], unit: String? = nil
    ) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.note = note
        self.headerGroups = headerGroups
        self.unit = unit
    }

    enum CodingKeys: String, CodingKey { case caption, columns, rows, totals, note, headerGroups, unit }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        caption = try c.decode(String.self, forKey: .caption)
        columns = try c.decode([Column].self, forKey: .columns)
        rows = try c.decode([[Cell]].self, forKey: .rows)
        totals = try c.decodeIfPresent([Cell].self, forKey: .totals)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        headerGroups = try c.decodeIfPresent([HeaderGroup].self, forKey: .headerGroups) ?? []
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(caption, forKey: .caption)
        try c.encode(columns, forKey: .columns)
        try c.encode(rows, forKey: .rows)
        try c.encodeIfPresent(totals, forKey: .totals)
        try c.encodeIfPresent(note, forKey: .note)
        // The groups a renderer draws (`TableHeaderLayout` drops malformed ones), so that the
        // JSON and the drawn header agree.
        let groups = headerGroups.isEmpty ? [] : headerLayout.groups
        if !groups.isEmpty { try c.encode(groups, forKey: .headerGroups) }
        try c.encodeIfPresent(unit, forKey: .unit)
    }

    /// A title over the columns `first ..< first + count`, e.g. "Đã giải quyết" over "Trước
    /// hạn", "Đúng hạn", "Quá hạn".
    public struct HeaderGroup: Codable, Equatable, Sendable {
        public var title: String
        /// Index of the first column under the title.
        public var first: Int
        /// The number of columns under the title, at least 1.
        public var count: Int

        public init(_ title: String, first: Int, count: Int) {
            self.title = title
            self.first = first
            self.count = count
        }
    }

    public struct Column: Codable, Equatable, Sendable {
        public var title: String
        /// Unit of measure shown in the header under the title, e.g. "hồ sơ" or "%".
        public var unit: String?
        public var alignment: Alignment
        /// Relative width; renderers scale the weights to the page.
        public var width: Double

        public init(_ title: String, unit: String? = nil, alignment: Alignment = .left, width: Double = 1) {
            self.title = title
            self.unit = unit
            self.alignment = alignment
            self.width = width
        }

        /// The header text: "Tiếp nhận (hồ sơ)".
        public var headerText: String {
            guard let unit, !unit.isEmpty else { return title }
            return "\(title) (\(unit))"
        }
    }

    public enum Alignment: String, Codable, Sendable {
        case left, center, right
    }
}

/// A table cell: the text as printed, and the number behind it where there is one.
public struct Cell: Codable, Equatable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    /// The value the text formats, for renderers that keep numbers as numbers (charts, XLSX).
    public var value: Double?
    /// Ids of `FigureRecord`s this cell states.
    public var figures: [String]

    public init(_ text: String, value: Double? = nil, figures: [String] = []) {
        self.text = text
        self.value = value
        self.figures = figures
    }

    public init(stringLiteral value: String) { self.init(value) }

    enum CodingKeys: String, CodingKey { case text, value, figures }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        value = try c.decodeIfPresent(Double.self, forKey: .value)
        figures = try c.decodeIfPresent([String].self, forKey: .figures) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(value, forKey: .value)
        if !figures.isEmpty { try c.encode(figures, forKey: .figures) }
    }
}

/// A chart a plugin asks for; renderers draw it (native Word chart, inline SVG …) or fall back
/// to its data as a table.
public struct Chart: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case bar, line }

    public var kind: Kind
    public var title: String
    /// Category labels along the axis, e.g. years or months.
    public var categories: [String]
    public var series: [Series]
    /// Unit of the values axis, e.g. "điểm" or "hồ sơ".
    public var unit: String?
    /// A horizontal reference line, e.g. the monthly requirement.
    public var reference: Reference?

    public init(kind: Kind, title: String, categories: [String], series: [Series], unit: String? = nil, reference: Reference? = nil) {
        self.kind = kind
        self.title = title
        self.categories = categories
        self.series = series
        self.unit = unit
        self.reference = reference
    }

    public struct Series: Codable, Equatable, Sendable {
        public var name: String
        /// One value per category; nil where there is none.
        public var values: [Double?]
        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public struct Reference: Codable, Equatable, Sendable {
        public var label: String
        public var value: Double
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }
}

extension Block {
    private enum CodingKeys: String, CodingKey { case type, items }

    private enum Kind: String, Codable { case heading, paragraph, list, table, chart }

    // Flat JSON: {"type": "heading", "level": 1, …} rather than Swift's synthesized nesting.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .type) {
        case .heading: self = .heading(try Heading(from: decoder))
        case .paragraph: self = .paragraph(try Paragraph(from: decoder))
        case .list: self = .list(try c.decode([Paragraph].self, forKey: .items))
        case .table: self = .table(try Table(from: decoder))
        case .chart: self = .chart(try Chart(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .heading(let h):
            try c.encode(Kind.heading, forKey: .type)
            try h.encode(to: encoder)
        case .paragraph(let p):
            try c.encode(Kind.paragraph, forKey: .type)
            try p.encode(to: encoder)
        case .list(let items):
            try c.encode(Kind.list, forKey: .type)
            try c.encode(items, forKey: .items)
        case .table(let t):
            try c.encode(Kind.table, forKey: .type)
            try t.encode(to: encoder)
        case .chart(let chart):
            try c.encode(Kind.chart, forKey: .type)
            try chart.encode(to: encoder)
        }
    }
}
