import Foundation

/// The officer's confirmations of unusual figures, kept in `_xac-nhan.yaml` at the top of the
/// data folder: next to the data it speaks of, versioned with it, never overwritten by an import
/// of a unit's workbook (which rewrites the unit's own file). Its leading `_` keeps it out of
/// the unit files. See `Plans/README.md` §3.7.
public enum Confirmations {
    public static let fileName = "_xac-nhan.yaml"

    /// Reads the folder's confirmations file, when there is one, checked against the plan.
    public static func load(folder: String, displayRoot: String, plan: Plan, bag: DiagnosticBag) -> [ConfirmedFigure] {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let display = (displayRoot as NSString).appendingPathComponent(fileName)
        guard let root = YAMLSource.load(path: path, displayPath: display, bag: bag) else { return [] }
        return read(root, plan: plan, bag: bag)
    }

    /// Reads confirmations from YAML text (tests).
    public static func read(text: String, displayPath: String, plan: Plan, bag: DiagnosticBag) -> [ConfirmedFigure] {
        guard let root = YAMLSource.parse(text: text, displayPath: displayPath, bag: bag) else { return [] }
        return read(root, plan: plan, bag: bag)
    }

    static func read(_ root: YNode, plan: Plan, bag: DiagnosticBag) -> [ConfirmedFigure] {
        guard let top = root.mapping(bag, what: "") else { return [] }
        defer { top.finish() }
        guard let items = top.list("confirmations", required: true) else { return [] }
        var out: [ConfirmedFigure] = []
        var seen: [String: SourceLocation] = [:]
        for (index, node) in items.enumerated() {
            guard let m = node.mapping(bag, what: "confirmations[\(index + 1)]") else { continue }
            defer { m.finish() }
            let unit = m.string("unit")
            let periodText = m.string("period")
            let indicator = m.string("indicator")
            let value = m.number("value")
            let note = m.string("note")
            let by = m.string("by", required: false)
            let date = m.date("date", required: false)
            if let unit, plan.unit(unit) == nil, let at = m.value("unit")?.location {
                var message = "\(m.context).unit: không có đơn vị '\(unit)' trong kế hoạch"
                if let near = YMapping.nearest(unit, in: plan.units.map(\.id)) { message += "; có phải là '\(near)'?" }
                bag.error(at, message)
            }
            if let indicator, plan.indicator(indicator) == nil, let at = m.value("indicator")?.location {
                var message = "\(m.context).indicator: không có chỉ tiêu '\(indicator)' trong kế hoạch"
                if let near = YMapping.nearest(indicator, in: plan.indicators.map(\.id)) { message += "; có phải là '\(near)'?" }
                bag.error(at, message)
            }
            var period: Period?
            if let periodText {
                period = DataLoader.period(periodText)
                if period == nil, let at = m.value("period")?.location {
                    bag.error(at, "\(m.context).period: '\(periodText)' không phải kỳ báo cáo; cần dạng 2025-Q2 (expected a period)")
                }
            }
            guard let unit, let indicator, let value, let note, let period, plan.unit(unit) != nil, plan.indicator(indicator) != nil
            else { continue }
            let location = m.value("value")?.location ?? m.location
            let key = "\(unit)|\(period.code)|\(indicator)"
            if let first = seen[key] {
                bag.error(location, "\(m.context): đã xác nhận \(indicator) của \(unit) \(period.code) ở dòng \(first.line) (duplicate)")
                continue
            }
            seen[key] = location
            out.append(
                ConfirmedFigure(
                    unit: unit, period: period, indicator: indicator, value: value, note: note, by: by, date: date, location: location))
        }
        return out
    }
}
