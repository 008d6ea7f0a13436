import BaocaoCore

/// A form that came back with nothing filled in: a workbook or YAML form without a single figure
/// or narrative, or the YAML form exactly as `baocao form` wrote it (its empty value slots are
/// not errors to list one by one). Importing one writes nothing and warns, so the unit is still
/// shown as not having submitted.
public enum UntouchedForm {
    /// The warning's text.
    public static let message =
        "biểu mẫu chưa được điền: chưa có số liệu hay thuyết minh nào, nên chưa nhập; đơn vị vẫn được tính là chưa nộp (nothing filled in yet)"

    /// Whether a submission read from a form holds nothing.
    public static func isEmpty(_ submission: Submission) -> Bool {
        submission.figures.isEmpty && submission.narratives.isEmpty
    }

    /// Whether `text` is the YAML form `baocao form` writes for the unit and period it names,
    /// unchanged (line ends and trailing spaces aside).
    public static func isBlankYAMLForm(_ text: String, plan: Plan) -> Bool {
        var unit: String?
        var period: String?
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("unit:") { unit = value(line.dropFirst(5)) }
            if line.hasPrefix("period:") { period = value(line.dropFirst(7)) }
        }
        guard let unit, let period, let planUnit = plan.unit(unit), let target = Period(period) else { return false }
        return normalised(YAMLForm(UnitForm(plan: plan, unit: planUnit, period: target)).text()) == normalised(text)
    }

    private static func value(_ text: Substring) -> String {
        var t = text.drop { $0 == " " || $0 == "\t" }
        while let last = t.last, last == " " || last == "\t" { t = t.dropLast() }
        if t.count >= 2, let first = t.first, first == t.last, first == "\"" || first == "'" { t = t.dropFirst().dropLast() }
        return String(t)
    }

    /// Lines without trailing spaces, without empty lines at the end, LF line ends.
    private static func normalised(_ text: String) -> [Substring] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line -> Substring in
            var l = line
            while let last = l.last, last == " " || last == "\t" { l = l.dropLast() }
            return l
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
