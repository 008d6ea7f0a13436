import BaocaoCore
import Mustache

/// A plan's Mustache text, parsed once, rendered as plain text (no HTML escaping) and cut into
/// paragraphs and lists.
struct GenericTemplate {
    /// Makes the whole text plain: values are inserted as they are. On a line of its own so that
    /// the template's first line keeps Mustache's standalone-tag rules.
    static let plainText = "{{% CONTENT_TYPE: TEXT}}\n"

    let source: String
    let template: MustacheTemplate

    /// Parses `source`; a syntax error is a `PluginError` naming the area, the line and column
    /// in the template, and the offending line.
    init(source: String, area: ContentArea, what: String) throws {
        self.source = source
        switch Self.parse(source) {
        case .success(let template): self.template = template
        case .failure(let problem): throw PluginError("mẫu văn bản (\(what)) của lĩnh vực '\(area.id)' \(problem.message)")
        }
    }

    /// A syntax error: the line and column in the template's own text, and what is wrong.
    struct SyntaxProblem: Error {
        var line: Int
        var column: Int
        var message: String
    }

    static func parse(_ source: String) -> Result<MustacheTemplate, SyntaxProblem> {
        do {
            return .success(try MustacheTemplate(string: plainText + markingParagraphs(source)))
        } catch let error as MustacheTemplate.ParserError {
            // The pragma line is not the author's: count from the template's own first line.
            let line = max(1, error.context.lineNumber - 1)
            let column = max(1, error.context.columnNumber)
            let excerpt = error.context.line.trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(
                SyntaxProblem(
                    line: line, column: column,
                    message:
                        "có lỗi ở dòng \(line), cột \(column): \(explain(error.error)) — “\(excerpt)” (template syntax error: \(error.error))"
                ))
        } catch {
            return .failure(SyntaxProblem(line: 1, column: 1, message: "không đọc được: \(error) (template error)"))
        }
    }

    /// The plan-load check of an area the generic plugin writes (`PluginDescriptor.checkArea`):
    /// its template and its caption parse, and use only variables the data gives. Each problem
    /// is an error at its place in the plan file — inside a `template: |` block, its exact line
    /// and column.
    static func check(_ area: ContentArea) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ids = area.indicators.map(\.id)
        if let template = area.template {
            diagnostics += check(
                template, what: "template", area: area, placement: area.templatePlacement ?? TextPlacement(location: area.location),
                ids: ids)
        }
        if let caption = area.options[GenericOption.caption]?.text, caption.contains("{{") {
            diagnostics += check(
                caption, what: "options.caption", area: area,
                placement: TextPlacement(location: area.optionLocations[GenericOption.caption] ?? area.location), ids: ids)
        }
        return diagnostics
    }

    static func check(_ source: String, what: String, area: ContentArea, placement: TextPlacement, ids: [String]) -> [Diagnostic] {
        let subject = "mẫu văn bản (\(what)) của lĩnh vực '\(area.id)'"
        if case .failure(let problem) = parse(source) {
            return [.error(placement.location(line: problem.line, column: problem.column), "\(subject) \(problem.message)")]
        }
        return unknownVariables(in: source, indicatorIDs: ids).map { unknown in
            let place = placement.isExact ? "" : " (dòng \(unknown.tag.line), cột \(unknown.tag.column) của mẫu)"
            return .error(placement.location(line: unknown.tag.line, column: unknown.tag.column), "\(subject)\(place): \(unknown.message)")
        }
    }

    func render(_ model: [String: Any]) -> String { template.render(model) }

    static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "cú pháp không hợp lệ" }
        switch error {
        case .sectionCloseNameIncorrect: return "thẻ đóng {{/…}} không khớp với thẻ mở {{#…}} hoặc {{^…}}"
        case .unfinishedName: return "thẻ chưa đóng bằng }} hoặc tên biến có ký tự không hợp lệ"
        case .expectedSectionEnd: return "thiếu thẻ đóng {{/…}} của một khối {{#…}} hoặc {{^…}}"
        case .invalidSetDelimiter: return "thẻ đổi dấu phân cách {{=… …=}} không hợp lệ"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "cú pháp kế thừa mẫu ({{<…}}, {{$…}}) không hợp lệ"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "chỉ thị {{%…}} không hợp lệ"
        }
    }

    // MARK: Paragraphs

    /// Marks the template's blank lines before rendering, so that paragraphs are the template's
    /// own: a line that renders empty (a section whose condition is false) does not split one.
    static let paragraphMark: Character = "\u{2029}"

    static func markingParagraphs(_ source: String) -> String {
        source.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.allSatisfy(\.isWhitespace) ? String(paragraphMark) : String($0) }
            .joined(separator: "\n")
    }

    /// Cuts rendered text where the template has a blank line. Within a paragraph, consecutive
    /// lines starting with "- " become a list, other lines are joined with a space; doubled spaces
    /// and spaces before punctuation are removed; a paragraph or item without a letter or digit
    /// (what is left of a sentence whose values are all missing) is dropped.
    static func blocks(from text: String) -> [Block] {
        var blocks: [Block] = []
        for chunk in text.split(separator: paragraphMark, omittingEmptySubsequences: true) {
            var prose: [String] = []
            var items: [String] = []
            func flush() {
                let text = clean(prose.joined(separator: " "))
                if hasContent(text) { blocks.append(.paragraph(Paragraph(text))) }
                let list = items.map(clean).filter(hasContent)
                if !list.isEmpty { blocks.append(.list(list.map { Paragraph($0) })) }
                prose = []
                items = []
            }
            for line in chunk.split(whereSeparator: \.isNewline) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                if trimmed.hasPrefix("- ") {
                    if !prose.isEmpty { flush() }
                    items.append(String(trimmed.dropFirst(2)))
                } else {
                    if !items.isEmpty { flush() }
                    prose.append(trimmed)
                }
            }
            flush()
        }
        return blocks
    }

    static func hasContent(_ text: String) -> Bool { text.contains { $0.isLetter || $0.isNumber } }

    /// Collapses runs of spaces and removes spaces before ",", ".", ";", ":", ")" and after "(".
    static func clean(_ text: String) -> String {
        var out = ""
        for c in text {
            if c.isWhitespace {
                if let last = out.last, !last.isWhitespace, last != "(" { out.append(" ") }
                continue
            }
            if ",.;:)".contains(c), out.last == " " { out.removeLast() }
            out.append(c)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    // MARK: Variables

    /// A tag of a template: its sigil ("#", "^", "/", "&", ">", "{" …, or nil for a plain
    /// variable), the name inside it, and where its "{{" is in the template's own text (line and
    /// column from 1, columns counting Unicode scalars).
    struct Tag: Equatable {
        var sigil: Character?
        var name: String
        var line: Int
        var column: Int
    }

    /// The tags of `source` in order, or nil when it changes its delimiters (`{{=<% %>=}}`): its
    /// tags cannot then be found, nor its variables checked.
    static func tags(in source: String) -> [Tag]? {
        var tags: [Tag] = []
        let scalars = Array(source.unicodeScalars)
        var index = 0
        var line = 1
        var column = 1
        func advance(_ count: Int) {
            for _ in 0..<count where index < scalars.count {
                if scalars[index] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
        }
        func starts(with text: String, at position: Int) -> Bool {
            var p = position
            for c in text.unicodeScalars {
                guard p < scalars.count, scalars[p] == c else { return false }
                p += 1
            }
            return true
        }
        while index < scalars.count {
            guard starts(with: "{{", at: index) else {
                advance(1)
                continue
            }
            let (tagLine, tagColumn) = (line, column)
            let triple = starts(with: "{{{", at: index)
            let close = triple ? "}}}" : "}}"
            var end = index + (triple ? 3 : 2)
            while end < scalars.count, !starts(with: close, at: end) { end += 1 }
            guard end < scalars.count else { break }  // an unclosed tag: the parser reports it
            var inner = String(String.UnicodeScalarView(scalars[(index + (triple ? 3 : 2))..<end]))
            advance(end + close.unicodeScalars.count - index)
            var sigil: Character? = triple ? "{" : nil
            if !triple, let first = inner.first, "#^/&>!<$%=".contains(first) {
                sigil = first
                inner.removeFirst()
            }
            if sigil == "=" { return nil }
            tags.append(Tag(sigil: sigil, name: inner.trimmingCharacters(in: .whitespaces), line: tagLine, column: tagColumn))
        }
        return tags
    }

    /// The variable names the template's tags use (section names included), or nil when it
    /// changes its delimiters.
    var variables: [String]? {
        guard let tags = Self.tags(in: source) else { return nil }
        var names: [String] = []
        for tag in tags where !["!", "%", "$", "/"].contains(tag.sigil) {
            let name = Self.variable(tag.name)
            if !name.isEmpty, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// A transform's argument ("lowercased(x)" uses x), or the name itself.
    static func variable(_ name: String) -> String {
        guard let paren = name.lastIndex(of: "(") else { return name }
        return String(name[name.index(after: paren)...].prefix { $0 != ")" })
    }

    /// Whether a tag uses one of `names` (as itself or as the start of a dotted name).
    func mentions(_ names: Set<String>) -> Bool {
        (variables ?? []).contains { names.contains(String($0.split(separator: ".").first ?? "")) }
    }

    /// A variable the template uses that the data does not give, where it is, and what to write.
    struct UnknownVariable: Equatable {
        var tag: Tag
        var message: String
    }

    /// The template's variables that the data does not give, in order. A name resolves as
    /// Mustache resolves it: a key of the context (`period`, `activities` …), an indicator id
    /// of the area, an indicator's key after its id (`ktso.value`), or, inside an indicator's
    /// section (`{{#ktso}}…{{/ktso}}`), an indicator's key alone (`{{value}}`). A partial
    /// (`{{> x}}`) or a change of delimiters is refused too: nothing could be checked.
    static func unknownVariables(in source: String, indicatorIDs: [String]) -> [UnknownVariable] {
        guard let tags = tags(in: source) else {
            return [
                UnknownVariable(
                    tag: Tag(sigil: "=", name: "", line: 1, column: 1),
                    message:
                        "mẫu văn bản không được đổi dấu phân cách ({{=… …=}}): tên biến không kiểm tra được (set delimiters not supported)")
            ]
        }
        let ids = Set(indicatorIDs)
        // The sections open at each tag: whether each makes an indicator's keys available.
        var open: [(name: String, indicator: Bool)] = []
        var unknown: [UnknownVariable] = []
        for tag in tags {
            switch tag.sigil {
            case "!", "%", "$": continue
            case ">", "<":
                unknown.append(
                    UnknownVariable(
                        tag: tag, message: "mẫu văn bản không dùng được mẫu con '{{\(tag.sigil!)\(tag.name)}}' (partials are not supported)"
                    ))
                continue
            case "/":
                if let last = open.lastIndex(where: { $0.name == tag.name }) { open.removeSubrange(last...) }
                continue
            default: break
            }
            let name = variable(tag.name)
            let inIndicator = open.contains { $0.indicator }
            let message = problem(name, ids: ids, inIndicator: inIndicator)
            if let message { unknown.append(UnknownVariable(tag: tag, message: message)) }
            if tag.sigil == "#" || tag.sigil == "^" {
                // A misspelt section is reported once: what it holds is read as an indicator's.
                let misspelt = message != nil && !name.contains(".")
                open.append((tag.name, tag.sigil == "#" && (ids.contains(name) || misspelt)))
            }
        }
        return unknown
    }

    /// Why `name` does not resolve, with the nearest name that would; nil when it resolves.
    static func problem(_ name: String, ids: Set<String>, inIndicator: Bool) -> String? {
        if name == "." { return nil }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let first = parts[0]
        let tail = ", nên câu chứa biến này sẽ thiếu số liệu hoặc bị bỏ khỏi báo cáo"
        if ids.contains(first) {
            guard parts.count > 1 else { return nil }
            let key = parts[1]
            if parts.count == 2, GenericModel.indicatorKeys.contains(key) { return nil }
            let near = YMapping.nearest(key, in: GenericModel.indicatorKeys.sorted()).map { "\(first).\($0)" }
            return unknownMessage(name, near: near, tail: tail)
        }
        if GenericModel.rootKeys.contains(first) {
            guard parts.count > 1 else { return nil }
            return
                "biến '\(first)' không có khóa con '\(parts.dropFirst().joined(separator: "."))'\(tail) (unknown template variable '\(name)')"
        }
        if GenericModel.indicatorKeys.contains(first) {
            if inIndicator && parts.count == 1 { return nil }
            if parts.count == 1 {
                return "biến '\(first)' là khóa của một chỉ tiêu, chỉ dùng được trong khối {{#<mã chỉ tiêu>}}…{{/<mã chỉ tiêu>}}; "
                    + "ngoài khối hãy viết {{<mã chỉ tiêu>.\(first)}} (indicator key '\(first)' outside an indicator's section)"
            }
        }
        var candidates = GenericModel.rootKeys.union(ids)
        if inIndicator { candidates.formUnion(GenericModel.indicatorKeys) }
        var near = YMapping.nearest(first, in: candidates.sorted())
        if near == nil {
            // "vi_pham" for "ktcv_vi_pham": the shortest indicator id ending with the name, when only one is.
            let ending = ids.filter { $0.hasSuffix("_" + first) }.sorted { ($0.count, $0) < ($1.count, $1) }
            if let shortest = ending.first, ending.dropFirst().first?.count != shortest.count { near = shortest }
        }
        return unknownMessage(name, near: near.map { ([$0] + parts.dropFirst()).joined(separator: ".") }, tail: tail)
    }

    static func unknownMessage(_ name: String, near: String?, tail: String) -> String {
        var message = "biến '\(name)' không có trong dữ liệu của mẫu văn bản" + tail
        if let near { message += "; có phải là '\(near)'?" }
        message += near.map { " (unknown template variable '\(name)'; did you mean '\($0)'?)" } ?? " (unknown template variable '\(name)')"
        return message
    }
}

/// The values a template sees. Documented in Plans/README.md ("Adding an area in YAML only").
struct GenericModel {
    /// Keys of the top level besides the indicator ids.
    static let rootKeys: Set<String> = [
        "period", "previous_period", "same_period_last_year", "area", "body", "year", "activities", "has_activities",
    ]
    /// Keys of each indicator's dictionary.
    static let indicatorKeys: Set<String> = [
        "id", "label", "measure", "value", "value_with_measure", "raw", "has_value", "comparison", "previous", "last_year",
        "target", "target_value", "target_basis", "has_target", "target_met", "target_missed", "note",
    ]

    let root: [String: Any]

    init(context: SectionContext, facts: [IndicatorFacts]) {
        let activities = context.activities.map { Wording.sentence($0.text) }
        var root: [String: Any] = [:]
        for f in facts where !Self.rootKeys.contains(f.indicator.id) { root[f.indicator.id] = Self.dictionary(f) }
        root["period"] = context.period.label
        root["previous_period"] = Self.text(context.previous?.period.label)
        root["same_period_last_year"] = Self.text(context.sameLastYear?.period.label)
        root["area"] = context.area.title
        root["body"] = context.plan.issuingBodyName
        root["year"] = context.period.year
        root["activities"] = activities
        root["has_activities"] = !activities.isEmpty
        // Every empty value knows its name, and tells `printedBlanks` when a tag prints it.
        let recorder = BlankRecorder()
        func named(_ value: Any, _ name: String) -> Any {
            if value is Blank { return Blank(name: name, recorder: recorder) }
            if let dictionary = value as? [String: Any] {
                return Dictionary(uniqueKeysWithValues: dictionary.map { ($0.key, named($0.value, "\(name).\($0.key)")) })
            }
            return value
        }
        self.root = Dictionary(uniqueKeysWithValues: root.map { ($0.key, named($0.value, $0.key)) })
        printedBlanks = recorder
    }

    /// The empty values a rendering printed (`{{ktso.value}}` of an indicator without data,
    /// outside `{{#ktso.has_value}}`): each left a hole in a sentence of the report.
    let printedBlanks: BlankRecorder

    static func dictionary(_ f: IndicatorFacts) -> [String: Any] {
        let target = f.indicator.target
        return [
            "id": f.indicator.id,
            "label": f.indicator.label,
            "measure": text(f.indicator.measure),
            "value": text(f.value),
            "value_with_measure": text(f.stated),
            "raw": f.raw.map(number) ?? Blank(),
            "has_value": f.hasValue,
            "comparison": text(Wording.list(f.phrases)),
            "previous": text(f.previous),
            "last_year": text(f.lastYear),
            "target": text(f.bound),
            "target_value": target.map { SectionContext.formatTarget($0.value, kind: f.indicator.kind) as Any } ?? Blank(),
            "target_basis": text(target?.basis),
            "has_target": target != nil,
            "target_met": f.status == .met,
            "target_missed": f.status == .missed,
            "note": text(f.cause),
        ]
    }

    /// A text, or an empty value that renders as nothing and counts as false in a section.
    static func text(_ value: String?) -> Any {
        guard let value, !value.isEmpty else { return Blank() }
        return value
    }

    /// A whole number without ".0"; other numbers as they are.
    static func number(_ value: Double) -> Any {
        value.rounded() == value && abs(value) < 1e15 ? Int(value) : value
    }
}

/// An empty value: renders as "", and a section on it is skipped (Mustache treats an empty
/// string as true). Printed by a tag, it tells its recorder its name.
struct Blank: MustacheCustomRenderable {
    var name = ""
    var recorder: BlankRecorder?
    var renderText: String {
        recorder?.printed(name)
        return ""
    }
    var isNull: Bool { true }
}

/// The names of the empty values one rendering printed, in order, once each (a rendering is
/// synchronous: one model, one thread).
final class BlankRecorder {
    private(set) var names: [String] = []
    func printed(_ name: String) {
        // A unit of measure may be empty by design ("" for none): printing it loses nothing.
        guard !name.isEmpty, !name.hasSuffix(".measure"), !names.contains(name) else { return }
        names.append(name)
    }
}
