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
}
