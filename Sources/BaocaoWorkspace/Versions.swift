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
public enum FileDigest {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The SHA-256 digest of `data` as 64 lower-case hex digits.
    public static func sha256(_ data: Data) -> String {
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
public struct Manifest: Codable, Equatable, Sendable {
    public static let formatName = "baocao.manifest"

    public struct Input: Codable, Equatable, Sendable {
        /// Relative to the data folder (data files) or as given (the plan).
        public var file: String
        public var sha256: String
        public var unit: String?
        public var period: String?
        /// For a data file imported from Excel: the workbook's name, from the file's header.
        public var importedFrom: String?
    }

    public struct Output: Codable, Equatable, Sendable {
        public var file: String
        public var format: String
        public var sha256: String
        public var bytes: Int
        /// False for the Markdown kept only so that versions can be compared.
        public var requested: Bool
    }

    public struct Options: Codable, Equatable, Sendable {
        public var formats: [String]
        public var number: String?
        /// The signing date given with --date (never the clock).
        public var date: String?
        public var partial: Bool
        public var draft: Bool
    }

    public struct FigureEntry: Codable, Equatable, Sendable {
        public var id: String
        public var indicator: String
        public var label: String
        public var period: String
        public var unit: String?
        public var unitName: String?
        public var value: Double?
        public var text: String
        public var measure: String?
        /// Each submitted value behind the figure: its file (relative to the data folder),
        /// line, column and value.
        public var sources: [Source]

        /// A compiled report's figure, as the manifest records it.
        public init(_ f: FigureRecord, plan: Plan) {
            self.init(
                id: f.id, indicator: f.indicator, label: f.label, period: f.period, unit: f.unit,
                unitName: f.unit.flatMap { plan.unit($0)?.shortName }, value: f.value, text: f.text, measure: f.measure,
                sources: f.sources.map { Manifest.Source(file: $0.file, line: $0.line, column: $0.column, value: $0.value) })
        }

        public init(
            id: String, indicator: String, label: String, period: String, unit: String?, unitName: String?, value: Double?,
            text: String, measure: String?, sources: [Source]
        ) {
            self.id = id
            self.indicator = indicator
            self.label = label
            self.period = period
            self.unit = unit
            self.unitName = unitName
            self.value = value
            self.text = text
            self.measure = measure
            self.sources = sources
        }
    }

    public struct Source: Codable, Equatable, Hashable, Sendable {
        public var file: String
        public var line: Int
        public var column: Int
        public var value: Double?

        /// "2026-Q3/ttpvhcc.yaml:9:22".
        public var cited: String { "\(file):\(line):\(column)" }
    }

    public var format = Manifest.formatName
    public var formatVersion = 1
    public var period: String
    public var periodLabel: String
    public var version: String
    public var previous: String?
    public var plan: Input
    /// The plans the plan extends (`extends:`), nearest first.
    public var planBases: [Input]?
    public var dataFolder: String
    public var inputs: [Input]
    public var options: Options
    public var outputs: [Output]
    public var figures: [FigureEntry]
    public var errors: Int
    public var warnings: Int
    /// Hand-edited files this version replaced (kept under versions/ban-cu-NNN/).
    public var replaced: [Output]?

    /// The manifest's JSON file: the bytes `JSONEncoder` writes for its `Codable` conformance
    /// (pretty printed, sorted keys; checked in the tests), written directly with keys in
    /// sorted order because the figures make it a large file written on every new version.
    public func encoded() throws -> Data {
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
public struct SentMark: Codable, Equatable, Sendable {
    public var version: String
    public var period: String
    public var date: String?
    public var note: String?

    /// The mark's JSON file, as `JSONEncoder` writes it (pretty printed, sorted keys).
    public func encoded() -> Data {
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
public final class InputDigests: @unchecked Sendable {
    public struct Entry: Sendable {
        /// Empty when the file could not be read.
        public var sha256: String
        public var importedFrom: String?
    }

    public init() {}

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public func entry(_ path: String) -> Entry {
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
public enum ImportHeader {
    public static let prefix = "Nhập từ tệp Excel "

    /// The workbook named in a data file's header comment, if it was imported.
    public static func workbook(in data: Data) -> String? {
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
public struct VersionStore: Sendable {
    /// Output/<year>/<period>.
    public let folder: String

    public init(folder: String) { self.folder = folder }

    public var versionsFolder: String { (folder as NSString).appendingPathComponent("versions") }

    public func path(_ version: String) -> String { (versionsFolder as NSString).appendingPathComponent(version) }

    static func number(of name: String) -> Int? {
        guard name.hasPrefix("v"), name.count >= 4, let n = Int(name.dropFirst()), n > 0 else { return nil }
        return n
    }

    static func name(_ n: Int) -> String {
        let digits = String(n)
        return "v" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The versions present, oldest first (folders named v001, v002 …).
    public func versions() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: versionsFolder)) ?? []
        return entries.filter { name in
            var isDirectory: ObjCBool = false
            return Self.number(of: name) != nil
                && FileManager.default.fileExists(atPath: path(name), isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted { Self.number(of: $0)! < Self.number(of: $1)! }
    }

    /// The number the next version takes: one more than any name in use (folders or not).
    public func nextVersion() -> String {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: versionsFolder)) ?? []
        let used = entries.compactMap { Self.number(of: $0) }
        return Self.name((used.max() ?? 0) + 1)
    }

    public func manifest(_ version: String) -> Manifest? {
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

    public func sentMark(_ version: String) -> SentMark? {
        let file = (path(version) as NSString).appendingPathComponent("da-gui.json")
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return try? JSONDecoder().decode(SentMark.self, from: data)
    }

    /// Resolves "v2", "v002", "2" to a version present.
    public func resolve(_ text: String) -> String? {
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
    public static func periods(under out: String) -> [(period: Period, folder: String)] {
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

    public static func folder(out: String, period: Period) -> String {
        ((out as NSString).appendingPathComponent(String(period.year)) as NSString).appendingPathComponent(period.code)
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
            throw WorkspaceFailure(ExitStatus.cannotWrite)
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
                throw WorkspaceFailure(ExitStatus.cannotWrite)
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
                    throw WorkspaceFailure(ExitStatus.cannotWrite)
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
                throw WorkspaceFailure(ExitStatus.cannotWrite)
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
            throw WorkspaceFailure(ExitStatus.cannotWrite)
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
        let figures = record.document.figures.map { Manifest.FigureEntry($0, plan: record.plan) }
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

// MARK: - Listing versions, marking one sent

/// One version of a period's report as `baocao versions` and the web's versions page list it.
public struct VersionSummary: Sendable {
    public var version: String
    /// Nil when the manifest cannot be read.
    public var manifest: Manifest?
    public var sent: SentMark?
    /// The latest version: the one the top-level files are copies of.
    public var isLatest: Bool
}

extension VersionStore {
    /// The versions, oldest first, with their manifests and sent marks.
    public func summaries() -> [VersionSummary] {
        let all = versions()
        return all.map { VersionSummary(version: $0, manifest: manifest($0), sent: sentMark($0), isLatest: $0 == all.last) }
    }

    /// Marks a version (default: the latest) of `period` as sent, or removes the mark; returns
    /// the version and the mark's file. `date` is YYYY-MM-DD.
    /// A draft (no number, no signing date) is refused unless `force`: a draft is not what is sent.
    public func markSent(period: Period, version: String?, date: String?, note: String?, undo: Bool = false, force: Bool = false) throws
        -> (
            version: String, file: String
        )
    {
        let console = Console.current
        guard let latest = versions().last else {
            console.error("baocao: chưa có bản nào của báo cáo \(period.label) trong \(folder). (no versions)")
            throw WorkspaceFailure(ExitStatus.noInput)
        }
        var chosen = latest
        if let version {
            guard let v = resolve(version) else {
                console.error(
                    "baocao: không có bản '\(version)' của báo cáo \(period.label); các bản có: \(versions().joined(separator: ", ")). (no such version)"
                )
                throw WorkspaceFailure(ExitStatus.noInput)
            }
            chosen = v
        }
        if let date, CivilDate(iso: date) == nil {
            console.error("baocao: --date '\(date)' không phải ngày hợp lệ; dùng dạng YYYY-MM-DD. (invalid date)")
            throw WorkspaceFailure(ExitStatus.usage)
        }
        if !undo, !force, let options = manifest(chosen)?.options, options.draft {
            console.error(
                "baocao: bản \(chosen) của báo cáo \(period.label) là bản dự thảo (chưa có số và ngày ký), không đánh dấu là đã gửi. "
                    + "Hãy biên soạn bản chính thức có số và ngày ký: baocao compile --period \(period.code) --number <số> --date <YYYY-MM-DD>, "
                    + "rồi đánh dấu bản mới đó; nếu thật sự đã gửi bản dự thảo này, thêm --force. (a draft cannot be marked as sent)")
            throw WorkspaceFailure(ExitStatus.usage)
        }
        let file = (path(chosen) as NSString).appendingPathComponent("da-gui.json")
        if undo {
            if FileManager.default.fileExists(atPath: file) { try? FileManager.default.removeItem(atPath: file) }
            return (chosen, file)
        }
        let mark = SentMark(version: chosen, period: period.code, date: date, note: note)
        do {
            try Files.replace(file, with: mark.encoded())
        } catch {
            console.error("baocao: không ghi được \(file): \(error) (cannot write)")
            throw WorkspaceFailure(ExitStatus.cannotWrite)
        }
        return (chosen, file)
    }
}
