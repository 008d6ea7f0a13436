import BaocaoDocument

/// The page and type of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), shared
/// by the DOCX and by the HTML print styles so both lay the report out alike.
enum PageLayout {
    // MARK: Paper and margins (millimetres)

    static let paperWidthMM = 210.0
    static let paperHeightMM = 297.0
    /// Top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
    static let topMM = 20.0
    static let bottomMM = 20.0
    static let leftMM = 30.0
    static let rightMM = 15.0
    /// Distance of the page number (in the header) from the top edge of the page.
    static let headerMM = 10.0

    /// A4 in twips (1/1440 inch), as Word writes it.
    static let paperWidth = 11_906
    static let paperHeight = 16_838
    static let top = twips(mm: topMM)
    static let bottom = twips(mm: bottomMM)
    static let left = twips(mm: leftMM)
    static let right = twips(mm: rightMM)
    static let header = twips(mm: headerMM)

    /// The width of the text on a portrait page, in twips.
    static let portraitTextWidth = paperWidth - left - right
    /// The width of the text on a landscape page, in twips.
    static let landscapeTextWidth = paperHeight - left - right

    static func twips(mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }
    static func mm(twips: Int) -> Double { Double(twips) * 25.4 / 1440 }

    // MARK: Type sizes (points)

    static let bodySize = 14.0
    static let parentBodySize = 13.0
    static let issuingBodySize = 13.0
    static let numberSize = 13.0
    /// 12 pt keeps the national title on one line in the right column.
    static let nationalTitleSize = 12.0
    static let mottoSize = 13.0
    static let placeDateSize = 14.0
    static let typeNameSize = 14.0
    static let summarySize = 14.0
    static let noticeSize = 13.0
    static let captionSize = 13.0
    static let tableNoteSize = 12.0
    static let recipientsLabelSize = 12.0
    static let recipientsSize = 11.0
    static let signerSize = 14.0
    static let pageNumberSize = 14.0
    static let appendixSize = 14.0

    // MARK: Spacing

    /// First-line indent of body paragraphs: 1 cm.
    static let firstLineIndentMM = 10.0
    /// Space before each body paragraph, in points (at least 6 pt between paragraphs).
    static let paragraphSpacing = 6.0
    /// Line spacing of the body, as a multiple of single spacing (single to 1.5).
    static let lineSpacing = 1.2

    /// The share of the text width given to the left column of the header (parent body,
    /// issuing body, number).
    static let headerLeftShare = 0.4
    /// The share of the text width given to "Nơi nhận" in the closing block.
    static let closingLeftShare = 0.45
    /// The length of the short rules under the issuing body and under the summary, as a share
    /// of their text (the decree asks for 1/3 to 1/2).
    static let shortRuleShare = 0.4
    /// Room for the signature and the seal, between the signer's title and name.
    static let signatureSpaceMM = 28.0

    // MARK: Tables

    /// Whether an appendix needs a landscape page: one of its tables has more than seven
    /// columns, or column weights adding up to more than a portrait page holds comfortably.
    static func needsLandscape(_ blocks: [Block]) -> Bool {
        blocks.contains { block in
            guard case .table(let table) = block else { return false }
            return table.columns.count > 7 || totalWeight(table.columns) > 9
        }
    }

    /// The type size of a table: 13 pt where columns are wide, 12 or 11 pt as they narrow.
    static func tableFontSize(columns: Int, textWidth: Int) -> Double {
        guard columns > 0 else { return 13 }
        let perColumn = mm(twips: textWidth) / Double(columns)
        if perColumn >= 30 { return 13 }
        if perColumn >= 20 { return 12 }
        return 11
    }

    /// Column weights, each at least a small positive number.
    static func weights(_ columns: [Table.Column]) -> [Double] {
        columns.map { $0.width.isFinite && $0.width > 0 ? $0.width : 1 }
    }

    static func totalWeight(_ columns: [Table.Column]) -> Double {
        weights(columns).reduce(0, +)
    }

    /// Column widths in twips that add up to `total` exactly: shares of the weights, but never
    /// narrower than `minimums` (the longest word of each column) while the page has room.
    static func columnWidths(_ columns: [Table.Column], total: Int, minimums: [Int] = []) -> [Int] {
        let weights = weights(columns)
        guard !weights.isEmpty else { return [] }
        var shares = weights.map { Double($0) }
        let mins = weights.indices.map { $0 < minimums.count ? Double(minimums[$0]) : 0 }
        if mins.reduce(0, +) >= Double(total) {
            shares = mins.map { max($0, 1) }
        } else {
            var fixed = [Double?](repeating: nil, count: weights.count)
            while true {
                let freeWeight = weights.indices.filter { fixed[$0] == nil }.map { weights[$0] }.reduce(0, +)
                let freeTotal = Double(total) - fixed.compactMap { $0 }.reduce(0, +)
                var changed = false
                for i in weights.indices where fixed[i] == nil && freeTotal * weights[i] / freeWeight < mins[i] {
                    fixed[i] = mins[i]
                    changed = true
                }
                if !changed || !fixed.contains(where: { $0 == nil }) {
                    shares = weights.indices.map { fixed[$0] ?? freeTotal * weights[$0] / freeWeight }
                    break
                }
            }
        }
        let sum = shares.reduce(0, +)
        var widths = shares.map { Int((Double(total) * $0 / sum).rounded(.down)) }
        var rest = total - widths.reduce(0, +)
        var i = 0
        while rest > 0 {
            widths[i % widths.count] += 1
            rest -= 1
            i += 1
        }
        return widths
    }
}
