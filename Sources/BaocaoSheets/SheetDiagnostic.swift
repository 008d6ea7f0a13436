import BaocaoCore

/// Where a problem lies in a workbook: a sheet and, when one can be named, a cell.
public struct SheetLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var sheet: String
    /// The sheet's position in the workbook (for ordering).
    public var sheetIndex: Int
    public var cell: CellReference?

    public init(sheet: String, sheetIndex: Int, cell: CellReference?) {
        self.sheet = sheet
        self.sheetIndex = sheetIndex
        self.cell = cell
    }

    /// "trang tính 'Số liệu', ô E12".
    public var description: String {
        cell.map { "trang tính '\(sheet)', ô \($0)" } ?? "trang tính '\(sheet)'"
    }

    /// "Số liệu!E12", as the imported YAML's comments cite cells.
    public var citation: String { cell.map { "\(sheet)!\($0)" } ?? sheet }

    public static func < (a: SheetLocation, b: SheetLocation) -> Bool {
        (a.sheetIndex, a.cell?.row ?? 0, a.cell?.column ?? 0) < (b.sheetIndex, b.cell?.row ?? 0, b.cell?.column ?? 0)
    }
}

/// A located problem in a workbook, printed as
/// `file: error: trang tính 'Số liệu', ô E12 (hs_moi_truc_tuyen): message`.
public struct SheetDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Diagnostic.Severity
    public var file: String
    public var location: SheetLocation?
    /// What the cell holds, when it says more than the cell alone: an indicator id.
    public var subject: String?
    public var message: String

    public init(_ severity: Diagnostic.Severity, file: String, location: SheetLocation?, subject: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.location = location
        self.subject = subject
        self.message = message
    }

    public var description: String {
        var place = location.map { "\($0)" } ?? ""
        if let subject { place += place.isEmpty ? subject : " (\(subject))" }
        return "\(file): \(severity.rawValue): " + (place.isEmpty ? message : "\(place): \(message)")
    }

    /// Sorted by sheet, row and column; file-level problems first.
    public static func sorted(_ items: [SheetDiagnostic]) -> [SheetDiagnostic] {
        var seen = Set<SheetDiagnostic>()
        return items.filter { seen.insert($0).inserted }.enumerated().sorted { a, b in
            let ka = (a.element.location == nil ? 0 : 1, a.element.location?.sheetIndex ?? 0, a.element.location?.cell?.row ?? 0)
            let kb = (b.element.location == nil ? 0 : 1, b.element.location?.sheetIndex ?? 0, b.element.location?.cell?.row ?? 0)
            if ka != kb { return ka < kb }
            let ca = a.element.location?.cell?.column ?? 0
            let cb = b.element.location?.cell?.column ?? 0
            return ca != cb ? ca < cb : a.offset < b.offset
        }.map(\.element)
    }
}
