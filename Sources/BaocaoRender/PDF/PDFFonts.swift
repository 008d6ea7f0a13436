import Foundation

/// The fonts LibreOffice embedded in a PDF, read with poppler's `pdffonts`, and the warning
/// when any of them is not the report's face. The DOCX asks for Times New Roman everywhere;
/// LibreOffice draws it with a metric-compatible stand-in (Liberation Serif 2, or Tinos from
/// fonts-croscore). A stand-in without Vietnamese letters (Liberation Serif 1.07, from the
/// Debian package fonts-liberation) makes LibreOffice take ả, ế, ệ from another font, such as
/// DejaVu Serif, and two typefaces show inside single words.
public enum PDFFonts {
    /// The Debian packages that give Times New Roman's stand-ins with Vietnamese letters.
    public static let debianPackages = "fonts-liberation2 fonts-croscore"

    /// Families (PostScript names without the style) that draw Times New Roman.
    public static let intendedFamilies: Set<String> = ["TimesNewRoman", "TimesNewRomanPS", "TimesNewRomanPSMT", "LiberationSerif", "Tinos"]

    /// The path of `pdffonts` on `PATH`, if poppler-utils is installed.
    public static func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/pdffonts"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The font names of `pdffonts` output: the first column of each line under the rule,
    /// without the subset tag ("BAAAAA+Tinos-Bold" → "Tinos-Bold"), in the order listed, once each.
    public static func names(fromListing listing: String) -> [String] {
        var names: [String] = []
        var underRule = false
        for line in listing.split(whereSeparator: \.isNewline) {
            if !underRule {
                underRule = line.hasPrefix("---")
                continue
            }
            guard let first = line.split(separator: " ").first else { continue }
            var name = String(first)
            if name == "[none]" { continue }
            if let plus = name.firstIndex(of: "+"), name.distance(from: name.startIndex, to: plus) == 6,
                name[..<plus].allSatisfy({ $0.isASCII && $0.isUppercase })
            {
                name = String(name[name.index(after: plus)...])
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// A font name's family: the name up to its style ("Tinos-BoldItalic" → "Tinos",
    /// "TimesNewRomanPS-BoldMT" → "TimesNewRomanPS", "Times New Roman,Bold" → "TimesNewRoman").
    public static func family(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "-" || $0 == "," }).first.map(String.init) ?? name
        return base.filter { $0 != " " }
    }

    /// The fonts that are not the report's face; empty when every font is.
    public static func unintended(_ names: [String]) -> [String] {
        names.filter { !intendedFamilies.contains(family($0)) }
    }

    /// The warning, in Vietnamese, for fonts that are not the report's face; nil when there are none.
    public static func warning(for names: [String]) -> String? {
        let others = unintended(names)
        guard !others.isEmpty else { return nil }
        return "tệp PDF dùng phông chữ \(others.joined(separator: ", ")) thay cho Times New Roman (chữ có dấu có thể hiện bằng "
            + "phông khác); hãy cài phông Times New Roman hoặc gói \(debianPackages) rồi xuất lại "
            + "(the PDF embeds fonts other than Times New Roman or its stand-ins: \(others.joined(separator: ", ")))"
    }

    /// The names of the fonts embedded in `pdf`, or nil when `pdffonts` is missing or fails.
    public static func embedded(in pdf: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String]? {
        guard let tool = executable(environment: environment) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [pdf.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return names(fromListing: String(decoding: output, as: UTF8.self))
    }
}
