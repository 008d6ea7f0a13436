import ArgumentParser
import BaocaoCore
import BaocaoSheets
import Foundation

struct FormCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Write the data-entry forms of a period, one per unit (Biểu mẫu nhập số liệu).",
        discussion: """
            Each form lists every indicator the plan asks of the unit, with its label, unit of \
            measure, what to count and the cut-off window, and room for narratives: an Excel \
            workbook (.xlsx) and/or a commented YAML file, written to \
            <out>/<year>/<period>/bieu-mau/<unit>-<period>.<ext>. Filled forms come back with \
            `baocao import`.
            """)

    @Option(name: .long, help: "The period, e.g. 2026-Q4.")
    var period: String

    @Option(name: .long, help: "A unit id (repeatable; default: every unit that submits data).")
    var unit: [String] = []

    @Option(name: .long, help: "Formats, comma-separated: xlsx, yaml.")
    var format: String = "xlsx,yaml"

    @Option(name: .long, help: "The plan file (default: the newest plan in Plans/).")
    var plan: String?

    @Option(name: .long, help: "The output folder.")
    var out: String = "Output"

    @Flag(name: .long, help: "Replace existing forms that differ (e.g. an older form).")
    var force = false

    func run() async throws {
        let console = Console.current
        let formats = try parseFormats()
        let target = try Workspace.parsePeriod(period)
        let (plan, _) = try Workspace.loadPlan(self.plan)
        guard ((plan.year - 1)...plan.year).contains(target.year) else {
            console.error(
                "baocao: kỳ \(target.label) không thuộc năm của kế hoạch (\(plan.year)) hay năm trước đó. (period outside the plan's year)")
            throw ExitCode(ExitStatus.usage)
        }
        for id in unit where plan.reportingUnits.first(where: { $0.id == id }) == nil {
            var message = "baocao: không có đơn vị nộp số liệu '\(id)' trong kế hoạch"
            if let near = Self.nearest(id, in: plan.reportingUnits.map(\.id)) { message += "; có phải là '\(near)'?" }
            console.error(message + " (cần một trong: \(plan.reportingUnits.map(\.id).joined(separator: ", "))) (unknown unit)")
            throw ExitCode(ExitStatus.usage)
        }
        let forms = UnitForm.forms(plan: plan, period: target, units: unit)
        let folder = try Files.contained(VersionStore.folder(out: out, period: target), "bieu-mau")
        var files: [(path: String, data: Data)] = []
        for form in forms {
            for format in formats {
                let path = try Files.contained(folder, "\(form.baseName).\(format)")
                switch format {
                case "xlsx":
                    do {
                        files.append((path, try FormWorkbook(form).data()))
                    } catch {
                        console.error("baocao: không tạo được biểu mẫu Excel của \(form.unit.id): \(error)")
                        throw ExitCode(ExitStatus.cannotWrite)
                    }
                default:
                    files.append((path, Data(YAMLForm(form).text().utf8)))
                }
            }
        }
        let written = try PlainWriter(force: force, what: "biểu mẫu").write(files, folder: folder)
        console.print(
            "Biểu mẫu số liệu \(target.label) (chốt số liệu \(forms.first?.windowText ?? ""); hạn gửi \(VietnameseFormat.shortDate(plan.deadline(of: target)))):"
        )
        for (path, status) in written { console.print("  \(status): \(path)") }
        console.print("Gửi mỗi đơn vị biểu mẫu của mình; khi nhận lại, chạy: baocao import <tệp>…")
    }

    func parseFormats() throws -> [String] {
        var result: [String] = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
            guard ["xlsx", "yaml"].contains(name) else {
                Console.current.error("baocao: định dạng biểu mẫu '\(name)' không được hỗ trợ; chọn xlsx, yaml. (unknown form format)")
                throw ExitCode(ExitStatus.usage)
            }
            if !result.contains(name) { result.append(name) }
        }
        guard !result.isEmpty else {
            Console.current.error("baocao: --format cần ít nhất một định dạng (xlsx, yaml). (no format)")
            throw ExitCode(ExitStatus.usage)
        }
        return result
    }

    static func nearest(_ key: String, in candidates: [String]) -> String? {
        YMapping.nearest(key, in: candidates)
    }
}

/// Writes files that are not reports (forms, imported data, plans): each atomically, never
/// replacing a different file without --force, and checking every target before writing any.
struct PlainWriter {
    var force: Bool
    /// What the files are, for messages: "biểu mẫu", "tệp số liệu".
    var what: String

    func write(_ files: [(path: String, data: Data)], folder: String) throws -> [(String, String)] {
        let fm = FileManager.default
        let console = Console.current
        var plan: [(path: String, data: Data, status: String)] = []
        var isDirectory: ObjCBool = false
        for (path, data) in files {
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                plan.append((path, data, "đã ghi"))
                continue
            }
            if isDirectory.boolValue {
                console.error("baocao: \(path) là một thư mục; không thể ghi \(what) vào đó. (path is a directory)")
                throw ExitCode(ExitStatus.cannotWrite)
            }
            if fm.contents(atPath: path) == data {
                plan.append((path, data, "không thay đổi"))
                continue
            }
            guard force else {
                console.error(
                    "baocao: \(path) đã có và khác \(what) mới; không ghi đè. Chuyển tệp cũ đi nơi khác hoặc dùng --force để thay thế. (refusing to overwrite a different file)"
                )
                throw ExitCode(ExitStatus.cannotWrite)
            }
            plan.append((path, data, "đã thay thế"))
        }
        do {
            for (path, data, status) in plan where status != "không thay đổi" {
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Files.replace(path, with: data)
            }
        } catch {
            console.error("baocao: không ghi được vào \(folder): \(error) (cannot write)")
            throw ExitCode(ExitStatus.cannotWrite)
        }
        return plan.map { ($0.path, $0.status) }
    }
}
