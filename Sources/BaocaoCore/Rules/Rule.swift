/// A validation rule a plan declares (`rules:`): `left operator right` over indicator ids,
/// checked on every unit's figures, on the totals and on every period built from quarters.
/// See `Plans/README.md` §2.10.
public struct Rule: Sendable {
    public enum Comparison: String, Sendable, CaseIterable {
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="

        /// Whether `a op b` holds; equality allows for the rounding of decimal sums.
        public func holds(_ a: Double, _ b: Double) -> Bool {
            let tolerance = 1e-9 * max(1, abs(a), abs(b))
            switch self {
            case .equal: return abs(a - b) <= tolerance
            case .notEqual: return abs(a - b) > tolerance
            case .less: return a < b - tolerance
            case .lessOrEqual: return a <= b + tolerance
            case .greater: return a > b + tolerance
            case .greaterOrEqual: return a >= b - tolerance
            }
        }

        /// The sign printed when the rule fails ("3 ≠ 4" for a failed `==`).
        var failedSign: String {
            switch self {
            case .equal: return "≠"
            case .notEqual: return "="
            case .less: return "≥"
            case .lessOrEqual: return ">"
            case .greater: return "≤"
            case .greaterOrEqual: return "<"
            }
        }
    }

    public var id: String
    public var left: RuleSide
    public var comparison: Comparison
    public var right: RuleSide
    public var severity: Diagnostic.Severity
    /// The Vietnamese message the officer reads when the rule fails.
    public var message: String
    /// The units whose figures it applies to; empty means every unit and the totals.
    public var units: [String]
    /// The period kinds it applies to ("Q1", "H1", "year", "M03"); empty means all.
    public var periods: [String]
    public var location: SourceLocation

    public init(
        id: String, left: RuleSide, comparison: Comparison, right: RuleSide, severity: Diagnostic.Severity, message: String,
        units: [String] = [], periods: [String] = [], location: SourceLocation
    ) {
        self.id = id
        self.left = left
        self.comparison = comparison
        self.right = right
        self.severity = severity
        self.message = message
        self.units = units
        self.periods = periods
        self.location = location
    }

    /// Whether the rule applies to figures of `period`.
    public func applies(to period: Period) -> Bool { periods.isEmpty || periods.contains(period.kindCode) }
}

/// One side of a rule: its text as written, the parsed expression and where the text is.
public struct RuleSide: Sendable {
    public var text: String
    public var expression: RuleExpression
    public var position: ScalarPosition

    public init(text: String, expression: RuleExpression, position: ScalarPosition) {
        self.text = text
        self.expression = expression
        self.position = position
    }
}

/// Where a YAML scalar's text is, to locate a character of it: exact for a scalar on one line
/// (plain or quoted without escapes), the scalar's start otherwise.
public struct ScalarPosition: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        case plain, quoted, other
    }

    public var location: SourceLocation
    public var style: Style
    /// Whether the offsets of the text map onto the file's columns one to one.
    public var exact: Bool

    public init(location: SourceLocation, style: Style, exact: Bool) {
        self.location = location
        self.style = style
        self.exact = exact
    }

    /// The location of the scalar offset `offset` of the text.
    public func location(atOffset offset: Int) -> SourceLocation {
        guard exact, location.line > 0 else { return location }
        var at = location
        at.column += offset + (style == .quoted ? 1 : 0)
        return at
    }
}
