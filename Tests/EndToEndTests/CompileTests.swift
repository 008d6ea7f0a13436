import BaocaoCLI
import BaocaoCore
import Foundation
import XCTest

/// Compiles the shipped example as an officer would and checks what lands under Output/.
final class CompileTests: XCTestCase {
    var out: URL!

    override func setUpWithError() throws {
        out = try Paths.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: out)
    }

    func compile(_ extra: String...) async -> Run {
        await baocao(["compile", "--plan", Paths.plan, "--data", Paths.data, "--out", out.path, "--format", "md,json"] + extra)
    }

    func file(_ period: String, _ ext: String) -> URL {
        out.appendingPathComponent("\(period.prefix(4))/\(period)/bao-cao-\(period).\(ext)")
    }

    /// The Markdown of the default compile, against the reviewed golden file.
    func testTheLatestPeriodMatchesTheReviewedGolden() async throws {
        let run = await compile()
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.out.contains("Đã biên soạn báo cáo quý III năm 2026 (bản dự thảo, chưa có số và ngày ký)."), run.out)
        XCTAssertTrue(run.out.contains("SỐ LIỆU MINH HỌA"), run.out)
        let markdown = try String(contentsOf: file("2026-Q3", "md"), encoding: .utf8)
        try assertGolden(markdown, "bao-cao-2026-Q3.md")
    }

    func testTheHalfYearIsBuiltFromQuartersAndMatchesItsGolden() async throws {
        let run = await compile("--period", "2026-H1", "--number", "7", "--date", "2026-06-18")
        XCTAssertEqual(run.status, 0, run.err)
        let markdown = try String(contentsOf: file("2026-H1", "md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("Số: 07/BC-VPUBND"))
        XCTAssertTrue(markdown.contains("Sơn La, ngày 18 tháng 6 năm 2026"))
        try assertGolden(markdown, "bao-cao-2026-H1.md")
    }

    func testEveryReportSaysItsFiguresAreIllustrative() async throws {
        for period in ["2026-Q1", "2026-H1", "2026-Q3"] {
            let run = await compile("--period", period)
            XCTAssertEqual(run.status, 0, run.err)
            let markdown = try String(contentsOf: file(period, "md"), encoding: .utf8)
            XCTAssertTrue(markdown.contains("SỐ LIỆU MINH HỌA"), period)
        }
    }

    /// Every figure the JSON states traces to a line of a unit file holding that value, and
    /// every table cell that states a figure points to a record.
    func testEveryFigureTracesToAUnitFile() async throws {
        let run = await compile()
        XCTAssertEqual(run.status, 0, run.err)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file("2026-Q3", "json"))) as! [String: Any]
        let document = json["document"] as! [String: Any]
        let figures = document["figures"] as! [[String: Any]]
        XCTAssertGreaterThan(figures.count, 50)
        var linesChecked = 0
        for figure in figures {
            let sources = figure["sources"] as! [[String: Any]]
            XCTAssertFalse(sources.isEmpty, "\(figure["id"]!) has no source")
            for source in sources {
                let path = URL(fileURLWithPath: Paths.data).appendingPathComponent(source["file"] as! String).path
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let line = source["line"] as! Int
                XCTAssertLessThanOrEqual(line, lines.count)
                if let value = source["value"] as? Double {
                    let column = source["column"] as! Int
                    let rest = String(lines[line - 1].unicodeScalars.dropFirst(column - 1))
                    if rest.hasPrefix("{") {
                        // Month by month: {"2026-07": 6, "2026-08": 0, …} — the value is their sum.
                        let months = rest.prefix { $0 != "}" }.split(separator: ",").compactMap { $0.split(separator: ":").last }
                        let sum = months.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.reduce(0, +)
                        XCTAssertEqual(sum, value, "\(path):\(line):\(column) holds \(rest)")
                    } else {
                        let written = rest.prefix { $0.isNumber || $0 == "." || $0 == "-" }
                        XCTAssertEqual(Double(written), value, "\(path):\(line):\(column) holds \(rest)")
                    }
                    linesChecked += 1
                }
            }
        }
        XCTAssertGreaterThan(linesChecked, 100)
        let ids = Set(figures.map { $0["id"] as! String })
        var cellRefs = 0
        func walk(_ blocks: [[String: Any]]) {
            for block in blocks where block["type"] as? String == "table" {
                for row in (block["rows"] as? [[[String: Any]]] ?? []) + [block["totals"] as? [[String: Any]] ?? []] {
                    for cell in row {
                        for id in cell["figures"] as? [String] ?? [] {
                            cellRefs += 1
                            XCTAssertTrue(ids.contains(id), "cell refers to unknown figure \(id)")
                        }
                    }
                }
            }
        }
        walk(document["body"] as! [[String: Any]])
        XCTAssertGreaterThan(cellRefs, 10)
    }

    /// The JSON output conforms to its published schema (checked with Python's jsonschema).
    func testJSONConformsToItsSchema() async throws {
        let run = await compile()
        XCTAssertEqual(run.status, 0, run.err)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let schema = Paths.package.appendingPathComponent("Sources/BaocaoRender/Schema/report.schema.json").path
        check.arguments = [
            "python3", "-c",
            "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))); print('valid')",
            file("2026-Q3", "json").path, schema,
        ]
        let pipe = Pipe()
        check.standardOutput = pipe
        check.standardError = pipe
        try check.run()
        check.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if output.contains("No module named 'jsonschema'") { throw XCTSkip("python3 jsonschema is not installed") }
        XCTAssertEqual(check.terminationStatus, 0, output)
    }

    func testSameInputSameBytes() async throws {
        let first = await compile()
        XCTAssertEqual(first.status, 0, first.err)
        let md = try Data(contentsOf: file("2026-Q3", "md"))
        let json = try Data(contentsOf: file("2026-Q3", "json"))
        try FileManager.default.removeItem(at: out.appendingPathComponent("2026"))
        let second = await compile()
        XCTAssertEqual(second.status, 0, second.err)
        XCTAssertEqual(try Data(contentsOf: file("2026-Q3", "md")), md)
        XCTAssertEqual(try Data(contentsOf: file("2026-Q3", "json")), json)
        let again = await compile()
        XCTAssertTrue(again.out.contains("không thay đổi"), again.out)
    }

    func testADifferentReportIsNeverSilentlyOverwritten() async throws {
        let first = await compile()
        XCTAssertEqual(first.status, 0, first.err)
        let md = file("2026-Q3", "md")
        let json = file("2026-Q3", "json")
        let signedJSON = try Data(contentsOf: json)
        try Data("bản đã ký\n".utf8).write(to: md)
        let second = await compile("--number", "12", "--date", "2026-09-18")
        XCTAssertEqual(second.status, 73)
        XCTAssertTrue(second.err.contains("đã có một báo cáo khác; không ghi đè"), second.err)
        XCTAssertEqual(try String(contentsOf: md, encoding: .utf8), "bản đã ký\n")
        XCTAssertEqual(try Data(contentsOf: json), signedJSON, "no file is written when one would be refused")
        let forced = await compile("--number", "12", "--date", "2026-09-18", "--force")
        XCTAssertEqual(forced.status, 0, forced.err)
        XCTAssertTrue(try String(contentsOf: md, encoding: .utf8).contains("Số: 12/BC-VPUBND"))
    }

    func testValidateOnTheShippedExampleHasNoErrors() async {
        let run = await baocao("validate", Paths.plan, "--data", Paths.data)
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.out.contains("Kết quả: 0 lỗi"), run.out)
    }

    func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Paths.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BAOCAO_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        guard golden != text else { return }
        let a = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        XCTFail(
            "\(name) differs from the reviewed golden at line \(first + 1):\n golden: \(first < a.count ? String(a[first]) : "<end>")\n actual: \(first < b.count ? String(b[first]) : "<end>")",
            file: file, line: line)
    }
}
