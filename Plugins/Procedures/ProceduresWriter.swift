import BaocaoCore

/// Writes one procedures section from a context: up to four points (activities, procedures
/// announced, dossiers, feedback), the findings they support and diagnostics for the officer.
struct ProceduresWriter {
    let context: SectionContext

    private var points: [(title: String, blocks: [Block])] = []
    private var achievements: [Finding] = []
    private var limitations: [Finding] = []
    private var diagnostics: [Diagnostic] = []
    private var figures: [Figure] = []
    /// Names each comparison period once per point.
    private let mentions = PeriodMentions()

    init(context: SectionContext) { self.context = context }

    /// The decision that defines the satisfaction ratios, as cited in running text.
    static let decision766 =
        "Quyết định số 766/QĐ-TTg ngày 23/06/2022 của Thủ tướng Chính phủ"

    mutating func write() -> Section {
        guard context.hasData else {
            return Section(
                blocks: [.paragraph("Trong kỳ, chưa có số liệu báo cáo về nội dung này.")],
                diagnostics: [
                    context.warning(
                        "chưa có số liệu, thông tin nào về cải cách thủ tục hành chính \(context.period.label) (no data for the area)")
                ])
        }
        writeActivities()
        writeProcedures()
        writeDossiers()
        writeFeedback()

        var blocks: [Block] = []
        if points.count == 1 {
            blocks = points[0].blocks
        } else {
            let letters = ["a", "b", "c", "d", "đ", "e"]
            for (index, point) in points.enumerated() {
                blocks.append(.heading(Heading(level: 3, number: "\(letters[index]))", text: point.title)))
                blocks += point.blocks
            }
        }
        if blocks.isEmpty {
            blocks = [.paragraph("Trong kỳ, chưa có số liệu báo cáo về nội dung này.")]
            diagnostics.append(
                context.warning("các số liệu đã báo cáo không đủ để viết phần cải cách thủ tục hành chính (incomplete data for the area)"))
        }
        return Section(
            blocks: blocks, achievements: achievements, limitations: limitations, diagnostics: diagnostics,
            figures: figures)
    }

    // MARK: a) Activities

    /// The units' activity narratives of this area, which the engine prints nowhere else.
    private mutating func writeActivities() {
        // In a period built from shorter ones, each item says which one it comes from.
        let activities = context.activities.enumerated().sorted { ($0.element.period, $0.offset) < ($1.element.period, $1.offset) }
        let items = activities.map(\.element).map { item in
            let text = Self.sentence(item.text)
            guard item.period != context.period else { return Paragraph(text) }
            return Paragraph(Self.trimmedEnd(text) + " (\(item.period.label)).")
        }
        guard !items.isEmpty else { return }
        points.append(("Các hoạt động đã triển khai", [.list(items)]))
    }

    // MARK: b) Procedures announced, published and reviewed

    private mutating func writeProcedures() {
        mentions.reset()
        typealias P = ProcedureID
        let announced = context.value(P.announced)
        let onDatabase = context.value(P.onNationalDatabase)
        let onPortal = context.value(P.onPortal)
        let reviewed = context.value(P.reviewed)
        guard announced != nil || onDatabase != nil || onPortal != nil || reviewed != nil else { return }

        let databaseText = "công khai trên Cơ sở dữ liệu quốc gia về thủ tục hành chính"
        let portalText = "tích hợp, công khai trên Cổng Thông tin điện tử tỉnh"
        let published = [
            onDatabase.map { "công khai \(Self.count($0)) thủ tục trên Cơ sở dữ liệu quốc gia về thủ tục hành chính" },
            onPortal.map { "tích hợp, công khai \(Self.count($0)) thủ tục trên Cổng Thông tin điện tử tỉnh" },
        ].compactMap { $0 }

        var sentences: [String] = []
        if let announced {
            if announced > 0 {
                var text =
                    "Trong kỳ, Chủ tịch UBND tỉnh đã công bố \(Self.count(announced)) thủ tục hành chính mới ban hành, sửa đổi, bổ sung hoặc bãi bỏ"
                if let change = changes(P.announced) { text += " (\(change))" }
                if !published.isEmpty { text += "; trong đó, đã " + published.joined(separator: " và ") }
                sentences.append(text + ".")
            } else {
                sentences.append("Trong kỳ, không có thủ tục hành chính mới ban hành, sửa đổi, bổ sung hoặc bãi bỏ được công bố.")
            }
        } else if !published.isEmpty {
            sentences.append("Trong kỳ, đã " + published.joined(separator: " và ") + ".")
            diagnostics.append(
                warning(
                    at: [P.onNationalDatabase, P.onPortal],
                    "thiếu số thủ tục hành chính được công bố trong kỳ (\(P.announced)) nên không đánh giá được việc công khai đầy đủ (missing total)"
                ))
        }
        if let reviewed {
            if reviewed > 0 {
                var text = "Thực hiện rà soát, đơn giản hóa \(Self.count(reviewed)) thủ tục hành chính"
                if let change = changes(P.reviewed) { text += " (\(change))" }
                sentences.append(text + ".")
            } else {
                sentences.append("Trong kỳ, không có thủ tục hành chính được rà soát, đơn giản hóa.")
            }
        }
        points.append(("Công bố, công khai và rà soát thủ tục hành chính", [.paragraph(Paragraph(sentences.joined(separator: " ")))]))

        // Every procedure announced must be published (Kế hoạch, mục I.2.3 and II.2): a gap is a
        // limitation, full publication an achievement. Nothing to say when none was announced.
        guard let announced, announced > 0 else { return }
        var complete: [String] = []
        for (id, value, what) in [(P.onNationalDatabase, onDatabase, databaseText), (P.onPortal, onPortal, portalText)] {
            guard let value else {
                diagnostics.append(
                    warning(
                        at: [P.announced],
                        "chưa có số liệu \(id) nên không đánh giá được việc \(what) các thủ tục hành chính đã công bố (missing figure)"))
                continue
            }
            // More published than announced is the plan's rule `tthc_cong_khai` (Plans/README.md §2.10).
            if value > announced {
                continue
            } else if value == announced {
                complete.append(what)
            } else {
                limitations.append(
                    Finding(
                        "Còn \(Self.count(announced - value))/\(Self.count(announced)) thủ tục hành chính được công bố trong kỳ chưa được \(what)",
                        cause: cause(of: [id]), sources: sources(of: [P.announced, id])))
            }
        }
        if !complete.isEmpty {
            achievements.append(
                Finding(
                    "Toàn bộ \(Self.count(announced)) thủ tục hành chính được công bố trong kỳ đã được \(complete.joined(separator: " và "))",
                    sources: sources(of: [P.announced, P.onNationalDatabase, P.onPortal])))
        }
    }

    // MARK: c) Dossiers

    private mutating func writeDossiers() {
        mentions.reset()
        typealias P = ProcedureID
        let relevant = P.dossierFigures + [P.apologies, P.unsatisfiedDossiers]
        guard relevant.contains(where: { context.value($0) != nil }) else { return }
        var blocks: [Block] = []

        // Received.
        let newTotal = computedSum(ComputedID.newDossiers, of: P.newParts, in: context.current)
        let received = computedSum(ComputedID.received, of: P.receivedParts, in: context.current)
        record(newTotal)
        record(received)
        let channels = [
            (P.newOnline, "trực tuyến"), (P.newDirect, "trực tiếp"), (P.newPostal, "qua dịch vụ bưu chính công ích"),
        ].compactMap { id, name in context.value(id).map { Self.part(name, $0) } }
        var receivedText: [String] = []
        if let received, let newTotal, let carried = context.value(P.carriedOver) {
            receivedText.append(
                "Tổng số hồ sơ tiếp nhận trong kỳ là \(Self.dossiers(received.number!)), gồm \(Self.dossiers(carried)) kỳ trước chuyển sang "
                    + "và \(Self.dossiers(newTotal.number!)) tiếp nhận mới (\(channels.joined(separator: ", "))).")
        } else if let newTotal {
            receivedText.append("Trong kỳ, tiếp nhận mới \(Self.dossiers(newTotal.number!)) (\(channels.joined(separator: ", "))).")
        } else {
            var parts: [String] = []
            if let carried = context.value(P.carriedOver) { parts.append("kỳ trước chuyển sang \(Self.dossiers(carried))") }
            if !channels.isEmpty { parts.append("tiếp nhận mới \(channels.joined(separator: ", "))") }
            if !parts.isEmpty { receivedText.append("Số hồ sơ tiếp nhận trong kỳ: \(parts.joined(separator: "; ")).") }
        }
        if received == nil, P.receivedParts.contains(where: { context.value($0) != nil }) {
            diagnostics.append(missingParts(P.receivedParts, what: "tổng số hồ sơ tiếp nhận"))
        }
        if newTotal != nil {
            let phrases = sumChanges(ComputedID.newDossiers, of: P.newParts)
            if !phrases.isEmpty { receivedText.append("Số hồ sơ tiếp nhận mới \(Wording.list(phrases)).") }
        }
        if let rate = context.value(P.onlineRate) {
            var text = "Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt \(context.format(rate, P.onlineRate))"
            if let change = changes(P.onlineRate) { text += ", \(change)" }
            receivedText.append(text + ".")
            onlineRateAchievement(rate)
        }
        if !receivedText.isEmpty { blocks.append(.paragraph(Paragraph(receivedText.joined(separator: " ")))) }

        // Resolved and pending.
        let resolved = computedSum(ComputedID.resolved, of: P.resolvedParts, in: context.current)
        let pending = computedSum(ComputedID.pending, of: P.pendingParts, in: context.current)
        record(resolved)
        record(pending)
        var resolvedText: [String] = []
        let resolvedParts = [(P.early, "trước hạn"), (P.onTime, "đúng hạn"), (P.late, "quá hạn")].compactMap { id, name in
            context.value(id).map { Self.part(name, $0) }
        }
        if let resolved, let total = resolved.number {
            if total > 0 {
                var text = "Đã giải quyết \(Self.dossiers(total))"
                let phrases = sumChanges(ComputedID.resolved, of: P.resolvedParts)
                if !phrases.isEmpty { text += ", \(Wording.list(phrases))" }
                resolvedText.append(text + "; trong đó: \(resolvedParts.joined(separator: ", ")).")
            } else {
                resolvedText.append("Trong kỳ, chưa có hồ sơ được giải quyết.")
            }
        } else if !resolvedParts.isEmpty {
            resolvedText.append("Số hồ sơ đã giải quyết: \(resolvedParts.joined(separator: ", ")).")
            diagnostics.append(missingParts(P.resolvedParts, what: "tổng số hồ sơ đã giải quyết và tỷ lệ giải quyết đúng hạn"))
        }
        if let rate = context.value(P.onTimeRate) {
            var text = "Tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt \(context.format(rate, P.onTimeRate))"
            if let change = changes(P.onTimeRate) { text += ", \(change)" }
            resolvedText.append(text + ".")
        }
        let pendingParts = [(P.pendingInTime, "trong hạn"), (P.pendingOverdue, "quá hạn")].compactMap { id, name in
            context.value(id).map { Self.part(name, $0) }
        }
        if let pending, let total = pending.number {
            resolvedText.append(
                total > 0
                    ? "Số hồ sơ đang giải quyết là \(Self.dossiers(total)) (\(pendingParts.joined(separator: ", ")))."
                    : "Không còn hồ sơ đang giải quyết.")
        } else if !pendingParts.isEmpty {
            resolvedText.append("Số hồ sơ đang giải quyết: \(pendingParts.joined(separator: ", ")).")
            diagnostics.append(missingParts(P.pendingParts, what: "tổng số hồ sơ đang giải quyết"))
        }
        if !resolvedText.isEmpty { blocks.append(.paragraph(Paragraph(resolvedText.joined(separator: " ")))) }

        if P.dossierFigures.contains(where: { context.value($0) != nil }) { blocks.append(.table(dossierTable())) }
        if let chart = outcomeChart() { blocks.append(.chart(chart)) }
        // Received = resolved + pending is the plan's rule `hs_can_doi` (Plans/README.md §2.10).

        var closing: [String] = []
        lateFindings(resolved: resolved?.number)
        if let text = apologies() { closing.append(text) }
        if let text = procedureSatisfaction(resolved: resolved) { closing.append(text) }
        if !closing.isEmpty { blocks.append(.paragraph(Paragraph(closing.joined(separator: " ")))) }

        if !blocks.isEmpty { points.append(("Tiếp nhận, giải quyết hồ sơ thủ tục hành chính", blocks)) }
    }

    /// Dossiers by outcome — resolved early, on time, late; pending within time, overdue — this
    /// period beside the same period of last year where that comes from the same units.
    private func outcomeChart() -> Chart? {
        let ids = ProcedureID.resolvedParts + ProcedureID.pendingParts
        let names = [
            "Giải quyết trước hạn", "Giải quyết đúng hạn", "Giải quyết quá hạn", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn",
        ]
        let now = ids.map { context.total($0) }
        guard now.allSatisfy({ $0?.number != nil }) else { return nil }
        var series = [Chart.Series(name: context.capitalized(context.period.label), values: now.map { $0?.number })]
        if let last = context.sameLastYear {
            let then = ids.map { last.totals[$0] }
            let comparable = zip(now, then).allSatisfy { n, t in
                guard let n, let t, t.number != nil else { return false }
                return Set(n.sources.map(\.unit)) == Set(t.sources.map(\.unit))
            }
            if comparable {
                let label = last.period.kind == .year ? "Năm \(last.period.year)" : "Cùng kỳ năm \(last.period.year)"
                series.append(Chart.Series(name: label, values: then.map { $0?.number }))
            }
        }
        return Chart(
            kind: .bar, title: "Kết quả giải quyết hồ sơ thủ tục hành chính \(context.period.label)", categories: names,
            series: series, unit: "hồ sơ")
    }

    /// The usual provincial table: one row per unit that reported dossiers, a totals row when
    /// there are several. Two-level header: "Tiếp nhận" over carried-over, new (itself over
    /// online, direct, postal) and total; "Đã giải quyết" over early, on time, late and total;
    /// "Đang giải quyết" over within time and overdue.
    private mutating func dossierTable() -> Table {
        typealias P = ProcedureID
        // Counts are in dossiers, said once after the caption; the rate names its own unit.
        let columns = [
            Table.Column("Đơn vị", width: 2.4),
            Table.Column("Kỳ trước chuyển sang", alignment: .right),
            Table.Column("Trực tuyến", alignment: .right),
            Table.Column("Trực tiếp", alignment: .right),
            Table.Column("Qua bưu chính công ích", alignment: .right),
            Table.Column("Tổng số", alignment: .right),
            Table.Column("Trước hạn", alignment: .right),
            Table.Column("Đúng hạn", alignment: .right),
            Table.Column("Quá hạn", alignment: .right),
            Table.Column("Tổng số", alignment: .right),
            Table.Column("Trong hạn", alignment: .right),
            Table.Column("Quá hạn", alignment: .right),
            Table.Column("Tỷ lệ giải quyết trước và đúng hạn", unit: "%", alignment: .right, width: 1.2),
        ]
        let groups = [
            Table.HeaderGroup("Tiếp nhận", first: 1, count: 5),
            Table.HeaderGroup("Mới tiếp nhận", first: 2, count: 3),
            Table.HeaderGroup("Đã giải quyết", first: 6, count: 4),
            Table.HeaderGroup("Đang giải quyết", first: 10, count: 2),
        ]
        func row(label: String, figures: [String: Figure], unit: String?) -> [Cell] {
            func cell(_ id: String) -> Cell { context.cell(figures[id]) }
            func sumCell(_ id: String, _ parts: [String]) -> Cell {
                let data = PeriodData(period: context.period, totals: figures)
                let sum = computedSum(id, of: parts, in: data, unit: unit)
                if unit != nil { record(sum) }
                return context.cell(sum)
            }
            return [Cell(label)] + P.receivedParts.map(cell) + [sumCell(ComputedID.received, P.receivedParts)]
                + P.resolvedParts.map(cell) + [sumCell(ComputedID.resolved, P.resolvedParts)] + P.pendingParts.map(cell)
                + [cell(P.onTimeRate)]
        }
        let units = context.current.units.filter { unit in
            P.dossierFigures.contains { context.current.byUnit[unit]?[$0] != nil }
        }
        let rows = units.map { row(label: context.unitName($0), figures: context.current.byUnit[$0] ?? [:], unit: $0) }
        let totals = units.count > 1 ? row(label: "Tổng cộng", figures: context.current.totals, unit: nil) : nil
        let names = units.map { context.unitName($0) }.joined(separator: ", ")
        return Table(
            caption: "Tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính \(context.period.label)", columns: columns, rows: rows,
            totals: totals, note: "Nguồn: số liệu báo cáo của \(names).", headerGroups: groups, unit: "hồ sơ")
    }

    /// Every dossier resolved late needs an apology letter to the applicant: the letters are
    /// checked against `hs_giai_quyet_qua_han`. Returns the sentence for the body.
    private mutating func apologies() -> String? {
        typealias P = ProcedureID
        let letters = context.value(P.apologies)
        guard let late = context.value(P.late), late > 0 else {
            // More letters than late dossiers is the plan's rule `thu_xin_loi` (Plans/README.md §2.10).
            guard let letters, letters > 0 else { return nil }
            return "Trong kỳ, đã gửi \(Self.count(letters)) thư xin lỗi tổ chức, cá nhân do hồ sơ quá hạn giải quyết."
        }
        guard let letters else {
            diagnostics.append(
                warning(
                    at: [P.late],
                    "có \(Self.dossiers(late)) giải quyết quá hạn nhưng chưa có số liệu thư xin lỗi (\(P.apologies)) nên không kiểm tra được "
                        + "việc xin lỗi tổ chức, cá nhân (missing apology-letter count)"))
            return nil
        }
        var text = "Đối với \(Self.dossiers(late)) giải quyết quá hạn, đã gửi \(Self.count(letters)) thư xin lỗi tổ chức, cá nhân"
        if letters >= late {
            achievements.append(
                Finding(
                    "Toàn bộ \(Self.dossiers(late)) giải quyết quá hạn đều đã được gửi thư xin lỗi tổ chức, cá nhân",
                    sources: sources(of: [P.late, P.apologies])))
        } else {
            let gap = late - letters
            text += "; còn \(Self.dossiers(gap)) chưa được gửi thư xin lỗi"
            limitations.append(
                Finding(
                    "Còn \(Self.count(gap))/\(Self.count(late)) hồ sơ giải quyết quá hạn chưa được gửi thư xin lỗi tổ chức, cá nhân theo quy định",
                    cause: cause(of: [P.apologies]), sources: sources(of: [P.late, P.apologies]), subject: P.apologies))
            diagnostics.append(
                warning(
                    at: [P.apologies],
                    "\(P.apologies) (\(Self.count(letters))) ít hơn \(P.late) (\(Self.count(late))): \(Self.dossiers(gap)) giải quyết quá hạn "
                        + "chưa có thư xin lỗi (late dossiers without an apology letter)"))
        }
        return text + "."
    }

    /// Late and overdue dossiers are limitations; none resolved late, with dossiers resolved, an
    /// achievement (even when some pending dossiers are overdue, which stay a limitation).
    private mutating func lateFindings(resolved: Double?) {
        typealias P = ProcedureID
        let late = context.value(P.late)
        let overdue = context.value(P.pendingOverdue)
        var parts: [String] = []
        if let late, late > 0 {
            var text = Self.dossiers(late) + " giải quyết quá hạn"
            if let resolved, resolved > 0 {
                text += " (chiếm \(VietnameseFormat.percent(late / resolved * 100)) số hồ sơ đã giải quyết)"
            }
            parts.append(text)
        }
        if let overdue, overdue > 0 { parts.append(Self.dossiers(overdue) + " đang giải quyết quá hạn") }
        if !parts.isEmpty {
            limitations.append(
                Finding(
                    "Còn " + parts.joined(separator: " và "), cause: cause(of: [P.late, P.pendingOverdue]),
                    sources: sources(of: [P.late, P.pendingOverdue]), subject: P.late))
        }
        if late == 0, let resolved, resolved > 0 {
            var text =
                "100 % hồ sơ thủ tục hành chính đã giải quyết trong kỳ (\(Self.dossiers(resolved))) được giải quyết trước và đúng hạn"
            if overdue == 0 { text += "; không có hồ sơ đang giải quyết quá hạn" }
            achievements.append(Finding(text, sources: sources(of: P.resolvedParts + [P.pendingOverdue])))
        }
    }

    /// Quyết định 766/QĐ-TTg: satisfaction with procedures = (dossiers − dossiers marked
    /// unsatisfied, complained about or late) ÷ dossiers × 100 %. The denominator used here is
    /// the dossiers RESOLVED in the period (early + on time + late), since only a resolved
    /// dossier can be rated or be late; dossiers received or pending are not counted.
    private mutating func procedureSatisfaction(resolved: Figure?) -> String? {
        typealias P = ProcedureID
        guard let unsatisfied = context.total(P.unsatisfiedDossiers), let u = unsatisfied.number else { return nil }
        guard let resolved, let total = resolved.number else {
            diagnostics.append(
                warning(
                    at: [P.unsatisfiedDossiers],
                    "thiếu số hồ sơ đã giải quyết nên không tính được mức độ hài lòng theo Quyết định 766/QĐ-TTg (missing denominator)"))
            return nil
        }
        guard total > 0 else { return nil }
        if let late = context.value(P.late), u < late {
            diagnostics.append(
                warning(
                    at: [P.unsatisfiedDossiers],
                    "\(P.unsatisfiedDossiers) (\(Self.count(u))) nhỏ hơn \(P.late) (\(Self.count(late))) dù hồ sơ trễ hạn được tính vào chỉ tiêu này; "
                        + "chưa tính mức độ hài lòng theo Quyết định 766/QĐ-TTg (inconsistent figures)"))
            return nil
        }
        if u > total {
            diagnostics.append(
                warning(
                    at: [P.unsatisfiedDossiers],
                    "\(P.unsatisfiedDossiers) (\(Self.count(u))) lớn hơn số hồ sơ đã giải quyết (\(Self.count(total))); "
                        + "chưa tính mức độ hài lòng theo Quyết định 766/QĐ-TTg (inconsistent figures)"))
            return nil
        }
        let ratio = (total - u) / total * 100
        figures.append(
            Figure(
                indicator: ComputedID.procedureSatisfaction, period: context.period, unit: nil, number: ratio,
                sources: (resolved.sources + unsatisfied.sources).sorted(),
                derivation: "Quyết định 766/QĐ-TTg: (\(ComputedID.resolved) − \(P.unsatisfiedDossiers)) ÷ \(ComputedID.resolved) × 100"))
        let detail =
            u > 0
            ? "có \(Self.dossiers(u)) bị đánh giá không hài lòng, có khiếu nại hoặc trễ hạn"
            : "không có hồ sơ nào bị đánh giá không hài lòng, có khiếu nại hoặc trễ hạn"
        return "\(context.capitalized(Glossary.satisfactionByDossiers)) theo \(Self.decision766) đạt "
            + "\(VietnameseFormat.percent(ratio)): trong \(Self.dossiers(total)) đã giải quyết, \(detail)."
    }

    /// The online rate as an achievement when it rose against every valid comparison.
    private mutating func onlineRateAchievement(_ rate: Double) {
        let comparisons = context.comparisons(ProcedureID.onlineRate)
        guard !comparisons.isEmpty, comparisons.allSatisfy({ $0.current - $0.base > 1e-9 }) else { return }
        achievements.append(
            Finding(
                "Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt \(context.format(rate, ProcedureID.onlineRate)), "
                    + Wording.list(comparisons.map(\.phrase)),
                sources: sources(of: ProcedureID.newParts)))
    }

    // MARK: d) Feedback

    private mutating func writeFeedback() {
        mentions.reset()
        typealias P = ProcedureID
        let onTime = context.value(P.feedbackOnTime)
        let unsatisfied = context.total(P.feedbackUnsatisfied)
        guard let received = context.total(P.feedback), let f = received.number else {
            if onTime != nil || unsatisfied != nil {
                diagnostics.append(
                    warning(
                        at: [P.feedbackOnTime, P.feedbackUnsatisfied],
                        "thiếu số phản ánh, kiến nghị tiếp nhận (\(P.feedback)) nên không viết được phần phản ánh, kiến nghị (missing total)"
                    ))
            }
            return
        }
        var sentences: [String] = []
        guard f > 0 else {
            sentences.append("Trong kỳ, không tiếp nhận phản ánh, kiến nghị nào về thủ tục hành chính thuộc thẩm quyền.")
            points.append(("Tiếp nhận, xử lý phản ánh, kiến nghị", [.paragraph(Paragraph(sentences.joined(separator: " ")))]))
            return
        }
        var text = "Trong kỳ, tiếp nhận \(Self.count(f)) phản ánh, kiến nghị về thủ tục hành chính thuộc thẩm quyền"
        if let change = changes(P.feedback) { text += " (\(change))" }
        sentences.append(text + ".")
        if let onTime {
            var text = "Đã xử lý đúng hạn \(Self.count(onTime)) phản ánh, kiến nghị"
            if let rate = context.value(P.feedbackOnTimeRate) {
                text += ", đạt tỷ lệ \(context.format(rate, P.feedbackOnTimeRate))"
                if let change = changes(P.feedbackOnTimeRate) { text += ", \(change)" }
            }
            sentences.append(text + ".")
            if onTime >= f {
                achievements.append(
                    Finding(
                        "100 % phản ánh, kiến nghị về thủ tục hành chính tiếp nhận trong kỳ (\(Self.count(f)) phản ánh, kiến nghị) được xử lý đúng hạn",
                        sources: sources(of: [P.feedback, P.feedbackOnTime])))
            } else {
                limitations.append(
                    Finding(
                        "Còn \(Self.count(f - onTime))/\(Self.count(f)) phản ánh, kiến nghị về thủ tục hành chính không được xử lý đúng hạn",
                        cause: cause(of: [P.feedbackOnTime, P.feedback]), sources: sources(of: [P.feedback, P.feedbackOnTime])))
            }
        } else {
            diagnostics.append(
                warning(
                    at: [P.feedback],
                    "chưa có số phản ánh, kiến nghị được xử lý đúng hạn (\(P.feedbackOnTime)) (missing figure)"))
        }
        // Quyết định 766/QĐ-TTg: satisfaction with feedback handling = (feedback − feedback
        // marked unsatisfied or handled late) ÷ feedback × 100 %, over the feedback received.
        if let unsatisfied, let u = unsatisfied.number {
            let ratio = (f - u) / f * 100
            figures.append(
                Figure(
                    indicator: ComputedID.feedbackSatisfaction, period: context.period, unit: nil, number: ratio,
                    sources: (received.sources + unsatisfied.sources).sorted(),
                    derivation: "Quyết định 766/QĐ-TTg: (\(P.feedback) − \(P.feedbackUnsatisfied)) ÷ \(P.feedback) × 100"))
            let detail =
                u > 0
                ? "có \(Self.count(u)) phản ánh, kiến nghị bị đánh giá không hài lòng hoặc xử lý quá hạn"
                : "không có phản ánh, kiến nghị bị đánh giá không hài lòng hoặc xử lý quá hạn"
            sentences.append(
                "Mức độ hài lòng trong tiếp nhận, xử lý phản ánh, kiến nghị, tính theo Quyết định số 766/QĐ-TTg, đạt "
                    + "\(VietnameseFormat.percent(ratio)) (\(detail)).")
        }
        points.append(("Tiếp nhận, xử lý phản ánh, kiến nghị", [.paragraph(Paragraph(sentences.joined(separator: " ")))]))
    }

    // MARK: Comparisons

    /// "tăng 12,5 % so với quý II năm 2026 và giảm 2 % so với cùng kỳ", or nil; on a small base
    /// the earlier counts ("quý II năm 2026: 05; cùng kỳ năm 2025: 03").
    private func changes(_ id: String) -> String? {
        let all = context.comparisons(id)
        if all.contains(where: \.isSmallBase) { return context.changeNote(id, mentions) }
        let phrases = all.map { mentions.phrase($0) }
        return phrases.isEmpty ? nil : Wording.list(phrases)
    }

    /// Comparison phrases for a sum of count indicators (which the toolkit cannot compare, as
    /// it is no indicator): each only where every part exists on both sides and comes from the
    /// same units, worded by `Comparison.phrase`. Records the base figures.
    private mutating func sumChanges(_ id: String, of parts: [String]) -> [String] {
        guard let now = computedSum(id, of: parts, in: context.current), let n = now.number else { return [] }
        var phrases: [String] = []
        for (data, isLastYear) in [(context.previous, false), (context.sameLastYear, true)] {
            guard let data, let base = computedSum(id, of: parts, in: data), let b = base.number,
                Set(base.sources.map(\.unit)) == Set(now.sources.map(\.unit))
            else { continue }
            record(base)
            let comparison = Comparison(
                current: n, base: b, kind: .count, basis: isLastYear ? .sameLastYear : .previousPeriod,
                baseLabel: data.period.label, baseFigure: base, measure: "hồ sơ")
            phrases.append(mentions.phrase(comparison))
        }
        return phrases
    }

    // MARK: Figures

    /// The sum of count indicators in `data` (its totals, or a unit's figures passed as
    /// totals), when every part is present.
    private func computedSum(_ id: String, of parts: [String], in data: PeriodData, unit: String? = nil) -> Figure? {
        let found = parts.compactMap { data.totals[$0] }
        guard found.count == parts.count else { return nil }
        let numbers = found.compactMap(\.number)
        guard numbers.count == parts.count else { return nil }
        return Figure(
            indicator: id, period: data.period, unit: unit, number: numbers.reduce(0, +), sources: found.flatMap(\.sources).sorted(),
            derivation: "sum: " + parts.joined(separator: " + "))
    }

    private mutating func record(_ figure: Figure?) {
        guard let figure else { return }
        let key = context.figureID(figure)
        if !figures.contains(where: { context.figureID($0) == key }) { figures.append(figure) }
    }

    private func sources(of ids: [String]) -> [SourceReference] {
        Array(Set(ids.compactMap { context.total($0) }.flatMap(\.sources))).sorted()
    }

    /// The notes units gave with these figures, as the cause of a finding.
    private func cause(of ids: [String]) -> String? {
        Wording.cause(ids.compactMap { context.total($0) }.flatMap(\.notes))
    }

    /// A diagnostic at the first submitted value behind these figures, or at the area.
    private func warning(at ids: [String], _ message: String) -> Diagnostic {
        let source = ids.compactMap { context.total($0) }.flatMap(\.sources).sorted().first
        guard let source else { return context.warning(message) }
        return .warning(SourceLocation(file: source.file, line: source.line, column: source.column), message)
    }

    private func missingParts(_ parts: [String], what: String) -> Diagnostic {
        let missing = parts.filter { context.value($0) == nil }
        return warning(
            at: parts, "thiếu \(missing.joined(separator: ", ")) nên không tính được \(what) (parts missing)")
    }

    // MARK: Wording

    /// A count in running text, with the office's leading zero below 10.
    static func count(_ value: Double) -> String { VietnameseFormat.quantity(value) }

    static func dossiers(_ value: Double) -> String { "\(count(value)) hồ sơ" }

    /// One part of a dossier breakdown: "trực tuyến 8.000 hồ sơ", or "không có hồ sơ quá hạn".
    static func part(_ name: String, _ value: Double) -> String {
        value == 0 ? "không có hồ sơ \(name)" : "\(name) \(dossiers(value))"
    }

    /// The text with its first letter in upper case and a final full stop.
    static func sentence(_ text: String) -> String {
        var t = Wording.clause(text)
        guard let first = t.first else { return t }
        t = first.uppercased() + t.dropFirst()
        return t.hasSuffix("!") || t.hasSuffix("?") ? t : t + "."
    }

    /// The text without a final full stop, semicolon or comma.
    static func trimmedEnd(_ text: String) -> String {
        var t = text
        while let last = t.last, ".;,".contains(last) { t.removeLast() }
        return t
    }
}
