import BaocaoDocument
import Foundation

/// The report as one self-contained HTML page for the office's website (Trang thông tin điện
/// tử): no external assets, `lang="vi"`, readable on a phone (the header and closing blocks
/// stack, tables and charts scroll sideways), and print styles that lay out A4 pages as the
/// DOCX does (same margins, type, header table and signature block; appendices on pages of
/// their own, landscape where their tables are wide). Charts are inline SVG. All text is escaped.
public struct HTMLRenderer: Renderer {
    public static let format = "html"
    public static let fileExtension = "html"

    public init() {}

    public func render(_ document: ReportDocument) throws -> Data {
        try TextCheck.validate(document)
        var writer = HTMLWriter(document: document)
        return Data(writer.write())
    }
}

private struct HTMLWriter {
    let document: ReportDocument
    private var out = XMLWriter(declaration: false, capacity: 1 << 16)
    private var chartCount = 0

    init(document: ReportDocument) {
        self.document = document
    }

    mutating func write() -> [UInt8] {
        let d = document
        let language = d.metadata.language.isEmpty ? "vi" : d.metadata.language
        out += "<!DOCTYPE html>\n<html lang=\"\(esc(language))\">\n<head>\n"
        out += "<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"color-scheme\" content=\"light\">\n"
        out += "<title>\(esc(d.metadata.title))</title>\n"
        out += "<meta name=\"author\" content=\"\(esc(d.metadata.author))\">\n"
        out += "<meta name=\"description\" content=\"\(esc(d.summary))\">\n"
        out += "<meta name=\"generator\" content=\"baocao\">\n"
        out += "<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n"
        out += "<article class=\"document\">\n<div class=\"page\">\n"
        header()
        notices()
        title()
        addressees()
        out += "<div class=\"body\">\n"
        blocks(d.body)
        out += "</div>\n"
        closing()
        out += "</div>\n"
        for appendix in d.appendices {
            self.appendix(appendix)
        }
        out += "</article>\n</body>\n</html>\n"
        return out.bytes
    }

    // MARK: Header, notices, title

    private mutating func header() {
        let h = document.header
        out += "<header class=\"doc-header\">\n"
        out += "<div class=\"issuer\">"
        if !h.parentBody.isEmpty { out += "<p class=\"parent-body\">\(esc(h.parentBody.uppercased()))</p>" }
        out += "<p class=\"issuing-body\"><span>\(esc(h.issuingBody.uppercased()))</span></p></div>\n"
        out += "<div class=\"nation\"><p class=\"national-title\">\(esc(h.nationalTitle.uppercased()))</p>"
        out += "<p class=\"motto\"><span>\(esc(h.motto))</span></p></div>\n"
        out += "<p class=\"number\">\(esc(h.numberLine))</p>\n"
        out += "<p class=\"place-date\">\(esc(h.placeAndDate))</p>\n"
        out += "</header>\n"
    }

    private mutating func notices() {
        guard !document.notices.isEmpty else { return }
        out += "<div class=\"notices\" role=\"note\">"
        for notice in document.notices { out += "<p>\(esc(notice))</p>" }
        out += "</div>\n"
    }

    private mutating func title() {
        out += "<h1 class=\"type-name\">\(esc(document.typeName.uppercased()))</h1>\n"
        if !document.summary.isEmpty {
            out += "<p class=\"summary\"><span>\(esc(document.summary))</span></p>\n"
        }
    }

    private mutating func addressees() {
        let list = document.addressees
        guard !list.isEmpty else { return }
        if list.count == 1 {
            out += "<p class=\"addressees\">Kính gửi: \(esc(list[0]))</p>\n"
            return
        }
        out += "<div class=\"addressees several\"><span class=\"label\">Kính gửi:</span><ul>"
        for (i, a) in list.enumerated() {
            out += "<li>- \(esc(a))\(i == list.count - 1 ? "." : ";")</li>"
        }
        out += "</ul></div>\n"
    }

    // MARK: Blocks

    private mutating func blocks(_ blocks: [Block]) {
        for block in blocks {
            switch block {
            case .heading(let h):
                let level = min(max(h.level, 1), 3)
                let text = level == 1 ? h.text.uppercased() : h.text
                let line = h.number.isEmpty ? text : "\(h.number) \(text)"
                out += "<h"
                out.int(level + 1)
                out += ">"
                put(line)
                out += "</h"
                out.int(level + 1)
                out += ">\n"
            case .paragraph(let p):
                out += "<p>"
                runs(p.runs)
                out += "</p>\n"
            case .list(let items):
                out += "<ul class=\"dash\">"
                for item in items {
                    out += "<li>"
                    runs(item.runs)
                    out += "</li>"
                }
                out += "</ul>\n"
            case .table(let t):
                table(t)
            case .chart(let c):
                chart(c)
            }
        }
    }

    private mutating func runs(_ runs: [TextRun]) {
        for run in runs {
            if run.bold { out += "<strong>" }
            if run.italic { out += "<em>" }
            lines(run.text)
            if run.italic { out += "</em>" }
            if run.bold { out += "</strong>" }
        }
    }

    /// Escaped text with line ends (CR LF, CR or LF) as `<br>`.
    private mutating func lines(_ text: String) {
        out.htmlLines(text)
    }

    private mutating func table(_ t: Table) {
        out += "<figure class=\"table\">\n"
        let unit = (t.unit ?? "").isEmpty ? "" : "<span class=\"unit\">(đơn vị tính: \(esc(t.unit ?? "")))</span>"
        if !t.caption.isEmpty || !unit.isEmpty {
            out += "<figcaption>\(esc(t.caption))\(t.caption.isEmpty || unit.isEmpty ? "" : " ")\(unit)</figcaption>\n"
        }
        if !t.columns.isEmpty {
            let label = t.caption.isEmpty ? "Bảng số liệu" : t.caption
            out += "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(esc(label))\">"
            out += "<table style=\"--columns: \(t.columns.count)\">"
            let weights = PageLayout.weights(t.columns)
            let total = weights.reduce(0, +)
            out += "<colgroup>"
            for weight in weights {
                out += "<col style=\"width: "
                out += HTMLStyle.percent(weight / total * 100)
                out += "%\">"
            }
            out += "</colgroup><thead>"
            // Groups span their columns; a column title under fewer groups reaches down.
            let layout = t.headerLayout
            for row in layout.rows {
                out += "<tr>"
                for cell in row {
                    switch cell.content {
                    case .group(let g):
                        out += "<th scope=\"colgroup\""
                        if cell.columnSpan > 1 { out += " colspan=\"\(cell.columnSpan)\"" }
                        out += ">"
                        lines(layout.groups[g].title)
                    case .column(let c):
                        out += "<th scope=\"col\""
                        if cell.rowSpan > 1 { out += " rowspan=\"\(cell.rowSpan)\"" }
                        out += ">"
                        lines(t.columns[c].title)
                        if let unit = t.columns[c].unit, !unit.isEmpty {
                            out += "<br><span class=\"unit\">("
                            put(unit)
                            out += ")</span>"
                        }
                    }
                    out += "</th>"
                }
                out += "</tr>"
            }
            out += "</thead>\n<tbody>\n"
            for row in t.rows { tableRow(row, t.columns, totals: false) }
            if let totals = t.totals { tableRow(totals, t.columns, totals: true) }
            out += "</tbody></table></div>\n"
        }
        if let note = t.note, !note.isEmpty {
            out += "<p class=\"note\">"
            lines(note)
            out += "</p>\n"
        }
        out += "</figure>\n"
    }

    private mutating func tableRow(_ cells: [Cell], _ columns: [Table.Column], totals: Bool) {
        out += totals ? "<tr class=\"totals\">" : "<tr>"
        for (i, column) in columns.enumerated() {
            let text = i < cells.count ? cells[i].text : ""
            switch column.alignment {
            case .left: out += "<td>"
            case .center: out += "<td class=\"c\">"
            case .right: out += "<td class=\"r\">"
            }
            lines(text)
            out += "</td>"
        }
        out += "</tr>\n"
    }

    private mutating func chart(_ c: Chart) {
        out += "<figure class=\"chart\">\n<figcaption>\(esc(c.title))"
        if let unit = c.unit, !unit.isEmpty { out += " <span class=\"unit\">(đơn vị tính: \(esc(unit)))</span>" }
        out += "</figcaption>\n"
        guard ChartData.hasData(c) else {
            out += "<p class=\"note\">\(esc(ChartData.noData))</p>\n</figure>\n"
            return
        }
        out += "<div class=\"scroll\">"
        chartCount += 1
        out.append(SVGChartWriter(chart: c, number: chartCount).writer())
        out += "</div>\n<details><summary>Số liệu của biểu đồ</summary>"
        var columns = [Table.Column("")]
        columns += c.categories.map { Table.Column($0, alignment: .right) }
        var rows: [[Cell]] = c.series.map { s in
            [Cell(s.name)]
                + c.categories.indices.map { i in
                    guard i < s.values.count, let v = s.values[i], v.isFinite else { return Cell("—") }
                    return Cell(VietnameseFormat.number(v))
                }
        }
        if let r = c.reference {
            rows.append([Cell(r.label)] + c.categories.map { _ in Cell(VietnameseFormat.number(r.value)) })
        }
        table(Table(caption: "", columns: columns, rows: rows))
        out += "</details>\n</figure>\n"
    }

    // MARK: Closing and appendices

    private mutating func closing() {
        let c = document.closing
        out += "<div class=\"closing\">\n<div class=\"recipients\"><p class=\"label\">Nơi nhận:</p>"
        for recipient in c.recipients { out += "<p>\(esc(recipient))</p>" }
        out += "</div>\n<div class=\"signer\">"
        if let authority = c.signer.authority, !authority.isEmpty {
            out += "<p class=\"authority\">\(esc(authority.uppercased()))</p>"
        }
        out += "<p class=\"title\">\(esc(c.signer.title.uppercased()))</p>"
        out += "<p class=\"signature\" aria-hidden=\"true\"></p>"
        out += "<p class=\"name\">\(esc(c.signer.name))</p>"
        out += "</div>\n</div>\n"
    }

    private mutating func appendix(_ a: Appendix) {
        let landscape = PageLayout.needsLandscape(a.body)
        out += "<section class=\"page appendix\(landscape ? " landscape" : "")\">\n"
        out += "<h2 class=\"appendix-label\">\(esc(a.label))</h2>\n"
        out += "<p class=\"appendix-title\">\(esc(a.title.uppercased()))</p>\n"
        if !a.attachedTo.isEmpty { out += "<p class=\"attached-to\"><span>\(esc(a.attachedTo))</span></p>\n" }
        out += "<div class=\"body\">\n"
        blocks(a.body)
        out += "</div>\n</section>\n"
    }

    /// Escaped, with "98,7 %" held together by a no-break space as in the DOCX.
    private func esc(_ text: String) -> String { XMLWriter.htmlEscaped(text) }

    /// Writes `esc(text)`.
    private mutating func put(_ text: String) {
        out.htmlText(text)
    }
}

extension XMLWriter {
    /// HTML text: escaped, with "98,7 %" held together by a no-break space as in the DOCX.
    static func htmlEscaped(_ text: String) -> String {
        XMLText.escapeHTML(DOCXBodyWriter.keepPercentTogether(text))
    }

    /// Writes `htmlEscaped(text)`.
    mutating func htmlText(_ text: String) {
        XMLText.withUTF8(text) { htmlText($0) }
    }

    /// Writes `htmlEscaped` of the text in `bytes` (whole characters). Where every " %" and
    /// every apostrophe stands between ASCII characters, both replacements are made in one pass
    /// over the bytes; otherwise the text goes through `htmlEscaped`, and Foundation.
    mutating func htmlText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if XMLText.percentPairsAreASCIIBounded(bytes) && Self.apostrophesStayASCIIBounded(bytes) {
            escaped(bytes, nbspBeforePercent: true, apostrophe: .html)
        } else {
            raw(Self.htmlEscaped(String(decoding: bytes, as: UTF8.self)))
        }
    }

    /// `XMLText.apostrophesAreASCIIBounded`, and no apostrophe is followed by a " %" (whose
    /// space becomes a no-break space before the apostrophe is escaped).
    private static func apostrophesStayASCIIBounded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard XMLText.apostrophesAreASCIIBounded(bytes) else { return false }
        let count = bytes.count
        for i in 0..<count where bytes[i] == 0x27 {
            if i + 2 < count && bytes[i + 1] == 0x20 && bytes[i + 2] == 0x25 { return false }
        }
        return true
    }

    /// HTML text with line ends (CR LF, CR or LF) as `<br>`, each line as `htmlText` writes it.
    /// A line end is a grapheme cluster of its own, so the cut by byte is the cut by `Character`.
    mutating func htmlLines(_ text: String) {
        XMLText.withUTF8(text) { bytes in
            let count = bytes.count
            var start = 0
            var i = 0
            while i < count {
                let byte = bytes[i]
                guard byte == 0x0A || byte == 0x0D else {
                    i += 1
                    continue
                }
                htmlText(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                raw("<br>")
                if byte == 0x0D && i + 1 < count && bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                start = i
            }
            htmlText(UnsafeBufferPointer(rebasing: bytes[start..<count]))
        }
    }

    /// Markup written as is (the HTML writer's `out += "…"`).
    fileprivate static func += (writer: inout XMLWriter, markup: String) {
        writer.raw(markup)
    }
}

/// The page's style sheet: screen, phone and print (A4 as in the DOCX).
enum HTMLStyle {
    static let css: String = {
        let margins = "\(mm(PageLayout.topMM)) \(mm(PageLayout.rightMM)) \(mm(PageLayout.bottomMM)) \(mm(PageLayout.leftMM))"
        let headerLeft = Int(PageLayout.headerLeftShare * 100)
        let closingLeft = Int(PageLayout.closingLeftShare * 100)
        return """
            :root { color-scheme: light; }
            *, *::before, *::after { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
            body { margin: 0; background: #e9e9e9; color: #000;
              font-family: "Times New Roman", Times, "Liberation Serif", "Tinos", "Noto Serif", serif;
              font-size: \(pt(PageLayout.bodySize)); line-height: \(PageLayout.lineSpacing + 0.1); }
            .page { background: #fff; width: 100%; max-width: \(mm(PageLayout.paperWidthMM)); margin: 24px auto;
              padding: \(margins); box-shadow: 0 1px 4px rgba(0, 0, 0, .25); }
            .page.landscape { max-width: \(mm(PageLayout.paperHeightMM)); }
            p { margin: 0; }
            .doc-header { display: grid; grid-template-columns: \(headerLeft)% \(100 - headerLeft)%;
              grid-template-areas: "issuer nation" "number place"; text-align: center; align-items: start; }
            .issuer { grid-area: issuer; } .nation { grid-area: nation; }
            .number { grid-area: number; margin-top: 5pt; font-size: \(em(PageLayout.numberSize)); white-space: pre-wrap; }
            .place-date { grid-area: place; margin-top: 5pt; font-style: italic; font-size: \(em(PageLayout.placeDateSize));
              white-space: pre-wrap; }
            .parent-body { font-size: \(em(PageLayout.parentBodySize)); }
            .issuing-body { font-size: \(em(PageLayout.issuingBodySize)); font-weight: bold; }
            .issuing-body span, .summary span, .attached-to span { display: inline-block; position: relative; padding-bottom: 4px; }
            .issuing-body span::after, .summary span::after, .attached-to span::after { content: ""; position: absolute;
              left: 30%; right: 30%; bottom: 0; border-bottom: 1px solid #000; }
            .national-title { font-size: \(em(PageLayout.nationalTitleSize)); font-weight: bold; }
            .motto { font-size: \(em(PageLayout.mottoSize)); font-weight: bold; }
            .motto span { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 2px; }
            .notices { margin: 12pt 0 0; border: 1.5px solid #c00000; padding: 4pt 8pt; color: #c00000;
              font-weight: bold; text-align: center; font-size: \(em(PageLayout.noticeSize)); }
            .notices p + p { margin-top: 3pt; }
            h1.type-name { font-size: \(em(PageLayout.typeNameSize)); text-align: center; margin: 18pt 0 0; }
            .summary { font-weight: bold; text-align: center; margin: 0 1cm 6pt; white-space: pre-wrap; text-wrap: balance; }
            .addressees { text-align: center; margin-top: 12pt; }
            .addressees.several { display: flex; justify-content: center; text-align: left; gap: .3em; }
            .addressees ul { list-style: none; margin: 0; padding: 0; }
            .body p, .body li { text-align: justify; text-indent: \(mm(PageLayout.firstLineIndentMM));
              margin: \(pt(PageLayout.paragraphSpacing)) 0 0; }
            .body h2, .body h3, .body h4 { font-size: 1em; text-align: justify; text-indent: \(mm(PageLayout.firstLineIndentMM));
              margin: \(pt(PageLayout.paragraphSpacing)) 0 0; }
            .body h2, .body h3 { font-weight: bold; }
            .body h4 { font-weight: normal; }
            ul.dash { list-style: none; margin: 0; padding: 0; }
            ul.dash > li::before { content: "- "; }
            figure { margin: 10pt 0 0; }
            figcaption { font-weight: bold; text-align: center; font-size: \(em(PageLayout.captionSize)); margin-bottom: 4pt; }
            figcaption .unit { font-weight: normal; font-style: italic; }
            .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
            table { border-collapse: collapse; width: 100%; min-width: calc(var(--columns, 4) * 4em);
              font-size: \(em(12)); line-height: 1.2; }
            th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
            th { font-weight: bold; text-align: center; }
            th .unit { font-weight: normal; font-style: italic; }
            td.r { text-align: right; white-space: nowrap; } td.c { text-align: center; }
            tr.totals td { font-weight: bold; }
            .body figure p.note { text-indent: 0; font-style: italic; font-size: \(em(PageLayout.tableNoteSize)); margin-top: 3pt; }
            svg.chart { display: block; width: 100%; min-width: 520px; max-width: 720px; height: auto; margin: 0 auto; }
            details { margin-top: 4pt; font-size: \(em(12)); }
            details summary { cursor: pointer; }
            .closing { display: grid; grid-template-columns: \(closingLeft)% \(100 - closingLeft)%;
              grid-template-areas: "recipients signer"; margin-top: 12pt; break-inside: avoid; }
            .recipients { grid-area: recipients; font-size: \(em(PageLayout.recipientsSize)); line-height: 1.25; }
            .recipients .label { font-size: \(em(PageLayout.recipientsLabelSize, base: PageLayout.recipientsSize));
              font-weight: bold; font-style: italic; }
            .signer { grid-area: signer; text-align: center; font-weight: bold; }
            .signer .signature { height: \(mm(PageLayout.signatureSpaceMM)); }
            .appendix-label { font-size: \(em(PageLayout.appendixSize)); text-align: center; margin: 0; }
            .appendix-title { font-weight: bold; text-align: center; margin-top: 3pt; text-wrap: balance; }
            .attached-to { font-style: italic; text-align: center; margin: 3pt 0 6pt; white-space: pre-wrap; text-wrap: balance; }
            @media (max-width: 760px) {
              body { font-size: 17px; background: #fff; }
              .page, .page.landscape { margin: 0; padding: 16px 14px 28px; box-shadow: none; max-width: none; }
              .doc-header { grid-template-columns: 1fr; grid-template-areas: "issuer" "number" "nation" "place"; row-gap: 4px; }
              .nation { margin-top: 10px; }
              .closing { grid-template-columns: 1fr; grid-template-areas: "signer" "recipients"; row-gap: 16px; }
              .signer .signature { height: 12mm; }
              .body p, .body li, .body h2, .body h3, .body h4 { text-indent: 1.2em; }
              .page + .page { border-top: 2px solid #999; }
            }
            @page { size: A4 portrait; margin: \(margins);
              @top-center { content: counter(page); font-family: "Times New Roman", serif; font-size: \(pt(PageLayout.pageNumberSize)); } }
            @page :first { @top-center { content: none; } }
            @page landscape { size: A4 landscape; }
            @media print {
              html, body { background: #fff; font-size: \(pt(PageLayout.bodySize)); }
              .page, .page.landscape { margin: 0; padding: 0; max-width: none; width: auto; box-shadow: none; }
              .appendix { break-before: page; }
              .appendix.landscape { page: landscape; }
              .scroll { overflow: visible; }
              table { min-width: 0; }
              thead { display: table-header-group; }
              tr { break-inside: avoid; }
              h2, h3, h4, figcaption { break-after: avoid; }
              svg.chart { min-width: 0; }
              details { display: none; }
            }

            """
    }()

    /// `String(format: "%.2f", value)` for a share between 0 and 100: the value times 100,
    /// rounded, when it is not within a hair of a half (where the rounding of the exact binary
    /// value decides, and Foundation is asked).
    static func percent(_ value: Double) -> String {
        let scaled = value * 100
        let rounded = scaled.rounded()
        guard value.sign == .plus, value <= 1_000_000, abs(abs(scaled - rounded) - 0.5) > 1e-6 else {
            return String(format: "%.2f", value)
        }
        let hundredths = Int(rounded)
        let fraction = hundredths % 100
        return String(hundredths / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }

    private static func pt(_ points: Double) -> String { String(format: "%gpt", points) }
    private static func mm(_ millimetres: Double) -> String { String(format: "%gmm", millimetres) }
    /// A size relative to the body: 13 pt in 14 pt text is 0.9286em.
    private static func em(_ points: Double, base: Double = PageLayout.bodySize) -> String {
        String(format: "%.4fem", points / base)
    }
}
