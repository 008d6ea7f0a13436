import BaocaoCore
import Testing
import Yams

@Suite("Writing YAML: a double-quoted scalar reads back as the very text it was made from")
struct YAMLQuotingTests {
    /// Every ASCII character, the YAML line separators, Vietnamese in both normal forms, and the
    /// shapes that break a naive writer (a quote, a backslash before a quote).
    static let texts: [String] =
        (0...0x7F).map { String(UnicodeScalar(UInt8($0))) } + [
            "\u{85}", "\u{2028}", "\u{2029}", "Trung tâm \"Phục vụ\" hành chính công",
            "C:\\dữ liệu\\", "\\\"", "dòng 1\ndòng 2\r\nhết", "tab\tở giữa", "Sở Nội vụ", "So\u{31B} No\u{302}\u{323}i vu\u{323}",
            "", " ", "- không phải danh sách", "# không phải chú thích", "{a: 1}", "*alias", "&anchor", "'", "null", "~",
        ]

    @Test("each tricky text round-trips through a YAML reader", arguments: texts)
    func roundTrip(_ text: String) throws {
        let yaml = "a: \(YAMLQuoting.doubleQuoted(text))\n"
        let back = try Yams.load(yaml: yaml) as? [String: Any]
        let value = back?["a"] as? String
        #expect(value.map { Array($0.unicodeScalars) } == Array(text.unicodeScalars), "\(yaml.debugDescription)")
    }

    @Test("the scalar is one line: a line break inside a text cannot end the value or start a key")
    func oneLine() {
        for text in Self.texts {
            let quoted = YAMLQuoting.doubleQuoted(text)
            #expect(!quoted.contains("\n") && !quoted.contains("\r"), "\(quoted.debugDescription)")
        }
    }
}
