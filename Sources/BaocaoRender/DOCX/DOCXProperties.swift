/// Paragraph properties (`w:pPr`), written in the order the schema requires: pStyle, keepNext,
/// keepLines, pBdr, tabs, spacing, ind, jc, outlineLvl, rPr,
/// sectPr.
struct ParagraphProperties {
    var style: String?
    var keepNext = false
    var keepLines = false
    /// A rule along the top of the paragraph, for the lines under the issuing body, the motto and
    /// the summary: the paragraph is empty and its indents set the rule's length.
    var topRule = false
    /// The colour of a box around the paragraph (notices).
    var box: String?
    /// Left tab stops, in twips from the left margin.
    var tabStops: [Int] = []
    var spacingBefore: Int?
    var spacingAfter: Int?
    /// Line spacing in 240ths of a line (`auto`) or, with `exactLine`, in twips.
    var line: Int?
    var exactLine = false
    var indLeft: Int?
    var indRight: Int?
    var firstLine: Int?
    var hanging: Int?
    var jc: String?
    var outlineLevel: Int?
    /// Properties of the paragraph mark (its size sets the height of an empty paragraph).
    var mark: RunProperties?
    /// A complete `w:sectPr` element, for the paragraph that ends a section.
    var sectPr: String?

    init(
        style: String? = nil, keepNext: Bool = false, spacingBefore: Int? = nil, spacingAfter: Int? = nil,
        line: Int? = nil, indLeft: Int? = nil, indRight: Int? = nil, firstLine: Int? = nil, hanging: Int? = nil,
        jc: String? = nil
    ) {
        self.style = style
        self.keepNext = keepNext
        self.spacingBefore = spacingBefore
        self.spacingAfter = spacingAfter
        self.line = line
        self.indLeft = indLeft
        self.indRight = indRight
        self.firstLine = firstLine
        self.hanging = hanging
        self.jc = jc
    }

    var isEmpty: Bool {
        style == nil && !keepNext && !keepLines && !topRule && box == nil && tabStops.isEmpty && spacingBefore == nil && spacingAfter == nil
            && line == nil && indLeft == nil && indRight == nil && firstLine == nil && hanging == nil && jc == nil
            && outlineLevel == nil && mark == nil && sectPr == nil
    }

    func write(_ x: inout XMLWriter) {
        guard !isEmpty else { return }
        x.open("w:pPr")
        if let style { x.empty("w:pStyle", ["w:val": style]) }
        if keepNext { x.empty("w:keepNext") }
        if keepLines { x.empty("w:keepLines") }
        if topRule || box != nil {
            x.open("w:pBdr")
            if topRule {
                x.empty("w:top", ["w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"])
            } else if let box {
                for side in ["w:top", "w:left", "w:bottom", "w:right"] {
                    x.empty(side, ["w:val": "single", "w:sz": "8", "w:space": "4", "w:color": box])
                }
            }
            x.close("w:pBdr")
        }
        if !tabStops.isEmpty {
            x.open("w:tabs")
            for stop in tabStops { x.empty("w:tab", ["w:val": "left", "w:pos": String(stop)]) }
            x.close("w:tabs")
        }
        if spacingBefore != nil || spacingAfter != nil || line != nil {
            x.raw("<w:spacing")
            if let spacingBefore { Self.attribute(&x, " w:before=\"", spacingBefore) }
            if let spacingAfter { Self.attribute(&x, " w:after=\"", spacingAfter) }
            if let line {
                Self.attribute(&x, " w:line=\"", line)
                x.raw(exactLine ? " w:lineRule=\"exact\"" : " w:lineRule=\"auto\"")
            }
            x.raw("/>")
        }
        if indLeft != nil || indRight != nil || firstLine != nil || hanging != nil {
            x.raw("<w:ind")
            if let indLeft { Self.attribute(&x, " w:left=\"", indLeft) }
            if let indRight { Self.attribute(&x, " w:right=\"", indRight) }
            if let hanging {
                Self.attribute(&x, " w:hanging=\"", hanging)
            } else if let firstLine {
                Self.attribute(&x, " w:firstLine=\"", firstLine)
            }
            x.raw("/>")
        }
        if let jc { x.empty("w:jc", ["w:val": jc]) }
        if let outlineLevel { x.empty("w:outlineLvl", ["w:val": String(outlineLevel)]) }
        if let mark { mark.write(&x) }
        if let sectPr { x.raw(sectPr) }
        x.close("w:pPr")
    }
}

extension ParagraphProperties {
    /// ` name="value"`, `start` holding the space, the name and the opening quote.
    fileprivate static func attribute(_ x: inout XMLWriter, _ start: String, _ value: Int) {
        x.raw(start)
        x.int(value)
        x.raw("\"")
    }
}

/// Run properties (`w:rPr`) in canonical order: rFonts, b, bCs, i, iCs, color, sz, szCs, u.
struct RunProperties: Equatable {
    var bold = false
    /// Turns off the bold of the paragraph's style.
    var unbold = false
    var italic = false
    var color: String?
    /// Size in points.
    var size: Double?

    init(bold: Bool = false, italic: Bool = false, color: String? = nil, size: Double? = nil) {
        self.bold = bold
        self.italic = italic
        self.color = color
        self.size = size
    }

    var isEmpty: Bool { !bold && !unbold && !italic && color == nil && size == nil }

    /// Writes `w:rPr`; with `fonts`, names Times New Roman in all four slots (styles do).
    func write(_ x: inout XMLWriter, fonts: Bool = false) {
        guard !isEmpty || fonts else { return }
        x.open("w:rPr")
        if fonts { DOCXParts.fonts(&x) }
        if bold {
            x.empty("w:b")
            x.empty("w:bCs")
        } else if unbold {
            x.empty("w:b", ["w:val": "0"])
            x.empty("w:bCs", ["w:val": "0"])
        }
        if italic {
            x.empty("w:i")
            x.empty("w:iCs")
        }
        if let color { x.empty("w:color", ["w:val": color]) }
        if let size { DOCXParts.size(&x, size) }
        x.close("w:rPr")
    }
}
