import BaocaoCore
import Foundation

/// Reads a filled Excel form back into a unit data file.
///
/// The workbook is read strictly: every cell that cannot be what its column asks for is
/// reported with its sheet and cell. What can be read is written out as the unit's YAML data
/// file, each value followed by a comment citing its cell, and that YAML is checked by the same
/// `DataLoader` as any data file; its findings (a negative count, a part larger than its
/// whole …) are reported at the cells the values came from.
public struct FormImporter {
    public let plan: Plan

    public init(plan: Plan) { self.plan = plan }

    public struct Result: Sendable {
        /// The unit data file, when the workbook named its unit and period.
        public var yaml: String?
        /// The submission the YAML holds, when it loads.
        public var submission: Submission?
        public var diagnostics: [SheetDiagnostic]
        /// The workbook cell each line of `yaml` came from (line numbers from 1), to place a
        /// later finding on the submission (an outlier, a rule) at its cell.
        public var origins: [Int: SheetLocation] = [:]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Imports the workbook at `path`; `displayPath` names it in messages; `header` lines become
    /// comments at the top of the YAML (where it came from).
    public func read(path: String, displayPath: String? = nil, header: [String] = []) -> Result {
        let shown = displayPath ?? path
        do {
            return read(try XLSXReader().read(path: path), displayPath: shown, header: header)
        } catch {
            return Result(diagnostics: [SheetDiagnostic(.error, file: shown, location: nil, message: "\(error)")])
        }
    }

    public func read(data: Data, displayPath: String, header: [String] = []) -> Result {
        do {
            return read(try XLSXReader().read(data: data), displayPath: displayPath, header: header)
        } catch {
            return Result(diagnostics: [SheetDiagnostic(.error, file: displayPath, location: nil, message: "\(error)")])
        }
    }

    public func read(_ book: Spreadsheet, displayPath: String, header: [String] = []) -> Result {
        var reading = Reading(plan: plan, book: book, file: displayPath)
        guard let yaml = reading.yaml(header: header) else {
            return Result(yaml: nil, submission: nil, diagnostics: SheetDiagnostic.sorted(reading.diagnostics))
        }
        let loaded = DataLoader(plan: plan).load(text: yaml, displayPath: displayPath)
        for d in loaded.diagnostics { reading.diagnostics.append(reading.remap(d)) }
        return Result(
            yaml: yaml, submission: loaded.submissions.first, diagnostics: SheetDiagnostic.sorted(reading.diagnostics),
            origins: reading.origins)
    }
}

/// One workbook being read.
private struct Reading {
    let plan: Plan
    let book: Spreadsheet
    let file: String
    var diagnostics: [SheetDiagnostic] = []
    /// The YAML being written, and the cell each of its lines came from.
    var lines: [String] = []
    var origins: [Int: SheetLocation] = [:]

    init(plan: Plan, book: Spreadsheet, file: String) {
        self.plan = plan
        self.book = book
        self.file = file
    }

    mutating func error(_ at: SheetLocation?, _ subject: String? = nil, _ message: String) {
        diagnostics.append(SheetDiagnostic(.error, file: file, location: at, subject: subject, message: message))
    }

    mutating func warning(_ at: SheetLocation?, _ subject: String? = nil, _ message: String) {
        diagnostics.append(SheetDiagnostic(.warning, file: file, location: at, subject: subject, message: message))
    }

    mutating func emit(_ line: String, _ origin: SheetLocation? = nil) {
        if let origin {
            lines.append(line + "  # " + origin.citation)
            origins[lines.count] = origin
        } else {
            lines.append(line)
        }
    }

    func at(_ sheet: Sheet, _ row: Int, _ column: Int) -> SheetLocation {
        SheetLocation(sheet: sheet.name, sheetIndex: sheet.index, cell: CellReference(row: row, column: column))
    }

    // MARK: The whole workbook

    mutating func yaml(header: [String]) -> String? {
        guard let figures = book.sheet(FormLayout.figuresSheet) else {
            let names = book.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
            error(
                nil, nil,
                "không có trang tính '\(FormLayout.figuresSheet)'; tệp không phải biểu mẫu do baocao tạo (các trang có: \(names)). Hãy dùng biểu mẫu của lệnh baocao form (not a baocao form)"
            )
            return nil
        }
        let unit = namedCell(FormLayout.unitName, what: "mã đơn vị", english: "unit id")
        let period = namedCell(FormLayout.periodName, what: "mã kỳ báo cáo", english: "period")
        guard let unit, let period else { return nil }
        for line in header { emit("# " + line) }
        emit("unit: \(Self.quoted(unit.text))", unit.location)
        emit("period: \(Self.quoted(period.text))", period.location)
        readFigures(figures)
        if let narratives = book.sheet(FormLayout.narrativesSheet) {
            readNarratives(narratives)
        } else {
            warning(nil, nil, "không có trang tính '\(FormLayout.narrativesSheet)'; không có thuyết minh (no narratives sheet)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text of a named cell (the unit or the period).
    mutating func namedCell(_ name: String, what: String, english: String) -> (text: String, location: SheetLocation)? {
        guard let target = book.definedNames[name], let sheet = book.sheet(target.sheet) else {
            error(
                nil, nil,
                "không tìm thấy ô \(what) (tên \(name)); tệp không phải biểu mẫu do baocao tạo hoặc tên ô đã bị xóa (missing defined name \(name))"
            )
            return nil
        }
        let location = SheetLocation(sheet: sheet.name, sheetIndex: sheet.index, cell: target.cell)
        guard let cell = sheet[target.cell], let text = cell.trimmedText else {
            error(location, nil, "thiếu \(what); ghi lại như trong biểu mẫu gốc (missing \(english))")
            return nil
        }
        if case .number(let n)? = cell.value, n != n.rounded() {
            error(location, nil, "\(what) phải là văn bản, gặp số \(SpreadsheetNumber.format(n)) (expected text)")
            return nil
        }
        return (text, location)
    }

    // MARK: "Số liệu"

    /// The hidden key row: the row holding `key`, and the column of each key in it.
    func keyRow(_ sheet: Sheet, containing key: String) -> (row: Int, columns: [String: Int])? {
        for row in 1...max(1, min(sheet.lastRow, 60)) {
            let keys = sheet.cells.filter { $0.key.row == row }.compactMap { ref, cell in cell.trimmedText.map { ($0, ref.column) } }
            guard keys.contains(where: { $0.0 == key }) else { continue }
            var columns: [String: Int] = [:]
            for (k, c) in keys where k.hasPrefix("baocao:") && columns[k] == nil { columns[k] = c }
            return (row, columns)
        }
        return nil
    }

    mutating func readFigures(_ sheet: Sheet) {
        guard let keys = keyRow(sheet, containing: FormLayout.idKey), let idColumn = keys.columns[FormLayout.idKey],
            let valueColumn = keys.columns[FormLayout.valueKey]
        else {
            error(
                SheetLocation(sheet: sheet.name, sheetIndex: sheet.index, cell: nil), nil,
                "không tìm thấy dòng khóa ẩn (\(FormLayout.idKey), \(FormLayout.valueKey)); biểu mẫu đã bị sửa cấu trúc, hãy chép số liệu sang biểu mẫu mới của lệnh baocao form (form layout not found)"
            )
            return
        }
        let c = keys.columns
        let months = c.filter { $0.key.hasPrefix(FormLayout.monthPrefix) }
            .map { (code: String($0.key.dropFirst(FormLayout.monthPrefix.count)), column: $0.value) }
            .sorted { $0.column < $1.column }
        var seen: [String: Int] = [:]
        var figureLines: [[(String, SheetLocation?)]] = []
        for row in (keys.row + 2)..<(max(sheet.lastRow, keys.row + 1) + 1) {
            let content: [(key: String, column: Int)] =
                [(FormLayout.valueKey, valueColumn)] + months.map { (FormLayout.monthPrefix + $0.code, $0.column) }
                + [FormLayout.noteKey, FormLayout.outOfKey, FormLayout.yearKey, FormLayout.sourceKey, FormLayout.groupKey]
                .compactMap { k in c[k].map { (k, $0) } }
            let filled = content.filter { sheet[row, $0.column].map { !$0.isEmpty } ?? false }
            let idCell = at(sheet, row, idColumn)
            guard let id = sheet[row, idColumn]?.trimmedText else {
                if let first = filled.first {
                    error(
                        at(sheet, row, first.column), nil,
                        "có số liệu nhưng dòng \(row) không có mã chỉ tiêu (ô \(CellReference(row: row, column: idColumn)) trống); ghi mã chỉ tiêu hoặc xóa số liệu (value on a row without an indicator id)"
                    )
                }
                continue
            }
            guard let indicator = plan.indicator(id) else {
                var message = "không có chỉ tiêu '\(id)' trong kế hoạch"
                if let near = Self.nearest(id, in: plan.indicators.map(\.id)) {
                    message += "; có phải là '\(near)'? (did you mean '\(near)'?)"
                }
                if filled.isEmpty {
                    warning(idCell, nil, message + "; dòng trống, bỏ qua (unknown indicator, empty row ignored)")
                } else {
                    error(idCell, nil, message + " (unknown indicator)")
                }
                continue
            }
            if let first = seen[id] {
                error(idCell, id, "chỉ tiêu đã có ở dòng \(first); mỗi chỉ tiêu một dòng (duplicate indicator row)")
                continue
            }
            seen[id] = row
            guard !filled.isEmpty else { continue }
            if let block = figure(indicator, sheet: sheet, row: row, columns: c, valueColumn: valueColumn, months: months, idCell: idCell) {
                figureLines.append(block)
            }
        }
        guard !figureLines.isEmpty else { return }
        emit("figures:")
        for block in figureLines {
            for (line, origin) in block { emit(line, origin) }
        }
    }

    /// The YAML lines of one indicator's row, or nil when a cell cannot be read (reported).
    mutating func figure(
        _ indicator: Indicator, sheet: Sheet, row: Int, columns c: [String: Int], valueColumn: Int,
        months: [(code: String, column: Int)], idCell: SheetLocation
    ) -> [(String, SheetLocation?)]? {
        var ok = true
        let id = indicator.id
        func cell(_ column: Int?) -> (ReadCell, SheetLocation)? {
            guard let column, let value = sheet[row, column], !value.isEmpty else { return nil }
            return (value, at(sheet, row, column))
        }
        var fields: [(String, String, SheetLocation)] = []
        let valueCell = cell(valueColumn)
        if let (value, location) = valueCell {
            if indicator.kind == .text {
                if let text = text(value, at: location, id: id) {
                    fields.append(("value", Self.quoted(text), location))
                } else {
                    ok = false
                }
            } else if let n = number(value, at: location, id: id, expecting: UnitForm.expectation(indicator)) {
                fields.append(("value", SpreadsheetNumber.format(n), location))
            } else {
                ok = false
            }
        }
        var monthLines: [(String, SheetLocation)] = []
        for month in months {
            guard let (value, location) = cell(month.column) else { continue }
            let label = Period(month.code).map { $0.label } ?? month.code
            if let n = number(value, at: location, id: "\(id), \(label)", expecting: UnitForm.expectation(indicator)) {
                monthLines.append(("\"\(month.code)\": \(SpreadsheetNumber.format(n))", location))
            } else {
                ok = false
            }
        }
        if let (value, location) = cell(c[FormLayout.noteKey]) {
            if let text = text(value, at: location, id: id) { fields.append(("note", Self.quoted(text), location)) } else { ok = false }
        }
        if let (value, location) = cell(c[FormLayout.outOfKey]) {
            if let n = number(value, at: location, id: id, expecting: "tổng số được xếp hạng, số nguyên từ 1") {
                fields.append(("out_of", SpreadsheetNumber.format(n), location))
            } else {
                ok = false
            }
        }
        if let (value, location) = cell(c[FormLayout.yearKey]) {
            if let n = number(value, at: location, id: id, expecting: "năm đánh giá, ví dụ 2025") {
                fields.append(("year", SpreadsheetNumber.format(n), location))
            } else {
                ok = false
            }
        }
        for key in [FormLayout.sourceKey, FormLayout.groupKey] {
            if let (value, location) = cell(c[key]) {
                if let text = text(value, at: location, id: id) {
                    fields.append((String(key.dropFirst("baocao:".count)), Self.quoted(text), location))
                } else {
                    ok = false
                }
            }
        }
        guard ok else { return nil }
        if valueCell == nil && monthLines.isEmpty {
            let location = at(sheet, row, valueColumn)
            error(location, id, "chưa có số liệu nhưng có ghi chú hoặc thông tin kèm theo; ghi số liệu hoặc xóa các ô đó (missing value)")
            return nil
        }
        if fields.count == 1, fields[0].0 == "value", monthLines.isEmpty {
            return [("  \(id): \(fields[0].1)", fields[0].2)]
        }
        var block: [(String, SheetLocation?)] = [("  \(id):", idCell)]
        if let value = fields.first(where: { $0.0 == "value" }) { block.append(("    value: \(value.1)", value.2)) }
        if !monthLines.isEmpty {
            block.append(("    months:", monthLines[0].1))
            block += monthLines.map { ("      \($0.0)", $0.1) }
        }
        for (key, value, location) in fields where key != "value" { block.append(("    \(key): \(value)", location)) }
        return block
    }

    /// A number from a cell, or nil with the error reported.
    mutating func number(_ cell: ReadCell, at location: SheetLocation, id: String, expecting: String) -> Double? {
        if cell.formula != nil, cell.value == nil {
            error(
                location, id,
                "ô có công thức nhưng chưa có kết quả; mở tệp bằng Excel để tính rồi lưu lại, hoặc ghi số thay cho công thức (formula without a computed value)"
            )
            return nil
        }
        switch cell.value {
        case .number(let n)?:
            return n
        case .text(let raw)?:
            let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            // A whole number typed into a text cell, written as in a data file: "12", "-3"; not
            // "+5" or "010".
            if !t.contains("."), Numeral.isDecimal(t), let n = Double(t) {
                return n
            }
            var message = "cần \(expecting), gặp '\(t)'"
            if t.contains(where: \.isNumber), t.allSatisfy({ $0.isNumber || ".,-+ ".contains($0) }) {
                message +=
                    "; ô đang ở dạng văn bản: nhập lại như một số (không dùng dấu cách hay dấu phân cách hàng nghìn; dấu thập phân theo cài đặt của Excel)"
            }
            error(location, id, message + " (expected \(Self.english(expecting)), found '\(t)')")
            return nil
        case let other?:
            error(location, id, "cần \(expecting), gặp \(other.shown) (expected \(Self.english(expecting)), found \(other.shown))")
            return nil
        case nil:
            return nil
        }
    }

    mutating func text(_ cell: ReadCell, at location: SheetLocation, id: String?) -> String? {
        if cell.formula != nil, cell.value == nil {
            error(location, id, "ô có công thức nhưng chưa có kết quả; ghi văn bản thay cho công thức (formula without a computed value)")
            return nil
        }
        switch cell.value {
        case .text(let t)?: return t.trimmingCharacters(in: .whitespacesAndNewlines)
        case .number(let n)?: return SpreadsheetNumber.format(n)
        case let other?:
            error(location, id, "cần một văn bản, gặp \(other.shown) (expected text)")
            return nil
        case nil: return nil
        }
    }

    static func english(_ expecting: String) -> String {
        switch expecting {
        case "số nguyên không âm": return "a whole number ≥ 0"
        case "tỷ lệ từ 0 đến 100": return "a percentage 0–100"
        case "thứ hạng, số nguyên từ 1": return "a rank ≥ 1"
        case "tổng số được xếp hạng, số nguyên từ 1": return "a whole number ≥ 1"
        case "năm đánh giá, ví dụ 2025": return "a year"
        default: return expecting.hasPrefix("điểm") ? "a score on its scale" : "a number"
        }
    }

    // MARK: "Thuyết minh"

    mutating func readNarratives(_ sheet: Sheet) {
        guard let keys = keyRow(sheet, containing: FormLayout.textKey), let textColumn = keys.columns[FormLayout.textKey],
            let kindColumn = keys.columns[FormLayout.kindKey]
        else {
            error(
                SheetLocation(sheet: sheet.name, sheetIndex: sheet.index, cell: nil), nil,
                "không tìm thấy dòng khóa ẩn (\(FormLayout.kindKey), \(FormLayout.textKey)); biểu mẫu đã bị sửa cấu trúc (form layout not found)"
            )
            return
        }
        var items: [NarrativeItem.Kind: [[(String, SheetLocation?)]]] = [:]
        guard sheet.lastRow >= keys.row + 2 else { return }
        for row in (keys.row + 2)...sheet.lastRow {
            let optional: [(String, Int)] = [
                ("cause", keys.columns[FormLayout.causeKey]), ("area", keys.columns[FormLayout.areaKey]),
                ("task", keys.columns[FormLayout.taskKey]),
            ].compactMap { k, c in c.map { (k, $0) } }
            var values: [(key: String, text: String, location: SheetLocation)] = []
            var ok = true
            for (key, column) in [("text", textColumn)] + optional {
                guard let cell = sheet[row, column], !cell.isEmpty else { continue }
                let location = at(sheet, row, column)
                guard let text = text(cell, at: location, id: nil) else {
                    ok = false
                    continue
                }
                if !text.isEmpty { values.append((key, text, location)) }
            }
            guard ok else { continue }
            guard let body = values.first(where: { $0.key == "text" }) else {
                if let first = values.first {
                    error(
                        at(sheet, row, textColumn), nil,
                        "dòng \(row) có \(first.key == "cause" ? "nguyên nhân" : first.key == "area" ? "lĩnh vực" : "nhiệm vụ") nhưng thiếu nội dung (missing text)"
                    )
                }
                continue
            }
            let kindLocation = at(sheet, row, kindColumn)
            let labels = NarrativeItem.Kind.allCases.map { NarrativeLabels.label($0) }.joined(separator: "; ")
            guard let kindText = sheet[row, kindColumn]?.trimmedText else {
                error(kindLocation, nil, "thiếu loại nội dung; ghi một trong: \(labels) (missing narrative kind)")
                continue
            }
            guard let kind = NarrativeLabels.kind(named: kindText) else {
                error(kindLocation, nil, "loại nội dung '\(kindText)' không hợp lệ; ghi một trong: \(labels) (unknown narrative kind)")
                continue
            }
            var block: [(String, SheetLocation?)] = [("    - text: \(Self.quoted(body.text))", body.location)]
            for (key, raw, location) in values where key != "text" {
                var value = raw
                if key == "area", plan.area(raw) == nil,
                    let area = plan.areas.first(where: { $0.title.lowercased() == raw.lowercased() })
                {
                    value = area.id
                }
                if key == "task" {
                    value = String(raw.split(whereSeparator: { $0 == " " || $0 == ":" }).first ?? Substring(raw))
                }
                block.append(("      \(key): \(Self.quoted(value))", location))
            }
            items[kind, default: []].append(block)
        }
        guard !items.isEmpty else { return }
        emit("narratives:")
        for kind in NarrativeItem.Kind.allCases {
            guard let list = items[kind] else { continue }
            emit("  \(kind.rawValue):")
            for block in list { for (line, origin) in block { emit(line, origin) } }
        }
    }

    // MARK: From the YAML back to the cells

    /// A diagnostic of the YAML check, placed at the cell its line came from.
    func remap(_ d: Diagnostic) -> SheetDiagnostic {
        guard d.location.line > 0, let origin = origins[d.location.line] else {
            return SheetDiagnostic(d.severity, file: file, location: nil, message: d.message)
        }
        var message = d.message
        var subject: String?
        if let colon = message.range(of: ": ") {
            let prefix = String(message[..<colon.lowerBound])
            if prefix.hasPrefix("figures.") {
                var path = String(prefix.dropFirst("figures.".count))
                if path.hasSuffix(".months") { path.removeLast(".months".count) }
                let parts = path.components(separatedBy: ".months.")
                subject = parts.count == 2 ? "\(parts[0]), \(Period(parts[1])?.label ?? parts[1])" : path
                message = String(message[colon.upperBound...])
            } else if prefix == "figures" || prefix == "unit" || prefix == "period" || prefix.hasPrefix("narratives.") {
                message = String(message[colon.upperBound...])
            }
        }
        return SheetDiagnostic(d.severity, file: file, location: origin, subject: subject, message: message)
    }

    // MARK: Helpers

    /// A YAML double-quoted scalar.
    static func quoted(_ s: String) -> String { YAMLQuoting.doubleQuoted(s) }

    /// The candidate within edit distance 2 of `key`, if any.
    static func nearest(_ key: String, in candidates: [String]) -> String? {
        YMapping.nearest(key, in: candidates)
    }
}
