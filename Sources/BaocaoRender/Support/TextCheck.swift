import BaocaoDocument

/// Checks every text a renderer will write before it writes any, so that a character XML 1.0
/// cannot hold (a C0 control other than tab, LF and CR; U+FFFE; U+FFFF) is reported with the
/// place in the document and the text it was in, instead of producing a file Word refuses.
enum TextCheck {
    static func validate(_ document: ReportDocument) throws {
        var check = Walker()
        check.document(document)
        if let problem = check.problems.first {
            throw RenderError(problem)
        }
    }

    /// The first character XML cannot hold, if any.
    static func firstForbidden(in text: String) -> Unicode.Scalar? {
        guard mayHoldForbidden(text) else { return nil }
        return text.unicodeScalars.first { !XMLText.isAllowed($0) }
    }

    /// False when no byte of `text` can start a character XML cannot hold: a C0 control other
    /// than tab, LF and CR, or EF BF BE / EF BF BF (U+FFFE, U+FFFF). Most text holds none.
    static func mayHoldForbidden(_ text: String) -> Bool {
        XMLText.withUTF8(text) { bytes in
            let count = bytes.count
            var i = 0
            while i < count {
                let byte = bytes[i]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                if byte == 0xEF && i + 2 < count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF) {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    /// "U+0007".
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The text quoted for a message: forbidden characters shown as `\u{7}`, long texts cut.
    static func quoted(_ text: String) -> String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 80 {
                shown += "…"
                break
            }
            if XMLText.isAllowed(scalar) && scalar.value >= 0x20 {
                shown.unicodeScalars.append(scalar)
            } else {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
            count += 1
        }
        return "“" + shown + "”"
    }

    private struct Walker {
        var problems: [String] = []

        mutating func check(_ text: String, _ place: @autoclosure () -> String) {
            guard let bad = TextCheck.firstForbidden(in: text) else { return }
            let code = TextCheck.codePoint(bad)
            problems.append(
                "ký tự \(code) không được phép trong văn bản XML, tại \(place()): \(TextCheck.quoted(text)) "
                    + "(character \(code) cannot be written to XML; remove it from the source text)")
        }

        mutating func document(_ d: ReportDocument) {
            let h = d.header
            check(h.parentBody, "tên cơ quan chủ quản")
            check(h.issuingBody, "tên cơ quan ban hành")
            check(h.numberLine, "số, ký hiệu")
            check(h.nationalTitle, "quốc hiệu")
            check(h.motto, "tiêu ngữ")
            check(h.placeAndDate, "địa danh, ngày tháng")
            check(d.typeName, "tên loại văn bản")
            check(d.summary, "trích yếu")
            for (i, a) in d.addressees.enumerated() { check(a, "nơi gửi (kính gửi) thứ \(i + 1)") }
            for (i, n) in d.notices.enumerated() { check(n, "lưu ý thứ \(i + 1)") }
            blocks(d.body, "nội dung")
            for (i, r) in d.closing.recipients.enumerated() { check(r, "nơi nhận thứ \(i + 1)") }
            if let authority = d.closing.signer.authority { check(authority, "quyền hạn người ký") }
            check(d.closing.signer.title, "chức vụ người ký")
            check(d.closing.signer.name, "họ tên người ký")
            for (i, a) in d.appendices.enumerated() {
                let place = "phụ lục thứ \(i + 1)"
                check(a.label, place)
                check(a.title, "tên \(place)")
                check(a.attachedTo, "dòng “Kèm theo” của \(place)")
                blocks(a.body, place)
            }
            let m = d.metadata
            check(m.title, "tiêu đề tài liệu (metadata.title)")
            check(m.author, "cơ quan ban hành (metadata.author)")
            check(m.period, "kỳ báo cáo (metadata.period)")
            check(m.periodLabel, "kỳ báo cáo (metadata.periodLabel)")
            check(m.language, "ngôn ngữ (metadata.language)")
        }

        mutating func blocks(_ blocks: [Block], _ part: @autoclosure () -> String) {
            for block in blocks {
                switch block {
                case .heading(let heading):
                    check(heading.number, "số mục của đề mục “\(heading.text)” (\(part()))")
                    check(heading.text, "đề mục (\(part()))")
                case .paragraph(let p):
                    paragraph(p, "đoạn văn (\(part()))")
                case .list(let items):
                    for item in items { paragraph(item, "ý gạch đầu dòng (\(part()))") }
                case .table(let table):
                    self.table(table, part())
                case .chart(let chart):
                    self.chart(chart, part())
                }
            }
        }

        mutating func paragraph(_ p: Paragraph, _ place: @autoclosure () -> String) {
            for run in p.runs { check(run.text, place()) }
        }

        // Places are worked out only for a text that holds a forbidden character.
        mutating func table(_ t: Table, _ part: @autoclosure () -> String) {
            func name() -> String { "bảng \(TextCheck.quoted(t.caption)) (\(part()))" }
            check(t.caption, "tên bảng (\(part()))")
            if let unit = t.unit { check(unit, "đơn vị tính của \(name())") }
            for (g, group) in t.headerGroups.enumerated() {
                check(group.title, "tiêu đề nhóm cột \(g + 1) của \(name())")
            }
            for (c, column) in t.columns.enumerated() {
                check(column.title, "tiêu đề cột \(c + 1) của \(name())")
                if let unit = column.unit { check(unit, "đơn vị tính cột \(c + 1) của \(name())") }
            }
            for (r, row) in t.rows.enumerated() {
                for (c, cell) in row.enumerated() { check(cell.text, "ô hàng \(r + 1), cột \(c + 1) của \(name())") }
            }
            for (c, cell) in (t.totals ?? []).enumerated() { check(cell.text, "ô cột \(c + 1) hàng tổng cộng của \(name())") }
            if let note = t.note { check(note, "ghi chú dưới \(name())") }
        }

        mutating func chart(_ c: Chart, _ part: @autoclosure () -> String) {
            func name() -> String { "biểu đồ \(TextCheck.quoted(c.title)) (\(part()))" }
            check(c.title, "tên biểu đồ (\(part()))")
            for category in c.categories { check(category, "nhãn trục của \(name())") }
            for series in c.series { check(series.name, "tên dãy số liệu của \(name())") }
            if let unit = c.unit { check(unit, "đơn vị tính của \(name())") }
            if let reference = c.reference { check(reference.label, "đường tham chiếu của \(name())") }
        }
    }
}
