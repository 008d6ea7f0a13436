import BaocaoCore
import BaocaoPlugins
import Foundation

/// The exit statuses of `baocao` (documented in README.md).
public enum ExitStatus {
    /// Success.
    public static let ok: Int32 = 0
    /// A wrong option or argument (ArgumentParser's own).
    public static let usage: Int32 = 64
    /// The plan or the data has errors.
    public static let invalidInput: Int32 = 65
    /// A plan, data folder or period could not be found.
    public static let noInput: Int32 = 66
    /// A plugin failed while writing its section.
    public static let pluginFailed: Int32 = 70
    /// An output file could not be written, or would overwrite a different report.
    public static let cannotWrite: Int32 = 73
}

/// A failure already reported to `Console.current` (the located messages, in Vietnamese): what
/// the CLI turns into its exit status and the server into an error page.
public struct WorkspaceFailure: Error, Sendable, CustomStringConvertible {
    /// The exit status (`ExitStatus`).
    public var status: Int32

    public init(_ status: Int32) { self.status = status }

    public var description: String { "exit status \(status)" }
}

/// The plan and data a command works on, loaded with every diagnostic printed.
public struct Workspace: Sendable {
    // The plan and submissions never change once loaded: the aggregator below is built from them.
    public let plan: Plan
    public var planPath: String
    public let submissions: [Submission]
    public var dataFolder: String
    public var diagnostics: [Diagnostic]
    /// The input files' digests for the manifests, computed once for all reports of a batch.
    public var inputDigests = InputDigests()
    /// Builds each period's figures once for all reports of a batch.
    public let aggregator: Aggregator

    public var registry: PluginRegistry { BuiltinPlugins.registry }

    /// The message when the command does not run in a project folder.
    public static let notInProject =
        "baocao: không tìm thấy kế hoạch nào trong thư mục Plans/. Hãy chạy lệnh trong thư mục dự án, hoặc chỉ rõ tệp kế hoạch bằng --plan. (no plan found)"

    /// The report folder when none is given.
    public static let defaultOutput = "Output"

    /// Refuses to work on the default report folder where neither it nor `Plans/` exists: the
    /// command was run outside the project folder (inside Output/, say), as the commands that
    /// look for a plan say.
    public static func checkInProject(out: String) throws {
        let fileManager = FileManager.default
        guard out == defaultOutput, !fileManager.fileExists(atPath: out), !fileManager.fileExists(atPath: PlanChoice.folder) else { return }
        Console.current.error(
            "baocao: không có thư mục Output/ hay Plans/ ở đây. Hãy chạy lệnh trong thư mục dự án, hoặc chỉ rõ thư mục báo cáo bằng --out. (not in a project folder)"
        )
        throw WorkspaceFailure(ExitStatus.noInput)
    }

    /// Finds the plan: the given path, or under `Plans/` (of `workspace`, by default the current
    /// folder) the plan whose year contains `period` (`PlanChoice`), else the newest plan.
    public static func resolvePlanPath(_ given: String?, period: Period? = nil, workspace: String = ".") throws -> String {
        if let given { return given }
        let folder = workspace == "." ? PlanChoice.folder : (workspace as NSString).appendingPathComponent(PlanChoice.folder)
        guard let candidates = PlanChoice.candidates(in: folder) else {
            Console.current.error(notInProject)
            throw WorkspaceFailure(ExitStatus.noInput)
        }
        if let period, let path = PlanChoice.plan(for: period, among: candidates) { return path }
        return candidates.last!.path
    }

    /// Loads the plan; prints its diagnostics; throws when it has errors.
    public static func loadPlan(_ given: String?, period: Period? = nil) throws -> (Plan, [Diagnostic]) {
        let path = try resolvePlanPath(given, period: period)
        let result = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(path: path)
        guard let plan = result.plan else {
            report(result.diagnostics)
            let noFile = result.diagnostics.contains { $0.location.line == 0 && $0.message.contains("không tìm thấy") }
            Console.current.error("baocao: kế hoạch \(path) có lỗi, chưa thể dùng. (the plan has errors)")
            throw WorkspaceFailure(noFile ? ExitStatus.noInput : ExitStatus.invalidInput)
        }
        return (plan, result.diagnostics)
    }

    /// Loads plan and data. Diagnostics are returned, not printed, except when loading fails.
    /// Without a plan, the rule of the year chooses one (`PlanChoice`): the plan of `period`'s
    /// year, or with no period the plan holding the latest period with data.
    public static func load(plan given: String?, data: String?, period: Period? = nil) throws -> Workspace {
        if given == nil, period == nil, let candidates = PlanChoice.candidates(),
            let chosen = PlanChoice.latestWithData(candidates, data: data)
        {
            return chosen
        }
        let (plan, planDiagnostics) = try loadPlan(given, period: period)
        let folder = data ?? ((plan.file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("data")
        let result = DataLoader(plan: plan).load(folder: folder)
        let all = planDiagnostics + result.diagnostics
        if result.diagnostics.contains(where: { $0.severity == .error }) {
            report(all)
            let missing = result.diagnostics.contains { $0.location.file == folder && $0.location.line == 0 }
            Console.current.error("baocao: số liệu trong \(folder) có lỗi; hãy sửa các lỗi trên rồi chạy lại. (the data has errors)")
            throw WorkspaceFailure(missing ? ExitStatus.noInput : ExitStatus.invalidInput)
        }
        return Workspace(
            plan: plan, planPath: plan.file, submissions: result.submissions, dataFolder: folder, diagnostics: all,
            aggregator: Aggregator(plan: plan, submissions: result.submissions))
    }

    /// Prints diagnostics to standard error, errors and warnings alike, in file order.
    public static func report(_ diagnostics: [Diagnostic]) {
        for d in Diagnostic.sortedUnique(diagnostics) { Console.current.error(d.description) }
    }

    /// Parses a period code given on the command line.
    public static func parsePeriod(_ text: String) throws -> Period {
        guard let p = Period(text) else {
            Console.current.error(
                "baocao: '\(text)' không phải kỳ báo cáo; dùng dạng 2026-Q1, 2026-H1, 2026-9M, 2026 hoặc 2026-03. (invalid period)")
            throw WorkspaceFailure(ExitStatus.usage)
        }
        return p
    }
}

/// "1 lỗi, 2 cảnh báo".
public func countLine(_ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    return "\(errors) lỗi, \(warnings) cảnh báo"
}

extension Workspace {
    /// What `baocao validate` checks: the plan's and data's diagnostics, and those of compiling
    /// `period` (default: the latest with data) as a partial draft, sorted.
    public func validate(period requested: Period?) async -> (checked: Period?, diagnostics: [Diagnostic]) {
        var diagnostics = self.diagnostics
        let engine = Engine(plan: plan, submissions: submissions, registry: registry, aggregator: aggregator)
        var checked: Period?
        if let target = requested ?? engine.latestPeriodWithData() {
            checked = target
            do {
                let output = try await engine.compile(period: target, options: .init(allowPartial: true))
                diagnostics += output.diagnostics
            } catch {
                diagnostics.append(.error(.file(planPath), "\(error)"))
            }
        }
        return (checked, Diagnostic.sortedUnique(diagnostics))
    }
}

extension Workspace {
    /// Loads plan and data as `load` does, holding every period data folder's lock
    /// (`DataFolderLock`, as saves and imports do) while the files are read and their digests
    /// taken: the manifest of a compile made from it records the digest of exactly the bytes
    /// that were parsed, even while units save.
    public static func loadLocked(plan given: String?, data: String?) throws -> Workspace {
        let planPath = try resolvePlanPath(given)
        let folder = data ?? ((planPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("data")
        let periods = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { Period($0) != nil }.sorted()
        var locks: [DataFolderLock] = []
        defer { for lock in locks { lock.release() } }
        for name in periods { locks.append(try DataFolderLock(folder: (folder as NSString).appendingPathComponent(name))) }
        let workspace = try load(plan: planPath, data: data)
        _ = workspace.inputDigests.entry(workspace.planPath)
        for base in workspace.plan.bases { _ = workspace.inputDigests.entry(base) }
        for submission in workspace.submissions { _ = workspace.inputDigests.entry(submission.file) }
        return workspace
    }
}
