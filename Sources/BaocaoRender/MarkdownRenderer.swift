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
        var out: [String] = []
        let h = d.header
        let left = [cell(h.parentBody), "**\(cell(h.issuingBody))**", cell(h.numberLine)].joined(separator: "<br>")
        let right = ["**\(cell(h.nationalTitle))**", "**\(cell(h.motto))**", "*\(cell(h.placeAndDate))*"].joined(separator: "<br>")
        out.append("| \(left) | \(right) |")
        out.append("|:---:|:---:|")
        out.append("")
        for notice in d.notices {
            out.append("> **\(esc(notice))**")
            out.append("")
        }
        out.append("# \(esc(d.typeName))")
        out.append("")
        out.append("**\(esc(d.summary))**")
        out.append("")
        if d.addressees.count == 1 {
            out.append("Kính gửi: \(esc(d.addressees[0])).")
        } else if !d.addressees.isEmpty {
            out.append("Kính gửi:")
            out.append("")
            for (i, a) in d.addressees.enumerated() {
                out.append("- \(esc(a))\(i == d.addressees.count - 1 ? "." : ";")")
            }
        }
        out.append("")
        out += blocks(d.body)
        out += closing(d.closing)
        for appendix in d.appendices {
            out.append("---")
            out.append("")
            out.append("## \(esc(appendix.label))")
            out.append("")
            out.append("**\(esc(appendix.title))**")
            out.append("")
            out.append("*\(esc(appendix.attachedTo))*")
            out.append("")
            out += blocks(appendix.body)
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// Markdown of body blocks alone (for reviewing one section).
    public func text(blocks: [Block]) -> String {
        var lines = self.blocks(blocks)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    func blocks(_ blocks: [Block]) -> [String] {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .heading(let heading):
                let marks = String(repeating: "#", count: min(heading.level + 1, 6))
                out.append("\(marks) \(esc(heading.line, atLineStart: false))")
            case .paragraph(let p):
                out.append(esc(runs: p.runs, atLineStart: true))
            case .list(let items):
                // Escaped as line starts: "- # x" or "- 1. x" would otherwise nest a heading or a list.
                out += items.map { "- " + esc(runs: $0.runs, atLineStart: true) }
            case .table(let table):
                out += self.table(table)
            case .chart(let chart):
                out += self.chart(chart)
            }
            out.append("")
        }
        return out
    }

    func table(_ t: Table) -> [String] {
        var out: [String] = []
        if !t.caption.isEmpty {
            out.append("**\(esc(t.caption))**")
            out.append("")
        }
        out.append("| " + t.columns.map { esc($0.headerText) }.joined(separator: " | ") + " |")
        out.append(
            "|"
                + t.columns.map {
                    switch $0.alignment {
                    case .left: return ":---"
                    case .center: return ":---:"
                    case .right: return "---:"
                    }
                }.joined(separator: "|") + "|")
        for row in t.rows {
            out.append("| " + row.map { cell($0.text) }.joined(separator: " | ") + " |")
        }
        if let totals = t.totals {
            out.append("| " + totals.map { $0.text.isEmpty ? "" : "**\(cell($0.text))**" }.joined(separator: " | ") + " |")
        }
        if let note = t.note {
            out.append("")
            out.append("*\(esc(note))*")
        }
        return out
    }

    func chart(_ c: Chart) -> [String] {
        // Markdown cannot draw; the chart's data is shown as a table.
        let unit = c.unit.map { " (\($0))" } ?? ""
        var columns = [Table.Column("")]
        columns += c.categories.map { Table.Column($0, alignment: .right) }
        let rows: [[Cell]] = c.series.map { s in
            [Cell(s.name)] + s.values.map { Cell($0.map { VietnameseFormat.number($0, fractionDigits: 4) } ?? "—") }
        }
        var note: String?
        if let r = c.reference { note = "\(r.label): \(VietnameseFormat.number(r.value))" }
        return table(Table(caption: "Biểu đồ: \(c.title)\(unit)", columns: columns, rows: rows, note: note))
    }

    func closing(_ c: DocumentClosing) -> [String] {
        let left = (["***Nơi nhận:***"] + c.recipients.map(cell)).joined(separator: "<br>")
        var signer: [String] = []
        if let authority = c.signer.authority { signer.append("**\(esc(authority))**") }
        signer.append("**\(esc(c.signer.title))**")
        signer += ["", "", ""]
        signer.append("**\(esc(c.signer.name))**")
        return ["| \(left) | \(signer.joined(separator: "<br>")) |", "|:---|:---:|", ""]
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
