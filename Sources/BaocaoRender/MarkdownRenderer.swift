import BaocaoDocument
import Foundation

/// Markdown that reads as the report itself: the header and the signature block as two-column
/// tables, the body with its numbered headings, tables with right-aligned figures.
/// Text from the document is escaped, so unit data cannot inject markup.
public struct MarkdownRenderer: Renderer {
    public static let format = "md"
    public static let fileExtension = "md"

    public init() {}

    public func render(_ document: ReportDocument) throws -> Data {
        Data(text(document).utf8)
    }

    public func text(_ d: ReportDocument) -> String {
        var out = Lines()
        let h = d.header
        let left = [cell(h.parentBody), "**\(cell(h.issuingBody))**", cell(h.numberLine)].joined(separator: "<br>")
        let right = ["**\(cell(h.nationalTitle))**", "**\(cell(h.motto))**", "*\(cell(h.placeAndDate))*"].joined(separator: "<br>")
        out.line("| \(left) | \(right) |")
        out.line("|:---:|:---:|")
        out.line("")
        for notice in d.notices {
            out.line("> **\(esc(notice))**")
            out.line("")
        }
        out.line("# \(esc(d.typeName))")
        out.line("")
        out.line("**\(esc(d.summary))**")
        out.line("")
        if d.addressees.count == 1 {
            out.line("Kính gửi: \(esc(d.addressees[0]))")
        } else if !d.addressees.isEmpty {
            out.line("Kính gửi:")
            out.line("")
            for (i, a) in d.addressees.enumerated() {
                out.line("- \(esc(a))\(i == d.addressees.count - 1 ? "." : ";")")
            }
        }
        out.line("")
        blocks(d.body, to: &out)
        closing(d.closing, to: &out)
        for appendix in d.appendices {
            out.line("---")
            out.line("")
            out.line("## \(esc(appendix.label))")
            out.line("")
            out.line("**\(esc(appendix.title))**")
            out.line("")
            out.line("*\(esc(appendix.attachedTo))*")
            out.line("")
            blocks(appendix.body, to: &out)
        }
        return out.finished()
    }

    /// Markdown of body blocks alone (for reviewing one section).
    public func text(blocks: [Block]) -> String {
        var out = Lines()
        self.blocks(blocks, to: &out)
        return out.finished()
    }

    /// Lines written into one string as they come, each ended by a newline; what `finished()`
    /// returns is what joining them with newlines and adding one gives, without the empty lines
    /// at the end.
    struct Lines {
        private var text = ""
        /// Where the line being written starts, in UTF-8 bytes.
        private var lineStart = 0
        /// Where the last line with text ends, after its newline.
        private var end = 0

        init() { text.reserveCapacity(1 << 15) }

        /// A piece of the line being written.
        mutating func append(_ piece: String) { text += piece }

        mutating func endLine() {
            let count = text.utf8.count
            if count > lineStart { end = count + 1 }
            text += "\n"
            lineStart = count + 1
        }

        mutating func line(_ line: String) {
            append(line)
            endLine()
        }

        /// The text without the empty lines at the end; a newline alone when no line has text.
        mutating func finished() -> String {
            guard end > 0 else { return "\n" }
            // What follows is newlines alone.
            text.unicodeScalars.removeLast(text.utf8.count - end)
            return text
        }
    }

    func blocks(_ blocks: [Block], to out: inout Lines) {
        for block in blocks {
            switch block {
            case .heading(let heading):
                let marks = String(repeating: "#", count: min(heading.level + 1, 6))
                out.line("\(marks) \(esc(heading.line, atLineStart: false))")
            case .paragraph(let p):
                out.line(esc(runs: p.runs, atLineStart: true))
            case .list(let items):
                // Escaped as line starts: "- # x" or "- 1. x" would otherwise nest a heading or a list.
                for item in items { out.line("- " + esc(runs: item.runs, atLineStart: true)) }
            case .table(let table):
                self.table(table, to: &out)
            case .chart(let chart):
                self.chart(chart, to: &out)
            }
            out.line("")
        }
    }

    func table(_ t: Table, to out: inout Lines) {
        let unit = (t.unit ?? "").isEmpty ? "" : "*(đơn vị tính: \(esc(t.unit ?? "")))*"
        if !t.caption.isEmpty {
            out.line("**\(esc(t.caption))**" + (unit.isEmpty ? "" : " " + unit))
            out.line("")
        } else if !unit.isEmpty {
            out.line(unit)
            out.line("")
        }
        // One header row: a column's title follows the titles of the groups over it.
        row(t.flatHeaderTexts.lazy.map { esc($0) }, to: &out)
        out.append("|")
        for (i, column) in t.columns.enumerated() {
            if i > 0 { out.append("|") }
            switch column.alignment {
            case .left: out.append(":---")
            case .center: out.append(":---:")
            case .right: out.append("---:")
            }
        }
        out.line("|")
        for cells in t.rows {
            row(cells.lazy.map { cell($0.text) }, to: &out)
        }
        if let totals = t.totals {
            row(totals.lazy.map { $0.text.isEmpty ? "" : "**\(cell($0.text))**" }, to: &out)
        }
        if let note = t.note {
            out.line("")
            out.line("*\(esc(note))*")
        }
    }

    /// A table row: "| a | b |".
    private func row(_ cells: some Sequence<String>, to out: inout Lines) {
        out.append("|")
        var first = true
        for cell in cells {
            out.append(first ? " " : " | ")
            out.append(cell)
            first = false
        }
        out.line(first ? "  |" : " |")
    }

    func chart(_ c: Chart, to out: inout Lines) {
        // Markdown cannot draw; the chart's data is shown as a table.
        let unit = c.unit.map { " (\($0))" } ?? ""
        var columns = [Table.Column("")]
        columns += c.categories.map { Table.Column($0, alignment: .right) }
        let rows: [[Cell]] = c.series.map { s in
            [Cell(s.name)] + s.values.map { Cell($0.map { VietnameseFormat.number($0, fractionDigits: 4) } ?? "—") }
        }
        var note: String?
        if let r = c.reference { note = "\(r.label): \(VietnameseFormat.number(r.value))" }
        table(Table(caption: "Biểu đồ: \(c.title)\(unit)", columns: columns, rows: rows, note: note), to: &out)
    }

    func closing(_ c: DocumentClosing, to out: inout Lines) {
        let left = (["***Nơi nhận:***"] + c.recipients.map(cell)).joined(separator: "<br>")
        var signer: [String] = []
        if let authority = c.signer.authority { signer.append("**\(esc(authority))**") }
        signer.append("**\(esc(c.signer.title))**")
        signer += ["", "", ""]
        signer.append("**\(esc(c.signer.name))**")
        out.line("| \(left) | \(signer.joined(separator: "<br>")) |")
        out.line("|:---|:---:|")
        out.line("")
    }

    // MARK: Escaping

    func esc(runs: [TextRun], atLineStart: Bool) -> String {
        var out = ""
        for (i, run) in runs.enumerated() {
            var t = esc(run.text, atLineStart: atLineStart && i == 0)
            if t.isEmpty { continue }
            if run.bold { t = "**\(t)**" }
            if run.italic { t = "*\(t)*" }
            out += t
        }
        return out
    }

    func esc(_ text: String) -> String { esc(text, atLineStart: true) }

    /// Escapes Markdown and HTML syntax; folds newlines into spaces.
    func esc(_ text: String, atLineStart: Bool) -> String {
        var out = text
        // Nothing to escape or fold (most text): copied as it is.
        if Self.hasSpecial(text) {
            out = Self.escapedBytes(text) ?? Self.escapedCharacters(text)
        }
        // A first byte that is ASCII and neither a digit nor one of "#+-=" starts a character
        // that is neither a number nor one of those marks: nothing to escape at the line start.
        guard atLineStart, let lead = out.utf8.first, lead >= 0x80 || Self.mayStartLineMark(lead) else { return out }
        if let first = out.first, "#+-=".contains(first) { out = "\\" + out }
        if let dot = out.firstIndex(where: { !$0.isNumber }), dot != out.startIndex,
            out[dot] == "." || out[dot] == ")"
        {
            out.insert("\\", at: dot)
        }
        return out
    }

    /// Each character escaped or folded into a space.
    static func escapedCharacters(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~": out += "\\\(ch)"
            case "\n", "\r", "\t": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// `escapedCharacters` byte by byte, when each byte it escapes or folds is a character of its
    /// own: nil when a non-ASCII byte touches a byte to escape (a prepended character or a
    /// combining mark would make them one character, which is copied as it is) and when the text
    /// holds U+1FEF, a character equal to "`". "\r\n" is one character, neither "\r" nor "\n":
    /// copied as it is. Line ends and tabs are characters of their own next to anything.
    static func escapedBytes(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            var joined = false
            // At most a backslash before each byte.
            let out = String(unsafeUninitializedCapacity: utf8.count * 2) { target -> Int in
                var n = 0
                var i = 0
                while i < utf8.count {
                    let byte = utf8[i]
                    switch byte {
                    case 0x0A, 0x09:
                        target[n] = 0x20
                        n += 1
                    case 0x0D:
                        if i + 1 < utf8.count, utf8[i + 1] == 0x0A {
                            target[n] = 0x0D
                            target[n + 1] = 0x0A
                            n += 2
                            i += 1
                        } else {
                            target[n] = 0x20
                            n += 1
                        }
                    case 0xE1 where i + 2 < utf8.count && utf8[i + 1] == 0xBF && utf8[i + 2] == 0xAF:
                        joined = true
                        return 0
                    default:
                        if isSpecial(byte) {
                            if (i > 0 && utf8[i - 1] >= 0x80) || (i + 1 < utf8.count && utf8[i + 1] >= 0x80) {
                                joined = true
                                return 0
                            }
                            target[n] = UInt8(ascii: "\\")
                            n += 1
                        }
                        target[n] = byte
                        n += 1
                    }
                    i += 1
                }
                return n
            }
            return joined ? nil : out
        }
    }

    func cell(_ text: String) -> String { esc(text, atLineStart: false) }

    /// Whether an ASCII byte may start what `esc` escapes at a line start: a digit, "#", "+",
    /// "-" or "=".
    static func mayStartLineMark(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "#"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// Whether the text holds a byte `isSpecial` accepts: looked for in the bytes as they are
    /// stored, which costs a fraction of going through the UTF-8 view's iterator.
    static func hasSpecial(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isSpecial) } ?? text.utf8.contains(where: isSpecial)
    }

    /// The bytes of the characters `esc` escapes or folds into a space.
    static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: "~"), 0x0A, 0x0D, 0x09:
            return true
        default:
            return false
        }
    }
}
