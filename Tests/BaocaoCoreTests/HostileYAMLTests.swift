import BaocaoCore
import Foundation
import Testing

@Suite("Hostile YAML is refused quickly with its location")
struct HostileYAMLTests {
    func load(_ text: String) -> [String] {
        let bag = DiagnosticBag()
        _ = YAMLSource.parse(text: text, displayPath: "x.yaml", bag: bag)
        return bag.sorted.map(\.description)
    }

    @Test("an alias bomb (billion laughs) is stopped by the node budget")
    func billionLaughs() {
        var lines = ["a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for i in 1..<10 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ",") + "]") }
        let text = lines.joined(separator: "\n")
        #expect(text.utf8.count < 500)
        let messages = load(text)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("nút dữ liệu (tính cả các alias *… được triển khai)") == true)
    }

    @Test("nesting beyond the depth limit is refused before parsing, at the bracket that passes it")
    func deepFlow() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(load(text) == ["x.yaml:1:201: error: cấu trúc lồng nhau quá sâu (hơn 200 mức ngoặc); tệp bị từ chối (nesting too deep)"])
    }

    @Test("deep block nesting is refused too")
    func deepBlock() {
        let text = String(repeating: "- ", count: 50_000) + "x\n"
        #expect(load(text).first?.hasPrefix("x.yaml:1:401: error: cấu trúc lồng nhau quá sâu") == true)
    }

    @Test("an alias used as a key is refused (the parser would hash its whole expansion)")
    func aliasKey() {
        #expect(load("a: &a [1, 2]\n*a : 3\n") == ["x.yaml:2:1: error: không dùng alias (*…) làm khóa (an alias may not be used as a key)"])
    }

    @Test("ordinary anchors and aliases still work")
    func ordinaryAliases() {
        #expect(load("units: &u [a, b]\nlead: *u\nnote: \"a * b: c\" # *x: y\n").isEmpty)
    }

    @Test("invalid UTF-8 is located at its byte's line and column")
    func invalidUTF8() {
        let bag = DiagnosticBag()
        var bytes = Array("unit: a\nperiod: 2026-Q1\nnote: Đ".utf8)
        bytes += [0xC3, 0x28]
        _ = YAMLSource.parse(data: Data(bytes), displayPath: "x.yaml", bag: bag)
        #expect(
            bag.sorted.map(\.description) == [
                "x.yaml:3:8: error: tệp không phải UTF-8 hợp lệ; hãy lưu lại với mã hóa UTF-8 (invalid UTF-8)"
            ])
    }

    @Test("an unclosed quote is reported where it opens, not where the parser gives up")
    func unclosedQuote() {
        let messages = load("a: 1\nb: \"mở mà không đóng\nc: 3\nd:\n  - e: \"x\"\n")
        #expect(messages.first?.hasPrefix("x.yaml:2:4: error: lỗi cú pháp YAML: chuỗi mở bằng dấu ngoặc kép ở đây chưa được đóng") == true)
    }

    @Test("a long text aliased many times is stopped by the text budget, at the list that expands it")
    func textBomb() {
        let long = String(repeating: "lol ", count: 262_144)  // 1 MiB
        let text = "a: &a \"\(long)\"\nb: [" + Array(repeating: "*a", count: 40).joined(separator: ", ") + "]\n"
        let started = ContinuousClock.now
        let messages = load(text)
        #expect(ContinuousClock.now - started < hangBound)
        #expect(
            messages == [
                "x.yaml:2:4: error: tệp có hơn 32 MB văn bản sau khi triển khai các alias *…; tệp bị từ chối (too much text after alias expansion)"
            ])
        // Thirty copies (30 MiB) are within the budget.
        #expect(load("a: &a \"\(long)\"\nb: [" + Array(repeating: "*a", count: 30).joined(separator: ", ") + "]\n").isEmpty)
    }

    @Test("an alias bomb is located where its expansion passes the limit, not at its first anchor")
    func bombLocation() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1..<8 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        // About 10^5 nodes under a4 (line 5), within the limit; 10^6 under a5 (line 6).
        let messages = load(lines.joined(separator: "\n"))
        #expect(messages.first?.hasPrefix("x.yaml:6:5: error: tệp có hơn 300.000 nút dữ liệu") == true, "\(messages)")
    }

    @Test(
        "control characters written as escapes in quotes are refused where the text starts; tab, newline and other escapes are not",
        arguments: [
            (
                "a: \"x\\ay\"",
                "x.yaml:1:4: error: chuỗi có ký tự điều khiển U+0007 sau “x”; hãy xóa ký tự này (control character U+0007 in text)"
            ),
            (
                "a: [ok, \"\\0\"]",
                "x.yaml:1:9: error: chuỗi có ký tự điều khiển U+0000 ở đầu chuỗi; hãy xóa ký tự này (control character U+0000 in text)"
            ),
            (
                "a:\n  b: \"\\x9F\"",
                "x.yaml:2:6: error: chuỗi có ký tự điều khiển U+009F ở đầu chuỗi; hãy xóa ký tự này (control character U+009F in text)"
            ),
            (
                "a: \"\\N\"",
                "x.yaml:1:4: error: chuỗi có ký tự điều khiển U+0085 ở đầu chuỗi; hãy xóa ký tự này (control character U+0085 in text)"
            ),
            (
                "a: \"\\uFFFE\"",
                "x.yaml:1:4: error: chuỗi có ký tự điều khiển U+FFFE ở đầu chuỗi; hãy xóa ký tự này (control character U+FFFE in text)"
            ),
            (
                "\"k\\e\": 1",
                "x.yaml:1:1: error: chuỗi có ký tự điều khiển U+001B sau “k”; hãy xóa ký tự này (control character U+001B in text)"
            ),
            ("a: \"tab\\there, line\\nthere, \\u00E9, \\\"q\\\"\"", ""),
        ])
    func escapedControls(text: String, expected: String) {
        #expect(load(text) == (expected.isEmpty ? [] : [expected]))
    }

    @Test("a control character in an anchored text is reported once, at the anchor, not at every alias")
    func controlInAlias() {
        #expect(
            load("a: &t \"x\\a\"\nb: [*t, *t]\nc: *t\n") == [
                "x.yaml:1:4: error: chuỗi có ký tự điều khiển U+0007 sau “x”; hãy xóa ký tự này (control character U+0007 in text)"
            ])
    }
}

@Suite("Tabs in files with Windows line ends")
struct CRLFTabTests {
    @Test("a tab in the indentation of a later CR LF line is found on its line")
    func tabAfterCRLF() {
        let bag = DiagnosticBag()
        _ = YAMLSource.parse(text: "a: 1\r\nb:\r\n\tc: 2\r\n", displayPath: "x.yaml", bag: bag)
        #expect(bag.sorted.first?.description.hasPrefix("x.yaml:3:1: error: dùng ký tự tab để thụt lề") == true)
    }
}
