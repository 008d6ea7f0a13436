import BaocaoCore
import BaocaoPlugins
import Foundation

/// Who has submitted a period's data: each unit and each indicator it must report, submitted,
/// missing or invalid, with the cut-off window, the deadline and the days left. What
/// `baocao status` prints and the web's dashboard shows.
public struct PeriodStatus: Sendable {
    public enum State: String, Sendable {
        case submitted = "đã nộp"
        case missing = "chưa nộp"
        case invalid = "lỗi"
    }

    /// One unit's row.
    public struct UnitRow: Sendable {
        public var unit: String
        public var shortName: String
        /// The unit's files for the period, relative to the data folder ("2026-Q3/x.yaml").
        public var files: [String]
        /// Indicators the plan asks of the unit (none: it only sends narratives).
        public var required: Int
        public var submitted: Int
        public var missing: Int
        public var invalid: Int
        /// "đủ", "CHƯA NỘP", "còn thiếu 2 chỉ tiêu" …
        public var state: String
        /// The errors in the unit's files.
        public var errors: [Diagnostic]
        /// Nothing submitted or something required still missing.
        public var isIncomplete: Bool
    }

    /// One indicator reported by one unit.
    public struct IndicatorRow: Sendable {
        public var indicator: String
        public var label: String
        public var unit: String
        public var state: State
        /// "thiếu quý III năm 2026" …
        public var detail: String

        public var stateText: String { detail.isEmpty ? state.rawValue : "\(state.rawValue) (\(detail))" }
    }

    /// The indicators of one area of the report.
    public struct Section: Sendable {
        /// "I.2. Cải cách thủ tục hành chính".
        public var heading: String
        public var rows: [IndicatorRow]
        /// Rows not yet submitted.
        public var lacking: Int
    }

    public struct NarrativePart: Sendable {
        public var kind: NarrativeItem.Kind
        public var label: String
        public var items: Int
        public var units: Int
    }

    public var period: Period
    public var planFile: String
    public var dataFolder: String
    public var window: DateWindow
    public var deadline: CivilDate
    public var today: CivilDate
    public var units: [UnitRow]
    /// Files of the period's folder that could not be read as any unit's submission, with
    /// their error counts.
    public var unreadable: [(file: String, errors: Int)]
    public var sections: [Section]
    public var narratives: [NarrativePart]
    /// The period's folder, and the Excel workbooks left in it (not imported).
    public var periodFolder: String
    public var workbooks: [String]
    /// Every error in the period's files.
    public var periodErrors: [Diagnostic]
    public var incompleteSections: [String]
    public var unitsAssigned: Int
    public var unitsMissing: Int
    public var missingCount: Int
    public var invalidCount: Int
    /// Units with nothing assigned that sent nothing.
    public var silent: [String]
    /// unit → indicator → state.
    public var states: [String: [String: State]]
    /// The plan's rules on the period's figures and the figures far from each unit's history
    /// (Rules/ in BaocaoCore), located at the figure.
    public var checks: [Diagnostic] = []

    /// Days from today to the deadline: negative when overdue.
    public var daysLeft: Int { today.days(to: deadline) }

    /// "còn 5 ngày", "hôm nay là hạn cuối", "đã quá hạn 3 ngày".
    public var daysText: String {
        let left = daysLeft
        return left > 0 ? "còn \(left) ngày" : left == 0 ? "hôm nay là hạn cuối" : "đã quá hạn \(-left) ngày"
    }

    /// The status of `period` from the data under `folder`. Throws (reported to
    /// `Console.current`) when the folder does not exist.
    public static func compute(plan: Plan, folder: String, period target: Period, today day: CivilDate) throws -> PeriodStatus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            Console.current.error("baocao: không tìm thấy thư mục số liệu \(folder). (data folder not found)")
            throw WorkspaceFailure(ExitStatus.noInput)
        }
        let loaded = DataLoader(plan: plan).load(folder: folder)
        let errorsByFile = Dictionary(grouping: loaded.diagnostics.filter { $0.severity == .error }, by: \.location.file)

        // Each unit's files for the period and the state of each indicator it must report.
        var states: [String: [String: (State, String)]] = [:]  // unit → indicator → (state, detail)
        var unitRows: [UnitRow] = []
        var unitsMissing = 0
        var unitsAssigned = 0
        var silent: [String] = []
        var periodErrors: [Diagnostic] = []
        for unit in plan.reportingUnits {
            let required = plan.indicators.filter { !$0.isDerived && $0.reportedBy.contains(unit.id) }
            let (found, missingParts) = sources(unit: unit.id, period: target, in: loaded.submissions)
            let unitErrors = found.flatMap { errorsByFile[$0.file] ?? [] }
            periodErrors += unitErrors
            var perIndicator: [String: (State, String)] = [:]
            for indicator in required {
                let invalid = unitErrors.contains {
                    $0.message.hasPrefix("figures.\(indicator.id):") || $0.message.hasPrefix("figures.\(indicator.id).")
                }
                if invalid {
                    perIndicator[indicator.id] = (.invalid, "")
                } else if found.isEmpty {
                    perIndicator[indicator.id] = (.missing, "")
                } else if !missingParts.isEmpty {
                    perIndicator[indicator.id] = (.missing, "thiếu " + missingParts.map(\.label).joined(separator: ", "))
                } else {
                    let lacking = found.filter { $0.figures[indicator.id] == nil }
                    perIndicator[indicator.id] =
                        lacking.isEmpty
                        ? (.submitted, "")
                        : (.missing, found.count > 1 ? "thiếu ở " + lacking.map(\.period.label).joined(separator: ", ") : "")
                }
            }
            states[unit.id] = perIndicator
            let counts = Dictionary(grouping: perIndicator.values, by: \.0).mapValues(\.count)
            var state: String
            if found.isEmpty {
                state = required.isEmpty ? "chưa nộp (chỉ thuyết minh, không bắt buộc)" : "CHƯA NỘP"
            } else if !missingParts.isEmpty {
                state = "thiếu số liệu " + missingParts.map(\.label).joined(separator: ", ")
            } else if required.isEmpty {
                state = "đã nộp (không được giao chỉ tiêu số liệu)"
            } else if (counts[.invalid] ?? 0) > 0 {
                state = "có lỗi"
            } else if (counts[.missing] ?? 0) > 0 {
                state = "còn thiếu \(counts[.missing]!) chỉ tiêu"
            } else {
                state = "đủ"
            }
            if !unitErrors.isEmpty, !state.contains("lỗi") { state += "; tệp có \(unitErrors.count) lỗi" }
            var incomplete = false
            if !required.isEmpty {
                unitsAssigned += 1
                if found.isEmpty || !missingParts.isEmpty || (counts[.missing] ?? 0) > 0 {
                    unitsMissing += 1
                    incomplete = true
                }
            } else if found.isEmpty {
                silent.append(unit.shortName)
            }
            unitRows.append(
                UnitRow(
                    unit: unit.id, shortName: unit.shortName, files: found.map(\.relativePath), required: required.count,
                    submitted: counts[.submitted] ?? 0, missing: counts[.missing] ?? 0, invalid: counts[.invalid] ?? 0, state: state,
                    errors: unitErrors, isIncomplete: incomplete || !unitErrors.isEmpty))
        }
        // Files of the period's folder that could not be read as any unit's submission.
        let read = Set(loaded.submissions.map(\.file))
        let periodFolder = try Files.contained(folder, target.code)
        var unreadable: [(file: String, errors: Int)] = []
        for (file, errors) in errorsByFile.sorted(by: { $0.key < $1.key })
        where !read.contains(file) && (file as NSString).deletingLastPathComponent == periodFolder {
            periodErrors += errors
            unreadable.append(((file as NSString).lastPathComponent, errors.count))
        }

        // The indicators, section by section.
        var missingCount = 0
        var invalidCount = 0
        var incompleteSections: [String] = []
        var sections: [Section] = []
        for (index, area) in plan.areas.enumerated() {
            let indicators = area.indicators.filter { !$0.isDerived && !$0.reportedBy.isEmpty }
            guard !indicators.isEmpty else { continue }
            var rows: [IndicatorRow] = []
            var lacking = 0
            for indicator in indicators {
                for unit in indicator.reportedBy {
                    let (state, detail) = states[unit]?[indicator.id] ?? (.missing, "")
                    if state == .missing { missingCount += 1 }
                    if state == .invalid { invalidCount += 1 }
                    if state != .submitted { lacking += 1 }
                    rows.append(IndicatorRow(indicator: indicator.id, label: indicator.label, unit: unit, state: state, detail: detail))
                }
            }
            let heading = "I.\(index + 1). \(area.title)"
            if lacking > 0 { incompleteSections.append(heading) }
            sections.append(Section(heading: heading, rows: rows, lacking: lacking))
        }

        // The narratives behind parts II–IV of the report.
        let narratives = plan.reportingUnits.flatMap { sources(unit: $0.id, period: target, in: loaded.submissions).found }.flatMap(
            \.narratives)
        var parts: [NarrativePart] = []
        for kind in NarrativeItem.Kind.allCases {
            let items = narratives.filter { $0.kind == kind }
            parts.append(NarrativePart(kind: kind, label: narrativeLabel(kind), items: items.count, units: Set(items.map(\.unit)).count))
            if items.isEmpty { incompleteSections.append(narrativeLabel(kind)) }
        }

        // Workbooks left in the data folder.
        let workbooks = ((try? FileManager.default.contentsOfDirectory(atPath: periodFolder)) ?? []).filter {
            $0.lowercased().hasSuffix(".xlsx") && !$0.hasPrefix("~$")
        }.sorted()
        return PeriodStatus(
            period: target, planFile: plan.file, dataFolder: folder, window: plan.window(of: target), deadline: plan.deadline(of: target),
            today: day, units: unitRows, unreadable: unreadable, sections: sections, narratives: parts, periodFolder: periodFolder,
            workbooks: workbooks, periodErrors: periodErrors, incompleteSections: incompleteSections, unitsAssigned: unitsAssigned,
            unitsMissing: unitsMissing, missingCount: missingCount, invalidCount: invalidCount, silent: silent,
            states: states.mapValues { $0.mapValues(\.0) },
            checks: Engine(
                plan: plan, submissions: loaded.submissions, registry: BuiltinPlugins.registry, confirmations: loaded.confirmations
            ).figureChecks(for: target))
    }

    /// The submissions a unit's figures for `period` come from, and the parts it lacks: its own
    /// file for the period, else its files for the period's quarters (or a quarter's months).
    public static func sources(unit: String, period: Period, in submissions: [Submission]) -> (found: [Submission], missing: [Period]) {
        if let direct = submissions.first(where: { $0.unit == unit && $0.period == period }) { return ([direct], []) }
        let parts = period.isQuarter ? period.monthPeriods : period.quarters
        guard !parts.isEmpty, parts != [period] else { return ([], [period]) }
        var found: [Submission] = []
        var missing: [Period] = []
        for part in parts {
            let (f, m) = sources(unit: unit, period: part, in: submissions)
            found += f
            missing += f.isEmpty ? [part] : m
        }
        return found.isEmpty ? ([], [period]) : (found, missing)
    }

    /// The system's date (the one place a clock is read).
    public static func systemToday() -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: c.year ?? 2026, month: c.month ?? 1, day: c.day ?? 1) ?? CivilDate(year: 2026, month: 1, day: 1)!
    }

    /// The first quarter of the plan's year whose deadline is today or later; the last one after that.
    public static func defaultPeriod(_ plan: Plan, today: CivilDate) -> Period {
        let quarters = (1...4).map { Period.quarter($0, plan.year) }
        return quarters.first { plan.deadline(of: $0) >= today } ?? quarters[3]
    }

    /// The narrative kind with the part of the report it feeds.
    public static func narrativeLabel(_ kind: NarrativeItem.Kind) -> String {
        switch kind {
        case .activity: return "kết quả đã thực hiện (phần I)"
        case .limitation: return "tồn tại, hạn chế (phần II.2)"
        case .nextTask: return "nhiệm vụ kỳ tới (phần III)"
        case .proposal: return "đề xuất, kiến nghị (phần IV)"
        }
    }
}
