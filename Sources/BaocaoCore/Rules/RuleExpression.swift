/// An arithmetic expression over indicator ids, as a plan's `rules:` write them:
/// `hs_ky_truoc + hs_moi_truc_tuyen`, `(a - b) / c * 100`, `2 * x`.
///
/// Grammar (offsets count Unicode scalars from the start of the text):
///
///     expression := term (("+" | "-" | "−") term)*
///     term       := factor (("*" | "×" | "/" | "÷") factor)*
///     factor     := number | indicator | "(" expression ")" | ("-" | "−") factor
///     number     := digit+ ("." digit+)?
///     indicator  := letter (letter | digit | "_")*
public indirect enum RuleExpression: Sendable, Equatable, CustomStringConvertible {
    case number(Double, offset: Int)
    case indicator(String, offset: Int)
    case negate(RuleExpression, offset: Int)
    /// `offset` is where the operator is written.
    case binary(Operator, RuleExpression, RuleExpression, offset: Int)

    public enum Operator: String, Sendable, CaseIterable {
        case add = "+"
        case subtract = "-"
        case multiply = "*"
        case divide = "/"
    }

    /// The longest expression text read, in Unicode scalars, and the deepest nesting.
    public static let maximumLength = 4_000
    public static let maximumDepth = 64

    /// A problem in an expression's text, at a scalar offset.
    public struct ParseError: Error, Sendable, Equatable {
        public var offset: Int
        public var message: String
    }

    /// The indicator ids the expression names, in order, each once.
    public var indicators: [String] {
        var seen: [String] = []
        walk { if case .indicator(let id, _) = $0, !seen.contains(id) { seen.append(id) } }
        return seen
    }

    /// Every indicator occurrence with its sign in the sum the expression stands for: a term
    /// subtracted or divided by counts against it (−1), one added or multiplied for it (+1).
    public var signedIndicators: [(id: String, sign: Int)] {
        var out: [(String, Int)] = []
        func visit(_ e: RuleExpression, _ sign: Int) {
            switch e {
            case .number: break
            case .indicator(let id, _): out.append((id, sign))
            case .negate(let inner, _): visit(inner, -sign)
            case .binary(let op, let l, let r, _):
                visit(l, sign)
                visit(r, op == .subtract || op == .divide ? -sign : sign)
            }
        }
        visit(self, 1)
        return out
    }

    func walk(_ body: (RuleExpression) -> Void) {
        body(self)
        switch self {
        case .number, .indicator: break
        case .negate(let inner, _): inner.walk(body)
        case .binary(_, let l, let r, _):
            l.walk(body)
            r.walk(body)
        }
    }

    public var offset: Int {
        switch self {
        case .number(_, let o), .indicator(_, let o), .negate(_, let o): return o
        case .binary(_, let l, _, _): return l.offset
        }
    }

    /// The expression written back with every operation in parentheses (for tests and messages).
    public var description: String {
        switch self {
        case .number(let n, _):
            return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .indicator(let id, _): return id
        case .negate(let inner, _): return "(-\(inner))"
        case .binary(let op, let l, let r, _): return "(\(l) \(op.rawValue) \(r))"
        }
    }

    // MARK: Parsing

    /// Parses `text`; the first problem is thrown with its offset.
    public static func parse(_ text: String) throws(ParseError) -> RuleExpression {
        let scalars = Array(text.unicodeScalars)
        if scalars.count > maximumLength {
            throw ParseError(
                offset: 0, message: "biểu thức quá dài: \(scalars.count) ký tự, giới hạn \(maximumLength) (expression too long)")
        }
        var parser = Parser(scalars: scalars, tokens: try tokenize(scalars))
        let expression = try parser.expression(depth: 0)
        if let extra = parser.peek {
            throw ParseError(
                offset: extra.offset, message: "thừa '\(extra.text)' sau biểu thức; thiếu phép toán? (unexpected '\(extra.text)')")
        }
        return expression
    }

    struct Token: Equatable {
        enum Kind: Equatable {
            case number(Double)
            case identifier(String)
            case op(Character)
            case open, close
        }
        var kind: Kind
        var offset: Int
        var text: String
    }

    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool { s == "_" || s.properties.isAlphabetic }
    static func isIdentifierPart(_ s: Unicode.Scalar) -> Bool {
        isIdentifierStart(s) || ("0"..."9").contains(s) || s.properties.generalCategory == .nonspacingMark
    }

    static func tokenize(_ s: [Unicode.Scalar]) throws(ParseError) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace {
                i += 1
                continue
            }
            let start = i
            if ("0"..."9").contains(c) {
                while i < s.count, ("0"..."9").contains(s[i]) || s[i] == "." { i += 1 }
                let text = String(String.UnicodeScalarView(s[start..<i]))
                if DataLoader.hasThousandsSeparators(text) {
                    throw ParseError(
                        offset: start,
                        message:
                            "'\(text)' có dấu chấm phân cách hàng nghìn; viết số liền: \(text.replacingOccurrences(of: ".", with: "")) (write numbers without separators)"
                    )
                }
                guard text.utf8.filter({ $0 == UInt8(ascii: ".") }).count <= 1, text.last != ".", let value = Double(text),
                    value.isFinite
                else {
                    throw ParseError(offset: start, message: "'\(text)' không phải một số (expected a number such as 12 or 0.5)")
                }
                if i < s.count, isIdentifierStart(s[i]) {
                    throw ParseError(
                        offset: i, message: "thiếu phép toán giữa '\(text)' và '\(Character(s[i]))' (missing operator; write 2 * x)")
                }
                tokens.append(Token(kind: .number(value), offset: start, text: text))
                continue
            }
            if isIdentifierStart(c) {
                while i < s.count, isIdentifierPart(s[i]) { i += 1 }
                let text = String(String.UnicodeScalarView(s[start..<i]))
                tokens.append(Token(kind: .identifier(text), offset: start, text: text))
                continue
            }
            i += 1
            switch c {
            case "+": tokens.append(Token(kind: .op("+"), offset: start, text: "+"))
            case "-", "\u{2212}": tokens.append(Token(kind: .op("-"), offset: start, text: String(Character(c))))
            case "*", "×": tokens.append(Token(kind: .op("*"), offset: start, text: String(Character(c))))
            case "/", "÷": tokens.append(Token(kind: .op("/"), offset: start, text: String(Character(c))))
            case "(": tokens.append(Token(kind: .open, offset: start, text: "("))
            case ")": tokens.append(Token(kind: .close, offset: start, text: ")"))
            default:
                let shown = c.properties.isWhitespace || c.value < 0x20 ? "U+\(String(c.value, radix: 16, uppercase: true))" : String(c)
                var message = "ký tự không dùng được trong biểu thức: '\(shown)'; chỉ dùng mã chỉ tiêu, số, + - * / và ngoặc đơn"
                if c == "," { message += "; số thập phân viết bằng dấu chấm: 0.5" }
                if c == "=" || c == "<" || c == ">" || c == "!" { message += "; phép so sánh ghi ở khóa 'operator'" }
                throw ParseError(offset: start, message: message + " (unexpected character)")
            }
        }
        return tokens
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        let tokens: [Token]
        var position = 0

        var peek: Token? { position < tokens.count ? tokens[position] : nil }
        var end: Int { scalars.count }

        mutating func expression(depth: Int) throws(ParseError) -> RuleExpression {
            var left = try term(depth: depth)
            while let t = peek, case .op(let c) = t.kind, c == "+" || c == "-" {
                position += 1
                let right = try term(depth: depth)
                left = .binary(c == "+" ? .add : .subtract, left, right, offset: t.offset)
            }
            return left
        }

        mutating func term(depth: Int) throws(ParseError) -> RuleExpression {
            var left = try factor(depth: depth)
            while let t = peek, case .op(let c) = t.kind, c == "*" || c == "/" {
                position += 1
                let right = try factor(depth: depth)
                left = .binary(c == "*" ? .multiply : .divide, left, right, offset: t.offset)
            }
            return left
        }

        mutating func factor(depth: Int) throws(ParseError) -> RuleExpression {
            guard depth < RuleExpression.maximumDepth else {
                throw ParseError(
                    offset: peek?.offset ?? end,
                    message: "biểu thức lồng quá sâu (quá \(RuleExpression.maximumDepth) mức) (expression nested too deeply)")
            }
            guard let t = peek else {
                throw ParseError(offset: end, message: "biểu thức thiếu số hoặc mã chỉ tiêu ở cuối (expression ends too early)")
            }
            position += 1
            switch t.kind {
            case .number(let n): return .number(n, offset: t.offset)
            case .identifier(let id): return .indicator(id, offset: t.offset)
            case .op("-"): return .negate(try factor(depth: depth + 1), offset: t.offset)
            case .open:
                let inner = try expression(depth: depth + 1)
                guard let close = peek, close.kind == .close else {
                    throw ParseError(offset: peek?.offset ?? end, message: "thiếu ')' cho '(' ở ký tự \(t.offset + 1) (missing ')')")
                }
                position += 1
                return inner
            case .close:
                throw ParseError(offset: t.offset, message: "thừa ')' hoặc thiếu số trước ')' (unexpected ')')")
            case .op:
                throw ParseError(
                    offset: t.offset, message: "cần số hoặc mã chỉ tiêu trước phép toán '\(t.text)' (expected a value before '\(t.text)')")
            }
        }
    }

    // MARK: Evaluation

    /// The outcome of evaluating an expression on one unit's (or the totals') figures.
    public enum Evaluation: Sendable, Equatable {
        case value(Double)
        /// An indicator has no value in the scope: the rule cannot be checked there.
        case missing(String)
        /// A divisor is zero; `divisor` is the divisor's expression.
        case divisionByZero(divisor: RuleExpression)
    }

    /// Evaluates with `value` giving each indicator's number (nil when it has none).
    public func evaluate(_ value: (String) -> Double?) -> Evaluation {
        switch self {
        case .number(let n, _): return .value(n)
        case .indicator(let id, _):
            guard let v = value(id) else { return .missing(id) }
            return .value(v)
        case .negate(let inner, _):
            guard case .value(let v) = inner.evaluate(value) else { return inner.evaluate(value) }
            return .value(-v)
        case .binary(let op, let l, let r, _):
            let left = l.evaluate(value)
            guard case .value(let a) = left else { return left }
            let right = r.evaluate(value)
            guard case .value(let b) = right else { return right }
            switch op {
            case .add: return .value(a + b)
            case .subtract: return .value(a - b)
            case .multiply: return .value(a * b)
            case .divide:
                guard b != 0 else { return .divisionByZero(divisor: r) }
                return .value(a / b)
            }
        }
    }

    /// The value of an expression without indicators, or nil.
    public var constantValue: Double? {
        guard indicators.isEmpty, case .value(let v) = evaluate({ _ in nil }) else { return nil }
        return v
    }
}

/// The type of a rule expression: a quantity's dimension, from the indicators' kinds.
///
/// A count (`kind: count`) has dimension count; a score, score; a rank, rank. A percent is a
/// ratio (dimensionless), as is a count divided by a count. Sums, differences and comparisons
/// need equal dimensions; products and quotients add and subtract them. A constant takes the
/// dimension of what it meets (`x + 1`, `ty_le >= 90`).
public enum RuleType: Sendable, Equatable, CustomStringConvertible {
    case constant
    case quantity(count: Int, score: Int, rank: Int)

    public static let ratio = RuleType.quantity(count: 0, score: 0, rank: 0)

    static func of(_ kind: Indicator.Kind) -> RuleType? {
        switch kind {
        case .count: return .quantity(count: 1, score: 0, rank: 0)
        case .score: return .quantity(count: 0, score: 1, rank: 0)
        case .rank: return .quantity(count: 0, score: 0, rank: 1)
        case .percent: return .ratio
        case .text: return nil
        }
    }

    func combined(_ other: RuleType, _ sign: Int) -> RuleType {
        switch (self, other) {
        case (.constant, .constant): return .constant
        case (.constant, .quantity(let c, let s, let r)): return .quantity(count: sign * c, score: sign * s, rank: sign * r)
        case (.quantity, .constant): return self
        case (.quantity(let c1, let s1, let r1), .quantity(let c2, let s2, let r2)):
            return .quantity(count: c1 + sign * c2, score: s1 + sign * s2, rank: r1 + sign * r2)
        }
    }

    /// Whether values of the two types may be added or compared.
    func agrees(with other: RuleType) -> Bool { self == .constant || other == .constant || self == other }

    public var description: String {
        switch self {
        case .constant: return "hằng số (constant)"
        case .quantity(let c, let s, let r):
            if c == 0 && s == 0 && r == 0 { return "tỷ lệ, không thứ nguyên (ratio or percent)" }
            var parts: [String] = []
            for (name, power) in [("số đếm", c), ("điểm", s), ("thứ hạng", r)] where power != 0 {
                parts.append(power == 1 ? name : "\(name)^\(power)")
            }
            let english = [("count", c), ("score", s), ("rank", r)].filter { $0.1 != 0 }
                .map { $0.1 == 1 ? $0.0 : "\($0.0)^\($0.1)" }.joined(separator: "·")
            return parts.joined(separator: " · ") + " (\(english))"
        }
    }
}

extension RuleExpression {
    /// A problem found while typing an expression against a plan, at a scalar offset.
    public struct TypeProblem: Sendable, Equatable {
        public var offset: Int
        public var message: String
    }

    /// The expression's type, or the problems that keep it from having one: unknown indicators
    /// (with "did you mean"), text indicators, sums of different dimensions, division by a
    /// constant zero.
    public func type(in plan: Plan) -> (type: RuleType?, problems: [TypeProblem]) {
        var problems: [TypeProblem] = []
        let ids = plan.indicators.map(\.id)
        func visit(_ e: RuleExpression) -> RuleType? {
            switch e {
            case .number: return .constant
            case .indicator(let id, let offset):
                guard let indicator = plan.indicator(id) else {
                    var message = "không có chỉ tiêu '\(id)' trong kế hoạch"
                    if let near = YMapping.nearest(id, in: ids) { message += "; có phải là '\(near)'? (did you mean '\(near)'?)" }
                    problems.append(TypeProblem(offset: offset, message: message + " (unknown indicator)"))
                    return nil
                }
                guard let t = RuleType.of(indicator.kind) else {
                    problems.append(
                        TypeProblem(
                            offset: offset, message: "chỉ tiêu '\(id)' là văn bản (kind: text), không tính toán được (a text indicator)"))
                    return nil
                }
                return t
            case .negate(let inner, _): return visit(inner)
            case .binary(let op, let l, let r, let offset):
                let a = visit(l)
                let b = visit(r)
                if op == .divide, let zero = r.constantValue, zero == 0 {
                    problems.append(TypeProblem(offset: offset, message: "chia cho 0 (division by zero)"))
                }
                guard let a, let b else { return nil }
                switch op {
                case .add, .subtract:
                    guard a.agrees(with: b) else {
                        problems.append(
                            TypeProblem(
                                offset: offset,
                                message:
                                    "không \(op == .add ? "cộng" : "trừ") được \(a) với \(b) (type mismatch: '\(op.rawValue)' needs values of one kind)"
                            ))
                        return nil
                    }
                    return a == .constant ? b : a
                case .multiply: return a.combined(b, 1)
                case .divide: return a.combined(b, -1)
                }
            }
        }
        let t = visit(self)
        return (problems.isEmpty ? t : nil, problems)
    }
}
