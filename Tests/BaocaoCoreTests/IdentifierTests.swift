import BaocaoCore
import Foundation
import Testing

@Suite("Ids and numbers: plain ASCII ids, paths that stay in their folder, decimal numerals only")
struct IdentifierTests {
    @Test(
        "an id that is not a plain ASCII identifier is a located error",
        arguments: [
            (
                "  - id: b\n", "  - id: ../../../../outside/ESCAPED\n",
                "plan.yaml:18:9: error: mã đơn vị (unit) '../../../../outside/ESCAPED'"
            ),
            ("  - id: b\n", "  - id: a/b\n", "plan.yaml:18:9: error: mã đơn vị (unit) 'a/b'"),
            // A Cyrillic 'а' (U+0430) that looks like the Latin 'a' of the first unit.
            ("  - id: b\n", "  - id: \u{430}\n", "plan.yaml:18:9: error: mã đơn vị (unit) '\u{430}'"),
            ("  - id: b\n", "  - id: B\n", "plan.yaml:18:9: error: mã đơn vị (unit) 'B'"),
            ("  - id: b\n", "  - id: _b\n", "plan.yaml:18:9: error: mã đơn vị (unit) '_b'"),
            ("  - id: alpha\n", "  - id: al pha\n", "plan.yaml:40:9: error: mã lĩnh vực (content area) 'al pha'"),
            ("      - id: score\n", "      - id: sc.ore\n", "plan.yaml:62:13: error: mã chỉ tiêu (indicator) 'sc.ore'"),
        ] as [(String, String, String)])
    func invalidID(old: String, new: String, expected: String) {
        let result = loadPlan(planReplacing(old, with: new))
        #expect(result.plan == nil)
        let messages = errors(result.diagnostics)
        #expect(messages.contains { $0.hasPrefix(expected) && $0.contains("[a-z0-9][a-z0-9_-]*") }, "\(messages)")
    }

    @Test("a task number with a quote, a space or a comma is a located error")
    func invalidTaskNumber() {
        for bad in ["'II.1\",x\"'", "II 1", "'II,1'"] {
            let result = loadPlan(planReplacing("  - number: II.1\n", with: "  - number: \(bad)\n"))
            let messages = errors(result.diagnostics)
            #expect(
                messages.contains {
                    $0.hasPrefix("plan.yaml:31:13: error: số hiệu nhiệm vụ (task)") && $0.contains("[A-Za-z0-9][A-Za-z0-9._-]*")
                },
                "\(bad): \(messages)")
        }
    }

    @Test("the allowed sets", arguments: ["a", "ttpvhcc", "so-nganh", "hs_moi_truc_tuyen", "9m", String(repeating: "a", count: 64)])
    func validIDs(id: String) {
        #expect(PlanIdentifier.isValid(id))
    }

    @Test("what ids may not be", arguments: ["", "-a", "_a", "A", "a.b", "a/b", "..", "a b", "ằ", String(repeating: "a", count: 65)])
    func rejectedIDs(id: String) {
        #expect(!PlanIdentifier.isValid(id))
    }

    @Test("a path built from data stays under its root")
    func containedPaths() throws {
        #expect(try ContainedPath.join("Plans/data", "2026-Q4", "ttpvhcc.yaml") == "Plans/data/2026-Q4/ttpvhcc.yaml")
        #expect(try ContainedPath.join("Plans/data/", "2026-Q4/a.yaml") == "Plans/data/2026-Q4/a.yaml")
        #expect(try ContainedPath.join("/", "x") == "/x")
        for bad in ["..", ".", "", "../outside", "2026-Q4/../../x", "a/", "/etc/passwd", "a\\b", "a\u{0}b"] {
            #expect(throws: ContainedPath.Escape.self, "\(bad)") { try ContainedPath.join("Output", "2026", bad) }
        }
    }

    @Test("a data folder's entry named by a path that leaves it is not read")
    func dataFolderRead() throws {
        // The folder is read through `ContainedPath`; a link leading out is refused by name.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-ids-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outside = root + "/outside"
        try FileManager.default.createDirectory(atPath: root + "/data/2026-Q1", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("unit: a\nperiod: 2026-Q1\n".utf8).write(to: URL(fileURLWithPath: outside + "/a.yaml"))
        try FileManager.default.createSymbolicLink(atPath: root + "/data/2026-Q1/a.yaml", withDestinationPath: outside + "/a.yaml")
        let result = DataLoader(plan: try validPlan()).load(folder: root + "/data")
        #expect(result.submissions.isEmpty)
        #expect(result.diagnostics.contains { $0.message.contains("trỏ ra ngoài thư mục số liệu") })
    }

    @Test(
        "a number in a data file is a decimal numeral; 0x10, 1e3, +5, 010 are located errors",
        arguments: ["0x10", "1e3", "+5", "010", "0o17", ".5", "5.", "1_000", ".inf"])
    func nonDecimal(text: String) throws {
        let result = DataLoader(plan: try validPlan()).load(
            text: "unit: a\nperiod: 2026-Q1\nfigures:\n  received: \(text)\n", displayPath: "2026-Q1/a.yaml")
        let messages = errors(result.diagnostics)
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.first?.hasPrefix("2026-Q1/a.yaml:4:13: error: figures.received: cần một số, gặp '\(text)'") == true, "\(messages)")
        #expect(result.submissions.first?.figures["received"] == nil)
    }

    @Test("hexadecimal, octal, exponent, sign and leading zeros are named in the message")
    func hint() throws {
        let result = DataLoader(plan: try validPlan()).load(
            text: "unit: a\nperiod: 2026-Q1\nfigures:\n  received: 010\n", displayPath: "2026-Q1/a.yaml")
        #expect(errors(result.diagnostics).first?.contains("chỉ nhận số thập phân viết thường như 12, -3 hoặc 98.7") == true)
    }

    @Test("decimal numerals", arguments: ["0", "12", "-3", "98.7", "0.25", "-0.5", "1000000"])
    func decimal(text: String) {
        #expect(Numeral.isDecimal(text))
    }

    @Test("a whole number in a plan is a decimal numeral too")
    func planInteger() {
        let result = loadPlan(planReplacing("    order: 20\n", with: "    order: 020\n"))
        #expect(
            errors(result.diagnostics).contains { $0.contains("areas[1].order: cần một số nguyên, gặp '020'") },
            "\(errors(result.diagnostics))")
    }
}
