import Yams

// Reading `rules:` (Plans/README.md §2.10). The expressions' syntax is checked here, located
// at the character; their indicators and types once the whole plan is read (`PlanChecker`).

extension PlanReader {
    func readRule(_ m: YMapping, _ index: Int) -> Rule? {
        let id = m.string("id")
        let left = readSide(m, "left")
        let comparisonText = readOperator(m)
        let right = readSide(m, "right")
        let severity = m.choice("severity", ["error", "warning"]).flatMap(Diagnostic.Severity.init(rawValue:))
        let message = m.string("message")
        let unitRefs = m.locatedStrings("units")
        references += unitRefs.map { PlanReference(kind: .unit, id: $0.text, location: $0.location, context: "\(m.context).units") }
        var periods: [String] = []
        for (kind, location) in m.locatedStrings("periods") {
            if Period(kindCode: kind, year: 2026) == nil {
                bag.error(location, "\(m.context).periods: '\(kind)' không phải loại kỳ; cần Q1–Q4, H1, H2, 9M, year hoặc M01–M12")
            } else {
                periods.append(kind)
            }
        }
        guard let id, let left, let comparisonText, let right, let severity, let message,
            let comparison = Rule.Comparison(rawValue: comparisonText)
        else { return nil }
        return Rule(
            id: id, left: left, comparison: comparison, right: right, severity: severity, message: message,
            units: unitRefs.map(\.text), periods: periods, location: m.value("id")?.location ?? m.location)
    }

    /// The operator; `!=` written without quotes reads as a YAML tag and is pointed out.
    private func readOperator(_ m: YMapping) -> String? {
        let allowed = Rule.Comparison.allCases.map(\.rawValue)
        if let node = m.value("operator"), case .scalar(let s) = node.node, s.string.isEmpty, s.style == .plain,
            s.tag.rawValue.hasPrefix("!")
        {
            bag.error(
                node.location,
                "\(m.context).operator: '\(s.tag.rawValue)' phải đặt trong ngoặc kép: operator: \"\(s.tag.rawValue)\" (YAML reads an unquoted '!' as a tag)"
            )
            return nil
        }
        return m.choice("operator", allowed)
    }

    /// One side of a rule, parsed; a syntax error is located at its character.
    private func readSide(_ m: YMapping, _ key: String) -> RuleSide? {
        guard let node = m.require(key) else { return nil }
        guard let text = node.string(bag, what: "\(m.context).\(key)"), case .scalar(let scalar) = node.node else { return nil }
        let position = Self.position(of: scalar, at: node.location)
        do {
            let expression = try RuleExpression.parse(text)
            return RuleSide(text: text, expression: expression, position: position)
        } catch {
            bag.error(position.location(atOffset: error.offset), "\(m.context).\(key): \(error.message)")
            return nil
        }
    }

    static func position(of scalar: Node.Scalar, at location: SourceLocation) -> ScalarPosition {
        let oneLine = !scalar.string.contains("\n")
        switch scalar.style {
        case .plain: return ScalarPosition(location: location, style: .plain, exact: oneLine)
        case .singleQuoted: return ScalarPosition(location: location, style: .quoted, exact: oneLine && !scalar.string.contains("'"))
        case .doubleQuoted:
            return ScalarPosition(location: location, style: .quoted, exact: oneLine && !scalar.string.contains("\\"))
        default: return ScalarPosition(location: location, style: .other, exact: false)
        }
    }
}

extension PlanChecker {
    /// Rule ids are unique; every indicator a rule names exists and is not text; the two
    /// sides of a rule, and the terms of each sum, are of one kind.
    func checkRules() {
        duplicates(plan.rules.map { ($0.id, $0.location) }, "quy tắc (rule)")
        for (index, rule) in plan.rules.enumerated() {
            let context = "rules[\(index + 1)] '\(rule.id)'"
            let left = rule.left.expression.type(in: plan)
            let right = rule.right.expression.type(in: plan)
            for (side, typed, key) in [(rule.left, left, "left"), (rule.right, right, "right")] {
                for problem in typed.problems {
                    bag.error(side.position.location(atOffset: problem.offset), "\(context).\(key): \(problem.message)")
                }
            }
            if let l = left.type, let r = right.type {
                if !l.agrees(with: r) {
                    bag.error(
                        rule.right.position.location,
                        "\(context): không so sánh được vế trái (\(l)) với vế phải (\(r)) (type mismatch between the two sides)")
                } else if l == .constant, r == .constant {
                    bag.error(
                        rule.left.position.location,
                        "\(context): hai vế đều là hằng số, quy tắc không kiểm tra chỉ tiêu nào (a rule must name an indicator)")
                }
            }
        }
    }
}

extension PlanReader {
    /// `outliers: false`, `outliers: true` or `outliers: {threshold: 8}` on an indicator.
    func readOutlierSetting(_ m: YMapping) -> OutlierSetting {
        guard let node = m.require("outliers", required: false) else { return .standard }
        if case .mapping = node.node, let o = node.mapping(bag, what: "\(m.context).outliers") {
            defer { o.finish() }
            guard let t = o.number("threshold") else { return .standard }
            guard t > 0 else {
                bag.error(o.value("threshold")?.location ?? o.location, "\(m.context).outliers.threshold: cần một số lớn hơn 0")
                return .standard
            }
            return .threshold(t)
        }
        return node.bool(bag, what: "\(m.context).outliers") == false ? .off : .standard
    }
}
