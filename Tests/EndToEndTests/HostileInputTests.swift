import BaocaoCLI
import BaocaoCore
import BaocaoRender
import Foundation
import Testing
import XCTest

/// Hostile unit data through the whole `baocao` command: markup reaches every output escaped,
/// characters no report may hold are refused at their line, decomposed input gives composed
/// output; and the renderers cope with an absurdly long table.
final class HostileInputTests: XCTestCase {
    var folder: URL!
    var data: URL { folder.appendingPathComponent("data") }
    var out: URL { folder.appendingPathComponent("out") }

    override func setUpWithError() throws {
        folder = try Paths.temporaryFolder()
        try FileManager.default.copyItem(atPath: Paths.data, toPath: data.path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Replaces `old` (which must occur once) in a copied unit file.
    func edit(_ relative: String, _ old: String, _ new: String) throws {
        let url = data.appendingPathComponent(relative)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: old).count, 2, "'\(old)' must occur once in \(relative)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    func report(_ ext: String, period: String = "2026-Q3") throws -> String {
        try String(contentsOf: out.appendingPathComponent("2026/\(period)/bao-cao-\(period).\(ext)"), encoding: .utf8)
    }

    /// Every string in a JSON value.
    func strings(in value: Any) -> [String] {
        switch value {
        case let s as String: return [s]
        case let a as [Any]: return a.flatMap(strings)
        case let d as [String: Any]: return d.keys.sorted() + d.values.flatMap(strings)
        default: return []
        }
    }

    static let script = "<script>alert(1)</script> & \"x\""
    static let markdown = "**bold** [link](http://x) # heading"

    func testMarkupInUnitDataReachesMarkdownHTMLAndJSONEscaped() async throws {
        // A limitation (part II), a proposal (part IV) and a note of a figure, each with markup.
        try edit(
            "2026-Q3/ttpvhcc.yaml", "  limitations:\n",
            "  limitations:\n    - {text: '\(Self.script)', cause: '\(Self.markdown)'}\n")
        try edit("2026-Q3/tttt.yaml", "  proposals:\n", "  proposals:\n    - '\(Self.markdown)'\n")
        let run = await baocao(
            "compile", "--plan", Paths.plan, "--data", data.path, "--out", out.path, "--period", "2026-Q3", "--format", "md,html,json")
        XCTAssertEqual(run.status, 0, run.err)

        let md = try report("md")
        XCTAssertTrue(md.contains(#"\<script\>alert(1)\</script\> \& "x""#), md)
        XCTAssertTrue(md.contains(#"\*\*bold\*\* \[link\](http://x) # heading"#), md)
        let unescaped = md.replacingOccurrences(of: #"\<"#, with: "").replacingOccurrences(of: #"\&"#, with: "")
        for raw in ["<script", "</script>", "**bold**", "[link](", " & \""] {
            XCTAssertFalse(unescaped.contains(raw), "unescaped \(raw) in the Markdown")
        }

        let html = try report("html")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"), html)
        XCTAssertTrue(html.contains("**bold** [link](http://x) # heading"), "markup from data is text in HTML, not interpreted")
        XCTAssertFalse(html.lowercased().contains("<script"), "a script element in the HTML")
        XCTAssertFalse(html.contains("href=\"http://x\""))

        let jsonText = try report("json")
        let json = try JSONSerialization.jsonObject(with: Data(jsonText.utf8))
        let texts = strings(in: json)
        XCTAssertTrue(texts.contains { $0.contains(Self.script) }, "the text round-trips through the JSON unchanged")
        XCTAssertTrue(texts.contains { $0.contains(Self.markdown) })
        XCTAssertFalse(jsonText.contains(#"& "x""#), "quotes are escaped in the JSON text")
    }

    func testAControlCharacterInANarrativeIsRefusedAtItsFileAndLine() async throws {
        // Written as an escape in quotes (YAML allows it) in one file, as a raw byte in another.
        try edit("2026-Q3/ttpvhcc.yaml", "  proposals:\n", "  proposals:\n    - \"Chuông\\a reo\"\n")
        try edit("2026-Q3/tttt.yaml", "  proposals:\n", "  proposals:\n    - Chuông\u{7} reo\n")
        func line(_ relative: String, _ needle: String) throws -> Int {
            let text = try String(contentsOf: data.appendingPathComponent(relative), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            return try XCTUnwrap(lines.firstIndex { $0.contains(needle) }) + 1
        }
        let escaped = try line("2026-Q3/ttpvhcc.yaml", "Chuông")
        let raw = try line("2026-Q3/tttt.yaml", "Chuông")

        let run = await baocao("validate", Paths.plan, "--data", data.path)
        XCTAssertEqual(run.status, 65, run.err)
        let errors = run.err.split(separator: "\n").map(String.init)
        let ttpvhcc = data.appendingPathComponent("2026-Q3/ttpvhcc.yaml").path
        let tttt = data.appendingPathComponent("2026-Q3/tttt.yaml").path
        XCTAssertTrue(
            errors.contains(
                "\(ttpvhcc):\(escaped):7: error: chuỗi có ký tự điều khiển U+0007 sau “Chuông”; hãy xóa ký tự này (control character U+0007 in text)"
            ), run.err)
        XCTAssertTrue(
            errors.contains(
                "\(tttt):\(raw):13: error: tệp có ký tự điều khiển U+0007 ở đây; hãy xóa ký tự này (control character U+0007 is not allowed)"
            ), run.err)

        let compile = await baocao("compile", "--plan", Paths.plan, "--data", data.path, "--out", out.path, "--period", "2026-Q3")
        XCTAssertEqual(compile.status, 65, compile.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written from refused data")
    }

    func testDecomposedPlanAndDataGiveTheSameComposedReport() async throws {
        // The plan and every unit file rewritten in NFD, as some keyboards and systems save them.
        let nfd = folder.appendingPathComponent("nfd")
        try FileManager.default.copyItem(at: data, to: nfd.appendingPathComponent("data"))
        let plan = nfd.appendingPathComponent("plan.yaml")
        try Data(String(contentsOfFile: Paths.plan, encoding: .utf8).decomposedStringWithCanonicalMapping.utf8).write(to: plan)
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: nfd.appendingPathComponent("data").path)).compactMap {
            $0 as? String
        }
        var decomposed = 0
        for relative in files where relative.hasSuffix(".yaml") {
            let url = nfd.appendingPathComponent("data/\(relative)")
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.decomposedStringWithCanonicalMapping.utf8).write(to: url)
            decomposed += 1
        }
        XCTAssertGreaterThan(decomposed, 20)

        let composedRun = await baocao(
            "compile", "--plan", Paths.plan, "--data", data.path, "--out", out.path, "--period", "2026-Q3", "--format", "md")
        XCTAssertEqual(composedRun.status, 0, composedRun.err)
        let nfdOut = folder.appendingPathComponent("nfd-out")
        let nfdRun = await baocao(
            "compile", "--plan", plan.path, "--data", nfd.appendingPathComponent("data").path, "--out", nfdOut.path, "--period", "2026-Q3",
            "--format", "md")
        XCTAssertEqual(nfdRun.status, 0, nfdRun.err)
        let fromNFD = try Data(contentsOf: nfdOut.appendingPathComponent("2026/2026-Q3/bao-cao-2026-Q3.md"))
        let fromNFC = try Data(contentsOf: out.appendingPathComponent("2026/2026-Q3/bao-cao-2026-Q3.md"))
        let text = try XCTUnwrap(String(data: fromNFD, encoding: .utf8))
        XCTAssertTrue(text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars), "the Markdown is NFC")
        XCTAssertTrue(text.contains("Trung tâm Phục vụ hành chính công"))
        XCTAssertEqual(fromNFD, fromNFC, "the same report, byte for byte")
    }

    /// A document with one table of `rows` rows, every cell distinct and some hostile.
    static func longTable(rows: Int) -> ReportDocument {
        let table = Table(
            caption: "Danh sách hồ sơ",
            columns: [
                Table.Column("STT", alignment: .right), Table.Column("Hồ sơ"), Table.Column("Số ngày", unit: "ngày", alignment: .right),
            ],
            rows: (1...rows).map { i in
                [
                    Cell("\(i)"), Cell(i % 1000 == 0 ? "Hồ sơ <\(i)> & \"x\" | *y*" : "Hồ sơ số \(i)"),
                    Cell("\(i % 30)", value: Double(i % 30)),
                ]
            },
            totals: [Cell(""), Cell("Tổng cộng"), Cell("\(rows)")])
        return ReportDocument(
            header: DocumentHeader(
                parentBody: "UBND TỈNH SƠN LA", issuingBody: "VĂN PHÒNG", numberLine: "Số:      /BC-VPUBND",
                placeAndDate: "Sơn La, ngày      tháng      năm 2026", isDraft: true),
            typeName: "BÁO CÁO", summary: "Bảng rất dài", addressees: ["Ủy ban nhân dân tỉnh"],
            body: [.paragraph("Mở đầu."), .table(table), .paragraph("Kết thúc.")],
            closing: DocumentClosing(
                recipients: ["- Lưu: VT."], signer: Signer(authority: nil, title: "CHÁNH VĂN PHÒNG", name: "Nguyễn Văn A")),
            metadata: DocumentMetadata(
                title: "Bảng rất dài", author: "Văn phòng UBND tỉnh", period: "2026-Q3", periodLabel: "quý III năm 2026"))
    }

    func testAFiftyThousandRowTableIsRenderedInMarkdownHTMLAndJSON() throws {
        let rows = 50_000
        let document = Self.longTable(rows: rows)
        // The hostile cell (every thousandth row) as each format must write it: its start and end.
        let renderers: [(any Renderer, String, String)] = [
            (MarkdownRenderer(), #"Hồ sơ \<"#, #"\> \& "x" \| \*y\*"#),
            (HTMLRenderer(), "Hồ sơ &lt;", "&gt; &amp; &quot;x&quot; | *y*"),
            (JSONRenderer(), "Hồ sơ <", #"> & \"x\" | *y*"#),
        ]
        for (renderer, start, end) in renderers {
            let name = "\(type(of: renderer))"
            let started = ContinuousClock.now
            let bytes = try renderer.render(document)
            let elapsed = ContinuousClock.now - started
            let text = try XCTUnwrap(String(data: bytes, encoding: .utf8))
            print("\(name): \(rows) rows, \(bytes.count / 1024) KB in \(elapsed)")
            XCTAssertLessThan(elapsed, .seconds(30), name)
            XCTAssertTrue(text.contains("Hồ sơ số 49999"), "\(name) lost rows")
            XCTAssertTrue(text.contains(start + "1000" + end), "\(name) did not escape the cell as \(start)1000\(end)")
            XCTAssertEqual(text.components(separatedBy: end).count - 1, rows / 1000, name)
        }
        let json = try JSONSerialization.jsonObject(with: JSONRenderer().render(document))
        XCTAssertTrue(strings(in: json).contains("Hồ sơ <50000> & \"x\" | *y*"))
    }
}

/// What a unit writes at the start of a narrative lands at the start of a Markdown list item,
/// where CommonMark reads `# …`, `- …` and `1. …` as a heading, a nested list and a numbered list
/// unless the renderer escapes them as line starts.
@Suite("HostileInputTests: Markdown list items")
struct HostileInputTestsListItems {
    @Test("a proposal cannot become a heading, a nested list or a quote in the Markdown")
    func listItemMarkup() async throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        try FileManager.default.copyItem(atPath: Paths.data, toPath: data.path)
        let file = data.appendingPathComponent("2026-Q3/tttt.yaml")
        let fakes = ["# Tiêu đề giả", "- mục giả", "1. mục đánh số giả", "> trích dẫn giả"]
        let text = try String(contentsOf: file, encoding: .utf8)
        let items = fakes.map { "    - '\($0)'\n" }.joined()
        try Data(text.replacingOccurrences(of: "  proposals:\n", with: "  proposals:\n" + items).utf8).write(to: file)
        let out = folder.appendingPathComponent("out")
        let run = await baocao(
            "compile", "--plan", Paths.plan, "--data", data.path, "--out", out.path, "--period", "2026-Q3", "--format", "md")
        #expect(run.status == 0, "\(run.err)")
        let lines = try String(contentsOf: out.appendingPathComponent("2026/2026-Q3/bao-cao-2026-Q3.md"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix(#"- \> trích dẫn giả"#) })
        for fake in fakes.dropLast() {
            #expect(!lines.contains { $0.hasPrefix("- " + fake) }, "'- \(fake)' is markup inside a list item")
        }
    }
}
