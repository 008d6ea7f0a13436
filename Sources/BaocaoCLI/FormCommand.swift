import ArgumentParser
import BaocaoCore
import BaocaoWorkspace
import Foundation

struct FormCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Phát biểu mẫu nhập số liệu của một kỳ, mỗi đơn vị một biểu (write the data-entry forms).",
        discussion: """
            Mỗi biểu mẫu ghi mọi chỉ tiêu kế hoạch giao cho đơn vị: tên, đơn vị tính, cách tính, \
            thời gian chốt số liệu, và chỗ ghi thuyết minh; dạng Excel (.xlsx) và/hoặc YAML có chú \
            thích, ghi vào <out>/<năm>/<kỳ>/bieu-mau/<đơn vị>-<kỳ>.<đuôi>. Biểu mẫu đã điền được nhập \
            lại bằng baocao import. (One form per unit, in Excel and/or YAML.)
            """)

    @Option(name: .long, help: "Kỳ báo cáo, ví dụ 2026-Q4 (the period).")
    var period: String

    @Option(name: .long, help: "Mã đơn vị, ghi nhiều lần được (mặc định: mọi đơn vị nộp số liệu) (a unit id).")
    var unit: [String] = []

    @Option(name: .long, help: "Định dạng biểu mẫu, cách nhau bằng dấu phẩy: xlsx, yaml (form formats).")
    var format: String = "xlsx,yaml"

    @Option(
        name: .long,
        help: "Tệp kế hoạch (mặc định: theo năm của kỳ, trong Plans/) (the plan file; default: the plan in Plans/ for the period's year).")
    var plan: String?

    @Option(name: .long, help: "Thư mục báo cáo (the output folder).")
    var out: String = "Output"

    @Flag(name: .long, help: "Thay biểu mẫu đã có mà khác (ví dụ biểu mẫu cũ) (replace forms that differ).")
    var force = false

    func run() async throws {
        let console = Console.current
        let formats = try parseFormats()
        let target = try Workspace.parsePeriod(period)
        let (plan, _) = try Workspace.loadPlan(self.plan, period: target)
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
