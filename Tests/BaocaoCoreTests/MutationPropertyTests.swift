import BaocaoCore
import Foundation
import PropertyBased
import TestSupport
import Testing

/// The shipped plan and unit files, mutated at random — bytes, lines, indentation, keys, values,
/// structure, Unicode — must load to either a valid result or located errors, quickly, and never
/// crash the process. A failure prints the input and a `.fixedSeed(…)` that replays it.
@Suite("Mutated plans and unit files: a valid result or located errors, in bounded time, never a crash")
struct MutationPropertyTests {
    /// The files mutated, read once.
    struct Shipped: Sendable {
        /// The plan folder of the test process's copy of the frozen fixture workspace.
        static let root = FixtureWorkspace.shared.plans

        let plan: [UInt8]
        /// Every unit file of the example data: period folder and file name, bytes.
        let data: [(folder: String, name: String, bytes: [UInt8])]
        /// Stand-ins for the built-in plugins (not a dependency of these tests): each plugin the
        /// plan names, accepting the options the plan gives it.
        let plugins: [PluginDescriptor]
        let loadedPlan: Plan
        /// The example data, loaded: a mutated file is added up with the other units' files.
        let submissions: [Submission]

        init() throws {
            let planURL = FixtureWorkspace.shared.planURL
            plan = Array(try Data(contentsOf: planURL))
            var files: [(String, String, [UInt8])] = []
            let dataRoot = Self.root.appendingPathComponent("data")
            // Entries beginning with '_' (the confirmations file) are not unit files; the loader skips them too.
            for folder in try FileManager.default.contentsOfDirectory(atPath: dataRoot.path).sorted() where !folder.hasPrefix("_") {
                let names = try FileManager.default.contentsOfDirectory(atPath: dataRoot.appendingPathComponent(folder).path)
                for name in names.sorted() where name.hasSuffix(".yaml") {
                    files.append((folder, name, Array(try Data(contentsOf: dataRoot.appendingPathComponent("\(folder)/\(name)")))))
                }
            }
            data = files
            // The plugins and their options, as the plan names them.
            let bag = DiagnosticBag()
            var options: [String: Set<String>] = [:]
            if let top = YAMLSource.parse(data: Data(plan), displayPath: "plan", bag: bag)?.mapping(bag, what: ""),
                let areas = top.list("areas")
            {
                for area in areas {
                    guard let m = area.mapping(bag, what: "area"), let id = m.string("plugin") else { continue }
                    options[id, default: []].formUnion(m.mapping("options", required: false)?.keys ?? [])
                }
            }
            plugins = options.map { id, keys in
                PluginDescriptor(id: id, title: id, summary: "A stand-in.", options: keys.sorted().map { PluginOption($0, "Stand-in.") })
            }
            let result = PlanLoader(plugins: plugins).load(path: planURL.path)
            guard let loaded = result.plan else { throw PluginError("the shipped plan: \(result.diagnostics)") }
            loadedPlan = loaded
            let loadedData = DataLoader(plan: loaded).load(folder: dataRoot.path)
            guard !loadedData.diagnostics.contains(where: { $0.severity == .error }) else {
                throw PluginError("the example data: \(loadedData.diagnostics)")
            }
            submissions = loadedData.submissions
        }
    }

    static let shipped = Result { try Shipped() }

    @Test("the shipped files load cleanly with the stand-in plugins (so mutations start from valid input)")
    func baseline() throws {
        let shipped = try Self.shipped.get()
        #expect(shipped.data.count >= 20)
        #expect(shipped.submissions.count == shipped.data.count)
    }

    /// Mutates `bytes` by each seed in turn.
    static func mutate(_ bytes: [UInt8], seeds: [Int]) -> [UInt8] {
        var out = bytes
        for seed in seeds {
            var rng = SplitMix(UInt64(bitPattern: Int64(seed)))
            Mutator.apply(&out, rng: &rng)
        }
        return out
    }

    /// Checks what must hold of any load: every diagnostic names the file and a line within
    /// it (or the whole file), and loading ended with either a result or an error.
    static func checkLocated(_ diagnostics: [Diagnostic], file: String, bytes: [UInt8]) {
        let lines = lineCount(bytes)
        for d in diagnostics {
            #expect(d.location.file == file, "\(d)")
            let wholeFile = d.location.line == 0 && d.location.column == 0
            let inFile = d.location.line >= 1 && d.location.line <= lines && d.location.column >= 1
            #expect(wholeFile || inFile, "\(d) (the file has \(lines) lines)")
            #expect(!d.message.isEmpty)
        }
    }

    /// The last line a location may name, as libyaml counts lines: LF, CR LF and a lone CR
    /// end a line, and so do NEL, LS and PS (YAML 1.1); the end of a file that does not end
    /// with a line break is on the line after its last (where a compiler says "at end of file").
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var breaks = 0
        var endsWithBreak = false
        for (i, byte) in bytes.enumerated() {
            var isBreak = false
            switch byte {
            case 0x0A: isBreak = true
            case 0x0D: isBreak = i + 1 == bytes.count || bytes[i + 1] != 0x0A
            case 0x85: isBreak = i > 0 && bytes[i - 1] == 0xC2
            case 0xA8, 0xA9: isBreak = i > 1 && bytes[i - 2] == 0xE2 && bytes[i - 1] == 0x80
            default: break
            }
            if isBreak { breaks += 1 }
            endsWithBreak = isBreak || (byte == 0x0A && i > 0 && bytes[i - 1] == 0x0D)
        }
        return breaks + (endsWithBreak ? 1 : 2)
    }

    static func isNFC(_ text: String) -> Bool {
        text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars)
    }

    /// One case: the plan or one unit's file, mutated, loaded and checked.
    static func check(file index: Int, seeds: [Int]) throws {
        let shipped = try shipped.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-mutation-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        if index == shipped.data.count {
            let bytes = mutate(shipped.plan, seeds: seeds)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("plan.yaml")
            try Data(bytes).write(to: path)
            let started = ContinuousClock.now
            let result = PlanLoader(plugins: shipped.plugins).load(path: path.path, displayPath: "plan.yaml")
            #expect(ContinuousClock.now - started < hangBound, "loading took \(ContinuousClock.now - started)")
            checkLocated(result.diagnostics, file: "plan.yaml", bytes: bytes)
            let errors = result.diagnostics.filter { $0.severity == .error }
            #expect((result.plan == nil) == !errors.isEmpty, "a plan with errors, or no plan and no error")
            if let plan = result.plan {
                #expect(plan.units.allSatisfy { isNFC($0.id) && isNFC($0.name) })
                #expect(plan.indicators.allSatisfy { isNFC($0.id) && isNFC($0.label) })
            }
        } else {
            let file = shipped.data[index]
            let bytes = mutate(file.bytes, seeds: seeds)
            let period = folder.appendingPathComponent(file.folder)
            try FileManager.default.createDirectory(at: period, withIntermediateDirectories: true)
            try Data(bytes).write(to: period.appendingPathComponent(file.name))
            let started = ContinuousClock.now
            let result = DataLoader(plan: shipped.loadedPlan).load(folder: folder.path, displayRoot: "data")
            #expect(ContinuousClock.now - started < hangBound, "loading took \(ContinuousClock.now - started)")
            checkLocated(result.diagnostics, file: "data/\(file.folder)/\(file.name)", bytes: bytes)
            let errors = result.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else { return }
            #expect(result.submissions.count == 1, "no error, but no submission either")
            guard let submission = result.submissions.first else { return }
            #expect(isNFC(submission.unit))
            #expect(submission.narratives.allSatisfy { isNFC($0.text) && ($0.cause.map(isNFC) ?? true) })
            // Added up with the other units' files and printed, as a compile would.
            let others = shipped.submissions.filter { !($0.unit == submission.unit && $0.period == submission.period) }
            let data = Aggregator(plan: shipped.loadedPlan, submissions: others + [submission]).data(for: submission.period).data
            for figure in data.totals.values { _ = figure.number.map { VietnameseFormat.number($0) } }
        }
    }

    /// BAOCAO_MUTATIONS=10 runs ten times as many cases (for a long hunt; the default keeps the
    /// whole suite near 8 s in a debug build on two cores).
    static let factor = Int(ProcessInfo.processInfo.environment["BAOCAO_MUTATIONS"] ?? "") ?? 1

    @Test("mutated unit files")
    func unitFiles() async throws {
        let count = try Self.shipped.get().data.count
        await propertyCheck(count: 600 * Self.factor, input: Gen.int(in: 0...(count - 1)), Gen.int().array(of: 1...6)) { index, seeds in
            try Self.check(file: index, seeds: seeds)
        }
    }

    @Test("mutated plans")
    func plans() async throws {
        let index = try Self.shipped.get().data.count
        await propertyCheck(count: 150 * Self.factor, input: Gen.int().array(of: 1...6)) { seeds in
            try Self.check(file: index, seeds: seeds)
        }
    }
}

/// A small seeded generator, so that a seed from PropertyBased replays one mutation exactly.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The mutations: what hands, editors, mail programs and USB sticks do to a YAML file, and
/// what an attacker would try.
enum Mutator {
    /// Values worth putting where a value was.
    static let values: [String] = [
        "-1", "-0", "2.5", "1e400", "-1e300", "99999999999999999999", "0x1F", "0o17", ".nan", ".inf", "1.234", "87,5", "~", "null",
        "", "\"\"", "''", "[]", "{}", "[1, [2, {3: 4}]]", "*nowhere", "&a x", "!!binary aGVsbG8=", "!!int x", "!!float y", "!custom x",
        "|", ">-", "? x", "2026-Q9", "2026-13", "9999-Q1", "2024-Q1", "2026-02-30", "true", "yes", "\"\\a\"", "\"\\uD800\"",
        "\"\\U0010FFFF\"",
        "\"\\xFF\"", "\"\\u202E\"", "\"\\uFFFE\"", "\"\\N\"", "'it''s'", "\"unterminated", "@", "`", "%", "<script>alert(1)</script>",
        "a: b: c",
        "- x", "x #y", "Q1/2026", "ttpvhcc", "kvx", "tchcqt", "hs_moi_truc_tuyen", String(repeating: "x", count: 3000),
        String(repeating: "[", count: 300), "&a [*a]", "{value: 5, value: 6}", "{value: 5, months: {\"2026-07\": 5}}",
        "{value: 1, earlier: {value: 2, year: 2030}}", "{text: x, area: nowhere, task: II.99}",
        "Hồ sơ".decomposedStringWithCanonicalMapping,
    ]
    /// Text worth inserting anywhere.
    static let snippets: [String] = [
        "\t", "\n", "\r\n", "\r", " ", "  ", ":", ": ", "- ", "-", "#", " #", "\"", "'", "[", "]", "{", "}", ",", "&a ", "*a", "*a ", "? ",
        "---\n", "...\n", "%YAML 1.1\n", "!!str ", "|\n", ">\n", "\u{FEFF}", "\u{0}", "\u{7}", "\u{85}", "\u{2028}", "\u{301}", "\u{202E}",
        "\\", "\\u",
        "a0: &a0 [x,x,x,x,x,x,x,x,x]\na1: &a1 [*a0,*a0,*a0,*a0,*a0,*a0,*a0,*a0,*a0]\na2: [*a1,*a1,*a1,*a1,*a1,*a1,*a1,*a1,*a1]\n",
        "<<: *a\n", "unit: x\n", "period: 2026-Q1\n", "figures:\n", "narratives:\n  limitations: [x]\n",
    ]

    static func apply(_ bytes: inout [UInt8], rng: inout SplitMix) {
        func pick(_ n: Int) -> Int { n <= 0 ? 0 : Int.random(in: 0..<n, using: &rng) }
        let position = pick(bytes.count + 1)
        switch pick(14) {
        case 0:  // a byte changed
            if !bytes.isEmpty { bytes[pick(bytes.count)] = UInt8(pick(256)) }
        case 1:  // a byte inserted, from the ones YAML and UTF-8 care about
            let interesting: [UInt8] = [
                0x00, 0x07, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x27, 0x3A, 0x2D, 0x5B, 0x7B, 0x26, 0x2A, 0x23, 0x7C, 0xC3, 0xE1, 0xFF,
            ]
            bytes.insert(interesting[pick(interesting.count)], at: position)
        case 2:  // a range deleted
            let end = min(bytes.count, position + 1 + pick(200))
            if position < end { bytes.removeSubrange(position..<end) }
        case 3:  // a range repeated
            let end = min(bytes.count, position + 1 + pick(400))
            if position < end { bytes.insert(contentsOf: bytes[position..<end], at: end) }
        case 4:  // cut short
            bytes.removeSubrange(position...)
        case 5:  // a snippet inserted
            bytes.insert(contentsOf: Array(snippets[pick(snippets.count)].utf8), at: position)
        case 6:  // all of it decomposed (NFD), as some keyboards and systems write
            if let text = String(bytes: bytes, encoding: .utf8) { bytes = Array(text.decomposedStringWithCanonicalMapping.utf8) }
        default:
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
            guard !lines.isEmpty else { return }
            let i = pick(lines.count)
            switch pick(8) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2: lines.swapAt(i, pick(lines.count))
            case 3: lines[i].insert(contentsOf: Array(repeating: UInt8(ascii: " "), count: 1 + pick(3)), at: 0)
            case 4: if lines[i].first == UInt8(ascii: " ") { lines[i].removeFirst(min(lines[i].count, 1 + pick(2))) }
            case 5:  // a key changed: a letter dropped or doubled, or another line's key taken
                if let colon = lines[i].firstIndex(of: UInt8(ascii: ":")), colon > 0 {
                    let at = pick(colon)
                    if pick(2) == 0 { lines[i].remove(at: at) } else { lines[i].insert(lines[i][at], at: at) }
                }
            case 6:  // a value replaced
                let value = Array(values[pick(values.count)].utf8)
                if let colon = lines[i].firstIndex(of: UInt8(ascii: ":")) {
                    lines[i].replaceSubrange((colon + 1)..., with: [UInt8(ascii: " ")] + value)
                } else {
                    lines[i] += value
                }
            default:  // the structure changed: a line made a list item, or all of it wrapped
                let indent = lines[i].prefix { $0 == UInt8(ascii: " ") }.count
                if pick(2) == 0 {
                    lines[i].insert(contentsOf: Array("- ".utf8), at: indent)
                } else {
                    lines[i] = Array(lines[i][..<indent]) + Array("[".utf8) + Array(lines[i][indent...]) + Array("]".utf8)
                }
            }
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        }
    }
}
