import BaocaoCore

/// Writes "Cải cách tổ chức bộ máy và chế độ công vụ": staff in post at the end of the period,
/// recruitment and appointments, training (with the plan's task of attending the province's
/// training on administrative reform), rewards, discipline, inspections of official duties, and
/// the area's activity narratives.
public struct CivilServiceSection: SectionPlugin {
    public static let descriptor = PluginDescriptor(
        id: "civil-service", title: "Cải cách tổ chức bộ máy và chế độ công vụ",
        summary:
            "Staff in post, recruitment and appointments, training (with the plan's task of attending the province's CCHC training), "
            + "rewards, discipline and inspections of official duties, compared with earlier periods where valid.",
        expectedIndicators: CivilServiceID.all,
        examples: CivilServiceExamples.all)

    public init() {}

    public func makeSection(_ context: SectionContext) throws -> Section {
        var writer = CivilServiceWriter(context: context)
        return writer.write()
    }
}

/// The indicator ids of the civil-service area in the plan.
enum CivilServiceID {
    /// Staff in post at the end of the period (a stock: the latest value).
    static let staff = "cbccvc_hien_co"
    static let recruited = "tuyen_dung"
    static let appointed = "bo_nhiem"
    static let trained = "dao_tao_boi_duong"
    /// Staff attending the province's training on administrative reform (plan task II.4).
    static let reformTraining = "tap_huan_cchc"
    static let rewards = "khen_thuong"
    static let discipline = "ky_luat"
    static let inspections = "kiem_tra_cong_vu"

    static let all = [staff, recruited, appointed, trained, reformTraining, rewards, discipline, inspections]
}

/// Builds the section from one context. Every sentence states a figure or a narrative of the
/// context; a figure that is missing is left out of the text and reported as a diagnostic.
struct CivilServiceWriter {
    typealias ID = CivilServiceID

    let context: SectionContext
    var section = Section()

    init(context: SectionContext) { self.context = context }

    // MARK: Period facts

    var period: Period { context.period }
    /// "quý III năm 2026", "năm 2026".
    var periodLabel: String { period.label }
    /// "Văn phòng UBND tỉnh".
    var body: String { context.plan.issuingBodyName }
    var isYear: Bool {
        if case .year = period.kind { return true }
        return false
    }
    /// Whether the period runs from January, so that its figures are those of the year so far.
    var coversYearSoFar: Bool { period.months.lowerBound == 1 }
    /// Whether the year still has months after the period, so that a within-year task may still be done.
    var yearContinues: Bool { period.months.upperBound < 12 }

    /// Names each comparison period once per point.
    let mentions = PeriodMentions()

    /// The plan task whose indicator is the CCHC training (II.4).
    var trainingTask: PlanTask? { context.tasks.first { $0.indicators.contains(ID.reformTraining) } }

    // MARK: Writing

    mutating func write() -> Section {
        guard context.hasData else {
            section.blocks = [.paragraph("Trong kỳ, chưa có số liệu báo cáo về nội dung này.")]
            section.diagnostics.append(
                context.warning(
                    "Chưa có số liệu, nội dung nào về cải cách tổ chức bộ máy và chế độ công vụ \(periodLabel); "
                        + "báo cáo chỉ ghi một câu chưa có số liệu (no data for this area)"))
            noteTrainingWithoutData()
            return section
        }
        var points: [(title: String, blocks: [Block])] = []
        mentions.reset()
        if let blocks = staffPoint() { points.append(("Tổ chức bộ máy và công tác cán bộ", blocks)) }
        mentions.reset()
        if let blocks = trainingPoint() { points.append(("Công tác đào tạo, bồi dưỡng", blocks)) }
        mentions.reset()
        if let (title, blocks) = conductPoint() { points.append((title, blocks)) }
        let activities = otherActivities
        if !activities.isEmpty {
            points.append(("Các hoạt động khác", [.list(activities.map { Paragraph(Wording.sentence($0.text)) })]))
        }

        if let table = summaryTable() {
            section.blocks.append(
                .paragraph(
                    Paragraph("Kết quả thực hiện một số chỉ tiêu về tổ chức bộ máy và chế độ công vụ như sau:")))
            section.blocks.append(.table(table))
        }
        if points.count == 1 {
            section.blocks += points[0].blocks
        } else {
            for (index, point) in points.enumerated() {
                section.blocks.append(.heading(Heading(level: 3, number: "\(VietnameseFormat.letter(index + 1)))", text: point.title)))
                section.blocks += point.blocks
            }
        }
        reportMissingFigures()
        return section
    }

    // MARK: a) Organisation and staff

    func staffPoint() -> [Block]? {
        var sentences: [String] = []
        if let staff = context.value(ID.staff) {
            let measure = context.indicator(ID.staff)?.measure ?? "người"
            var text =
                "Tính đến \(VietnameseFormat.longDate(context.window.end)), tổng số cán bộ, công chức, viên chức của \(body) "
                + "là \(number(staff)) \(measure)"
            let changes = context.comparisons(ID.staff).map { stockChange($0, measure: measure) }
            if !changes.isEmpty { text += ", " + changes.joined(separator: " và ") }
            sentences.append(text + ".")
        }
        let recruited = context.value(ID.recruited)
        let appointed = context.value(ID.appointed)
        if recruited != nil || appointed != nil {
            var done: [String] = []
            var none: [String] = []
            for (id, value, action) in [
                (ID.recruited, recruited, "tuyển dụng, tiếp nhận"), (ID.appointed, appointed, "bổ nhiệm, bổ nhiệm lại, điều động"),
            ] {
                guard let value else { continue }
                if value > 0 {
                    done.append("\(action) \(number(value)) công chức, viên chức\(flowChanges(id))")
                } else {
                    none.append(action)
                }
            }
            var text = "Trong kỳ, \(body) "
            if done.isEmpty {
                text += "không có trường hợp \(none.joined(separator: ", ")) công chức, viên chức"
            } else {
                text += "đã " + done.joined(separator: "; ")
                if !none.isEmpty { text += "; không có trường hợp \(none.joined(separator: ", "))" }
            }
            sentences.append(text + ".")
        }
        return sentences.isEmpty ? nil : [.paragraph(Paragraph(sentences.joined(separator: " ")))]
    }

    // MARK: b) Training, with task II.4

    mutating func trainingPoint() -> [Block]? {
        var blocks: [Block] = []
        if let trained = context.value(ID.trained) {
            let text =
                trained > 0
                ? "Trong kỳ, có \(number(trained)) lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng\(flowChanges(ID.trained))."
                : "Trong kỳ, không có lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng."
            blocks.append(.paragraph(Paragraph(text)))
        }
        if let text = reformTrainingParagraph() { blocks.append(.paragraph(Paragraph(text))) }
        let reported = trainingActivities
        if !reported.isEmpty { blocks.append(.list(reported.map { Paragraph(Wording.sentence($0.text)) })) }
        return blocks.isEmpty ? nil : blocks
    }

    /// "nhiệm vụ tham gia tập huấn … do tỉnh tổ chức (mục II.4 của Kế hoạch)".
    var trainingTaskName: String { trainingTaskName(withTimeline: false) }

    /// The task's name, with "thời gian thực hiện: trong năm 2026" in its parenthesis when asked.
    func trainingTaskName(withTimeline: Bool) -> String {
        guard let task = trainingTask else { return "nhiệm vụ tham gia tập huấn về cải cách hành chính do tỉnh tổ chức" }
        var reference = "mục \(task.number) của Kế hoạch"
        if withTimeline, !task.timeline.isEmpty { reference += ", thời gian thực hiện: \(Wording.lowercasedFirst(task.timeline))" }
        return "nhiệm vụ \(Wording.lowercasedFirst(task.title)) (\(reference))"
    }

    /// The paragraph on task II.4 and the findings it supports: carried out (an achievement);
    /// not carried out in the year (a limitation); none yet in a shorter period (said plainly,
    /// with the task kept for the months ahead).
    mutating func reformTrainingParagraph() -> String? {
        guard let figure = context.total(ID.reformTraining), let attended = figure.number else {
            if context.hasData {
                section.diagnostics.append(
                    context.warning(
                        "Chưa có số liệu '\(label(ID.reformTraining))' (\(ID.reformTraining)) \(periodLabel) nên báo cáo chưa nêu "
                            + "và chưa đánh giá được việc thực hiện \(trainingTaskName) (missing figure)"))
            }
            return nil
        }
        let taskName = trainingTaskName
        if attended > 0 {
            let who = "\(number(attended)) lượt công chức, viên chức"
            section.achievements.append(
                Finding(
                    isYear
                        ? "Đã thực hiện \(taskName): trong \(periodLabel) có \(who) tham gia"
                        : "Triển khai \(taskName): trong \(periodLabel) có \(who) tham gia",
                    sources: figure.sources, subject: ID.reformTraining))
            return "Thực hiện \(taskName), trong kỳ có \(who) của \(body) tham gia\(flowChanges(ID.reformTraining))."
        }
        let cause = Wording.cause(figure.notes)
        let causeSentence = cause.map { " Nguyên nhân: \(Wording.sentence($0))" } ?? ""
        if isYear {
            section.limitations.append(
                Finding(
                    "\(Self.capitalizedFirst(taskName)) chưa được thực hiện: trong \(periodLabel) không có lượt công chức, viên chức "
                        + "nào của \(body) tham gia",
                    cause: cause, sources: figure.sources, subject: ID.reformTraining))
            return
                "Trong kỳ, \(body) chưa thực hiện \(taskName): không có lượt công chức, viên chức nào tham gia."
                + causeSentence
        }
        if coversYearSoFar {
            addTrainingNextTask()
            return
                "Từ đầu năm \(period.year) đến nay, \(trainingTaskName(withTimeline: true)) chưa được thực hiện: chưa có lượt công chức, "
                + "viên chức nào của \(body) tham gia.\(causeSentence)"
        }
        var text = "Đối với \(taskName), trong kỳ không có lượt công chức, viên chức của \(body) tham gia"
        if let earlier = context.previous?.totals[ID.reformTraining], let n = earlier.number, n > 0,
            let previous = context.previous, previous.period.year == period.year
        {
            text += "; trước đó, trong \(previous.period.label) đã có \(number(n)) lượt công chức, viên chức tham gia"
        } else {
            addTrainingNextTask()
        }
        return text + "." + causeSentence
    }

    /// The task for the months ahead, while the year still has them.
    mutating func addTrainingNextTask() {
        guard yearContinues else { return }
        var who = ""
        if let task = trainingTask, let lead = task.lead.first {
            who = context.unitName(lead) + " chủ trì"
            let partners = task.coordinating.map { context.unitName($0) }
            if !partners.isEmpty { who += ", phối hợp với \(partners.joined(separator: ", "))" }
            who += " "
        }
        section.nextTasks.append(
            Finding(
                "Thực hiện \(trainingTaskName): \(who)đăng ký, cử công chức, viên chức tham gia khi tỉnh tổ chức lớp tập huấn"))
    }

    /// With no data at all the plugin says nothing it cannot back: the year's training task is
    /// only noted for the officer.
    mutating func noteTrainingWithoutData() {
        guard isYear else { return }
        section.diagnostics.append(
            context.warning(
                "Không có số liệu năm nên chưa đánh giá được việc thực hiện \(trainingTaskName) (no data to assess the task)"))
    }

    // MARK: c) Rewards, discipline and inspections

    mutating func conductPoint() -> (String, [Block])? {
        var topics: [String] = []
        var clauses: [String] = []
        if let rewards = context.value(ID.rewards) {
            topics.append("thi đua, khen thưởng")
            clauses.append(
                rewards > 0
                    ? "có \(number(rewards)) lượt tập thể, cá nhân được khen thưởng\(flowChanges(ID.rewards))"
                    : "không có tập thể, cá nhân được khen thưởng")
        }
        if let figure = context.total(ID.discipline), let disciplined = figure.number {
            topics.append("kỷ luật")
            if disciplined > 0 {
                let note = Wording.cause(figure.notes).map { " (\(Wording.clause($0)))" } ?? ""
                clauses.append("có \(number(disciplined)) cán bộ, công chức, viên chức bị xử lý kỷ luật\(note)")
            } else {
                // No discipline case is the officers' duty, not a result of the plan: no achievement.
                clauses.append("không có cán bộ, công chức, viên chức vi phạm kỷ luật")
            }
        }
        var sentences: [String] = []
        if !clauses.isEmpty { sentences.append("Trong kỳ, " + clauses.joined(separator: "; ") + ".") }
        if let inspections = context.value(ID.inspections) {
            topics.append("kiểm tra công vụ")
            sentences.append(
                inspections > 0
                    ? "\(body) đã tiến hành \(number(inspections)) cuộc kiểm tra việc thực thi công vụ\(flowChanges(ID.inspections))."
                    : "Trong kỳ, \(body) không tổ chức kiểm tra việc thực thi công vụ.")
        }
        guard !sentences.isEmpty else { return nil }
        return ("Công tác " + Wording.list(topics), [.paragraph(Paragraph(sentences.joined(separator: " ")))])
    }

    // MARK: Narratives

    /// Activities reporting on the CCHC training task (II.4), told with the training figures.
    var trainingActivities: [NarrativeItem] {
        guard let number = trainingTask?.number else { return [] }
        return context.activities.filter { $0.task == number }
    }

    /// The area's other activities: communication through meetings, emulation movements …
    var otherActivities: [NarrativeItem] {
        let number = trainingTask?.number
        return context.activities.filter { number == nil || $0.task != number }
    }

    // MARK: Table

    /// The area's figures with the comparison periods, when there are enough of them for a table
    /// to read better than prose.
    func summaryTable() -> Table? {
        let ids = ID.all.filter { context.value($0) != nil }
        guard ids.count >= 3 else { return nil }
        var notes: [String] = []
        // A stock and flows share the table: say when the staff are counted.
        if ids.contains(ID.staff) { notes.append("Số cán bộ, công chức, viên chức hiện có tính tại thời điểm cuối mỗi kỳ.") }
        let reporting = Set(ids.compactMap { context.total($0) }.flatMap { $0.sources.map(\.unit) })
        let units = context.current.units.filter { reporting.contains($0) }.map { context.unitName($0) }
        if !units.isEmpty { notes.append("Nguồn: số liệu báo cáo của \(units.joined(separator: ", ")).") }
        return context.indicatorTable(
            caption: "Một số chỉ tiêu về tổ chức bộ máy và chế độ công vụ \(periodLabel)", ids: ids,
            note: notes.isEmpty ? nil : notes.joined(separator: " "))
    }

    // MARK: Diagnostics

    mutating func reportMissingFigures() {
        let missing = ID.all.filter { $0 != ID.reformTraining && context.total($0) == nil }
        guard !missing.isEmpty else { return }
        section.diagnostics.append(
            context.warning(
                "Chưa có số liệu \(periodLabel) của \(missing.count) chỉ tiêu (\(missing.joined(separator: ", "))); "
                    + "báo cáo không nêu các nội dung này (missing figures)"))
    }

    // MARK: Wording helpers

    func label(_ id: String) -> String { context.indicator(id)?.label ?? id }

    /// A count in running text, with the office's leading zero below 10.
    func number(_ value: Double) -> String { VietnameseFormat.quantity(value) }

    /// " (tăng 12,5 % so với quý II năm 2026, tăng 2 người so với cùng kỳ năm 2025)", or "" without a
    /// valid comparison.
    func flowChanges(_ id: String) -> String {
        let measure = context.indicator(id)?.measure ?? ""
        let all = context.comparisons(id)
        // A percentage of a small count exaggerates ("tăng 100 %" for one inspection more) and
        // means nothing from 0: state the change in the indicator's unit instead, for every
        // comparison of the figure so that one parenthesis does not mix the two.
        let inUnits = all.contains(where: \.isSmallBase)
        let phrases = all.map { c -> String in
            let delta = c.current - c.base
            let against = mentions.against(c)
            if inUnits, abs(delta) > 1e-9 {
                return "\(delta > 0 ? "tăng" : "giảm") \(number(abs(delta))) \(measure) \(against)"
            }
            return c.phrase(against: against)
        }
        return phrases.isEmpty ? "" : " (\(phrases.joined(separator: ", ")))"
    }

    /// A stock compared in its own unit: "tăng 2 người so với cuối quý II năm 2026".
    func stockChange(_ c: Comparison, measure: String) -> String {
        // The stock names the period in full; the flows after it say "quý trước", "cùng kỳ".
        _ = mentions.against(c)
        let at: String
        switch c.basis {
        case .previousPeriod:
            // "cuối quý II năm 2026", "cuối năm 2025"; "cuối 6 tháng cuối năm 2025" would read badly.
            switch c.baseFigure.period.kind {
            case .half, .nineMonths: at = "thời điểm báo cáo \(c.baseLabel)"
            case .month, .quarter, .year: at = "cuối \(c.baseLabel)"
            }
        case .sameLastYear:
            at = "cùng thời điểm năm \(c.baseFigure.period.year)"
        }
        let delta = c.current - c.base
        if abs(delta) < 1e-9 { return "không thay đổi so với \(at)" }
        return "\(delta > 0 ? "tăng" : "giảm") \(number(abs(delta))) \(measure) so với \(at)"
    }

    static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
