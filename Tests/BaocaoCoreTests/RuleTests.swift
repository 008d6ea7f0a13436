import BaocaoCore
import Foundation
import PropertyBased
import Testing

/// The minimal plan with `rules:` appended (its lines follow the plan's; see `ruleLine`).
func planWithRules(_ rules: String) -> String { minimalPlan + "\nrules:\n" + rules }

/// The line of the appended rules' first line in `planWithRules`.
let ruleLine = minimalPlan.split(separator: "\n", omittingEmptySubsequences: false).count + 2

/// A rule of the minimal plan, as YAML list item lines.
func rule(
    _ id: String = "r", left: String, op: String, right: String, severity: String = "error", extra: String = ""
) -> String {
    """
      - id: \(id)
        left: \(left)
        operator: "\(op)"
        right: \(right)
        severity: \(severity)
        message: Thông điệp \(id)
    \(extra)
    """
}

/// A unit file of the minimal plan.
func unitFile(_ period: String, _ figures: [(String, Double)], unit: String = "a") -> String {
    "unit: \(unit)\nperiod: \(period)\nfigures:\n" + figures.map { "  \($0.0): \(Int($0.1))" }.joined(separator: "\n") + "\n"
}

/// Loads unit files (name → text) against `plan`; every file must load.
func submissions(_ plan: Plan, _ files: [(String, String)]) throws -> [Submission] {
    try files.map { name, text in
        let result = DataLoader(plan: plan).load(text: text, displayPath: name)
        guard let s = result.submissions.first, !result.diagnostics.contains(where: { $0.severity == .error }) else {
            throw PluginError("\(name): \(result.diagnostics)")
        }
        return s
    }
}

/// The rules' diagnostics over `periods` of the files.
func ruleDiagnostics(_ plan: Plan, _ files: [(String, String)], periods: [Period]) throws -> [Diagnostic] {
    let aggregator = Aggregator(plan: plan, submissions: try submissions(plan, files))
    return RuleChecker(plan: plan).check(periods: periods) { aggregator.data(for: $0).data }
}

@Suite("Rules in the plan: strict parsing with located errors")
struct RuleParsingTests {
    @Test("a valid rule loads with its parts")
    func loads() throws {
        let result = loadPlan(
            planWithRules(rule(left: "on_time + carried", op: "<=", right: "received * 2", extra: "    units: [a]\n    periods: [Q1, H1]")))
        let plan = try #require(result.plan, "\(result.diagnostics)")
        let r = try #require(plan.rules.first)
        #expect(r.id == "r")
        #expect(r.comparison == .lessOrEqual)
        #expect(r.left.expression.indicators == ["on_time", "carried"])
        #expect(r.units == ["a"])
        #expect(r.periods == ["Q1", "H1"])
        #expect(r.severity == .error)
    }

    @Test("an unknown indicator is located at its column with 'did you mean'")
    func unknownIndicator() {
        let result = loadPlan(planWithRules(rule(left: "on_time + recieved", op: "<=", right: "received")))
        #expect(result.plan == nil)
        // "    left: on_time + recieved": the value starts at column 11, the id 10 further on.
        let d = result.diagnostics.first { $0.message.contains("recieved") }
        #expect(d?.location == SourceLocation(file: "plan.yaml", line: ruleLine + 1, column: 21))
        #expect(d?.message.contains("có phải là 'received'?") == true)
    }

    @Test("a syntax error is located at its character, inside quotes too")
    func syntaxError() {
        let plain = loadPlan(planWithRules(rule(left: "(received + on_time", op: "<=", right: "received")))
        #expect(
            plain.diagnostics.contains { $0.message.contains("thiếu ')'") && $0.location.line == ruleLine + 1 && $0.location.column == 30 })
        let quoted = loadPlan(planWithRules(rule(left: "\"received + * 2\"", op: "<=", right: "received")))
        // The '*' is the 12th character of the text, after the opening quote at column 11.
        #expect(quoted.diagnostics.contains { $0.message.contains("'*'") && $0.location.column == 11 + 1 + 11 })
        let stray = loadPlan(planWithRules(rule(left: "received % 2", op: "<=", right: "received")))
        #expect(stray.diagnostics.contains { $0.message.contains("'%'") && $0.location.column == 20 })
    }

    @Test("a ratio against a count, a sum of a count and a score, are type errors")
    func typeMismatch() {
        let sides = loadPlan(planWithRules(rule(left: "on_time / received", op: ">=", right: "carried")))
        #expect(sides.plan == nil)
        #expect(sides.diagnostics.contains { $0.message.contains("type mismatch between the two sides") })
        let sum = loadPlan(planWithRules(rule(left: "received + score", op: ">=", right: "1")))
        #expect(sum.diagnostics.contains { $0.message.contains("không cộng được") && $0.location.column == 20 })
        // A percent is a ratio: it compares with a quotient of counts, and with a constant.
        let ok = loadPlan(planWithRules(rule(left: "rate", op: "<=", right: "on_time / received * 100")))
        #expect(ok.plan != nil, "\(ok.diagnostics)")
    }

    @Test("division by a constant zero, an unknown operator and severity, an unquoted != are located errors")
    func otherErrors() {
        let zero = loadPlan(planWithRules(rule(left: "received / (2 - 2)", op: ">=", right: "1")))
        #expect(zero.diagnostics.contains { $0.message.contains("chia cho 0") && $0.location.column == 20 })
        let op = loadPlan(planWithRules(rule(left: "received", op: "=<", right: "1")))
        #expect(op.diagnostics.contains { $0.message.contains("operator") && $0.location.line == ruleLine + 2 })
        let severity = loadPlan(planWithRules(rule(left: "received", op: "<=", right: "1", severity: "fatal")))
        #expect(severity.diagnostics.contains { $0.message.contains("severity") })
        let bang = loadPlan(planWithRules(rule(left: "received", op: "<=", right: "1").replacingOccurrences(of: "\"<=\"", with: "!=")))
        #expect(bang.diagnostics.contains { $0.message.contains("ngoặc kép") })
        let unit = loadPlan(planWithRules(rule(left: "received", op: "<=", right: "1", extra: "    units: [aa]")))
        #expect(unit.diagnostics.contains { $0.message.contains("'aa'") })
        let dup = loadPlan(
            planWithRules(rule(left: "received", op: "<=", right: "1") + "\n" + rule(left: "received", op: "<=", right: "2")))
        #expect(dup.diagnostics.contains { $0.message.contains("bị trùng") })
    }
}

@Suite("Rules on figures: every operator and severity, located at the figure")
struct RuleCheckTests {
    static let q1 = Period.quarter(1, 2026)

    func check(_ op: String, left: Double, right: Double, severity: String = "error") throws -> [Diagnostic] {
        let plan = try #require(loadPlan(planWithRules(rule(left: "received", op: op, right: "carried", severity: severity))).plan)
        return try ruleDiagnostics(plan, [("a.yaml", unitFile("2026-Q1", [("received", left), ("carried", right)]))], periods: [Self.q1])
    }

    @Test(
        "each operator holds and fails where it should",
        arguments: [
            ("==", 5.0, 5.0, true), ("==", 5, 6, false), ("!=", 5, 6, true), ("!=", 5, 5, false),
            ("<", 4, 5, true), ("<", 5, 5, false), ("<=", 5, 5, true), ("<=", 6, 5, false),
            (">", 6, 5, true), (">", 5, 5, false), (">=", 5, 5, true), (">=", 4, 5, false),
        ])
    func operators(op: String, left: Double, right: Double, holds: Bool) throws {
        let ds = try check(op, left: left, right: right)
        // A failure shows on the unit and, once only, not again on the totals.
        #expect(ds.count == (holds ? 0 : 1), "\(ds)")
    }

    @Test("severity decides error or warning; the message gives both sides' values")
    func severity() throws {
        let e = try #require(try check("<=", left: 1200, right: 5).first)
        #expect(e.severity == .error)
        #expect(e.message.contains("received = 1.200 > carried = 5"), "\(e.message)")
        #expect(e.message.contains("Phòng A, \(Self.q1.label)"))
        let w = try #require(try check("<=", left: 1200, right: 5, severity: "warning").first)
        #expect(w.severity == .warning)
    }

    @Test("the failure is located at the figure on the side that is too large, the largest term")
    func location() throws {
        let plan = try #require(loadPlan(planWithRules(rule(left: "received", op: "==", right: "carried + on_time"))).plan)
        // Line 4 is carried, line 5 received (the typo: 2450 for 245), line 6 on_time.
        let file = unitFile("2026-Q1", [("carried", 5), ("received", 2450), ("on_time", 240)])
        let d = try #require(try ruleDiagnostics(plan, [("a.yaml", file)], periods: [Self.q1]).first)
        #expect(d.location == SourceLocation(file: "a.yaml", line: 5, column: 13))
        // The right side too large: its largest counted term, carried (500 for 5).
        let other = unitFile("2026-Q1", [("carried", 500), ("received", 245), ("on_time", 240)])
        let d2 = try #require(try ruleDiagnostics(plan, [("a.yaml", other)], periods: [Self.q1]).first)
        #expect(d2.location.line == 4)
    }

    @Test("an aggregated period: H1 fails while each quarter holds, located at the larger quarter's figure")
    func aggregated() throws {
        let plan = try #require(loadPlan(planWithRules(rule(left: "received", op: "<=", right: "100"))).plan)
        let files = [
            ("q1.yaml", unitFile("2026-Q1", [("received", 50)])), ("q2.yaml", unitFile("2026-Q2", [("received", 60)])),
        ]
        let h1 = Period.half(1, 2026)
        let ds = try ruleDiagnostics(plan, files, periods: [.quarter(1, 2026), .quarter(2, 2026), h1])
        #expect(ds.count == 1, "\(ds)")
        let d = try #require(ds.first)
        #expect(d.message.contains(h1.label))
        #expect(d.message.contains("received = 110 > 100"))
        #expect(d.location == SourceLocation(file: "q2.yaml", line: 4, column: 13))
        #expect(d.message.contains("received = 60 (2026-Q2)"))
    }

    @Test("a quarter's failure is not repeated on the half-year built from it; units and periods restrict a rule")
    func dedupAndScope() throws {
        let plan = try #require(loadPlan(planWithRules(rule(left: "received", op: "<=", right: "55"))).plan)
        let files = [
            ("q1.yaml", unitFile("2026-Q1", [("received", 50)])), ("q2.yaml", unitFile("2026-Q2", [("received", 60)])),
        ]
        let ds = try ruleDiagnostics(plan, files, periods: [.quarter(1, 2026), .quarter(2, 2026), .half(1, 2026)])
        #expect(ds.count == 1 && ds[0].location.file == "q2.yaml", "\(ds)")
        let onlyH1 = try #require(loadPlan(planWithRules(rule(left: "received", op: "<=", right: "55", extra: "    periods: [H1]"))).plan)
        #expect(try ruleDiagnostics(onlyH1, files, periods: [.quarter(2, 2026)]).isEmpty)
        let onlyB = try #require(loadPlan(planWithRules(rule(left: "received", op: "<=", right: "55", extra: "    units: [b]"))).plan)
        #expect(try ruleDiagnostics(onlyB, files, periods: [.quarter(2, 2026)]).isEmpty)
    }

    @Test("a zero divisor in the data is a clear warning, not NaN; a missing figure skips the rule")
    func divisionByZero() throws {
        let plan = try #require(loadPlan(planWithRules(rule(left: "on_time / received", op: ">=", right: "0.5"))).plan)
        let ds = try ruleDiagnostics(plan, [("a.yaml", unitFile("2026-Q1", [("received", 0), ("on_time", 0)]))], periods: [Self.q1])
        let d = try #require(ds.first)
        #expect(d.severity == .warning)
        #expect(d.message.contains("mẫu số received bằng 0"))
        #expect(!d.message.contains("nan"))
        #expect(try ruleDiagnostics(plan, [("a.yaml", unitFile("2026-Q1", [("received", 4)]))], periods: [Self.q1]).isEmpty)
    }
}

/// An expression tree of the test's own, evaluated by the test's own reference evaluator.
indirect enum RefExpr {
    case num(Int)
    case id(Int)
    case neg(RefExpr)
    case bin(Character, RefExpr, RefExpr)

    static let ids = ["a", "b_2", "chi_tieu", "x"]

    func eval(_ values: [Double]) -> Double? {
        switch self {
        case .num(let n): return Double(n)
        case .id(let i): return values[i]
        case .neg(let e): return e.eval(values).map { -$0 }
        case .bin(let op, let l, let r):
            guard let a = l.eval(values), let b = r.eval(values) else { return nil }
            switch op {
            case "+": return a + b
            case "-": return a - b
            case "*": return a * b
            default: return b == 0 ? nil : a / b
            }
        }
    }

    /// Written with random spacing, operator spellings and redundant parentheses; every
    /// operation is parenthesised, so the text means the tree whatever the precedence.
    func text(_ rng: inout SplitMix) -> String {
        func space() -> String { ["", " ", "  ", "\t"][Int(rng.next() % 4)] }
        switch self {
        case .num(let n): return String(n)
        case .id(let i): return Self.ids[i]
        case .neg(let e): return "-" + space() + "(" + e.text(&rng) + ")"
        case .bin(let op, let l, let r):
            let spelled: String
            switch op {
            case "*": spelled = rng.next() % 2 == 0 ? "*" : "×"
            case "/": spelled = rng.next() % 2 == 0 ? "/" : "÷"
            case "-": spelled = rng.next() % 2 == 0 ? "-" : "−"
            default: spelled = "+"
            }
            return "(" + space() + l.text(&rng) + space() + spelled + space() + r.text(&rng) + space() + ")"
        }
    }

    static func random(_ rng: inout SplitMix, depth: Int) -> RefExpr {
        let pick = depth == 0 ? rng.next() % 2 : rng.next() % 6
        switch pick {
        case 0: return .num(Int(rng.next() % 1000))
        case 1: return .id(Int(rng.next() % UInt64(ids.count)))
        case 2: return .neg(random(&rng, depth: depth - 1))
        default:
            let op = Array("+-*/")[Int(rng.next() % 4)]
            return .bin(op, random(&rng, depth: depth - 1), random(&rng, depth: depth - 1))
        }
    }
}

@Suite("Rule expressions: property tests")
struct RuleExpressionPropertyTests {
    @Test("random expressions evaluate as the reference evaluator does")
    func matchesReference() async {
        await propertyCheck(count: 300, input: Gen.int(), Gen.int(in: 0...6)) { seed, depth in
            var rng = SplitMix(UInt64(bitPattern: Int64(seed)))
            let tree = RefExpr.random(&rng, depth: depth)
            let text = tree.text(&rng)
            let values = (0..<RefExpr.ids.count).map { _ in Double(Int(rng.next() % 2001) - 1000) }
            let parsed = try RuleExpression.parse(text)
            let outcome = parsed.evaluate { id in RefExpr.ids.firstIndex(of: id).map { values[$0] } }
            switch (tree.eval(values), outcome) {
            case (let expected?, .value(let got)):
                #expect(expected == got || (expected.isNaN && got.isNaN), "\(text)")
            case (nil, .divisionByZero):
                break
            default:
                Issue.record("\(text): reference \(String(describing: tree.eval(values))), parsed \(outcome)")
            }
        }
    }

    @Test("the parser never crashes on random text: an expression or an error inside the text")
    func neverCrashes() async {
        let alphabet = Array("ab_x09. +-*/×÷−()()((,=<!%\"é\u{0301}\u{0}\n\t🙂")
        await propertyCheck(count: 400, input: Gen.int(), Gen.int(in: 0...80)) { seed, length in
            var rng = SplitMix(UInt64(bitPattern: Int64(seed)))
            let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            do throws(RuleExpression.ParseError) {
                _ = try RuleExpression.parse(text)
            } catch {
                #expect((0...text.unicodeScalars.count).contains(error.offset), "\(text)")
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test("deep nesting and long text are refused with a message, not a stack overflow")
    func limits() {
        let deep = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        #expect(throws: RuleExpression.ParseError.self) { try RuleExpression.parse(deep) }
        let nested = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect(throws: RuleExpression.ParseError.self) { try RuleExpression.parse(nested) }
        let shallow = String(repeating: "(", count: 30) + "a" + String(repeating: ")", count: 30)
        #expect((try? RuleExpression.parse(shallow)) != nil)
    }
}
