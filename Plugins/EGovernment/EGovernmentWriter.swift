import BaocaoCore

/// Writes the section from one context: the body in up to four parts (documents, portal and
/// website, digital transformation, other activities), a summary table, and the findings.
struct EGovernmentWriter {
    let context: SectionContext
    var section = Section()
    /// The least number of news items a month must have (option `monthly_news_minimum`); 0
    /// turns the monthly check off.
    let monthlyMinimum: Double
    /// The monthly indicators the plan's requirement covers, each with the task that sets it
    /// (nil when only the option names it). A site the plan sets no monthly requirement for is
    /// reported month by month but never judged against one.
    let monthlyRequirements: [String: String?]
    /// Names each comparison period once per part.
    private let mentions = PeriodMentions()

    private typealias ID = EGovernmentID

    init(context: SectionContext) {
        self.context = context
        var minimum = 1.0
        if let option = context.area.options[EGovernmentOption.monthlyNewsMinimum] {
            if let n = option.number, n >= 0, n == n.rounded() {
                minimum = n
            } else {
                section.diagnostics.append(
                    context.warning(
                        "tùy chọn \(EGovernmentOption.monthlyNewsMinimum) phải là một số nguyên không âm; dùng giá trị mặc định 1 (invalid option)"
                    ))
            }
        }
        monthlyMinimum = minimum
        var requirements: [String: String?] = [:]
        var warnings: [Diagnostic] = []
        if let option = context.area.options[EGovernmentOption.monthlyNewsRequired] {
            let ids: [String]
            switch option {
            case .list(let list): ids = list
            case .text(let id): ids = [id]
            default:
                ids = []
                warnings.append(
                    context.warning(
                        "tùy chọn \(EGovernmentOption.monthlyNewsRequired) phải là danh sách mã chỉ tiêu theo tháng (invalid option)"))
            }
            for id in ids {
                guard let indicator = context.indicator(id), indicator.monthly else {
                    warnings.append(
                        context.warning(
                            "tùy chọn \(EGovernmentOption.monthlyNewsRequired): '\(id)' không phải chỉ tiêu theo tháng của lĩnh vực này (unknown monthly indicator)"
                        ))
                    continue
                }
                let task: String? =
                    Self.requiringTask(indicator, in: context.tasks) ?? context.tasks.first { $0.indicators.contains(id) }?.number
                requirements[id] = .some(task)
            }
        } else {
            for indicator in context.area.indicators where indicator.monthly {
                if let task = Self.requiringTask(indicator, in: context.tasks) { requirements[indicator.id] = task }
            }
        }
        monthlyRequirements = requirements
        section.diagnostics += warnings
    }

    /// The task whose content asks for news every month on the indicator's site: "Hàng tháng, có
    /// các tin, bài … được đăng trên Cổng thông tin điện tử của tỉnh" (plan, II.2). Names are
    /// compared in the glossary's spelling, so "Cổng thông tin điện tử của tỉnh" is the portal.
    static func requiringTask(_ indicator: Indicator, in tasks: [PlanTask]) -> String? {
        let place = Glossary.normalize(Self.place(of: indicator)).lowercased()
        let monthly = ["hằng tháng", "hàng tháng", "mỗi tháng"]
        for task in tasks {
            for line in task.content {
                let text = Glossary.normalize(line).lowercased()
                if monthly.contains(where: text.contains), text.contains(place) { return task.number }
            }
        }
        return nil
    }

    /// "mục II.2 của Kế hoạch" for the requirement on an indicator, or "Kế hoạch".
    private func requirementSource(_ id: String) -> String {
        if let task = monthlyRequirements[id] ?? nil { return "mục \(task) của Kế hoạch" }
        return "Kế hoạch"
    }

    mutating func write() -> Section {
        guard context.hasData else {
            section.blocks = [.paragraph("Trong kỳ, chưa có số liệu báo cáo về nội dung này.")]
            section.diagnostics.append(
                context.warning(
                    "chưa có số liệu, báo cáo nào về \(Wording.lowercasedFirst(context.area.title)) trong \(context.period.label) (no data for this area)"
                ))
            return section
        }
        let activities = groupedActivities()
        var parts: [(title: String, blocks: [Block])] = [
            ("Gửi, nhận văn bản điện tử và ứng dụng chữ ký số", documentBlocks() + list(activities.documents)),
            ("Cổng Thông tin điện tử tỉnh và Trang Thông tin điện tử Văn phòng", portalBlocks() + list(activities.portal)),
            (digitalTitle(activities.digital), list(activities.digital)),
            ("Các hoạt động khác", list(activities.other)),
        ]
        parts = parts.filter { !$0.blocks.isEmpty }
        if parts.count > 1 {
            for (index, part) in parts.enumerated() {
                section.blocks.append(.heading(Heading(level: 3, number: "\(VietnameseFormat.letter(index + 1)))", text: part.title)))
                section.blocks += part.blocks
            }
        } else {
            section.blocks += parts.first?.blocks ?? []
        }
        if let table = summaryTable() { section.blocks.append(.table(table)) }
        checkTargets()
        return section
    }

    // MARK: Electronic documents

    private mutating func documentBlocks() -> [Block] {
        mentions.reset()
        var clauses: [String] = []
        let sent = context.value(ID.sent)
        let signed = context.value(ID.signed)
        if let sent {
            var clause = "gửi \(Wording.count(sent)) văn bản điện tử\(note(ID.sent))"
            if let signed {
                clause += ", trong đó \(Wording.count(signed)) văn bản được ký số"
                if let rate = context.value(ID.signedRate) {
                    clause += ", đạt \(VietnameseFormat.percent(rate))\(note(ID.signedRate))"
                    if rate >= 100 - 1e-9 {
                        section.achievements.append(
                            Finding(
                                "100 % văn bản điện tử gửi đi (\(Wording.count(sent)) văn bản) được ký số.",
                                sources: sources(ID.sent, ID.signed)))
                    }
                }
            }
            clauses.append(clause)
        } else if let signed {
            clauses.append("ký số \(Wording.count(signed)) văn bản điện tử gửi đi\(note(ID.signed))")
            missingWhole(part: ID.signed, whole: ID.sent, rate: "tỷ lệ văn bản đi được ký số")
        }
        if let received = context.value(ID.received) {
            clauses.append("nhận \(Wording.count(received)) văn bản điện tử đến\(note(ID.received))")
        }
        guard !clauses.isEmpty else { return [] }
        return [.paragraph(Paragraph("Trong kỳ, \(context.plan.issuingBodyName) đã \(clauses.joined(separator: "; "))."))]
    }

    // MARK: Portal and website

    /// The news indicators: those reported month by month, and the two sites' news counts.
    private var newsIndicators: [Indicator] {
        context.area.indicators.filter {
            $0.kind == .count && ($0.monthly || $0.id == ID.portalNews || $0.id == ID.officeNews)
        }
    }

    private mutating func portalBlocks() -> [Block] {
        mentions.reset()
        var blocks: [Block] = []
        var clauses: [String] = []
        var charted: [MonthlySeries] = []
        for indicator in newsIndicators {
            let place = Self.place(of: indicator)
            let required = monthlyMinimum > 0 && monthlyRequirements[indicator.id] != nil
            guard let total = context.total(indicator.id), let n = total.number else {
                if required {
                    section.diagnostics.append(
                        context.warning(
                            "chưa có số liệu '\(indicator.label)' \(context.period.label) nên chưa đánh giá được yêu cầu hằng tháng có tin, bài (missing monthly figures)"
                        ))
                }
                continue
            }
            var clause =
                n == 0
                ? "không có \(indicator.measure) nào về cải cách hành chính được đăng trên \(place)\(note(indicator.id))"
                : "có \(Wording.count(n)) \(indicator.measure) về cải cách hành chính được đăng trên \(place)\(note(indicator.id))"
            if indicator.monthly {
                let series = MonthlySeries(total: total, indicator: indicator, period: context.period)
                section.figures += series.monthFigures(year: context.period.year)
                clause += required ? checkMonthly(series, place: place) : describeMonths(series)
                if !series.values.isEmpty { charted.append(series) }
            }
            clauses.append(clause)
        }
        if !clauses.isEmpty {
            blocks.append(.paragraph(Paragraph("Trong kỳ, \(clauses.joined(separator: "; ")).")))
        }
        if let chart = newsChart(charted) { blocks.append(.chart(chart)) }
        blocks += publicationBlocks()
        blocks += questionBlocks()
        if let figure = context.total(ID.hotline), let text = figure.text, !Wording.clause(text).isEmpty,
            let indicator = context.indicator(ID.hotline)
        {
            blocks.append(.paragraph(Paragraph("\(indicator.label): \(Wording.clause(text)).")))
        }
        return blocks
    }

    /// Checks a monthly series against the minimum; records the finding and returns what the
    /// body says about the months (", riêng tháng 8 không có tin, bài nào").
    private mutating func checkMonthly(_ series: MonthlySeries, place: String) -> String {
        guard monthlyMinimum > 0 else { return "" }
        let indicator = series.indicator
        let measure = indicator.measure
        let period = context.period
        let year = period.year
        if series.values.isEmpty {
            section.diagnostics.append(
                context.warning(
                    "'\(indicator.label)': chưa có số liệu theo từng tháng \(period.label) nên chưa đánh giá được yêu cầu hằng tháng (monthly figures missing)"
                ))
        } else if !series.missing.isEmpty {
            section.diagnostics.append(
                context.warning(
                    "'\(indicator.label)': chưa có số liệu \(Wording.months(series.missing)) năm \(year) nên chưa đánh giá được yêu cầu hằng tháng \(period.label) (incomplete monthly data)"
                ))
        } else if !series.addsUp {
            let sum = series.values.values.reduce(0, +)
            section.diagnostics.append(
                context.warning(
                    "'\(indicator.label)': tổng các tháng (\(Wording.count(sum))) khác số liệu \(period.label) (\(Wording.count(series.total.number ?? 0))) nên chưa đánh giá được yêu cầu hằng tháng (months do not add up)"
                ))
        }
        let shortfalls = series.shortfalls(below: monthlyMinimum)
        let minimum = Wording.count(monthlyMinimum)
        let basis = requirementSource(indicator.id)
        let source = series.total.sources
        if !shortfalls.isEmpty {
            let months = shortfalls.map(\.month)
            let cause = causes([indicator.id])
            // A unit that already reports the shortfall (and its task) in its own narratives is
            // printed by the engine; the same finding is not stated twice.
            let stated = unitsSay(.limitation, place: place) { text in months.allSatisfy { Wording.mentionsMonth(text, $0) } }
            let planned = unitsSay(.nextTask, place: place) { Wording.mentions($0, ["hằng tháng", "hàng tháng", "mỗi tháng"]) }
            if monthlyMinimum <= 1 {
                if !stated {
                    section.limitations.append(
                        Finding(
                            Wording.sentence(
                                "\(Wording.months(months)) năm \(year) không có \(measure) nào về cải cách hành chính được đăng trên \(place), chưa bảo đảm yêu cầu tại \(basis) (hằng tháng có \(measure) về cải cách hành chính trên \(place))"
                            ), cause: cause, sources: source, subject: indicator.id, requirement: "monthly_news_minimum"))
                }
                if !planned {
                    section.nextTasks.append(
                        Finding(
                            Wording.sentence("Bảo đảm hằng tháng có \(measure) về cải cách hành chính được đăng trên \(place)"),
                            sources: source))
                }
                return series.total.number == 0 ? "" : ", riêng \(Wording.months(months)) không có \(measure) nào"
            }
            let items = shortfalls.map { s in
                "tháng \(VietnameseFormat.monthNumber(s.month)) "
                    + (s.value == 0 ? "(không có \(measure) nào)" : "(\(Wording.count(s.value)) \(measure))")
            }
            if !stated {
                section.limitations.append(
                    Finding(
                        "Trong \(period.label), số \(measure) về cải cách hành chính được đăng trên \(place) chưa đạt mức tối thiểu \(minimum) \(measure) mỗi tháng theo \(basis) ở \(Wording.list(items)).",
                        cause: cause, sources: source, subject: indicator.id, requirement: "monthly_news_minimum"))
            }
            if !planned {
                section.nextTasks.append(
                    Finding(
                        Wording.sentence(
                            "Bảo đảm mỗi tháng có ít nhất \(minimum) \(measure) về cải cách hành chính được đăng trên \(place)"),
                        sources: source))
            }
            return
                ", trong đó \(Wording.count(Double(months.count))) tháng chưa đạt mức tối thiểu \(minimum) \(measure) mỗi tháng (\(Wording.months(months)))"
        }
        guard let lowest = series.lowest else { return "" }
        let requirement =
            monthlyMinimum <= 1
            ? "bảo đảm yêu cầu tại \(basis) (hằng tháng có \(measure) về cải cách hành chính trên \(place))"
            : "đạt mức tối thiểu \(minimum) \(measure) mỗi tháng theo \(basis)"
        section.achievements.append(
            Finding(
                "Trong \(period.label), tháng nào cũng có \(measure) về cải cách hành chính được đăng trên \(place) (ít nhất \(Wording.count(lowest)) \(measure) mỗi tháng), \(requirement).",
                sources: source, subject: indicator.id, requirement: "monthly_news_minimum"))
        return period.months.count > 1
            ? ", các tháng trong kỳ đều có \(measure) (ít nhất \(Wording.count(lowest)) \(measure) mỗi tháng)" : ""
    }

    /// What the body says about the months of a site the plan sets no monthly requirement for:
    /// the facts only (", riêng tháng 5 không có tin, bài nào"), never a judgement.
    private func describeMonths(_ series: MonthlySeries) -> String {
        guard series.isComplete, series.total.number != 0, context.period.months.count > 1 else { return "" }
        let empty = series.shortfalls(below: 1).map(\.month)
        guard !empty.isEmpty else { return "" }
        return ", riêng \(Wording.months(empty)) không có \(series.indicator.measure) nào"
    }

    private func newsChart(_ series: [MonthlySeries]) -> Chart? {
        let months = Array(context.period.months)
        guard months.count > 1, let first = series.first else { return nil }
        return Chart(
            kind: .bar, title: "Tin, bài về cải cách hành chính được đăng theo tháng, \(context.period.label)",
            categories: months.map(VietnameseFormat.monthLabel),
            series: series.map { s in Chart.Series(name: Self.place(of: s.indicator), values: months.map { s.values[$0] }) },
            unit: first.indicator.measure,
            reference: referenceLine(series))
    }

    /// The minimum the plan sets, labelled with the sites it covers when not every charted one.
    private func referenceLine(_ series: [MonthlySeries]) -> Chart.Reference? {
        let covered = series.filter { monthlyRequirements[$0.indicator.id] != nil }
        guard monthlyMinimum > 0, !covered.isEmpty else { return nil }
        let label =
            covered.count == series.count
            ? "Mức tối thiểu mỗi tháng" : "Mức tối thiểu mỗi tháng trên \(Wording.list(covered.map { Self.place(of: $0.indicator) }))"
        return Chart.Reference(label: label, value: monthlyMinimum)
    }

    /// Legal documents and reform bulletins posted.
    private func publicationBlocks() -> [Block] {
        var posted: [String] = []
        var none: [String] = []
        let legal = "văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành"
        let bulletin = "Bản tin điện tử cải cách hành chính"
        if let n = context.value(ID.legalDocuments) {
            if n > 0 { posted.append("\(Wording.count(n)) \(legal)\(note(ID.legalDocuments))") } else { none.append(legal) }
        }
        if let n = context.value(ID.bulletins) {
            let measure = context.indicator(ID.bulletins)?.measure ?? "số"
            if n > 0 { posted.append("\(Wording.count(n)) \(measure) \(bulletin)\(note(ID.bulletins))") } else { none.append(bulletin) }
        }
        var text: [String] = []
        if !posted.isEmpty { text.append("Đã đăng tải \(Wording.list(posted)).") }
        if !none.isEmpty { text.append("Trong kỳ, không có \(Wording.list(none.map { "\($0) nào" })) được đăng tải.") }
        return text.isEmpty ? [] : [.paragraph(Paragraph(text.joined(separator: " ")))]
    }

    /// Questions and comments of organisations and citizens received and answered on the portal.
    private mutating func questionBlocks() -> [Block] {
        let received = context.value(ID.questions)
        let answered = context.value(ID.answered)
        let place = "Cổng Thông tin điện tử tỉnh"
        guard let received else {
            guard let answered else { return [] }
            missingWhole(part: ID.answered, whole: ID.questions, rate: "tỷ lệ ý kiến, phản ánh được trả lời")
            return [
                .paragraph(
                    Paragraph(
                        "Trong kỳ, đã trả lời \(Wording.count(answered)) ý kiến, phản ánh của tổ chức, cá nhân trên \(place)\(note(ID.answered))."
                    ))
            ]
        }
        if received == 0 {
            return [.paragraph(Paragraph("Trong kỳ, \(place) không tiếp nhận ý kiến, phản ánh nào của tổ chức, cá nhân."))]
        }
        var text = "Tiếp nhận \(Wording.count(received)) ý kiến, phản ánh của tổ chức, cá nhân trên \(place)\(note(ID.questions))"
        if let answered {
            let rate = context.value(ID.answeredRate) ?? answered / received * 100
            let rateText = VietnameseFormat.percent(rate)
            let source = sources(ID.questions, ID.answered)
            if answered >= received {
                text += "; đã trả lời toàn bộ \(Wording.count(answered)) ý kiến, đạt \(rateText)\(note(ID.answeredRate))"
                section.achievements.append(
                    Finding(
                        "100 % ý kiến, phản ánh của tổ chức, cá nhân trên \(place) (\(Wording.count(received)) ý kiến) đã được trả lời.",
                        sources: source))
            } else {
                text += "; đã trả lời \(Wording.count(answered)) ý kiến, đạt \(rateText)\(note(ID.answeredRate))"
                let open = Wording.count(received - answered)
                section.limitations.append(
                    Finding(
                        "Còn \(open) ý kiến, phản ánh của tổ chức, cá nhân trên \(place) chưa được trả lời (đã trả lời \(Wording.count(answered))/\(Wording.count(received)) ý kiến, đạt \(rateText)).",
                        cause: causes([ID.answered, ID.questions]), sources: source))
                section.nextTasks.append(
                    Finding(
                        "Trả lời đầy đủ, kịp thời ý kiến, phản ánh của tổ chức, cá nhân trên \(place), trong đó có \(open) ý kiến chưa được trả lời trong \(context.period.label).",
                        sources: source))
            }
        } else {
            section.diagnostics.append(
                context.warning(
                    "chưa có số liệu '\(label(ID.answered))' \(context.period.label) nên chưa đánh giá được việc trả lời ý kiến, phản ánh (missing figure)"
                ))
        }
        return [.paragraph(Paragraph(text + "."))]
    }

    // MARK: Activities

    private struct Activities {
        var documents: [String] = []
        var portal: [String] = []
        var digital: [String] = []
        var other: [String] = []
    }

    private static let documentKeys = ["văn bản điện tử", "chữ ký số", "ký số", "quản lý văn bản", "văn bản đi", "văn bản đến"]
    private static let portalKeys = ["cổng thông tin", "trang thông tin", "bản tin", "đường dây nóng", "tin, bài", "tin bài"]
    private static let digitalKeys = [
        "đề án 06", "chuyển đổi số", "chính quyền số", "chính phủ số", "chính quyền điện tử", "chính phủ điện tử", "số hóa", "số hoá",
        "dữ liệu", "định danh", "vneid", "dịch vụ công trực tuyến", "môi trường điện tử", "công nghệ thông tin",
    ]

    /// The area's activity narratives by topic: a narrative on a task whose indicators are the
    /// portal's goes with the portal; otherwise its words decide.
    private mutating func groupedActivities() -> Activities {
        let portalIDs: Set<String> = [
            ID.portalNews, ID.officeNews, ID.legalDocuments, ID.bulletins, ID.questions, ID.answered, ID.hotline,
        ]
        let portalTasks = Set(context.tasks.filter { $0.indicators.contains(where: portalIDs.contains) }.map(\.number))
        var result = Activities()
        var seen = Set<String>()
        let stated = statedValues
        for item in context.activities {
            let text = Wording.sentence(item.text)
            guard !text.isEmpty, seen.insert(text).inserted else { continue }
            // An activity that only repeats figures this section states (two numbers or more,
            // all of them stated, not all small) adds nothing but the same numbers twice; the
            // officer is told it was left out.
            let numbers = Wording.numbers(in: text)
            if numbers.count >= 2, numbers.contains(where: { $0 >= 10 }),
                numbers.allSatisfy({ n in stated.contains { abs($0 - n) < 1e-9 } })
            {
                section.diagnostics.append(
                    .warning(
                        item.location,
                        "\(context.unitName(item.unit)): hoạt động “\(Wording.clause(text))” chỉ nêu lại số liệu đã tổng hợp trong phần \(Wording.lowercasedFirst(context.area.title)) nên không in lại (activity restates the figures)"
                    ))
                continue
            }
            if let task = item.task, portalTasks.contains(task) {
                result.portal.append(text)
            } else if Wording.mentions(text, Self.documentKeys) {
                result.documents.append(text)
            } else if Wording.mentions(text, Self.portalKeys) {
                result.portal.append(text)
            } else if Wording.mentions(text, Self.digitalKeys) {
                result.digital.append(text)
            } else {
                result.other.append(text)
            }
        }
        return result
    }

    /// Every number the section states: this period's totals and the months of the monthly
    /// indicators.
    private var statedValues: [Double] {
        var values = context.current.totals.values.compactMap(\.number)
        for indicator in context.area.indicators where indicator.monthly {
            guard let total = context.total(indicator.id) else { continue }
            values += MonthlySeries(total: total, indicator: indicator, period: context.period).values.values
        }
        return values
    }

    /// Whether a unit's own narrative of `kind` in this area is about news on `place` and
    /// satisfies `test`.
    private func unitsSay(_ kind: NarrativeItem.Kind, place: String, _ test: (String) -> Bool) -> Bool {
        context.current.narratives.contains { item in
            item.kind == kind && item.text.lowercased().contains(place.lowercased())
                && Wording.mentions(item.text, ["tin, bài", "tin bài"]) && test(item.text)
        }
    }

    private func digitalTitle(_ items: [String]) -> String {
        items.contains { Wording.mentions($0, ["đề án 06"]) } ? "Chuyển đổi số và thực hiện Đề án 06" : "Chuyển đổi số"
    }

    private func list(_ items: [String]) -> [Block] {
        items.isEmpty ? [] : [.list(items.map { Paragraph($0) })]
    }

    // MARK: Table and targets

    /// The area's figures side by side with the comparison periods (the toolkit leaves a
    /// comparison period's value out where other units reported it).
    private func summaryTable() -> Table? {
        let ids = context.area.indicators.filter { $0.kind != .text && context.value($0.id) != nil }.map(\.id)
        guard ids.count >= 3 else { return nil }
        return context.indicatorTable(
            caption: "Một số chỉ tiêu về xây dựng chính quyền điện tử, chính quyền số \(context.period.label)", ids: ids)
    }

    /// Turns each plan target of the area into an achievement or a limitation.
    private mutating func checkTargets() {
        for indicator in context.area.indicators {
            guard let target = indicator.target else { continue }
            guard let value = context.value(indicator.id) else {
                section.diagnostics.append(
                    context.warning(
                        "chưa có số liệu '\(indicator.label)' \(context.period.label) nên chưa đánh giá được chỉ tiêu Kế hoạch (missing figure for a target)"
                    ))
                continue
            }
            let valueText = amount(value, indicator)
            let bound =
                target.comparison == .atLeast
                ? "từ \(amount(target.value, indicator, target: true)) trở lên"
                : "không quá \(amount(target.value, indicator, target: true))"
            let basis = target.basis.map { " theo \($0)" } ?? ""
            let source = sources(indicator.id)
            if target.isMet(by: value) {
                section.achievements.append(
                    Finding(
                        "\(indicator.label) đạt \(valueText), đạt chỉ tiêu đề ra (\(bound)\(basis)).", sources: source,
                        subject: indicator.id, requirement: "target"))
            } else {
                section.limitations.append(
                    Finding(
                        "\(indicator.label) đạt \(valueText), chưa đạt chỉ tiêu đề ra (\(bound)\(basis)).",
                        cause: causes([indicator.id] + indicator.numerator + indicator.denominator), sources: source,
                        subject: indicator.id, requirement: "target"))
                section.nextTasks.append(
                    Finding("Phấn đấu đạt chỉ tiêu \(Wording.lowercasedFirst(indicator.label)) \(bound).", sources: source))
            }
        }
    }

    // MARK: Helpers

    /// The comparisons stated for an indicator, in parentheses: " (tăng 12,5 % so với quý II năm
    /// 2026, giảm 3 % so với cùng kỳ năm 2025)", or "" when none is valid.
    private func note(_ id: String) -> String {
        // On a small base the toolkit gives the earlier counts, not a percentage.
        context.changeNote(id, mentions).map { " (\($0))" } ?? ""
    }

    /// A value with its unit of measure: "1.250 văn bản", "98,5 %".
    private func amount(_ value: Double, _ indicator: Indicator, target: Bool = false) -> String {
        let number = target ? SectionContext.formatTarget(value, kind: indicator.kind) : context.format(value, indicator.id)
        return indicator.kind == .count && !indicator.measure.isEmpty ? "\(number) \(indicator.measure)" : number
    }

    /// The units' notes on these figures, as the cause of a limitation.
    private func causes(_ ids: [String]) -> String? {
        var notes: [String] = []
        for id in ids {
            for note in context.total(id)?.notes ?? [] {
                let text = Wording.clause(note)
                if !text.isEmpty, !notes.contains(text) { notes.append(text) }
            }
        }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    private func sources(_ ids: String...) -> [SourceReference] {
        Array(Set(ids.flatMap { context.total($0)?.sources ?? [] })).sorted()
    }

    private func label(_ id: String) -> String { context.indicator(id)?.label ?? id }

    private mutating func missingWhole(part: String, whole: String, rate: String) {
        section.diagnostics.append(
            context.warning(
                "có số liệu '\(label(part))' nhưng chưa có '\(label(whole))' \(context.period.label) nên không tính được \(rate) (missing whole)"
            ))
    }

    /// Where a news indicator's items are published, from its label ("… đăng trên Cổng Thông
    /// tin điện tử tỉnh"); the label itself when it does not say.
    static func place(of indicator: Indicator) -> String {
        if let range = indicator.label.firstRange(of: "đăng trên ") {
            return String(indicator.label[range.upperBound...])
        }
        return Wording.lowercasedFirst(indicator.label)
    }
}
