import BaocaoCore

/// Writes "Hoạt động của Trung tâm Phục vụ hành chính công tỉnh": the dossiers the centre
/// received and returned, the rates it feeds into the index of Quyết định 766/QĐ-TTg
/// (digitised dossiers, electronic results, online payment of fees, satisfaction) with their
/// valid comparisons, the guidance videos of the plan's task on the national public-service
/// portal (II.3), and the area's activity narratives.
public struct ServiceCentreSection: SectionPlugin {
    public static let descriptor = PluginDescriptor(
        id: "service-centre",
        title: "Hoạt động của Trung tâm Phục vụ hành chính công tỉnh",
        summary:
            "Dossiers received and returned at the public-service centre, its 766/QĐ-TTg rates (digitised dossiers, electronic "
            + "results, online fee payment, satisfaction) compared in percentage points, the guidance videos of task II.3 "
            + "(a limitation only when the year ends without any) and the area's activities.",
        options: [
            PluginOption(
                ServiceCentreIDs.thresholdOption,
                "Smallest change of a 766 rate, in percentage points, that makes it an achievement (rise) or a limitation "
                    + "(fall) when the plan sets no target for it; default 0: any change that shows at two decimals."
            ),
            PluginOption(
                ServiceCentreIDs.dossiersOption,
                "Id of the area whose section already states the dossiers received and resolved (e.g. procedures): the "
                    + "centre's section then refers to it instead of repeating the figures and their comparisons."),
        ],
        expectedIndicators: ServiceCentreIDs.all,
        examples: ServiceCentreExamples.all)

    public init() {}

    public func makeSection(_ context: SectionContext) throws -> Section {
        var writer = ServiceCentreWriter(context)
        return writer.write()
    }
}

/// The indicator ids the section reads, as the plan's `service-centre` area declares them.
enum ServiceCentreIDs {
    static let received = "tt_hs_tiep_nhan"
    static let digitised = "tt_hs_so_hoa"
    static let returned = "tt_hs_tra_ket_qua"
    static let electronicResults = "tt_ket_qua_dien_tu"
    static let feeDossiers = "tt_hs_phai_nop_phi"
    static let paidOnline = "tt_thanh_toan_truc_tuyen"
    static let digitisedRate = "ty_le_so_hoa"
    static let electronicResultRate = "ty_le_ket_qua_dien_tu"
    static let onlinePaymentRate = "ty_le_thanh_toan_truc_tuyen"
    static let ratings = "tt_danh_gia"
    static let satisfiedRatings = "tt_danh_gia_hai_long"
    static let satisfactionRate = "ty_le_hai_long"
    static let videos = "video_huong_dan"
    static let videoPlaces = "video_noi_dang"

    static let all = [
        received, digitised, returned, electronicResults, feeDossiers, paidOnline, digitisedRate, electronicResultRate,
        onlinePaymentRate, ratings, satisfiedRatings, satisfactionRate, videos, videoPlaces,
    ]

    static let thresholdOption = "rate_change_threshold"
    static let dossiersOption = "dossiers_stated_in"
}

/// How the section words one 766 rate. The rate's parts come from the plan's `ratio_of`.
struct RateWording {
    /// The rate indicator.
    var id: String
    /// The item's lead-in: "Số hóa hồ sơ".
    var topic: String
    /// The rate's name in the table and in findings; nil for the plan's label.
    var name: String? = nil
    /// Whether the rate is computed by a formula of Quyết định 766/QĐ-TTg (false for the share
    /// of ratings, which the decision does not define).
    var is766 = true
    /// What the denominator counts, after its measure: "hồ sơ tiếp nhận".
    var whole: String
    /// What the numerator adds to it: "được số hóa".
    var part: String
    /// The group of the 766/QĐ-TTg index the rate belongs to, and the group's maximum points.
    var group: String
    var points: Int

    /// "Tỷ lệ lượt đánh giá hài lòng, rất hài lòng".
    static let context766Free = Glossary.satisfactionByRatings.prefix(1).uppercased() + Glossary.satisfactionByRatings.dropFirst()

    /// The row's and the finding's name.
    func label(_ indicator: Indicator) -> String { name ?? indicator.label }

    /// In the order of the index's groups (số hóa hồ sơ; cung cấp dịch vụ trực tuyến; mức độ hài lòng).
    static let all = [
        RateWording(
            id: ServiceCentreIDs.digitisedRate, topic: "Số hóa hồ sơ", whole: "tiếp nhận", part: "được số hóa",
            group: "Số hóa hồ sơ", points: 22),
        RateWording(
            id: ServiceCentreIDs.electronicResultRate, topic: "Cấp kết quả giải quyết thủ tục hành chính điện tử",
            whole: "đã trả kết quả", part: "được cấp bản điện tử", group: "Số hóa hồ sơ", points: 22),
        RateWording(
            id: ServiceCentreIDs.onlinePaymentRate, topic: "Thanh toán trực tuyến phí, lệ phí", whole: "phải nộp phí, lệ phí",
            part: "được thanh toán trực tuyến", group: "Cung cấp dịch vụ trực tuyến", points: 22),
        // The share of ratings, not the 766 satisfaction formula over dossiers: named for what it is.
        RateWording(
            id: ServiceCentreIDs.satisfactionRate, topic: context766Free, name: context766Free, is766: false, whole: "đánh giá",
            part: "là hài lòng, rất hài lòng", group: "—", points: 0),
    ]
}

/// Builds the section from the context, one part after another.
struct ServiceCentreWriter {
    let context: SectionContext
    var section = Section()

    init(_ context: SectionContext) { self.context = context }

    /// "Trung tâm Phục vụ hành chính công": the unit that reports the area's figures.
    var centre: String {
        context.area.indicators.lazy.flatMap(\.reportedBy).first.map { context.unitName($0) } ?? "Trung tâm"
    }

    var periodLabel: String { context.period.label }

    /// The plan's task on guidance videos (II.3), found by its indicator; none for a period
    /// outside the plan's year, which the plan does not cover.
    var videoTask: PlanTask? {
        guard context.period.year == context.plan.year else { return nil }
        return context.tasks.first { $0.indicators.contains(ServiceCentreIDs.videos) }
    }

    /// "mục II.3 của Kế hoạch".
    func reference(_ task: PlanTask) -> String { "mục \(task.number) của Kế hoạch" }

    /// Whether the period is the plan's whole year, when a task due "in the year" must be done.
    var isYearReport: Bool {
        if case .year = context.period.kind { return true }
        return false
    }

    var threshold: Double { max(0, context.area.options[ServiceCentreIDs.thresholdOption]?.number ?? 0) }

    mutating func write() -> Section {
        writeDossiers()
        writeRates()
        writeVideos()
        writeActivities()
        if section.blocks.isEmpty {
            section.blocks.append(.paragraph(Paragraph("Trong kỳ, chưa có số liệu báo cáo về nội dung này.")))
            section.diagnostics.append(
                context.warning(
                    "\(centre): chưa có số liệu, hoạt động nào về lĩnh vực '\(context.area.title)' \(periodLabel); "
                        + "phần này chỉ ghi một câu chung (no data for the area)"))
        }
        noteInvalidComparisons()
        addNextTask()
        return section
    }

    /// Comparison periods whose figure came from other units are left out; say so to the officer.
    mutating func noteInvalidComparisons() {
        for indicator in context.area.indicators where indicator.kind != .text && context.total(indicator.id) != nil {
            let kept = Set(context.comparisons(indicator.id).map { $0.baseFigure.period })
            for data in [context.previous, context.sameLastYear].compactMap({ $0 }) where data.totals[indicator.id] != nil {
                guard !kept.contains(data.period) else { continue }
                section.diagnostics.append(
                    context.warning(
                        "'\(indicator.label)': số liệu \(data.period.label) và \(periodLabel) không do cùng các đơn vị báo cáo "
                            + "nên không so sánh (different units)"))
            }
        }
    }

    // MARK: Dossiers

    /// "Trong quý III năm 2026, Trung tâm … tiếp nhận 12.450 hồ sơ (tăng 5,5 % so với …); đã trả kết quả 12.000 hồ sơ."
    mutating func writeDossiers() {
        if let area = context.area.options[ServiceCentreIDs.dossiersOption]?.text,
            context.value(ServiceCentreIDs.received) != nil || context.value(ServiceCentreIDs.returned) != nil
        {
            if let reference = context.clauseReference(toArea: area) {
                section.blocks.append(
                    .paragraph(
                        Paragraph(
                            "Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại \(centre) đã nêu tại \(reference)."))
                )
                return
            }
            section.diagnostics.append(
                context.warning(
                    "tùy chọn \(ServiceCentreIDs.dossiersOption): kế hoạch không có lĩnh vực '\(area)'; số hồ sơ được nêu tại phần này (unknown area)"
                ))
        }
        let mentions = PeriodMentions()
        var clauses: [String] = []
        for (id, verb) in [(ServiceCentreIDs.received, "tiếp nhận"), (ServiceCentreIDs.returned, "đã trả kết quả")] {
            guard let value = context.value(id) else { continue }
            var clause = "\(verb) \(context.format(value, id)) \(measure(id))"
            let changes = comparisons(id).map { mentions.phrase($0) }
            if !changes.isEmpty { clause += " (\(changes.joined(separator: " và ")))" }
            clauses.append(clause)
        }
        guard !clauses.isEmpty else { return }
        section.blocks.append(.paragraph(Paragraph("Trong \(periodLabel), \(centre) \(clauses.joined(separator: "; ")).")))
    }

    // MARK: 766 rates

    struct RateLine {
        var wording: RateWording
        var indicator: Indicator
        var value: Double
        var changes: [Comparison]
    }

    mutating func writeRates() {
        var items: [String] = []
        var ratings: [String] = []
        var lines: [RateLine] = []
        for wording in RateWording.all {
            guard let indicator = context.indicator(wording.id), indicator.isDerived else { continue }
            let part = context.sum(indicator.numerator)
            let whole = context.sum(indicator.denominator)
            let partLabel = indicator.numerator.compactMap { context.indicator($0)?.label }.joined(separator: ", ")
            let wholeLabel = indicator.denominator.compactMap { context.indicator($0)?.label }.joined(separator: ", ")
            let wholeMeasure = indicator.denominator.first.map(measure) ?? ""
            switch (part, whole) {
            case (nil, nil):
                continue
            case (nil, .some):
                section.diagnostics.append(missingPart(partLabel, of: indicator))
                continue
            case (.some, nil):
                section.diagnostics.append(missingPart(wholeLabel, of: indicator))
                continue
            case (.some(let n), .some(let d)):
                if d == 0 {
                    items.append("\(wording.topic): trong kỳ không có \(wholeMeasure) \(wording.whole)")
                    continue
                }
                guard partsFromSameUnits(indicator), let rate = context.value(wording.id) else {
                    section.diagnostics.append(
                        context.warning(
                            "'\(partLabel)' và '\(wholeLabel)' \(periodLabel) không do cùng các đơn vị báo cáo nên không tính "
                                + "'\(indicator.label)' (parts from different units)"))
                    continue
                }
                let item =
                    "\(wording.topic): \(count(n))/\(count(d)) \(wholeMeasure) \(wording.whole) \(wording.part), "
                    + "đạt \(context.format(rate, wording.id))"
                if wording.is766 { items.append(item) } else { ratings.append(item) }
                lines.append(RateLine(wording: wording, indicator: indicator, value: rate, changes: comparisons(wording.id)))
            }
        }
        if !items.isEmpty {
            section.blocks.append(
                .paragraph(
                    Paragraph(
                        "Kết quả thực hiện một số chỉ tiêu thuộc Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ "
                            + "người dân, doanh nghiệp (Quyết định số 766/QĐ-TTg ngày 23/06/2022 của Thủ tướng Chính phủ):")))
            section.blocks.append(
                .list(items.enumerated().map { Paragraph($0.element + ($0.offset == items.count - 1 ? "." : ";")) }))
        }
        // The share of ratings is not the decision's satisfaction formula (which counts dossiers):
        // stated apart, under its own name.
        for item in ratings {
            section.blocks.append(
                .paragraph(
                    Paragraph(
                        "\(item) (tính trên số lượt đánh giá của tổ chức, cá nhân tại \(centre), khác với mức độ hài lòng theo "
                            + "Quyết định số 766/QĐ-TTg, tính trên số hồ sơ đã giải quyết).")))
        }
        guard !lines.isEmpty else { return }
        if lines.contains(where: { !$0.changes.isEmpty }) { section.blocks.append(.table(rateTable(lines))) }
        addFindings(lines)
    }

    func missingPart(_ label: String, of rate: Indicator) -> Diagnostic {
        context.warning("thiếu số liệu '\(label)' \(periodLabel) nên không tính được '\(rate.label)' (incomplete data)")
    }

    /// The rates with their change against each valid comparison period, in percentage points.
    func rateTable(_ lines: [RateLine]) -> Table {
        // One column per comparison basis that some rate has; its label from that rate's comparison.
        var bases: [Comparison] = []
        for basis in [Comparison.Basis.previousPeriod, .sameLastYear] {
            if let first = lines.lazy.flatMap(\.changes).first(where: { $0.basis == basis }) { bases.append(first) }
        }
        var columns = [
            Table.Column("TT", alignment: .center, width: 0.5), Table.Column("Chỉ tiêu", width: 3),
            Table.Column("Nhóm chỉ số theo Quyết định 766/QĐ-TTg (điểm tối đa)", width: 2.2),
            Table.Column(context.capitalized(periodLabel), unit: "%", alignment: .right, width: 1.3),
        ]
        for base in bases {
            columns.append(
                Table.Column("Tăng (+), giảm (-) \(base.against)", unit: "điểm phần trăm", alignment: .right, width: 1.6))
        }
        var rows: [[Cell]] = []
        for (index, line) in lines.enumerated() {
            var row = [
                Cell(String(index + 1)), Cell(line.wording.label(line.indicator)),
                Cell(line.wording.is766 ? "\(line.wording.group) (\(line.wording.points))" : "—"),
                percentCell(line),
            ]
            for base in bases {
                guard let change = line.changes.first(where: { $0.basis == base.basis }) else {
                    row.append(Cell("—"))
                    continue
                }
                row.append(deltaCell(change))
            }
            rows.append(row)
        }
        return Table(
            caption: "Các tỷ lệ theo Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp",
            columns: columns, rows: rows,
            note: "Nhóm chỉ số và điểm tối đa theo Quyết định số 766/QĐ-TTg ngày 23/06/2022 của Thủ tướng Chính phủ; "
                + "tỷ lệ tính trên tổng số hồ sơ, lượt đánh giá của kỳ"
                + (lines.contains { !$0.wording.is766 }
                    ? "; tỷ lệ lượt đánh giá hài lòng, rất hài lòng không phải chỉ tiêu tính theo công thức của Quyết định này." : "."))
    }

    /// The rate without "%", which the column header carries.
    func percentCell(_ line: RateLine) -> Cell {
        let figures = context.total(line.wording.id).map { [context.figureID($0)] } ?? []
        return Cell(VietnameseFormat.rate(line.value), value: line.value, figures: figures)
    }

    /// "+2,72", "-5", "0": the change of a rate in percentage points, linked to both figures.
    func deltaCell(_ change: Comparison) -> Cell {
        let delta = change.current - change.base
        let text = shows(delta) ? VietnameseFormat.points(delta) : "0"
        var figures: [String] = []
        if let now = context.total(change.baseFigure.indicator) { figures.append(context.figureID(now)) }
        figures.append(context.figureID(change.baseFigure))
        return Cell(text, value: shows(delta) ? delta : 0, figures: figures)
    }

    /// A plan target decides a rate's finding; without one, a rise (or fall) against every valid
    /// comparison makes an achievement (or a limitation). Rates that rose against the same
    /// periods make one achievement together.
    mutating func addFindings(_ lines: [RateLine]) {
        var rising: [(against: [String], lines: [RateLine])] = []
        for line in lines {
            let subject = "\(line.wording.label(line.indicator)) tại \(centre)"
            let value = context.format(line.value, line.wording.id)
            let sources = context.total(line.wording.id)?.sources ?? []
            if let target = line.indicator.target {
                let bound =
                    (target.comparison == .atLeast ? "tối thiểu " : "tối đa ")
                    + SectionContext.formatTarget(target.value, kind: .percent) + (target.basis.map { " theo \($0)" } ?? "")
                if target.isMet(by: line.value) {
                    section.achievements.append(
                        Finding(
                            "\(subject) đạt \(value), đạt chỉ tiêu Kế hoạch đề ra (\(bound))", sources: sources,
                            subject: line.indicator.id, requirement: "target"))
                } else {
                    section.limitations.append(
                        Finding(
                            "\(subject) đạt \(value), chưa đạt chỉ tiêu Kế hoạch đề ra (\(bound))", cause: cause(of: line.indicator),
                            sources: sources, subject: line.indicator.id, requirement: "target"))
                }
                continue
            }
            let deltas = line.changes.map { $0.current - $0.base }
            guard !deltas.isEmpty else { continue }
            if deltas.allSatisfy({ $0 > 0 && shows($0) && $0 >= threshold }) {
                let against = line.changes.map(\.against)
                if let index = rising.firstIndex(where: { $0.against == against }) {
                    rising[index].lines.append(line)
                } else {
                    rising.append((against, [line]))
                }
            } else if deltas.allSatisfy({ $0 < 0 && shows($0) && -$0 >= threshold }) {
                section.limitations.append(
                    Finding(
                        "\(subject) đạt \(value), \(line.changes.map(phrase).joined(separator: " và "))", cause: cause(of: line.indicator),
                        sources: sources))
            }
        }
        for group in rising {
            let sources = group.lines.flatMap { context.total($0.wording.id)?.sources ?? [] }
            if group.lines.count == 1 {
                let line = group.lines[0]
                section.achievements.append(
                    Finding(
                        "\(line.wording.label(line.indicator)) tại \(centre) đạt \(context.format(line.value, line.wording.id)), "
                            + line.changes.map(phrase).joined(separator: " và "), sources: sources))
                continue
            }
            let names = group.lines.map {
                "\(Wording.lowercasedFirst($0.wording.label($0.indicator))) (\(context.format($0.value, $0.wording.id)))"
            }
            section.achievements.append(
                Finding(
                    context.capitalized(Wording.list(names)) + " tại \(centre) đều tăng "
                        + group.against.joined(separator: " và "), sources: sources))
        }
    }

    /// Whether a change in percentage points shows at the two decimals the report prints.
    func shows(_ delta: Double) -> Bool { (abs(delta) * 100).rounded() > 0 }

    /// A cause the unit gave in a note on the rate's parts.
    func cause(of indicator: Indicator) -> String? {
        let notes = (indicator.numerator + indicator.denominator).flatMap { context.total($0)?.notes ?? [] }
        return notes.isEmpty ? nil : Wording.unique(notes).joined(separator: "; ")
    }

    /// A rate is only meaningful when its numerator and denominator come from the same units.
    func partsFromSameUnits(_ indicator: Indicator) -> Bool {
        let units = { (ids: [String]) in Set(ids.flatMap { context.total($0)?.sources.map(\.unit) ?? [] }) }
        return units(indicator.numerator) == units(indicator.denominator)
    }

    // MARK: Guidance videos (task II.3)

    mutating func writeVideos() {
        let label = "video clip, tài liệu hướng dẫn sử dụng Cổng Dịch vụ công quốc gia và dịch vụ công trực tuyến"
        let task = videoTask
        let taskActivities = task.map { task in context.activities.filter { $0.task == task.number } } ?? []
        // "Thực hiện nhiệm vụ tại mục II.3 của Kế hoạch, trong quý III năm 2026" or, outside the plan's year, "Trong năm 2025".
        let opening = task.map { "Thực hiện nhiệm vụ tại \(reference($0)), trong kỳ" } ?? "Trong kỳ"
        guard let videos = context.total(ServiceCentreIDs.videos), let count = videos.number else {
            // With no figure at all, the one no-data diagnostic of `write()` says it.
            if !context.current.totals.isEmpty {
                let name = context.indicator(ServiceCentreIDs.videos)?.label ?? ServiceCentreIDs.videos
                var message = "\(centre) chưa báo cáo số '\(name)' \(periodLabel)"
                if let task {
                    message += " nên phần báo cáo không nêu được kết quả nhiệm vụ tại \(reference(task))"
                    if isYearReport { message += " và không đánh giá được việc hoàn thành nhiệm vụ trong năm" }
                }
                section.diagnostics.append(context.warning(message + " (missing figure)"))
            }
            if !taskActivities.isEmpty {
                section.blocks.append(.paragraph(Paragraph("\(opening):")))
                appendActivities(taskActivities)
            }
            return
        }
        let number = context.format(count, ServiceCentreIDs.videos)
        if count > 0 {
            var text = "\(opening), \(centre) đã đăng tải \(number) \(label)"
            if let places = context.total(ServiceCentreIDs.videoPlaces), let placesText = places.text.map(Wording.clause),
                !placesText.isEmpty
            {
                text += " " + placePhrase(placesText)
                if places.derivation.hasPrefix("latest of") {
                    section.diagnostics.append(
                        context.warning(
                            "nơi đăng tải video clip \(periodLabel) lấy theo báo cáo của kỳ gần nhất; kiểm tra lại nếu các kỳ trước "
                                + "đăng tải ở nơi khác (text of the latest period only)"))
                }
            } else {
                section.diagnostics.append(
                    context.warning("\(centre) chưa báo cáo nơi đăng tải video clip, tài liệu hướng dẫn \(periodLabel) (missing figure)"))
            }
            section.blocks.append(.paragraph(Paragraph(text + ".")))
            if let task {
                section.achievements.append(
                    Finding(
                        "\(centre) đã đăng tải \(number) \(label) trong \(periodLabel), triển khai nhiệm vụ tại \(reference(task))",
                        sources: videos.sources))
            }
        } else if let task, isYearReport {
            section.blocks.append(
                .paragraph(
                    Paragraph(
                        "Trong \(periodLabel), \(centre) chưa đăng tải \(label) theo nhiệm vụ tại \(reference(task)) "
                            + "(thời gian thực hiện: \(Wording.lowercasedFirst(task.timeline))).")))
            // A unit's own limitation on the task is printed by the engine, with its cause; do not repeat it.
            let reported = context.current.narratives.contains { $0.kind == .limitation && $0.task == task.number }
            if !reported {
                section.limitations.append(
                    Finding(
                        "Chưa thực hiện nhiệm vụ tại \(reference(task)): trong \(periodLabel), \(centre) chưa đăng tải \(label)",
                        cause: videos.notes.isEmpty ? nil : Wording.unique(videos.notes).joined(separator: "; "), sources: videos.sources))
            }
        } else if let task {
            section.blocks.append(
                .paragraph(
                    Paragraph(
                        "Trong \(periodLabel), không có \(label) mới được đăng tải; nhiệm vụ tại \(reference(task)) "
                            + "có thời gian thực hiện \(Wording.lowercasedFirst(task.timeline)).")))
        } else {
            section.blocks.append(.paragraph(Paragraph("Trong \(periodLabel), không có \(label) mới được đăng tải.")))
        }
        appendActivities(taskActivities)
    }

    /// "trên Cổng Thông tin điện tử tỉnh", keeping a preposition the unit wrote itself.
    func placePhrase(_ places: String) -> String {
        let lower = Wording.lowercasedFirst(places)
        for preposition in ["trên ", "tại ", "qua "] where lower.hasPrefix(preposition) { return lower }
        return "trên \(places)"
    }

    // MARK: Activities

    mutating func writeActivities() {
        let taskNumber = videoTask?.number
        let others = context.activities.filter { taskNumber == nil || $0.task != taskNumber }
        guard !others.isEmpty else { return }
        if !section.blocks.isEmpty {
            section.blocks.append(.paragraph(Paragraph("Ngoài ra, trong kỳ đã triển khai các hoạt động:")))
        } else {
            section.blocks.append(.paragraph(Paragraph("Trong \(periodLabel), đã triển khai các hoạt động:")))
        }
        appendActivities(others)
    }

    /// Activity narratives as a list; a unit other than the centre is named after its item.
    mutating func appendActivities(_ items: [NarrativeItem]) {
        guard !items.isEmpty else { return }
        let centreUnits = Set(context.area.indicators.flatMap(\.reportedBy))
        section.blocks.append(
            .list(
                items.map { item in
                    var text = Wording.sentence(item.text)
                    // The engine names the acting unit at the head of each activity; an item
                    // that does not name it yet gets it after.
                    if !centreUnits.isEmpty, !centreUnits.contains(item.unit), !text.contains(context.unitName(item.unit)) {
                        let stop = text.hasSuffix(".")
                        text = String(stop ? text.dropLast() : Substring(text)) + " (\(context.unitName(item.unit)))" + (stop ? "." : "")
                    }
                    return Paragraph(text)
                }))
    }

    // MARK: Next period

    /// A task due within the year stays on the list until the year's report.
    mutating func addNextTask() {
        guard let task = videoTask, task.timelineKind == .withinYear, !isYearReport else {
            return
        }
        section.nextTasks.append(Finding("Tiếp tục \(Wording.lowercasedFirst(task.title))"))
    }

    // MARK: Wording helpers

    /// Comparisons of an indicator, each once: a year's previous period is also its same period of
    /// the previous year, and is then stated once ("so với năm 2025"). Comparisons the toolkit
    /// drops because other units reported are noted for the officer.
    func comparisons(_ id: String) -> [Comparison] {
        var list = context.comparisons(id)
        if let previous = list.first(where: { $0.basis == .previousPeriod }) {
            list.removeAll { $0.basis == .sameLastYear && $0.baseFigure.period == previous.baseFigure.period }
        }
        return list
    }

    /// The toolkit's phrase, except that a rate's change too small to show at two decimals is
    /// "bằng" rather than "tăng 0 điểm phần trăm".
    func phrase(_ change: Comparison) -> String {
        var change = change
        if change.kind == .percent, !shows(change.current - change.base) { change.current = change.base }
        return change.phrase
    }

    func measure(_ id: String) -> String { context.indicator(id)?.measure ?? "" }

    /// A count in running text, with the office's leading zero below 10.
    func count(_ value: Double) -> String { VietnameseFormat.quantity(value) }
}
