import ArgumentParser
import BaocaoCore
import BaocaoRender
import BaocaoWorkspace
import Foundation

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
        if let number, !ReportCompiler.isValidNumber(number) {
            console.error(
                "baocao: --number '\(number)' không hợp lệ; chỉ ghi số, ví dụ 15 (ký hiệu BC-… lấy từ kế hoạch). (invalid number)")
            throw ExitCode(ExitStatus.usage)
        }
        let request: ReportCompiler.PeriodRequest
        switch period?.trimmingCharacters(in: .whitespaces).lowercased() {
        case nil: request = .latest
        case "all", "tat-ca", "tất cả": request = .all
        case .some:
            let codes = period!.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            request = .these(try codes.map(Workspace.parsePeriod))
        }
        let settings = ReportCompiler.Settings(
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
            let target = try ReportCompiler.target(request, workspace: workspace).first!
            let outcome = try await ReportCompiler.compile(workspace: workspace, period: target, out: out, settings: settings)
            for line in outcome.summaryLines { console.print(line) }
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
