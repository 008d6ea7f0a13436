import ArgumentParser
import BaocaoCore
import BaocaoWorkspace
import Foundation

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "So sánh hai bản báo cáo của một kỳ (show what changed between two versions).",
        discussion: """
            So sánh hai bản (mặc định: hai bản cuối của kỳ biên soạn gần nhất): tùy chọn và tệp số \
            liệu đã đổi, mọi số liệu đã đổi (chỉ tiêu, đơn vị, cũ → mới) cùng tệp gây ra, và các câu \
            đã đổi. (Compares two versions: options, inputs, figures old → new, sentences.)
            """)

    @Option(name: .long, help: "Kỳ báo cáo (mặc định: kỳ gần nhất đã có bản biên soạn) (the period).")
    var period: String?

    @Option(name: .long, help: "Thư mục báo cáo (the output folder).")
    var out: String = "Output"

    @Argument(help: "Hai bản, ví dụ v001 v002 (mặc định: hai bản cuối); một bản thì so với bản trước nó (two versions to compare).")
    var versions: [String] = []

    func run() async throws {
        let console = Console.current
        let folder: String
        let target: Period
        try Workspace.checkInProject(out: out)
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
