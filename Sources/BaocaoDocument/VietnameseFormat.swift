import Foundation

/// Numbers and dates written the way Vietnamese administrative text writes them.
///
/// - Numbers: dot for thousands, comma for decimals: "1.234", "98,7 %".
/// - Dates in running text (Nghị định 30/2020): "ngày 05 tháng 01 năm 2026" — the day below 10
///   and the months 1 and 2 take a leading zero, months 3 to 12 do not ("ngày 20 tháng 6").
/// - Dates in tables, citations and parentheses: "05/01/2026", "28/03/2025": always two-digit
///   day and month (`shortDate`); dates a unit typed otherwise are rewritten the same way
///   (`normalizingDates(in:)`), so one report never holds "14/09/2026" beside "28/3/2025".
/// - Counts in running text (`quantity`): the office writes a leading zero below 10 — "03 tin,
///   bài", "tăng 01 bậc", "giảm 02 người" — and groups from 1.000; table cells keep plain numbers.
/// - Rates (`percent`) and percentage points (`points`) always carry two decimals ("96,50 %",
///   "+8,50"), so a column or a paragraph never holds 96,5 beside 93,01; only the whole rates
///   100 % and 0 % are written without decimals.
/// - Month labels of charts and columns (`monthLabel`): "Tháng 1" … "Tháng 12", without the
///   date rule's leading zero. That zero (months 1 and 2) guards a document's date against being
///   altered; a row of labels is no date and reads best all alike.
public enum VietnameseFormat {
    /// A number with dot grouping and at most `fractionDigits` decimals after a comma;
    /// trailing zeros of the fraction are dropped ("98,70" → "98,7", "12,00" → "12").
    public static func number(_ value: Double, fractionDigits: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        // Beyond what the integer arithmetic below holds, group the digits of the whole number.
        if abs(value) >= 1e15 {
            let digits = Array(String(format: "%.0f", abs(value)))
            var groups: [String] = []
            var end = digits.count
            while end > 0 {
                groups.insert(String(digits[max(0, end - 3)..<end]), at: 0)
                end -= 3
            }
            return (value < 0 ? "-" : "") + groups.joined(separator: ".")
        }
        let scale = pow10(fractionDigits)
        // Round half away from zero on the decimal value, not on its binary approximation.
        let scaled = (abs(value) * scale * (1 + 4 * Double.ulpOfOne)).rounded(.toNearestOrAwayFromZero)
        var integerPart = UInt64(scaled / scale)
        var fraction = UInt64(scaled) - integerPart * UInt64(scale)
        if fractionDigits == 0 { fraction = 0 }
        var digits: [String] = []
        repeat {
            let chunk = integerPart % 1000
            integerPart /= 1000
            digits.append(integerPart > 0 ? pad3(chunk) : String(chunk))
        } while integerPart > 0
        var text = digits.reversed().joined(separator: ".")
        if fraction > 0 {
            var frac = String(fraction)
            frac = String(repeating: "0", count: fractionDigits - frac.count) + frac
            while frac.hasSuffix("0") { frac.removeLast() }
            text += "," + frac
        }
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        return (value < 0 && !isZero) ? "-" + text : text
    }

    /// An integer count: "1.234".
    public static func count(_ value: Int) -> String { number(Double(value), fractionDigits: 0) }

    /// A number with exactly `fractionDigits` decimals, trailing zeros kept: "96,50", "1.234,0".
    public static func fixed(_ value: Double, fractionDigits: Int) -> String {
        let text = number(value, fractionDigits: fractionDigits)
        guard fractionDigits > 0, text != "—" else { return text }
        let present = text.firstIndex(of: ",").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? -1
        if present < 0 { return text + "," + String(repeating: "0", count: fractionDigits) }
        return text + String(repeating: "0", count: fractionDigits - present)
    }

    /// A percentage: "98,70 %", with exactly `fractionDigits` decimals; the whole rates 100 %
    /// and 0 % without them. The value is in percent (98.7, not 0.987).
    public static func percent(_ value: Double, fractionDigits: Int = 2) -> String {
        rate(value, fractionDigits: fractionDigits) + " %"
    }

    /// A rate without its sign, for a column headed "%": "98,70", "100".
    public static func rate(_ value: Double, fractionDigits: Int = 2) -> String {
        let whole = number(value, fractionDigits: fractionDigits)
        if whole == "100" || whole == "0" { return whole }
        return fixed(value, fractionDigits: fractionDigits)
    }

    /// A signed change in percentage points for a table: "+8,50", "-0,39", "0".
    public static func points(_ delta: Double) -> String {
        let text = fixed(abs(delta), fractionDigits: 2)
        if text == "0,00" { return "0" }
        return (delta > 0 ? "+" : "-") + text
    }

    /// A count in running text as the office writes it: "01" … "09" below 10, then "10",
    /// "1.234"; zero is "0" (a writer says "không có" instead). Fractions are rounded.
    public static func quantity(_ value: Double) -> String {
        let text = number(value, fractionDigits: 0)
        return text.count == 1 && text != "0" ? "0" + text : text
    }

    /// A month as the label of a chart category or a column: "Tháng 1" … "Tháng 12".
    public static func monthLabel(_ month: Int) -> String { "Tháng \(month)" }

    /// The text with every numeric date d/m/yyyy written as `shortDate` writes it:
    /// "ngày 28/3/2025" → "ngày 28/03/2025". Invalid dates and longer digit runs are left alone.
    public static func normalizingDates(in text: String) -> String {
        guard text.contains("/") else { return text }
        let characters = Array(text)
        var out = ""
        var i = 0
        func digits(from start: Int) -> Int {
            var j = start
            while j < characters.count, characters[j].isASCII, characters[j].isNumber { j += 1 }
            return j - start
        }
        while i < characters.count {
            let startsRun =
                characters[i].isASCII && characters[i].isNumber
                && (i == 0 || !(characters[i - 1].isASCII && characters[i - 1].isNumber) && characters[i - 1] != "/")
            if startsRun {
                let d = digits(from: i)
                let m0 = i + d + 1
                if (1...2).contains(d), m0 < characters.count, characters[m0 - 1] == "/" {
                    let m = digits(from: m0)
                    let y0 = m0 + m + 1
                    if (1...2).contains(m), y0 < characters.count, characters[y0 - 1] == "/", digits(from: y0) == 4,
                        y0 + 4 == characters.count || characters[y0 + 4] != "/",
                        let day = Int(String(characters[i..<(i + d)])), let month = Int(String(characters[m0..<(m0 + m)])),
                        let year = Int(String(characters[y0..<(y0 + 4)])), let date = CivilDate(year: year, month: month, day: day)
                    {
                        out += shortDate(date)
                        i = y0 + 4
                        continue
                    }
                }
            }
            out.append(characters[i])
            i += 1
        }
        return out
    }

    /// A date in running text: "ngày 05 tháng 01 năm 2026", "ngày 20 tháng 6 năm 2026".
    public static func longDate(_ date: CivilDate) -> String {
        "ngày \(twoDigits(date.day)) tháng \(monthNumber(date.month)) năm \(date.year)"
    }

    /// The blank date a draft leaves for the clerk to fill at signing: "ngày      tháng      năm 2026".
    public static func blankLongDate(year: Int) -> String {
        "ngày      tháng      năm \(year)"
    }

    /// A date in a table or in parentheses: "05/01/2026".
    public static func shortDate(_ date: CivilDate) -> String {
        "\(twoDigits(date.day))/\(twoDigits(date.month))/\(date.year)"
    }

    /// A day and month without the year: "15/12".
    public static func dayMonth(_ date: CivilDate) -> String {
        "\(twoDigits(date.day))/\(twoDigits(date.month))"
    }

    /// The month as written after "tháng" in running text: "01", "02", then "3" … "12".
    public static func monthNumber(_ month: Int) -> String {
        month <= 2 ? twoDigits(month) : String(month)
    }

    /// Upper-case Roman numerals for headings and quarters: 1 → "I", 4 → "IV".
    public static func roman(_ n: Int) -> String {
        precondition(n > 0 && n < 4000, "roman numerals cover 1…3999")
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = n
        var out = ""
        for (value, symbol) in table {
            while rest >= value {
                out += symbol
                rest -= value
            }
        }
        return out
    }

    /// Lower-case letter points as Vietnamese legal text numbers them: a, b, c, d, đ, e, g, h …
    /// (no f, j, w, z), then "aa" … past the alphabet.
    public static func letter(_ n: Int) -> String {
        precondition(n > 0)
        let letters = Array("abcdđeghiklmnopqrstuvxy")
        var rest = n - 1
        var out = ""
        repeat {
            out = String(letters[rest % letters.count]) + out
            rest = rest / letters.count - 1
        } while rest >= 0
        return out
    }

    /// A number with a leading zero below 10: "05", "12".
    public static func twoDigits(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : String(n) }

    private static func pad3(_ n: UInt64) -> String {
        n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : String(n)
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<max(0, n) { r *= 10 }
        return r
    }
}
