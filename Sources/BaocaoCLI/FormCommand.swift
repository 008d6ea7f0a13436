import ArgumentParser
import BaocaoCore
import BaocaoWorkspace
import Foundation

struct FormCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Write the data-entry forms of a period, one per unit (Biểu mẫu nhập số liệu).",
        discussion: """
            Each form lists every indicator the plan asks of the unit, with its label, unit of \
            measure, what to count and the cut-off window, and room for narratives: an Excel \
            workbook (.xlsx) and/or a commented YAML file, written to \
            <out>/<year>/<period>/bieu-mau/<unit>-<period>.<ext>. Filled forms come back with \
            `baocao import`.
            """)

    @Option(name: .long, help: "The period, e.g. 2026-Q4.")
    var period: String

    @Option(name: .long, help: "A unit id (repeatable; default: every unit that submits data).")
    var unit: [String] = []

    @Option(name: .long, help: "Formats, comma-separated: xlsx, yaml.")
    var format: String = "xlsx,yaml"

    @Option(name: .long, help: "The plan file (default: the newest plan in Plans/).")
    var plan: String?

    @Option(name: .long, help: "The output folder.")
    var out: String = "Output"

    @Flag(name: .long, help: "Replace existing forms that differ (e.g. an older form).")
    var force = false

    func run() async throws {
        let console = Console.current
        let formats = try parseFormats()
        let target = try Workspace.parsePeriod(period)
        let (plan, _) = try Workspace.loadPlan(self.plan)
        let result = try FormGenerator.write(plan: plan, period: target, units: unit, formats: formats, out: out, force: force)
        console.print(
            "Biểu mẫu số liệu \(target.label) (chốt số liệu \(result.windowText); hạn gửi \(VietnameseFormat.shortDate(plan.deadline(of: target)))):"
        )
        for (path, status) in result.written { console.print("  \(status): \(path)") }
        console.print("Gửi mỗi đơn vị biểu mẫu của mình; khi nhận lại, chạy: baocao import <tệp>…")
    }

    func parseFormats() throws -> [String] {
        var result: [String] = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
            guard FormGenerator.formats.contains(name) else {
                Console.current.error("baocao: định dạng biểu mẫu '\(name)' không được hỗ trợ; chọn xlsx, yaml. (unknown form format)")
                throw ExitCode(ExitStatus.usage)
            }
            if !result.contains(name) { result.append(name) }
        }
        guard !result.isEmpty else {
            Console.current.error("baocao: --format cần ít nhất một định dạng (xlsx, yaml). (no format)")
            throw ExitCode(ExitStatus.usage)
        }
        return result
    }
}
