import ArgumentParser
import BaocaoCore
import BaocaoPlugins
import BaocaoWorkspace
import Foundation

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Kiểm tra kế hoạch và số liệu của các đơn vị (check a plan and the units' data).",
        discussion: """
            Liệt kê mọi lỗi và cảnh báo dạng tệp:dòng:cột: mức: nội dung, kể cả số liệu còn thiếu \
            của kỳ. Mã thoát 65 khi có lỗi. (Lists every error and warning, located.)
            """)

    @Argument(
        help: "Tệp kế hoạch (mặc định: theo năm của kỳ, trong Plans/) (the plan file; default: the plan in Plans/ for the period's year).")
    var planArgument: String?

    @Option(name: .customLong("plan"), help: "Tệp kế hoạch, như ở lệnh compile và như tham số (the plan file, same as the argument).")
    var planOption: String?

    var plan: String? { planOption ?? planArgument }

    @Option(name: .long, help: "Thư mục số liệu của các đơn vị (mặc định: thư mục data cạnh kế hoạch) (the units' data folder).")
    var data: String?

    @Option(name: .long, help: "Kỳ cần kiểm tra đủ số liệu (mặc định: kỳ gần nhất đã có số liệu) (the period to check).")
    var period: String?

    func run() async throws {
        let console = Console.current
        let requested = try period.map(Workspace.parsePeriod)
        let workspace = try Workspace.load(plan: plan, data: data, period: requested)
        let (checked, diagnostics) = await workspace.validate(period: requested)
        Workspace.report(diagnostics)
        console.print("Kế hoạch: \(workspace.planPath) — \(workspace.plan.identity.title)")
        if !workspace.plan.bases.isEmpty {
            console.print("Kế thừa từ: \(workspace.plan.bases.joined(separator: " → "))")
        }
        console.print(
            "Số liệu: \(workspace.dataFolder) — \(workspace.submissions.count) tệp của \(Set(workspace.submissions.map(\.unit)).count) đơn vị"
        )
        if let checked { console.print("Kiểm tra đủ số liệu cho: \(checked.label)") }
        console.print("Kết quả: \(countLine(diagnostics)).")
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.invalidInput) }
    }
}

struct PeriodsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "periods",
        abstract: "Các kỳ báo cáo của một năm, thời gian chốt số liệu và hạn gửi (a year's reporting periods).")

    @Argument(help: "Năm (mặc định: năm của kế hoạch) (the year).")
    var year: Int?

    @Option(
        name: .long,
        help: "Tệp kế hoạch (mặc định: theo năm của kỳ, trong Plans/) (the plan file; default: the plan in Plans/ for the period's year).")
    var plan: String?

    func run() async throws {
        // The plan of the year asked for, when Plans/ holds several (PlanChoice).
        let (plan, _) = try Workspace.loadPlan(self.plan, period: self.year.flatMap { Period("\($0)") })
        let year = self.year ?? plan.year
        guard (1900...9999).contains(year) else {
            Console.current.error("baocao: năm \(year) không hợp lệ. (invalid year)")
            throw ExitCode(ExitStatus.usage)
        }
        let console = Console.current
        console.print("Các kỳ báo cáo năm \(year) theo \(plan.file) (cùng các kỳ khác có thể biên soạn):")
        console.print("")
        var rows: [[String]] = [["Mã kỳ", "Kỳ báo cáo", "Thời gian chốt số liệu", "Hạn gửi", "Theo kế hoạch"]]
        let reported = Set(plan.reporting.periods.map(\.kind))
        var periods: [Period] = (1...4).map { .quarter($0, year) }
        periods += [.half(1, year), .nineMonths(year), .half(2, year), .year(year)]
        for p in periods.sorted() {
            let w = plan.window(of: p)
            rows.append([
                p.code, p.label, "\(VietnameseFormat.shortDate(w.start)) – \(VietnameseFormat.shortDate(w.end))",
                VietnameseFormat.shortDate(plan.deadline(of: p)), reported.contains(p.kindCode) ? "có" : "",
            ])
        }
        for line in alignedColumns(rows) { console.print(line) }
    }
}

struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "Các phần báo cáo (plugin) có sẵn và các lĩnh vực của kế hoạch dùng chúng (the section plugins and the plan's areas).")

    @Option(
        name: .long,
        help: "Tệp kế hoạch (mặc định: theo năm của kỳ, trong Plans/) (the plan file; default: the plan in Plans/ for the period's year).")
    var plan: String?

    func run() async throws {
        let console = Console.current
        let registry = BuiltinPlugins.registry
        let planLoaded = try? Workspace.loadPlan(self.plan).0
        for d in registry.descriptors {
            let areas = planLoaded?.areas.filter { $0.plugin == d.id }.map { "\($0.id) (\($0.title))" } ?? []
            console.print("\(d.id) — \(d.title)")
            console.print("    \(d.summary)")
            console.print("    Lĩnh vực trong kế hoạch: \(areas.isEmpty ? "không có" : areas.joined(separator: ", "))")
        }
    }
}

/// Pads columns of text to equal widths (counting characters, not bytes).
func alignedColumns(_ rows: [[String]]) -> [String] {
    let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
    return rows.map { row in
        row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count) }
            .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
}
