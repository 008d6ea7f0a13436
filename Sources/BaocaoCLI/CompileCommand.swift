import ArgumentParser
import BaocaoCore
import BaocaoRender
import BaocaoWorkspace
import Foundation

struct CompileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Biên soạn báo cáo định kỳ (compile a period's report).",
        discussion: """
            Không có tùy chọn: biên soạn kỳ gần nhất đã có số liệu, với kế hoạch có năm chứa kỳ \
            đó, thành bản dự thảo (để trống số và ngày), vào Output/<năm>/<kỳ>/. (With no options: \
            the latest period with data, as a draft.)

            Hàng loạt: ghi --plan nhiều lần (mỗi kế hoạch đọc thư mục số liệu của nó) và/hoặc nhiều \
            kỳ (--period 2026-Q1,2026-H1, hoặc --period all cho mọi kỳ đã có số liệu). Các báo cáo \
            được biên soạn song song; với nhiều kế hoạch, báo cáo của mỗi kế hoạch vào \
            Output/<tên tệp kế hoạch>/<năm>/<kỳ>/. Một báo cáo lỗi không dừng các báo cáo khác; \
            bảng tóm tắt liệt kê mọi lỗi. (Batch: several plans or periods, compiled in parallel.)
            """)

    @Option(
        name: .long,
        help:
            "Tệp kế hoạch; ghi nhiều lần cho nhiều kế hoạch (mặc định: kế hoạch trong Plans/ theo năm của kỳ) (a plan file; repeat for several plans)."
    )
    var plan: [String] = []

    @Option(
        name: .long,
        help:
            "Kỳ báo cáo: 2026-Q1, 2026-H1, 2026-Q3, 2026-9M, 2026 …, cách nhau bằng dấu phẩy, hoặc 'all' (mặc định: kỳ gần nhất đã có số liệu) (the period(s); default: the latest with data)."
    )
    var period: String?

    @Option(
        name: .long,
        help: "Thư mục số liệu của các đơn vị (mặc định: thư mục data cạnh kế hoạch); chỉ với một kế hoạch (the units' data folder).")
    var data: String?

    @Option(
        name: .long,
        help:
            "Định dạng xuất, cách nhau bằng dấu phẩy, trong: \(Renderers.formats.joined(separator: ",")); pdf cần LibreOffice (output formats)."
    )
    var format: String = "docx,md,html,json"

    @Option(name: .long, help: "Thư mục báo cáo (the output folder).")
    var out: String = "Output"

    @Option(name: .long, help: "Ngày ký, dạng YYYY-MM-DD (mặc định: để trống, bản dự thảo) (the signing date).")
    var date: String?

    @Option(
        name: .long,
        help: "Số của báo cáo, ví dụ 15 (mặc định: để trống, bản dự thảo); chỉ khi biên soạn một báo cáo (the report's number).")
    var number: String?

    @Flag(name: .long, help: "Khi một phần báo cáo (plugin) bị lỗi, vẫn xuất bản nháp thiếu phần đó thay vì dừng (write a partial draft).")
    var partial = false

    @Flag(name: .long, help: "Thay các tệp báo cáo đã có mà khác bản mới (replace report files that differ).")
    var force = false

    @Flag(name: .long, help: "Ghi nhật ký các bước biên soạn (log what the engine does).")
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
            var period: Period?
            if case .these(let periods) = request { period = periods.first }
            let workspace = try Workspace.load(plan: plans[0], data: data, period: period)
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
