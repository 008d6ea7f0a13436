import Foundation
import Yams

/// Reads the units' data files of a folder and checks them against the plan.
///
/// The folder holds one sub-folder per period (`2026-Q1/`, `2025-Q3/` …) with one YAML file per
/// unit; files directly in the folder are read too. Only periods of the plan's year and of the
/// year before (the baseline for "cùng kỳ") are accepted.
public struct DataLoader {
    public let plan: Plan
    /// The plan's units by id: a folder may hold a file for each of thousands of units.
    private let unitsByID: [String: PlanUnit]

    /// The parts of each whole (`part_of`) by the whole's id, sorted by it, and the derived
    /// indicators, in plan order: what `checkParts` checks each file against.
    private let partsByWhole: [(key: String, value: [Indicator])]
    private let derived: [Indicator]
    /// Makes each file's `Submission.stamp` from the bytes read for it (the application gives
    /// a SHA-256; the core has none of its own).
    public var stamp: (@Sendable (Data) -> InputStamp)?

    public init(plan: Plan, stamp: (@Sendable (Data) -> InputStamp)? = nil) {
        self.stamp = stamp
        self.plan = plan
        self.unitsByID = Dictionary(plan.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let indicators = plan.indicators
        var partsByWhole: [String: [Indicator]] = [:]
        for indicator in indicators { if let whole = indicator.partOf { partsByWhole[whole, default: []].append(indicator) } }
        self.partsByWhole = partsByWhole.sorted(by: { $0.key < $1.key })
        self.derived = indicators.filter(\.isDerived)
    }

    public struct Result: Sendable {
        public var submissions: [Submission]
        public var diagnostics: [Diagnostic]
        /// Unusual figures an officer confirmed (`_xac-nhan.yaml`, Confirmations.swift).
        public var confirmations: [ConfirmedFigure] = []
    }

    /// Loads every `.yaml`/`.yml` file under `folder`. Diagnostics name files relative to
    /// `displayRoot` (the folder as the user typed it).
    public func load(folder: String, displayRoot: String? = nil) -> Result {
        let bag = DiagnosticBag()
        let shownRoot = displayRoot ?? folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            bag.error(.file(shownRoot), "không tìm thấy thư mục số liệu (data folder not found)")
            return Result(submissions: [], diagnostics: bag.sorted)
        }
        var submissions: [Submission] = []
        // The folder may itself be a link (Plans/data to a shared folder): read where it leads.
        let realRoot = Self.realPath(folder) ?? folder
        // The files share nothing but the plan: several are read and checked at a time, each
        // into a bag of its own, and their diagnostics and submissions are then taken in the
        // files' order, as reading them one after the other gives them.
        let files = dataFiles(in: realRoot)
        let outcomes = Self.concurrentMap(files) { readFile($0, shownRoot: shownRoot, realRoot: realRoot) }
        for outcome in outcomes {
            bag.append(contentsOf: outcome.diagnostics)
            if let submission = outcome.submission { submissions.append(submission) }
        }
        checkDuplicates(submissions, bag: bag)
        let confirmations = Confirmations.load(folder: realRoot, displayRoot: shownRoot, plan: plan, bag: bag)
        return Result(
            submissions: submissions.sorted { ($0.period, $0.unit) < ($1.period, $1.unit) }, diagnostics: bag.sorted,
            confirmations: confirmations)
    }

    /// Reads the file `relative` of the data folder, checked against the plan.
    private func readFile(_ relative: String, shownRoot: String, realRoot: String) -> (diagnostics: [Diagnostic], submission: Submission?) {
        let bag = DiagnosticBag()
        let display = (shownRoot as NSString).appendingPathComponent(relative)
        let path: String
        do {
            path = try ContainedPath.join(realRoot, relative)
        } catch {
            bag.error(.file(display), error.description)
            return (bag.items, nil)
        }
        if let refusal = Self.refusal(relative, folder: realRoot, realRoot: realRoot) {
            bag.error(.file(display), refusal)
            return (bag.items, nil)
        }
        var stamped: InputStamp?
        let read = { (data: Data) in stamped = stamp?(data) }
        guard let root = YAMLSource.load(path: path, displayPath: display, bag: bag, read: read) else { return (bag.items, nil) }
        guard var submission = self.read(root, folderHint: relative.split(separator: "/").dropLast().last.map(String.init), bag: bag)
        else {
            return (bag.items, nil)
        }
        submission.relativePath = relative
        submission.stamp = stamped
        return (bag.items, submission)
    }

    /// `items.map(transform)`, with the items transformed on every core at once.
    static func concurrentMap<T>(_ items: [String], _ transform: (String) -> T) -> [T] {
        guard items.count > 1 else { return items.map(transform) }
        var results = [T?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own element only.
            nonisolated(unsafe) let out = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                DispatchQueue.concurrentPerform(iterations: items.count) { index in
                    out[index] = transform(items[index])
                }
            }
        }
        return results.map { $0! }
    }

    /// Reads one submission from YAML text (tests, imports).
    public func load(text: String, displayPath: String) -> Result {
        let bag = DiagnosticBag()
        guard let root = YAMLSource.parse(text: text, displayPath: displayPath, bag: bag),
            let submission = read(root, folderHint: nil, bag: bag)
        else { return Result(submissions: [], diagnostics: bag.sorted) }
        return Result(submissions: [submission], diagnostics: bag.sorted)
    }

    /// The plan's year and the year before (the baseline of "cùng kỳ").
    var acceptedYears: ClosedRange<Int> { (plan.year - 1)...plan.year }

    /// Relative paths of the data files, sorted so that loading is deterministic.
    func dataFiles(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let item = enumerator.nextObject() as? String {
            let components = item.split(separator: "/").map(String.init)
            // Hidden and underscore-prefixed files and folders are set aside (archives, drafts).
            if components.contains(where: { $0.hasPrefix(".") || $0.hasPrefix("_") }) {
                enumerator.skipDescendants()
                continue
            }
            // A period folder of another year belongs to another plan sharing the folder.
            if components.count == 1, let period = Period(components[0]), !acceptedYears.contains(period.year) {
                enumerator.skipDescendants()
                continue
            }
            if components.count > 2 { continue }
            let name = components.last ?? ""
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                files.append(item)
            } else if components.count == 1, Self.isSymbolicLink((folder as NSString).appendingPathComponent(item)) {
                // A linked folder is not entered; `load` says why when it leads outside.
                files.append(item)
            }
        }
        return files.sorted()
    }

    // MARK: One file

    func read(_ root: YNode, folderHint: String?, bag: DiagnosticBag) -> Submission? {
        guard let m = root.mapping(bag, what: "") else { return nil }
        defer { m.finish() }
        let unitNode = m.require("unit")
        let unitID = unitNode?.string(bag, what: "unit")
        let periodNode = m.require("period")
        let periodText = periodNode?.string(bag, what: "period")
        let illustrative = m.bool("illustrative") ?? false
        var period: Period?
        if let periodText, let periodNode {
            period = Self.period(periodText)
            if period == nil {
                bag.error(
                    periodNode.location,
                    "period: '\(periodText)' không phải kỳ báo cáo; cần dạng 2026-Q1, 2026-H1, 2026-9M, 2026 hoặc 2026-03 (expected a period)"
                )
            } else if let p = period, !acceptedYears.contains(p.year) {
                bag.error(
                    periodNode.location,
                    "period: kỳ \(p.code) nằm ngoài năm của kế hoạch (\(plan.year)) và năm so sánh (\(plan.year - 1)) (period outside the plan's year)"
                )
                period = nil
            } else if let p = period, let hint = folderHint, hint != periodText, let folderPeriod = Self.period(hint), folderPeriod != p {
                bag.warning(
                    periodNode.location, "period: tệp ghi kỳ \(p.code) nhưng nằm trong thư mục \(hint) (file is in another period's folder)"
                )
            }
        }
        var unit: PlanUnit?
        if let unitID, let unitNode {
            unit = unitsByID[unitID]
            if unit == nil {
                var message = "unit: không có đơn vị '\(unitID)' trong kế hoạch"
                if let near = YMapping.nearest(unitID, in: plan.units.map(\.id)) { message += "; có phải là '\(near)'?" }
                message += " (unit not in the plan; expected one of: \(plan.reportingUnits.map(\.id).joined(separator: ", ")))"
                bag.error(unitNode.location, message)
            } else if unit?.submitsData == false {
                bag.error(unitNode.location, "unit: đơn vị '\(unitID)' không nộp số liệu theo kế hoạch (submits_data: false)")
            }
        }
        let figures = m.mapping("figures", required: false).map { readFigures($0, period: period, unit: unitID) } ?? [:]
        var narratives: [NarrativeItem] = []
        if let n = m.mapping("narratives", required: false), let unitID, let period {
            narratives = readNarratives(n, unit: unitID, period: period)
        }
        guard let unit, let period else { return nil }
        return Submission(
            unit: unit.id, period: period, file: root.file, illustrative: illustrative, figures: figures,
            narratives: narratives, location: m.location)
    }

    private func readFigures(_ m: YMapping, period: Period?, unit: String?) -> [String: SubmittedValue] {
        var values: [String: SubmittedValue] = [:]
        let bag = m.bag
        for (key, node) in m.keyedValues() {
            // Built for a message or a mapping's context only, not for every figure read.
            var what: String { "figures.\(key)" }
            guard let indicator = plan.indicator(key) else {
                var message = "\(what): không có chỉ tiêu '\(key)' trong kế hoạch"
                if let near = YMapping.nearest(key, in: plan.indicators.map(\.id)) {
                    message += "; có phải là '\(near)'? (did you mean '\(near)'?)"
                }
                bag.error(m.keyLocation(key) ?? node.location, message + " (unknown indicator)")
                continue
            }
            if indicator.isDerived {
                bag.error(
                    node.location,
                    "\(what): chỉ tiêu '\(indicator.label)' được tính từ các chỉ tiêu thành phần, không nhập trực tiếp (computed from its parts; do not submit it)"
                )
                continue
            }
            if let unit, !indicator.reportedBy.isEmpty, !indicator.reportedBy.contains(unit) {
                bag.warning(
                    m.keyLocation(key) ?? node.location,
                    "\(what): kế hoạch không giao đơn vị '\(unit)' báo cáo chỉ tiêu này (unit not expected to report it)")
            }
            if let value = readValue(node, indicator: indicator, period: period, what: what, bag: bag) {
                values[key] = value
            }
        }
        checkParts(values, bag: bag)
        return values
    }

    private func readValue(
        _ node: YNode, indicator: Indicator, period: Period?, what whatText: @escaping @autoclosure () -> String, bag: DiagnosticBag
    ) -> SubmittedValue? {
        var what: String { whatText() }
        var value = SubmittedValue(location: node.location)
        var valueNode: YNode? = node
        if case .mapping = node.node, let m = node.mapping(bag, what: what) {
            defer { m.finish() }
            valueNode = m.value("value")
            value.note = m.string("note", required: false)
            value.outOf = m.number("out_of", required: false)
            value.year = m.int("year", required: false)
            value.source = m.string("source", required: false)
            value.group = m.string("group", required: false)
            if let e = m.mapping("earlier", required: false) {
                let v = e.number("value")
                let outOf = e.number("out_of", required: false)
                let y = e.int("year")
                e.finish()
                if let v, let y {
                    if let vy = value.year, y >= vy {
                        bag.error(
                            e.location,
                            "\(what).earlier.year: năm \(y) phải trước năm của kết quả (\(vy)) (earlier result must be of an earlier year)")
                    } else {
                        value.earlier = EarlierResult(value: v, outOf: outOf, year: y, location: e.value("value")?.location ?? e.location)
                    }
                }
            }
            if let y = value.year, let at = m.value("year")?.location, !(1990...2100).contains(y) {
                bag.error(at, "\(what).year: năm \(y) không hợp lệ (expected the year the result measures)")
            }
            if let months = m.mapping("months", required: false) {
                for (key, mnode) in months.keyedValues() {
                    let monthPeriod = Self.period(key)
                    guard let mp = monthPeriod, mp.isMonth, period.map({ $0.contains(mp) }) ?? true else {
                        let span = period.map { " trong \($0.label)" } ?? ""
                        bag.error(
                            months.keyLocation(key) ?? mnode.location,
                            "\(what).months: '\(key)' không phải một tháng\(span) (expected a month such as \(period.map { $0.monthPeriods[0].code } ?? "2026-01"))"
                        )
                        continue
                    }
                    if let n = mnode.number(bag, what: "\(what).months.\(key)") {
                        checkNumber(n, indicator: indicator, at: mnode.location, what: "\(what).months.\(key)", bag: bag)
                        value.months[mp.months.lowerBound] = n
                    }
                }
                months.finish()
                if !indicator.monthly {
                    bag.warning(
                        m.keyLocation("months") ?? m.location,
                        "\(what): chỉ tiêu không theo dõi theo tháng; 'months' được cộng lại (indicator is not monthly)")
                }
            }
            if valueNode == nil {
                if value.months.isEmpty && m.keyLocation("months") != nil { return nil }
                if value.months.isEmpty {
                    bag.error(node.location, "\(what): thiếu 'value' (missing value)")
                    return nil
                }
                value.number = value.months.values.reduce(0, +)
                // The value is the months' sum: provenance points at the months.
                if let months = m.value("months") { value.location = months.location }
                return value
            }
        } else if node.elements != nil {
            bag.error(node.location, "\(what): cần một số hoặc bảng {value, note}, gặp \(node.found)")
            return nil
        }
        guard let valueNode else { return nil }
        // Provenance points at the number itself, not at the mapping around it.
        value.location = valueNode.location
        if indicator.kind == .text {
            guard let text = valueNode.string(bag, what: what) else { return nil }
            value.text = text
            return value
        }
        guard let number = valueNode.number(bag, what: what) else { return nil }
        if indicator.kind == .count, let written = valueNode.scalar?.string, Self.hasThousandsSeparators(written) {
            bag.error(
                valueNode.location,
                "\(what): '\(written)' có dấu chấm phân cách hàng nghìn; số đếm viết liền: \(written.replacingOccurrences(of: ".", with: "")) (write whole numbers without separators)"
            )
            return nil
        }
        guard checkNumber(number, indicator: indicator, at: valueNode.location, what: what, bag: bag) else { return nil }
        if !value.months.isEmpty, abs(value.months.values.reduce(0, +) - number) > 1e-9 {
            bag.error(
                valueNode.location,
                "\(what): giá trị \(VietnameseFormat.number(number)) khác tổng các tháng \(VietnameseFormat.number(value.months.values.reduce(0, +))) (value and months disagree)"
            )
            return nil
        }
        if indicator.kind == .rank, let outOf = value.outOf, number > outOf {
            bag.error(valueNode.location, "\(what): thứ hạng \(Int(number)) lớn hơn tổng số \(Int(outOf)) (rank larger than out_of)")
            return nil
        }
        value.number = number
        return value
    }

    @discardableResult
    private func checkNumber(
        _ n: Double, indicator: Indicator, at location: SourceLocation, what: @autoclosure () -> String, bag: DiagnosticBag
    ) -> Bool {
        switch indicator.kind {
        case .count:
            if n < 0 || n != n.rounded() {
                bag.error(
                    location,
                    "\(what()): số đếm phải là số nguyên không âm, gặp \(VietnameseFormat.number(n)) (expected a whole number ≥ 0)")
                return false
            }
        case .percent:
            if !(0...100).contains(n) {
                bag.error(location, "\(what()): tỷ lệ phải từ 0 đến 100, gặp \(VietnameseFormat.number(n)) (expected a percentage 0–100)")
                return false
            }
        case .score:
            let top = indicator.scaleMax ?? .infinity
            if n < 0 || n > top {
                bag.error(
                    location,
                    "\(what()): điểm phải từ 0 đến \(VietnameseFormat.number(top)), gặp \(VietnameseFormat.number(n)) (score outside its scale)"
                )
                return false
            }
        case .rank:
            if n < 1 || n != n.rounded() {
                bag.error(location, "\(what()): thứ hạng phải là số nguyên từ 1, gặp \(VietnameseFormat.number(n)) (expected a rank ≥ 1)")
                return false
            }
        case .text:
            break
        }
        return true
    }

    /// A part may not exceed its whole (parts of one whole may overlap, so they are not added up),
    /// and a rate's numerator may not exceed its denominator.
    private func checkParts(_ values: [String: SubmittedValue], bag: DiagnosticBag) {
        var flagged = Set<SourceLocation>()
        for (wholeID, parts) in partsByWhole {
            guard let whole = values[wholeID]?.number else { continue }
            let present = parts.compactMap { p in values[p.id].flatMap { v in v.number.map { (p, v, $0) } } }
            for (part, value, number) in present where number > whole {
                flagged.insert(value.location)
                bag.error(
                    value.location,
                    "figures.\(part.id): \(part.label) (\(VietnameseFormat.number(number))) lớn hơn \(plan.indicator(wholeID)?.label ?? wholeID) (\(VietnameseFormat.number(whole))) (a part larger than its whole)"
                )
            }
        }
        for indicator in derived {
            let num = indicator.numerator.compactMap { values[$0]?.number }
            let den = indicator.denominator.compactMap { values[$0]?.number }
            guard num.count == indicator.numerator.count, den.count == indicator.denominator.count else { continue }
            let n = num.reduce(0, +)
            let d = den.reduce(0, +)
            if n > d, let at = indicator.numerator.compactMap({ values[$0]?.location }).first, !flagged.contains(at) {
                bag.error(
                    at,
                    "figures: tử số của '\(indicator.label)' (\(VietnameseFormat.number(n))) lớn hơn mẫu số (\(VietnameseFormat.number(d))); tỷ lệ sẽ vượt 100 % (a part larger than its whole)"
                )
            }
        }
    }

    private func readNarratives(_ m: YMapping, unit: String, period: Period) -> [NarrativeItem] {
        var items: [NarrativeItem] = []
        for kind in NarrativeItem.Kind.allCases {
            guard let list = m.list(kind.rawValue) else { continue }
            for (index, node) in list.enumerated() {
                var what: String { "narratives.\(kind.rawValue)[\(index + 1)]" }
                if case .scalar = node.node {
                    if let text = node.string(m.bag, what: what) {
                        items.append(NarrativeItem(kind: kind, text: text, unit: unit, period: period, location: node.location))
                    }
                    continue
                }
                // `- Kết quả: đạt` is a mapping to YAML; the officer meant one sentence.
                if case .mapping(let pairs) = node.node, pairs.count == 1, let pair = pairs.first,
                    let keyText = pair.key.scalar?.string, !["text", "area", "cause", "task", "indicator"].contains(keyText),
                    case .scalar = pair.value
                {
                    m.bag.error(
                        node.location,
                        "\(what): câu có dấu ': ' nên bị đọc thành khóa '\(keyText)'; hãy đặt cả câu trong ngoặc kép: - \"\(keyText): …\" (quote text that contains ': ')"
                    )
                    continue
                }
                guard let item = node.mapping(m.bag, what: what) else { continue }
                let text = item.string("text")
                let cause = item.string("cause", required: false)
                let areaNode = item.value("area")
                let area = areaNode.flatMap { $0.isNull ? nil : $0.string(m.bag, what: "\(what).area") }
                let task = item.string("task", required: false)
                let indicator = item.string("indicator", required: false)
                item.finish()
                if let indicator, plan.indicator(indicator) == nil {
                    m.bag.error(
                        item.value("indicator")?.location ?? item.location,
                        "\(what).indicator: không có chỉ tiêu '\(indicator)' trong kế hoạch (unknown indicator)")
                }
                if let area, let areaNode, plan.area(area) == nil {
                    m.bag.error(
                        areaNode.location,
                        "\(what).area: không có lĩnh vực '\(area)' trong kế hoạch; cần một trong: \(plan.areas.map(\.id).joined(separator: ", "))"
                    )
                }
                if let task, !plan.tasks.contains(where: { $0.number == task }) {
                    m.bag.error(
                        item.value("task")?.location ?? item.location,
                        "\(what).task: không có nhiệm vụ '\(task)' trong kế hoạch; cần một trong: \(plan.tasks.map(\.number).joined(separator: ", "))"
                    )
                }
                if kind != .limitation, cause != nil {
                    m.bag.warning(item.location, "\(what): 'cause' chỉ dùng cho limitations")
                }
                guard let text else { continue }
                items.append(
                    NarrativeItem(
                        kind: kind, text: text, cause: cause, area: area, task: task, indicator: indicator, unit: unit, period: period,
                        location: node.location))
            }
        }
        m.finish()
        return items
    }

    private func checkDuplicates(_ submissions: [Submission], bag: DiagnosticBag) {
        var seen: [String: Submission] = [:]
        for s in submissions {
            let key = "\(s.unit)@\(s.period.code)"
            if let first = seen[key] {
                bag.error(
                    s.location,
                    "đơn vị '\(s.unit)' đã nộp số liệu \(s.period.label) trong \(first.file); mỗi kỳ chỉ một tệp (duplicate submission)")
            } else {
                seen[key] = s
            }
        }
    }
}
