import Foundation

/// A workbook as read from an .xlsx file: each sheet's cell values and the workbook's defined
/// names. Only values are kept (no styles): what the forms need, read strictly.
public struct Spreadsheet: Sendable {
    public var sheets: [Sheet]
    /// Defined names that refer to one cell, by name.
    public var definedNames: [String: (sheet: String, cell: CellReference)]

    public func sheet(_ name: String) -> Sheet? {
        sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
    }
}

public struct Sheet: Sendable {
    public var name: String
    /// The sheet's position in the workbook, from 0.
    public var index: Int
    public var cells: [CellReference: ReadCell]

    public subscript(_ ref: CellReference) -> ReadCell? { cells[ref] }
    public subscript(_ row: Int, _ column: Int) -> ReadCell? { cells[CellReference(row: row, column: column)] }

    /// The last row holding a cell.
    public var lastRow: Int { cells.keys.map(\.row).max() ?? 0 }
}

/// A cell as read: its value (nil when empty) and whether it holds a formula.
public struct ReadCell: Sendable, Equatable {
    public var value: CellValue?
    /// The formula's text, when the cell has one; `value` is then its cached result, if any.
    public var formula: String?

    public init(value: CellValue?, formula: String? = nil) {
        self.value = value
        self.formula = formula
    }

    /// The value as trimmed text, or nil when the cell is empty or holds only spaces.
    public var trimmedText: String? {
        switch value {
        case .text(let t)?:
            let trimmed = t.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case .number(let n)?: return SpreadsheetNumber.format(n)
        case .bool(let b)?: return b ? "TRUE" : "FALSE"
        case .error(let e)?: return e
        case nil: return nil
        }
    }

    /// Whether the cell holds anything a person typed (a formula without a result counts).
    public var isEmpty: Bool { trimmedText == nil && formula == nil }
}

/// Reads .xlsx files strictly: a problem is reported with the part, and with the sheet and cell
/// where there is one, rather than guessed around.
public struct XLSXReader: Sendable {
    /// Workbooks larger than this are refused before opening.
    public static let maximumFileSize = 16 * 1024 * 1024
    /// The most bytes of XML read from one workbook, all parts together.
    public static let maximumUncompressedSize = 64 * 1024 * 1024
    /// The most cells read from one workbook.
    public static let maximumCells = 500_000

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var description: String { message }
    }

    public init() {}

    public func read(path: String) throws -> Spreadsheet {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > Self.maximumFileSize {
            throw Failure(message: "tệp quá lớn: \(size) byte, giới hạn \(Self.maximumFileSize) byte (file too large)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: "không đọc được tệp (file not found or not readable)")
        }
        return try read(data: data)
    }

    public func read(data: Data) throws -> Spreadsheet {
        if data.count > Self.maximumFileSize {
            throw Failure(message: "tệp quá lớn: \(data.count) byte, giới hạn \(Self.maximumFileSize) byte (file too large)")
        }
        let signature = [UInt8](data.prefix(4))
        if signature == [0xD0, 0xCF, 0x11, 0xE0] {
            throw Failure(
                message:
                    "đây là tệp Excel 97–2003 (.xls) hoặc tệp đã đặt mật khẩu; hãy mở bằng Excel và lưu lại dạng Excel Workbook (.xlsx), không đặt mật khẩu (legacy .xls or encrypted workbook)"
            )
        }
        guard signature == [0x50, 0x4B, 0x03, 0x04] else {
            throw Failure(
                message:
                    "tệp không phải bảng tính Excel .xlsx (không phải tệp nén zip); CSV hay .xls không được nhận (not an .xlsx workbook)")
        }
        let zip: ZipReader
        do {
            zip = try ZipParts.open(data)
        } catch {
            throw Failure(message: "tệp .xlsx bị hỏng: \(error)")
        }
        var context = Context(zip: zip)
        return try context.read()
    }

    private struct Context {
        let zip: ZipReader
        var cellCount = 0
        var bytesRead = 0

        mutating func part(_ path: String, required: Bool = true) throws -> XElement? {
            let data: Data?
            do {
                data = try zip.part(path)
            } catch {
                throw Failure(message: "tệp .xlsx bị hỏng: \(error)")
            }
            bytesRead += data?.count ?? 0
            if bytesRead > XLSXReader.maximumUncompressedSize {
                throw Failure(message: "tệp .xlsx giải nén vượt \(XLSXReader.maximumUncompressedSize) byte (workbook too large)")
            }
            guard let data else {
                if required { throw Failure(message: "tệp .xlsx thiếu phần \(path) (missing part)") }
                return nil
            }
            do {
                return try XMLTree.parse(data)
            } catch let failure as XMLTree.Failure {
                let line = failure.line > 0 ? ", dòng \(failure.line)" : ""
                throw Failure(message: "phần \(path)\(line): \(failure.message)")
            }
        }

        /// The relationships of `partPath` by id: (type, resolved target path).
        mutating func relationships(of partPath: String) throws -> [String: (type: String, target: String)] {
            let folder = (partPath as NSString).deletingLastPathComponent
            let name = (partPath as NSString).lastPathComponent
            let relsPath = folder.isEmpty ? "_rels/\(name).rels" : "\(folder)/_rels/\(name).rels"
            guard let root = try part(relsPath, required: false) else { return [:] }
            var result: [String: (String, String)] = [:]
            for r in root.children("Relationship") {
                guard let id = r.attribute("Id"), let type = r.attribute("Type"), let target = r.attribute("Target") else { continue }
                if r.attribute("TargetMode") == "External" { continue }
                result[id] = (type, Self.resolve(target, from: folder))
            }
            return result
        }

        static func resolve(_ target: String, from folder: String) -> String {
            if target.hasPrefix("/") { return String(target.dropFirst()) }
            var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
            for component in target.split(separator: "/") {
                if component == ".." {
                    _ = parts.popLast()
                } else if component != "." {
                    parts.append(String(component))
                }
            }
            return parts.joined(separator: "/")
        }

        mutating func read() throws -> Spreadsheet {
            let rootRels = try relationships(of: "")
            let workbookPath =
                rootRels.values.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
            guard let workbook = try part(workbookPath) else { throw Failure(message: "tệp .xlsx thiếu phần \(workbookPath)") }
            guard workbook.name == "workbook" else {
                throw Failure(
                    message: "phần \(workbookPath) không phải sổ bảng tính (not a SpreadsheetML workbook; a Word or PowerPoint file?)")
            }
            let rels = try relationships(of: workbookPath)
            var strings: [String] = []
            if let sst = rels.values.first(where: { $0.type.hasSuffix("/sharedStrings") }), let root = try part(sst.target, required: false)
            {
                strings = root.children("si").map { Self.normalised(Self.richText($0)) }
            }
            var sheets: [Sheet] = []
            let sheetElements = workbook.child("sheets")?.children("sheet") ?? []
            guard !sheetElements.isEmpty else { throw Failure(message: "tệp .xlsx không có trang tính nào (no sheets)") }
            for (index, element) in sheetElements.enumerated() {
                let name = Self.normalised(element.attribute("name") ?? "Sheet\(index + 1)")
                guard let id = element.attribute("id"), let rel = rels[id] else {
                    throw Failure(message: "trang tính '\(name)': thiếu liên kết tới nội dung (sheet without a part)")
                }
                guard rel.type.hasSuffix("/worksheet") else { continue }  // chart sheets, dialog sheets
                guard let root = try part(rel.target) else { continue }
                sheets.append(Sheet(name: name, index: index, cells: try readCells(root, sheet: name, strings: strings)))
            }
            var names: [String: (sheet: String, cell: CellReference)] = [:]
            for d in workbook.child("definedNames")?.children("definedName") ?? [] {
                guard let name = d.attribute("name"), let target = Self.singleCell(Self.normalised(d.text)) else { continue }
                if names[name] == nil { names[name] = target }
            }
            return Spreadsheet(sheets: sheets, definedNames: names)
        }

        mutating func readCells(_ root: XElement, sheet: String, strings: [String]) throws -> [CellReference: ReadCell] {
            var cells: [CellReference: ReadCell] = [:]
            var nextRow = 1
            for row in root.child("sheetData")?.children("row") ?? [] {
                var rowNumber = nextRow
                if let r = row.attribute("r") {
                    guard let n = Int(r), (1...CellReference.maximumRow).contains(n) else {
                        throw Failure(message: "trang tính '\(sheet)': số dòng '\(r)' không hợp lệ (invalid row number)")
                    }
                    rowNumber = n
                }
                nextRow = rowNumber + 1
                var nextColumn = 1
                for c in row.children("c") {
                    var ref = CellReference(row: rowNumber, column: nextColumn)
                    if let r = c.attribute("r") {
                        guard let parsed = CellReference(r) else {
                            throw Failure(message: "trang tính '\(sheet)': địa chỉ ô '\(r)' không hợp lệ (invalid cell reference)")
                        }
                        ref = parsed
                    }
                    nextColumn = ref.column + 1
                    cellCount += 1
                    if cellCount > XLSXReader.maximumCells {
                        throw Failure(message: "bảng tính có quá nhiều ô (hơn \(XLSXReader.maximumCells)) (too many cells)")
                    }
                    if let cell = try readCell(c, ref: ref, sheet: sheet, strings: strings) { cells[ref] = cell }
                }
            }
            return cells
        }

        func readCell(_ c: XElement, ref: CellReference, sheet: String, strings: [String]) throws -> ReadCell? {
            let type = c.attribute("t") ?? "n"
            let formula = c.child("f").map { $0.text.isEmpty ? "=" : "=" + $0.text }
            let v = c.child("v")?.text
            let at = "trang tính '\(sheet)', ô \(ref)"
            var value: CellValue?
            switch type {
            case "s":
                guard let v else { break }
                guard let i = Int(v.trimmingCharacters(in: .whitespaces)), strings.indices.contains(i) else {
                    throw Failure(message: "\(at): chỉ số chuỗi dùng chung '\(v)' không có trong bảng (bad shared-string index)")
                }
                value = .text(strings[i])
            case "inlineStr":
                if let inline = c.child("is") { value = .text(Self.normalised(Self.richText(inline))) }
            case "str":
                if let v { value = .text(Self.normalised(v)) }
            case "b":
                if let v { value = .bool(v.trimmingCharacters(in: .whitespaces) == "1") }
            case "e":
                if let v { value = .error(v) }
            case "d":
                if let v { value = .text(v) }
            case "n":
                // An empty value element is no value: a formula whose result was never stored
                // (the importer names its indicator), or an empty cell.
                guard let v, !v.trimmingCharacters(in: .whitespaces).isEmpty else { break }
                let trimmed = v.trimmingCharacters(in: .whitespaces)
                guard let n = Double(trimmed), n.isFinite else {
                    throw Failure(message: "\(at): giá trị số '\(v)' không đọc được (unreadable number)")
                }
                value = .number(n)
            default:
                throw Failure(message: "\(at): kiểu ô '\(type)' không hợp lệ (unknown cell type)")
            }
            if value == nil && formula == nil { return nil }
            return ReadCell(value: value, formula: formula)
        }

        /// "'Số liệu'!$C$3" → (sheet, C3); nil for ranges, formulas and other targets.
        static func singleCell(_ text: String) -> (sheet: String, cell: CellReference)? {
            guard let bang = text.lastIndex(of: "!") else { return nil }
            var sheet = String(text[..<bang])
            let cellText = String(text[text.index(after: bang)...])
            if sheet.hasPrefix("'"), sheet.hasSuffix("'"), sheet.count >= 2 {
                sheet = String(sheet.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
            }
            guard let cell = CellReference(cellText) else { return nil }
            return (sheet, cell)
        }

        /// The text of a string item: its `t`, or the `t` of each run (`r`); phonetic runs are left out.
        static func richText(_ item: XElement) -> String {
            item.children.map { child in
                switch child.name {
                case "t": return child.text
                case "r": return child.child("t")?.text ?? ""
                default: return ""
                }
            }.joined()
        }

        static func normalised(_ s: String) -> String {
            XMLEscape.unescapeOOXML(s).precomposedStringWithCanonicalMapping
        }
    }
}
