import Foundation

/// A reference from one part of a plan to another, as written, with its location.
struct PlanReference {
    enum Kind: String {
        case unit = "đơn vị (unit)"
        case area = "lĩnh vực (content area)"
        case indicator = "chỉ tiêu (indicator)"
        case plugin = "plugin"
    }

    var kind: Kind
    var id: String
    var location: SourceLocation
    var context: String
}

/// Checks what can only be checked once the whole plan is read: unique ids, references that
/// resolve, options the plugins accept, rates built from counts.
struct PlanChecker {
    let plan: Plan
    let plugins: [PluginDescriptor]
    let references: [PlanReference]
    let bag: DiagnosticBag

    func check() {
        identifiers()
        duplicates(plan.units.map { ($0.id, $0.location) }, "đơn vị (unit)")
        duplicates(plan.areas.map { ($0.id, $0.location) }, "lĩnh vực (content area)")
        duplicates(plan.indicators.map { ($0.id, $0.location) }, "chỉ tiêu (indicator)")
        duplicates(plan.tasks.map { ($0.number, $0.location) }, "nhiệm vụ (task)")
        duplicates(plan.purposes.map { ($0.number, $0.location) }, "mục đích (purpose)")
        duplicates(plan.requirements.map { ($0.number, $0.location) }, "yêu cầu (requirement)")
        duplicates(plan.organization.map { ($0.number, $0.location) }, "mục tổ chức thực hiện (organization)")
        duplicates(plan.reporting.periods.map { ($0.kind, $0.location) }, "kỳ báo cáo (reported period)")
        resolveReferences()
        checkAreas()
        checkIndicators()
        checkOverlaps()
        checkRules()
    }

    /// Ids become file names, data keys and form cells: plain ASCII only (`PlanIdentifier`).
    private func identifiers() {
        let ids: [(String, SourceLocation, String)] =
            plan.units.map { ($0.id, $0.location, "đơn vị (unit)") } + plan.areas.map { ($0.id, $0.location, "lĩnh vực (content area)") }
            + plan.indicators.map { ($0.id, $0.location, "chỉ tiêu (indicator)") }
        for (id, location, what) in ids where !PlanIdentifier.isValid(id) {
            bag.error(location, "mã \(what) '\(id)' không hợp lệ: mã \(PlanIdentifier.rule) (invalid id)")
        }
        for task in plan.tasks where !PlanIdentifier.isValidTaskNumber(task.number) {
            bag.error(
                task.location,
                "số hiệu nhiệm vụ (task) '\(task.number)' không hợp lệ: số hiệu \(PlanIdentifier.taskNumberRule) (invalid task number)")
        }
    }

    func duplicates(_ items: [(String, SourceLocation)], _ what: String) {
        var first: [String: SourceLocation] = [:]
        for (id, location) in items {
            if let earlier = first[id] {
                bag.error(location, "mã \(what) '\(id)' bị trùng; đã khai báo ở dòng \(earlier.line) (duplicate id)")
            } else {
                first[id] = location
            }
        }
    }

    private func resolveReferences() {
        let known: [PlanReference.Kind: [String]] = [
            .unit: plan.units.map(\.id),
            .area: plan.areas.map(\.id),
            .indicator: plan.indicators.map(\.id),
            .plugin: plugins.map(\.id),
        ]
        for ref in references {
            let candidates = known[ref.kind] ?? []
            guard !candidates.contains(ref.id) else { continue }
            var message = "\(ref.context): không có \(ref.kind.rawValue) '\(ref.id)' trong kế hoạch"
            if ref.kind == .plugin { message = "\(ref.context): không có plugin '\(ref.id)'" }
            if let near = YMapping.nearest(ref.id, in: candidates) {
                message += "; có phải là '\(near)'? (did you mean '\(near)'?)"
            } else {
                message += "; cần một trong: \(candidates.sorted().joined(separator: ", "))"
            }
            bag.error(ref.location, message)
        }
    }

    private func checkAreas() {
        for area in plan.areas {
            guard let descriptor = plugins.first(where: { $0.id == area.plugin }) else { continue }
            let accepted = Set(descriptor.options.map(\.key))
            for key in area.options.keys.sorted() where !accepted.contains(key) {
                let at = area.optionLocations[key] ?? area.location
                if Self.areaKeys.contains(key) {
                    // `template:` indented under `options:` instead of level with it.
                    bag.error(
                        at,
                        "areas '\(area.id)': '\(key)' là khóa của lĩnh vực, không phải tùy chọn của plugin; khóa này đang thụt lề "
                            + "vào trong 'options:' — hãy thụt lề '\(key):' bằng với 'options:' "
                            + "(area key indented under options: indent it like 'options:')")
                    continue
                }
                var list =
                    accepted.isEmpty ? "plugin này không có tùy chọn nào" : "cần một trong: \(accepted.sorted().joined(separator: ", "))"
                if let near = YMapping.nearest(key, in: Array(accepted)) { list = "có phải là '\(near)'? (did you mean '\(near)'?)" }
                bag.error(
                    at, "areas '\(area.id)': tùy chọn '\(key)' không được plugin '\(descriptor.id)' hỗ trợ; \(list) (unknown option)")
            }
            if let check = descriptor.checkArea { bag.append(contentsOf: check(area)) }
            let declared = Set(area.indicators.map(\.id))
            for id in descriptor.expectedIndicators where !declared.contains(id) {
                bag.warning(
                    area.location,
                    "areas '\(area.id)': plugin '\(descriptor.id)' cần chỉ tiêu '\(id)' nhưng lĩnh vực không khai báo; phần báo cáo sẽ thiếu nội dung này"
                )
            }
        }
    }

    /// Two areas that report the same thing write it twice, and may contradict each other (I.3
    /// "no violation" while a new area counts one): warn, at the later of the two, when two areas
    /// declare indicators with the same label or one indicator id made of whole words of the
    /// other's (`kiem_tra_cong_vu`, `ktcv_kiem_tra_cong_vu`), or when an area declares an
    /// indicator another area's plugin is written for.
    private func checkOverlaps() {
        let areas = plan.areas.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        for (index, area) in areas.enumerated() {
            for earlier in areas[..<index] {
                for indicator in area.indicators {
                    guard let other = earlier.indicators.first(where: { Self.sameSubject($0, indicator) }) else { continue }
                    bag.warning(
                        indicator.location,
                        "chỉ tiêu '\(indicator.id)' của lĩnh vực '\(area.id)' trùng nội dung với chỉ tiêu '\(other.id)' "
                            + "(“\(other.label)”, dòng \(other.location.line)) của lĩnh vực '\(earlier.id)': hai phần báo cáo sẽ nêu "
                            + "cùng một việc và có thể mâu thuẫn nhau; hãy dùng một chỉ tiêu ở một lĩnh vực (overlapping areas)")
                }
            }
            for indicator in area.indicators {
                for other in areas where other.id != area.id {
                    guard let descriptor = plugins.first(where: { $0.id == other.plugin }),
                        descriptor.expectedIndicators.contains(indicator.id)
                    else { continue }
                    bag.warning(
                        indicator.location,
                        "chỉ tiêu '\(indicator.id)' là chỉ tiêu của lĩnh vực '\(other.id)' (plugin '\(other.plugin)' viết về nó) nhưng "
                            + "được khai báo ở lĩnh vực '\(area.id)': hai phần báo cáo sẽ nêu cùng một việc (indicator of another area)")
                }
            }
        }
    }

    /// Whether two indicators report the same thing: the same label (letter case, punctuation and
    /// a leading "số", "tổng số", "số lượng" aside), or the id of one is whole words of the other's.
    static func sameSubject(_ a: Indicator, _ b: Indicator) -> Bool {
        if normalizedLabel(a.label) == normalizedLabel(b.label) { return true }
        let (short, long) = a.id.count <= b.id.count ? (a.id, b.id) : (b.id, a.id)
        guard short.split(separator: "_").count >= 2 else { return false }
        return long == short || long.hasSuffix("_" + short) || long.hasPrefix(short + "_") || long.contains("_" + short + "_")
    }

    static func normalizedLabel(_ label: String) -> String {
        var words = label.lowercased().precomposedStringWithCanonicalMapping
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
        for prefix in [["tổng", "số"], ["số", "lượng"], ["số"]] where words.starts(with: prefix) {
            words.removeFirst(prefix.count)
            break
        }
        return words.joined(separator: " ")
    }

    /// The keys of an area itself (`areas[]`), which an author may indent under `options:` by mistake.
    static let areaKeys: Set<String> = ["id", "title", "plugin", "order", "template", "indicators", "options"]

    private func checkIndicators() {
        let byID = Dictionary(plan.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for indicator in plan.indicators {
            let at = indicator.location
            if indicator.isDerived {
                if indicator.kind != .percent {
                    bag.error(
                        at,
                        "chỉ tiêu '\(indicator.id)': 'ratio_of' chỉ dùng cho chỉ tiêu kind: percent, gặp kind: \(indicator.kind.rawValue)")
                }
                for part in indicator.numerator + indicator.denominator {
                    if let p = byID[part], p.kind != .count {
                        bag.error(
                            at, "chỉ tiêu '\(indicator.id)': tỷ lệ phải tính từ chỉ tiêu đếm (kind: count); '\(part)' là \(p.kind.rawValue)"
                        )
                    }
                }
            }
            if let whole = indicator.partOf, let w = byID[whole], w.kind != indicator.kind {
                bag.error(
                    at,
                    "chỉ tiêu '\(indicator.id)': là phần của '\(whole)' nhưng khác loại (\(indicator.kind.rawValue) ≠ \(w.kind.rawValue))")
            }
            if indicator.partOf == indicator.id {
                bag.error(at, "chỉ tiêu '\(indicator.id)': không thể là phần của chính nó")
            }
            if indicator.kind == .text, indicator.aggregation == .sum {
                bag.error(at, "chỉ tiêu '\(indicator.id)': chỉ tiêu văn bản không cộng được (aggregate: sum)")
            }
            if indicator.kind == .percent, let t = indicator.target, !(0...100).contains(t.value) {
                let target = SectionContext.formatTarget(t.value, kind: .percent)
                bag.error(at, "chỉ tiêu '\(indicator.id)': mục tiêu \(target) nằm ngoài 0–100")
            }
            for unit in indicator.reportedBy {
                if let u = plan.unit(unit), !u.submitsData {
                    bag.error(at, "chỉ tiêu '\(indicator.id)': đơn vị '\(unit)' không nộp số liệu (submits_data: false)")
                }
            }
        }
    }
}
