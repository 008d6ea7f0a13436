import Foundation
import Testing

@testable import BaocaoCore

/// The engine trims narratives without Foundation; the result must be Foundation's.
@Suite("Trimming white space as Foundation does")
struct WhitespaceTests {
    @Test("every Unicode scalar is white space exactly when Foundation's sets say so")
    func everyScalarAgrees() {
        var differences: [String] = []
        for value in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Whitespace.isSpace(scalar, newlines: true) != CharacterSet.whitespacesAndNewlines.contains(scalar)
                || Whitespace.isSpace(scalar, newlines: false) != CharacterSet.whitespaces.contains(scalar)
            {
                differences.append(String(value, radix: 16))
            }
        }
        #expect(differences.isEmpty)
    }

    @Test("trimmed text and sentences are the same as with Foundation's trimming")
    func trimmingAgrees() {
        let pieces = [" ", "\n", "\t", "\u{00A0}", "\u{200B}", "\u{2028}", "\u{3000}", "a", "Đ", "ử", ".", ";", ",", "e\u{0301}", "😀", ":"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...7, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(
                Whitespace.trimmed(text, newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(Array(text.unicodeScalars))")
            #expect(Whitespace.trimmed(text, newlines: false) == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
        }
    }

    @Test(
        "sentences get a capital and one final mark",
        arguments: [
            ("  kết quả tốt ", "Kết quả tốt."),
            ("đã xong;", "Đã xong."),
            ("đã xong;,", "Đã xong."),
            ("Hoàn thành!", "Hoàn thành!"),
            ("gồm:", "Gồm:"),
            ("\u{200B}", ""),
        ])
    func sentences(text: String, expected: String) {
        #expect(sentence(text) == expected)
    }
}
