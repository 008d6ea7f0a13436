import BaocaoCore
import Foundation

/// Compiles many reports in one run — several plans (a commune's plan each, say) and/or several
/// periods — in parallel on the available cores. Each report runs with its own captured console,
/// so one failing report neither stops nor garbles the others; the summary lists each failure
/// with its errors.
public struct BatchCompiler: Sendable {
    let plans: [String?]
    let data: String?
    let request: ReportCompiler.PeriodRequest
    let out: String
    let settings: ReportCompiler.Settings

    public init(plans: [String?], data: String?, request: ReportCompiler.PeriodRequest, out: String, settings: ReportCompiler.Settings) {
        self.plans = plans
        self.data = data
        self.request = request
        self.out = out
        self.settings = settings
    }

    /// One report to compile.
    struct Job: Sendable {
        var workspace: Workspace
        var period: Period
        var out: String
        var label: String
    }

    /// What became of one plan or one report.
    struct Outcome: Error, Sendable {
        var label: String
        var status: Int32
        var errors: [String]
    }

    public func run() async throws {
        let console = Console.current
        let started = Date()
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let folders = outputFolders()

        // Load every plan and its data (in parallel), and decide its periods.
        var planned: [Job] = []
        var outcomes: [Outcome] = []
        let loaded = await forEach(Array(plans.indices), workers: workers) { index -> (Int, Result<(Workspace, [Period]), Outcome>) in
            let capture = Console.capturing()
            return Console.$current.withValue(capture) {
                do {
                    let workspace = try Workspace.load(plan: plans[index], data: data)
                    let periods = try ReportCompiler.target(request, workspace: workspace)
                    return (index, Result<(Workspace, [Period]), Outcome>.success((workspace, periods)))
                } catch {
                    return (index, .failure(Outcome(label: self.label(index), status: Self.status(error), errors: Self.errors(capture))))
                }
            }
        }
        for (index, result) in loaded.sorted(by: { $0.0 < $1.0 }) {
            switch result {
            case .success(let (workspace, periods)):
                planned += periods.map { Job(workspace: workspace, period: $0, out: folders[index], label: "\(label(index)) \($0.code)") }
            case .failure(let outcome):
                outcomes.append(outcome)
            }
        }

        // Compile the reports. Their files are flushed to the disk in groups (see FlushGroup).
        var grouped = settings
        grouped.flush = .group(FlushGroup())
        let reportSettings = grouped
        let jobs = planned
        let total = jobs.count
        let progress = Progress(total: total, console: console)
        // Twice as many reports in flight as cores: while one report waits for the disk (its
        // files are written off the task threads), another is compiled on that core.
        let results = await forEach(Array(jobs.indices), workers: workers * 2) { i -> (Int, Outcome) in
            let job = jobs[i]
            let capture = Console.capturing()
            let status: Int32 = await Console.$current.withValue(capture) {
                do {
                    try await ReportCompiler.compile(workspace: job.workspace, period: job.period, out: job.out, settings: reportSettings)
                    return ExitStatus.ok
                } catch {
                    return Self.status(error)
                }
            }
            progress.step(job.label)
            return (i, Outcome(label: job.label, status: status, errors: status == 0 ? [] : Self.errors(capture)))
        }
        progress.finish()
        outcomes += results.sorted { $0.0 < $1.0 }.map(\.1)

        let failed = outcomes.filter { $0.status != ExitStatus.ok }
        let succeeded = results.filter { $0.1.status == ExitStatus.ok }.count
        let seconds = VietnameseFormat.number(Date().timeIntervalSince(started), fractionDigits: 2)
        console.print(
            "Biên soạn hàng loạt \(plans.count) kế hoạch: \(succeeded) báo cáo thành công, \(failed.count) lỗi "
                + "(\(seconds) giây, \(workers) luồng).")
        for outcome in failed {
            console.error("✗ \(outcome.label) (mã \(outcome.status)):")
            for line in outcome.errors.prefix(10) { console.error("    \(line)") }
            if outcome.errors.count > 10 { console.error("    … và \(outcome.errors.count - 10) dòng khác") }
        }
        if let first = failed.first { throw WorkspaceFailure(first.status) }
    }

    /// Where each plan's reports go: the output folder itself for one plan; otherwise a folder
    /// per plan named after its file (or, when two plans share a file name, after its folder).
    func outputFolders() -> [String] {
        guard plans.count > 1 else { return [out] }
        let stems = plans.map { (($0 ?? "plan") as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "") }
        return plans.indices.map { i in
            let name =
                stems.filter { $0 == stems[i] }.count > 1
                ? ((((plans[i] ?? "") as NSString).deletingLastPathComponent as NSString).lastPathComponent + "-" + stems[i])
                : stems[i]
            return (out as NSString).appendingPathComponent(name)
        }
    }

    func label(_ index: Int) -> String { plans[index] ?? "Plans/" }

    static func status(_ error: any Error) -> Int32 {
        (error as? WorkspaceFailure)?.status ?? ExitStatus.invalidInput
    }

    /// The error lines a report printed (its warnings are left out of the summary).
    static func errors(_ console: Console) -> [String] {
        console.standardError.split(separator: "\n").map(String.init).filter { $0.contains("error:") || $0.hasPrefix("baocao:") }
    }

    /// Runs `body` over `items` with at most `workers` at a time; results in completion order.
    func forEach<T: Sendable, R: Sendable>(_ items: [T], workers: Int, _ body: @escaping @Sendable (T) async -> R) async -> [R] {
        await withTaskGroup(of: R.self) { group in
            var results: [R] = []
            var next = 0
            while next < min(workers, items.count) {
                let item = items[next]
                group.addTask { await body(item) }
                next += 1
            }
            while let result = await group.next() {
                results.append(result)
                if next < items.count {
                    let item = items[next]
                    group.addTask { await body(item) }
                    next += 1
                }
            }
            return results
        }
    }
}

/// "[12/300] Plans/xa-a.yaml 2026-Q3" on one terminal line, only when standard error is a terminal.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let console: Console
    private var done = 0

    init(total: Int, console: Console) {
        self.total = total
        self.console = console
    }

    func step(_ label: String) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        guard console.isTerminal else { return }
        console.write(toError: "\r\u{1B}[2K[\(done)/\(total)] \(label)")
    }

    func finish() {
        guard console.isTerminal, total > 0 else { return }
        console.write(toError: "\r\u{1B}[2K")
    }
}
