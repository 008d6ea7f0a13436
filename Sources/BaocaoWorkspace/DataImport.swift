import BaocaoCore
import BaocaoSheets
import Foundation

/// Imports filled forms (Excel workbooks written by `baocao form`, or YAML data files) into the
/// data folder: each is read strictly and checked like any data file, and a valid one becomes
/// <data>/<period>/<unit>.yaml. What `baocao import` and the web's upload both call. Problems
/// go to `Console.current` with their sheet and cell (or line and column).
public struct DataImport {
    public var plan: Plan
    /// The units' data folder.
    public var folder: String
    /// Replace an existing data file that differs.
    public var force: Bool
    /// Only check; write nothing.
    public var check: Bool

    public init(plan: Plan, folder: String, force: Bool, check: Bool) {
        self.plan = plan
        self.folder = folder
        self.force = force
        self.check = check
    }

    /// One file that was valid.
    public struct Accepted: Sendable {
        /// The file as given.
        public var source: String
        /// The data file it becomes.
        public var path: String
        /// "đã ghi", "không thay đổi", "đã thay thế"; nil when only checked.
        public var status: String?
        /// "12/14 chỉ tiêu được giao; còn thiếu: a, b".
        public var completeness: String
        public var submission: Submission
    }

    public struct Result: Sendable {
        public var accepted: [Accepted]
        /// The files with errors (reported), as given.
        public var failed: [String]
        /// How many of them do not exist.
        public var missingFiles: Int
        /// Forms returned with nothing filled in (warned, not imported).
        public var untouched: [String]

        public init(accepted: [Accepted] = [], failed: [String] = [], missingFiles: Int = 0, untouched: [String] = []) {
            self.accepted = accepted
            self.failed = failed
            self.missingFiles = missingFiles
            self.untouched = untouched
        }
    }

    /// For each file that would replace a different data file: that file, and the figures of
    /// the report that would change, old → new, as `baocao diff` lists them. Nothing is
    /// printed or written.
    public func replacementPreview(_ files: [String]) async -> [(file: String, target: String, changes: [String])] {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        let existing = DataLoader(plan: plan).load(folder: folder).submissions
        var previews: [(file: String, target: String, changes: [String])] = []
        for file in files {
            let quiet = Console.capturing()
            let read: (Data, Submission)? = Console.$current.withValue(quiet) { Self.read(file, plan: plan) }
            guard let (yaml, new) = read else { continue }
            let relative = "\(new.period.code)/\(new.unit).yaml"
            let target = (folder as NSString).appendingPathComponent(relative)
            guard let current = FileManager.default.contents(atPath: target), current != yaml,
                let old = existing.first(where: { $0.relativePath == relative })
            else { continue }
            let changes = await VersionDiff.figureChanges(plan: plan, submissions: existing, replacing: old, with: new)
            previews.append((file, target, changes))
        }
        return previews
    }

    /// Whether `file` is a YAML form exactly as `baocao form` wrote it.
    static func isBlankYAMLForm(_ file: String, plan: Plan) -> Bool {
        let ext = (file as NSString).pathExtension.lowercased()
        guard ext == "yaml" || ext == "yml", let data = FileManager.default.contents(atPath: file) else { return false }
        return UntouchedForm.isBlankYAMLForm(String(decoding: data, as: UTF8.self), plan: plan)
    }

    /// Reads and checks every file, then writes the valid ones (unless `check`). Throws
    /// (reported) when a file would replace a different one without `force`, or cannot be written.
    public func run(_ files: [String]) throws -> Result {
        let console = Console.current
        let existing = FileManager.default.fileExists(atPath: folder) ? DataLoader(plan: plan).load(folder: folder).submissions : []
        var failed: [String] = []
        var writes: [(path: String, data: Data, source: String, submission: Submission)] = []
        var missingFiles = 0
        var untouched: [String] = []
        var seen: [String: String] = [:]  // the file's full path → as given
        for file in files {
            guard FileManager.default.fileExists(atPath: file) else {
                console.error("\(file): error: không tìm thấy tệp (file not found)")
                failed.append(file)
                missingFiles += 1
                continue
            }
            let fullPath = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
            if let first = seen[fullPath] {
                console.error(
                    "\(file): warning: tệp này được nêu hai lần trong lệnh\(first == file ? "" : " (lần trước: \(first))"); chỉ nhập một lần (the same file given twice)"
                )
                continue
            }
            seen[fullPath] = file
            if Self.isBlankYAMLForm(file, plan: plan) {
                console.error("\(file): warning: \(UntouchedForm.message)")
                untouched.append(file)
                continue
            }
            guard let (yaml, submission) = Self.read(file, plan: plan) else {
                failed.append(file)
                continue
            }
            if UntouchedForm.isEmpty(submission) {
                console.error("\(file): warning: \(UntouchedForm.message)")
                untouched.append(file)
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
            writes.append((target, yaml, file, submission))
        }
        var accepted: [Accepted] = []
        if check {
            accepted = writes.map {
                Accepted(
                    source: $0.source, path: $0.path, status: nil, completeness: Self.completeness($0.submission, plan: plan),
                    submission: $0.submission)
            }
        } else if !writes.isEmpty {
            // Serialised with the web's saves of the same period folders.
            let folders = Set(writes.map { ($0.path as NSString).deletingLastPathComponent }).sorted()
            var locks: [DataFolderLock] = []
            defer { for lock in locks { lock.release() } }
            for folder in folders { locks.append(try DataFolderLock(folder: folder)) }
            let written = try PlainWriter(force: force, what: "tệp số liệu").write(writes.map { ($0.path, $0.data) }, folder: folder)
            for ((path, status), w) in zip(written, writes) {
                accepted.append(
                    Accepted(
                        source: w.source, path: path, status: status, completeness: Self.completeness(w.submission, plan: plan),
                        submission: w.submission))
            }
        }
        return Result(accepted: accepted, failed: failed, missingFiles: missingFiles, untouched: untouched)
    }

    /// The YAML to write and its submission, or nil with the problems reported.
    public static func read(_ file: String, plan: Plan) -> (Data, Submission)? {
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
            return (data, submission)
        }
        if ext == "ods" || ext == "csv" || ext == "xls" {
            console.error(
                "\(file): error: tệp .\(ext) không được nhận; mở bằng Excel (hoặc LibreOffice) và lưu dạng Excel Workbook (.xlsx), hoặc điền biểu mẫu .xlsx của lệnh baocao form (expected .xlsx)"
            )
            return nil
        }
        let bytes = FileManager.default.contents(atPath: file) ?? Data()
        let result = readWorkbook(bytes, name: (file as NSString).lastPathComponent, displayPath: file, plan: plan)
        for d in result.diagnostics { console.error(d.description) }
        guard let yaml = result.yaml, let submission = result.submission else { return nil }
        return (yaml, submission)
    }

    /// A filled workbook read from its bytes: the YAML it becomes (each value followed by a
    /// comment naming its cell, under a header naming the workbook) or its problems.
    public static func readWorkbook(_ bytes: Data, name: String, displayPath: String, plan: Plan) -> (
        yaml: Data?, submission: Submission?, diagnostics: [SheetDiagnostic]
    ) {
        let header = [
            "\(ImportHeader.prefix)\(name) (SHA-256 \(FileDigest.sha256(bytes))) bằng lệnh baocao import.",
            "Sửa số liệu: sửa tệp Excel rồi nhập lại (baocao import --force), hoặc sửa trực tiếp tệp này.",
        ]
        let result = FormImporter(plan: plan).read(data: bytes, displayPath: displayPath, header: header)
        guard !result.hasErrors, let yaml = result.yaml, let submission = result.submission else {
            return (nil, nil, result.diagnostics)
        }
        return (Data(yaml.utf8), submission, result.diagnostics)
    }

    /// "12/14 chỉ tiêu được giao; còn thiếu: a, b".
    public static func completeness(_ s: Submission, plan: Plan) -> String {
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
