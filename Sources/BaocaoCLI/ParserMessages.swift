import Foundation

/// The argument parser's own texts (help headings, usage errors) in Vietnamese first, with the
/// English as a gloss, as every other message of baocao.
enum ParserMessages {
    /// Help: the section headings and the parser's standard lines.
    static func help(_ text: String) -> String {
        var lines: [String] = []
        for line in text.components(separatedBy: "\n") {
            var l = line
            for (english, vietnamese) in headings where l.hasPrefix(english) { l = vietnamese + l.dropFirst(english.count) }
            for (english, vietnamese) in phrases { l = l.replacingOccurrences(of: english, with: vietnamese) }
            l = l.replacingOccurrences(
                of: "See '(.+)' for detailed help\\.", with: "Xem '$1' để có trợ giúp chi tiết (see '$1' for detailed help).",
                options: .regularExpression)
            lines.append(l)
        }
        return lines.joined(separator: "\n")
    }

    static let headings = [
        ("OVERVIEW:", "TỔNG QUAN (OVERVIEW):"), ("USAGE:", "CÁCH DÙNG (USAGE):"), ("ARGUMENTS:", "THAM SỐ (ARGUMENTS):"),
        ("OPTIONS:", "TÙY CHỌN (OPTIONS):"), ("SUBCOMMANDS:", "CÁC LỆNH (SUBCOMMANDS):"),
    ]

    static let phrases = [
        ("Show help information.", "Xem trợ giúp (show help information)."),
        ("Show the version.", "Xem phiên bản (show the version)."),
        ("(default: ", "(mặc định, default: "),
    ]

    /// A usage error: each line the parser writes, in Vietnamese with the English kept.
    static func error(_ text: String) -> String {
        text.components(separatedBy: "\n").map(errorLine).joined(separator: "\n")
    }

    static let errorRules: [(pattern: String, template: String)] = [
        ("^Error: Unknown option '(.+?)'\\. Did you mean '(.+?)'\\?$", "Lỗi: không có tùy chọn '$1'; có phải là '$2'?"),
        ("^Error: Unknown option '(.+?)'$", "Lỗi: không có tùy chọn '$1'"),
        ("^Error: The value '(.*)' is invalid for '(.+?)'(.*)$", "Lỗi: giá trị '$1' không hợp lệ cho '$2'$3"),
        ("^Error: Missing expected argument '(.+?)'$", "Lỗi: thiếu tham số '$1'"),
        ("^Error: Missing value for '(.+?)'$", "Lỗi: thiếu giá trị cho '$1'"),
        ("^Error: Unexpected argument '(.+?)'$", "Lỗi: thừa tham số '$1'"),
        ("^Error: ([0-9]+) unexpected arguments: (.+)$", "Lỗi: thừa $1 tham số: $2"),
        ("^Error: (.+)$", "Lỗi dòng lệnh: $1"),
        ("^Usage: (.+)$", "Cách dùng: $1"),
        ("^Help: (.+)$", "Trợ giúp: $1"),
        ("^(\\s*)See '(.+?)' for more information\\.$", "$1Xem '$2' để biết thêm"),
    ]

    static func errorLine(_ line: String) -> String {
        for rule in errorRules {
            guard let regex = try? NSRegularExpression(pattern: rule.pattern) else { continue }
            let range = NSRange(line.startIndex..., in: line)
            guard regex.firstMatch(in: line, range: range) != nil else { continue }
            let vietnamese = regex.stringByReplacingMatches(in: line, range: range, withTemplate: rule.template)
            let gloss = line.trimmingCharacters(in: .whitespaces)
            let isContent = line.hasPrefix("Usage: ") || line.hasPrefix("Help: ")
            return isContent ? vietnamese : "\(vietnamese) (\(gloss))"
        }
        return line
    }
}
