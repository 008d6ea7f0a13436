/// Writing YAML: the one place that turns text into a scalar every YAML reader takes back
/// unchanged. Used by everything that writes a YAML file a person may read (the import of a
/// workbook, the web's data form, `plan new`).
public enum YAMLQuoting {
    /// `s` as a YAML double-quoted scalar: quote and backslash escaped, line breaks and the other
    /// YAML line separators written as escapes, and control characters as `\uXXXX`, so the text
    /// comes back exactly as it was. A byte-order mark is written as `\uFEFF` too (never raw), though
    /// libyaml drops it on reading.
    public static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFEFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
