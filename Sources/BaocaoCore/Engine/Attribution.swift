import Foundation

/// Who did what. Units write their narratives for themselves ("tại họp giao ban tháng của
/// phòng", "khu vực hỗ trợ của Trung tâm"); once the engine merges them into one report those
/// words no longer say which unit. Before any plugin sees the narratives, this
///
/// - resolves a unit's references to itself ("của phòng", "của Trung tâm") to its name;
/// - names the acting unit at the head of an activity that does not name it;
/// - states once an activity that two units describe, each as coordinating with the other
///   (the version of the unit that leads the task is kept).
struct Attribution {
    let plan: Plan

    func apply(_ items: [NarrativeItem]) -> [NarrativeItem] {
        let units = Dictionary(plan.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = items.map { item -> NarrativeItem in
            guard let unit = units[item.unit] else { return item }
            var item = item
            // An activity gets its actor at its head; "của phòng" after it then reads back to
            // that name, as an officer writes. Other items have no actor: their references to
            // the unit are resolved.
            item.text =
                item.kind == .activity
                ? Self.namingActor(item.text, unit: unit) : Self.resolvingSelfReferences(item.text, unit: unit)
            if let cause = item.cause { item.cause = Self.resolvingSelfReferences(cause, unit: unit) }
            return item
        }
        return leadsFirst(mergingSharedActivities(items, units: units))
    }

    /// Activities a unit wrote about helping another unit of the plan ("phối hợp với Trung tâm
    /// Thông tin …"), and those of units that only coordinate the task, come after the others, so
    /// that such an item follows the other unit's own items instead of sitting among them.
    /// Otherwise the order is kept.
    func leadsFirst(_ items: [NarrativeItem]) -> [NarrativeItem] {
        let leads = Dictionary(plan.tasks.map { ($0.number, Set($0.lead)) }, uniquingKeysWith: { first, _ in first })
        let reporting = plan.reportingUnits
        func rank(_ item: NarrativeItem) -> Int {
            guard item.kind == .activity else { return 0 }
            if let task = item.task, let lead = leads[task], !lead.contains(item.unit) { return 1 }
            guard item.text.lowercased().contains("phối hợp với") else { return 0 }
            return reporting.contains { $0.id != item.unit && Self.names(item.text, $0) } ? 1 : 0
        }
        return items.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// "Tiếp tục hướng dẫn …" by Trung tâm X → "Trung tâm X tiếp tục hướng dẫn …"; a text that
    /// already names the unit is kept.
    static func namingActor(_ text: String, unit: PlanUnit) -> String {
        let trimmed = Whitespace.trimmed(text, newlines: true)
        guard !trimmed.isEmpty, !names(trimmed, unit) else { return text }
        return "\(unit.shortName) \(Wording.lowercasedFirst(trimmed))"
    }

    /// Whether the text names the unit (its short or full name, in any case).
    static func names(_ text: String, _ unit: PlanUnit) -> Bool {
        let lower = text.lowercased()
        return lower.contains(unit.shortName.lowercased()) || lower.contains(unit.name.lowercased())
    }

    /// The first reference of a unit to itself ("của phòng", "tại Trung tâm", "Trung tâm đã …")
    /// replaced with its name, unless the text already names it (then the short reference reads
    /// back to that name). Later references are kept short, as an officer would write.
    static func resolvingSelfReferences(_ text: String, unit: PlanUnit) -> String {
        guard !names(text, unit) else { return text }
        let patterns: [String]
        let generic: String
        if unit.shortName.hasPrefix("Phòng") {
            generic = "phòng"
            patterns = ["của phòng", "giao ban phòng"]
        } else if unit.shortName.hasPrefix("Trung tâm") {
            generic = "Trung tâm"
            patterns = ["của Trung tâm", "tại Trung tâm", "Trung tâm"]
        } else {
            return text
        }
        var best: Range<String.Index>?
        for pattern in patterns {
            var from = text.startIndex
            while let found = text.range(of: pattern, range: from..<text.endIndex) {
                if isBoundedReference(text, found) {
                    if best == nil || found.lowerBound < best!.lowerBound { best = found }
                    break
                }
                from = found.upperBound
            }
        }
        guard let range = best, let genericRange = text.range(of: generic, range: range) else { return text }
        var out = text
        out.replaceSubrange(genericRange, with: unit.shortName)
        return out
    }

    /// Words that may follow a unit's reference to itself: the sentence goes on, it does not
    /// continue a longer name ("Trung tâm dữ liệu", "Trung tâm Thông tin").
    static let followers: Set<Substring> = [
        "và", "để", "trong", "theo", "với", "từ", "nhằm", "đã", "đang", "sẽ", "tiếp", "chưa", "được", "cho", "khi",
    ]

    static func isBoundedReference(_ text: String, _ range: Range<String.Index>) -> Bool {
        if range.lowerBound > text.startIndex {
            let before = text[text.index(before: range.lowerBound)]
            guard before.isWhitespace || before.isPunctuation else { return false }
            // "các phòng": several divisions, not the unit itself.
            if text[..<range.lowerBound].hasSuffix("các ") { return false }
        }
        let rest = text[range.upperBound...]
        guard let next = rest.first else { return true }
        if ".;:)".contains(next) { return true }
        if next == "," { return !rest.dropFirst().hasPrefix(" đơn vị") }
        guard next == " " else { return false }
        let word = rest.dropFirst().prefix { !$0.isWhitespace && !$0.isPunctuation }
        return followers.contains(word)
    }

    /// Two activities of one task (or of one area) by two units, each naming the other, are one
    /// activity: the lead unit's version stays. Only activities that say they coordinate are
    /// compared, within their period and task (or area).
    func mergingSharedActivities(_ items: [NarrativeItem], units: [String: PlanUnit]) -> [NarrativeItem] {
        var groups: [String: [Int]] = [:]
        for (index, item) in items.enumerated() where item.kind == .activity && Self.coordinates(item.text) {
            groups["\(item.period.code)|\(item.task.map { "task:\($0)" } ?? "area:\(item.area ?? "")")", default: []].append(index)
        }
        let leads = Dictionary(plan.tasks.map { ($0.number, $0.lead) }, uniquingKeysWith: { first, _ in first })
        var dropped = Set<Int>()
        for key in groups.keys.sorted() {
            let group = groups[key]!
            guard Set(group.map { items[$0].unit }).count > 1 else { continue }
            for (position, i) in group.enumerated() where !dropped.contains(i) {
                for j in group[(position + 1)...] where !dropped.contains(j) {
                    let a = items[i]
                    let b = items[j]
                    guard a.unit != b.unit, let ua = units[a.unit], let ub = units[b.unit], Self.names(a.text, ub), Self.names(b.text, ua)
                    else { continue }
                    let lead = a.task.flatMap { leads[$0] } ?? []
                    let keepB = lead.contains(b.unit) && !lead.contains(a.unit)
                    dropped.insert(keepB ? i : j)
                    if keepB { break }
                }
            }
        }
        return items.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    static func coordinates(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("phối hợp") || lower.contains("cùng với")
    }
}
