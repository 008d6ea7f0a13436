import BaocaoCore

// Wording this section needs beyond the toolkit's (`Wording.sentence`, `clause`, `list`,
// `lowercasedFirst`, …): months, counts, and reading the numbers a narrative states.
extension Wording {
    /// "tháng 8", "tháng 7 và tháng 8", "tháng 01, tháng 02 và tháng 3".
    static func months(_ months: [Int]) -> String {
        list(months.map { "tháng \(VietnameseFormat.monthNumber($0))" })
    }

    /// A whole count in running text: "1.234", "03" (the toolkit's leading-zero rule).
    static func count(_ value: Double) -> String { VietnameseFormat.quantity(value) }

    /// Whether `text` contains any of `keys`, ignoring case.
    static func mentions(_ text: String, _ keys: [String]) -> Bool {
        let lower = text.lowercased()
        return keys.contains { lower.contains($0) }
    }

    /// The numbers a text states, read as Vietnamese writes them ("3.690" → 3690, "99,04" →
    /// 99.04, "03" → 3). Tokens with a slash are dates or document numbers ("8/2026",
    /// "239/QĐ-UBND") and are left out.
    static func numbers(in text: String) -> [Double] {
        var result: [Double] = []
        var token = ""
        var inNumber = false
        var glued = false
        var previous: Character = " "
        func flush() {
            while let last = token.last, last == "." || last == "," { token.removeLast() }
            if !glued, !token.isEmpty, !token.contains("/") {
                let plain = token.filter { $0 != "." }.map { $0 == "," ? "." : String($0) }.joined()
                if let value = Double(plain) { result.append(value) }
            }
            token = ""
            inNumber = false
            glued = false
        }
        for character in text {
            if character.isASCII, character.isNumber {
                // Digits glued to a word ("VNeID2", "H1") are part of a name, not a figure.
                if !inNumber, previous.isLetter { glued = true }
                inNumber = true
                token.append(character)
            } else if inNumber, character == "." || character == "," || character == "/" {
                token.append(character)
            } else {
                if inNumber, character.isLetter { glued = true }
                flush()
            }
            previous = character
        }
        flush()
        return result
    }

    /// Whether the text names calendar month `month` ("tháng 8", "tháng 08", "tháng 8/2026").
    static func mentionsMonth(_ text: String, _ month: Int) -> Bool {
        let lower = Array(text.lowercased())
        let key = Array("tháng ")
        var i = 0
        while i + key.count <= lower.count {
            if Array(lower[i..<(i + key.count)]) == key {
                var j = i + key.count
                var digits = ""
                while j < lower.count, lower[j].isASCII, lower[j].isNumber {
                    digits.append(lower[j])
                    j += 1
                }
                if Int(digits) == month { return true }
            }
            i += 1
        }
        return false
    }
}
