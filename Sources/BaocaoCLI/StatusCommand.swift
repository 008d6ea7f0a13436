import ArgumentParser
import BaocaoCore
import BaocaoPlugins
import Foundation

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show who has submitted a period's data (Tình hình nộp số liệu).",
        discussion: """
            A table of units and of the indicators each must report (reported_by), each \
            submitted, missing or invalid, with the cut-off window, the deadline and the days \
            left or overdue, and the report sections still incomplete. With --strict the exit \
            status is 66 when anything required is missing and 65 when something is invalid, so \
            that it can gate a compile.
            """)

    @Option(name: .long, help: "The period (default: the first quarter of the plan's year whose deadline is not past).")
    var period: String?

    @Option(name: .long, help: "Count days from this date, YYYY-MM-DD (default: today's date).")
    var today: String?

    @Flag(name: .long, help: "Exit non-zero when anything required is missing or invalid.")
    var strict = false

    @Option(name: .long, help: "The plan file (default: the newest plan in Plans/).")
    var plan: String?

    @Option(name: .long, help: "The units' data folder (default: the plan's folder + /data).")
    var data: String?

    enum State: String {
        case submitted = "đã nộp"
        case missing = "chưa nộp"
        case invalid = "lỗi"
    }

    func run() async throws {
        let console = Console.current
        let (plan, _) = try Workspace.loadPlan(self.plan)
        let folder = data ?? ((plan.file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("data")
        let day = try currentDay()
        let target = try period.map(Workspace.parsePeriod) ?? defaultPeriod(plan, today: day)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            console.error("baocao: không tìm thấy thư mục số liệu \(folder). (data folder not found)")
            throw ExitCode(ExitStatus.noInput)
        }
        let loaded = DataLoader(plan: plan).load(folder: folder)
        let errorsByFile = Dictionary(grouping: loaded.diagnostics.filter { $0.severity == .error }, by: \.location.file)

        // Header: the window, the deadline and the days left.
        let window = plan.window(of: target)
        let deadline = plan.deadline(of: target)
        let left = day.days(to: deadline)
        let days =
            left > 0 ? "còn \(left) ngày" : left == 0 ? "hôm nay là hạn cuối" : "đã quá hạn \(-left) ngày"
        console.print("Tình hình nộp số liệu \(target.label) (\(target.code))")
        console.print("Kế hoạch: \(plan.file); số liệu: \(folder)")
        console.print(
            "Thời gian chốt số liệu: \(VietnameseFormat.shortDate(window.start)) – \(VietnameseFormat.shortDate(window.end)). Hạn gửi: \(VietnameseFormat.shortDate(deadline)) — \(days) (tính đến ngày \(VietnameseFormat.shortDate(day)))."
        )
        console.print("")

        // Each unit's files for the period and the state of each indicator it must report.
        var states: [String: [String: (State, String)]] = [:]  // unit → indicator → (state, detail)
        var unitRows: [[String]] = [["Đơn vị", "Tệp", "Đã nộp", "Chưa nộp", "Lỗi", "Tình trạng"]]
        var unitsMissing = 0
        var unitsAssigned = 0
        var silent: [String] = []  // units with nothing assigned that sent nothing
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
            let files = found.isEmpty ? "—" : found.map(\.relativePath).joined(separator: ", ")
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
            if !required.isEmpty {
                unitsAssigned += 1
                if found.isEmpty || !missingParts.isEmpty || (counts[.missing] ?? 0) > 0 { unitsMissing += 1 }
            } else if found.isEmpty {
                silent.append(unit.shortName)
            }
            let none = required.isEmpty ? "—" : nil
            unitRows.append([
                unit.shortName, files, none ?? "\(counts[.submitted] ?? 0)", none ?? "\(counts[.missing] ?? 0)",
                none ?? "\(counts[.invalid] ?? 0)", state,
            ])
        }
        // Files of the period's folder that could not be read as any unit's submission.
        let read = Set(loaded.submissions.map(\.file))
        let periodFolderPath = (folder as NSString).appendingPathComponent(target.code)
        for (file, errors) in errorsByFile.sorted(by: { $0.key < $1.key })
        where !read.contains(file) && (file as NSString).deletingLastPathComponent == periodFolderPath {
            periodErrors += errors
            unitRows.append(["(không đọc được)", (file as NSString).lastPathComponent, "", "", "\(errors.count)", "tệp lỗi, không tính"])
        }
        for line in alignedColumns(unitRows) { console.print(line) }
        console.print("")

        // The indicators, section by section.
        console.print("Chỉ tiêu theo phần báo cáo:")
        var missingCount = 0
        var invalidCount = 0
        var incompleteSections: [String] = []
        for (index, area) in plan.areas.enumerated() {
            let rows = area.indicators.filter { !$0.isDerived && !$0.reportedBy.isEmpty }
            guard !rows.isEmpty else { continue }
            var table: [[String]] = [["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị", "Tình trạng"]]
            var lacking = 0
            for indicator in rows {
                for unit in indicator.reportedBy {
                    let (state, detail) = states[unit]?[indicator.id] ?? (.missing, "")
                    if state == .missing { missingCount += 1 }
                    if state == .invalid { invalidCount += 1 }
                    if state != .submitted { lacking += 1 }
                    table.append([
                        indicator.id, Self.short(indicator.label), unit, detail.isEmpty ? state.rawValue : "\(state.rawValue) (\(detail))",
                    ])
                }
            }
            let heading = "I.\(index + 1). \(area.title)"
            if lacking > 0 { incompleteSections.append(heading) }
            console.print("\(heading) — \(lacking == 0 ? "đủ số liệu" : "còn \(lacking) chỉ tiêu chưa đủ")")
            for line in alignedColumns(table) { console.print("   " + line) }
        }

        // The narratives behind parts II–IV of the report.
        let narratives = plan.reportingUnits.flatMap { sources(unit: $0.id, period: target, in: loaded.submissions).found }.flatMap(
            \.narratives)
        var parts: [String] = []
        for kind in NarrativeItem.Kind.allCases {
            let items = narratives.filter { $0.kind == kind }
            let units = Set(items.map(\.unit)).count
            parts.append("\(Self.narrativeLabel(kind)): \(items.isEmpty ? "chưa có" : "\(items.count) mục của \(units) đơn vị")")
            if items.isEmpty { incompleteSections.append(Self.narrativeLabel(kind)) }
        }
        console.print("")
        console.print("Thuyết minh của các đơn vị: " + parts.joined(separator: "; ") + ".")

        // Workbooks left in the data folder.
        let periodFolder = periodFolderPath
        let workbooks = ((try? FileManager.default.contentsOfDirectory(atPath: periodFolder)) ?? []).filter {
            $0.lowercased().hasSuffix(".xlsx") && !$0.hasPrefix("~$")
        }.sorted()
        if !workbooks.isEmpty {
            console.print(
                "Tệp Excel chưa nhập trong \(periodFolder): \(workbooks.joined(separator: ", ")) — chạy: baocao import \(workbooks.map { (periodFolder as NSString).appendingPathComponent($0) }.joined(separator: " "))"
            )
        }
        // The plan's rules and the figures far from each unit's history.
        let checks = Engine(
            plan: plan, submissions: loaded.submissions, registry: BuiltinPlugins.registry, confirmations: loaded.confirmations
        ).figureChecks(for: target)
        if !checks.isEmpty {
            console.print("")
            console.print("Kiểm tra số liệu (quy tắc của kế hoạch; số liệu khác xa các kỳ trước):")
            for d in Diagnostic.sortedUnique(checks) { console.print("  " + d.description) }
        }
        if !periodErrors.isEmpty {
            console.print("")
            console.print("Lỗi trong số liệu của kỳ (sửa rồi chạy lại):")
            for d in Diagnostic.sortedUnique(periodErrors) { console.print("  " + d.description) }
        }
        console.print("")
        console.print(
            "Phần báo cáo chưa đủ: \(incompleteSections.isEmpty ? "không có" : incompleteSections.joined(separator: "; "))."
        )
        var summary =
            "Kết quả: \(unitsAssigned - unitsMissing)/\(unitsAssigned) đơn vị được giao chỉ tiêu đã đủ số liệu; \(missingCount) chỉ tiêu chưa nộp; \(invalidCount) chỉ tiêu có lỗi"
        if !silent.isEmpty { summary += "; chưa nhận thuyết minh của: \(silent.joined(separator: ", "))" }
        console.print(summary + ".")
        if strict {
            if invalidCount > 0 || !periodErrors.isEmpty || checks.contains(where: { $0.severity == .error }) {
                throw ExitCode(ExitStatus.invalidInput)
            }
            if missingCount > 0 || unitsMissing > 0 { throw ExitCode(ExitStatus.noInput) }
        }
    }

    /// The submissions a unit's figures for `period` come from, and the parts it lacks: its own
    /// file for the period, else its files for the period's quarters (or a quarter's months).
    func sources(unit: String, period: Period, in submissions: [Submission]) -> (found: [Submission], missing: [Period]) {
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

    /// The date days are counted from: --today, or the system's date (the one place a clock is read).
    func currentDay() throws -> CivilDate {
        if let today {
            guard let d = CivilDate(iso: today) else {
                Console.current.error("baocao: --today '\(today)' không phải ngày hợp lệ; dùng dạng YYYY-MM-DD. (invalid date)")
                throw ExitCode(ExitStatus.usage)
            }
            return d
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: c.year ?? 2026, month: c.month ?? 1, day: c.day ?? 1) ?? CivilDate(year: 2026, month: 1, day: 1)!
    }

    /// The first quarter of the plan's year whose deadline is today or later; the last one after that.
    func defaultPeriod(_ plan: Plan, today: CivilDate) -> Period {
        let quarters = (1...4).map { Period.quarter($0, plan.year) }
        return quarters.first { plan.deadline(of: $0) >= today } ?? quarters[3]
    }

    static func short(_ label: String) -> String { label.count > 60 ? String(label.prefix(59)) + "…" : label }

    /// The narrative kind with the part of the report it feeds.
    static func narrativeLabel(_ kind: NarrativeItem.Kind) -> String {
        switch kind {
        case .activity: return "kết quả đã thực hiện (phần I)"
        case .limitation: return "tồn tại, hạn chế (phần II.2)"
        case .nextTask: return "nhiệm vụ kỳ tới (phần III)"
        case .proposal: return "đề xuất, kiến nghị (phần IV)"
        }
    }
}
