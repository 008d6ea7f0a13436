import Foundation

/// Reads a plan file and checks it, reporting every problem at once with its location.
public struct PlanLoader {
    /// The plugins plans may name, and what each accepts.
    public var plugins: [PluginDescriptor]

    public init(plugins: [PluginDescriptor]) { self.plugins = plugins }

    public struct Result {
        /// The plan, when it has no errors.
        public var plan: Plan?
        public var diagnostics: [Diagnostic]
    }

    /// Loads `path`; diagnostics name it as `displayPath`.
    /// `read`, when given, receives the bytes of the plan file that were parsed.
    public func load(path: String, displayPath: String? = nil, read: ((Data) -> Void)? = nil) -> Result {
        let bag = DiagnosticBag()
        let shown = displayPath ?? path
        guard let root = YAMLSource.load(path: path, displayPath: shown, bag: bag, read: read) else {
            return Result(plan: nil, diagnostics: bag.sorted)
        }
        let reader = PlanReader(plugins: plugins, bag: bag)
        reader.path = path
        let plan = reader.read(root)
        return Result(plan: bag.hasErrors ? nil : plan, diagnostics: bag.sorted)
    }

    /// Reads a plan from YAML text (tests, tools).
    public func load(text: String, displayPath: String) -> Result {
        let bag = DiagnosticBag()
        guard let root = YAMLSource.parse(text: text, displayPath: displayPath, bag: bag) else {
            return Result(plan: nil, diagnostics: bag.sorted)
        }
        let reader = PlanReader(plugins: plugins, bag: bag)
        reader.path = displayPath
        reader.text = text
        let plan = reader.read(root)
        return Result(plan: bag.hasErrors ? nil : plan, diagnostics: bag.sorted)
    }

}

/// Reads one plan file; remembers every reference it meets so `PlanChecker` can locate the
/// ones that do not resolve.
final class PlanReader {
    let plugins: [PluginDescriptor]
    let bag: DiagnosticBag
    var references: [PlanReference] = []
    /// The file's real path (for `extends`, resolved from its folder), and the plans extending it.
    var path: String?
    /// The plan's text, when it was given as text rather than read from `path`.
    var text: String?
    var lineage: [String] = []

    init(plugins: [PluginDescriptor], bag: DiagnosticBag) {
        self.plugins = plugins
        self.bag = bag
    }

    /// Reads a list of ids and logs each as a reference of `kind`.
    private func refs(_ m: YMapping, _ key: String, _ kind: PlanReference.Kind, required: Bool = false) -> [String] {
        let located = m.locatedStrings(key, required: required)
        references += located.map { PlanReference(kind: kind, id: $0.text, location: $0.location, context: "\(m.context).\(key)") }
        return located.map(\.text)
    }

    func read(_ root: YNode) -> Plan? {
        guard let top = root.mapping(bag, what: "") else { return nil }
        checkPlaceholders(root)
        let base = readBase(top)  // `extends:` (PlanInheritance.swift)
        let all = mustGiveAll(top)
        let identity = top.mapping("plan").flatMap { readIdentity($0) }
        let units = inherited(top, "units", base, \.units) ?? readList(top, "units", required: all) { readUnit($0, $1) }
        let purposes =
            inherited(top, "purposes", base, \.purposes) ?? readList(top, "purposes", required: all) { readNumbered($0, $1, "purposes") }
        let requirements =
            inherited(top, "requirements", base, \.requirements)
            ?? readList(top, "requirements", required: all) { readNumbered($0, $1, "requirements") }
        let tasks = inherited(top, "tasks", base, \.tasks) ?? readList(top, "tasks", required: all) { readTask($0, $1) }
        let organization =
            inherited(top, "organization", base, \.organization) ?? readList(top, "organization") { readResponsibility($0, $1) }
        let areas = inherited(top, "areas", base, \.areas) ?? readList(top, "areas", required: all) { readArea($0, $1) }
        let reporting =
            inherited(top, "reporting", base, \.reporting) ?? top.mapping("reporting", required: all).flatMap { readReporting($0) }
        let planClosing =
            inherited(top, "closing", base, \.planClosing) ?? top.mapping("closing", required: false).flatMap { readClosing($0) }
        let rules = inherited(top, "rules", base, \.rules) ?? readList(top, "rules") { readRule($0, $1) }
        references += inheritedReferences(top, base)
        top.finish()

        guard let identity, let reporting else { return nil }
        var plan = Plan(
            file: root.file, identity: identity, units: units, purposes: purposes, requirements: requirements,
            tasks: tasks, organization: organization, areas: areas.sorted { $0.order < $1.order },
            reporting: reporting, planClosing: planClosing)
        plan.bases = baseFiles(base)
        plan.rules = rules
        plan.reindex()
        PlanChecker(plan: plan, plugins: plugins, references: references, bag: bag).check()
        return plan
    }

    /// Reads a list of mappings; each element is read by `body` with its index.
    func readList<T>(_ m: YMapping, _ key: String, required: Bool = false, _ body: (YMapping, Int) -> T?) -> [T] {
        guard let items = m.list(key, required: required) else { return [] }
        if required && items.isEmpty {
            m.bag.error(m.keyLocation(key) ?? m.location, "\(key): danh sách không được rỗng (the list must not be empty)")
        }
        return items.enumerated().compactMap { index, node in
            guard let element = node.mapping(m.bag, what: "\(m.what(key))[\(index + 1)]") else { return nil }
            defer { element.finish() }
            return body(element, index)
        }
    }

    private func readIdentity(_ m: YMapping) -> PlanIdentity? {
        let title = m.string("title")
        let year = m.int("year")
        let number = m.string("number", required: false)
        let date = m.date("date", required: false)
        let basis = m.mapping("basis").flatMap { b -> Decision? in
            defer { b.finish() }
            let kind = b.string("kind")
            let number = b.string("number")
            let date = b.date("date")
            let issuer = b.string("issuer")
            let subject = b.string("subject")
            guard let kind, let number, let date, let issuer, let subject else { return nil }
            return Decision(kind: kind, number: number, date: date, issuer: issuer, subject: subject)
        }
        let parent = m.string("parent_body")
        let issuing = m.string("issuing_body")
        let issuingName = m.string("issuing_body_name")
        let place = m.string("place")
        let code = m.string("document_code")
        if let year, !(2000...2100).contains(year), let at = m.value("year")?.location {
            m.bag.error(at, "plan.year: năm \(year) ngoài khoảng 2000–2100 (expected a year between 2000 and 2100)")
        }
        if let code, let at = m.value("document_code")?.location,
            code.contains(" ") || !code.contains("-")
        {
            m.bag.error(at, "plan.document_code: '\(code)' không đúng dạng 'BC-VPUBND' (type and body codes joined by '-', no spaces)")
        }
        m.finish()
        guard let title, let year, let basis, let parent, let issuing, let issuingName, let place, let code else {
            return nil
        }
        return PlanIdentity(
            title: title, year: year, number: number, date: date, basis: basis, parentBody: parent,
            issuingBody: issuing, issuingBodyName: issuingName, place: place, documentCode: code, location: m.location)
    }

    private func readUnit(_ m: YMapping, _ index: Int) -> PlanUnit? {
        let id = m.string("id")
        let name = m.string("name")
        let short = m.string("short_name", required: false)
        let kindText = m.choice("kind", PlanUnit.Kind.allCases.map(\.rawValue), required: false)
        let kind = kindText.flatMap(PlanUnit.Kind.init(rawValue:)) ?? .division
        let submits = m.bool("submits_data")
        // An entity with an id is kept even when another field is wrong, so that references to
        // it do not add errors of their own (the plan is rejected anyway).
        guard let id else { return nil }
        return PlanUnit(
            id: id, name: name ?? id, shortName: short ?? name ?? id, kind: kind, submitsData: submits ?? (kind == .division),
            location: m.value("id")?.location ?? m.location)
    }

    private func readNumbered(_ m: YMapping, _ index: Int, _ list: String) -> NumberedText? {
        let number = m.string("number")
        let text = m.string("text")
        let assessment = m.string("assessment", required: false)
        let indicators = refs(m, "indicators", .indicator)
        guard let number, let text else { return nil }
        return NumberedText(
            number: number, text: text, location: m.value("number")?.location ?? m.location, assessment: assessment,
            indicators: indicators)
    }

    private func readTask(_ m: YMapping, _ index: Int) -> PlanTask? {
        let number = m.string("number")
        let title = m.string("title")
        let shortTitle = m.string("short_title", required: false)
        let content = m.strings("content") ?? []
        let timeline = m.string("timeline")
        let kind = m.choice("timeline_kind", PlanTask.TimelineKind.allCases.map(\.rawValue))
            .flatMap(PlanTask.TimelineKind.init(rawValue:))
        let lead = refs(m, "lead", .unit, required: true)
        let coordinating = refs(m, "coordinating", .unit)
        let areas = refs(m, "areas", .area)
        let indicators = refs(m, "indicators", .indicator)
        guard let number, let title, let timeline, let kind else { return nil }
        return PlanTask(
            number: number, title: title, content: content, timeline: timeline, timelineKind: kind, lead: lead,
            coordinating: coordinating, areas: areas, indicators: indicators,
            location: m.value("number")?.location ?? m.location, shortTitle: shortTitle)
    }

    private func readResponsibility(_ m: YMapping, _ index: Int) -> Responsibility? {
        let number = m.string("number")
        let units = refs(m, "units", .unit, required: true)
        let duties = m.strings("duties", required: true) ?? []
        guard let number else { return nil }
        return Responsibility(number: number, units: units, duties: duties, location: m.value("number")?.location ?? m.location)
    }

    private func readArea(_ m: YMapping, _ index: Int) -> ContentArea? {
        let id = m.string("id")
        let title = m.string("title")
        let plugin = refs(m, "plugin", .plugin, required: true).first
        let order = m.int("order", required: false)
        let indicators = readList(m, "indicators") { readIndicator($0, $1) }
        let template = m.string("template", required: false)
        let templatePlacement = template == nil ? nil : m.value("template").map { placement(of: $0) }
        var options: [String: OptionValue] = [:]
        var optionLocations: [String: SourceLocation] = [:]
        if let o = m.mapping("options", required: false) {
            for (key, node) in o.keyedValues() {
                optionLocations[key] = o.keyLocation(key)
                if let list = node.elements {
                    options[key] = .list(list.compactMap { $0.string(m.bag, what: "\(o.context).\(key)") })
                } else if let number = node.numberValue {
                    options[key] = .number(number)
                } else if case .scalar(let s) = node.node, s.style == .plain, ["true", "false"].contains(s.string) {
                    options[key] = .flag(s.string == "true")
                } else if let text = node.string(m.bag, what: "\(o.context).\(key)") {
                    options[key] = .text(text)
                }
            }
            o.finish()
        }
        guard let id else { return nil }
        return ContentArea(
            id: id, title: title ?? id, plugin: plugin ?? "", order: order ?? (index + 1) * 10, indicators: indicators,
            options: options, template: template, location: m.value("id")?.location ?? m.location,
            templatePlacement: templatePlacement, optionLocations: optionLocations)
    }

    /// Where a text value is: for a literal block scalar (`|`) the line its text starts on and its
    /// indentation, read from the plan's text (only for such values, which are rare).
    private func placement(of node: YNode) -> TextPlacement {
        let location = node.location
        guard case .scalar(let s) = node.node, s.style == .literal, let lines = sourceLines else {
            return TextPlacement(location: location)
        }
        // The text starts on the line after the `|`; its indentation is that of its first line
        // that is not blank (YAML's rule when no indentation indicator is given).
        let first = location.line + 1
        guard first >= 1, first <= lines.count,
            let content = lines[(first - 1)...].first(where: { !$0.allSatisfy { $0 == " " } })
        else { return TextPlacement(location: location) }
        let indentation = content.prefix { $0 == " " }.count
        return TextPlacement(location: location, firstLine: first, indentation: indentation)
    }

    /// The plan's lines, read once when a value needs them.
    private lazy var sourceLines: [Substring]? = {
        let text = self.text ?? path.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
        return text.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 } }
    }()

    private func readIndicator(_ m: YMapping, _ index: Int) -> Indicator? {
        let id = m.string("id")
        let label = m.string("label")
        let measure = m.string("measure")
        let kind = m.choice("kind", Indicator.Kind.allCases.map(\.rawValue)).flatMap(Indicator.Kind.init(rawValue:))
        let aggregation = m.choice("aggregate", Indicator.Aggregation.allCases.map(\.rawValue), required: false)
            .flatMap(Indicator.Aggregation.init(rawValue:))
        let definition = m.string("definition", required: false)
        var numerator: [String] = []
        var denominator: [String] = []
        if let ratio = m.mapping("ratio_of", required: false) {
            numerator = refs(ratio, "numerator", .indicator, required: true)
            denominator = refs(ratio, "denominator", .indicator, required: true)
            ratio.finish()
        }
        let wholes = refs(m, "part_of", .indicator)
        if wholes.count > 1 {
            bag.error(
                m.value("part_of")?.location ?? m.location,
                "\(m.context).part_of: chỉ ghi một chỉ tiêu tổng, gặp \(wholes.count) (expected one indicator id)")
        }
        let partOf = wholes.first
        let scaleMax = m.number("scale_max", required: false)
        var target: Target?
        if let t = m.mapping("target", required: false) {
            let atLeast = t.number("at_least", required: false)
            let atMost = t.number("at_most", required: false)
            let basis = t.string("basis", required: false)
            if (atLeast == nil) == (atMost == nil) {
                t.bag.error(t.location, "\(t.context): cần đúng một trong 'at_least' hoặc 'at_most' (expected exactly one bound)")
            } else if let v = atLeast {
                target = Target(comparison: .atLeast, value: v, basis: basis)
            } else if let v = atMost {
                target = Target(comparison: .atMost, value: v, basis: basis)
            }
            t.finish()
        }
        let monthly = m.bool("monthly") ?? false
        let reportedBy = refs(m, "reported_by", .unit)
        let outliers = readOutlierSetting(m)
        guard let id else { return nil }
        let defaultAggregation: Indicator.Aggregation = (kind ?? .count) == .count ? .sum : .latest
        return Indicator(
            id: id, label: label ?? id, measure: measure ?? "", kind: kind ?? .count, aggregation: aggregation ?? defaultAggregation,
            definition: definition, numerator: numerator, denominator: denominator, partOf: partOf,
            scaleMax: scaleMax, target: target, monthly: monthly, reportedBy: reportedBy,
            location: m.value("id")?.location ?? m.location, outliers: outliers)
    }

    private func readReporting(_ m: YMapping) -> Reporting? {
        let periods = readList(m, "periods", required: true) { p, _ -> ReportedPeriod? in
            let kind = p.string("kind")
            var window: MonthDayWindow?
            if let w = p.mapping("window", required: false) {
                let from = monthDay(w, "from")
                let to = monthDay(w, "to")
                if let from, let to { window = MonthDayWindow(from: from, to: to) }
                w.finish()
            }
            let deadline = monthDay(p, "deadline", required: false)
            guard let kind else { return nil }
            let at = p.value("kind")?.location ?? p.location
            if Period(kindCode: kind, year: 2026) == nil {
                p.bag.error(at, "\(p.context).kind: '\(kind)' không phải kỳ báo cáo; cần Q1–Q4, H1, H2, 9M, year hoặc M01–M12")
                return nil
            }
            return ReportedPeriod(kind: kind, window: window, deadline: deadline, location: at)
        }
        let subject = m.string("subject")
        let addressees = m.strings("addressees", required: true) ?? []
        let recipients = m.strings("recipients", required: true) ?? []
        let drafting = m.string("drafting_unit")
        let signer = m.mapping("signer").flatMap { readSigner($0) }
        m.finish()
        guard let subject, let drafting, let signer else { return nil }
        return Reporting(
            periods: periods, subject: subject, addressees: addressees, recipients: recipients,
            draftingUnit: drafting, signer: signer)
    }

    private func monthDay(_ m: YMapping, _ key: String, required: Bool = true) -> MonthDay? {
        guard let node = m.require(key, required: required), let text = node.string(m.bag, what: "\(m.context).\(key)")
        else { return nil }
        guard let md = MonthDay(text) else {
            m.bag.error(node.location, "\(m.context).\(key): cần tháng-ngày dạng MM-DD, gặp '\(text)' (expected MM-DD)")
            return nil
        }
        return md
    }

    private func readSigner(_ m: YMapping) -> PlanSigner? {
        let authority = m.string("authority", required: false)
        let title = m.string("title")
        let name = m.string("name")
        m.finish()
        guard let title, let name else { return nil }
        return PlanSigner(authority: authority, title: title, name: name)
    }

    private func readClosing(_ m: YMapping) -> PlanClosing? {
        let recipients = m.strings("recipients", required: true) ?? []
        let signer = m.mapping("signer").flatMap { readSigner($0) }
        m.finish()
        guard let signer else { return nil }
        return PlanClosing(recipients: recipients, signer: signer)
    }
}
