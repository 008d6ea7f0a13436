import Foundation
import Yams

/// Reads a YAML file into a located node tree, turning every failure into a diagnostic.
///
/// The text is checked as UTF-8 (the offending byte is located), a byte-order mark is dropped,
/// and the text is normalised to Unicode NFC before parsing so that names typed in decomposed
/// form match their composed spelling.
public enum YAMLSource {
    /// Files larger than this are refused before parsing.
    public static let maximumFileSize = 16 * 1024 * 1024

    /// Loads and composes `path`; `displayPath` is how diagnostics name the file.
    /// Returns nil (with diagnostics in `bag`) when the file cannot be read or parsed.
    public static func load(path: String, displayPath: String, bag: DiagnosticBag) -> YNode? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            bag.error(.file(displayPath), "không tìm thấy tệp (file not found)")
            return nil
        }
        if isDirectory.boolValue {
            bag.error(.file(displayPath), "đây là thư mục, cần một tệp YAML (expected a YAML file, found a directory)")
            return nil
        }
        // stat follows a symbolic link (attributesOfItem would describe the link itself): the
        // size is the target's, and a device or FIFO is refused before it is opened.
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            bag.error(.file(displayPath), "không phải tệp thông thường (thiết bị, FIFO …); không đọc (not a regular file)")
            return nil
        }
        if status.st_size > maximumFileSize {
            bag.error(
                .file(displayPath),
                "tệp quá lớn: \(status.st_size) byte, giới hạn \(maximumFileSize) byte (file too large)")
            return nil
        }
        // Never more than the limit is read, even from a file that grows meanwhile.
        guard let handle = FileHandle(forReadingAtPath: path),
            let data = try? handle.read(upToCount: maximumFileSize + 1) ?? Data()
        else {
            bag.error(.file(displayPath), "không đọc được tệp (file is not readable)")
            return nil
        }
        try? handle.close()
        if data.count > maximumFileSize {
            bag.error(.file(displayPath), "tệp quá lớn: hơn \(maximumFileSize) byte (file too large)")
            return nil
        }
        return parse(data: data, displayPath: displayPath, bag: bag)
    }

    /// Parses YAML bytes. Exposed for tests and for text that does not come from a file.
    public static func parse(data: Data, displayPath: String, bag: DiagnosticBag) -> YNode? {
        guard let text = decodeUTF8(data, displayPath: displayPath, bag: bag) else { return nil }
        return parse(text: text, displayPath: displayPath, bag: bag)
    }

    public static func parse(text rawText: String, displayPath: String, bag: DiagnosticBag) -> YNode? {
        var text = rawText
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // NFC, as every text a user reads must be; decomposed input would not match ids.
        // Foundation is asked only when the text may not be NFC already (it rarely is not).
        if !isCertainlyNFC(text) { text = text.precomposedStringWithCanonicalMapping }
        // As `trimmingCharacters(in: .whitespacesAndNewlines).isEmpty`, without copying the text.
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0.value == 0x200B }) {
            bag.error(.file(displayPath), "tệp rỗng (the file is empty; expected a YAML mapping)")
            return nil
        }
        // The scans before parsing, over the bytes (YAMLBytes.swift).
        let (limit, tab, hasEscape, hasAlias) = withUTF8(text) { bytes in
            (
                YAMLLimits.prescan(bytes, displayPath: displayPath), firstIndentationTab(in: bytes),
                contains(UInt8(ascii: "\\"), in: bytes), contains(UInt8(ascii: "*"), in: bytes)
            )
        }
        if let limit {
            bag.append(limit)
            return nil
        }
        if let tab {
            bag.error(
                SourceLocation(file: displayPath, line: tab.line, column: tab.column),
                "dùng ký tự tab để thụt lề; YAML chỉ cho phép dấu cách (tab used for indentation; use spaces)")
            return nil
        }
        do {
            // No tags are resolved: readers take every scalar as text and read numbers,
            // booleans and nulls themselves. Yams's default resolver runs up to seven regular
            // expressions on each scalar when it hashes mapping keys to find duplicates.
            guard let node = try Yams.compose(yaml: text, .basic, yamsConstructor, yamsEncoding) else {
                bag.error(.file(displayPath), "tệp rỗng (the file is empty; expected a YAML mapping)")
                return nil
            }
            // A control character can only reach a value through an escape ("\a") in a
            // double-quoted scalar (raw ones stop the reader), so without a backslash in the
            // text there is nothing to look for. The limits and the control characters are
            // checked in one walk of the tree; a limit passed is reported alone. A text with
            // neither a backslash nor an alias, short enough, is within the limits unwalked.
            guard hasEscape || !YAMLLimits.withinLimitsUnexpanded(byteCount: text.utf8.count, hasAlias: hasAlias) else {
                return YNode(node: node, file: displayPath)
            }
            let (limit, controls) = YAMLLimits.checkTree(node, displayPath: displayPath, findControls: hasEscape)
            if let limit {
                bag.append(limit)
                return nil
            }
            if !controls.isEmpty {
                bag.append(contentsOf: controls)
                return nil
            }
            return YNode(node: node, file: displayPath)
        } catch let error as YamlError {
            bag.append(clampedToText(diagnostic(for: error, displayPath: displayPath, text: text), text: text))
            return nil
        } catch {
            bag.error(.file(displayPath), "lỗi cú pháp YAML: \(error)")
            return nil
        }
    }

    /// The encoding Yams hands the text to libyaml in: its default, decided once. Yams works it
    /// out on every parse by reading the whole process environment (for an override in
    /// YAMS_DEFAULT_ENCODING), which cost more than parsing a small unit file.
    nonisolated(unsafe) static let yamsEncoding = Parser.Encoding.default

    /// Yams's default constructor, built once: `Constructor.default` builds a new one, with its
    /// three tables, on every call. Nothing here changes it after it is built.
    nonisolated(unsafe) static let yamsConstructor = Constructor.default

    /// libyaml names the line after the last for a problem at the end of the file; the officer
    /// is shown the end of the last line instead, which exists in the editor.
    static func clampedToText(_ d: Diagnostic, text: String) -> Diagnostic {
        guard d.location.line > 1 else { return d }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty, d.location.line > lines.count else { return d }
        var clamped = d
        clamped.location.line = lines.count
        clamped.location.column = lines[lines.count - 1].unicodeScalars.count + 1
        return clamped
    }

    static func diagnostic(for error: YamlError, displayPath: String, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: displayPath, line: mark.line, column: mark.column)
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            // A line of a `key: |` block indented less than the block: YAML ended the block there.
            if let line = underIndentedBlockLine(before: mark, in: text) {
                return .error(
                    SourceLocation(file: displayPath, line: line.line, column: line.column),
                    "lỗi cú pháp YAML: dòng này có vẻ thuộc khối văn bản nhiều dòng mở ở dòng \(line.header) nhưng thụt lề ít hơn "
                        + "dòng đầu của khối (\(line.column - 1) dấu cách thay vì \(line.indentation)), nên khối kết thúc trước nó; "
                        + "hãy thụt lề mọi dòng của khối ít nhất \(line.indentation) dấu cách (block scalar line indented too little; "
                        + "YAML stopped at line \(mark.line): \(problem))")
            }
            // An unclosed double quote swallows the lines after it; libyaml then complains far
            // below. Point at the line that opened the quote.
            if let line = unclosedQuoteLine(in: text, before: mark.line) {
                return .error(
                    SourceLocation(file: displayPath, line: line.line, column: line.column),
                    "lỗi cú pháp YAML: chuỗi mở bằng dấu ngoặc kép ở đây chưa được đóng (unclosed double quote; YAML stopped at line \(mark.line): \(problem))"
                )
            }
            // `-text` is not a list item but text, continued by the lines below it.
            if let line = missingSpaceAfterDash(before: mark, in: text) {
                return .error(
                    SourceLocation(file: displayPath, line: line.line, column: line.column),
                    "lỗi cú pháp YAML: thiếu dấu cách sau dấu '-' của phần tử danh sách (write '- ' before a list item; \(problem))")
            }
            // A line indented deeper than the `key: value` above it continues that value.
            if problem.contains("mapping values are not allowed"), let line = deeperIndentation(at: mark, in: text) {
                return .error(
                    SourceLocation(file: displayPath, line: line.line, column: line.column),
                    "lỗi cú pháp YAML: dòng này thụt lề sâu hơn dòng \(line.above) nên bị đọc là phần tiếp theo của giá trị ở dòng \(line.above); hãy sửa thụt lề của một trong hai dòng (line indented deeper than line \(line.above); \(problem))"
                )
            }
            // A bracket left open is found where the parser gives up, often lines below.
            if case .parser(let context?, _, _, _) = error, context.text.contains("flow"), context.mark.line < mark.line {
                let what = context.text.contains("sequence") ? "danh sách mở bằng '[' ở đây" : "bảng mở bằng '{' ở đây"
                return .error(
                    at(context.mark),
                    "lỗi cú pháp YAML: \(what) chưa được đóng, hoặc thiếu dấu phẩy (unclosed bracket; YAML stopped at line \(mark.line): \(problem))"
                )
            }
            return fallback(error, displayPath: displayPath, text: text)
        default:
            return fallback(error, displayPath: displayPath, text: text)
        }
    }

    static func fallback(_ error: YamlError, displayPath: String, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: displayPath, line: mark.line, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _):
            // A scalar or key that never ends is found far below where it starts: name the start.
            if let context, context.mark.line < mark.line {
                var explanation = explain(problem)
                if context.text.contains("quoted scalar") {
                    let opening = lines(text)[context.mark.line - 1].unicodeScalars.dropFirst(context.mark.column - 1).first
                    explanation = "chuỗi mở bằng \(opening == "'" ? "dấu nháy đơn (')" : "dấu ngoặc kép (\")") ở đây chưa được đóng"
                }
                return .error(
                    at(context.mark),
                    "lỗi cú pháp YAML: \(explanation) (\(problem) \(context.text), YAML stopped at line \(mark.line))")
            }
            return .error(at(mark), "lỗi cú pháp YAML: \(explain(problem)) (\(problem))")
        case .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "lỗi cú pháp YAML: \(explain(problem)) (\(problem)"
            if let context { message += "; \(context.text) ở dòng \(context.mark.line)" }
            return .error(at(mark), message + ")")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let first = at(context.mark)
            let second =
                (secondOccurrence(of: duplicates.first ?? "", after: context.mark, in: text)
                ?? flowDuplicate(of: duplicates.first ?? "", after: context.mark, in: text))
                .map { SourceLocation(file: displayPath, line: $0.line, column: $0.column) }
            return .error(
                second ?? first,
                "khóa \(keys) bị lặp lại trong cùng một bảng; lần đầu ở dòng \(context.mark.line), cột \(context.mark.column) (duplicate key)"
            )
        case .reader(let problem, let offset, let value, _):
            let place = offset.map { location(ofCharacterOffset: $0, in: text, file: displayPath) } ?? .file(displayPath)
            if problem.contains("control characters") {
                let code = codePoint(UInt32(bitPattern: value))
                return .error(place, "tệp có ký tự điều khiển \(code) ở đây; hãy xóa ký tự này (control character \(code) is not allowed)")
            }
            return .error(place, "không đọc được tệp: \(problem)")
        default:
            return .error(.file(displayPath), "lỗi YAML: \(error)")
        }
    }

    /// The first line before `limit` holding an odd number of unescaped double quotes outside a
    /// comment, with the column of its last quote.
    static func unclosedQuoteLine(in text: String, before limit: Int) -> (line: Int, column: Int)? {
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if number >= limit { return nil }
            var inQuote = false
            var inSingle = false
            var escaped = false
            var lastOpen = 0
            var column = 0
            for ch in line.unicodeScalars {
                column += 1
                if escaped {
                    escaped = false
                    continue
                }
                if ch == "\\" && inQuote {
                    escaped = true
                } else if ch == "\"" && !inSingle {
                    inQuote.toggle()
                    if inQuote { lastOpen = column }
                } else if ch == "'" && !inQuote
                    && (column == 1 || inSingle
                        || line.unicodeScalars.dropFirst(column - 2).first.map { " :[{,-".unicodeScalars.contains($0) } == true)
                {
                    inSingle.toggle()
                } else if ch == "#" && !inQuote && !inSingle {
                    break
                }
            }
            if inQuote { return (number, lastOpen) }
        }
        return nil
    }

    /// libyaml's messages, explained in Vietnamese for officers.
    static func explain(_ problem: String) -> String {
        let known: [(String, String)] = [
            ("found unexpected end of stream", "tệp kết thúc khi một chuỗi trong dấu ngoặc kép chưa được đóng"),
            ("found character that cannot start any token", "gặp ký tự không được phép ở đầu giá trị (ví dụ @, `, % hoặc tab)"),
            (
                "mapping values are not allowed in this context",
                "dấu ':' không được phép ở đây; đặt văn bản có dấu hai chấm trong ngoặc kép hoặc sửa thụt lề"
            ),
            ("did not find expected key", "thụt lề không khớp với các khóa phía trên"),
            ("could not find expected ':'", "thiếu dấu ':' sau khóa, hoặc thiếu dấu cách sau ':'"),
            ("did not find expected '-' indicator", "thụt lề của danh sách không khớp"),
            ("did not find expected node content", "thiếu giá trị"),
            ("found undefined alias", "alias chưa được khai báo; văn bản bắt đầu bằng '*' phải đặt trong ngoặc kép"),
            ("but found another document", "tệp có nhiều hơn một văn bản YAML (dấu '---' ở đây); mỗi tệp chỉ chứa một"),
            ("found unknown escape character", "ký tự thoát không hợp lệ sau dấu \\ trong chuỗi ngoặc kép"),
            ("did not find expected ',' or ']'", "danh sách trong [ ] chưa được đóng hoặc thiếu dấu phẩy"),
            ("did not find expected ',' or '}'", "bảng trong { } chưa được đóng hoặc thiếu dấu phẩy"),
        ]
        return known.first { problem.contains($0.0) }?.1 ?? "cấu trúc không hợp lệ"
    }

    /// Validates UTF-8, naming the line and column of the first invalid byte.
    static func decodeUTF8(_ data: Data, displayPath: String, bag: DiagnosticBag) -> String? {
        if let text = String(data: data, encoding: .utf8) { return text }
        if isUTF16(data) {
            bag.error(
                .file(displayPath),
                "tệp được lưu bằng mã UTF-16 (\"Unicode\" trong Notepad); hãy lưu lại với mã hóa UTF-8 (the file is UTF-16; save it as UTF-8)"
            )
            return nil
        }
        var line = 1
        var column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput: break loop
            case .error:
                bag.error(
                    SourceLocation(file: displayPath, line: line, column: column),
                    "tệp không phải UTF-8 hợp lệ; hãy lưu lại với mã hóa UTF-8 (invalid UTF-8)")
                return nil
            }
        }
        bag.error(.file(displayPath), "tệp không phải UTF-8 hợp lệ (invalid UTF-8)")
        return nil
    }

    /// libyaml reports a tab in indentation with a confusing message, often far from the tab.
    /// Lines end at a line feed not preceded by a carriage return (as splitting the text's
    /// characters at "\n" would end them); only spaces precede the tab, so bytes count columns.
    static func firstIndentationTab(in text: String) -> (line: Int, column: Int)? {
        withUTF8(text) { firstIndentationTab(in: $0) }
    }

    /// Whether NFC normalisation would leave `text` as it is, decided without Foundation: true
    /// when every scalar is one NFC never changes nor combines with what precedes it — below
    /// U+0300 (ASCII, Latin-1, Latin Extended-A and -B, IPA), a precomposed letter of Latin
    /// Extended Additional (U+1E00–U+1EFF: the Vietnamese letters), general punctuation and
    /// currency signs (U+2002–U+20CF: dashes, quotes, bullets, …, ‰, €), arrows and mathematical
    /// operators (U+2190–U+22FF: →, ≤, ≥), box drawing and shapes (U+2500–U+25FF: the ─ of the
    /// plan's comments). False means "maybe".
    static func isCertainlyNFC(_ text: String) -> Bool {
        withUTF8(text) { isCertainlyNFC($0) }
    }

    /// Yams names the first of two duplicate keys; the mistake is usually the second.
    static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let indent = mark.column - 1
        for index in mark.line..<lines.count {
            let candidate = lines[index]
            let thisIndent = candidate.prefix { $0 == " " }.count
            let trimmed = candidate.dropFirst(thisIndent)
            if thisIndent < indent && !trimmed.isEmpty && !trimmed.hasPrefix("#") { return nil }
            if thisIndent == indent, trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") {
                return (index + 1, indent + 1)
            }
        }
        return nil
    }
}
