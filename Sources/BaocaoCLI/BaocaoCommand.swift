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
            Exit status: 0 success; 64 wrong option or argument; 65 the plan or data has errors; \
            66 plan, data or period not found; 70 a plugin failed; 73 an output file could not be \
            written or would overwrite a different report.
            """,
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
                if code == .success { Console.current.print(message) } else { Console.current.error(message) }
            }
            return code.rawValue
        }
    }
}
