import ArgumentParser
import BaocaoCore
import BaocaoWorkspace
import Foundation

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a period's report (So sánh hai bản báo cáo).",
        discussion: """
            Compares the manifests and texts of two versions (default: the last two of the latest \
            period compiled): the options and inputs that changed, every figure that changed \
            (indicator, unit, old → new) with the input file that caused it, and the sentences \
            that changed.
            """)

    @Option(name: .long, help: "The period (default: the latest period with versions).")
    var period: String?

    @Option(name: .long, help: "The output folder.")
    var out: String = "Output"

    @Argument(help: "Two versions, e.g. v001 v002 (default: the last two); one version is compared with the one before it.")
    var versions: [String] = []

    func run() async throws {
        let console = Console.current
        let folder: String
        let target: Period
        if let period {
            target = try Workspace.parsePeriod(period)
            folder = VersionStore.folder(out: out, period: target)
        } else {
            guard let latest = VersionStore.periods(under: out).last else {
                console.error("baocao: chưa có báo cáo nào được biên soạn trong \(out). (no versions)")
                throw ExitCode(ExitStatus.noInput)
            }
            (target, folder) = latest
        }
        let store = VersionStore(folder: folder)
        for line in try VersionDiff.compare(store, period: target, versions: versions) { console.print(line) }
    }
}
