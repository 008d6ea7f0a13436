import ArgumentParser
import BaocaoCore
import BaocaoWorkspace
import Foundation

struct VersionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "List the compiled versions of a period's report and which was sent (Các bản đã biên soạn).")

    @Option(name: .long, help: "The period (default: every period with versions).")
    var period: String?

    @Option(name: .long, help: "The output folder.")
    var out: String = "Output"

    func run() async throws {
        let console = Console.current
        var folders = VersionStore.periods(under: out)
        if let period {
            let p = try Workspace.parsePeriod(period)
            folders = folders.filter { $0.period == p }
            if folders.isEmpty {
                console.error("baocao: chưa có bản nào của báo cáo \(p.label) trong \(out). (no versions)")
                throw ExitCode(ExitStatus.noInput)
            }
        }
        if folders.isEmpty {
            console.print("Chưa có báo cáo nào được biên soạn trong \(out).")
            return
        }
        for (index, (period, folder)) in folders.enumerated() {
            if index > 0 { console.print("") }
            console.print("Báo cáo \(period.label) — \(folder)")
            var rows: [[String]] = [["Bản", "Số, ngày ký", "Định dạng", "Số liệu", "Gửi"]]
            for summary in VersionStore(folder: folder).summaries() {
                let m = summary.manifest
                let signed: String
                if let m, !m.options.draft {
                    let date = m.options.date.flatMap(CivilDate.init(iso:)).map(VietnameseFormat.shortDate) ?? "?"
                    signed = "số \(m.options.number ?? "?"), ngày \(date)"
                } else {
                    signed = "dự thảo"
                }
                let formats = m?.outputs.filter(\.requested).map(\.format).joined(separator: ", ") ?? "?"
                let inputs = m.map { "\($0.inputs.count) tệp" } ?? "?"
                var sent = ""
                if let mark = summary.sent {
                    sent = "ĐÃ GỬI" + (mark.date.flatMap(CivilDate.init(iso:)).map { " \(VietnameseFormat.shortDate($0))" } ?? "")
                    if let note = mark.note { sent += " (\(note))" }
                }
                if summary.isLatest { sent += sent.isEmpty ? "← bản hiện hành" : "; bản hiện hành" }
                rows.append([summary.version, signed, formats, inputs, sent])
            }
            for line in alignedColumns(rows) { console.print("  " + line) }
        }
    }
}

struct SentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sent",
        abstract: "Mark a version of a period's report as sent (Đánh dấu bản đã gửi).",
        discussion: """
            A version marked as sent is never replaced silently: a later compile that differs \
            needs --force, and even then the sent version stays in versions/.
            """)

    @Argument(help: "The period, e.g. 2026-Q3.")
    var period: String

    @Argument(help: "The version, e.g. v002 (default: the latest).")
    var version: String?

    @Option(name: .long, help: "The date it was sent, YYYY-MM-DD.")
    var date: String?

    @Option(name: .long, help: "A note, e.g. the number it was sent under.")
    var note: String?

    @Option(name: .long, help: "The output folder.")
    var out: String = "Output"

    @Flag(name: .long, help: "Remove the mark.")
    var undo = false

    func run() async throws {
        let p = try Workspace.parsePeriod(period)
        let store = VersionStore(folder: VersionStore.folder(out: out, period: p))
        let (chosen, file) = try store.markSent(period: p, version: version, date: date, note: note, undo: undo)
        if undo {
            Console.current.print("Đã bỏ đánh dấu đã gửi của bản \(chosen), báo cáo \(p.label).")
        } else {
            Console.current.print("Đã đánh dấu bản \(chosen) của báo cáo \(p.label) là bản đã gửi (\(file)).")
        }
    }
}
