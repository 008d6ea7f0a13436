/// The appendix "Tiến độ thực hiện Kế hoạch": each task of the plan with its lead unit,
/// timeline, what was done this period and a status, so the reader sees the plan carried out
/// point by point. Everything in it comes from the units' narratives (tagged with the task)
/// and from the task's indicators.
struct PlanProgress {
    let plan: Plan
    let period: Period
    /// This period's data (all areas).
    let current: PeriodData
    /// Data of each quarter of the plan's year up to the period's end, for "already done".
    let yearToDate: [PeriodData]

    enum Status: String {
        case regular = "Thực hiện thường xuyên"
        case completed = "Đã hoàn thành"
        case inProgress = "Đang thực hiện"
        case doneEarlier = "Đã thực hiện trong năm"
        case notStarted = "Chưa thực hiện"
        case noReport = "Chưa có báo cáo kết quả trong kỳ"
    }

    func appendix(attachedTo: String) -> Appendix {
        var rows: [[Cell]] = []
        for task in plan.tasks {
            let (done, figureIDs) = evidence(for: task, in: current)
            let status = self.status(task, hasEvidence: !done.isEmpty)
            let lead = task.lead.map { plan.unit($0)?.shortName ?? $0 }.joined(separator: "; ")
            rows.append([
                Cell(task.number), Cell(task.name), Cell(lead), Cell(task.timeline),
                Cell(done.isEmpty ? "—" : done.joined(separator: "\n"), figures: figureIDs), Cell(status.rawValue),
            ])
        }
        let table = Table(
            caption: "",
            columns: [
                Table.Column("Mục", alignment: .center, width: 0.6), Table.Column("Nhiệm vụ", width: 3),
                Table.Column("Đơn vị chủ trì", width: 1.6), Table.Column("Thời gian thực hiện", width: 1.3),
                Table.Column("Kết quả thực hiện trong kỳ", width: 4), Table.Column("Tình trạng", alignment: .center, width: 1.3),
            ], rows: rows,
            note: "Kết quả tổng hợp từ báo cáo của các phòng, đơn vị và số liệu \(period.label).")
        let span = period.year == plan.year ? period.labelWithoutYear.uppercased() : period.upperLabel
        return Appendix(
            label: "Phụ lục", title: "TIẾN ĐỘ THỰC HIỆN \(plan.identity.title.uppercased())\(span.isEmpty ? "" : " (\(span))")",
            attachedTo: attachedTo, body: [.table(table)])
    }

    /// What the units reported doing for the task, and the task's indicator figures.
    /// At most this many narrative items and figures per task, so the table stays a summary.
    static let maximumItems = 3

    func evidence(for task: PlanTask, in data: PeriodData) -> ([String], [String]) {
        var lines: [String] = []
        var ids: [String] = []
        let items = data.narratives.filter { $0.kind == .activity && $0.task == task.number }
        // The engine has named the acting unit in each activity (Attribution), so the cell
        // does not repeat it before each item.
        for item in items.prefix(Self.maximumItems) {
            lines.append(sentence(item.text))
        }
        if items.count > Self.maximumItems {
            let more = VietnameseFormat.number(Double(items.count - Self.maximumItems), fractionDigits: 0)
            lines.append("Ngoài ra, các phòng, đơn vị còn thực hiện \(more) hoạt động khác, nêu tại phần I của báo cáo.")
        }
        var figures = 0
        for id in task.indicators where figures < Self.maximumItems {
            guard let figure = data.totals[id], let indicator = plan.indicator(id) else { continue }
            if let n = figure.number, n > 0 || indicator.kind != .count {
                let text = SectionContext.format(n, kind: indicator.kind)
                let measure = indicator.kind == .count && !indicator.measure.isEmpty ? " \(indicator.measure)" : ""
                lines.append("\(indicator.label): \(text)\(measure).")
                ids.append("\(figure.period.code)/\(id)/total")
                figures += 1
            } else if let t = figure.text {
                lines.append("\(indicator.label): \(t).")
                ids.append("\(figure.period.code)/\(id)/total")
                figures += 1
            }
        }
        return (lines, ids)
    }

    func status(_ task: PlanTask, hasEvidence: Bool) -> Status {
        switch task.timelineKind {
        case .regular:
            return hasEvidence ? .regular : .noReport
        case .withinYear:
            let isYearEnd = period.months.upperBound == 12
            if hasEvidence { return isYearEnd ? .completed : .inProgress }
            let earlier = yearToDate.contains { !evidence(for: task, in: $0).0.isEmpty }
            if earlier { return isYearEnd ? .completed : .doneEarlier }
            return .notStarted
        }
    }
}
