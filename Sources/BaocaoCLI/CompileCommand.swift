import ArgumentParser
import BaocaoCore
import BaocaoRender
import Foundation
import Logging

struct CompileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile a period's report (Biên soạn báo cáo định kỳ).",
        discussion: """
            With no options, compiles the shipped plan for the latest reported period that has \
            data, as a draft (number and day left blank), into Output/<year>/<period>/.

            Batch: repeat --plan (each plan reads its own data folder) and/or give several periods \
            (--period 2026-Q1,2026-H1 or --period all for every reported period with data). The \
            reports are compiled in parallel on the available cores; with several plans each plan's \
            reports go to Output/<plan file name>/<year>/<period>/. One failing report does not stop \
            the others; the summary lists every failure with its errors.
            """)

    @Option(name: .long, help: "A plan file; repeat for several plans (default: the newest plan in Plans/).")
    var plan: [String] = []

    @Option(
        name: .long,
        help: "The period(s): 2026-Q1, 2026-H1, 2026-Q3, 2026-9M, 2026 …, comma-separated, or 'all' (default: the latest with data).")
    var period: String?

    @Option(name: .long, help: "The units' data folder (default: the plan's folder + /data). One plan only.")
    var data: String?

    @Option(
        name: .long,
        help: "Output formats, comma-separated, from: \(Renderers.formats.joined(separator: ",")). pdf needs LibreOffice.")
    var format: String = "docx,md,html,json"

    @Option(name: .long, help: "The output folder.")
    var out: String = "Output"

    @Option(name: .long, help: "The signing date, YYYY-MM-DD (default: left blank, a draft).")
    var date: String?

    @Option(name: .long, help: "The report's number, e.g. 15 (default: left blank, a draft). One report only.")
    var number: String?

    @Flag(name: .long, help: "Write a partial draft when a plugin fails, instead of stopping.")
    var partial = false

    @Flag(name: .long, help: "Replace existing report files that differ from the new ones.")
    var force = false

    @Flag(name: .long, help: "Log what the engine does.")
    var verbose = false

    /// What every report of the run shares.
    struct Settings: Sendable {
        var formats: [String]
        var signingDate: CivilDate?
        var number: String?
        var partial: Bool
        var force: Bool
        var verbose: Bool
        /// How each report's files reach the disk: a batch shares its flushes.
        var flush: Flush = .eachFile
    }

    /// The periods asked for: nil for "the latest with data", [] for "all with data".
    enum PeriodRequest: Sendable {
        case latest
        case all
        case these([Period])
    }

    func run() async throws {
        let console = Console.current
        let formats = try parseFormats()
        var signingDate: CivilDate?
        if let date {
            guard let d = CivilDate(iso: date) else {
                console.error("baocao: --date '\(date)' không phải ngày hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2026-09-18. (invalid date)")
                throw ExitCode(ExitStatus.usage)
            }
            signingDate = d
        }
        if let number, number.isEmpty || number.contains("/") || number.contains(" ") {
            console.error(
                "baocao: --number '\(number)' không hợp lệ; chỉ ghi số, ví dụ 15 (ký hiệu BC-… lấy từ kế hoạch). (invalid number)")
            throw ExitCode(ExitStatus.usage)
        }
        let request: PeriodRequest
        switch period?.trimmingCharacters(in: .whitespaces).lowercased() {
        case nil: request = .latest
        case "all", "tat-ca", "tất cả": request = .all
        case .some:
            let codes = period!.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            request = .these(try codes.map(Workspace.parsePeriod))
        }
        let settings = Settings(
            formats: formats.map { $0.format }, signingDate: signingDate, number: number, partial: partial, force: force,
            verbose: verbose)
        let plans: [String?] = plan.isEmpty ? [nil] : plan.map { Optional($0) }
        let isBatch: Bool
        switch request {
        case .all: isBatch = true
        case .these(let periods): isBatch = periods.count > 1 || plans.count > 1
        case .latest: isBatch = plans.count > 1
        }
        guard isBatch else {
            let workspace = try Workspace.load(plan: plans[0], data: data)
            let target = try Self.target(request, workspace: workspace).first!
            try await Self.compile(workspace: workspace, period: target, out: out, settings: settings)
            return
        }
        if number != nil {
            console.error("baocao: --number chỉ dùng khi biên soạn một báo cáo. (--number needs a single report)")
            throw ExitCode(ExitStatus.usage)
        }
        if data != nil && plans.count > 1 {
            console.error("baocao: --data chỉ dùng với một kế hoạch; mỗi kế hoạch đọc thư mục data cạnh nó. (--data needs a single plan)")
            throw ExitCode(ExitStatus.usage)
        }
        try await BatchCompiler(plans: plans, data: data, request: request, out: out, settings: settings).run()
    }

    /// The periods to compile for a workspace.
    static func target(_ request: PeriodRequest, workspace: Workspace) throws -> [Period] {
        let console = Console.current
        let plan = workspace.plan
        let engine = Engine(plan: plan, submissions: workspace.submissions, registry: workspace.registry, aggregator: workspace.aggregator)
        switch request {
        case .these(let periods):
            for p in periods where p.year != plan.year {
                console.error("baocao: kỳ \(p.label) không thuộc năm của kế hoạch (\(plan.year)). (period outside the plan's year)")
                throw ExitCode(ExitStatus.usage)
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
                throw ExitCode(ExitStatus.noInput)
            }
            return chosen
        }
    }

    /// Compiles, renders and writes one report, printing to `Console.current`.
    static func compile(workspace: Workspace, period target: Period, out: String, settings: Settings) async throws {
        let console = Console.current
        let formats = settings.formats.compactMap(Renderers.renderer(for:))
        var logger = Logger(label: "baocao") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = settings.verbose ? .debug : .warning
        let engine = workspace.engine(logger: logger)
        let output: Engine.Output
        do {
            output = try await engine.compile(
                period: target,
                options: Engine.Options(number: settings.number, date: settings.signingDate, allowPartial: settings.partial))
        } catch let failure as Engine.PluginFailure {
            console.error("baocao: \(failure.description)")
            console.error("baocao: dùng --partial để vẫn xuất bản nháp thiếu phần này. (use --partial for a partial draft)")
            throw ExitCode(ExitStatus.pluginFailed)
        }
        let diagnostics = Diagnostic.sortedUnique(workspace.diagnostics + output.diagnostics)
        Workspace.report(diagnostics)
        if output.rulesFailed {
            console.error(
                "baocao: số liệu \(target.label) không thỏa quy tắc kiểm tra của kế hoạch (lỗi ở trên); sửa số liệu rồi biên soạn lại. (a rule of the plan fails)"
            )
            throw ExitCode(ExitStatus.invalidInput)
        }

        // Render everything first, the formats in parallel: nothing is written unless every
        // format succeeded.
        let folder = ((out as NSString).appendingPathComponent(String(target.year)) as NSString).appendingPathComponent(target.code)
        let document = output.document
        let rendered = await withTaskGroup(of: (Int, Result<Data, any Error>).self) { group in
            for (index, renderer) in formats.enumerated() {
                group.addTask { (index, Result { try renderer.init().render(document) }) }
            }
            var results: [Int: Result<Data, any Error>] = [:]
            for await (index, result) in group { results[index] = result }
            return results
        }
        var files: [(path: String, data: Data)] = []
        for (index, renderer) in formats.enumerated() {
            let bytes: Data
            switch rendered[index]! {
            case .success(let data): bytes = data
            case .failure(let error):
                console.error("baocao: không tạo được tệp \(renderer.format): \(error)")
                throw ExitCode(ExitStatus.cannotWrite)
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

        console.print(
            "Đã biên soạn báo cáo \(target.label)\(output.document.header.isDraft ? " (bản dự thảo, chưa có số và ngày ký)" : "").")
        if output.document.metadata.properties["illustrative"] == "true" {
            console.print("Lưu ý: báo cáo được tổng hợp từ SỐ LIỆU MINH HỌA.")
        }
        for (path, status) in written { console.print("  \(status): \(path)") }
        console.print("Kiểm tra: \(countLine(diagnostics)).")
    }

    func parseFormats() throws -> [any Renderer.Type] {
        var result: [any Renderer.Type] = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
            guard let r = Renderers.renderer(for: name) else {
                Console.current.error(
                    "baocao: định dạng '\(name)' không được hỗ trợ; chọn trong: \(Renderers.formats.joined(separator: ", ")). (unknown format)"
                )
                throw ExitCode(ExitStatus.usage)
            }
            if !result.contains(where: { $0 == r }) { result.append(r) }
        }
        if result.isEmpty {
            Console.current.error("baocao: --format cần ít nhất một định dạng. (no format)")
            throw ExitCode(ExitStatus.usage)
        }
        return result
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
enum OffPool {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
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
