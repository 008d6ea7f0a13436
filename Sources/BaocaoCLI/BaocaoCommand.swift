import ArgumentParser
import BaocaoCore
import BaocaoPlugins
import BaocaoWorkspace

/// `baocao`: compiles the periodic reports of a year's administrative-reform plan.
public struct BaocaoCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "baocao",
        abstract: "Biên soạn báo cáo định kỳ kết quả thực hiện kế hoạch CCHC (periodic reform reports).",
        discussion: """
            Không ghi --plan: dùng kế hoạch trong thư mục Plans/ có năm chứa kỳ báo cáo; không ghi \
            --period: kỳ gần nhất đã có số liệu, trong mọi kế hoạch có mặt (tháng 12 vẫn hoàn thành \
            báo cáo năm nay khi đã có kế hoạch năm sau). Without --plan: the plan whose year contains \
            the period; without --period: the latest period with data, across the plans present.

            Mã thoát: 0 thành công; 64 sai tùy chọn hoặc tham số; 65 kế hoạch hoặc số liệu có lỗi; \
            66 không tìm thấy kế hoạch, số liệu hoặc kỳ; 70 một phần báo cáo (plugin) bị lỗi; 73 \
            không ghi được tệp hoặc tệp đã có một báo cáo khác. (Exit status: 0 success; 64 usage; \
            65 invalid plan or data; 66 not found; 70 a plugin failed; 73 cannot write.)

            Gõ lệnh nhanh (shell completion): baocao --generate-completion-script bash (hoặc zsh, fish).
            """,
        version: "baocao \(BaocaoVersion.current)",
        subcommands: [
            CompileCommand.self, ValidateCommand.self, PeriodsCommand.self, PluginsCommand.self, FormCommand.self, ImportCommand.self,
            StatusCommand.self, VersionsCommand.self, DiffCommand.self, SentCommand.self, PlanCommand.self, UserCommand.self,
            ServeCommand.self,
        ],
        defaultSubcommand: nil)

    public init() {}

    /// Runs `baocao` with `arguments` (without the program name) and returns the exit status;
    /// what it prints goes to `Console.current`.
    public static func run(arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return ExitStatus.ok
        } catch let failure as WorkspaceFailure {
            // Its messages were already written to the console.
            return failure.status
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if arguments.contains(where: { $0.hasPrefix("--generate-completion-script") }) {
                    Console.current.print(message)  // a shell script, printed as it is
                } else if code == .success {
                    Console.current.print(ParserMessages.help(message))
                } else {
                    Console.current.error(ParserMessages.error(message))
                }
            }
            return code.rawValue
        }
    }
}
