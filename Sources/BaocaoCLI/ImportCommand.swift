import ArgumentParser
import BaocaoCore
import BaocaoWorkspace
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import filled forms (Excel or YAML) into the data folder (Nhập biểu mẫu đã điền).",
        discussion: """
            Each file is read strictly and checked like any data file; every problem is listed \
            with its sheet and cell (or line and column). A valid form becomes \
            <data>/<period>/<unit>.yaml, each value followed by a comment naming its cell. An \
            existing different file is never replaced without --force. Exit status 65 when a \
            file has errors (the valid ones are still imported), 73 when a file would be replaced.
            """)

    @Argument(help: "Filled forms: .xlsx workbooks written by `baocao form`, or YAML data files.")
    var files: [String]

    @Option(name: .long, help: "The plan file (default: the newest plan in Plans/).")
    var plan: String?

    @Option(name: .long, help: "The units' data folder (default: the plan's folder + /data).")
    var data: String?

    @Flag(name: .long, help: "Replace an existing data file that differs.")
    var force = false

    @Flag(name: .long, help: "Only check the files; write nothing.")
    var check = false

    func run() async throws {
        let console = Console.current
        let (plan, _) = try Workspace.loadPlan(self.plan)
        let folder = data ?? ((plan.file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("data")
        let result = try DataImport(plan: plan, folder: folder, force: force, check: check).run(files)
        for w in result.accepted {
            if let status = w.status {
                console.print("\(status): \(w.path) (từ \(w.source))")
                console.print("  " + w.completeness)
            } else {
                console.print("Hợp lệ: \(w.source) → \(w.path) (chưa ghi, --check)")
            }
        }
        let failed = result.failed
        console.print(
            "Đã \(check ? "kiểm tra" : "nhập") \(result.accepted.count) tệp; \(failed.count) tệp có lỗi\(failed.isEmpty ? "" : ", chưa nhập: " + failed.joined(separator: ", "))."
        )
        if !failed.isEmpty { throw ExitCode(result.missingFiles == failed.count ? ExitStatus.noInput : ExitStatus.invalidInput) }
    }
}
