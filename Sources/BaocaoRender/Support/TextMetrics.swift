import Foundation

/// Widths of text set in Times New Roman, for the rules under the issuing body, the motto and the
/// summary line, whose lengths the decree ties to the length of the text.
///
/// The advance widths are those of Times New Roman (and of Liberation Serif, metric-compatible
/// with it), in units of 1/2048 em, for the printable ASCII characters. A Vietnamese letter is as
/// wide as its base letter, except the horn letters ơ, ư, Ư, which the table lists.
enum TextMetrics {
    enum Face { case regular, bold, italic }

    /// The width of `text` in points at `size` points.
    static func width(_ text: String, size: Double, face: Face) -> Double {
        Double(units(text, face: face)) * size / 2048
    }

    /// The advance of `text` in units of 1/2048 em.
    static func units(_ text: String, face: Face) -> Int {
        var units = 0
        for scalar in text.unicodeScalars {
            units += advance(scalar, face: face)
        }
        return units
    }

    /// The width in twips (1/20 pt).
    static func twips(_ text: String, size: Double, face: Face) -> Int {
        Int((width(text, size: size, face: face) * 20).rounded())
    }

    /// The width in twips of text whose advance is `units`, as `twips(_:size:face:)` gives it.
    static func twips(units: Int, size: Double) -> Int {
        Int((Double(units) * size / 2048 * 20).rounded())
    }

    /// Splits `text` into as few lines as fit in `maxWidth` twips, with the breaks chosen so the
    /// lines are as even as possible — as a clerk breaks a two-line title by hand, rather than
    /// leaving a word or two alone on the last line. Breaks fall only at single spaces, so runs
    /// of spaces (the blanks of a draft) stay whole.
    static func balancedLines(_ text: String, size: Double, face: Face, maxWidth: Int) -> [String] {
        let limit = Double(maxWidth) * 0.97
        let tokens = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard tokens.count > 1, tokens.count <= 120, Double(twips(text, size: size, face: face)) > limit else { return [text] }
        // Break points: before token i, when neither side of the space is another space.
        let breaks = (1..<tokens.count).filter { !tokens[$0 - 1].isEmpty && !tokens[$0].isEmpty }
        let points = [0] + breaks + [tokens.count]
        // Advances add up, so a line's width comes from sums rather than from joining its words
        // again for each of the O(n²) candidate lines: before[t] is the advance of tokens 0..<t,
        // each followed by a space; a line of tokens a..<b has one space fewer.
        let space = advance(" ", face: face)
        var before = [0]
        for token in tokens { before.append(before[before.count - 1] + units(token, face: face) + space) }
        func width(_ a: Int, _ b: Int) -> Double {
            Double(twips(units: before[points[b]] - before[points[a]] - space, size: size))
        }
        let n = points.count - 1
        // best[j][k]: the smallest widest line setting points 0..<j in k lines.
        var best = [[Double]](repeating: [Double](repeating: .infinity, count: n + 1), count: n + 1)
        var from = [[Int]](repeating: [Int](repeating: -1, count: n + 1), count: n + 1)
        best[0][0] = 0
        for lines in 1...n {
            for j in 1...n {
                for i in 0..<j where best[i][lines - 1] < .infinity {
                    let w = width(i, j)
                    guard w <= limit || j == i + 1 else { continue }
                    let widest = max(best[i][lines - 1], w)
                    if widest < best[j][lines] {
                        best[j][lines] = widest
                        from[j][lines] = i
                    }
                }
            }
            if best[n][lines] < .infinity {
                var result: [String] = []
                var j = n
                var k = lines
                while k > 0 {
                    let i = from[j][k]
                    result.insert(tokens[points[i]..<points[j]].joined(separator: " "), at: 0)
                    j = i
                    k -= 1
                }
                return result
            }
        }
        return [text]
    }

    static func advance(_ scalar: Unicode.Scalar, face: Face) -> Int {
        let table: [Int]
        let horn: [Int]
        switch face {
        case .regular: (table, horn) = (regular, regularHorn)
        case .bold: (table, horn) = (bold, boldHorn)
        case .italic: (table, horn) = (italic, italicHorn)
        }
        switch scalar.value {
        case 0x20...0x7E: return table[Int(scalar.value) - 0x20]
        case 0x01A0: return horn[0]  // Ơ
        case 0x01A1: return horn[1]  // ơ
        case 0x01AF: return horn[2]  // Ư
        case 0x01B0: return horn[3]  // ư
        case 0x0110: return table[Int(("D" as Unicode.Scalar).value) - 0x20]  // Đ
        case 0x0111: return table[Int(("d" as Unicode.Scalar).value) - 0x20]  // đ
        case 0x00A0: return table[0]
        case 0x2013: return 1024  // –
        case 0x2014: return 2048  // —
        default:
            break
        }
        // A precomposed letter: the width of its base letter, or of its horn letter.
        let (base, hasHorn) = latinDecomposition(scalar) ?? decomposition(of: scalar)
        if base != scalar {
            if hasHorn {
                switch base {
                case "O": return horn[0]
                case "o": return horn[1]
                case "u": return horn[3]
                case "U": return horn[2]
                default: break
                }
            }
            if base.value >= 0x20 && base.value <= 0x7E { return table[Int(base.value) - 0x20] }
            return advance(base, face: face)
        }
        if scalar.properties.generalCategory == .nonspacingMark { return 0 }
        return 1024
    }

    /// The first scalar of the canonical decomposition of `scalar`, and whether the
    /// decomposition holds the combining horn (U+031B).
    static func decomposition(of scalar: Unicode.Scalar) -> (base: Unicode.Scalar, horn: Bool) {
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        return (decomposed.first ?? scalar, decomposed.contains { $0.value == 0x031B })
    }

    private static func latinDecomposition(_ scalar: Unicode.Scalar) -> (base: Unicode.Scalar, horn: Bool)? {
        let value = scalar.value
        let index: Int
        switch value {
        case 0x00C0...0x024F: index = Int(value - 0x00C0)
        case 0x1E00...0x1EFF: index = Int(value - 0x1E00) + (0x024F - 0x00C0 + 1)
        default: return nil
        }
        return latinDecompositionTable[index]
    }

    /// The first scalar of the canonical decomposition of each letter of the Latin blocks
    /// Vietnamese text is written in, U+00C0–U+024F then U+1E00–U+1EFF, in order: what
    /// `decomposition(of:)` gives, written out so that no process asks Foundation for it (that
    /// took more instructions than writing a whole report). A test checks it against Foundation.
    static let latinBases: [Unicode.Scalar] = Array(
        [
            "AAAAAAÆCEEEEIIIIÐNOOOOO×ØUUUUYÞßaaaaaaæceeeeiiii",
            "ðnooooo÷øuuuuyþyAaAaAaCcCcCcCcDdĐđEeEeEeEeEeGgGg",
            "GgGgHhĦħIiIiIiIiIıĲĳJjKkĸLlLlLlĿŀŁłNnNnNnŉŊŋOoOo",
            "OoŒœRrRrRrSsSsSsSsTtTtŦŧUuUuUuUuUuUuWwYyYZzZzZzſ",
            "ƀƁƂƃƄƅƆƇƈƉƊƋƌƍƎƏƐƑƒƓƔƕƖƗƘƙƚƛƜƝƞƟOoƢƣƤƥƦƧƨƩƪƫƬƭƮU",
            "uƱƲƳƴƵƶƷƸƹƺƻƼƽƾƿǀǁǂǃǄǅǆǇǈǉǊǋǌAaIiOoUuUuUuUuUuǝAa",
            "AaÆæǤǥGgKkOoOoƷʒjǱǲǳGgǶǷNnAaÆæØøAaAaEeEeIiIiOoOo",
            "RrRrUuUuSsTtȜȝHhȠȡȢȣȤȥAaEeOoOoOoOoYyȴȵȶȷȸȹȺȻȼȽȾȿ",
            "ɀɁɂɃɄɅɆɇɈɉɊɋɌɍɎɏAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFf",
            "GgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOo",
            "OoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv",
            "WwWwWwWwWwXxXxYyZzZzZzhtwyẚſẜẝẞẟAaAaAaAaAaAaAaAa",
            "AaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOo",
            "OoOoUuUuUuUuUuUuUuYyYyYyYyỺỻỼỽỾỿ",
        ].joined().unicodeScalars)

    /// Whether a letter of those blocks decomposes with the combining horn: Ơ ơ Ư ư and their
    /// toned forms.
    static func hasHorn(_ value: UInt32) -> Bool {
        switch value {
        case 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x1EDA...0x1EE3, 0x1EE8...0x1EF1: return true
        default: return false
        }
    }

    private static let latinDecompositionTable: [(base: Unicode.Scalar, horn: Bool)?] = {
        let values = Array([0x00C0...0x024F, 0x1E00...0x1EFF].joined())
        guard latinBases.count == values.count else {
            return values.map { value in Unicode.Scalar(UInt32(value)).map { decomposition(of: $0) } }
        }
        return values.indices.map { i in (latinBases[i], hasHorn(UInt32(values[i]))) }
    }()

    private static let regular: [Int] = [
        512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569,
        1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909,
        1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479,
        1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024,
        682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024,
        1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
    ]
    private static let regularHorn = [1479, 1083, 1589, 1110]

    private static let bold: [Int] = [
        512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569,
        1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024,
        1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593,
        1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024,
        682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024,
        1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065,
    ]
    private static let boldHorn = [1593, 1134, 1630, 1229]

    private static let italic: [Int] = [
        512, 682, 860, 1024, 1024, 1706, 1593, 438, 682, 682, 1024, 1382, 512, 682, 512, 569,
        1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1382, 1382, 1382, 1024,
        1884, 1251, 1251, 1366, 1479, 1251, 1251, 1479, 1479, 682, 909, 1366, 1139, 1706, 1366, 1479,
        1251, 1479, 1251, 1024, 1139, 1479, 1251, 1706, 1251, 1139, 1139, 797, 569, 797, 864, 1024,
        682, 1024, 1024, 909, 1024, 909, 569, 1024, 1024, 569, 569, 909, 569, 1479, 1024, 1024,
        1024, 1024, 797, 797, 569, 1024, 909, 1366, 909, 909, 797, 819, 563, 819, 1108,
    ]
    private static let italicHorn = [1479, 1093, 1544, 1117]
}
