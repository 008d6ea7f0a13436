import BaocaoCore

// General wording helpers. They are private to this plugin for now; the toolkit is the place
// for them if other plugins need the same.
enum Wording {
    /// The text trimmed, with its first letter in upper case and a full stop at its end unless
    /// it already ends a sentence.
    static func sentence(_ text: String) -> String {
        var t = trimmed(text)
        while let last = t.last, last == ";" || last == "," { t.removeLast() }
        guard let first = t.first else { return t }
        t = first.uppercased() + t.dropFirst()
        if let last = t.last, !".!?:".contains(last) { t += "." }
        return t
    }

    /// The text without leading and trailing white space.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }

    /// The text without a final full stop or semicolon, to be quoted inside a sentence.
    static func clause(_ text: String) -> String {
        var t = trimmed(text)
        while let last = t.last, ".;,".contains(last) { t.removeLast() }
        return t
    }

    /// Items joined as Vietnamese lists them: "a", "a và b", "a, b và c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " và " + items.last!
    }

    /// "tháng 8", "tháng 7 và tháng 8", "tháng 01, tháng 02 và tháng 3".
    static func months(_ months: [Int]) -> String {
        list(months.map { "tháng \(VietnameseFormat.monthNumber($0))" })
    }

    /// A whole count: "1.234".
    static func count(_ value: Double) -> String { VietnameseFormat.number(value, fractionDigits: 0) }

    /// The text with its first letter in lower case, to continue a sentence with a label.
    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

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
