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
            body += s.section.blocks
        }
        let general = current.narratives.filter { $0.kind == .activity && $0.area == nil }
        if !general.isEmpty {
            clause += 1
            body.append(.heading(Heading(level: 2, number: "\(clause).", text: "Các hoạt động khác")))
            body.append(.list(general.map { Paragraph(sentence($0.text)) }))
        }

        // II. Overall assessment.
        body.append(.heading(Heading(level: 1, number: "II.", text: "ĐÁNH GIÁ CHUNG")))
        body.append(.heading(Heading(level: 2, number: "1.", text: "Ưu điểm")))
        let achievements = sections.flatMap(\.section.achievements)
        body.append(
            achievements.isEmpty
                ? .paragraph(Paragraph("Các phòng, đơn vị đã triển khai các nhiệm vụ của Kế hoạch theo đúng phân công."))
                : .list(achievements.map { Paragraph(sentence($0.text)) }))
        body.append(.heading(Heading(level: 2, number: "2.", text: "Tồn tại, hạn chế và nguyên nhân")))
        var limitations = sections.flatMap(\.section.limitations).map { withCause($0.text, $0.cause) }
        limitations += current.narratives.filter { $0.kind == .limitation }.map { withCause($0.text, $0.cause) }
        limitations = Wording.unique(limitations)
        body.append(
            limitations.isEmpty
                ? .paragraph(Paragraph("Trong kỳ, các đơn vị không báo cáo tồn tại, hạn chế."))
                : .list(limitations.map { Paragraph($0) }))

        // III. Tasks for the next period.
        body.append(.heading(Heading(level: 1, number: "III.", text: "NHIỆM VỤ TRỌNG TÂM \(nextPeriodLabel.uppercased())")))
        var tasks = sections.flatMap(\.section.nextTasks).map { sentence($0.text) }
        tasks += current.narratives.filter { $0.kind == .nextTask }.map { sentence($0.text) }
        tasks = Wording.unique(tasks)
        let regular = plan.tasks.filter { $0.timelineKind == .regular }
        if !regular.isEmpty {
            let names = regular.map { "\($0.title.prefix(1).lowercased())\($0.title.dropFirst())" }
            tasks.append("Tiếp tục thực hiện thường xuyên các nhiệm vụ của Kế hoạch: \(names.joined(separator: "; ")).")
        }
        body.append(.list(tasks.map { Paragraph($0) }))

        // IV. Proposals.
        body.append(.heading(Heading(level: 1, number: "IV.", text: "ĐỀ XUẤT, KIẾN NGHỊ")))
        var proposals = sections.flatMap(\.section.proposals).map { sentence($0.text) }
        proposals += current.narratives.filter { $0.kind == .proposal }.map { sentence($0.text) }
        proposals = Wording.unique(proposals)
        body.append(proposals.isEmpty ? .paragraph(Paragraph("Không có.")) : .list(proposals.map { Paragraph($0) }))

        body.append(
            .paragraph(
                Paragraph("Trên đây là báo cáo \(summary.prefix(1).lowercased())\(summary.dropFirst()) của \(identity.issuingBodyName)./."))
        )

        var recipients = plan.reporting.recipients.map { "- \($0);" }
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

    /// "Thực hiện Quyết định số … ; Văn phòng UBND tỉnh báo cáo kết quả … như sau:"
    var opening: String {
        let identity = plan.identity
        var planRef = identity.title
        if let number = identity.number {
            planRef = "Kế hoạch số \(number)"
            if let date = identity.date { planRef += " ngày \(VietnameseFormat.shortDate(date))" }
            planRef +=
                " của \(identity.issuingBodyName) về \(identity.title.prefix(1).lowercased())\(identity.title.dropFirst().replacingOccurrences(of: "Kế hoạch ", with: ""))"
        } else {
            planRef += " của \(identity.issuingBodyName)"
        }
        return
            "Thực hiện \(identity.basis.citation); \(planRef), \(identity.issuingBodyName) báo cáo kết quả thực hiện \(period.label) như sau:"
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
