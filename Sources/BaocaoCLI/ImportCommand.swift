import ArgumentParser
import BaocaoCore
import BaocaoWorkspace
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập biểu mẫu đã điền (Excel hoặc YAML) vào thư mục số liệu (import filled forms).",
        discussion: """
            Mỗi tệp được đọc chặt chẽ và kiểm tra như mọi tệp số liệu; mọi lỗi chỉ rõ trang tính và \
            ô (hoặc dòng và cột). Biểu mẫu hợp lệ thành <data>/<kỳ>/<đơn vị>.yaml, mỗi giá trị kèm \
            chú thích tên ô. Tệp đã có mà khác chỉ được thay khi có --force; khi không có, các số \
            liệu sẽ thay đổi (cũ → mới) được liệt kê. Biểu mẫu chưa điền gì được cảnh báo và không \
            nhập. \
            Mã thoát 65 khi có tệp lỗi (tệp hợp lệ vẫn được nhập), 73 khi phải thay một tệp. \
            (Imports filled forms; never replaces a different file without --force.)
            """)

    @Argument(help: "Biểu mẫu đã điền: tệp .xlsx do lệnh baocao form tạo, hoặc tệp số liệu YAML (filled forms).")
    var files: [String]

    @Option(
        name: .long,
        help: "Tệp kế hoạch (mặc định: theo năm của kỳ, trong Plans/) (the plan file; default: the plan in Plans/ for the period's year).")
    var plan: String?

    @Option(name: .long, help: "Thư mục số liệu của các đơn vị (mặc định: thư mục data cạnh kế hoạch) (the units' data folder).")
    var data: String?

    @Flag(name: .long, help: "Thay tệp số liệu đã có mà khác (replace a data file that differs).")
    var force = false

    @Flag(name: .long, help: "Chỉ kiểm tra, không ghi gì (only check the files).")
    var check = false

    func run() async throws {
        let console = Console.current
        // Without --plan, each file is read with the plan of its period's year (PlanChoice).
        let groups =
            self.plan == nil ? PlanChoice.candidates().flatMap { PlanChoice.importGroups(files, candidates: $0) } : nil
        var result = DataImport.Result()
        for group in groups?.map({ (Optional($0.plan), $0.files) }) ?? [(self.plan, files)] {
            let (plan, _) = try Workspace.loadPlan(group.0)
            let folder = data ?? ((plan.file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("data")
            let importer = DataImport(plan: plan, folder: folder, force: force, check: check)
            let part: DataImport.Result
            do {
                part = try importer.run(group.1)
            } catch let failure as WorkspaceFailure where failure.status == ExitStatus.cannotWrite && !force {
                // Refused to replace a different file: what would change, and how to confirm.
                for preview in await importer.replacementPreview(group.1) {
                    console.error("Nếu thay \(preview.target) bằng \(preview.file), số liệu sẽ thay đổi (\(preview.changes.count)):")
                    for line in preview.changes.isEmpty ? ["  không có số liệu nào của báo cáo thay đổi"] : preview.changes {
                        console.error(line)
                    }
                }
                console.error(
                    "Nếu đúng là cần thay, chạy lại với --force: baocao import \(files.joined(separator: " ")) --force (to replace, add --force)"
                )
                throw failure
            }
            result.accepted += part.accepted
            result.failed += part.failed
            result.missingFiles += part.missingFiles
            result.untouched += part.untouched
        }
        for w in result.accepted {
            if let status = w.status {
                console.print("\(status): \(w.path) (từ \(w.source))")
                console.print("  " + w.completeness)
            } else {
                console.print("Hợp lệ: \(w.source) → \(w.path) (chưa ghi, --check)")
            }
        }
        let failed = result.failed
        let blank = result.untouched.isEmpty ? "" : "; \(result.untouched.count) tệp chưa điền: " + result.untouched.joined(separator: ", ")
        console.print(
            "Đã \(check ? "kiểm tra" : "nhập") \(result.accepted.count) tệp; \(failed.count) tệp có lỗi\(failed.isEmpty ? "" : ", chưa nhập: " + failed.joined(separator: ", "))\(blank)."
        )
        if !failed.isEmpty { throw ExitCode(result.missingFiles == failed.count ? ExitStatus.noInput : ExitStatus.invalidInput) }
    }
}
