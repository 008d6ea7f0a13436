import ArgumentParser
import BaocaoCore
import BaocaoWorkspace
import Foundation

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Tình hình nộp số liệu của một kỳ: đơn vị nào đã nộp, còn thiếu gì (who has submitted a period's data).",
        discussion: """
            Bảng các đơn vị và các chỉ tiêu mỗi đơn vị phải nộp (reported_by): đã nộp, còn thiếu \
            hoặc có lỗi; thời gian chốt số liệu, hạn gửi và số ngày còn lại hoặc đã quá; các phần \
            báo cáo chưa đủ. Với --strict, mã thoát 66 khi còn thiếu, 65 khi có lỗi, để chặn việc \
            biên soạn. (Who has submitted what, the deadline, and what is missing.)
            """)

    @Option(
        name: .long,
        help:
            "Kỳ báo cáo (mặc định: quý sớm nhất, trong các kế hoạch có mặt, chưa quá hạn gửi) (the period; default: the earliest quarter whose deadline is not past)."
    )
    var period: String?

    @Option(name: .long, help: "Tính số ngày từ ngày này, dạng YYYY-MM-DD (mặc định: hôm nay) (count days from this date).")
    var today: String?

    @Flag(name: .long, help: "Trả mã thoát khác 0 khi còn thiếu hoặc có lỗi (exit non-zero when anything is missing or invalid).")
    var strict = false

    @Option(
        name: .long,
        help: "Tệp kế hoạch (mặc định: theo năm của kỳ, trong Plans/) (the plan file; default: the plan in Plans/ for the period's year).")
    var plan: String?

    @Option(name: .long, help: "Thư mục số liệu của các đơn vị (mặc định: thư mục data cạnh kế hoạch) (the units' data folder).")
    var data: String?

    func run() async throws {
        let console = Console.current
        let day = try currentDay()
        var requested = try period.map(Workspace.parsePeriod)
        var planPath = self.plan
        if planPath == nil, requested == nil, let candidates = PlanChoice.candidates(),
            let current = PlanChoice.currentQuarter(candidates, today: day)
        {
            (planPath, requested) = (current.path, current.period)
        }
        let (plan, _) = try Workspace.loadPlan(planPath, period: requested)
        let folder = data ?? ((plan.file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("data")
        let target = requested ?? PeriodStatus.defaultPeriod(plan, today: day)
        let status = try PeriodStatus.compute(plan: plan, folder: folder, period: target, today: day)

        // Header: the window, the deadline and the days left.
        let date = VietnameseFormat.shortDate
        console.print("Tình hình nộp số liệu \(target.label) (\(target.code))")
        console.print("Kế hoạch: \(plan.file); số liệu: \(folder)")
        console.print(
            "Thời gian chốt số liệu: \(date(status.window.start)) – \(date(status.window.end)). Hạn gửi: \(date(status.deadline)) — \(status.daysText) (tính đến ngày \(date(day)))."
        )
        console.print("")

        var unitRows: [[String]] = [["Đơn vị", "Tệp", "Đã nộp", "Chưa nộp", "Lỗi", "Tình trạng"]]
        for row in status.units {
            let none = row.required == 0 ? "—" : nil
            unitRows.append([
                row.shortName, row.files.isEmpty ? "—" : row.files.joined(separator: ", "), none ?? "\(row.submitted)",
                none ?? "\(row.missing)", none ?? "\(row.invalid)", row.state,
            ])
        }
        for (file, errors) in status.unreadable { unitRows.append(["(không đọc được)", file, "", "", "\(errors)", "tệp lỗi, không tính"]) }
        for line in alignedColumns(unitRows) { console.print(line) }
        console.print("")

        // The indicators, section by section.
        console.print("Chỉ tiêu theo phần báo cáo:")
        for section in status.sections {
            var table: [[String]] = [["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị", "Tình trạng"]]
            for row in section.rows { table.append([row.indicator, Self.short(row.label), row.unit, row.stateText]) }
            console.print(
                "\(section.heading) — \(section.lacking == 0 ? "đủ số liệu" : "còn \(section.lacking) chỉ tiêu chưa đủ")")
            for line in alignedColumns(table) { console.print("   " + line) }
        }

        // The narratives behind parts II–IV of the report.
        let parts = status.narratives.map { "\($0.label): \($0.items == 0 ? "chưa có" : "\($0.items) mục của \($0.units) đơn vị")" }
        console.print("")
        console.print("Thuyết minh của các đơn vị: " + parts.joined(separator: "; ") + ".")

        // Workbooks left in the data folder.
        let periodFolder = status.periodFolder
        if !status.workbooks.isEmpty {
            console.print(
                "Tệp Excel chưa nhập trong \(periodFolder): \(status.workbooks.joined(separator: ", ")) — chạy: baocao import \(status.workbooks.map { (periodFolder as NSString).appendingPathComponent($0) }.joined(separator: " "))"
            )
        }
        if !status.periodErrors.isEmpty {
            console.print("")
            console.print("Lỗi trong số liệu của kỳ (sửa rồi chạy lại):")
            for d in Diagnostic.sortedUnique(status.periodErrors) { console.print("  " + d.description) }
        }
        console.print("")
        let incomplete = status.incompleteSections
        console.print("Phần báo cáo chưa đủ: \(incomplete.isEmpty ? "không có" : incomplete.joined(separator: "; ")).")
        var summary =
            "Kết quả: \(status.unitsAssigned - status.unitsMissing)/\(status.unitsAssigned) đơn vị được giao chỉ tiêu đã đủ số liệu; \(status.missingCount) chỉ tiêu chưa nộp; \(status.invalidCount) chỉ tiêu có lỗi"
        if !status.silent.isEmpty { summary += "; chưa nhận thuyết minh của: \(status.silent.joined(separator: ", "))" }
        console.print(summary + ".")
        if strict {
            if status.invalidCount > 0 || !status.periodErrors.isEmpty { throw ExitCode(ExitStatus.invalidInput) }
            if status.missingCount > 0 || status.unitsMissing > 0 { throw ExitCode(ExitStatus.noInput) }
        }
    }

    /// The date days are counted from: --today, or the system's date.
    func currentDay() throws -> CivilDate {
        if let today {
            guard let d = CivilDate(iso: today) else {
                Console.current.error("baocao: --today '\(today)' không phải ngày hợp lệ; dùng dạng YYYY-MM-DD. (invalid date)")
                throw ExitCode(ExitStatus.usage)
            }
            return d
        }
        return PeriodStatus.systemToday()
    }

    static func short(_ label: String) -> String { label.count > 60 ? String(label.prefix(59)) + "…" : label }
}
