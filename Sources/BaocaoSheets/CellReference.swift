/// A cell's address in A1 notation: column letters, then the row number ("C7", "$C$7").
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The largest row and column SpreadsheetML allows (1 048 576 rows, columns A…XFD).
    public static let maximumRow = 1_048_576
    public static let maximumColumn = 16_384

    /// Counts from 1.
    public var row: Int
    /// Counts from 1: A is 1, Z is 26, AA is 27.
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses "C7" or "$C$7" (letters in either case); nil for anything else or outside the sheet.
    public init?(_ text: String) {
        var letters = 0
        var column = 0
        var row = 0
        var digits = 0
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "$" { scalars.removeFirst() }
        var index = 0
        while index < scalars.count, let value = Self.letterValue(scalars[index]) {
            column = column * 26 + value
            letters += 1
            index += 1
            if letters > 3 { return nil }
        }
        if index < scalars.count, scalars[index] == "$" { index += 1 }
        while index < scalars.count, let digit = Self.digitValue(scalars[index]) {
            if digits == 0 && digit == 0 { return nil }
            row = row * 10 + digit
            digits += 1
            index += 1
            if digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, index == scalars.count, (1...Self.maximumColumn).contains(column),
            (1...Self.maximumRow).contains(row)
        else { return nil }
        self.row = row
        self.column = column
    }

    /// "C7".
    public var description: String { Self.columnName(column) + String(row) }

    /// "$C$7", as defined names refer to cells.
    public var absolute: String { "$" + Self.columnName(column) + "$" + String(row) }

    /// The column's letters: 1 → "A", 27 → "AA".
    public static func columnName(_ column: Int) -> String {
        var n = column
        var name = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Row-major order: by row, then by column.
    public static func < (a: CellReference, b: CellReference) -> Bool { (a.row, a.column) < (b.row, b.column) }

    private static func letterValue(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 65...90: return Int(s.value) - 64
        case 97...122: return Int(s.value) - 96
        default: return nil
        }
    }

    private static func digitValue(_ s: Unicode.Scalar) -> Int? {
        (48...57).contains(s.value) ? Int(s.value) - 48 : nil
    }
}

/// A value a cell holds.
public enum CellValue: Equatable, Sendable {
    case text(String)
    case number(Double)
    case bool(Bool)
    /// An error value such as "#DIV/0!".
    case error(String)

    /// How the value reads to a person, for "gặp …" in messages.
    public var shown: String {
        switch self {
        case .text(let t): return "'\(t.count > 40 ? String(t.prefix(40)) + "…" : t)'"
        case .number(let n): return SpreadsheetNumber.format(n)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return "lỗi công thức \(e)"
        }
    }
}

/// Numbers as SpreadsheetML writes them: the shortest text that reads back as the same double.
public enum SpreadsheetNumber {
    public static func format(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }
}
