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
        do {
            template = try MustacheTemplate(string: Self.plainText + Self.markingParagraphs(source))
        } catch let error as MustacheTemplate.ParserError {
            // The pragma line is not the author's: count from the template's own first line.
            let line = max(1, error.context.lineNumber - 1)
            let excerpt = error.context.line.trimmingCharacters(in: .whitespacesAndNewlines)
            throw PluginError(
                "mẫu văn bản (\(what)) của lĩnh vực '\(area.id)' có lỗi ở dòng \(line), cột \(error.context.columnNumber): "
                    + "\(Self.explain(error.error)) — “\(excerpt)” (template syntax error: \(error.error))")
        } catch {
            throw PluginError("mẫu văn bản (\(what)) của lĩnh vực '\(area.id)' không đọc được: \(error) (template error)")
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

    /// The variable names the template's tags use, or nil when it changes its delimiters (the
    /// tags cannot then be found cheaply).
    var variables: [String]? {
        var names: [String] = []
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let triple = rest.first == "{"
            guard let close = rest.range(of: triple ? "}}}" : "}}") else { break }
            var tag = rest[..<close.lowerBound]
            rest = rest[close.upperBound...]
            if triple { tag = tag.dropFirst() }
            guard let sigil = tag.first else { continue }
            switch sigil {
            case "!", "%", "$": continue
            case "=": return nil
            case "#", "^", "/", "&", ">", "<": tag = tag.dropFirst()
            default: break
            }
            var name = tag.trimmingCharacters(in: .whitespaces)
            // A transform, "lowercased(x)": the variable is the innermost argument.
            if let paren = name.lastIndex(of: "(") {
                name = String(name[name.index(after: paren)...].prefix { $0 != ")" })
            }
            if sigil == ">" || sigil == "<" { name = "> " + name }
            if !name.isEmpty, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Whether a tag uses one of `names` (as itself or as the start of a dotted name).
    func mentions(_ names: Set<String>) -> Bool {
        (variables ?? []).contains { names.contains(String($0.split(separator: ".").first ?? "")) }
    }

    /// Variables that are neither a key of the context, an indicator id, nor a key of an
    /// indicator's dictionary (which a section on the indicator makes available); nil when the
    /// template cannot be scanned.
    func unknownVariables(known model: GenericModel) -> [String]? {
        guard let names = variables else { return nil }
        return names.filter { name in
            if name.hasPrefix("> ") { return true }  // a partial: there is no library, it renders empty
            let parts = name.split(separator: ".").map(String.init)
            guard let first = parts.first else { return false }  // "." is the current item
            if model.indicatorIDs.contains(first) { return parts.count > 1 && !GenericModel.indicatorKeys.contains(parts[1]) }
            if GenericModel.rootKeys.contains(first) || GenericModel.indicatorKeys.contains(first) { return parts.count > 1 }
            return true
        }
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
    let indicatorIDs: Set<String>

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
        self.root = root
        indicatorIDs = Set(facts.map(\.indicator.id))
    }

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
/// string as true).
struct Blank: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
