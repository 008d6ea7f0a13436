/// A workbook to write: sheets of styled cells, column widths, hidden rows and columns, merged
/// ranges, data validations and defined names. `XLSXWriter` turns it into an .xlsx file.
public struct Workbook: Sendable {
    public var sheets: [Worksheet]
    /// Names for single cells ("BaoCao_DonVi" → 'Số liệu'!$C$3).
    public var definedNames: [DefinedName]
    /// The document title (docProps/core.xml).
    public var title: String

    public init(sheets: [Worksheet] = [], definedNames: [DefinedName] = [], title: String = "") {
        self.sheets = sheets
        self.definedNames = definedNames
        self.title = title
    }

    /// The sheet named `name`, for changes.
    public subscript(sheet name: String) -> Worksheet? {
        get { sheets.first { $0.name == name } }
        set {
            guard let index = sheets.firstIndex(where: { $0.name == name }) else { return }
            if let newValue { sheets[index] = newValue } else { sheets.remove(at: index) }
        }
    }
}

/// A name for one cell of a sheet.
public struct DefinedName: Sendable, Equatable {
    public var name: String
    public var sheet: String
    public var cell: CellReference

    public init(name: String, sheet: String, cell: CellReference) {
        self.name = name
        self.sheet = sheet
        self.cell = cell
    }
}

/// The few cell styles the forms use (indices into the cellXfs of styles.xml).
public enum CellStyle: Int, Sendable, CaseIterable {
    case plain = 0
    /// Bold, larger: the form's title.
    case title
    /// Italic grey: a subtitle or a hint.
    case hint
    /// Bold: a field label ("Đơn vị:").
    case label
    /// Bold in a box: the unit and period codes.
    case code
    /// Bold on blue, boxed and wrapped: column headings.
    case header
    /// Small grey: the hidden row of column keys.
    case key
    /// Bold on green, boxed: a content area's heading row.
    case section
    /// Boxed, wrapped: fixed text of a row.
    case text
    /// Italic grey, boxed, wrapped: explanations on a row.
    case muted
    /// Yellow, boxed: a number to fill in.
    case input
    /// Yellow, boxed, wrapped: a text to fill in.
    case inputText
    /// Grey, boxed: a cell that does not apply.
    case disabled
}

public struct Cell: Sendable, Equatable {
    public var value: CellValue?
    public var style: CellStyle

    public init(_ value: CellValue?, style: CellStyle = .plain) {
        self.value = value
        self.style = style
    }
}

/// Restricts what Excel lets a person type into some cells, with the message it shows.
public struct DataValidation: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case whole, decimal, list
    }

    public var kind: Kind
    /// For whole and decimal: the bounds (nil: unbounded on that side).
    public var minimum: Double?
    public var maximum: Double?
    /// For list: the allowed values (without commas).
    public var options: [String]
    public var cells: [CellReference]
    /// The error alert's title and message; the writer cuts them to `ExcelLimits`.
    public var errorTitle: String
    public var error: String
    /// The input message shown when a cell is selected (none when nil); cut to `ExcelLimits`.
    public var promptTitle: String?
    public var prompt: String?

    public init(
        kind: Kind, minimum: Double? = nil, maximum: Double? = nil, options: [String] = [], cells: [CellReference], errorTitle: String,
        error: String, promptTitle: String? = nil, prompt: String? = nil
    ) {
        self.kind = kind
        self.minimum = minimum
        self.maximum = maximum
        self.options = options
        self.cells = cells
        self.errorTitle = errorTitle
        self.error = error
        self.promptTitle = promptTitle
        self.prompt = prompt
    }
}

/// Lengths Excel accepts in a data validation, counted in UTF-16 code units as Excel stores
/// text. A longer text makes Excel "repair" the file and drop the validation.
public enum ExcelLimits {
    public static let errorTitle = 32
    public static let promptTitle = 32
    /// Excel's dialog takes 225 characters; one fewer keeps clear of it.
    public static let error = 224
    public static let prompt = 255

    /// `text` cut to at most `limit` UTF-16 code units, at a character (grapheme cluster)
    /// boundary, with "…" at the end when anything was cut.
    public static func fit(_ text: String, _ limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        guard limit > 0 else { return "" }
        var kept = ""
        var used = 1  // the ellipsis
        for character in text {
            let size = character.utf16.count
            guard used + size <= limit else { break }
            kept.append(character)
            used += size
        }
        // No space before the ellipsis.
        while let last = kept.last, last.isWhitespace { kept.removeLast() }
        return kept + "…"
    }
}

public struct Worksheet: Sendable {
    public var name: String
    public var cells: [CellReference: Cell] = [:]
    /// Column widths in characters; columns not listed take the default width.
    public var columnWidths: [Int: Double] = [:]
    public var hiddenColumns: Set<Int> = []
    public var hiddenRows: Set<Int> = []
    /// Row heights in points, for rows whose wrapped text Excel would not make room for (merged cells).
    public var rowHeights: [Int: Double] = [:]
    /// Merged ranges, as pairs of corners.
    public var merged: [(CellReference, CellReference)] = []
    public var validations: [DataValidation] = []
    /// Rows kept in view when scrolling (a frozen pane below them).
    public var frozenRows = 0
    public var landscape = true

    public init(name: String) { self.name = name }

    public subscript(_ ref: CellReference) -> Cell? {
        get { cells[ref] }
        set { cells[ref] = newValue }
    }

    /// Sets the cell at `row`, `column`; a nil value leaves a styled empty cell.
    public mutating func set(_ row: Int, _ column: Int, _ value: CellValue?, _ style: CellStyle = .plain) {
        cells[CellReference(row: row, column: column)] = Cell(value, style: style)
    }

    public mutating func set(_ row: Int, _ column: Int, _ text: String, _ style: CellStyle = .plain) {
        set(row, column, .text(text), style)
    }

    /// Changes a cell's value and keeps its style (filling in a form).
    public mutating func fill(_ ref: CellReference, _ value: CellValue?) {
        cells[ref] = Cell(value, style: cells[ref]?.style ?? .plain)
    }

    public mutating func merge(_ row: Int, _ first: Int, through last: Int) {
        guard last > first else { return }
        merged.append((CellReference(row: row, column: first), CellReference(row: row, column: last)))
    }
}
