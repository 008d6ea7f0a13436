import BaocaoCore
import BaocaoRender
import Foundation
import Logging

/// Compiles a period's report into a new version of its output folder (see Versions.swift):
/// what `baocao compile` and the web's compile page both call.
public enum ReportCompiler {
    /// What every report of the run shares.
    public struct Settings: Sendable {
        public var formats: [String]
        public var signingDate: CivilDate?
        public var number: String?
        public var partial: Bool
        public var force: Bool
        public var verbose: Bool
        /// How each report's files reach the disk: a batch shares its flushes.
        public var flush: Flush = .eachFile

        public init(
            formats: [String], signingDate: CivilDate?, number: String?, partial: Bool, force: Bool, verbose: Bool,
            flush: Flush = .eachFile
        ) {
            self.formats = formats
            self.signingDate = signingDate
            self.number = number
            self.partial = partial
            self.force = force
            self.verbose = verbose
            self.flush = flush
        }
    }

    /// The periods asked for: nil for "the latest with data", [] for "all with data".
    public enum PeriodRequest: Sendable {
        case latest
        case all
        case these([Period])
    }

    /// A report number as the officer types it: digits and letters, no "/" or space (the
    /// symbol BC-… comes from the plan).
    public static func isValidNumber(_ number: String) -> Bool {
        !(number.isEmpty || number.contains("/") || number.contains(" "))
    }

    /// What a compile made.
    public struct Outcome: Sendable {
        public var period: Period
        /// The output folder, Output/<year>/<period>.
        public var folder: String
        public var document: ReportDocument
        /// The plan's and data's diagnostics with the compile's, sorted.
        public var diagnostics: [Diagnostic]
        /// The top-level files and the version folder, each with what happened to it.
        public var written: [(path: String, status: String)]

        /// The lines `baocao compile` prints when a report is done.
        public var summaryLines: [String] {
            var lines = ["Đã biên soạn báo cáo \(period.label)\(document.header.isDraft ? " (bản dự thảo, chưa có số và ngày ký)" : "")."]
            if document.metadata.properties["illustrative"] == "true" {
                lines.append("Lưu ý: báo cáo được tổng hợp từ SỐ LIỆU MINH HỌA.")
            }
            for (path, status) in written { lines.append("  \(status): \(path)") }
            lines.append("Kiểm tra: \(countLine(diagnostics)).")
            return lines
        }
    }

    /// The periods to compile for a workspace.
    public static func target(_ request: PeriodRequest, workspace: Workspace) throws -> [Period] {
        let console = Console.current
        let plan = workspace.plan
        let engine = Engine(plan: plan, submissions: workspace.submissions, registry: workspace.registry, aggregator: workspace.aggregator)
        switch request {
        case .these(let periods):
            for p in periods where p.year != plan.year {
                console.error(
                    "baocao: kỳ \(p.label) không thuộc năm của kế hoạch (\(plan.year))\(PlanChoice.hint(for: p, besides: plan)). (period outside the plan's year)"
                )
                throw WorkspaceFailure(ExitStatus.usage)
            }
            return periods
        case .latest, .all:
            let aggregator = workspace.aggregator
            let withData = plan.reportedPeriods.filter { aggregator.hasData(for: $0) }
            let chosen: [Period]
            if case .latest = request { chosen = engine.latestPeriodWithData().map { [$0] } ?? [] } else { chosen = withData }
            guard !chosen.isEmpty else {
                Workspace.report(workspace.diagnostics)
                console.error(
                    "baocao: chưa có số liệu cho kỳ báo cáo nào của năm \(plan.year) trong \(workspace.dataFolder). (no data for any reported period)"
                )
                throw WorkspaceFailure(ExitStatus.noInput)
            }
            return chosen
        }
    }

    /// Compiles, renders and writes one report; its diagnostics and any failure go to
    /// `Console.current`.
    @discardableResult
    public static func compile(workspace: Workspace, period target: Period, out: String, settings: Settings) async throws -> Outcome {
        let console = Console.current
        let formats = settings.formats.compactMap(Renderers.renderer(for:))
        var logger = Logger(label: "baocao") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = settings.verbose ? .debug : .warning
        let engine = Engine(
            plan: workspace.plan, submissions: workspace.submissions, registry: workspace.registry, logger: logger,
            aggregator: workspace.aggregator)
        let output: Engine.Output
        do {
            output = try await engine.compile(
                period: target,
                options: Engine.Options(number: settings.number, date: settings.signingDate, allowPartial: settings.partial))
        } catch let failure as Engine.PluginFailure {
            console.error("baocao: \(failure.description)")
            console.error("baocao: dùng --partial để vẫn xuất bản nháp thiếu phần này. (use --partial for a partial draft)")
            throw WorkspaceFailure(ExitStatus.pluginFailed)
        }
        let diagnostics = Diagnostic.sortedUnique(workspace.diagnostics + output.diagnostics)
        Workspace.report(diagnostics)

        // Render everything first, the formats in parallel: nothing is written unless every
        // format succeeded.
        let folder = ((out as NSString).appendingPathComponent(String(target.year)) as NSString).appendingPathComponent(target.code)
        let document = output.document
        let rendered = await withTaskGroup(of: (Int, Result<(data: Data, warnings: [String]), any Error>).self) { group in
            for (index, renderer) in formats.enumerated() {
                group.addTask { (index, Result { try renderer.init().renderChecked(document) }) }
            }
            var results: [Int: Result<(data: Data, warnings: [String]), any Error>] = [:]
            for await (index, result) in group { results[index] = result }
            return results
        }
        var files: [(path: String, data: Data)] = []
        for (index, renderer) in formats.enumerated() {
            let bytes: Data
            switch rendered[index]! {
            case .success(let output):
                bytes = output.data
                // What the officer should check in the file (a PDF drawn with a substitute font).
                for warning in output.warnings { console.error("baocao: cảnh báo (\(renderer.format)): \(warning)") }
            case .failure(let error):
                console.error("baocao: không tạo được tệp \(renderer.format): \(error)")
                throw WorkspaceFailure(ExitStatus.cannotWrite)
            }
            let name = "bao-cao-\(target.code).\(renderer.fileExtension)"
            files.append(((folder as NSString).appendingPathComponent(name), bytes))
        }
        let record = CompileRecord(
            period: target, planPath: workspace.planPath, dataFolder: workspace.dataFolder, submissions: workspace.submissions,
            plan: workspace.plan, number: settings.number, date: settings.signingDate, partial: settings.partial,
            formats: settings.formats, document: output.document, diagnostics: diagnostics, inputDigests: workspace.inputDigests)
        // Writing waits on the disk (every file is flushed before it is renamed into place): it
        // runs on a thread of its own, so that in a batch the cores go on compiling meanwhile.
        let writer = OutputWriter(force: settings.force, record: record, flush: settings.flush)
        let outputs = files
        let written = try await OffPool.run { try writer.write(outputs, folder: folder) }

        return Outcome(period: target, folder: folder, document: output.document, diagnostics: diagnostics, written: written)
    }
}

/// Writes report files atomically and never replaces a different report without --force.
/// Each compile of a period is kept as a numbered version with its manifest (see Versions.swift):
/// the top-level files are copies of the latest version, a hand-edited file is never replaced
/// without --force (and is then kept under versions/ban-cu-NNN/), and a version marked as sent is
/// never followed by a different one without --force.
struct OutputWriter {
    var force: Bool
    var record: CompileRecord
    var flush: Flush = .eachFile

    func write(_ files: [(path: String, data: Data)], folder: String) throws -> [(String, String)] {
        try VersionWriter(force: force, record: record, flush: flush).write(files, folder: folder)
    }
}

/// Runs blocking work (file writes that wait for the disk, a lock held by another process) on a
/// thread of its own instead of one of the few threads that run Swift's tasks, carrying the
/// task's console and, in tests, its injected write faults.
public enum OffPool {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let console = Console.current
        let faults = WriteFaults.injector
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                Console.$current.withValue(console) {
                    WriteFaults.$injector.withValue(faults) { continuation.resume(with: Result { try body() }) }
                }
            }
            thread.start()
        }
    }
}
