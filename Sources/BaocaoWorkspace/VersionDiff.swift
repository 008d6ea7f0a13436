import BaocaoCore
import BaocaoPlugins
import Foundation

/// What changed between two versions of a period's report: options, inputs, every figure with
/// the input that caused it, and the sentences. What `baocao diff` prints and the web's
/// versions page shows.
public enum VersionDiff {
    /// Compares two versions of `store` (given as "v2", "v002", "2"): none given, the last two;
    /// one, it and the one before it. Returns the comparison's lines; a problem is reported to
    /// `Console.current` and thrown.
    public static func compare(_ store: VersionStore, period target: Period, versions: [String]) throws -> [String] {
        let console = Console.current
        let all = store.versions()
        var pair: [String] = []
        for text in versions {
            guard let v = store.resolve(text) else {
                console.error(
                    "baocao: không có bản '\(text)' của báo cáo \(target.label); các bản có: \(all.isEmpty ? "chưa có" : all.joined(separator: ", ")). (no such version)"
                )
                throw WorkspaceFailure(ExitStatus.noInput)
            }
            pair.append(v)
        }
        switch pair.count {
        case 0:
            guard all.count >= 2 else {
                console.error(
                    "baocao: báo cáo \(target.label) mới có \(all.count) bản (\(all.joined(separator: ", "))); cần hai bản để so sánh. (fewer than two versions)"
                )
                throw WorkspaceFailure(ExitStatus.noInput)
            }
            pair = Array(all.suffix(2))
        case 1:
            guard let index = all.firstIndex(of: pair[0]), index > 0 else {
                console.error("baocao: bản \(pair[0]) là bản đầu tiên; không có bản trước để so sánh. (no earlier version)")
                throw WorkspaceFailure(ExitStatus.noInput)
            }
            pair.insert(all[index - 1], at: 0)
        case 2:
            break
        default:
            console.error("baocao: chỉ so sánh hai bản một lần. (expected at most two versions)")
            throw WorkspaceFailure(ExitStatus.usage)
        }
        guard let a = store.manifest(pair[0]), let b = store.manifest(pair[1]) else {
            console.error(
                "baocao: không đọc được manifest.json của bản \(pair[0]) hoặc \(pair[1]) trong \(store.versionsFolder). (unreadable manifest)"
            )
            throw WorkspaceFailure(ExitStatus.noInput)
        }
        let textA = markdown(store, pair[0], a)
        let textB = markdown(store, pair[1], b)
        return report(a, b, textA, textB, folder: store.versionsFolder)
    }

    static func markdown(_ store: VersionStore, _ version: String, _ manifest: Manifest) -> String {
        guard let md = manifest.outputs.first(where: { $0.format == "md" }) else { return "" }
        let path = (store.path(version) as NSString).appendingPathComponent(md.file)
        return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The comparison as lines of text.
    public static func report(_ a: Manifest, _ b: Manifest, _ textA: String, _ textB: String, folder: String) -> [String] {
        var out: [String] = []
        out.append("So sánh báo cáo \(b.periodLabel) (\(b.period)): bản \(a.version) → bản \(b.version) (\(folder))")
        // Options.
        var options: [String] = []
        func shown(_ s: String?) -> String { s ?? "(trống)" }
        if a.options.number != b.options.number { options.append("số: \(shown(a.options.number)) → \(shown(b.options.number))") }
        if a.options.date != b.options.date {
            let date = { (s: String?) in s.flatMap(CivilDate.init(iso:)).map(VietnameseFormat.shortDate) ?? "(trống)" }
            options.append("ngày ký: \(date(a.options.date)) → \(date(b.options.date))")
        }
        if a.options.formats != b.options.formats {
            options.append("định dạng: \(a.options.formats.joined(separator: ", ")) → \(b.options.formats.joined(separator: ", "))")
        }
        if a.options.partial != b.options.partial { options.append("--partial: \(a.options.partial) → \(b.options.partial)") }
        out.append("Tùy chọn: \(options.isEmpty ? "không đổi" : options.joined(separator: "; ")).")
        let planChanged = a.plan.sha256 != b.plan.sha256 || a.plan.file != b.plan.file || a.planBases != b.planBases
        out.append("Kế hoạch: \(planChanged ? "đã thay đổi (\(b.plan.file))" : "không đổi").")
        // Inputs.
        let inputsA = Dictionary(a.inputs.map { ($0.file, $0) }, uniquingKeysWith: { x, _ in x })
        let inputsB = Dictionary(b.inputs.map { ($0.file, $0) }, uniquingKeysWith: { x, _ in x })
        var changedInputs: [String: String] = [:]  // file → how
        for file in Set(inputsA.keys).union(inputsB.keys).sorted() {
            switch (inputsA[file], inputsB[file]) {
            case (nil, _?): changedInputs[file] = "tệp mới"
            case (_?, nil): changedInputs[file] = "không còn"
            case (let x?, let y?) where x.sha256 != y.sha256: changedInputs[file] = "đã sửa"
            default: break
            }
        }
        func imported(_ file: String) -> String {
            (inputsB[file] ?? inputsA[file])?.importedFrom.map { ", nhập từ Excel \($0)" } ?? ""
        }
        out.append("Tệp số liệu thay đổi (\(changedInputs.count)):")
        for (file, how) in changedInputs.sorted(by: { $0.key < $1.key }) { out.append("  \(file) — \(how)\(imported(file))") }
        if changedInputs.isEmpty { out.append("  không có") }
        // Figures.
        let figuresA = Dictionary(a.figures.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let figuresB = Dictionary(b.figures.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        var figureLines: [String] = []
        for id in Set(figuresA.keys).union(figuresB.keys).sorted(by: { figureOrder($0, $1, figuresB, figuresA) }) {
            let x = figuresA[id]
            let y = figuresB[id]
            guard figureChange(x, y) != nil else { continue }
            // Which changed input caused it: the values that are new in the newer version (by
            // file and value), else every source in a changed file.
            let before = Set((x?.sources ?? []).map { "\($0.file)|\($0.value.map { "\($0)" } ?? "")" })
            let candidates = (y?.sources ?? []).filter { changedInputs[$0.file] != nil }
            let newValues = candidates.filter { !before.contains("\($0.file)|\($0.value.map { "\($0)" } ?? "")") }
            var causes: [String] = []
            for source in (newValues.isEmpty ? candidates + (x?.sources ?? []).filter { changedInputs[$0.file] != nil } : newValues) {
                let cited = (y == nil ? source.file : source.cited) + imported(source.file)
                if !causes.contains(cited) { causes.append(cited) }
            }
            var cause = causes.isEmpty ? "" : "; do \(causes.joined(separator: ", "))"
            if causes.isEmpty { cause = planChanged ? "; do kế hoạch thay đổi" : "; do cách tính thay đổi (đầu vào như cũ)" }
            figureLines.append(figureChange(x, y)! + cause)
        }
        out.append("Số liệu thay đổi (\(figureLines.count)):")
        out += figureLines.isEmpty ? ["  không có"] : figureLines
        // Sentences.
        let hunks = sentenceDiff(textA, textB)
        out.append("Câu thay đổi (\(hunks.reduce(0) { $0 + max($1.removed.count, $1.added.count) })):")
        if hunks.isEmpty { out.append("  không có") }
        var lastHeading: String?
        for hunk in hunks {
            if let heading = hunk.heading, heading != lastHeading {
                out.append("  Tại \"\(heading)\":")
                lastHeading = heading
            }
            for s in hunk.removed { out.append("  - \(s)") }
            for s in hunk.added { out.append("  + \(s)") }
        }
        return out
    }

    /// Figures of units before totals, in indicator order as the newer version lists them.
    /// One figure's change as `diff` lists it, "  hs_moi_truc_tuyen — Hồ sơ mới … — Trung tâm …,
    /// quý IV năm 2026: 6.905 → 7.050 hồ sơ" (its cause is added by the caller); nil when it
    /// did not change.
    public static func figureChange(_ x: Manifest.FigureEntry?, _ y: Manifest.FigureEntry?) -> String? {
        if let x, let y, x.value == y.value, x.text == y.text { return nil }
        guard let f = y ?? x else { return nil }
        let whose = f.unitName ?? f.unit ?? "tổng các đơn vị"
        let period = Period(f.period)?.label ?? f.period
        let measure = f.measure.map { $0.isEmpty || $0 == "%" ? "" : " \($0)" } ?? ""
        let change: String
        switch (x, y) {
        case (let x?, let y?): change = "\(x.text) → \(y.text)\(measure)"
        case (nil, let y?): change = "(chưa có) → \(y.text)\(measure)"
        case (let x?, nil): change = "\(x.text)\(measure) → (không còn)"
        default: return nil
        }
        let label = f.label == f.indicator ? "" : " — \(f.label)"
        return "  \(f.indicator)\(label) — \(whose), \(period): \(change)"
    }

    /// The figures of a period's report that change when `new` takes the place of `old` (a
    /// unit's file for the period) among `submissions`: the report compiled both ways, the
    /// figures listed as `diff` lists them, in report order.
    public static func figureChanges(plan: Plan, submissions: [Submission], replacing old: Submission, with new: Submission) async
        -> [String]
    {
        let after = submissions.filter { !($0.unit == old.unit && $0.period == old.period) } + [new]
        func figures(_ submissions: [Submission]) async -> [Manifest.FigureEntry] {
            let engine = Engine(plan: plan, submissions: submissions, registry: BuiltinPlugins.registry)
            let output = try? await engine.compile(period: new.period, options: .init(allowPartial: true))
            return output?.document.figures.map { Manifest.FigureEntry($0, plan: plan) } ?? []
        }
        let a = await figures(submissions)
        let b = await figures(after)
        let older = Dictionary(a.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        var seen = Set<String>()
        var lines: [String] = []
        for entry in b where seen.insert(entry.id).inserted {
            if let line = figureChange(older[entry.id], entry) { lines.append(line) }
        }
        for entry in a where seen.insert(entry.id).inserted {
            if let line = figureChange(entry, nil) { lines.append(line) }
        }
        return lines
    }

    static func figureOrder(_ x: String, _ y: String, _ newer: [String: Manifest.FigureEntry], _ older: [String: Manifest.FigureEntry])
        -> Bool
    {
        let fx = newer[x] ?? older[x]
        let fy = newer[y] ?? older[y]
        return (fx?.period ?? "", fx?.indicator ?? "", fx?.unit == nil ? 1 : 0, x) < (
            fy?.period ?? "", fy?.indicator ?? "", fy?.unit == nil ? 1 : 0, y
        )
    }

    struct Hunk: Equatable {
        var heading: String?
        var removed: [String]
        var added: [String]
    }

    /// The sentences of a Markdown text, each with the heading it falls under. Table rows and
    /// headings stay whole; paragraphs are split after ". " before a capital letter.
    static func sentences(_ text: String) -> [(text: String, heading: String?)] {
        var result: [(String, String?)] = []
        var heading: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.allSatisfy({ "|:- ".contains($0) }) { continue }
            if line.hasPrefix("#") {
                heading = line.drop { $0 == "#" || $0 == " " }.replacingOccurrences(of: "*", with: "")
                result.append((line, heading))
                continue
            }
            if line.hasPrefix("|") {
                result.append((line, heading))
                continue
            }
            let text = line.hasPrefix("- ") ? String(line.dropFirst(2)) : line
            var current = ""
            let chars = Array(text)
            for (i, c) in chars.enumerated() {
                current.append(c)
                if ".!?;".contains(c), i + 2 < chars.count, chars[i + 1] == " ", chars[i + 2].isUppercase {
                    result.append((current.trimmingCharacters(in: .whitespaces), heading))
                    current = ""
                }
            }
            if !current.trimmingCharacters(in: .whitespaces).isEmpty {
                result.append((current.trimmingCharacters(in: .whitespaces), heading))
            }
        }
        return result
    }

    /// The changed runs between two texts' sentences (longest common subsequence).
    static func sentenceDiff(_ a: String, _ b: String) -> [Hunk] {
        let x = sentences(a)
        let y = sentences(b)
        let n = x.count
        let m = y.count
        var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i][j] = x[i].text == y[j].text ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
        }
        var hunks: [Hunk] = []
        var current = Hunk(heading: nil, removed: [], added: [])
        func flush() {
            if !current.removed.isEmpty || !current.added.isEmpty { hunks.append(current) }
            current = Hunk(heading: nil, removed: [], added: [])
        }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, x[i].text == y[j].text {
                flush()
                i += 1
                j += 1
            } else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] {
                if current.heading == nil { current.heading = y[j].heading }
                current.added.append(y[j].text)
                j += 1
            } else {
                if current.heading == nil { current.heading = x[i].heading }
                current.removed.append(x[i].text)
                i += 1
            }
        }
        flush()
        return hunks
    }
}
