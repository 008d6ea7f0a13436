import ArgumentParser
import BaocaoCore
import BaocaoPlugins
import BaocaoSheets
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
        let loadedFolder = FileManager.default.fileExists(atPath: folder) ? DataLoader(plan: plan).load(folder: folder) : nil
        let existing = loadedFolder?.submissions ?? []
        var failed: [String] = []
        var writes: [(path: String, data: Data, source: String, submission: Submission)] = []
        var missingFiles = 0
        for file in files {
            guard FileManager.default.fileExists(atPath: file) else {
                console.error("\(file): error: không tìm thấy tệp (file not found)")
                failed.append(file)
                missingFiles += 1
                continue
            }
            guard let (yaml, submission, origins) = read(file, plan: plan) else {
                failed.append(file)
                continue
            }
            let relative = "\(submission.period.code)/\(submission.unit).yaml"
            let target = (folder as NSString).appendingPathComponent(relative)
            if let other = existing.first(where: {
                $0.unit == submission.unit && $0.period == submission.period && $0.relativePath != relative
            }) {
                console.error(
                    "\(file): error: đơn vị '\(submission.unit)' đã có tệp số liệu \(submission.period.label) khác: \(other.file); mỗi kỳ chỉ một tệp. Xóa tệp đó hoặc đổi tên cho bắt đầu bằng '_' rồi nhập lại (duplicate submission)"
                )
                failed.append(file)
                continue
            }
            if let earlier = writes.first(where: { $0.path == target }) {
                console.error(
                    "\(file): error: trùng đơn vị và kỳ với \(earlier.source) (\(submission.unit), \(submission.period.code)); chỉ nhập một tệp (duplicate submission)"
                )
                failed.append(file)
                continue
            }
            // A rule of severity error failing on the file's figures keeps it out, as a wrong count does.
            guard
                reportChecks(submission, origins: origins, existing: existing, confirmations: loadedFolder?.confirmations ?? [], plan: plan)
            else {
                failed.append(file)
                continue
            }
            writes.append((target, yaml, file, submission))
        }
        if check {
            for w in writes { console.print("Hợp lệ: \(w.source) → \(w.path) (chưa ghi, --check)") }
        } else if !writes.isEmpty {
            let written = try PlainWriter(force: force, what: "tệp số liệu").write(writes.map { ($0.path, $0.data) }, folder: folder)
            for ((path, status), w) in zip(written, writes) {
                console.print("\(status): \(path) (từ \(w.source))")
                console.print("  " + completeness(w.submission, plan: plan))
            }
        }
        console.print(
            "Đã \(check ? "kiểm tra" : "nhập") \(writes.count) tệp; \(failed.count) tệp có lỗi\(failed.isEmpty ? "" : ", chưa nhập: " + failed.joined(separator: ", "))."
        )
        if !failed.isEmpty { throw ExitCode(missingFiles == failed.count ? ExitStatus.noInput : ExitStatus.invalidInput) }
    }

    /// The YAML to write and its submission, or nil with the problems printed.
    func read(_ file: String, plan: Plan) -> (Data, Submission, [Int: SheetLocation])? {
        let console = Console.current
        let ext = (file as NSString).pathExtension.lowercased()
        if ext == "yaml" || ext == "yml" {
            guard let data = FileManager.default.contents(atPath: file) else {
                console.error("\(file): error: không đọc được tệp (file is not readable)")
                return nil
            }
            let result = DataLoader(plan: plan).load(text: String(decoding: data, as: UTF8.self), displayPath: file)
            Workspace.report(result.diagnostics)
            guard !result.diagnostics.contains(where: { $0.severity == .error }), let submission = result.submissions.first else {
                return nil
            }
            return (data, submission, [:])
        }
        if ext == "ods" || ext == "csv" || ext == "xls" {
            console.error(
                "\(file): error: tệp .\(ext) không được nhận; mở bằng Excel (hoặc LibreOffice) và lưu dạng Excel Workbook (.xlsx), hoặc điền biểu mẫu .xlsx của lệnh baocao form (expected .xlsx)"
            )
            return nil
        }
        let bytes = FileManager.default.contents(atPath: file) ?? Data()
        let name = (file as NSString).lastPathComponent
        let header = [
            "\(ImportHeader.prefix)\(name) (SHA-256 \(FileDigest.sha256(bytes))) bằng lệnh baocao import.",
            "Sửa số liệu: sửa tệp Excel rồi nhập lại (baocao import --force), hoặc sửa trực tiếp tệp này.",
        ]
        let result = FormImporter(plan: plan).read(data: bytes, displayPath: file, header: header)
        for d in result.diagnostics { console.error(d.description) }
        guard !result.hasErrors, let yaml = result.yaml, let submission = result.submission else { return nil }
        return (Data(yaml.utf8), submission, result.origins)
    }

    /// The plan's rules on the imported figures, and each figure against the unit's history,
    /// printed as warnings or errors at the figure (its cell, for a workbook): the officer sees
    /// a likely typo while the unit's file is still at hand. False when a rule of severity error fails.
    func reportChecks(
        _ submission: Submission, origins: [Int: SheetLocation], existing: [Submission], confirmations: [ConfirmedFigure], plan: Plan
    ) -> Bool {
        let others = existing.filter { !($0.unit == submission.unit && $0.period == submission.period) }
        let engine = Engine(
            plan: plan, submissions: others + [submission], registry: BuiltinPlugins.registry, confirmations: confirmations)
        let found = engine.figureChecks(for: submission.period).filter { $0.location.file == submission.file }
        for d in found {
            if let cell = origins[d.location.line] {
                Console.current.error(SheetDiagnostic(d.severity, file: submission.file, location: cell, message: d.message).description)
            } else {
                Console.current.error(d.description)
            }
        }
        return !found.contains { $0.severity == .error }
    }

    /// "12/14 chỉ tiêu được giao; còn thiếu: a, b".
    func completeness(_ s: Submission, plan: Plan) -> String {
        guard let unit = plan.unit(s.unit) else { return "" }
        let required = plan.indicators.filter { !$0.isDerived && $0.reportedBy.contains(unit.id) }
        let narratives = "\(s.narratives.count) mục thuyết minh"
        guard !required.isEmpty else { return "\(unit.shortName), \(s.period.label): không được giao chỉ tiêu số liệu; \(narratives)." }
        let missing = required.filter { s.figures[$0.id] == nil }
        var line =
            "\(unit.shortName), \(s.period.label): \(required.count - missing.count)/\(required.count) chỉ tiêu được giao; \(narratives)"
        if !missing.isEmpty { line += "; còn thiếu: " + missing.map(\.id).joined(separator: ", ") }
        return line + "."
    }
}
