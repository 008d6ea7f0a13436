import BaocaoCore
import BaocaoSheets
import Foundation

/// The data-entry forms of a period, one per unit: each indicator the plan asks of the unit
/// with its label, unit of measure, what to count and the cut-off window, and room for
/// narratives, as an Excel workbook and/or a commented YAML file. What `baocao form` writes and
/// the web's blank-form download serves.
public enum FormGenerator {
    /// The forms' formats.
    public static let formats = ["xlsx", "yaml"]

    /// Checks the period and units against the plan (problems reported and thrown) and returns
    /// the forms.
    public static func forms(plan: Plan, period target: Period, units: [String]) throws -> [UnitForm] {
        let console = Console.current
        guard ((plan.year - 1)...plan.year).contains(target.year) else {
            console.error(
                "baocao: kỳ \(target.label) không thuộc năm của kế hoạch (\(plan.year)) hay năm trước đó. (period outside the plan's year)")
            throw WorkspaceFailure(ExitStatus.usage)
        }
        for id in units where plan.reportingUnits.first(where: { $0.id == id }) == nil {
            var message = "baocao: không có đơn vị nộp số liệu '\(id)' trong kế hoạch"
            if let near = YMapping.nearest(id, in: plan.reportingUnits.map(\.id)) { message += "; có phải là '\(near)'?" }
            console.error(message + " (cần một trong: \(plan.reportingUnits.map(\.id).joined(separator: ", "))) (unknown unit)")
            throw WorkspaceFailure(ExitStatus.usage)
        }
        return UnitForm.forms(plan: plan, period: target, units: units)
    }

    /// A form's bytes in one of `formats`.
    public static func data(_ form: UnitForm, format: String) throws -> Data {
        switch format {
        case "xlsx":
            do {
                return try FormWorkbook(form).data()
            } catch {
                Console.current.error("baocao: không tạo được biểu mẫu Excel của \(form.unit.id): \(error)")
                throw WorkspaceFailure(ExitStatus.cannotWrite)
            }
        default:
            return Data(YAMLForm(form).text().utf8)
        }
    }

    /// Writes the forms to <out>/<year>/<period>/bieu-mau/<unit>-<period>.<ext>, never replacing a
    /// different file without `force`; returns each file with what happened to it, and the
    /// cut-off window's text.
    public static func write(plan: Plan, period target: Period, units: [String], formats: [String], out: String, force: Bool) throws
        -> (written: [(String, String)], windowText: String)
    {
        let forms = try forms(plan: plan, period: target, units: units)
        let folder = (VersionStore.folder(out: out, period: target) as NSString).appendingPathComponent("bieu-mau")
        var files: [(path: String, data: Data)] = []
        for form in forms {
            for format in formats {
                let path = (folder as NSString).appendingPathComponent("\(form.baseName).\(format)")
                files.append((path, try data(form, format: format)))
            }
        }
        let written = try PlainWriter(force: force, what: "biểu mẫu").write(files, folder: folder)
        return (written, forms.first?.windowText ?? "")
    }
}

/// Writes files that are not reports (forms, imported data, plans): each atomically, never
/// replacing a different file without --force, and checking every target before writing any.
public struct PlainWriter {
    public var force: Bool
    /// What the files are, for messages: "biểu mẫu", "tệp số liệu".
    public var what: String

    public init(force: Bool, what: String) {
        self.force = force
        self.what = what
    }

    public func write(_ files: [(path: String, data: Data)], folder: String) throws -> [(String, String)] {
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
                throw WorkspaceFailure(ExitStatus.cannotWrite)
            }
            if fm.contents(atPath: path) == data {
                plan.append((path, data, "không thay đổi"))
                continue
            }
            guard force else {
                console.error(
                    "baocao: \(path) đã có và khác \(what) mới; không ghi đè. Chuyển tệp cũ đi nơi khác hoặc dùng --force để thay thế. (refusing to overwrite a different file)"
                )
                throw WorkspaceFailure(ExitStatus.cannotWrite)
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
            throw WorkspaceFailure(ExitStatus.cannotWrite)
        }
        return plan.map { ($0.path, $0.status) }
    }
}
