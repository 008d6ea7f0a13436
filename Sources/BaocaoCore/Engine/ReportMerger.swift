import Foundation

/// Lays the sections out as a Vietnamese administrative report: opening (căn cứ), I. results
/// by content area, II. overall assessment, III. tasks for the next period, IV. proposals,
/// then recipients and signer.
struct ReportMerger {
    let plan: Plan
    let period: Period
    let options: Engine.Options

    var isDraft: Bool { options.number == nil || options.date == nil }

    func merge(
        sections: [Engine.AreaSection], current: PeriodData, previous: PeriodData?, sameLastYear: PeriodData?,
        yearToDate: [PeriodData] = [], failedAreas: [String]
    ) -> ReportDocument {
        let identity = plan.identity
        let summary = "\(plan.reporting.subject) \(period.label)"
        var notices: [String] = []
        let illustrative = current.illustrative || (previous?.illustrative ?? false) || (sameLastYear?.illustrative ?? false)
        if illustrative {
            notices.append("SỐ LIỆU MINH HỌA: báo cáo này được tổng hợp từ số liệu minh họa, không phải số liệu chính thức của các đơn vị.")
        }
        if !failedAreas.isEmpty {
            notices.append("BẢN NHÁP CHƯA ĐẦY ĐỦ: chưa tổng hợp được phần \(failedAreas.joined(separator: "; ")).")
        }
        var body: [Block] = [.paragraph(Paragraph(opening))]
        body.append(.paragraph(Paragraph(runs: [TextRun("Số liệu báo cáo tính \(plan.window(of: period).label).", italic: true)])))

        // I. Results by content area.
        body.append(.heading(Heading(level: 1, number: "I.", text: "KẾT QUẢ THỰC HIỆN")))
        var clause = 0
        for s in sections {
            clause += 1
            body.append(.heading(Heading(level: 2, number: "\(clause).", text: s.area.title)))
            body += Self.singleItemListsAsParagraphs(s.section.blocks)
        }
        let general = current.narratives.filter { $0.kind == .activity && $0.area == nil }
        if !general.isEmpty {
            clause += 1
            body.append(.heading(Heading(level: 2, number: "\(clause).", text: "Các hoạt động khác")))
            body.append(Self.points(general.map { sentence($0.text) }))
        }

        // II. Overall assessment.
        body.append(.heading(Heading(level: 1, number: "II.", text: "ĐÁNH GIÁ CHUNG")))
        body.append(.heading(Heading(level: 2, number: "1.", text: "Ưu điểm")))
        let strengths = self.strengths(
            sections.flatMap(\.section.achievements), limitations: sections.flatMap(\.section.limitations), current: current)
        body.append(
            strengths.isEmpty
                ? .paragraph(Paragraph("Các phòng, đơn vị đã triển khai các nhiệm vụ của Kế hoạch theo đúng phân công."))
                : Self.points(strengths))
        body.append(.heading(Heading(level: 2, number: "2.", text: "Tồn tại, hạn chế và nguyên nhân")))
        let limitations = self.limitations(sections.flatMap(\.section.limitations), current: current)
        body.append(
            limitations.isEmpty
                ? .paragraph(Paragraph("Trong kỳ, các đơn vị không báo cáo tồn tại, hạn chế."))
                : Self.points(limitations))

        // III. Tasks for the next period.
        body.append(.heading(Heading(level: 1, number: "III.", text: "NHIỆM VỤ TRỌNG TÂM \(nextPeriodLabel.uppercased())")))
        body.append(Self.points(nextTasks(sections.flatMap(\.section.nextTasks), current: current, yearToDate: yearToDate)))

        // IV. Proposals.
        body.append(.heading(Heading(level: 1, number: "IV.", text: "ĐỀ XUẤT, KIẾN NGHỊ")))
        var proposals = sections.flatMap(\.section.proposals).map { sentence($0.text) }
        proposals += current.narratives.filter { $0.kind == .proposal }.map { sentence($0.text) }
        proposals = Wording.unique(proposals)
        body.append(proposals.isEmpty ? .paragraph(Paragraph("Không có.")) : Self.points(proposals))

        body.append(
            .paragraph(
                Paragraph("Trên đây là báo cáo \(summary.prefix(1).lowercased())\(summary.dropFirst()) của \(identity.issuingBodyName)./."))
        )

        var recipients = self.recipients.map { "- \($0);" }
        recipients.append("- Lưu: VT, \(plan.reporting.draftingUnit).")
        let signer = plan.reporting.signer
        return ReportDocument(
            header: DocumentHeader(
                parentBody: identity.parentBody, issuingBody: identity.issuingBody, numberLine: numberLine,
                placeAndDate: placeAndDate, isDraft: isDraft),
            typeName: "BÁO CÁO", summary: summary, addressees: plan.reporting.addressees, notices: notices, body: body,
            closing: DocumentClosing(
                recipients: recipients, signer: Signer(authority: signer.authority, title: signer.title, name: signer.name)),
            appendices: plan.tasks.isEmpty
                ? []
                : [PlanProgress(plan: plan, period: period, current: current, yearToDate: yearToDate).appendix(attachedTo: attachedTo)],
            figures: FigureCatalog(plan: plan).records(
                current: current, previous: previous, sameLastYear: sameLastYear, sections: sections.map(\.section)),
            metadata: DocumentMetadata(
                title: "Báo cáo \(summary.prefix(1).lowercased())\(summary.dropFirst())", author: identity.issuingBodyName,
                period: period.code, periodLabel: period.label,
                properties: [
                    "plan": (plan.file as NSString).lastPathComponent, "planYear": String(plan.year), "draft": isDraft ? "true" : "false",
                    "illustrative": illustrative ? "true" : "false",
                ]))
    }

    /// "Thực hiện Quyết định số …; Kế hoạch số … ngày … về …, Văn phòng UBND tỉnh báo cáo kết quả
    /// thực hiện … như sau:". The plan is the issuing body's own, so it is not said whose it is
    /// (the body is the sentence's subject); without its number it is cited by its title.
    var opening: String {
        let identity = plan.identity
        var planRef = identity.title
        if let number = identity.number {
            planRef = "Kế hoạch số \(number)"
            if let date = identity.date { planRef += " ngày \(VietnameseFormat.shortDate(date))" }
            let topic = identity.title.hasPrefix("Kế hoạch ") ? String(identity.title.dropFirst("Kế hoạch ".count)) : identity.title
            planRef += " về \(Wording.lowercasedFirst(topic))"
        }
        return
            "Thực hiện \(identity.basis.citation); \(planRef), \(identity.issuingBodyName) báo cáo kết quả thực hiện \(period.label) như sau:"
    }

    /// Diagnostics about the report's frame: the plan cited without its number or date, and
    /// next-period tasks that are this report's own work.
    func frameDiagnostics(current: PeriodData) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let identity = plan.identity
        if identity.number == nil || identity.date == nil {
            let missing = [identity.number == nil ? "number" : nil, identity.date == nil ? "date" : nil].compactMap { $0 }
            out.append(
                .warning(
                    identity.location ?? .file(plan.file),
                    "plan: kế hoạch chưa có \(missing.map { "'\($0)'" }.joined(separator: ", ")) (số, ngày ban hành); câu mở đầu báo cáo trích kế hoạch theo tên (plan number or date missing)"
                ))
        }
        for item in current.narratives where item.kind == .nextTask && isThisReportsOwnWork(item.text) {
            out.append(
                .warning(
                    item.location,
                    "nhiệm vụ kỳ tới “\(Wording.clause(item.text))” là việc của chính báo cáo \(period.label); không đưa vào phần III (a next-period task that this report itself does)"
                ))
        }
        return out
    }

    // MARK: Part II

    /// "Ưu điểm": one point per purpose or requirement of the plan (I.1, I.2) that declares its
    /// `assessment`, in plan order, each the plan's judgement backed by the strongest achievement
    /// of the period that rests on the item's indicators (the first in the item's list); at most
    /// five. An item one of whose indicators is the subject of a limitation of the report is not
    /// judged a strength (the judgement would contradict the limitation). A plan without
    /// assessments gets the achievements as they are.
    func strengths(_ achievements: [Finding], limitations: [Finding] = [], current: PeriodData) -> [String] {
        let limited =
            Set(limitations.compactMap(\.subject))
            .union(current.narratives.filter { $0.kind == .limitation }.compactMap(\.indicator))
        let aims = (plan.purposes + plan.requirements).filter {
            $0.assessment != nil && !$0.indicators.isEmpty && limited.isDisjoint(with: $0.indicators)
        }
        guard (plan.purposes + plan.requirements).contains(where: { $0.assessment != nil }) else {
            return Wording.unique(achievements.map { sentence($0.text) })
        }
        let evidence = achievements.map { indicators(backing: $0, current: current) }
        var used = Set<Int>()
        var points: [String] = []
        for aim in aims where points.count < Self.maximumStrengths {
            var best: (rank: Int, index: Int)?
            for (index, ids) in evidence.enumerated() where !used.contains(index) {
                guard let rank = aim.indicators.firstIndex(where: ids.contains) else { continue }
                if best == nil || rank < best!.rank { best = (rank, index) }
            }
            guard let best, let assessment = aim.assessment else { continue }
            used.insert(best.index)
            let backing = Wording.clause(achievements[best.index].text)
            let judgement = Wording.clause(assessment)
            points.append(
                backing.contains(":")
                    ? "\(judgement). \(sentence(backing))" : "\(judgement): \(Wording.lowercasedFirst(backing)).")
        }
        return points
    }

    static let maximumStrengths = 5

    /// The indicators an achievement rests on: its subject, and every indicator whose figure
    /// comes only from submitted values the achievement cites.
    func indicators(backing finding: Finding, current: PeriodData) -> Set<String> {
        var ids = Set<String>()
        if let subject = finding.subject { ids.insert(subject) }
        let cited = Set(finding.sources)
        guard !cited.isEmpty else { return ids }
        for (id, figure) in current.totals where !figure.sources.isEmpty && cited.isSuperset(of: figure.sources) {
            ids.insert(id)
        }
        return ids
    }

    /// "Tồn tại, hạn chế và nguyên nhân": the sections' limitations, then the units' own; a
    /// unit's limitation about an indicator a section already judges is merged into it (its
    /// cause kept), so each limitation is stated once, with its cause.
    func limitations(_ findings: [Finding], current: PeriodData) -> [String] {
        // A cause taken from one unit's note ("Trung tâm đã có văn bản đôn đốc") names the unit.
        var findings = findings.map { finding -> Finding in
            var finding = finding
            let units = Set(finding.sources.map(\.unit))
            if units.count == 1, let unit = units.first.flatMap({ plan.unit($0) }), let cause = finding.cause {
                finding.cause = Attribution.resolvingSelfReferences(cause, unit: unit)
            }
            return finding
        }
        for item in current.narratives where item.kind == .limitation {
            if let indicator = item.indicator, let index = findings.firstIndex(where: { $0.subject == indicator }) {
                let causes = [findings[index].cause, item.cause.map(lowercasingCommonStart)].compactMap { $0 }.map(Wording.clause)
                    .filter { !$0.isEmpty }
                findings[index].cause = causes.isEmpty ? nil : Wording.unique(causes).joined(separator: "; ")
                continue
            }
            findings.append(Finding(item.text, cause: item.cause))
        }
        return Wording.unique(findings.map { withCause($0.text, $0.cause) })
    }

    // MARK: Part III

    /// The tasks for the next period: what the sections and units plan, without the work this
    /// report itself does, then one line per task of the plan still running, with its number
    /// and short name. After the plan's last period, the next year's plan instead.
    func nextTasks(_ findings: [Finding], current: PeriodData, yearToDate: [PeriodData]) -> [String] {
        let progress = PlanProgress(plan: plan, period: period, current: current, yearToDate: yearToDate)
        let running = plan.tasks.compactMap { task -> (PlanTask, String)? in
            switch progress.status(task, hasEvidence: !progress.evidence(for: task, in: current).0.isEmpty) {
            case .regular, .noReport: return (task, "Tiếp tục thực hiện")
            case .inProgress: return (task, "Tiếp tục thực hiện")
            case .notStarted: return (task, "Triển khai")
            case .completed, .doneEarlier: return nil
            }
        }
        let titles = plan.tasks.map { $0.title.lowercased() }
        var tasks = findings.map(\.text)
        tasks += current.narratives.filter { $0.kind == .nextTask && !isThisReportsOwnWork($0.text) }.map(\.text)
        // A line that restates a plan task's whole title is the task's own line below.
        tasks = tasks.filter { text in !titles.contains { text.lowercased().contains($0) && $0.count > 80 } }
        tasks = Wording.unique(tasks.map { sentence($0) })
        if period.next.year == plan.year {
            for (task, verb) in running {
                tasks.append("\(verb) nhiệm vụ \(task.number) của Kế hoạch: \(Wording.lowercasedFirst(Wording.clause(task.name))).")
            }
        } else {
            // After the plan's last period: the next year's plan, unless a unit already plans it.
            let next = plan.identity.title.replacingOccurrences(of: "năm \(plan.year)", with: "năm \(plan.year + 1)")
            if !tasks.contains(where: { $0.lowercased().contains(next.lowercased()) }) {
                tasks.append("Xây dựng, triển khai \(next).")
            }
        }
        return tasks
    }

    /// Whether a unit's next task is the report of this very period ("Đánh giá kết quả … 6 tháng
    /// đầu năm" in the 6-month report): it is done by the time the report is read.
    func isThisReportsOwnWork(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard ["đánh giá", "tổng kết", "sơ kết", "báo cáo"].contains(where: { lower.contains($0) }) else { return false }
        let label = period.labelWithoutYear.isEmpty ? period.label : period.labelWithoutYear
        return Self.mentions(lower, label.lowercased())
    }

    /// Whether `text` contains `phrase` as whole words ("quý II" is not in "quý III").
    static func mentions(_ text: String, _ phrase: String) -> Bool {
        guard !phrase.isEmpty else { return false }
        var from = text.startIndex
        while let found = text.range(of: phrase, range: from..<text.endIndex) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) && !(after?.isNumber ?? false) { return true }
            from = found.upperBound
        }
        return false
    }

    // MARK: Frame

    /// "Nơi nhận": a recipient that is the addressee (or the body the report goes through) is
    /// "Như trên", written once, first.
    var recipients: [String] {
        let addressed = plan.reporting.addressees.flatMap(Self.bodies)
        var out: [String] = []
        var asAbove = false
        for recipient in plan.reporting.recipients {
            guard let body = Self.bodies(recipient).first else { continue }
            if addressed.contains(where: { $0 == body || $0.hasPrefix(body + " ") }) {
                asAbove = true
                continue
            }
            out.append(recipient)
        }
        return asAbove ? ["Như trên"] + out : out
    }

    /// The bodies a line names, normalised for comparison: "Ủy ban nhân dân tỉnh Sơn La (qua Sở
    /// Nội vụ)" → ["ubnd tỉnh sơn la", "sở nội vụ"]; "UBND tỉnh (b/c)" → ["ubnd tỉnh"].
    static func bodies(_ line: String) -> [String] {
        var parts: [String] = []
        var main = ""
        var inner = ""
        var depth = 0
        for c in line {
            if c == "(" {
                depth += 1
                continue
            }
            if c == ")" {
                depth = max(0, depth - 1)
                if depth == 0 {
                    parts.append(inner)
                    inner = ""
                }
                continue
            }
            if depth > 0 { inner.append(c) } else { main.append(c) }
        }
        let through = parts.compactMap { p -> String? in
            let t = Wording.clause(p)
            return t.lowercased().hasPrefix("qua ") ? String(t.dropFirst(4)) : nil
        }
        return ([main] + through).map { text in
            var t = Wording.clause(text).lowercased()
            t = t.replacingOccurrences(of: "ủy ban nhân dân", with: "ubnd").replacingOccurrences(of: "uỷ ban nhân dân", with: "ubnd")
            return t.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }.filter { !$0.isEmpty }
    }

    /// A point of one item is a paragraph; several are a list.
    static func points(_ items: [String]) -> Block {
        items.count == 1 ? .paragraph(Paragraph(items[0])) : .list(items.map { Paragraph($0) })
    }

    /// A section's list of one item is written as a paragraph, unless a paragraph announces it
    /// ("… các hoạt động:").
    static func singleItemListsAsParagraphs(_ blocks: [Block]) -> [Block] {
        blocks.enumerated().map { index, block in
            guard case .list(let items) = block, items.count == 1 else { return block }
            if index > 0, case .paragraph(let before) = blocks[index - 1], before.plainText.hasSuffix(":") { return block }
            return .paragraph(items[0])
        }
    }

    var nextPeriodLabel: String { period.next.label }

    /// "(Kèm theo Báo cáo số 15/BC-VPUBND ngày 18 tháng 9 năm 2026 của Văn phòng UBND tỉnh)",
    /// with the blanks of a draft.
    var attachedTo: String {
        let number = numberLine.replacingOccurrences(of: "Số: ", with: "").replacingOccurrences(of: "Số:", with: "")
        let date = options.date.map(VietnameseFormat.longDate) ?? VietnameseFormat.blankLongDate(year: reportYear)
        return "(Kèm theo Báo cáo số \(number) \(date) của \(plan.identity.issuingBodyName))"
    }

    var numberLine: String {
        let code = plan.identity.documentCode
        guard let number = options.number else { return "Số:      /\(code)" }
        let padded = Int(number).map { $0 < 10 ? "0\($0)" : String($0) } ?? number
        return "Số: \(padded)/\(code)"
    }

    var placeAndDate: String {
        let place = plan.identity.place
        guard let date = options.date else {
            return "\(place), \(VietnameseFormat.blankLongDate(year: reportYear))"
        }
        return "\(place), \(VietnameseFormat.longDate(date))"
    }

    /// The year a report of the period is signed in: the period's own year (reports are due by
    /// the 20th of its last month).
    var reportYear: Int { period.year }

    private func withCause(_ text: String, _ cause: String?) -> String {
        guard let cause, !cause.isEmpty else { return sentence(text) }
        return "\(sentence(text, end: "")) Nguyên nhân: \(sentence(lowercasingCommonStart(cause), capitalize: false))"
    }
}

/// Ends a sentence with a full stop (or `end`) unless it already has one; capitalises it.
func sentence(_ text: String, end: String = ".", capitalize: Bool = true) -> String {
    var t = Whitespace.trimmed(text, newlines: true)
    guard let first = t.first else { return t }
    if capitalize { t = first.uppercased() + t.dropFirst() }
    // The marks looked for are ASCII, so the last byte tells (a combining mark after one makes
    // the last byte part of the mark, as it makes the last character differ).
    func endsWith(_ marks: String) -> Bool { t.utf8.last.map { marks.utf8.contains($0) } ?? false }
    if end.isEmpty {
        if !endsWith(".;!?") { t += "." }
        return t
    }
    while endsWith(";,") { t.removeLast() }
    if !endsWith(".!?:") { t += end }
    return t
}

/// Trimming white space as Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` and
/// `(in: .whitespaces)` do, without bridging the string: the sets are Unicode's White_Space
/// (without line breaks for `.whitespaces`) plus U+200B, equal to Foundation's over all of
/// Unicode (checked in the tests).
enum Whitespace {
    static func isSpace(_ s: Unicode.Scalar, newlines: Bool) -> Bool {
        switch s.value {
        case 0x20, 0x09: return true
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
        case 0x200B: return true
        case 0..<0x80: return false
        default: return s.properties.isWhitespace
        }
    }

    static func trimmed(_ text: String, newlines: Bool) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start], newlines: newlines) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard isSpace(scalars[before], newlines: newlines) else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }
}

/// Lower-cases the first letter of a clause that follows a colon, unless its first word starts
/// a proper name (Sở, UBND, Trung tâm, Cổng …), which keeps its capital.
func lowercasingCommonStart(_ text: String) -> String {
    let t = Whitespace.trimmed(text, newlines: false)
    let firstWord = t.prefix { !$0.isWhitespace }
    let properStarts: Set<Substring> = [
        "Sở", "Bộ", "Ban", "Ủy", "UBND", "HĐND", "Trung", "Văn", "Phòng", "Chính", "Cổng", "Trang", "Đề", "Hệ", "Cơ", "Nghị",
        "Quyết", "Thông", "Kế", "Chủ", "Tỉnh", "Sơn", "Nhà", "Đảng", "Quốc", "Luật", "Chương", "Bưu",
    ]
    guard let first = t.first, !properStarts.contains(firstWord), firstWord.count > 1,
        firstWord.dropFirst().allSatisfy({ !$0.isUppercase })
    else { return t }
    return first.lowercased() + t.dropFirst()
}
