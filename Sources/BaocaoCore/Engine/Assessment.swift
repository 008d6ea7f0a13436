/// Checks on the findings of all sections before they are merged into part II, so that the
/// overall assessment says nothing the report contradicts:
///
/// - an achievement that rests on a result of an earlier period (a published index of an
///   earlier year) is not an achievement of this period and is left out;
/// - an achievement and a limitation with the same subject and requirement, in one section or
///   in two, are an error located at the achievement's data (or the area), and the
///   achievement is left out of the text;
/// - a limitation without a cause is a warning located where it came from.
struct Assessment {
    let plan: Plan
    let period: Period
    /// This period's data, all areas.
    let current: PeriodData

    struct Result {
        var sections: [Engine.AreaSection]
        var diagnostics: [Diagnostic]
    }

    func check(_ sections: [Engine.AreaSection]) -> Result {
        var sections = sections
        var diagnostics: [Diagnostic] = []
        let old = oldSources
        for index in sections.indices {
            sections[index].section.achievements.removeAll { finding in
                finding.sources.contains { old.contains($0) }
            }
        }
        // Every limitation with a key, in the order of the sections, with where it is.
        var limitations: [Finding.Key: (text: String, area: ContentArea)] = [:]
        for s in sections {
            for finding in s.section.limitations {
                if let key = finding.key, limitations[key] == nil { limitations[key] = (finding.text, s.area) }
            }
        }
        for item in current.narratives where item.kind == .limitation {
            guard let indicator = item.indicator else { continue }
            let key = Finding.Key(subject: indicator)
            if limitations[key] == nil, let area = plan.area(ofIndicator: indicator) ?? item.area.flatMap({ plan.area($0) }) {
                limitations[key] = (item.text, area)
            }
        }
        for index in sections.indices {
            let area = sections[index].area
            sections[index].section.achievements.removeAll { finding in
                guard let key = finding.key, let limitation = limitations[key] else { return false }
                let location =
                    finding.sources.first.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column) } ?? area.location
                let places =
                    limitation.area.id == area.id ? "phần “\(area.title)”" : "phần “\(area.title)” và phần “\(limitation.area.title)”"
                diagnostics.append(
                    .error(
                        location,
                        "ưu điểm và hạn chế mâu thuẫn về cùng nội dung (\(key)) trong \(places): “\(Wording.clause(finding.text))” — “\(Wording.clause(limitation.text))”; ưu điểm này không được đưa vào báo cáo (contradictory achievement and limitation)"
                    ))
                return true
            }
        }
        diagnostics += causeless(sections)
        return Result(sections: sections, diagnostics: diagnostics)
    }

    /// The submitted values behind published results of an earlier period than the report's.
    /// A result measuring two years or more before the period's year was published before the
    /// period (indices come out within the year after the one they measure). A result of the
    /// year before may be news of this period: it is old only when its publication, dated in its
    /// `source` ("Quyết định … ngày 28/3/2025"), comes before the period's window. Otherwise the
    /// plugin, which knows each index's calendar, decides.
    var oldSources: Set<SourceReference> {
        var out = Set<SourceReference>()
        let window = plan.window(of: period)
        let figures = Array(current.totals.values) + current.byUnit.values.flatMap(\.values)
        for figure in figures {
            guard let year = figure.year, year < period.year else { continue }
            let publishedBefore = figure.source.flatMap(Self.lastDate).map { $0 < window.start } ?? false
            if year < period.year - 1 || publishedBefore { out.formUnion(figure.sources) }
        }
        return out
    }

    /// The last date written d/m/yyyy in a text ("ngày 20/3/2026"), if any.
    static func lastDate(in text: String) -> CivilDate? {
        var found: CivilDate?
        for token in text.split(whereSeparator: { !$0.isNumber && $0 != "/" }) {
            let parts = token.split(separator: "/")
            guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
                let date = CivilDate(year: y, month: m, day: d)
            else { continue }
            found = date
        }
        return found
    }

    /// A limitation without its cause, for the officer to complete.
    func causeless(_ sections: [Engine.AreaSection]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let message = { (text: String) in
            "hạn chế “\(Wording.clause(text))” chưa nêu nguyên nhân; phần II của báo cáo cần nêu hạn chế kèm nguyên nhân (limitation without a cause)"
        }
        for s in sections {
            for finding in s.section.limitations where (finding.cause ?? "").isEmpty {
                let location =
                    finding.sources.first.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column) } ?? s.area.location
                out.append(.warning(location, message(finding.text)))
            }
        }
        for item in current.narratives where item.kind == .limitation && (item.cause ?? "").isEmpty {
            out.append(.warning(item.location, message(item.text)))
        }
        return out
    }
}
