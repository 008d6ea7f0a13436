/// Shared wording and lookups for plugins: figures by id, valid comparisons, and the phrases
/// Vietnamese reports use for them. Plugins own what they say; this keeps how numbers are
/// compared and written the same in every section.
extension SectionContext {
    /// The total of an indicator this period.
    public func total(_ id: String) -> Figure? { current.totals[id] }

    /// The number of an indicator this period.
    public func value(_ id: String) -> Double? { current.totals[id]?.number }

    /// The sum of several indicators this period, when every one of them is present.
    public func sum(_ ids: [String]) -> Double? {
        let values = ids.compactMap { value($0) }
        return values.count == ids.count ? values.reduce(0, +) : nil
    }

    /// Whether the area has any figure or narrative this period.
    public var hasData: Bool { !current.totals.isEmpty || !current.narratives.isEmpty }

    /// This area's activity narratives, in unit order.
    public var activities: [NarrativeItem] { current.narratives.filter { $0.kind == .activity } }

    /// The number as running text writes the indicator's kind: "1.234", "03", "98,70 %", "0,5478".
    public func format(_ value: Double, _ id: String) -> String {
        Self.format(value, kind: indicator(id)?.kind ?? .count)
    }

    /// Running text: counts with the office's leading zero below 10 (`VietnameseFormat.quantity`),
    /// ranks as plain ordinals, rates with two decimals, scores with up to four.
    public static func format(_ value: Double, kind: Indicator.Kind) -> String {
        switch kind {
        case .count: return VietnameseFormat.quantity(value)
        case .rank: return VietnameseFormat.number(value, fractionDigits: 0)
        case .percent: return VietnameseFormat.percent(value)
        case .score, .text: return VietnameseFormat.number(value, fractionDigits: 4)
        }
    }

    /// A value the plan sets (a target, a threshold) as running text writes it: as given, without
    /// the two fixed decimals of a measured rate ("từ 99,5 % trở lên", "tối thiểu 90 %").
    public static func formatTarget(_ value: Double, kind: Indicator.Kind) -> String {
        kind == .percent ? VietnameseFormat.number(value, fractionDigits: 2) + " %" : format(value, kind: kind)
    }

    /// A table cell's text: plain numbers (no leading zero), rates with two decimals.
    public static func cellText(_ value: Double, kind: Indicator.Kind) -> String {
        switch kind {
        case .count, .rank: return VietnameseFormat.number(value, fractionDigits: 0)
        case .percent: return VietnameseFormat.percent(value)
        case .score, .text: return VietnameseFormat.number(value, fractionDigits: 4)
        }
    }

    /// The comparisons of an indicator with the previous period and with the same period of
    /// the previous year, each only where both sides exist and cover the same units.
    public func comparisons(_ id: String) -> [Comparison] {
        guard let now = total(id), let n = now.number, let kind = indicator(id)?.kind, kind != .text else { return [] }
        var result: [Comparison] = []
        for (data, basis) in [(previous, Comparison.Basis.previousPeriod), (sameLastYear, .sameLastYear)] {
            guard let data, let then = data.totals[id], let t = then.number, Self.sameUnits(now, then),
                now.coveredFrom == nil, then.coveredFrom == nil  // a figure of part of its period compares with nothing
            else { continue }
            result.append(
                Comparison(
                    current: n, base: t, kind: kind, basis: basis, baseLabel: data.period.label, baseFigure: then,
                    measure: indicator(id)?.measure ?? ""))
        }
        return result
    }

    /// The comparison phrases joined with "; ": "tăng 12,5 % so với quý II năm 2026; tăng 3 % so với cùng kỳ năm 2025".
    public func comparisonPhrase(_ id: String) -> String? {
        let phrases = comparisons(id).map(\.phrase)
        return phrases.isEmpty ? nil : phrases.joined(separator: "; ")
    }

    /// The comparison phrases of an indicator, each period named in full the first time
    /// `mentions` meets it and briefly after ("so với quý trước", "so với cùng kỳ").
    public func comparisonPhrases(_ id: String, _ mentions: PeriodMentions) -> [String] {
        comparisons(id).map { mentions.phrase($0) }
    }

    /// What a parenthesis after a figure says about its earlier values, or nil without a valid
    /// comparison: the changes ("tăng 6,3 % so với quý II năm 2026, giảm 3,7 % so với cùng kỳ")
    /// or, when a base is below `Comparison.smallBase`, the earlier counts themselves
    /// ("quý II năm 2026: 05; cùng kỳ năm 2025: 03"), never a percentage of a handful.
    public func changeNote(_ id: String, _ mentions: PeriodMentions) -> String? {
        let all = comparisons(id)
        guard !all.isEmpty else { return nil }
        if all.contains(where: \.isSmallBase) { return all.map { mentions.baseValue($0) }.joined(separator: "; ") }
        return all.map { mentions.phrase($0) }.joined(separator: ", ")
    }

    /// Two totals measure the same thing when they come from the same units.
    static func sameUnits(_ a: Figure, _ b: Figure) -> Bool {
        Set(a.sources.map(\.unit)) == Set(b.sources.map(\.unit))
    }

    /// The id a figure has in the document's provenance records (`FigureRecord.id`).
    public func figureID(_ figure: Figure) -> String {
        "\(figure.period.code)/\(figure.indicator)/\(figure.unit ?? "total")"
    }

    /// A table cell for a figure, linked to its provenance record.
    public func cell(_ figure: Figure?) -> Cell {
        guard let figure else { return Cell("—") }
        if let text = figure.text { return Cell(text, figures: [figureID(figure)]) }
        guard let n = figure.number else { return Cell("—") }
        return Cell(Self.cellText(n, kind: indicator(figure.indicator)?.kind ?? .count), value: n, figures: [figureID(figure)])
    }

    /// The standard indicator table: label, unit of measure, this period, the previous period
    /// and the same period of the previous year (columns shown only when they have data).
    public func indicatorTable(caption: String, ids: [String], note: String? = nil) -> Table {
        let showPrevious = previous != nil
        let showLastYear = sameLastYear != nil
        var columns = [
            Table.Column("TT", alignment: .center, width: 0.5), Table.Column("Chỉ tiêu", width: 4),
            Table.Column("Đơn vị tính", alignment: .center, width: 1.2),
            Table.Column(capitalized(period.label), alignment: .right, width: 1.4),
        ]
        if let previous, showPrevious { columns.append(Table.Column(capitalized(previous.period.label), alignment: .right, width: 1.4)) }
        if let sameLastYear, showLastYear {
            let title = sameLastYear.period.kind == .year ? "Năm \(sameLastYear.period.year)" : "Cùng kỳ năm \(sameLastYear.period.year)"
            columns.append(Table.Column(title, alignment: .right, width: 1.4))
        }
        var rows: [[Cell]] = []
        var incomparable = false
        // An earlier figure from other units than this period's does not measure the same thing.
        func earlier(_ data: PeriodData?, _ id: String) -> Cell {
            guard let then = data?.totals[id] else { return Cell("—") }
            if let now = total(id), !Self.sameUnits(now, then) {
                incomparable = true
                return Cell("—")
            }
            return cell(then)
        }
        for id in ids {
            guard let indicator = indicator(id) else { continue }
            var row = [Cell(String(rows.count + 1)), Cell(indicator.label), Cell(indicator.measure), cell(total(id))]
            if showPrevious { row.append(earlier(previous, id)) }
            if showLastYear { row.append(earlier(sameLastYear, id)) }
            rows.append(row)
        }
        var notes = [note].compactMap { $0 }
        if incomparable { notes.append("Dấu “—” ở kỳ trước: số liệu kỳ đó do các đơn vị khác báo cáo nên không so sánh được.") }
        return Table(caption: caption, columns: columns, rows: rows, note: notes.isEmpty ? nil : notes.joined(separator: " "))
    }

    /// Where Part I states another area's section: "mục 1 Phần I (Cải cách thủ tục hành chính)",
    /// or nil when the plan has no such area.
    public func clauseReference(toArea id: String) -> String? {
        guard let index = plan.areas.firstIndex(where: { $0.id == id }) else { return nil }
        return "mục \(index + 1) Phần I (\(plan.areas[index].title))"
    }

    /// The text with its first letter in upper case.
    public func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

/// Sentence helpers for plugins, the same the engine uses when it merges narratives.
public enum Wording {
    /// Capitalises the text and ends it with a full stop unless it ends with punctuation.
    public static func sentence(_ text: String) -> String { BaocaoCore.sentence(text) }

    /// "a, b và c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " và " + items.last!
        }
    }

    /// The text without surrounding white space and without a final ".", ";" or ",", to be set
    /// inside a sentence or a parenthesis.
    public static func clause(_ text: String) -> String {
        var t = Substring(text)
        while let first = t.first, first.isWhitespace { t.removeFirst() }
        while let last = t.last, last.isWhitespace || last == ";" || last == "," || last == "." { t.removeLast() }
        return String(t)
    }

    /// The distinct notes units gave with figures, as one cause ("a; b"); nil without notes.
    public static func cause(_ notes: [String]) -> String? {
        let distinct = unique(notes.map(clause).filter { !$0.isEmpty })
        return distinct.isEmpty ? nil : distinct.joined(separator: "; ")
    }

    /// The text with its first letter in lower case, to continue a sentence — unless its first
    /// word is an abbreviation ("UBND", "PAR INDEX", "Q1").
    public static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        let firstWord = text.prefix { !$0.isWhitespace }
        if firstWord.count > 1, firstWord.allSatisfy({ !$0.isLetter || $0.isUppercase }) { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// The items in their first order, each once.
    public static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}

/// A comparison of this period's value with an earlier one.
public struct Comparison: Sendable {
    public enum Basis: Sendable { case previousPeriod, sameLastYear }

    public var current: Double
    public var base: Double
    public var kind: Indicator.Kind
    public var basis: Basis
    /// "quý II năm 2026" or "quý III năm 2025".
    public var baseLabel: String
    public var baseFigure: Figure
    /// The indicator's unit of measure ("hồ sơ"), for changes stated in units.
    public var measure: String = ""

    public init(
        current: Double, base: Double, kind: Indicator.Kind, basis: Basis, baseLabel: String, baseFigure: Figure,
        measure: String = ""
    ) {
        self.current = current
        self.base = base
        self.kind = kind
        self.basis = basis
        self.baseLabel = baseLabel
        self.baseFigure = baseFigure
        self.measure = measure
    }

    /// Below this base, a count's change is stated in its unit, never in per cent: "giảm 40 %"
    /// for 5 → 3 exaggerates, and from 0 means nothing. The one threshold every plugin uses.
    public static let smallBase = 30.0

    /// Whether the change is stated in the indicator's unit rather than in per cent.
    public var isSmallBase: Bool { kind == .count && base < Self.smallBase }

    /// "so với quý trước", "so với cùng kỳ", "so với năm trước": the period once it has been named.
    public var briefAgainst: String {
        if case .year = baseFigure.period.kind { return "so với năm trước" }
        switch basis {
        case .sameLastYear: return "so với cùng kỳ"
        case .previousPeriod:
            switch baseFigure.period.kind {
            case .quarter: return "so với quý trước"
            case .month: return "so với tháng trước"
            case .year: return "so với năm trước"
            default: return "so với kỳ trước"
            }
        }
    }

    /// "so với quý II năm 2026", "so với cùng kỳ năm 2025", or for a year "so với năm 2025".
    public var against: String {
        if case .year = baseFigure.period.kind { return "so với năm \(baseFigure.period.year)" }
        switch basis {
        case .previousPeriod: return "so với \(baseLabel)"
        case .sameLastYear: return "so với cùng kỳ năm \(baseFigure.period.year)"
        }
    }

    /// "bằng quý II năm 2026", "bằng cùng kỳ năm 2025", "bằng năm 2025".
    var equalTo: String { equalTo(against) }

    func equalTo(_ against: String) -> String { "bằng " + against.replacingOccurrences(of: "so với ", with: "") }

    /// The change as a Vietnamese report states it:
    /// counts — "tăng 12,5 % so với cùng kỳ năm 2025", or below `smallBase` in the unit:
    /// "giảm 02 tin, bài so với quý II năm 2026";
    /// rates — "tăng 2,30 điểm phần trăm so với quý II năm 2026";
    /// scores — "tăng 1,36 điểm …"; ranks — "tăng 01 bậc …" (a smaller rank is better).
    public var phrase: String { phrase(against: against) }

    /// The phrase with the period named briefly ("so với quý trước").
    public var briefPhrase: String { phrase(against: briefAgainst) }

    public func phrase(against: String) -> String {
        let delta = current - base
        let direction = delta > 0 ? "tăng" : "giảm"
        // A change that rounds to nothing in print is no change to the reader.
        let printed: String
        switch kind {
        case .percent: printed = VietnameseFormat.number(abs(delta), fractionDigits: 2)
        case .score: printed = VietnameseFormat.number(abs(delta), fractionDigits: 4)
        default: printed = VietnameseFormat.number(abs(delta), fractionDigits: 0)
        }
        if abs(delta) < 1e-9 || printed == "0" { return equalTo(against) }
        switch kind {
        case .count:
            if isSmallBase {
                let unit = measure.isEmpty ? "" : " \(measure)"
                return "\(direction) \(VietnameseFormat.quantity(abs(delta)))\(unit) \(against)"
            }
            // A change in per cent of a count, not a rate: "tăng 20 %", "tăng 6,3 %".
            return "\(direction) \(VietnameseFormat.number(abs(delta) / base * 100, fractionDigits: 1)) % \(against)"
        case .percent:
            return "\(direction) \(VietnameseFormat.fixed(abs(delta), fractionDigits: 2)) điểm phần trăm \(against)"
        case .score:
            return "\(direction) \(VietnameseFormat.number(abs(delta), fractionDigits: 4)) điểm \(against)"
        case .rank:
            let places = VietnameseFormat.quantity(abs(delta).rounded())
            return delta < 0 ? "tăng \(places) bậc \(against)" : "giảm \(places) bậc \(against)"
        case .text:
            return ""
        }
    }

    /// The earlier value as a parenthesis states it: "quý II năm 2026: 05", or with the period
    /// already named, "quý trước: 05".
    public func baseValue(brief: Bool) -> String {
        let label = (brief ? briefAgainst : against).replacingOccurrences(of: "so với ", with: "")
        return "\(label): \(SectionContext.format(base, kind: kind))"
    }
}

/// Which comparison periods a point has already named: the first comparison with each period
/// names it in full ("so với quý II năm 2026"), later ones briefly ("so với quý trước"). A
/// writer keeps one per point and calls `reset()` when a new point begins.
public final class PeriodMentions: @unchecked Sendable {
    private var named: Set<String> = []

    public init() {}

    public func reset() { named.removeAll() }

    /// "so với quý II năm 2026" the first time, "so với quý trước" after.
    public func against(_ comparison: Comparison) -> String {
        let key = comparison.baseFigure.period.code
        return named.insert(key).inserted ? comparison.against : comparison.briefAgainst
    }

    /// The comparison's phrase with the period named as `against` names it.
    public func phrase(_ comparison: Comparison) -> String { comparison.phrase(against: against(comparison)) }

    /// The earlier value, its period named as `against` names it: "quý II năm 2026: 05".
    public func baseValue(_ comparison: Comparison) -> String {
        comparison.baseValue(brief: !named.insert(comparison.baseFigure.period.code).inserted)
    }
}
