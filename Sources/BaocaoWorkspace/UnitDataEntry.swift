import BaocaoCore
import BaocaoSheets
import Foundation

/// A unit's data for one period entered field by field (the web's data form): the fields come
/// from the plan, the values become the same `<data>/<period>/<unit>.yaml` a person could write
/// by hand, checked by the same loader, whose messages are placed next to the field that
/// caused them. Saving is atomic and serialised per period folder with the CLI's import
/// (`DataFolderLock`), and refuses to overwrite a file changed since the form was loaded.
public struct UnitDataEntry: Sendable {
    public let form: UnitForm
    /// The data folder (Plans/data).
    public let dataFolder: String

    public init(form: UnitForm, dataFolder: String) {
        self.form = form
        self.dataFolder = dataFolder
    }

    /// <data>/<period>/<unit>.yaml.
    public var path: String {
        ((dataFolder as NSString).appendingPathComponent(form.period.code) as NSString).appendingPathComponent("\(form.unit.id).yaml")
    }

    /// The digest a form carries for a file that does not exist yet.
    public static let noFile = "none"

    // MARK: Fields

    /// One input of the form.
    public struct Field: Sendable {
        /// The form field's name: "f.<indicator>", "f.<indicator>.note", "f.<indicator>.m.<month>",
        /// "f.<indicator>.out_of", ".year", ".source".
        public var name: String
        public var label: String
        /// "number" or "text".
        public var type: String
    }

    /// One indicator's inputs.
    public struct IndicatorFields: Sendable {
        public var indicator: Indicator
        /// "số nguyên không âm", …
        public var expectation: String
        public var fields: [Field]
    }

    /// The narrative rows offered per kind beyond those already filled.
    public static let blankNarratives = 2

    /// The indicators' inputs, area by area.
    public var groups: [(area: ContentArea, indicators: [IndicatorFields])] {
        form.groups.map { group in
            (
                group.area,
                group.indicators.map { indicator in
                    let id = indicator.id
                    var fields: [Field] = []
                    let numeric = indicator.kind == .text ? "text" : "number"
                    if indicator.monthly, !form.months.isEmpty {
                        for month in form.months {
                            fields.append(Field(name: "f.\(id).m.\(month.code)", label: UnitForm.monthLabel(month), type: "number"))
                        }
                    } else {
                        fields.append(Field(name: "f.\(id)", label: "Số liệu", type: numeric))
                        if indicator.kind == .rank {
                            fields.append(Field(name: "f.\(id).out_of", label: "Tổng số được xếp hạng", type: "number"))
                        }
                        if indicator.kind == .rank || indicator.kind == .score {
                            fields.append(Field(name: "f.\(id).year", label: "Năm đánh giá", type: "number"))
                            fields.append(Field(name: "f.\(id).source", label: "Nguồn", type: "text"))
                        } else {
                            fields.append(Field(name: "f.\(id).note", label: "Ghi chú", type: "text"))
                        }
                    }
                    return IndicatorFields(indicator: indicator, expectation: UnitForm.expectation(indicator), fields: fields)
                }
            )
        }
    }

    // MARK: Values

    /// The form's values from a loaded submission (nil: an empty form).
    public func values(from submission: Submission?) -> [String: String] {
        guard let submission else { return [:] }
        var values: [String: String] = [:]
        func number(_ n: Double) -> String { n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n) }
        for (id, value) in submission.figures {
            if let n = value.number { values["f.\(id)"] = number(n) }
            if let t = value.text { values["f.\(id)"] = t }
            if let note = value.note { values["f.\(id).note"] = note }
            if let outOf = value.outOf { values["f.\(id).out_of"] = number(outOf) }
            if let year = value.year { values["f.\(id).year"] = String(year) }
            if let source = value.source { values["f.\(id).source"] = source }
            for (month, n) in value.months {
                let code = Period.month(month, submission.period.year).code
                values["f.\(id).m.\(code)"] = number(n)
            }
        }
        var counts: [NarrativeItem.Kind: Int] = [:]
        for item in submission.narratives {
            let i = counts[item.kind, default: 0]
            counts[item.kind] = i + 1
            let key = "n.\(item.kind.rawValue).\(i)"
            values[key + ".text"] = item.text
            if let cause = item.cause { values[key + ".cause"] = cause }
            if let area = item.area { values[key + ".area"] = area }
            if let task = item.task { values[key + ".task"] = task }
        }
        return values
    }

    /// What a submission holds that the form cannot show (groups, earlier results): such a file
    /// is edited by hand, never overwritten from the form. Empty when the form covers it all.
    public static func unsupported(_ submission: Submission?) -> [String] {
        guard let submission else { return [] }
        return submission.figures.filter { $0.value.group != nil || $0.value.earlier != nil }.map(\.key).sorted()
    }

    /// How many narrative rows of `kind` the values hold.
    public static func narrativeCount(_ values: [String: String], kind: NarrativeItem.Kind) -> Int {
        var n = 0
        while values.keys.contains(where: { $0.hasPrefix("n.\(kind.rawValue).\(n).") }) { n += 1 }
        return n
    }

    // MARK: The file

    /// The data file the values make, and the field each line holds.
    public func yaml(_ values: [String: String], illustrative: Bool) -> (text: String, fields: [Int: String]) {
        var lines: [String] = []
        var fields: [Int: String] = [:]
        func add(_ line: String, _ field: String? = nil) {
            lines.append(line)
            if let field { fields[lines.count] = field }
        }
        func value(_ name: String) -> String? {
            guard let v = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
            return v
        }
        add("# \(form.unit.name), kỳ \(form.period.code) (chốt số liệu \(form.windowText)).")
        add("# Nhập trên trang web baocao; có thể sửa trực tiếp tệp này.")
        add("unit: \(form.unit.id)")
        add("period: \(form.period.code)")
        if illustrative { add("illustrative: true") }
        var figureLines: [(String, String?)] = []
        for group in groups {
            var groupLines: [(String, String?)] = []
            for entry in group.indicators {
                let id = entry.indicator.id
                let isText = entry.indicator.kind == .text
                if entry.indicator.monthly, !form.months.isEmpty {
                    let months = form.months.compactMap { m in value("f.\(id).m.\(m.code)").map { (m.code, $0) } }
                    guard !months.isEmpty else { continue }
                    groupLines.append(("  \(id):", "f.\(id)"))
                    groupLines.append(("    months:", "f.\(id)"))
                    for (code, v) in months {
                        groupLines.append(("      \"\(code)\": \(Self.scalar(v, numeric: true))", "f.\(id).m.\(code)"))
                    }
                    continue
                }
                let main = value("f.\(id)")
                if entry.indicator.kind == .rank || entry.indicator.kind == .score {
                    let extras = [("out_of", true), ("year", true), ("source", false)].compactMap { key, numeric in
                        value("f.\(id).\(key)").map { (key, $0, numeric) }
                    }
                    guard main != nil || !extras.isEmpty else { continue }
                    groupLines.append(("  \(id):", "f.\(id)"))
                    if let main { groupLines.append(("    value: \(Self.scalar(main, numeric: true))", "f.\(id)")) }
                    for (key, v, numeric) in extras {
                        groupLines.append(("    \(key): \(Self.scalar(v, numeric: numeric))", "f.\(id).\(key)"))
                    }
                    continue
                }
                let note = value("f.\(id).note")
                if let note {
                    let v = main.map { Self.scalar($0, numeric: !isText) } ?? "null"
                    groupLines.append(("  \(id): {value: \(v), note: \(Self.quoted(note))}", main == nil ? "f.\(id).note" : "f.\(id)"))
                } else if let main {
                    groupLines.append(("  \(id): \(Self.scalar(main, numeric: !isText))", "f.\(id)"))
                }
            }
            if !groupLines.isEmpty {
                figureLines.append(("  # \(group.area.title)", nil))
                figureLines += groupLines
            }
        }
        if !figureLines.isEmpty {
            add("figures:")
            for (line, field) in figureLines { add(line, field) }
        }
        var narrativeLines: [(String, String?)] = []
        for kind in NarrativeItem.Kind.allCases {
            var items: [(String, String?)] = []
            for i in 0..<Self.narrativeCount(values, kind: kind) {
                let key = "n.\(kind.rawValue).\(i)"
                guard let text = value(key + ".text") else { continue }
                var parts = ["text: \(Self.quoted(text))"]
                if kind == .limitation, let cause = value(key + ".cause") { parts.append("cause: \(Self.quoted(cause))") }
                if let area = value(key + ".area") { parts.append("area: \(Self.quoted(area))") }
                if let task = value(key + ".task") { parts.append("task: \(Self.quoted(task))") }
                items.append(("    - {\(parts.joined(separator: ", "))}", key + ".text"))
            }
            if !items.isEmpty {
                narrativeLines.append(("  \(kind.rawValue):", nil))
                narrativeLines += items
            }
        }
        if !narrativeLines.isEmpty {
            add("narratives:")
            for (line, field) in narrativeLines { add(line, field) }
        }
        return (lines.joined(separator: "\n") + "\n", fields)
    }

    /// The loader's messages for a file's text: by form field where a line or key names one,
    /// the rest apart.
    public func check(_ text: String, fields: [Int: String], plan: Plan) -> (byField: [String: [String]], other: [Diagnostic]) {
        let result = DataLoader(plan: plan).load(text: text, displayPath: path)
        var byField: [String: [String]] = [:]
        var other: [Diagnostic] = []
        for d in Diagnostic.sortedUnique(result.diagnostics) where d.severity == .error {
            var field = fields[d.location.line]
            if field == nil, d.message.hasPrefix("figures.") {
                let id = d.message.dropFirst("figures.".count).prefix { $0 != ":" && $0 != "." && $0 != " " }
                field = "f.\(id)"
            }
            if let field { byField[field, default: []].append(d.message) } else { other.append(d) }
        }
        return (byField, other)
    }

    // MARK: Saving

    public enum SaveResult: Sendable {
        /// Written; the file's bytes before (nil: it is new).
        case saved(previous: Data?)
        /// The file changed since the form was loaded: nothing written; its bytes now.
        case conflict(current: Data?)
        /// Same bytes as the file already holds.
        case unchanged
    }

    /// Writes `text` as the unit's file if the file still has `expectedDigest` (`noFile` when it
    /// did not exist), under the period folder's lock, atomically.
    public func save(_ text: String, expectedDigest: String) throws -> SaveResult {
        let folder = (path as NSString).deletingLastPathComponent
        let lock = try DataFolderLock(folder: folder)
        defer { lock.release() }
        let current = FileManager.default.contents(atPath: path)
        let digest = current.map(FileDigest.sha256) ?? Self.noFile
        guard digest == expectedDigest else { return .conflict(current: current) }
        let bytes = Data(text.utf8)
        if current == bytes { return .unchanged }
        do {
            try Files.replace(path, with: bytes)
        } catch {
            Console.current.error("baocao: không ghi được \(path): \(error) (cannot write)")
            throw WorkspaceFailure(ExitStatus.cannotWrite)
        }
        return .saved(previous: current)
    }

    /// The file's bytes and digest now.
    public func current() -> (data: Data?, digest: String) {
        let data = FileManager.default.contents(atPath: path)
        return (data, data.map(FileDigest.sha256) ?? Self.noFile)
    }

    /// A value as a YAML scalar: a plain number when it is one, else a quoted string (which the
    /// loader then reports where a number is expected).
    static func scalar(_ text: String, numeric: Bool) -> String {
        if numeric, isPlainNumber(text) { return text }
        return quoted(text)
    }

    static func isPlainNumber(_ text: String) -> Bool {
        var digits = 0
        var dots = 0
        for (i, c) in text.enumerated() {
            if c == "-" && i == 0 { continue }
            if c == "." {
                dots += 1
                continue
            }
            guard c.isASCII, c.isNumber else { return false }
            digits += 1
        }
        return digits > 0 && dots <= 1 && !text.hasSuffix(".") && !text.hasPrefix(".")
    }

    /// A double-quoted YAML string.
    static func quoted(_ s: String) -> String { YAMLQuoting.doubleQuoted(s) }
}
