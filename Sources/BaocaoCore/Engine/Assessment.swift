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

    /// The submitted values behind figures that measure an earlier period than the report's
    /// (a published result's `year` before the period's year).
    var oldSources: Set<SourceReference> {
        var out = Set<SourceReference>()
        let figures = Array(current.totals.values) + current.byUnit.values.flatMap(\.values)
        for figure in figures {
            guard let year = figure.year, year < period.year else { continue }
            out.formUnion(figure.sources)
        }
        return out
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
