import BaocaoCore
import Foundation

/// The layout shared by the Excel form and its importer: sheet names, the defined names of the
/// unit and period cells, and the keys of the hidden row that says what each column holds (so
/// that the importer finds the columns even if a person moves or renames the visible headings).
public enum FormLayout {
    public static let figuresSheet = "Số liệu"
    public static let narrativesSheet = "Thuyết minh"
    /// Defined names of the cells holding the unit id and the period code.
    public static let unitName = "BaoCao_DonVi"
    public static let periodName = "BaoCao_Ky"
    /// The first key of the hidden key row, naming the form's layout version.
    public static let formKey = "baocao:form:1"

    public static let idKey = "baocao:id"
    public static let valueKey = "baocao:value"
    public static let monthPrefix = "baocao:month:"
    public static let noteKey = "baocao:note"
    public static let outOfKey = "baocao:out_of"
    public static let yearKey = "baocao:year"
    public static let sourceKey = "baocao:source"
    public static let groupKey = "baocao:group"

    public static let kindKey = "baocao:kind"
    public static let textKey = "baocao:text"
    public static let causeKey = "baocao:cause"
    public static let areaKey = "baocao:area"
    public static let taskKey = "baocao:task"

    /// Empty narrative rows offered for each kind.
    public static let narrativeRowsPerKind = 5
}

/// Builds the Excel form of a `UnitForm`: a sheet "Số liệu" with one row per indicator and a
/// sheet "Thuyết minh" for the narratives.
public struct FormWorkbook {
    public let form: UnitForm

    public init(_ form: UnitForm) { self.form = form }

    /// The cells of one indicator's row, for filling in a form programmatically (tests, tools).
    public struct Row: Sendable {
        public var row: Int
        public var value: CellReference
        /// Month period code → cell.
        public var months: [String: CellReference]
        public var note: CellReference
        public var outOf: CellReference?
        public var year: CellReference?
        public var source: CellReference?
        public var group: CellReference?
    }

    /// Where each indicator's cells lie, by indicator id.
    public var rows: [String: Row] { layout().rows }

    /// The first narrative row of each kind on "Thuyết minh".
    public var narrativeRows: [NarrativeItem.Kind: Int] {
        var rows: [NarrativeItem.Kind: Int] = [:]
        for (i, kind) in NarrativeItem.Kind.allCases.enumerated() { rows[kind] = 7 + i * FormLayout.narrativeRowsPerKind }
        return rows
    }

    public func workbook() -> Workbook {
        let title = "Biểu số liệu \(form.period.label) — \(form.unit.name)"
        return Workbook(
            sheets: [layout().sheet, narrativesSheet()],
            definedNames: [
                DefinedName(name: FormLayout.unitName, sheet: FormLayout.figuresSheet, cell: CellReference(row: 3, column: 3)),
                DefinedName(name: FormLayout.periodName, sheet: FormLayout.figuresSheet, cell: CellReference(row: 4, column: 3)),
            ],
            title: title)
    }

    /// The .xlsx bytes.
    public func data() throws -> Data { try XLSXWriter().write(workbook()) }

    // MARK: "Số liệu"

    private struct Columns {
        var value = 5
        var months: [Int] = []
        var note = 0
        var outOf: Int?
        var year: Int?
        var source: Int?
        var group: Int?
        var guidance = 0
        var window = 0
    }

    private func columns() -> Columns {
        var c = Columns()
        var next = 6
        c.months = form.months.map { _ in
            defer { next += 1 }
            return next
        }
        c.note = next
        next += 1
        if form.hasPublishedResults {
            c.outOf = next
            c.year = next + 1
            c.source = next + 2
            c.group = next + 3
            next += 4
        }
        c.guidance = next
        c.window = next + 1
        return c
    }

    private func layout() -> (sheet: Worksheet, rows: [String: Row]) {
        let c = columns()
        let last = c.window
        var s = Worksheet(name: FormLayout.figuresSheet)
        s.set(1, 1, "BIỂU SỐ LIỆU \(form.period.upperLabel)", .title)
        s.merge(1, 1, through: last)
        s.set(2, 1, form.plan.identity.title, .hint)
        s.merge(2, 1, through: last)
        s.set(3, 1, "Đơn vị:", .label)
        s.set(3, 3, form.unit.id, .code)
        s.set(3, 4, form.unit.name, .label)
        s.merge(3, 4, through: last)
        s.set(4, 1, "Kỳ báo cáo:", .label)
        s.set(4, 3, form.period.code, .code)
        s.set(4, 4, form.period.label, .label)
        s.merge(4, 4, through: last)
        s.set(5, 1, "Chốt số liệu:", .label)
        s.set(
            5, 3,
            "từ \(VietnameseFormat.shortDate(form.window.start)) đến \(VietnameseFormat.shortDate(form.window.end)); hạn gửi \(VietnameseFormat.shortDate(form.deadline))",
            .plain)
        s.merge(5, 3, through: last)
        s.set(6, 1, "Hướng dẫn:", .label)
        var help =
            "Nhập số liệu vào các ô màu vàng; ô để trống là chưa có số liệu. Nhập số như một số (không định dạng Văn bản), không ghi đơn vị tính trong ô. "
        if !form.months.isEmpty {
            help += "Chỉ tiêu theo tháng: nhập từng tháng, cột Số liệu để trống thì được tự cộng. "
        }
        help += "Không sửa mã đơn vị, mã kỳ, cột Mã chỉ tiêu; không xóa dòng ẩn. Các tỷ lệ được tính tự động, không nhập."
        s.set(6, 3, help, .hint)
        s.merge(6, 3, through: last)
        s.rowHeights[6] = 48
        // The hidden key row says what each column holds.
        s.hiddenRows.insert(7)
        s.set(7, 1, FormLayout.formKey, .key)
        s.set(7, 2, FormLayout.idKey, .key)
        s.set(7, c.value, FormLayout.valueKey, .key)
        for (month, column) in zip(form.months, c.months) { s.set(7, column, FormLayout.monthPrefix + month.code, .key) }
        s.set(7, c.note, FormLayout.noteKey, .key)
        if let col = c.outOf { s.set(7, col, FormLayout.outOfKey, .key) }
        if let col = c.year { s.set(7, col, FormLayout.yearKey, .key) }
        if let col = c.source { s.set(7, col, FormLayout.sourceKey, .key) }
        if let col = c.group { s.set(7, col, FormLayout.groupKey, .key) }
        // Headings.
        var headings: [(Int, String)] = [(1, "STT"), (2, "Mã chỉ tiêu"), (3, "Chỉ tiêu"), (4, "Đơn vị tính"), (c.value, "Số liệu")]
        headings += zip(form.months, c.months).map { ($1, UnitForm.monthLabel($0)) }
        headings.append((c.note, "Ghi chú"))
        if let col = c.outOf { headings.append((col, "Trên tổng số (với xếp hạng)")) }
        if let col = c.year { headings.append((col, "Năm đánh giá")) }
        if let col = c.source { headings.append((col, "Nguồn công bố")) }
        if let col = c.group { headings.append((col, "Nhóm, xếp loại")) }
        headings += [(c.guidance, "Cách ghi, nội dung cần đếm"), (c.window, "Thời gian chốt số liệu")]
        for (col, text) in headings { s.set(8, col, text, .header) }
        s.frozenRows = 8
        // Widths.
        s.columnWidths = [1: 5, 2: 22, 3: 50, 4: 12, c.value: 14, c.note: 32, c.guidance: 50, c.window: 24]
        for col in c.months { s.columnWidths[col] = 12 }
        if let col = c.outOf { s.columnWidths[col] = 12 }
        if let col = c.year { s.columnWidths[col] = 10 }
        if let col = c.source { s.columnWidths[col] = 40 }
        if let col = c.group { s.columnWidths[col] = 10 }

        var rows: [String: Row] = [:]
        var validations: [String: DataValidation] = [:]
        func validate(_ cell: CellReference, _ kind: DataValidation.Kind, _ lo: Double?, _ hi: Double?, _ message: String) {
            let key = "\(kind.rawValue)|\(lo ?? .nan)|\(hi ?? .nan)"
            if validations[key] == nil {
                validations[key] = DataValidation(
                    kind: kind, minimum: lo, maximum: hi, cells: [], errorTitle: "Giá trị không hợp lệ", error: message)
            }
            validations[key]!.cells.append(cell)
        }
        var r = 9
        var number = 0
        for (index, group) in form.groups.enumerated() {
            s.set(r, 1, VietnameseFormat.roman(index + 1), .section)
            s.set(r, 3, group.area.title, .section)
            for col in 1...last where col != 1 && col != 3 { s.set(r, col, nil, .section) }
            r += 1
            for indicator in group.indicators {
                number += 1
                s.set(r, 1, .number(Double(number)), .text)
                s.set(r, 2, indicator.id, .muted)
                s.set(r, 3, indicator.label, .text)
                s.set(r, 4, indicator.measure, .text)
                let value = CellReference(row: r, column: c.value)
                s.set(r, c.value, nil, indicator.kind == .text ? .inputText : .input)
                var months: [String: CellReference] = [:]
                for (month, col) in zip(form.months, c.months) {
                    s.set(r, col, nil, indicator.monthly ? .input : .disabled)
                    if indicator.monthly { months[month.code] = CellReference(row: r, column: col) }
                }
                s.set(r, c.note, nil, .inputText)
                let published = indicator.kind == .score || indicator.kind == .rank
                var row = Row(row: r, value: value, months: months, note: CellReference(row: r, column: c.note))
                if let col = c.outOf {
                    s.set(r, col, nil, indicator.kind == .rank ? .input : .disabled)
                    if indicator.kind == .rank {
                        row.outOf = CellReference(row: r, column: col)
                        validate(row.outOf!, .whole, 1, nil, "Nhập tổng số được xếp hạng, số nguyên từ 1 (ví dụ 34).")
                    }
                }
                for (col, keyPath) in [(c.year, \Row.year), (c.source, \Row.source), (c.group, \Row.group)] {
                    guard let col else { continue }
                    s.set(r, col, nil, published ? (keyPath == \Row.source ? .inputText : .input) : .disabled)
                    if published { row[keyPath: keyPath] = CellReference(row: r, column: col) }
                }
                if let year = row.year { validate(year, .whole, 1990, 2100, "Nhập năm đánh giá, ví dụ 2025.") }
                s.set(r, c.guidance, guidance(indicator), .muted)
                s.set(r, c.window, form.windowText, .muted)
                for cell in [value] + months.values.sorted() {
                    switch indicator.kind {
                    case .count: validate(cell, .whole, 0, nil, "Nhập số nguyên không âm (ví dụ 12).")
                    case .percent: validate(cell, .decimal, 0, 100, "Nhập tỷ lệ từ 0 đến 100.")
                    case .score:
                        let top = indicator.scaleMax
                        validate(
                            cell, .decimal, 0, top,
                            "Nhập điểm từ 0\(top.map { " đến " + VietnameseFormat.number($0, fractionDigits: 4) } ?? "").")
                    case .rank: validate(cell, .whole, 1, nil, "Nhập thứ hạng, số nguyên từ 1.")
                    case .text: break
                    }
                }
                rows[indicator.id] = row
                r += 1
            }
        }
        if form.groups.isEmpty {
            s.set(r, 3, "Kế hoạch không giao đơn vị chỉ tiêu số liệu nào; chỉ ghi trang Thuyết minh.", .hint)
            s.merge(r, 3, through: last)
        }
        s.validations = validations.sorted { $0.key < $1.key }.map(\.value)
        return (s, rows)
    }

    private func guidance(_ indicator: Indicator) -> String {
        var parts = [UnitForm.expectation(indicator).prefix(1).uppercased() + UnitForm.expectation(indicator).dropFirst() + "."]
        if let definition = indicator.definition { parts.append(definition) }
        if indicator.monthly { parts.append("Nhập từng tháng.") }
        if let whole = indicator.partOf, let w = form.plan.indicator(whole) {
            parts.append("Không lớn hơn “\(w.label)”.")
        }
        if indicator.kind == .rank { parts.append("Ghi cả tổng số được xếp hạng.") }
        if indicator.kind == .score || indicator.kind == .rank { parts.append("Ghi năm đánh giá và nguồn công bố.") }
        return parts.joined(separator: " ")
    }

    // MARK: "Thuyết minh"

    private func narrativesSheet() -> Worksheet {
        var s = Worksheet(name: FormLayout.narrativesSheet)
        s.set(1, 1, "THUYẾT MINH \(form.period.upperLabel) — \(form.unit.name.uppercased())", .title)
        s.merge(1, 1, through: 5)
        s.set(
            2, 1,
            "Mỗi dòng một nội dung, viết thành câu. Cột Loại nội dung giữ nguyên; cần thêm dòng thì chèn dòng và ghi loại như các dòng có sẵn. Nguyên nhân chỉ ghi cho tồn tại, hạn chế. Ghi mã lĩnh vực để nội dung vào đúng phần của báo cáo; ghi số nhiệm vụ của Kế hoạch nếu nội dung thực hiện nhiệm vụ đó.",
            .hint)
        s.merge(2, 1, through: 5)
        s.rowHeights[2] = 48
        s.set(3, 1, "Lĩnh vực (mã):", .label)
        s.set(3, 2, form.plan.areas.map { "\($0.id): \($0.title)" }.joined(separator: "; "), .hint)
        s.merge(3, 2, through: 5)
        s.rowHeights[3] = 48
        s.set(4, 1, "Nhiệm vụ (số):", .label)
        s.set(4, 2, form.plan.tasks.map { "\($0.number): \($0.title)" }.joined(separator: "; "), .hint)
        s.merge(4, 2, through: 5)
        s.rowHeights[4] = 64
        s.hiddenRows.insert(5)
        for (col, key) in [FormLayout.kindKey, FormLayout.textKey, FormLayout.causeKey, FormLayout.areaKey, FormLayout.taskKey].enumerated()
        {
            s.set(5, col + 1, key, .key)
        }
        let headings = ["Loại nội dung", "Nội dung", "Nguyên nhân (chỉ với tồn tại, hạn chế)", "Lĩnh vực (mã)", "Nhiệm vụ (số)"]
        for (col, text) in headings.enumerated() { s.set(6, col + 1, text, .header) }
        s.frozenRows = 6
        s.columnWidths = [1: 22, 2: 70, 3: 40, 4: 18, 5: 14]
        var areaCells: [CellReference] = []
        var taskCells: [CellReference] = []
        var r = 7
        for kind in NarrativeItem.Kind.allCases {
            for _ in 0..<FormLayout.narrativeRowsPerKind {
                s.set(r, 1, NarrativeLabels.label(kind), .text)
                s.set(r, 2, nil, .inputText)
                s.set(r, 3, nil, kind == .limitation ? .inputText : .disabled)
                s.set(r, 4, nil, .input)
                s.set(r, 5, nil, .input)
                areaCells.append(CellReference(row: r, column: 4))
                taskCells.append(CellReference(row: r, column: 5))
                r += 1
            }
        }
        s.validations = [
            DataValidation(
                kind: .list, options: form.plan.areas.map(\.id), cells: areaCells, errorTitle: "Lĩnh vực không có trong Kế hoạch",
                error: "Chọn một mã lĩnh vực trong danh sách."),
            DataValidation(
                kind: .list, options: form.plan.tasks.map(\.number), cells: taskCells, errorTitle: "Nhiệm vụ không có trong Kế hoạch",
                error: "Chọn một số nhiệm vụ trong danh sách."),
        ].filter { !$0.options.isEmpty && $0.options.joined(separator: ",").count < 250 }
        return s
    }
}
