import ArgumentParser
import BaocaoCore
import BaocaoRender
import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Every compile of a period is kept as a numbered version:
//
//   Output/<year>/<period>/
//     bao-cao-<period>.<ext>          copies of the latest version's files (what the officer opens)
//     versions/
//       v001/bao-cao-<period>.<ext>   every file of that compile, and its Markdown for `baocao diff`
//       v001/manifest.json            inputs and their SHA-256, plan, options, outputs, figures
//       v002/…
//       v002/da-gui.json              written by `baocao sent`: this version was sent
//       ban-cu-001/…                  a hand-edited report that `--force` replaced
//
// Versions are numbered, never dated: the manifest records the --date given, not the clock.
// A version is written into a hidden folder and renamed into place, and each top-level file is
// written to a temporary file and renamed over the old one, so an interrupted compile leaves
// the previous version whole. Every file of a compile is written and flushed to the disk before
// the first rename; in a batch the reports share their flushes (FlushGroup).

// MARK: - SHA-256

/// SHA-256 digests for the manifest (inputs and outputs) and the import header, from
/// swift-crypto.
enum FileDigest {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The SHA-256 digest of `data` as 64 lower-case hex digits.
    static func sha256(_ data: Data) -> String {
        let digest = Crypto.SHA256.hash(data: data)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

// MARK: - Manifest

/// What one version of a period's report was made from and what it holds.
struct Manifest: Codable, Equatable {
    static let formatName = "baocao.manifest"

    struct Input: Codable, Equatable {
        /// Relative to the data folder (data files) or as given (the plan).
        var file: String
        var sha256: String
        var unit: String?
        var period: String?
        /// For a data file imported from Excel: the workbook's name, from the file's header.
        var importedFrom: String?
    }

    struct Output: Codable, Equatable {
        var file: String
        var format: String
        var sha256: String
        var bytes: Int
        /// False for the Markdown kept only so that versions can be compared.
        var requested: Bool
    }

    struct Options: Codable, Equatable {
        var formats: [String]
        var number: String?
        /// The signing date given with --date (never the clock).
        var date: String?
        var partial: Bool
        var draft: Bool
    }

    struct FigureEntry: Codable, Equatable {
        var id: String
        var indicator: String
        var label: String
        var period: String
        var unit: String?
        var unitName: String?
        var value: Double?
        var text: String
        var measure: String?
        /// Each submitted value behind the figure: its file (relative to the data folder),
        /// line, column and value.
        var sources: [Source]
    }

    struct Source: Codable, Equatable, Hashable {
        var file: String
        var line: Int
        var column: Int
        var value: Double?

        /// "2026-Q3/ttpvhcc.yaml:9:22".
        var cited: String { "\(file):\(line):\(column)" }
    }

    var format = Manifest.formatName
    var formatVersion = 1
    var period: String
    var periodLabel: String
    var version: String
    var previous: String?
    var plan: Input
    /// The plans the plan extends (`extends:`), nearest first.
    var planBases: [Input]?
    var dataFolder: String
    var inputs: [Input]
    var options: Options
    var outputs: [Output]
    var figures: [FigureEntry]
    var errors: Int
    var warnings: Int
    /// Hand-edited files this version replaced (kept under versions/ban-cu-NNN/).
    var replaced: [Output]?

    /// The manifest's JSON file: the bytes `JSONEncoder` writes for its `Codable` conformance
    /// (pretty printed, sorted keys; checked in the tests), written directly with keys in
    /// sorted order because the figures make it a large file written on every new version.
    func encoded() throws -> Data {
        var json = PrettyJSON(capacity: 4096 + figures.count * 600)
        json.beginObject()
        json.field("dataFolder", dataFolder)
        json.field("errors", errors)
        json.key("figures")
        json.beginArray()
        for f in figures {
            json.beginObject()
            json.field("id", f.id)
            json.field("indicator", f.indicator)
            json.field("label", f.label)
            json.field("measure", f.measure)
            json.field("period", f.period)
            json.key("sources")
            json.beginArray()
            for s in f.sources {
                json.beginObject()
                json.field("column", s.column)
                json.field("file", s.file)
                json.field("line", s.line)
                try json.field("value", s.value)
                json.closeObject()
            }
            json.closeArray()
            json.field("text", f.text)
            json.field("unit", f.unit)
            json.field("unitName", f.unitName)
            try json.field("value", f.value)
            json.closeObject()
        }
        json.closeArray()
        json.field("format", format)
        json.field("formatVersion", formatVersion)
        json.key("inputs")
        Self.inputs(inputs, &json)
        json.key("options")
        json.beginObject()
        json.field("date", options.date)
        json.field("draft", options.draft)
        json.field("formats", options.formats)
        json.field("number", options.number)
        json.field("partial", options.partial)
        json.closeObject()
        json.key("outputs")
        Self.outputs(outputs, &json)
        json.field("period", period)
        json.field("periodLabel", periodLabel)
        json.key("plan")
        Self.input(plan, &json)
        if let planBases {
            json.key("planBases")
            Self.inputs(planBases, &json)
        }
        json.field("previous", previous)
        if let replaced {
            json.key("replaced")
            Self.outputs(replaced, &json)
        }
        json.field("version", version)
        json.field("warnings", warnings)
        json.closeObject()
        return json.fileContents
    }

    private static func input(_ input: Input, _ json: inout PrettyJSON) {
        json.beginObject()
        json.field("file", input.file)
        json.field("importedFrom", input.importedFrom)
        json.field("period", input.period)
        json.field("sha256", input.sha256)
        json.field("unit", input.unit)
        json.closeObject()
    }

    private static func inputs(_ inputs: [Input], _ json: inout PrettyJSON) {
        json.beginArray()
        for item in inputs { input(item, &json) }
        json.closeArray()
    }

    private static func outputs(_ outputs: [Output], _ json: inout PrettyJSON) {
        json.beginArray()
        for o in outputs {
            json.beginObject()
            json.field("bytes", o.bytes)
            json.field("file", o.file)
            json.field("format", o.format)
            json.field("requested", o.requested)
            json.field("sha256", o.sha256)
            json.closeObject()
        }
        json.closeArray()
    }
}

/// The mark `baocao sent` leaves in a version's folder.
struct SentMark: Codable, Equatable {
    var version: String
    var period: String
    var date: String?
    var note: String?

    /// The mark's JSON file, as `JSONEncoder` writes it (pretty printed, sorted keys).
    func encoded() -> Data {
        var json = PrettyJSON(capacity: 256)
        json.beginObject()
        if let date {
            json.field("date", date)
        }
        if let note {
            json.field("note", note)
        }
        json.field("period", period)
        json.field("version", version)
        json.closeObject()
        return json.fileContents
    }
}

/// What a compile knows that the manifest records.
struct CompileRecord {
    var period: Period
    var planPath: String
    var dataFolder: String
    var submissions: [Submission]
    var plan: Plan
    var number: String?
    var date: CivilDate?
    var partial: Bool
    var formats: [String]
    var document: ReportDocument
    var diagnostics: [Diagnostic]
    /// The inputs' digests, shared by the reports of one workspace in a batch.
    var inputDigests = InputDigests()
}

/// The SHA-256 and import header of each input file, read and computed once per workspace:
/// a batch compiles several periods from the same plan and data files.
final class InputDigests: @unchecked Sendable {
    struct Entry {
        /// Empty when the file could not be read.
        var sha256: String
        var importedFrom: String?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    func entry(_ path: String) -> Entry {
        lock.lock()
        let known = entries[path]
        lock.unlock()
        if let known { return known }
        let entry: Entry
        if let data = FileManager.default.contents(atPath: path) {
            entry = Entry(sha256: FileDigest.sha256(data), importedFrom: ImportHeader.workbook(in: data))
        } else {
            entry = Entry(sha256: "", importedFrom: nil)
        }
        lock.lock()
        entries[path] = entry
        lock.unlock()
        return entry
    }
}

/// The first line of a data file written by `baocao import`, naming the workbook.
enum ImportHeader {
    static let prefix = "Nhập từ tệp Excel "

    /// The workbook named in a data file's header comment, if it was imported.
    static func workbook(in data: Data) -> String? {
        let head = String(decoding: data.prefix(600), as: UTF8.self)
        for line in head.split(separator: "\n").prefix(4) where line.hasPrefix("# " + prefix) {
            let rest = line.dropFirst(2 + prefix.count)
            return String(rest.split(separator: " ").first ?? rest)
        }
        return nil
    }
}

// MARK: - The versions of a period

/// The versions folder of one period's output folder.
struct VersionStore {
    /// Output/<year>/<period>.
    let folder: String

    var versionsFolder: String { (folder as NSString).appendingPathComponent("versions") }

    func path(_ version: String) -> String { (versionsFolder as NSString).appendingPathComponent(version) }

    static func number(of name: String) -> Int? {
        guard name.hasPrefix("v"), name.count >= 4, let n = Int(name.dropFirst()), n > 0 else { return nil }
        return n
    }

    static func name(_ n: Int) -> String {
        let digits = String(n)
        return "v" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The versions present, oldest first (folders named v001, v002 …).
    func versions() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: versionsFolder)) ?? []
        return entries.filter { name in
            var isDirectory: ObjCBool = false
            return Self.number(of: name) != nil
                && FileManager.default.fileExists(atPath: path(name), isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted { Self.number(of: $0)! < Self.number(of: $1)! }
    }

    /// The number the next version takes: one more than any name in use (folders or not).
    func nextVersion() -> String {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: versionsFolder)) ?? []
        let used = entries.compactMap { Self.number(of: $0) }
        return Self.name((used.max() ?? 0) + 1)
    }

    func manifest(_ version: String) -> Manifest? {
        let file = (path(version) as NSString).appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }

    /// The outputs a version's manifest lists, read without decoding the rest (its figures are
    /// most of the file and a compile does not need them).
    func outputs(_ version: String) -> [Manifest.Output]? {
        struct Outputs: Decodable { var outputs: [Manifest.Output] }
        let file = (path(version) as NSString).appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return (try? JSONDecoder().decode(Outputs.self, from: data))?.outputs
    }

    func sentMark(_ version: String) -> SentMark? {
        let file = (path(version) as NSString).appendingPathComponent("da-gui.json")
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return try? JSONDecoder().decode(SentMark.self, from: data)
    }

    /// Resolves "v2", "v002", "2" to a version present.
    func resolve(_ text: String) -> String? {
        let digits = text.hasPrefix("v") || text.hasPrefix("V") ? String(text.dropFirst()) : text
        guard let n = Int(digits) else { return nil }
        let name = Self.name(n)
        return versions().contains(name) ? name : nil
    }

    /// Leftovers of an interrupted compile: hidden folders and files being written.
    func removeLeftovers() {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: versionsFolder)) ?? [] where entry.hasPrefix(".dang-ghi-") {
            try? fm.removeItem(atPath: (versionsFolder as NSString).appendingPathComponent(entry))
        }
        for entry in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(".") && entry.hasSuffix(".dang-ghi") {
            try? fm.removeItem(atPath: (folder as NSString).appendingPathComponent(entry))
        }
    }

    /// The output folders holding versions under `out`: Output/<year>/<period>, by period.
    static func periods(under out: String) -> [(period: Period, folder: String)] {
        let fm = FileManager.default
        var found: [(Period, String)] = []
        for year in (try? fm.contentsOfDirectory(atPath: out)) ?? [] where Int(year) != nil {
            let yearFolder = (out as NSString).appendingPathComponent(year)
            for code in (try? fm.contentsOfDirectory(atPath: yearFolder)) ?? [] {
                guard let period = Period(code), period.code == code else { continue }
                let folder = (yearFolder as NSString).appendingPathComponent(code)
                if !VersionStore(folder: folder).versions().isEmpty { found.append((period, folder)) }
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// `<out>/<year>/<period>`.
    static func folder(out: String, period: Period) throws -> String {
        try Files.contained(out, String(period.year), period.code)
    }
}

// MARK: - Writing a compile as a version

/// Writes a compile as a new version of its period (or recognises it as the latest one) and
/// points the top-level report files at it. Nothing is written unless every check passes.
struct VersionWriter {
    var force: Bool
    var record: CompileRecord
    var flush: Flush = .eachFile

    /// The top-level files with what happened to each, then the version folder.
    func write(_ files: [(path: String, data: Data)], folder: String) throws -> [(String, String)] {
        let fm = FileManager.default
        let console = Console.current
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            console.error("baocao: \(folder) đã tồn tại và là một tệp, không phải thư mục. (output path is a file)")
            throw ExitCode(ExitStatus.cannotWrite)
        }
        // One compile of a period at a time, across processes: the second waits, then writes
        // its own version on top of the first's.
        let lock = try PeriodLock(folder: folder)
        defer { lock.release() }
        let store = VersionStore(folder: folder)
        let existing = store.versions()
        // The latest version with a readable manifest; the others are read only when needed.
        var latest: (String, [Manifest.Output])?
        for v in existing.reversed() {
            if let outputs = store.outputs(v) {
                latest = (v, outputs)
                break
            }
        }

        // The version's files: what was asked for, and the Markdown that `baocao diff` reads.
        var versionFiles: [(name: String, data: Data, format: String, requested: Bool)] = files.map { file in
            let name = (file.path as NSString).lastPathComponent
            return (name, file.data, (name as NSString).pathExtension, true)
        }
        let markdownName = "bao-cao-\(record.period.code).md"
        if !versionFiles.contains(where: { $0.name == markdownName }) {
            versionFiles.append((markdownName, Data(MarkdownRenderer().text(record.document).utf8), "md", false))
        }
        let outputs = versionFiles.map {
            Manifest.Output(
                file: $0.name, format: $0.format, sha256: FileDigest.sha256($0.data), bytes: $0.data.count, requested: $0.requested)
        }
        let sameAsLatest =
            latest.map { (_, old) in outputs.allSatisfy { o in old.contains { $0.file == o.file && $0.sha256 == o.sha256 } } } ?? false

        // Check every top-level file before writing any. A file that differs from the new one is
        // replaced only if some version holds it (it is not a hand-edited report).
        var knownCache: [String: Set<String>]?
        func known() -> [String: Set<String>] {
            if let knownCache { return knownCache }
            var result: [String: Set<String>] = [:]
            for v in existing { for o in store.outputs(v) ?? [] { result[o.file, default: []].insert(o.sha256) } }
            knownCache = result
            return result
        }
        var plan: [(path: String, data: Data, status: String)] = []
        /// Hand-edited top-level files that --force replaces, as the manifest lists them.
        var foreign: [(path: String, kept: Manifest.Output)] = []
        for (path, data) in files {
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                plan.append((path, data, "đã ghi"))
                continue
            }
            if isDirectory.boolValue {
                console.error("baocao: \(path) là một thư mục; không thể ghi báo cáo vào đó. (output path is a directory)")
                throw ExitCode(ExitStatus.cannotWrite)
            }
            let current = fm.contents(atPath: path) ?? Data()
            if current == data {
                plan.append((path, data, "không thay đổi"))
                continue
            }
            let name = (path as NSString).lastPathComponent
            let digest = FileDigest.sha256(current)
            if known()[name]?.contains(digest) != true {
                if !force {
                    console.error(
                        "baocao: \(path) đã có một báo cáo khác; không ghi đè. Tệp này không phải bản nào trong \(store.versionsFolder) (có thể đã sửa tay hoặc đã ký). Chuyển tệp đi nơi khác, hoặc dùng --force: tệp cũ sẽ được cất vào versions/ban-cu-…/ (refusing to overwrite a different report)"
                    )
                    throw ExitCode(ExitStatus.cannotWrite)
                }
                let kept = Manifest.Output(
                    file: name, format: (name as NSString).pathExtension, sha256: digest, bytes: current.count, requested: false)
                foreign.append((path, kept))
            }
            plan.append((path, data, "đã thay thế"))
        }

        var version = latest?.0 ?? ""
        var created = false
        if !sameAsLatest {
            if let (name, _) = latest, let mark = store.sentMark(name), !force {
                let sent = mark.date.flatMap(CivilDate.init(iso:)).map { " ngày \(VietnameseFormat.shortDate($0))" } ?? ""
                console.error(
                    "baocao: bản \(name) của báo cáo \(record.period.label) đã được đánh dấu đã gửi\(sent); bản biên soạn lần này khác bản đã gửi. Dùng --force để lưu thành bản mới \(store.nextVersion()) (bản \(name) vẫn được giữ nguyên trong \(store.path(name))). (the latest version was sent)"
                )
                throw ExitCode(ExitStatus.cannotWrite)
            }
            version = store.nextVersion()
            created = true
        }

        // Every file is written first — the version's in a hidden folder, each top-level file
        // beside its old one under a hidden name — then all are flushed at once, and only then
        // renamed into place: a failure before the renames leaves no new version and no changed
        // report file.
        do {
            try fm.createDirectory(atPath: store.versionsFolder, withIntermediateDirectories: true)
            store.removeLeftovers()
            var writes: [(data: Data, path: String)] = []
            var hiddenVersion: String?
            if created {
                let manifest = try makeManifest(
                    version: version, previous: latest?.0, outputs: outputs,
                    replaced: foreign.map(\.kept))
                let manifestData = try manifest.encoded()
                let temporary = (store.versionsFolder as NSString).appendingPathComponent(".dang-ghi-\(version)")
                try fm.createDirectory(atPath: temporary, withIntermediateDirectories: false)
                hiddenVersion = temporary
                writes += versionFiles.map { ($0.data, (temporary as NSString).appendingPathComponent($0.name)) }
                writes.append((manifestData, (temporary as NSString).appendingPathComponent("manifest.json")))
            }
            let replacing = plan.filter { $0.status != "không thay đổi" }
            let temporaries = replacing.map { Files.temporaryPath(for: $0.path) }
            writes += zip(replacing, temporaries).map { ($0.data, $1) }
            do {
                try Files.writeAll(writes, flush: flush)
                if let hidden = hiddenVersion {
                    try Files.rename(hidden, to: store.path(version))
                    hiddenVersion = nil
                }
                if !foreign.isEmpty {
                    let keep = keepFolder(store)
                    try fm.createDirectory(atPath: keep, withIntermediateDirectories: true)
                    for (path, _) in foreign {
                        try Files.rename(path, to: (keep as NSString).appendingPathComponent((path as NSString).lastPathComponent))
                    }
                }
                for (file, temporary) in zip(replacing, temporaries) { try Files.rename(temporary, to: file.path) }
            } catch {
                if let hidden = hiddenVersion { try? fm.removeItem(atPath: hidden) }
                for temporary in temporaries { unlink(temporary) }
                throw error
            }
        } catch {
            console.error(
                "baocao: không ghi được vào \(folder): \(error). Bản trước (nếu có) vẫn còn nguyên trong \(store.versionsFolder). (cannot write)"
            )
            throw ExitCode(ExitStatus.cannotWrite)
        }
        var rows = plan.map { ($0.path, $0.status) }
        rows.append((store.path(version), created ? "phiên bản mới \(version)" : "phiên bản \(version), không đổi"))
        return rows
    }

    /// versions/ban-cu-NNN: where hand-edited files replaced with --force are kept.
    private func keepFolder(_ store: VersionStore) -> String {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: store.versionsFolder)) ?? []
        let used = entries.compactMap { $0.hasPrefix("ban-cu-") ? Int($0.dropFirst("ban-cu-".count)) : nil }
        let n = String((used.max() ?? 0) + 1)
        return (store.versionsFolder as NSString).appendingPathComponent(
            "ban-cu-" + String(repeating: "0", count: max(0, 3 - n.count)) + n)
    }

    private func makeManifest(version: String, previous: String?, outputs: [Manifest.Output], replaced: [Manifest.Output]) throws
        -> Manifest
    {
        let digests = record.inputDigests
        let plan = Manifest.Input(file: record.planPath, sha256: digests.entry(record.planPath).sha256)
        let bases = record.plan.bases.map { Manifest.Input(file: $0, sha256: digests.entry($0).sha256) }
        let inputs = record.submissions.sorted { $0.relativePath < $1.relativePath }.map { s -> Manifest.Input in
            let entry = digests.entry(s.file)
            return Manifest.Input(
                file: s.relativePath, sha256: entry.sha256, unit: s.unit, period: s.period.code, importedFrom: entry.importedFrom)
        }
        let figures = record.document.figures.map { f in
            Manifest.FigureEntry(
                id: f.id, indicator: f.indicator, label: f.label, period: f.period, unit: f.unit,
                unitName: f.unit.flatMap { record.plan.unit($0)?.shortName }, value: f.value, text: f.text, measure: f.measure,
                sources: f.sources.map { Manifest.Source(file: $0.file, line: $0.line, column: $0.column, value: $0.value) })
        }
        return Manifest(
            period: record.period.code, periodLabel: record.period.label, version: version, previous: previous, plan: plan,
            planBases: bases.isEmpty ? nil : bases, dataFolder: record.dataFolder, inputs: inputs,
            options: Manifest.Options(
                formats: record.formats, number: record.number, date: record.date?.iso, partial: record.partial,
                draft: record.document.header.isDraft),
            outputs: outputs, figures: figures, errors: record.diagnostics.filter { $0.severity == .error }.count,
            warnings: record.diagnostics.filter { $0.severity == .warning }.count, replaced: replaced.isEmpty ? nil : replaced)
    }
}

// MARK: - baocao versions, baocao sent

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
            let store = VersionStore(folder: folder)
            let versions = store.versions()
            console.print("Báo cáo \(period.label) — \(folder)")
            var rows: [[String]] = [["Bản", "Số, ngày ký", "Định dạng", "Số liệu", "Gửi"]]
            for v in versions {
                let m = store.manifest(v)
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
                if let mark = store.sentMark(v) {
                    sent = "ĐÃ GỬI" + (mark.date.flatMap(CivilDate.init(iso:)).map { " \(VietnameseFormat.shortDate($0))" } ?? "")
                    if let note = mark.note { sent += " (\(note))" }
                }
                if v == versions.last { sent += sent.isEmpty ? "← bản hiện hành" : "; bản hiện hành" }
                rows.append([v, signed, formats, inputs, sent])
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
        let console = Console.current
        let p = try Workspace.parsePeriod(period)
        let store = VersionStore(folder: try VersionStore.folder(out: out, period: p))
        guard let latest = store.versions().last else {
            console.error("baocao: chưa có bản nào của báo cáo \(p.label) trong \(store.folder). (no versions)")
            throw ExitCode(ExitStatus.noInput)
        }
        var chosen = latest
        if let version {
            guard let v = store.resolve(version) else {
                console.error(
                    "baocao: không có bản '\(version)' của báo cáo \(p.label); các bản có: \(store.versions().joined(separator: ", ")). (no such version)"
                )
                throw ExitCode(ExitStatus.noInput)
            }
            chosen = v
        }
        if let date, CivilDate(iso: date) == nil {
            console.error("baocao: --date '\(date)' không phải ngày hợp lệ; dùng dạng YYYY-MM-DD. (invalid date)")
            throw ExitCode(ExitStatus.usage)
        }
        let file = (store.path(chosen) as NSString).appendingPathComponent("da-gui.json")
        if undo {
            if FileManager.default.fileExists(atPath: file) { try? FileManager.default.removeItem(atPath: file) }
            console.print("Đã bỏ đánh dấu đã gửi của bản \(chosen), báo cáo \(p.label).")
            return
        }
        let mark = SentMark(version: chosen, period: p.code, date: date, note: note)
        do {
            try Files.replace(file, with: mark.encoded())
        } catch {
            console.error("baocao: không ghi được \(file): \(error) (cannot write)")
            throw ExitCode(ExitStatus.cannotWrite)
        }
        console.print("Đã đánh dấu bản \(chosen) của báo cáo \(p.label) là bản đã gửi (\(file)).")
    }
}
