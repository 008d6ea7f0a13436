import ArgumentParser
import BaocaoCore
import BaocaoWorkspace
import Foundation

struct VersionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "Các bản đã biên soạn của báo cáo và bản nào đã gửi (the compiled versions and which was sent).")

    @Option(name: .long, help: "Kỳ báo cáo (mặc định: mọi kỳ đã có bản biên soạn) (the period).")
    var period: String?

    @Option(name: .long, help: "Thư mục báo cáo (the output folder).")
    var out: String = "Output"

    func run() async throws {
        let console = Console.current
        try Workspace.checkInProject(out: out)
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
        abstract: "Đánh dấu một bản báo cáo là đã gửi (mark a version as sent).",
        discussion: """
            Bản đã đánh dấu đã gửi không bao giờ bị thay lặng lẽ: một lần biên soạn sau mà khác cần \
            --force, và khi đó bản đã gửi vẫn được giữ trong versions/. Bản dự thảo (chưa có số và \
            ngày ký) không được đánh dấu đã gửi trừ khi có --force. (A sent version is never \
            replaced silently; a draft is not marked as sent without --force.)
            """)

    @Argument(help: "Kỳ báo cáo, ví dụ 2026-Q3 (the period).")
    var period: String

    @Argument(help: "Bản, ví dụ v002 (mặc định: bản mới nhất) (the version).")
    var version: String?

    @Option(name: .long, help: "Ngày gửi, dạng YYYY-MM-DD (the date it was sent).")
    var date: String?

    @Option(name: .long, help: "Ghi chú, ví dụ số văn bản khi gửi (a note).")
    var note: String?

    @Option(name: .long, help: "Thư mục báo cáo (the output folder).")
    var out: String = "Output"

    @Flag(name: .long, help: "Bỏ đánh dấu (remove the mark).")
    var undo = false

    @Flag(name: .long, help: "Vẫn đánh dấu bản dự thảo (chưa có số, ngày ký) là đã gửi (mark a draft as sent all the same).")
    var force = false

    func run() async throws {
        let p = try Workspace.parsePeriod(period)
        try Workspace.checkInProject(out: out)
        let store = VersionStore(folder: VersionStore.folder(out: out, period: p))
        let (chosen, file) = try store.markSent(period: p, version: version, date: date, note: note, undo: undo, force: force)
        if undo {
            Console.current.print("Đã bỏ đánh dấu đã gửi của bản \(chosen), báo cáo \(p.label).")
        } else {
            Console.current.print("Đã đánh dấu bản \(chosen) của báo cáo \(p.label) là bản đã gửi (\(file)).")
        }
    }
}
