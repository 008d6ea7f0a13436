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
            """)

    @Option(name: .long, help: "The plan file (default: the newest plan in Plans/).")
    var plan: String?

    @Option(name: .long, help: "The period: 2026-Q1, 2026-H1, 2026-Q3, 2026-9M, 2026 … (default: the latest with data).")
    var period: String?

    @Option(name: .long, help: "The units' data folder (default: the plan's folder + /data).")
    var data: String?

    @Option(
        name: .long,
        help: "Output formats, comma-separated, from: \(Renderers.formats.joined(separator: ",")). pdf needs LibreOffice.")
    var format: String = "docx,md,html,json"

    @Option(name: .long, help: "The output folder.")
    var out: String = "Output"

    @Option(name: .long, help: "The signing date, YYYY-MM-DD (default: left blank, a draft).")
    var date: String?

    @Option(name: .long, help: "The report's number, e.g. 15 (default: left blank, a draft).")
    var number: String?

    @Flag(name: .long, help: "Write a partial draft when a plugin fails, instead of stopping.")
    var partial = false

    @Flag(name: .long, help: "Replace existing report files that differ from the new ones.")
    var force = false

    @Flag(name: .long, help: "Log what the engine does.")
    var verbose = false

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
        let requested = try period.map(Workspace.parsePeriod)
        let workspace = try Workspace.load(plan: plan, data: data)
        var logger = Logger(label: "baocao") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        let engine = Engine(plan: workspace.plan, submissions: workspace.submissions, registry: workspace.registry, logger: logger)

        let target: Period
        if let requested {
            guard requested.year == workspace.plan.year else {
                console.error(
                    "baocao: kỳ \(requested.label) không thuộc năm của kế hoạch (\(workspace.plan.year)). (period outside the plan's year)")
                throw ExitCode(ExitStatus.usage)
            }
            target = requested
        } else {
            guard let latest = engine.latestPeriodWithData() else {
                Workspace.report(workspace.diagnostics)
                console.error(
                    "baocao: chưa có số liệu cho kỳ báo cáo nào của năm \(workspace.plan.year) trong \(workspace.dataFolder). (no data for any reported period)"
                )
                throw ExitCode(ExitStatus.noInput)
            }
            target = latest
        }

        let output: Engine.Output
        do {
            output = try await engine.compile(
                period: target, options: Engine.Options(number: number, date: signingDate, allowPartial: partial))
        } catch let failure as Engine.PluginFailure {
            console.error("baocao: \(failure.description)")
            console.error("baocao: dùng --partial để vẫn xuất bản nháp thiếu phần này. (use --partial for a partial draft)")
            throw ExitCode(ExitStatus.pluginFailed)
        }
        let diagnostics = Diagnostic.sortedUnique(workspace.diagnostics + output.diagnostics)
        Workspace.report(diagnostics)

        // Render everything first: nothing is written unless every format succeeded.
        var files: [(path: String, data: Data)] = []
        let folder = ((out as NSString).appendingPathComponent(String(target.year)) as NSString).appendingPathComponent(target.code)
        for renderer in formats {
            let bytes: Data
            do {
                bytes = try renderer.init().render(output.document)
            } catch {
                console.error("baocao: không tạo được tệp \(renderer.format): \(error)")
                throw ExitCode(ExitStatus.cannotWrite)
            }
            let name = "bao-cao-\(target.code).\(renderer.fileExtension)"
            files.append(((folder as NSString).appendingPathComponent(name), bytes))
        }
        let record = CompileRecord(
            period: target, planPath: workspace.planPath, dataFolder: workspace.dataFolder, submissions: workspace.submissions,
            plan: workspace.plan, number: number, date: signingDate, partial: partial, formats: formats.map { $0.format },
            document: output.document, diagnostics: diagnostics)
        let written = try OutputWriter(force: force, record: record).write(files, folder: folder)

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

    func write(_ files: [(path: String, data: Data)], folder: String) throws -> [(String, String)] {
        try VersionWriter(force: force, record: record).write(files, folder: folder)
    }
}
