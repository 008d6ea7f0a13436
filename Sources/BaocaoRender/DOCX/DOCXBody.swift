import BaocaoDocument

/// Writes `word/document.xml`: the header table, the type name and summary, the addressees, the
/// notices, the body, the closing block and the appendices, each appendix a section of its own.
/// Charts are collected in document order; the renderer writes their parts.
struct DOCXBodyWriter {
    let document: ReportDocument
    private var x = XMLWriter(declaration: false, capacity: 0)
    private(set) var charts: [Chart] = []
    /// Set after a table, so that two tables are never adjacent (Word would merge them) and a
    /// section never ends on a table.
    private var lastWasTable = false

    init(document: ReportDocument) {
        self.document = document
    }

    /// The whole `word/document.xml`.
    mutating func write() -> [UInt8] {
        x = XMLWriter(declaration: true, capacity: 1 << 17)
        x.open(
            "w:document",
            ["xmlns:w": OOXML.w, "xmlns:r": OOXML.r, "xmlns:wp": OOXML.wp, "xmlns:a": OOXML.a, "xmlns:c": OOXML.c])
        x.open("w:body")
        headerTable()
        notices()
        title()
        addressees()
        blocks(document.body, textWidth: PageLayout.portraitTextWidth)
        closing()
        if document.appendices.isEmpty {
            endSection(landscape: false, newPage: false, last: true)
        } else {
            endSection(landscape: false, newPage: false, last: false)
            for (i, appendix) in document.appendices.enumerated() {
                let landscape = PageLayout.needsLandscape(appendix.body)
                self.appendix(appendix, landscape: landscape)
                endSection(landscape: landscape, newPage: true, last: i == document.appendices.count - 1)
            }
        }
        x.close("w:body")
        x.close("w:document")
        return x.bytes
    }

    // MARK: Header, title, addressees, notices

    /// The two-column borderless table: parent body, issuing body with its short rule and the
    /// number | national title, motto with its rule, place and date.
    private mutating func headerTable() {
        let h = document.header
        let width = PageLayout.portraitTextWidth
        let leftWidth = Int(Double(width) * PageLayout.headerLeftShare)
        let rightWidth = width - leftWidth
        layoutTableStart([leftWidth, rightWidth])

        x.open("w:tr")
        cellStart(leftWidth)
        let parent = h.parentBody.uppercased()
        let issuing = h.issuingBody.uppercased()
        if !parent.isEmpty {
            paragraph(ParagraphProperties(jc: "center"), [(parent, RunProperties(size: PageLayout.parentBodySize))])
        }
        paragraph(ParagraphProperties(jc: "center"), [(issuing, RunProperties(bold: true, size: PageLayout.issuingBodySize))])
        let issuingWidth = min(TextMetrics.twips(issuing, size: PageLayout.issuingBodySize, face: .bold), leftWidth)
        rule(length: Int(Double(issuingWidth) * PageLayout.shortRuleShare), within: leftWidth)
        cellEnd()
        cellStart(rightWidth)
        let national = h.nationalTitle.uppercased()
        paragraph(ParagraphProperties(jc: "center"), [(national, RunProperties(bold: true, size: PageLayout.nationalTitleSize))])
        paragraph(ParagraphProperties(jc: "center"), [(h.motto, RunProperties(bold: true, size: PageLayout.mottoSize))])
        let mottoWidth = min(TextMetrics.twips(h.motto, size: PageLayout.mottoSize, face: .bold), rightWidth)
        rule(length: mottoWidth, within: rightWidth)
        cellEnd()
        x.close("w:tr")

        x.open("w:tr")
        cellStart(leftWidth)
        paragraph(
            ParagraphProperties(spacingBefore: 100, jc: "center"),
            [(h.numberLine, RunProperties(size: PageLayout.numberSize))])
        cellEnd()
        cellStart(rightWidth)
        paragraph(
            ParagraphProperties(spacingBefore: 100, jc: "center"),
            [(h.placeAndDate, RunProperties(italic: true, size: PageLayout.placeDateSize))])
        cellEnd()
        x.close("w:tr")
        x.close("w:tbl")
        lastWasTable = true
    }

    /// Notices such as "SỐ LIỆU MINH HỌA", boxed in red above the type name.
    private mutating func notices() {
        for (i, notice) in document.notices.enumerated() {
            var p = ParagraphProperties(style: "Notice")
            if i == 0 { p.spacingBefore = 240 }
            paragraph(p, [(notice, RunProperties())])
        }
    }

    /// "BÁO CÁO", the summary and the short rule under it.
    private mutating func title() {
        let width = PageLayout.portraitTextWidth
        var typeName = ParagraphProperties(style: "Title", keepNext: true)
        typeName.spacingBefore = document.notices.isEmpty ? 360 : 240
        paragraph(typeName, [(document.typeName.uppercased(), RunProperties())])
        if !document.summary.isEmpty {
            let available = width - 2 * 567
            let lines = TextMetrics.balancedLines(document.summary, size: PageLayout.summarySize, face: .bold, maxWidth: available)
            paragraph(ParagraphProperties(style: "Subtitle", keepNext: true), [(lines.joined(separator: "\n"), RunProperties())])
            let widest = lines.map { TextMetrics.twips($0, size: PageLayout.summarySize, face: .bold) }.max() ?? 0
            rule(length: Int(Double(min(widest, available)) * PageLayout.shortRuleShare), within: width)
        }
    }

    /// "Kính gửi: …" — one addressee on the same line; several each on its own line after "- ",
    /// aligned under the first and centred as a block.
    private mutating func addressees() {
        let list = document.addressees
        guard !list.isEmpty else { return }
        let label = "Kính gửi:"
        if list.count == 1 {
            paragraph(ParagraphProperties(spacingBefore: 240, jc: "center"), [("\(label) \(list[0])", RunProperties())])
            return
        }
        let lines = list.enumerated().map { i, a in "- \(a)\(i == list.count - 1 ? "." : ";")" }
        let size = PageLayout.bodySize
        let labelWidth = TextMetrics.twips(label, size: size, face: .regular) + 170
        let widest = lines.map { TextMetrics.twips($0, size: size, face: .regular) }.max() ?? 0
        let width = PageLayout.portraitTextWidth
        let start = max(0, (width - labelWidth - widest) / 2)
        var p = ParagraphProperties(spacingBefore: 240, indLeft: start + labelWidth, hanging: labelWidth)
        p.tabStops = [start + labelWidth]
        paragraph(p, [(label + "\t" + lines.joined(separator: "\n"), RunProperties())])
    }

    // MARK: Body blocks

    private mutating func blocks(_ blocks: [Block], textWidth: Int) {
        for block in blocks {
            switch block {
            case .heading(let heading):
                self.heading(heading)
            case .paragraph(let p):
                paragraph(ParagraphProperties(style: "BodyText"), runs(p.runs))
            case .list(let items):
                for item in items {
                    paragraph(ParagraphProperties(style: "BodyText"), [("- ", RunProperties())] + runs(item.runs))
                }
            case .table(let table):
                self.table(table, textWidth: textWidth)
            case .chart(let chart):
                self.chart(chart, textWidth: textWidth)
            }
        }
    }

    /// "I. KẾT QUẢ …" upper case bold; "1. …" bold; "a) …" upright.
    private mutating func heading(_ h: Heading) {
        let level = min(max(h.level, 1), 3)
        let text = level == 1 ? h.text.uppercased() : h.text
        let line = h.number.isEmpty ? text : "\(h.number) \(text)"
        paragraph(ParagraphProperties(style: "Heading\(level)"), [(line, RunProperties())])
    }

    private func runs(_ runs: [TextRun]) -> [(String, RunProperties)] {
        runs.map { ($0.text, RunProperties(bold: $0.bold, italic: $0.italic)) }
    }

    // MARK: Tables

    /// A bordered table: caption above, header row repeated on every page, rows kept whole,
    /// figures aligned as their columns ask, totals bold, the note in italic under it.
    private mutating func table(_ t: Table, textWidth: Int) {
        if !t.caption.isEmpty || !(t.unit ?? "").isEmpty {
            caption(t.caption, unit: t.unit, width: textWidth)
        } else if lastWasTable {
            spacer()
        }
        if !t.columns.isEmpty {
            let (size, margin, widths) = tableLayout(t, textWidth: textWidth)
            x.open("w:tbl")
            tableProperties(width: textWidth, borders: true, horizontalMargin: margin)
            tableGrid(widths)

            headerRows(t, widths: widths, size: size)

            for row in t.rows {
                tableRow(row, columns: t.columns, widths: widths, size: size, bold: false)
            }
            if let totals = t.totals {
                tableRow(totals, columns: t.columns, widths: widths, size: size, bold: true)
            }
            x.close("w:tbl")
            lastWasTable = true
        }
        if let note = t.note, !note.isEmpty {
            paragraph(ParagraphProperties(style: "TableNote"), [(note, RunProperties())])
        }
    }

    /// The header rows, repeated on every page: a group's title spans its columns
    /// (`w:gridSpan`); a column's title under fewer groups than the deepest reaches down to the
    /// last header row (`w:vMerge`).
    private mutating func headerRows(_ t: Table, widths: [Int], size: Double) {
        let layout = t.headerLayout
        for row in layout.rows {
            x.open("w:tr")
            rowProperties(header: true)
            var starts: [Int: TableHeaderLayout.Cell] = [:]
            for cell in row { starts[cell.column] = cell }
            var column = 0
            while column < t.columns.count {
                guard let cell = starts[column] else {
                    // Under a column title that started in a row above.
                    cellStart(widths[column], verticalCentre: true, vMerge: .continue)
                    var empty = ParagraphProperties(style: "TableText", jc: "center")
                    empty.mark = RunProperties(size: size)
                    paragraph(empty, [])
                    cellEnd()
                    column += 1
                    continue
                }
                let width = widths[cell.column..<(cell.column + cell.columnSpan)].reduce(0, +)
                cellStart(
                    width, verticalCentre: true, gridSpan: cell.columnSpan, vMerge: cell.rowSpan > 1 ? .restart : nil)
                var content: [(String, RunProperties)] = [(layout.title(cell, in: t), RunProperties(bold: true, size: size))]
                if case .column(let c) = cell.content, let unit = t.columns[c].unit, !unit.isEmpty {
                    content.append(("\n(\(unit))", RunProperties(italic: true, size: size)))
                }
                paragraph(ParagraphProperties(style: "TableText", jc: "center"), content)
                cellEnd()
                column += cell.columnSpan
            }
            x.close("w:tr")
        }
    }

    /// The type size, cell margin and column widths of a table: the largest size, from 13 pt
    /// (12 or 11 pt for narrower columns) down to 9 pt, at which every column holds its longest
    /// word, so that no word and no figure is broken across lines.
    private func tableLayout(_ t: Table, textWidth: Int) -> (size: Double, margin: Int, widths: [Int]) {
        let largest = PageLayout.tableFontSize(columns: t.columns.count, textWidth: textWidth)
        var size = largest
        let longest = longestWords(t)
        let groups = t.headerLayout.groups
        let groupLongest = groups.map { Self.longestWordUnits($0.title, .bold) }
        while true {
            let margin = size >= 11 ? 85 : 57
            var minimums = minimumWidths(t, size: size, margin: margin, longest: longest)
            // A group's title must fit across its columns: the shortfall is shared among them.
            for (group, units) in zip(groups, groupLongest) {
                let range = group.first..<(group.first + group.count)
                let shortfall = TextMetrics.twips(units: units, size: size) + 2 * margin + 40 - minimums[range].reduce(0, +)
                guard shortfall > 0 else { continue }
                for (k, i) in range.enumerated() {
                    minimums[i] += shortfall / group.count + (k < shortfall % group.count ? 1 : 0)
                }
            }
            if minimums.reduce(0, +) <= textWidth || size <= 9 {
                return (size, margin, PageLayout.columnWidths(t.columns, total: textWidth, minimums: minimums))
            }
            size -= 1
        }
    }

    /// "98,7 %" with a no-break space, so a line never starts with the sign.
    static func keepPercentTogether(_ text: String) -> String {
        // Most text has no per cent sign, and Foundation's search costs a UTF-16 copy of it.
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        let direct: String? = XMLText.withUTF8(text) { bytes in
            guard XMLText.percentPairsAreASCIIBounded(bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x20 && i + 1 < bytes.count && bytes[i + 1] == 0x25 {
                    out.append(0xC2)
                    out.append(0xA0)
                } else {
                    out.append(bytes[i])
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        return direct ?? text.replacingOccurrences(of: " %", with: "\u{00A0}%")
    }

    /// The largest advance, in units of 1/2048 em, of a word of `text`: words are separated by
    /// spaces and line feeds. Text of characters that stand alone as grapheme clusters (below
    /// U+0300 but CR, or in U+1E00–U+1EFF) is measured scalar by scalar; other text is split
    /// by `Character` as before.
    static func longestWordUnits(_ text: String, _ face: TextMetrics.Face) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 || value == 0x0A {
                longest = max(longest, current)
                current = 0
            } else if value == 0x0D || (value >= 0x300 && !(0x1E00...0x1EFF).contains(value)) {
                return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { TextMetrics.units(String($0), face: face) }
                    .max() ?? 0
            } else {
                current += TextMetrics.advance(scalar, face: face)
            }
        }
        return max(longest, current)
    }

    /// The narrowest each column can be without breaking a word: its longest word, in the header
    /// (bold) or the cells, plus the cell margins. Widths in twips grow with the advance in
    /// units, so the longest word is found once, in units, for every size tried.
    private func minimumWidths(_ t: Table, size: Double, margin: Int, longest: [Int]) -> [Int] {
        longest.map { TextMetrics.twips(units: $0, size: size) + 2 * margin + 40 }
    }

    /// The advance of the longest word of each column, in units of 1/2048 em.
    private func longestWords(_ t: Table) -> [Int] {
        t.columns.enumerated().map { i, column in
            var widest = Self.longestWordUnits(column.title, .bold)
            if let unit = column.unit { widest = max(widest, Self.longestWordUnits("(\(unit))", .italic)) }
            for row in t.rows where i < row.count {
                widest = max(widest, Self.longestWordUnits(Self.keepPercentTogether(row[i].text), .regular))
            }
            if let totals = t.totals, i < totals.count {
                widest = max(widest, Self.longestWordUnits(Self.keepPercentTogether(totals[i].text), .bold))
            }
            return widest
        }
    }

    /// A table's or chart's caption, bold and centred, broken into even lines when long; the
    /// unit follows in italic, on a line of its own when the whole does not fit on one.
    private mutating func caption(_ text: String, unit: String?, width: Int) {
        let size = PageLayout.captionSize
        var runs: [(String, RunProperties)] = []
        var unitText = ""
        if let unit, !unit.isEmpty { unitText = "(đơn vị tính: \(unit))" }
        let whole = unitText.isEmpty ? text : "\(text) \(unitText)"
        if TextMetrics.twips(whole, size: size, face: .bold) <= width * 97 / 100 {
            runs.append((unitText.isEmpty ? text : text + " ", RunProperties()))
        } else {
            let lines = TextMetrics.balancedLines(text, size: size, face: .bold, maxWidth: width)
            runs.append((lines.joined(separator: "\n") + (unitText.isEmpty ? "" : "\n"), RunProperties()))
        }
        if !unitText.isEmpty {
            var plain = RunProperties(italic: true)
            plain.unbold = true
            runs.append((unitText, plain))
        }
        paragraph(ParagraphProperties(style: "Caption"), runs)
    }

    private mutating func tableRow(_ cells: [Cell], columns: [Table.Column], widths: [Int], size: Double, bold: Bool) {
        x.open("w:tr")
        rowProperties(header: false)
        for (i, column) in columns.enumerated() {
            let text = i < cells.count ? Self.keepPercentTogether(cells[i].text) : ""
            cellStart(widths[i], verticalCentre: true)
            paragraph(
                ParagraphProperties(style: "TableText", jc: jc(column.alignment)),
                [(text, RunProperties(bold: bold, size: size))])
            cellEnd()
        }
        x.close("w:tr")
    }

    private func jc(_ alignment: Table.Alignment) -> String {
        switch alignment {
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        }
    }

    private mutating func tableProperties(width: Int, borders: Bool, horizontalMargin: Int) {
        x.open("w:tblPr")
        x.empty("w:tblW", ["w:w": String(width), "w:type": "dxa"])
        x.empty("w:jc", ["w:val": "center"])
        x.open("w:tblBorders")
        for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
            if borders {
                x.empty(side, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"])
            } else {
                x.empty(side, ["w:val": "nil"])
            }
        }
        x.close("w:tblBorders")
        x.empty("w:tblLayout", ["w:type": "fixed"])
        x.open("w:tblCellMar")
        x.empty("w:top", ["w:w": "0", "w:type": "dxa"])
        x.empty("w:left", ["w:w": String(horizontalMargin), "w:type": "dxa"])
        x.empty("w:bottom", ["w:w": "0", "w:type": "dxa"])
        x.empty("w:right", ["w:w": String(horizontalMargin), "w:type": "dxa"])
        x.close("w:tblCellMar")
        x.close("w:tblPr")
    }

    private mutating func tableGrid(_ widths: [Int]) {
        x.open("w:tblGrid")
        for width in widths { x.empty("w:gridCol", ["w:w": String(width)]) }
        x.close("w:tblGrid")
    }

    private mutating func rowProperties(header: Bool) {
        x.open("w:trPr")
        x.empty("w:cantSplit")
        if header { x.empty("w:tblHeader") }
        x.close("w:trPr")
    }

    /// A borderless table for the header and the closing block, cells without side margins.
    private mutating func layoutTableStart(_ widths: [Int]) {
        if lastWasTable { spacer() }
        x.open("w:tbl")
        tableProperties(width: widths.reduce(0, +), borders: false, horizontalMargin: 0)
        tableGrid(widths)
    }

    enum VerticalMerge { case restart, `continue` }

    /// Opens a cell; its properties in schema order (tcW, gridSpan, vMerge, …, vAlign).
    private mutating func cellStart(
        _ width: Int, verticalCentre: Bool = false, gridSpan: Int = 1, vMerge: VerticalMerge? = nil
    ) {
        x.open("w:tc")
        x.open("w:tcPr")
        x.empty("w:tcW", ["w:w": String(width), "w:type": "dxa"])
        if gridSpan > 1 { x.empty("w:gridSpan", ["w:val": String(gridSpan)]) }
        switch vMerge {
        case .restart: x.empty("w:vMerge", ["w:val": "restart"])
        case .continue: x.empty("w:vMerge")
        case nil: break
        }
        if verticalCentre { x.empty("w:vAlign", ["w:val": "center"]) }
        x.close("w:tcPr")
    }

    /// Closes a cell; its last child is always a paragraph, as every writer here ends with one.
    private mutating func cellEnd() {
        x.close("w:tc")
    }

    // MARK: Charts

    /// The title as a caption (with the unit), then the chart as an inline DrawingML chart.
    private mutating func chart(_ c: Chart, textWidth: Int) {
        caption(c.title, unit: c.unit, width: textWidth)
        guard ChartData.hasData(c) else {
            paragraph(ParagraphProperties(style: "TableNote", jc: "center"), [(ChartData.noData, RunProperties())])
            return
        }
        charts.append(c)
        let number = charts.count
        let widthEMU = min(textWidth, PageLayout.twips(mm: 160)) * 635
        let heightEMU = widthEMU * 9 / 16
        var p = ParagraphProperties(spacingBefore: 0, spacingAfter: 120, jc: "center")
        p.keepLines = true
        p.writeOpen(&x)
        x.open("w:r")
        x.open("w:drawing")
        x.open("wp:inline", ["distT": "0", "distB": "0", "distL": "0", "distR": "0"])
        x.empty("wp:extent", ["cx": String(widthEMU), "cy": String(heightEMU)])
        x.empty("wp:effectExtent", ["l": "0", "t": "0", "r": "0", "b": "0"])
        x.empty("wp:docPr", ["id": String(number), "name": "Chart \(number)", "descr": c.title])
        x.empty("wp:cNvGraphicFramePr")
        x.open("a:graphic")
        x.open("a:graphicData", ["uri": OOXML.c])
        x.empty("c:chart", ["r:id": OOXML.chartRelId(number)])
        x.close("a:graphicData")
        x.close("a:graphic")
        x.close("wp:inline")
        x.close("w:drawing")
        x.close("w:r")
        x.close("w:p")
        lastWasTable = false
    }

    // MARK: Closing block and appendices

    /// "Nơi nhận:" and the recipients on the left; the signer on the right, with room for the
    /// signature and seal. One row that is never split across pages.
    private mutating func closing() {
        let c = document.closing
        let width = PageLayout.portraitTextWidth
        let leftWidth = Int(Double(width) * PageLayout.closingLeftShare)
        let rightWidth = width - leftWidth
        layoutTableStart([leftWidth, rightWidth])
        x.open("w:tr")
        x.open("w:trPr")
        x.empty("w:cantSplit")
        x.close("w:trPr")

        cellStart(leftWidth)
        paragraph(
            ParagraphProperties(spacingBefore: 240),
            [("Nơi nhận:", RunProperties(bold: true, italic: true, size: PageLayout.recipientsLabelSize))])
        for recipient in c.recipients {
            paragraph(ParagraphProperties(), [(recipient, RunProperties(size: PageLayout.recipientsSize))])
        }
        cellEnd()

        cellStart(rightWidth)
        let signer = RunProperties(bold: true, size: PageLayout.signerSize)
        var first = true
        for line in [c.signer.authority, c.signer.title].compactMap({ $0 }) where !line.isEmpty {
            paragraph(ParagraphProperties(spacingBefore: first ? 240 : 0, jc: "center"), [(line.uppercased(), signer)])
            first = false
        }
        paragraph(
            ParagraphProperties(spacingBefore: PageLayout.twips(mm: PageLayout.signatureSpaceMM), jc: "center"),
            [(c.signer.name, signer)])
        cellEnd()
        x.close("w:tr")
        x.close("w:tbl")
        lastWasTable = true
    }

    /// "Phụ lục …" (14 pt bold), the title upper case bold, "(Kèm theo …)" italic with a short rule,
    /// then the appendix's blocks at the width of its page.
    private mutating func appendix(_ a: Appendix, landscape: Bool) {
        let width = landscape ? PageLayout.landscapeTextWidth : PageLayout.portraitTextWidth
        let size = PageLayout.appendixSize
        paragraph(ParagraphProperties(keepNext: true, jc: "center"), [(a.label, RunProperties(bold: true, size: size))])
        let title = TextMetrics.balancedLines(a.title.uppercased(), size: size, face: .bold, maxWidth: width)
        paragraph(
            ParagraphProperties(keepNext: true, spacingBefore: 60, jc: "center"),
            [(title.joined(separator: "\n"), RunProperties(bold: true, size: size))])
        if !a.attachedTo.isEmpty {
            let lines = TextMetrics.balancedLines(a.attachedTo, size: size, face: .italic, maxWidth: width)
            paragraph(
                ParagraphProperties(keepNext: true, spacingBefore: 60, jc: "center"),
                [(lines.joined(separator: "\n"), RunProperties(italic: true, size: size))])
            let widest = lines.map { TextMetrics.twips($0, size: size, face: .italic) }.max() ?? 0
            rule(length: Int(Double(min(widest, width)) * PageLayout.shortRuleShare), within: width, after: 120)
        }
        blocks(a.body, textWidth: width)
    }

    /// Ends a section: its properties go into an empty paragraph, or for the last section at the
    /// end of the body.
    private mutating func endSection(landscape: Bool, newPage: Bool, last: Bool) {
        let properties = Self.sectionProperties(landscape: landscape, newPage: newPage)
        if last {
            if lastWasTable { spacer() }
            x.raw(properties)
        } else {
            spacer(sectPr: properties)
        }
    }

    /// Section properties: headers (page number, empty on the first page), A4, margins,
    /// numbering from 1, a different first page.
    static func sectionProperties(landscape: Bool, newPage: Bool) -> String {
        var s = XMLWriter(declaration: false)
        s.open("w:sectPr")
        s.empty("w:headerReference", ["w:type": "default", "r:id": OOXML.defaultHeaderRelId])
        s.empty("w:headerReference", ["w:type": "first", "r:id": OOXML.firstHeaderRelId])
        if newPage { s.empty("w:type", ["w:val": "nextPage"]) }
        if landscape {
            s.empty(
                "w:pgSz", ["w:w": String(PageLayout.paperHeight), "w:h": String(PageLayout.paperWidth), "w:orient": "landscape"])
        } else {
            s.empty("w:pgSz", ["w:w": String(PageLayout.paperWidth), "w:h": String(PageLayout.paperHeight)])
        }
        s.empty(
            "w:pgMar",
            [
                "w:top": String(PageLayout.top), "w:right": String(PageLayout.right), "w:bottom": String(PageLayout.bottom),
                "w:left": String(PageLayout.left), "w:header": String(PageLayout.header), "w:footer": String(PageLayout.header),
                "w:gutter": "0",
            ])
        s.empty("w:pgNumType", ["w:fmt": "decimal", "w:start": "1"])
        s.empty("w:cols", ["w:space": "720"])
        s.empty("w:titlePg")
        s.empty("w:docGrid", ["w:linePitch": "360"])
        s.close("w:sectPr")
        return s.xml
    }

    // MARK: Paragraphs

    private mutating func paragraph(_ p: ParagraphProperties, _ runs: [(String, RunProperties)]) {
        p.writeOpen(&x)
        for (text, properties) in runs {
            run(text, properties)
        }
        x.close("w:p")
        lastWasTable = false
    }

    /// An empty paragraph of 1 pt whose top border is a rule `length` twips long, centred in
    /// `width`, 3 pt below the text above it (clear of descenders and the dot below ạ, ộ).
    private mutating func rule(length: Int, within width: Int, after: Int = 0) {
        let length = max(0, min(length, width))
        let left = (width - length) / 2
        var p = ParagraphProperties(spacingBefore: 60, spacingAfter: after, line: 240, indLeft: left, indRight: width - length - left)
        p.topRule = true
        p.mark = RunProperties(size: 1)
        paragraph(p, [])
    }

    /// An empty paragraph of 1 pt, between tables or holding a section's properties.
    private mutating func spacer(sectPr: String? = nil) {
        var p = ParagraphProperties(spacingBefore: 0, spacingAfter: 0, line: 240)
        p.mark = RunProperties(size: 1)
        p.sectPr = sectPr
        paragraph(p, [])
    }

    /// One or more runs: line feeds become `w:br`, tabs `w:tab`; spaces are kept.
    private mutating func run(_ text: String, _ properties: RunProperties) {
        guard !text.isEmpty else { return }
        x.raw("<w:r>")
        properties.write(&x)
        Self.runText(text, &x)
        x.raw("</w:r>")
    }

    /// The content of a run: its text in `w:t` elements, cut at line ends (CR LF, CR or LF,
    /// each a `w:br`) and tabs (`w:tab`), "5,4 %" held together by a no-break space.
    static func runText(_ text: String, _ x: inout XMLWriter) {
        // "5,4 %" must not break between the number and its sign, in running text as in cells.
        let direct = XMLText.withUTF8(text) { bytes in
            guard XMLText.percentPairsAreASCIIBounded(bytes) else { return false }
            runText(bytes, nbspBeforePercent: true, &x)
            return true
        }
        if !direct {
            XMLText.withUTF8(keepPercentTogether(text)) { runText($0, nbspBeforePercent: false, &x) }
        }
    }

    /// Line ends and tabs are grapheme clusters of their own, so the cut by byte is the cut by
    /// `Character`.
    private static func runText(_ bytes: UnsafeBufferPointer<UInt8>, nbspBeforePercent: Bool, _ x: inout XMLWriter) {
        let count = bytes.count
        var start = 0
        var i = 0
        while i < count {
            let byte = bytes[i]
            guard byte == 0x0A || byte == 0x0D || byte == 0x09 else {
                i += 1
                continue
            }
            if start < i {
                x.raw("<w:t xml:space=\"preserve\">")
                x.escaped(UnsafeBufferPointer(rebasing: bytes[start..<i]), nbspBeforePercent: nbspBeforePercent, apostrophe: .xml)
                x.raw("</w:t>")
            }
            x.raw(byte == 0x09 ? "<w:tab/>" : "<w:br/>")
            if byte == 0x0D && i + 1 < count && bytes[i + 1] == 0x0A { i += 1 }
            i += 1
            start = i
        }
        if start < count {
            x.raw("<w:t xml:space=\"preserve\">")
            x.escaped(UnsafeBufferPointer(rebasing: bytes[start..<count]), nbspBeforePercent: nbspBeforePercent, apostrophe: .xml)
            x.raw("</w:t>")
        }
    }
}

extension ParagraphProperties {
    /// Opens `w:p` and writes the properties.
    func writeOpen(_ x: inout XMLWriter) {
        x.open("w:p")
        write(&x)
    }
}
