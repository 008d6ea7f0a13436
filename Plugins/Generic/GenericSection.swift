import BaocaoCore

/// Writes the section of a content area that no built-in plugin knows, from the area's declared
/// indicators alone, so that a plan author can add an area in YAML only (`plugin: generic`).
///
/// Without a template the section states each numeric indicator with its valid comparisons and
/// its plan target, each text indicator, the area's activity narratives and, with two or more
/// numeric indicators, the standard indicator table. With a template (`areas[].template`, a
/// Mustache text) the plan words the text; the table is kept unless `table: false`. Either way
/// each target met or missed becomes a finding and missing figures become diagnostics.
public struct GenericSection: SectionPlugin {
    public static let descriptor = PluginDescriptor(
        id: "generic", title: "Lĩnh vực khai báo trong kế hoạch",
        summary:
            "Any content area from its declared indicators alone: values with valid comparisons, targets met or missed, "
            + "text indicators, the area's activities and the indicator table; an optional Mustache template in the plan "
            + "(areas[].template) words the text.",
        options: [
            PluginOption(
                GenericOption.table,
                "true/false (default true): include the indicator table when the area has two or more numeric indicators "
                    + "with data, with or without a template."),
            PluginOption(
                GenericOption.caption,
                "The table caption (default \"Một số chỉ tiêu về <area title> <period>\"); it may use the template variables, "
                    + "e.g. \"Kết quả bồi dưỡng kỹ năng số {{period}}\"."),
        ],
        examples: GenericExamples.all,
        checkArea: GenericTemplate.check)

    public init() {}

    public func makeSection(_ context: SectionContext) throws -> Section {
        var writer = try GenericWriter(context: context)
        return writer.write()
    }
}

/// The option keys the plugin accepts in `areas[].options`.
enum GenericOption {
    static let table = "table"
    static let caption = "caption"
}

/// Builds one area's section from its context. Every sentence states a figure, a target of the
/// plan or a narrative of the context; a figure that is missing is left out and reported as a
/// diagnostic.
struct GenericWriter {
    let context: SectionContext
    let template: GenericTemplate?
    /// The caption option, when it uses template variables.
    let captionTemplate: GenericTemplate?
    let facts: [IndicatorFacts]
    var section = Section()

    init(context: SectionContext) throws {
        self.context = context
        // Check first: a broken template, or one using a variable the data does not give, is an
        // error even in a period without data (plan loading reports the same, located in the file).
        let problems = GenericTemplate.check(context.area)
        if !problems.isEmpty { throw PluginError(problems.map(\.description).joined(separator: "\n")) }
        template = try context.area.template.map { try GenericTemplate(source: $0, area: context.area, what: "template") }
        captionTemplate = try context.area.options[GenericOption.caption]?.text.flatMap { caption in
            caption.contains("{{") ? try GenericTemplate(source: caption, area: context.area, what: "options.caption") : nil
        }
        facts = context.area.indicators.map { IndicatorFacts($0, context) }
    }

    var area: ContentArea { context.area }
    var periodLabel: String { context.period.label }

    mutating func write() -> Section {
        let (showTable, caption) = readOptions()
        guard context.hasData else {
            writeNoData()
            return section
        }
        addTargetFindings()
        reportMissingFigures()
        // An area whose figures start in a later part of the period (added mid-year) says so first.
        if let start = facts.compactMap({ $0.figure?.coveredFrom }).min() {
            section.blocks.append(
                .paragraph(
                    Paragraph(
                        "Nội dung này được báo cáo từ \(start.label); số liệu \(periodLabel) dưới đây tính từ \(start.label)."
                    )))
        }
        let model = GenericModel(context: context, facts: facts)
        if let template {
            let shadowed = area.indicators.map(\.id).filter { GenericModel.rootKeys.contains($0) }
            if !shadowed.isEmpty {
                section.diagnostics.append(
                    context.warning(
                        "chỉ tiêu \(shadowed.joined(separator: ", ")) trùng tên biến chung của mẫu văn bản nên mẫu không đọc được "
                            + "(indicator ids shadowed by template variables)"))
            }
            section.blocks += GenericTemplate.blocks(from: template.render(model.root))
            let holes = model.printedBlanks.names
            if !holes.isEmpty {
                section.diagnostics.append(
                    context.warning(
                        "mẫu văn bản của lĩnh vực '\(area.id)' in biến chưa có giá trị \(periodLabel): \(holes.joined(separator: ", ")); "
                            + "câu chứa các biến này trong báo cáo bị thiếu nội dung — hãy kiểm tra số liệu, hoặc đặt câu trong "
                            + "{{#…}}…{{/…}} để bỏ câu khi chưa có giá trị (template printed empty values)"))
            }
            if !template.mentions(["activities", "has_activities"]), let list = activitiesBlocks() {
                // The engine prints the area's activities nowhere else: keep them when the template does not.
                section.blocks += list
            }
            if showTable, let table = table(caption: caption, model: model) { section.blocks.append(.table(table)) }
        } else {
            section.blocks += facts.compactMap { paragraph($0) }.map { Block.paragraph(Paragraph($0)) }
            if showTable, let table = table(caption: caption, model: model) { section.blocks.append(.table(table)) }
            section.blocks += activitiesBlocks() ?? []
        }
        if section.blocks.isEmpty { section.blocks = [.paragraph(Paragraph(Self.noDataSentence))] }
        return section
    }

    // MARK: No data

    static let noDataSentence = "Trong kỳ, chưa có số liệu báo cáo về nội dung này."

    mutating func writeNoData() {
        section.blocks = [.paragraph(Paragraph(Self.noDataSentence))]
        var message = "Chưa có số liệu, nội dung nào về '\(area.title)' \(periodLabel); báo cáo chỉ ghi một câu chưa có số liệu"
        let targets = area.indicators.filter { $0.target != nil }.map(\.id)
        if !targets.isEmpty {
            message += " và chưa đánh giá được mục tiêu của \(targets.count) chỉ tiêu (\(targets.joined(separator: ", ")))"
        }
        section.diagnostics.append(context.warning(message + " (no data for this area)"))
    }

    // MARK: Options

    /// Whether to include the table, and the caption the plan gives; a value of the wrong kind
    /// is reported and the default used.
    mutating func readOptions() -> (table: Bool, caption: String?) {
        var table = true
        var caption: String?
        if let value = area.options[GenericOption.table] {
            if let flag = value.flag {
                table = flag
            } else {
                section.diagnostics.append(
                    context.warning(
                        "tùy chọn 'table' của lĩnh vực '\(area.id)' phải là true hoặc false; dùng mặc định true (expected a flag)"))
            }
        }
        if let value = area.options[GenericOption.caption] {
            if let text = value.text {
                caption = text
            } else {
                section.diagnostics.append(
                    context.warning(
                        "tùy chọn 'caption' của lĩnh vực '\(area.id)' phải là một đoạn văn bản; dùng tiêu đề mặc định (expected a text)"))
            }
        }
        return (table, caption)
    }

    // MARK: Prose

    /// "<label>: <value>, <comparisons>; <target>." for a numeric indicator, "<label>: <text>." for
    /// a text one; nil without a value.
    func paragraph(_ f: IndicatorFacts) -> String? {
        guard f.hasValue else { return nil }
        if f.indicator.kind == .text { return Wording.sentence("\(f.indicator.label): \(f.value)") }
        var text = "\(f.indicator.label): \(f.stated)"
        if !f.phrases.isEmpty { text += ", " + Wording.list(f.phrases) }
        switch f.status {
        case .met: text += "; đạt \(f.targetPhrase)"
        case .missed: text += "; chưa đạt \(f.targetPhrase)"
        case .open:
            // A yearly target, not yet reached: the share reached so far, when the period runs from January.
            if let target = f.indicator.target, target.comparison == .atLeast, target.value > 0, let raw = f.raw,
                context.period.months.lowerBound == 1
            {
                text += "; bằng \(VietnameseFormat.number(raw / target.value * 100, fractionDigits: 1)) % \(f.targetPhrase)"
            }
        case .none, .noData: break
        }
        text += "."
        if f.status == .missed, let cause = f.cause { text += " Nguyên nhân: \(Wording.sentence(cause))" }
        return text
    }

    /// The area's activity narratives as a list after a lead-in, or nil when there are none.
    func activitiesBlocks() -> [Block]? {
        let items = context.activities.map { Wording.sentence($0.text) }
        guard !items.isEmpty else { return nil }
        return [.paragraph(Paragraph("Các hoạt động đã triển khai trong \(periodLabel):")), .list(items.map { Paragraph($0) })]
    }

    // MARK: Table

    /// The standard indicator table of the numeric indicators with data, when there are two or more.
    func table(caption: String?, model: GenericModel) -> Table? {
        let ids = facts.filter { $0.indicator.kind != .text && $0.hasValue }.map(\.indicator.id)
        guard ids.count >= 2 else { return nil }
        var title = "Một số chỉ tiêu về \(Wording.lowercasedFirst(area.title)) \(periodLabel)"
        if let captionTemplate {
            title = GenericTemplate.clean(captionTemplate.render(model.root).split(whereSeparator: \.isNewline).joined(separator: " "))
        } else if let caption {
            title = caption
        }
        let reporting = Set(ids.compactMap { context.total($0) }.flatMap { $0.sources.map(\.unit) })
        let units = context.current.units.filter { reporting.contains($0) }.map { context.unitName($0) }
        return context.indicatorTable(
            caption: title, ids: ids, note: units.isEmpty ? nil : "Nguồn: số liệu báo cáo của \(units.joined(separator: ", ")).")
    }

    // MARK: Findings

    /// Each target met becomes an achievement, each target missed a limitation with the units'
    /// cause; a target whose indicator has no data is a diagnostic only.
    mutating func addTargetFindings() {
        for f in facts where f.indicator.target != nil {
            let sources = f.figure?.sources ?? []
            switch f.status {
            case .met:
                section.achievements.append(
                    Finding(
                        "\(f.findingSubject(periodLabel)), đạt \(f.targetPhrase)", sources: sources, subject: f.indicator.id,
                        requirement: "target"))
            case .missed:
                section.limitations.append(
                    Finding(
                        "\(f.findingSubject(periodLabel)), chưa đạt \(f.targetPhrase)", cause: f.cause, sources: sources,
                        subject: f.indicator.id, requirement: "target"))
            case .noData:
                section.diagnostics.append(
                    context.warning(
                        "chưa có số liệu '\(f.indicator.label)' (\(f.indicator.id)) \(periodLabel) nên chưa đánh giá được "
                            + "\(f.targetPhrase) (missing figure for a target)"))
            case .open, .none:
                break
            }
        }
    }

    // MARK: Diagnostics

    /// Units that must report an indicator of the area and did not; then the other indicators
    /// left without a value (a target's indicator is reported with its target).
    mutating func reportMissingFigures() {
        var explained = Set<String>()
        for unit in context.units where unit.submitsData {
            let missing = area.indicators.filter {
                !$0.isDerived && $0.reportedBy.contains(unit.id) && context.current.byUnit[unit.id]?[$0.id] == nil
            }
            guard !missing.isEmpty else { continue }
            explained.formUnion(missing.map(\.id))
            section.diagnostics.append(
                context.warning(
                    "\(unit.shortName) chưa báo cáo \(missing.count) chỉ tiêu của lĩnh vực '\(area.title)' \(periodLabel): "
                        + "\(missing.map(\.id).joined(separator: ", ")) (missing figures)"))
        }
        let others = facts.filter { !$0.hasValue && $0.indicator.target == nil && !explained.contains($0.indicator.id) }
        guard !others.isEmpty else { return }
        section.diagnostics.append(
            context.warning(
                "Chưa có số liệu \(periodLabel) của \(others.count) chỉ tiêu (\(others.map(\.indicator.id).joined(separator: ", "))); "
                    + "báo cáo không nêu các chỉ tiêu này (missing figures)"))
    }
}

/// What the section says about one indicator, computed once for the prose, the template and
/// the findings.
struct IndicatorFacts {
    enum Status: Equatable {
        /// No target.
        case none
        /// A target, but no value this period.
        case noData
        case met
        case missed
        /// A yearly target that this shorter period cannot decide yet.
        case open
    }

    let indicator: Indicator
    let figure: Figure?
    /// The number, for numeric indicators.
    let raw: Double?
    /// "48", "93,75 %", "12/63", or the text of a text indicator; "" without a value.
    let value: String
    /// "48 lượt người", "93,75 %", "xếp thứ 12/63"; "" without a value.
    let stated: String
    let comparisons: [Comparison]
    let phrases: [String]
    /// The value of the previous period and of the same period of the previous year, where it
    /// measures the same thing.
    let previous: String?
    let lastYear: String?
    let status: Status
    /// The units' notes on the figure (for a rate, on its parts), as one cause.
    let cause: String?
    /// Whether the target is for the whole year: an indicator that adds up over time.
    let yearlyTarget: Bool
    let periodIsYear: Bool

    init(_ indicator: Indicator, _ context: SectionContext) {
        self.indicator = indicator
        let id = indicator.id
        let figure = context.total(id)
        self.figure = figure
        let kind = indicator.kind
        raw = kind == .text ? nil : figure?.number
        value = figure.map { Self.formatted($0, kind: kind) } ?? ""
        stated = figure.map { Self.stated($0, indicator) } ?? ""
        // Ranks out of different totals (63 provinces, then 34) do not compare.
        comparisons = context.comparisons(id).filter { c in
            guard kind == .rank, let now = figure?.outOf, let then = c.baseFigure.outOf else { return true }
            return now == then
        }
        phrases = comparisons.map { Self.phrase($0, measure: indicator.measure) }
        func earlier(_ data: PeriodData?) -> String? {
            guard let then = data?.totals[id], then.number != nil || then.text != nil, then.coveredFrom == nil,
                figure?.coveredFrom == nil
            else { return nil }
            if let now = figure {
                guard Set(now.sources.map(\.unit)) == Set(then.sources.map(\.unit)) else { return nil }
                if kind == .rank, let a = now.outOf, let b = then.outOf, a != b { return nil }
            }
            return Self.formatted(then, kind: kind)
        }
        previous = earlier(context.previous)
        lastYear = earlier(context.sameLastYear)
        var notes: [String] = []
        for part in [id] + indicator.numerator + indicator.denominator { notes += context.total(part)?.notes ?? [] }
        cause = Wording.cause(notes)
        yearlyTarget = indicator.aggregation == .sum && !indicator.isDerived && kind != .text
        periodIsYear = context.period.months == 1...12
        status = Self.status(indicator, raw, yearly: yearlyTarget, wholeYear: periodIsYear)
    }

    var hasValue: Bool { indicator.kind == .text ? !(figure?.text ?? "").isEmpty : raw != nil }

    /// A target is decided every period, except one for the year (an indicator that adds up over
    /// time) in a shorter period: reaching an at-least target, or exceeding an at-most one, already
    /// decides it; anything else waits for the year.
    static func status(_ indicator: Indicator, _ value: Double?, yearly: Bool, wholeYear: Bool) -> Status {
        guard let target = indicator.target else { return .none }
        guard let value else { return .noData }
        if !yearly || wholeYear { return target.isMet(by: value) ? .met : .missed }
        switch target.comparison {
        case .atLeast: return value >= target.value ? .met : .open
        case .atMost: return value > target.value ? .missed : .open
        }
    }

    /// "mục tiêu tối thiểu 90 % của Kế hoạch", "mục tiêu năm tối thiểu 120 lượt người theo Kế hoạch, mục II.5".
    var targetPhrase: String {
        guard let target = indicator.target else { return "" }
        return "mục tiêu\(yearlyTarget ? " năm" : "") \(bound) " + (target.basis.map { "theo \($0)" } ?? "của Kế hoạch")
    }

    /// "tối thiểu 120 lượt người", "không quá 5 hồ sơ", "xếp hạng từ thứ 20 trở lên"; "" without a target.
    var bound: String {
        guard let target = indicator.target else { return "" }
        if indicator.kind == .rank {
            let place = VietnameseFormat.number(target.value, fractionDigits: 0)
            return target.comparison == .atMost ? "xếp hạng từ thứ \(place) trở lên" : "xếp hạng từ thứ \(place) trở xuống"
        }
        let amount = Self.withMeasure(SectionContext.formatTarget(target.value, kind: indicator.kind), indicator)
        return (target.comparison == .atLeast ? "tối thiểu " : "không quá ") + amount
    }

    /// "Tỷ lệ … trong quý III năm 2026 đạt 93,75 %", "… là 7 hồ sơ", "Xếp hạng … năm 2026: xếp thứ 12/63".
    func findingSubject(_ periodLabel: String) -> String {
        let subject = "\(indicator.label) trong \(periodLabel)"
        if indicator.kind == .rank { return "\(subject): \(stated)" }
        return "\(subject) \(indicator.target?.comparison == .atMost ? "là" : "đạt") \(stated)"
    }

    // MARK: Formatting

    /// The value as a table or the JSON prints it: "48", "93,75 %", "12/63", the text.
    static func formatted(_ f: Figure, kind: Indicator.Kind) -> String {
        if kind == .text || f.number == nil { return f.text ?? "" }
        let n = f.number!
        if kind == .rank, let outOf = f.outOf {
            return "\(VietnameseFormat.number(n, fractionDigits: 0))/\(VietnameseFormat.number(outOf, fractionDigits: 0))"
        }
        return SectionContext.cellText(n, kind: kind)
    }

    /// The value as a sentence states it: "48 lượt người", "93,75 %", "xếp thứ 12/63".
    static func stated(_ f: Figure, _ indicator: Indicator) -> String {
        switch indicator.kind {
        case .text: return f.text ?? ""
        case .rank: return "xếp thứ " + formatted(f, kind: .rank)
        case .percent: return formatted(f, kind: .percent)
        case .count where f.number != nil: return withMeasure(SectionContext.format(f.number!, kind: .count), indicator)
        case .count, .score: return withMeasure(formatted(f, kind: indicator.kind), indicator)
        }
    }

    /// "48 lượt người", "90,02 %", or the number alone without a measure.
    static func withMeasure(_ number: String, _ indicator: Indicator) -> String {
        if indicator.kind == .percent { return number }
        let measure = indicator.measure
        return measure.isEmpty ? number : "\(number) \(measure)"
    }

    /// The toolkit's phrase: a count's change from a base below `Comparison.smallBase` is stated
    /// in units there, the same threshold for every plugin.
    static func phrase(_ c: Comparison, measure: String) -> String { c.phrase }
}
