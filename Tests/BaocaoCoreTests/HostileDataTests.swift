import BaocaoCore
import Foundation
import Testing

/// A scratch data folder, removed when the test ends.
final class ScratchFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ relative: String, _ text: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Not Data.write or createFile: they sync each file to disk, and thousands are written.
        guard let stream = fopen(file.path, "w") else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        defer { fclose(stream) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ fwrite($0.baseAddress, 1, $0.count, stream) }) == bytes.count else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
    }

    func link(_ relative: String, to target: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: target)
    }
}

/// The real path of a folder (the temporary folder may itself be behind a link).
func realPath(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }

@Suite("Hostile data folders: links out, devices, absurd sizes, decomposed text")
struct HostileDataTests {
    let validA = "unit: a\nperiod: 2026-Q1\nfigures:\n  received: 10\n"

    func load(_ folder: ScratchFolder) throws -> DataLoader.Result {
        DataLoader(plan: try validPlan()).load(folder: folder.path, displayRoot: "data")
    }

    @Test("a data file that is a link to a file outside the folder is refused by name and not read")
    func fileLinkOutside() throws {
        let outside = try ScratchFolder()
        try outside.write("secret.yaml", "unit: b\nperiod: 2026-Q1\nfigures:\n  received: 99\n")
        let data = try ScratchFolder()
        try data.write("2026-Q1/a.yaml", validA)
        try data.link("2026-Q1/b.yaml", to: outside.url.appendingPathComponent("secret.yaml").path)
        let result = try load(data)
        #expect(
            result.diagnostics.map(\.description) == [
                "data/2026-Q1/b.yaml: error: liên kết (symlink) trỏ ra ngoài thư mục số liệu, tới \(realPath(outside.path))/secret.yaml; không đọc (the link leads outside the data folder)"
            ])
        #expect(result.submissions.map(\.unit) == ["a"])
    }

    @Test("a period folder that is a link to a folder outside is refused, and a relative link with .. too")
    func folderLinkOutside() throws {
        let outside = try ScratchFolder()
        try outside.write("2026-Q2/b.yaml", "unit: b\nperiod: 2026-Q2\n")
        let data = try ScratchFolder()
        try data.write("2026-Q1/a.yaml", validA)
        try data.link("2026-Q2", to: outside.url.appendingPathComponent("2026-Q2").path)
        try data.link("2026-Q1/c.yaml", to: "../../\(outside.url.lastPathComponent)/2026-Q2/b.yaml")
        let result = try load(data)
        #expect(
            result.diagnostics.map(\.description) == [
                "data/2026-Q1/c.yaml: error: liên kết (symlink) trỏ ra ngoài thư mục số liệu, tới \(realPath(outside.path))/2026-Q2/b.yaml; không đọc (the link leads outside the data folder)",
                "data/2026-Q2: error: liên kết (symlink) trỏ ra ngoài thư mục số liệu, tới \(realPath(outside.path))/2026-Q2; không đọc (the link leads outside the data folder)",
            ])
        #expect(result.submissions.map(\.unit) == ["a"])
    }

    @Test("links inside the folder are read; a broken link is named; the folder itself may be a link")
    func linksInside() throws {
        let data = try ScratchFolder()
        try data.write("_archive/a.yaml", validA)
        try data.link("2026-Q1/a.yaml", to: "../_archive/a.yaml")
        try data.link("2026-Q1/b.yaml", to: "nowhere.yaml")
        let result = try load(data)
        #expect(
            result.diagnostics.map(\.description) == [
                "data/2026-Q1/b.yaml: error: liên kết (symlink) trỏ tới 'nowhere.yaml', không tồn tại (broken symbolic link)"
            ])
        #expect(result.submissions.map(\.unit) == ["a"])
        let alias = try ScratchFolder()
        try alias.link("data", to: data.path)
        let throughLink = DataLoader(plan: try validPlan()).load(folder: alias.url.appendingPathComponent("data").path, displayRoot: "data")
        #expect(throughLink.submissions.map(\.unit) == ["a"])
    }

    @Test("a FIFO named like a data file is refused without being opened (opening it would wait forever)")
    func fifo() throws {
        let data = try ScratchFolder()
        try data.write("2026-Q1/a.yaml", validA)
        #expect(mkfifo(data.url.appendingPathComponent("2026-Q1/b.yaml").path, 0o600) == 0)
        let result = try load(data)
        #expect(
            result.diagnostics.map(\.description) == [
                "data/2026-Q1/b.yaml: error: không phải tệp thông thường (thiết bị, FIFO …); không đọc (not a regular file)"
            ])
    }

    @Test("a 100 MB data file is refused by its size at once, before any of it is read, also through a link")
    func hugeFile() throws {
        let data = try ScratchFolder()
        let path = data.url.appendingPathComponent("_big/huge.yaml")
        try data.write("_big/huge.yaml", "")
        // Sparse: 100 MB of NUL bytes that take no disk; read, they would be a control-character error.
        let handle = try FileHandle(forWritingTo: path)
        try handle.truncate(atOffset: 100 * 1_048_576)
        try handle.close()
        try data.link("2026-Q1/a.yaml", to: path.path)
        // A link is measured by its target (the size of the link itself would pass).
        try data.link("2026-Q1/b.yaml", to: "../_big/huge.yaml")
        let started = ContinuousClock.now
        let result = try load(data)
        #expect(ContinuousClock.now - started < hangBound)
        #expect(
            result.diagnostics.map(\.description) == [
                "data/2026-Q1/a.yaml: error: tệp quá lớn: 104857600 byte, giới hạn 16777216 byte (file too large)",
                "data/2026-Q1/b.yaml: error: tệp quá lớn: 104857600 byte, giới hạn 16777216 byte (file too large)",
            ])
    }

    /// The minimal plan with `count` more units (u1, u2 …), each reporting `news` and `carried`.
    static func planWithUnits(_ count: Int) -> String {
        let extra = (1...count).map { "  - id: u\($0)\n    name: Đơn vị số \($0)\n" }.joined()
        return planReplacing("    kind: external\n", with: "    kind: external\n" + extra)
    }

    /// How many units and files the scale test uses: 2,000 by default (a debug build on two
    /// cores loads them in about a second); BAOCAO_SCALE=10000 for the full size of the issue.
    static let scale = Int(ProcessInfo.processInfo.environment["BAOCAO_SCALE"] ?? "") ?? 2_000

    @Test("thousands of units in a plan and a file for each: every one read and added up")
    func manyUnits() async throws {
        let n = Self.scale
        var clock = ContinuousClock.now
        let planResult = loadPlan(Self.planWithUnits(n))
        let plan = try #require(planResult.plan, "\(planResult.diagnostics.prefix(3))")
        let planTime = ContinuousClock.now - clock
        #expect(plan.units.count == n + 3)

        let data = try ScratchFolder()
        for i in 1...n {
            try data.write("2026-Q1/u\(i).yaml", "unit: u\(i)\nperiod: 2026-Q1\nfigures:\n  news: 3\n  carried: \(i)\n")
        }
        clock = ContinuousClock.now
        let result = DataLoader(plan: plan).load(folder: data.path, displayRoot: "data")
        let loadTime = ContinuousClock.now - clock
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3))")
        #expect(result.submissions.count == n)

        clock = ContinuousClock.now
        let output = try await Engine(plan: plan, submissions: result.submissions, registry: testRegistry).compile(
            period: .quarter(1, 2026))
        let compileTime = ContinuousClock.now - clock
        let text = output.document.body.compactMap { block -> String? in
            if case .paragraph(let p) = block { return p.plainText }
            return nil
        }
        #expect(text.contains("beta: news=\(VietnameseFormat.count(3 * n))"), "\(text.prefix(8))")
        #expect(text.contains { $0.hasPrefix("alpha: carried=\(VietnameseFormat.count(n * (n + 1) / 2))") }, "\(text.prefix(8))")
        // Time is printed, not asserted: speed belongs to Benchmarks/ (the scale benchmarks there), and a
        // timed assertion fails on a loaded machine while the code is right.
        print("scale \(n): plan \(planTime), \(n) files \(loadTime), compile \(compileTime)")
    }

    /// Whether every text is in NFC, scalar for scalar (String's == ignores normalisation).
    static func isNFC(_ text: String) -> Bool {
        text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars)
    }

    @Test("a plan and data written in decomposed form (NFD): ids match across files, and every text read is NFC")
    func decomposed() async throws {
        // Vietnamese ids, so that matching them depends on the normalisation.
        var planText = minimalPlan
        for (old, new) in [
            ("- id: a\n", "- id: phòng_ả\n"), ("lead: [a]", "lead: [phòng_ả]"), ("reported_by: [a]", "reported_by: [phòng_ả]"),
            ("- id: received\n", "- id: hồ_sơ_nhận\n"), ("part_of: received", "part_of: hồ_sơ_nhận"),
            ("denominator: [received]", "denominator: [hồ_sơ_nhận]"),
        ] {
            #expect(planText.contains(old))
            planText = planText.replacingOccurrences(of: old, with: new)
        }
        let dataText = """
            unit: phòng_ả
            period: 2026-Q1
            figures:
              hồ_sơ_nhận: {value: 40, note: Tiếp nhận đầy đủ}
              on_time: 30
            narratives:
              limitations:
                - {text: Hồ sơ đất đai còn chậm, cause: Thiếu cán bộ thẩm định}
            """
        // The plan composed and the data decomposed, and the other way round.
        for (plan, data) in [
            (planText, dataText.decomposedStringWithCanonicalMapping), (planText.decomposedStringWithCanonicalMapping, dataText),
        ] {
            #expect(!Self.isNFC(plan) || !Self.isNFC(data))
            let loaded = loadPlan(plan)
            let p = try #require(loaded.plan, "\(loaded.diagnostics)")
            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
            #expect(p.units.allSatisfy { Self.isNFC($0.id) && Self.isNFC($0.name) })
            #expect(p.indicators.allSatisfy { Self.isNFC($0.id) && Self.isNFC($0.label) })
            let folder = try ScratchFolder()
            try folder.write("2026-Q1/phong-a.yaml", data)
            let result = DataLoader(plan: p).load(folder: folder.path, displayRoot: "data")
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
            let s = try #require(result.submissions.first)
            #expect(Self.isNFC(s.unit) && s.unit == "phòng_ả")
            #expect(s.figures.keys.allSatisfy(Self.isNFC) && s.figures["hồ_sơ_nhận"]?.number == 40)
            #expect(s.figures.values.compactMap(\.note).allSatisfy(Self.isNFC))
            #expect(s.narratives.allSatisfy { Self.isNFC($0.text) && ($0.cause.map(Self.isNFC) ?? true) })

            let output = try await Engine(plan: p, submissions: result.submissions, registry: testRegistry).compile(
                period: .quarter(1, 2026))
            var texts: [String] = []
            for block in output.document.body {
                switch block {
                case .paragraph(let p): texts.append(p.plainText)
                case .list(let items): texts += items.map(\.plainText)
                case .heading(let h): texts.append(h.line)
                case .table(let t): texts += t.rows.flatMap { $0.map(\.text) }
                case .chart: break
                }
            }
            #expect(texts.contains("alpha: hồ_sơ_nhận=40, on_time=30, rate=75,00 %"), "\(texts)")
            #expect(texts.contains("Hồ sơ đất đai còn chậm. Nguyên nhân: thiếu cán bộ thẩm định."), "\(texts)")
            #expect(texts.allSatisfy(Self.isNFC))
        }
    }
}
