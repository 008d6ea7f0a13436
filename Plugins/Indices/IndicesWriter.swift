import BaocaoCore

/// One index's result as this period's data give it: its score and rank figures.
struct IndexResult {
    var spec: IndexSpec
    var score: Figure?
    var rank: Figure?

    var hasData: Bool { score?.number != nil || rank?.number != nil }

    /// The year the result measures (not the reporting period's year).
    var year: Int? { score?.year ?? rank?.year }

    var group: String? { [score?.group, rank?.group].compactMap { $0 }.first { !$0.isEmpty } }

    /// The decisions or publications that published the result, without repeats.
    var publications: [String] {
        var seen = Set<String>()
        return [score?.source, rank?.source].compactMap { $0 }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Where the result was submitted, for diagnostics.
    var location: SourceLocation? {
        (score ?? rank)?.sources.first.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column) }
    }
}

/// How a result compares with the earlier year's result given with it. `gain` is signed so
/// that a positive value is better: score points gained, or places gained (a smaller rank).
enum Change {
    case none
    case comparable(gain: Double, earlier: EarlierResult)
    /// Ranks out of different totals (63 provinces up to the 2024 results, 34 from 2025).
    case differentTotals(earlier: EarlierResult)
    /// A rank whose total (out_of) is missing on one side: comparability cannot be checked.
    case unknownTotal(earlier: EarlierResult)

    var gain: Double? {
        if case .comparable(let gain, _) = self { return gain }
        return nil
    }

    var earlier: EarlierResult? {
        switch self {
        case .none: return nil
        case .comparable(_, let e), .differentTotals(let e), .unknownTotal(let e): return e
        }
    }
}

/// Writes the section. Kept apart from the plugin type so that it can carry its findings and
/// diagnostics while it goes.
struct IndicesWriter {
    static let newsID = "tin_bai_chi_so"

    let context: SectionContext
    private var achievements: [Finding] = []
    private var limitations: [Finding] = []
    private var nextTasks: [Finding] = []
    private var diagnostics: [Diagnostic] = []

    init(context: SectionContext) { self.context = context }

    mutating func write() -> Section {
        guard context.hasData else {
            diagnostics.append(
                context.warning(
                    "Chưa có số liệu về kết quả các chỉ số và công tác tuyên truyền, phổ biến \(context.period.label) (no data for the area)"
                ))
            return Section(blocks: [.paragraph("Trong kỳ, chưa có số liệu báo cáo về nội dung này.")], diagnostics: diagnostics)
        }
        // Only the indices the plan's area declares: an index the plan dropped is not "missing".
        let specs = IndexSpec.all.filter { spec in
            context.indicator(spec.rank) != nil || spec.score.map { context.indicator($0) != nil } == true
        }
        let results = specs.map { spec in
            IndexResult(spec: spec, score: spec.score.flatMap { context.total($0) }, rank: context.total(spec.rank))
        }
        let published = results.filter(\.hasData)
        let missing = results.filter { !$0.hasData }

        let indexBlocks = resultBlocks(published, missing: missing)
        let newsBlocks = communicationBlocks(published)
        var blocks: [Block] = []
        if !indexBlocks.isEmpty && !newsBlocks.isEmpty {
            blocks.append(.heading(Heading(level: 3, number: "a)", text: "Kết quả các chỉ số")))
            blocks += indexBlocks
            blocks.append(.heading(Heading(level: 3, number: "b)", text: "Công tác tuyên truyền, phổ biến kết quả các chỉ số")))
            blocks += newsBlocks
        } else {
            blocks = indexBlocks + newsBlocks
        }
        return Section(
            blocks: blocks, achievements: achievements, limitations: limitations, nextTasks: nextTasks, diagnostics: diagnostics)
    }

    // MARK: Results

    private mutating func resultBlocks(_ published: [IndexResult], missing: [IndexResult]) -> [Block] {
        var blocks: [Block] = []
        if !published.isEmpty {
            blocks.append(
                .paragraph(
                    Paragraph("\(Self.latestResults(context)) như sau:")))
            var items: [Paragraph] = []
            for result in published {
                check(result)
                items.append(Paragraph(statement(result)))
                addFindings(result)
            }
            blocks.append(.list(items))
            blocks.append(.table(table(published)))
            blocks += charts(published).map { Block.chart($0) }
            if let newer = newerResults(published) { blocks.append(.paragraph(Paragraph(newer))) }
        }
        if !missing.isEmpty {
            blocks.append(.paragraph(Paragraph(missingSentence(missing))))
            for result in missing { reportMissing(result) }
        }
        return blocks
    }

    /// What the section lists: results already published, the latest the office has gathered —
    /// never results "as of" the cut-off date, which would present them as current.
    static func latestResults(_ context: SectionContext) -> String {
        "Kết quả đã công bố gần nhất của các chỉ số của tỉnh mà \(context.plan.issuingBodyName) tổng hợp được"
    }

    /// "Chỉ số cải cách hành chính (PAR INDEX) năm 2024 đạt 90,02 %, tăng 1,36 điểm so với năm
    /// 2023; xếp thứ 12/63 tỉnh, thành phố, tăng 01 bậc so với năm 2023; thuộc nhóm A (theo …)."
    private func statement(_ result: IndexResult) -> String {
        var clauses: [String] = []
        if let s = scoreClause(result, change: true) { clauses.append(s) }
        if let r = rankClause(result, change: true) { clauses.append(r) }
        if let group = result.group { clauses.append(groupClause(group)) }
        var text = "\(head(result)) \(clauses.joined(separator: "; "))"
        if !result.publications.isEmpty { text += " (theo \(result.publications.joined(separator: "; ")))" }
        return text + "."
    }

    /// The subject of a statement: "Chỉ số … (PAR INDEX) năm 2024", or for a rank alone
    /// "Kết quả Bộ chỉ số … năm 2025: tỉnh".
    private func head(_ result: IndexResult) -> String {
        let name = result.spec.name
        if result.score?.number == nil {
            let when = result.year.map { " năm \($0)" } ?? " đã công bố gần nhất"
            return "Kết quả \(name)\(when): tỉnh"
        }
        return result.year.map { "\(name) năm \($0)" } ?? "\(name), theo kết quả đã công bố gần nhất,"
    }

    /// "đạt 90,02 %, tăng 1,36 điểm so với năm 2023".
    private func scoreClause(_ result: IndexResult, change withChange: Bool) -> String? {
        guard let figure = result.score, let value = figure.number else { return nil }
        var text = "đạt \(scoreText(value, result.spec, inTable: false))"
        if withChange, let phrase = scorePhrase(scoreChange(figure), result.spec) { text += ", \(phrase)" }
        return text
    }

    /// "xếp thứ 12/63 tỉnh, thành phố, tăng 01 bậc so với năm 2023", or with ranks out of
    /// different totals "xếp thứ 23/34 tỉnh, thành phố (năm 2024 xếp thứ 40/63; …)".
    private func rankClause(_ result: IndexResult, change withChange: Bool) -> String? {
        guard let figure = result.rank, let value = figure.number else { return nil }
        var text = "xếp thứ \(rankText(value, figure.outOf))"
        if figure.outOf != nil { text += " tỉnh, thành phố" }
        if let rankYear = figure.year, let year = result.year, rankYear != year { text += " (kết quả năm \(rankYear))" }
        guard withChange else { return text }
        let change = rankChange(figure)
        switch change {
        case .comparable:
            if let phrase = rankPhrase(change) { text += ", \(phrase)" }
        case .differentTotals(let e):
            text +=
                " (năm \(e.year) xếp thứ \(rankText(e.value, e.outOf)); do tổng số tỉnh, thành phố được xếp hạng của hai năm khác nhau"
                + " nên không so sánh thứ hạng)"
        case .none, .unknownTotal:
            break
        }
        return text
    }

    private func groupClause(_ group: String) -> String {
        group.lowercased().hasPrefix("nhóm") ? "thuộc \(Wording.lowercasedFirst(group))" : "thuộc nhóm \(group)"
    }

    // MARK: Changes

    /// A score compares with the earlier result unless both state a scale and the scales differ.
    private func scoreChange(_ figure: Figure) -> Change {
        guard let value = figure.number, let e = figure.earlier else { return .none }
        if let a = figure.outOf, let b = e.outOf, a != b { return .differentTotals(earlier: e) }
        return .comparable(gain: value - e.value, earlier: e)
    }

    /// Places are compared only when both ranks are out of the same number of provinces.
    private func rankChange(_ figure: Figure) -> Change {
        guard let value = figure.number, let e = figure.earlier else { return .none }
        guard let now = figure.outOf, let then = e.outOf else { return .unknownTotal(earlier: e) }
        guard now == then else { return .differentTotals(earlier: e) }
        return .comparable(gain: e.value - value, earlier: e)
    }

    /// "tăng 1,36 điểm so với năm 2023".
    private func scorePhrase(_ change: Change, _ spec: IndexSpec) -> String? {
        guard let gain = change.gain, let e = change.earlier else { return nil }
        if abs(gain) < 1e-9 { return "bằng kết quả năm \(e.year)" }
        return
            "\(gain > 0 ? "tăng" : "giảm") \(VietnameseFormat.fixed(abs(gain), fractionDigits: decimals(spec))) điểm so với năm \(e.year)"
    }

    /// "tăng 01 bậc so với năm 2023" (a smaller rank is better).
    private func rankPhrase(_ change: Change) -> String? {
        guard let gain = change.gain, let e = change.earlier else { return nil }
        let places = Int(abs(gain).rounded())
        if places == 0 { return "giữ nguyên thứ hạng so với năm \(e.year)" }
        return "\(gain > 0 ? "tăng" : "giảm") \(VietnameseFormat.quantity(Double(places))) bậc so với năm \(e.year)"
    }

    // MARK: Findings

    /// A gain in points or (comparable) places is an achievement; a loss is a limitation, with
    /// the unit's note on the figure as its cause. Only for a result published within this
    /// period (`publishedInPeriod`): an older result is no achievement of this period.
    private mutating func addFindings(_ result: IndexResult) {
        guard publishedInPeriod(result) else { return }
        var better: [String] = []
        var worse: [String] = []
        if let figure = result.score, let value = figure.number, let gain = scoreChange(figure).gain, abs(gain) >= 1e-9,
            let phrase = scorePhrase(scoreChange(figure), result.spec)
        {
            let clause = "đạt \(scoreText(value, result.spec, inTable: false)), \(phrase)"
            if gain > 0 { better.append(clause) } else { worse.append(clause) }
        }
        if let figure = result.rank, let gain = rankChange(figure).gain, Int(abs(gain).rounded()) > 0,
            let base = rankClause(result, change: false), let phrase = rankPhrase(rankChange(figure))
        {
            let clause = "\(base), \(phrase)"
            if gain > 0 { better.append(clause) } else { worse.append(clause) }
        }
        let sources = [result.score, result.rank].compactMap { $0 }.flatMap(\.sources)
        if !better.isEmpty {
            achievements.append(Finding("\(head(result)) \(better.joined(separator: "; "))", sources: sources))
        }
        if !worse.isEmpty {
            let notes = [result.score, result.rank].compactMap { $0 }.flatMap(\.notes).filter { !$0.isEmpty }
            limitations.append(
                Finding(
                    "\(head(result)) \(worse.joined(separator: "; "))", cause: notes.isEmpty ? nil : notes.joined(separator: "; "),
                    sources: sources))
        }
    }

    /// Whether the result was published within the period's cut-off window: by the date of the
    /// publishing decision when its text gives one ("… ngày 28/3/2025"), else by the index's
    /// publication calendar (`IndexSpec.calendar`). A result of unknown year, or of an index
    /// without a calendar and without a dated publication, is not counted as new.
    func publishedInPeriod(_ result: IndexResult) -> Bool {
        guard let year = result.year else { return false }
        let window = context.window
        let dates = result.publications.compactMap(Self.lastDate)
        if !dates.isEmpty { return dates.contains { $0 >= window.start && $0 <= window.end } }
        guard let calendar = result.spec.calendar, let from = CivilDate(year: year + 1, month: calendar.from, day: 1),
            let to = calendar.end(ofYear: year + 1)
        else { return false }
        return from <= window.end && to >= window.start
    }

    // MARK: Table and chart

    private func table(_ published: [IndexResult]) -> Table {
        let columns = [
            Table.Column("Chỉ số", width: 1.4), Table.Column("Năm kết quả", alignment: .center, width: 0.8),
            Table.Column("Điểm", unit: "thang", alignment: .right, width: 1.1), Table.Column("Thay đổi", width: 1.6),
            Table.Column("Xếp hạng", alignment: .center, width: 0.9), Table.Column("Thay đổi thứ hạng", width: 1.6),
            Table.Column("Nhóm", alignment: .center, width: 0.7), Table.Column("Văn bản công bố", width: 2.2),
        ]
        var rows: [[Cell]] = []
        var totals: [(Double, Double)] = []
        for result in published {
            var row = [Cell(result.spec.short), Cell(result.year.map(String.init) ?? "—")]
            if let figure = result.score, let value = figure.number {
                row.append(Cell(scoreText(value, result.spec, inTable: true), value: value, figures: [context.figureID(figure)]))
                row.append(Cell(scorePhrase(scoreChange(figure), result.spec).map(context.capitalized) ?? "—"))
            } else {
                row += [Cell("—"), Cell("—")]
            }
            if let figure = result.rank, let value = figure.number {
                row.append(Cell(rankText(value, figure.outOf), value: value, figures: [context.figureID(figure)]))
                let change = rankChange(figure)
                switch change {
                case .comparable: row.append(Cell(rankPhrase(change).map(context.capitalized) ?? "—"))
                case .differentTotals(let e):
                    row.append(Cell("Không so sánh được (năm \(e.year): \(rankText(e.value, e.outOf)))"))
                    if let now = figure.outOf, let then = e.outOf { totals.append((then, now)) }
                case .none, .unknownTotal: row.append(Cell("—"))
                }
            } else {
                row += [Cell("—"), Cell("—")]
            }
            row.append(Cell(result.group ?? "—"))
            row.append(Cell(result.publications.isEmpty ? "—" : result.publications.joined(separator: "; ")))
            rows.append(row)
        }
        var note: String?
        if !totals.isEmpty {
            let pairs = Wording.unique(totals.map { "\(count($0.0)) và \(count($0.1))" })
            note =
                "Thứ hạng xếp trên tổng số tỉnh, thành phố khác nhau (\(pairs.joined(separator: "; "))) không so sánh được với nhau nên không tính tăng, giảm bậc."
        }
        return Table(
            caption: Self.latestResults(context), columns: columns,
            rows: rows, note: note)
    }

    /// The charts the plan's option `chart` asks for: by default the first index (in the order
    /// PAR INDEX, SIPAS, PAPI, PCI, DTI, POBI) that has two years of results; `true` every such
    /// index, `false` none, a list of score ids those.
    private func charts(_ published: [IndexResult]) -> [Chart] {
        switch context.area.options["chart"] {
        case .flag(let on): return on ? published.compactMap(chart) : []
        case .list(let ids): return published.filter { $0.spec.score.map(ids.contains) ?? false }.compactMap(chart)
        case .text(let id): return published.filter { $0.spec.score == id }.compactMap(chart)
        case .number, nil: return published.lazy.compactMap(chart).first.map { [$0] } ?? []
        }
    }

    /// Years × score for an index whose result comes with a comparable earlier one.
    private func chart(_ result: IndexResult) -> Chart? {
        guard let figure = result.score, let value = figure.number, let year = result.year, case .comparable(_, let e) = scoreChange(figure)
        else { return nil }
        let unit = measure(result.spec) == "%" ? "%" : "điểm"
        return Chart(
            kind: .bar, title: "\(result.spec.short) của tỉnh năm \(e.year) và năm \(year)", categories: [String(e.year), String(year)],
            series: [Chart.Series(name: result.spec.short, values: [e.value, value])], unit: unit)
    }

    // MARK: Newer results, missing results

    /// "So với quý II năm 2026, trong kỳ đã cập nhật kết quả mới: PAR INDEX năm 2024 (kỳ trước là
    /// kết quả năm 2023)." Only the result years are compared, never the values.
    private func newerResults(_ published: [IndexResult]) -> String? {
        guard let previous = context.previous else { return nil }
        var items: [String] = []
        for result in published {
            guard let year = result.year else { continue }
            let ids = [result.spec.score, result.spec.rank].compactMap { $0 }
            let before = ids.compactMap { previous.totals[$0]?.year }.max()
            if let before, before < year { items.append("\(result.spec.short) năm \(year) (kỳ trước là kết quả năm \(before))") }
        }
        guard !items.isEmpty else { return nil }
        return "So với \(previous.period.label), trong kỳ đã cập nhật kết quả mới của \(items.joined(separator: "; "))."
    }

    /// "Văn phòng UBND tỉnh chưa tổng hợp được kết quả các chỉ số SIPAS, POBI và Bộ chỉ số 766."
    /// The office has not gathered them; whether they are published is not what the data say.
    private func missingSentence(_ missing: [IndexResult]) -> String {
        let indices = missing.filter { !$0.spec.isIndexSet }.map(\.spec.short)
        let sets = missing.filter(\.spec.isIndexSet).map(\.spec.short)
        var names: [String] = []
        if indices.count == 1 { names.append("chỉ số \(indices[0])") }
        if indices.count > 1 { names.append("các chỉ số \(indices.joined(separator: ", "))") }
        names += sets
        let subject = names.count > 1 ? names.dropLast().joined(separator: ", ") + " và " + names.last! : names[0]
        return "\(context.plan.issuingBodyName) chưa tổng hợp được kết quả \(subject)."
    }

    private mutating func reportMissing(_ result: IndexResult) {
        let ids = [result.spec.score, result.spec.rank].compactMap { $0 }.filter { context.indicator($0) != nil }
        let reporters = Wording.unique(ids.flatMap { context.indicator($0)?.reportedBy ?? [] }).map { context.unitName($0) }
        let who = reporters.isEmpty ? "" : "; nếu đã có kết quả công bố, đề nghị \(reporters.joined(separator: ", ")) cập nhật"
        diagnostics.append(
            context.warning(
                "\(result.spec.short): chưa có kết quả trong số liệu \(context.period.label) (\(ids.joined(separator: ", ")))\(who) (no result for the index)"
            ))
    }

    // MARK: Checks

    /// Diagnostics for the officer: what a published result lacks, or what looks wrong in it.
    private mutating func check(_ result: IndexResult) {
        let short = result.spec.short
        let at = result.location ?? context.area.location
        func warn(_ message: String) { diagnostics.append(.warning(at, "\(short): \(message)")) }
        if result.year == nil {
            warn("thiếu năm của kết quả (year), báo cáo không nêu được kết quả thuộc năm nào (result year missing)")
        }
        if result.publications.isEmpty {
            warn("thiếu văn bản, tài liệu công bố kết quả (source) (publication missing)")
        }
        if let rank = result.rank, rank.number != nil {
            if rank.outOf == nil {
                warn("thứ hạng thiếu tổng số tỉnh, thành phố được xếp hạng (out_of), ví dụ 12/63 (rank without out_of)")
            }
            if case .unknownTotal(let e) = rankChange(rank) {
                warn(
                    "thiếu tổng số được xếp hạng (out_of) của thứ hạng năm \(e.year) hoặc của kết quả mới nên không so sánh được thứ hạng (cannot compare ranks)"
                )
            }
        }
        if let a = result.score?.year, let b = result.rank?.year, a != b {
            warn("năm của điểm số (\(a)) và của thứ hạng (\(b)) khác nhau (score and rank of different years)")
        }
        if let year = result.year {
            if year > context.period.year {
                warn(
                    "kết quả năm \(year) muộn hơn năm của kỳ báo cáo (\(context.period.year)); cần kiểm tra năm kết quả (result year after the period)"
                )
            } else if let calendar = result.spec.calendar, let expected = calendar.latestYear(publishedBy: context.window.end),
                year < expected
            {
                warn(
                    "kết quả năm \(year) có thể chưa phải kết quả công bố gần nhất: chỉ số này thường được công bố \(calendar.description) "
                        + "nên đến ngày \(VietnameseFormat.shortDate(context.window.end)) có thể đã có kết quả năm \(expected); "
                        + "đề nghị kiểm tra, cập nhật (result may be outdated)")
            }
        }
        for publication in result.publications {
            if let date = Self.lastDate(in: publication), date > context.window.end {
                warn(
                    "văn bản công bố ngày \(VietnameseFormat.shortDate(date)) sau thời điểm chốt số liệu (\(VietnameseFormat.shortDate(context.window.end))) của \(context.period.label) (published after the cut-off)"
                )
            }
        }
    }

    /// The last date written d/m/yyyy in a text: "Quyết định 268/QĐ-BNV ngày 28/3/2025" → 2025-03-28.
    static func lastDate(in text: String) -> CivilDate? {
        if let fast = lastASCIIDate(in: text) { return fast }
        return lastDateByRegex(in: text)
    }

    /// `lastDate` by the regular expression: the reference, and the path for texts where a digit
    /// or a slash touches a non-ASCII character (another script's digits, a combining mark).
    static func lastDateByRegex(in text: String) -> CivilDate? {
        let pattern = #/(\d{1,2})/(\d{1,2})/(\d{4})/#
        var found: CivilDate?
        for match in text.matches(of: pattern) {
            if let d = Int(match.output.1), let m = Int(match.output.2), let y = Int(match.output.3),
                let date = CivilDate(year: y, month: m, day: d)
            {
                found = date
            }
        }
        return found
    }

    /// `lastDate` over the UTF-8 bytes, about a hundred times cheaper than the regular
    /// expression (which took a tenth of a report's plugin time). nil when the text has a digit
    /// or a slash next to a non-ASCII byte: there the regular expression, which reads characters
    /// and Unicode digits, may see other matches. Otherwise `.some` of the date, or of nil.
    static func lastASCIIDate(in text: String) -> CivilDate?? {
        var text = text
        return text.withUTF8 { bytes -> CivilDate?? in
            let count = bytes.count
            func isDigit(_ i: Int) -> Bool { i < count && bytes[i] &- 0x30 < 10 }
            func isSlash(_ i: Int) -> Bool { i < count && bytes[i] == UInt8(ascii: "/") }
            for i in 0..<count where bytes[i] >= 0x80 {
                if (i > 0 && (isDigit(i - 1) || isSlash(i - 1))) || isDigit(i + 1) || isSlash(i + 1) { return nil }
            }
            func number(_ start: Int, _ length: Int) -> Int {
                var n = 0
                for i in start..<(start + length) { n = n * 10 + Int(bytes[i] &- 0x30) }
                return n
            }
            // The regular expression's matches, left to right without overlap: at each start
            // the day takes two digits if it can, else one; the month likewise.
            func match(at start: Int) -> (end: Int, day: Int, month: Int, year: Int)? {
                for dayLength in [2, 1] where (0..<dayLength).allSatisfy({ isDigit(start + $0) }) && isSlash(start + dayLength) {
                    let monthStart = start + dayLength + 1
                    for monthLength in [2, 1]
                    where (0..<monthLength).allSatisfy({ isDigit(monthStart + $0) }) && isSlash(monthStart + monthLength) {
                        let yearStart = monthStart + monthLength + 1
                        if (0..<4).allSatisfy({ isDigit(yearStart + $0) }) {
                            return (yearStart + 4, number(start, dayLength), number(monthStart, monthLength), number(yearStart, 4))
                        }
                    }
                }
                return nil
            }
            var found: CivilDate?
            var i = 0
            while i < count {
                if let m = match(at: i) {
                    if let date = CivilDate(year: m.year, month: m.month, day: m.day) { found = date }
                    i = m.end
                } else {
                    i += 1
                }
            }
            return .some(found)
        }
    }

    // MARK: Communication of the results

    private mutating func communicationBlocks(_ published: [IndexResult]) -> [Block] {
        let news = context.total(Self.newsID)
        let activities = context.activities
        let label = Wording.lowercasedFirst(
            context.indicator(Self.newsID)?.label ?? "tin, bài, tài liệu tuyên truyền, phổ biến kết quả các chỉ số")
        let task = context.tasks.first { $0.indicators.contains(Self.newsID) }?.number
        let requirement = task.map { "theo yêu cầu tại mục \($0) của Kế hoạch" } ?? "theo yêu cầu của Kế hoạch"
        var blocks: [Block] = []
        if context.indicator(Self.newsID) != nil && news?.number == nil {
            diagnostics.append(
                context.warning(
                    "Chưa có số liệu \(Self.newsID) (\(label)) \(context.period.label) nên chưa đánh giá được việc tuyên truyền kết quả các chỉ số (missing figure)"
                ))
        }
        if let news, let n = news.number {
            let who = Wording.unique(news.sources.map(\.unit)).map { context.unitName($0) }
            let subject = who.isEmpty ? "" : "\(who.joined(separator: ", ")) "
            if n > 0 {
                var text = "Trong kỳ, \(subject)đã thực hiện \(context.format(n, Self.newsID)) \(label)"
                if let note = context.changeNote(Self.newsID, PeriodMentions()) { text += " (\(note))" }
                blocks.append(.paragraph(Paragraph(text + ".")))
                achievements.append(
                    Finding(
                        "Đã thực hiện \(context.format(n, Self.newsID)) \(label) \(requirement)", sources: news.sources,
                        subject: Self.newsID))
            } else {
                blocks.append(.paragraph(Paragraph("Trong kỳ, chưa có \(label).")))
                let current = published.map { r in r.year.map { "\(r.spec.short) năm \($0)" } ?? r.spec.short }
                if !current.isEmpty {
                    limitations.append(
                        Finding(
                            "Trong kỳ, chưa có \(label) \(requirement), trong khi đã có kết quả \(current.joined(separator: ", ")) được cập nhật",
                            cause: news.notes.isEmpty ? nil : news.notes.joined(separator: "; "), sources: news.sources,
                            subject: Self.newsID))
                    nextTasks.append(
                        Finding("Tuyên truyền, phổ biến kết quả \(current.joined(separator: ", ")) \(requirement)", sources: news.sources))
                }
            }
        }
        if !activities.isEmpty {
            blocks.append(.paragraph("Các hoạt động đã triển khai trong kỳ:"))
            blocks.append(.list(activities.map { Paragraph(Wording.sentence($0.text)) }))
        }
        return blocks
    }

    // MARK: Formatting

    private func measure(_ spec: IndexSpec) -> String? { spec.score.flatMap { context.indicator($0)?.measure } }

    /// Decimals of a score and of its change, the same in every row: four on a 0–1 scale (DTI
    /// 0,5478), two otherwise (PCI 65,50; PAR INDEX 90,02 %).
    private func decimals(_ spec: IndexSpec) -> Int {
        let top = spec.score.flatMap { context.indicator($0)?.scaleMax }
        return (top ?? 100) <= 1 ? 4 : 2
    }

    /// A score with its scale: "90,02 %", "40,87/80 điểm", "0,5478 điểm (thang điểm 0–1)"; in a
    /// table whose header names the scale: "90,02 %", "40,87/80", "0,5478 (0–1)".
    private func scoreText(_ value: Double, _ spec: IndexSpec, inTable: Bool) -> String {
        let number = VietnameseFormat.fixed(value, fractionDigits: decimals(spec))
        if measure(spec) == "%" { return "\(number) %" }
        guard let top = spec.score.flatMap({ context.indicator($0)?.scaleMax }) else { return inTable ? number : "\(number) điểm" }
        if top == 1 { return inTable ? "\(number) (0–1)" : "\(number) điểm (thang điểm 0–1)" }
        return inTable ? "\(number)/\(count(top))" : "\(number)/\(count(top)) điểm"
    }

    /// "12/63", or "12" when the total is not given.
    private func rankText(_ value: Double, _ outOf: Double?) -> String {
        outOf.map { "\(count(value))/\(count($0))" } ?? count(value)
    }

    private func count(_ value: Double) -> String { VietnameseFormat.number(value, fractionDigits: 0) }
}
