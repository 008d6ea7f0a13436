import ArgumentParser
import BaocaoCore
import BaocaoPlugins
import BaocaoWorkspace
import Foundation

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Kế hoạch: tạo kế hoạch năm sau, hoặc xem kế hoạch đã kết hợp (next year's plan, or a plan as resolved).",
        subcommands: [PlanNewCommand.self, PlanShowCommand.self])
}

struct PlanNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Tạo kế hoạch năm mới từ kế hoạch năm nay (write next year's plan from this year's).",
        discussion: """
            Chép kế hoạch sang năm mới: tên và mọi chữ "năm <năm>" trong văn bản, các nhiệm vụ được \
            giữ; kỳ báo cáo, thời gian chốt số liệu và hạn gửi tính theo ngày tháng nên dùng được \
            cho năm mới. Số và ngày của kế hoạch bị bỏ; căn cứ ban hành để tác giả điền, đánh dấu \
            "CẦN ĐIỀN" (validate và compile cảnh báo đến khi điền). Với --extends, kế hoạch mới nêu \
            kế hoạch cũ ở extends: và chỉ giữ phần đổi theo năm; đơn vị, lĩnh vực, chỉ tiêu và kỳ \
            báo cáo dùng chung. Kế hoạch mới được kiểm tra trước khi ghi. (Writes next year's plan.)
            """)

    @Argument(help: "Năm của kế hoạch mới, ví dụ 2027 (the new plan's year).")
    var year: Int

    @Option(name: .long, help: "Kế hoạch làm gốc, ví dụ Plans/ke-hoach-tuyen-truyen-cchc-2026.yaml (the plan to start from).")
    var from: String

    @Option(name: .long, help: "Tệp sẽ ghi (mặc định: tên tệp --from đổi năm, cùng thư mục) (the file to write).")
    var out: String?

    @Flag(
        name: .long,
        help: "Dùng chung đơn vị, lĩnh vực, chỉ tiêu và kỳ báo cáo với kế hoạch --from qua extends: (share them through extends:).")
    var extends = false

    @Flag(name: .long, help: "Thay tệp đã có mà khác (replace a file that differs).")
    var force = false

    func run() async throws {
        let console = Console.current
        let (source, _) = try Workspace.loadPlan(from)
        guard (2000...2100).contains(year), year > source.year else {
            console.error("baocao: năm \(year) không hợp lệ; cần một năm sau năm của kế hoạch gốc (\(source.year)). (invalid year)")
            throw ExitCode(ExitStatus.usage)
        }
        guard let data = FileManager.default.contents(atPath: from) else {
            console.error("baocao: không đọc được \(from). (unreadable plan)")
            throw ExitCode(ExitStatus.noInput)
        }
        let target = out ?? Self.defaultPath(from: from, oldYear: source.year, newYear: year)
        let scaffold = PlanScaffold(
            text: String(decoding: data, as: UTF8.self).precomposedStringWithCanonicalMapping, sourcePath: from, plan: source,
            newYear: year, extendsPath: extends ? Self.relativePath(from: (target as NSString).deletingLastPathComponent, to: from) : nil)
        let (text, notes) = scaffold.make()
        // Validate before writing: the new plan must load.
        let result = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(text: text, displayPath: target)
        Workspace.report(result.diagnostics)
        guard result.plan != nil else {
            console.error("baocao: kế hoạch năm \(year) tạo ra không đọc được; không ghi. (the scaffold does not load)")
            throw ExitCode(ExitStatus.invalidInput)
        }
        let written = try PlainWriter(force: force, what: "kế hoạch").write(
            [(target, Data(text.utf8))], folder: (target as NSString).deletingLastPathComponent)
        for (path, status) in written {
            console.print("\(status): \(path) — kế hoạch năm \(year) (từ \(from)\(extends ? ", kế thừa qua extends" : ""))")
        }
        console.print("Tác giả cần làm tiếp:")
        for note in notes { console.print("  - \(note)") }
        console.print("Kiểm tra: \(countLine(result.diagnostics)) (baocao validate \(target)).")
    }

    /// "ke-hoach-…-2026.yaml" → "ke-hoach-…-2027.yaml" beside it.
    static func defaultPath(from: String, oldYear: Int, newYear: Int) -> String {
        let folder = (from as NSString).deletingLastPathComponent
        var name = (from as NSString).lastPathComponent
        if name.contains(String(oldYear)) {
            name = name.replacingOccurrences(of: String(oldYear), with: String(newYear))
        } else {
            name = (name as NSString).deletingPathExtension + "-\(newYear).yaml"
        }
        return (folder as NSString).appendingPathComponent(name)
    }

    /// The path of `file` relative to `folder`.
    static func relativePath(from folder: String, to file: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        func components(_ p: String) -> [String] {
            let absolute = p.hasPrefix("/") ? p : (cwd as NSString).appendingPathComponent(p.isEmpty ? "." : p)
            return (absolute as NSString).standardizingPath.split(separator: "/").map(String.init)
        }
        let a = components(folder)
        let b = components(file)
        var common = 0
        while common < a.count, common < b.count - 1, a[common] == b[common] { common += 1 }
        return (Array(repeating: "..", count: a.count - common) + b[common...]).joined(separator: "/")
    }
}

/// Next year's plan as text, from this year's, keeping its comments and layout.
struct PlanScaffold {
    var text: String
    var sourcePath: String
    var plan: Plan
    var newYear: Int
    /// When set, the new plan extends the old one at this relative path.
    var extendsPath: String?

    func make() -> (text: String, notes: [String]) {
        let oldYear = plan.year
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let bag = DiagnosticBag()
        guard let root = YAMLSource.parse(text: text, displayPath: sourcePath, bag: bag), let top = root.mapping(bag, what: "") else {
            return (text, ["kế hoạch gốc không đọc được"])
        }
        let topKeys = top.keys.compactMap { k in top.keyLocation(k).map { (key: k, line: $0.line) } }.sorted { $0.line < $1.line }
        func endOfBlock(startingAt line: Int, among keys: [(key: String, line: Int)], limit: Int) -> Int {
            var end = (keys.first { $0.line > line }?.line ?? (limit + 1)) - 1
            while end > line,
                lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty
                    || lines[end - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#")
            {
                end -= 1
            }
            return end
        }
        let planMapping = top.value("plan")?.mapping(bag, what: "plan")
        let planKeys =
            planMapping.map { m in m.keys.compactMap { k in m.keyLocation(k).map { (key: k, line: $0.line) } }.sorted { $0.line < $1.line }
            } ?? []
        let planLine = top.keyLocation("plan")?.line ?? 0
        let planEnd = endOfBlock(startingAt: planLine, among: topKeys, limit: lines.count)
        let basis = planMapping?.keyLocation("basis")
        let basisEnd = basis.map { endOfBlock(startingAt: $0.line, among: planKeys, limit: planEnd) } ?? 0
        let yearLine = planMapping?.value("year")?.location.line ?? 0
        let dropped = Set(["number", "date"].compactMap { planMapping?.keyLocation($0)?.line })
        let firstKeyLine = topKeys.first?.line ?? 1

        var out: [String] = [
            "# Kế hoạch năm \(newYear), tạo từ \(sourcePath) bằng lệnh `baocao plan new \(newYear)`.",
            "# Trước khi dùng, tác giả cần: điền căn cứ (plan.basis, chỗ \"\(PlanLoader.placeholder)\"); ghi số và ngày của kế",
            "# hoạch khi ban hành (plan.number, plan.date); rà soát nội dung, nhiệm vụ, chỉ tiêu và mục tiêu năm \(newYear).",
            "# Kỳ báo cáo, thời gian chốt số liệu và hạn gửi ghi theo tháng-ngày nên áp dụng cho năm \(newYear) như cũ.",
        ]
        if let extendsPath {
            out.append("# Đơn vị, lĩnh vực, chỉ tiêu, tổ chức thực hiện và báo cáo: dùng chung với kế hoạch gốc (extends).")
            out.append("")
            out.append("extends: \(Self.quoted(extendsPath))")
        }
        out.append("")
        var replaced = 0
        var review: [String] = []
        let kept: Set<String> = ["plan", "purposes", "requirements", "tasks"]
        for (index, line) in lines.enumerated() {
            let n = index + 1
            if n < firstKeyLine { continue }  // the old plan's own header comments
            if extendsPath != nil {
                let owner = topKeys.last { $0.line <= n }?.key ?? ""
                if !kept.contains(owner) { continue }
            }
            if let basis, (basis.line...basisEnd).contains(n) {
                if n == basis.line { out += basisPlaceholder(indent: basis.column - 1) }
                continue
            }
            let indent = String(line.prefix { $0 == " " })
            if dropped.contains(n) {
                let key = line.trimmingCharacters(in: .whitespaces).prefix { $0 != ":" }
                out.append("\(indent)# \(key): điền khi kế hoạch năm \(newYear) được ban hành")
                continue
            }
            if n == yearLine {
                out.append(line.replacingOccurrences(of: "year: \(oldYear)", with: "year: \(newYear)"))
                replaced += 1
                continue
            }
            let (changed, count) = Self.moveYear(line, from: oldYear, to: newYear)
            replaced += count
            out.append(changed)
            let isComment = line.trimmingCharacters(in: .whitespaces).hasPrefix("#")
            if !isComment, changed.contains(String(oldYear)) || changed.contains(String(oldYear - 1)) {
                review.append("dòng \(out.count): \(changed.trimmingCharacters(in: .whitespaces).prefix(90))")
            }
        }
        var notes = [
            "điền căn cứ (plan.basis): số, ngày, người ký, trích yếu của quyết định mà kế hoạch năm \(newYear) thực hiện — thay chữ \"\(PlanLoader.placeholder)\"",
            "ghi số và ngày của kế hoạch (plan.number, plan.date) khi ban hành",
            "đã đổi \"năm \(oldYear)\" thành \"năm \(newYear)\" ở \(replaced) chỗ; rà soát lại nội dung, nhiệm vụ, chỉ tiêu và mục tiêu",
        ]
        notes += review.map { "xem lại năm \(oldYear)/\(oldYear - 1) còn ở \($0)" }
        return (out.joined(separator: "\n") + "\n", notes)
    }

    /// The placeholder that replaces the old basis decision.
    func basisPlaceholder(indent: Int) -> [String] {
        let p = String(repeating: " ", count: indent)
        let old = plan.identity.basis
        let (subject, _) = Self.moveYear(old.subject, from: plan.year, to: newYear)
        return [
            "\(p)# \(PlanLoader.placeholder): căn cứ của kế hoạch năm \(newYear) — quyết định (hoặc văn bản) mà kế hoạch thực hiện.",
            "\(p)# Thay số, ngày, người ký, trích yếu dưới đây. Chừng nào còn chữ \"\(PlanLoader.placeholder)\", validate và compile",
            "\(p)# cảnh báo và câu mở đầu của báo cáo chưa đúng. Căn cứ năm \(plan.year): \(old.kind) số \(old.number) ngày \(VietnameseFormat.shortDate(old.date)).",
            "\(p)basis:",
            "\(p)  kind: \(Self.quoted(old.kind))",
            "\(p)  number: \(Self.quoted("\(PlanLoader.placeholder)/" + (old.number.split(separator: "/").dropFirst().joined(separator: "/"))))",
            "\(p)  date: \(newYear)-01-01  # \(PlanLoader.placeholder): ngày của quyết định, YYYY-MM-DD",
            "\(p)  issuer: \(Self.quoted(old.issuer))",
            "\(p)  subject: \(Self.quoted(subject))",
        ]
    }

    /// Replaces "năm 2026" (any case of "năm") with "năm 2027"; returns the count.
    static func moveYear(_ line: String, from old: Int, to new: Int) -> (String, Int) {
        guard let regex = try? NSRegularExpression(pattern: "(năm|Năm|NĂM) \(old)(?![0-9])") else { return (line, 0) }
        let range = NSRange(line.startIndex..., in: line)
        let count = regex.numberOfMatches(in: line, range: range)
        guard count > 0 else { return (line, 0) }
        return (regex.stringByReplacingMatches(in: line, range: range, withTemplate: "$1 \(new)"), count)
    }

    static func quoted(_ s: String) -> String { YAMLQuoting.doubleQuoted(s) }
}

struct PlanShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Xem kế hoạch đã kết hợp, kể cả phần lấy từ kế hoạch gốc (show a plan as resolved).")

    @Argument(
        help: "Tệp kế hoạch (mặc định: theo năm của kỳ, trong Plans/) (the plan file; default: the plan in Plans/ for the period's year).")
    var planArgument: String?

    @Option(name: .customLong("plan"), help: "Tệp kế hoạch, như tham số (the plan file, same as the argument).")
    var planOption: String?

    func run() async throws {
        let console = Console.current
        let (plan, diagnostics) = try Workspace.loadPlan(planOption ?? planArgument)
        func origin(_ location: SourceLocation) -> String { location.file == plan.file ? "" : "  [từ \(location.file)]" }
        console.print("Kế hoạch: \(plan.file) — \(plan.identity.title) (năm \(plan.year))")
        if !plan.bases.isEmpty { console.print("Kế thừa (extends): \(plan.bases.joined(separator: " → "))") }
        console.print("Căn cứ: \(plan.identity.basis.citation)")
        console.print("")
        console.print("Đơn vị (\(plan.units.count)):")
        for u in plan.units {
            console.print("  \(u.id) — \(u.name) (\(u.kind.rawValue)\(u.submitsData ? ", nộp số liệu" : ""))\(origin(u.location))")
        }
        console.print("Lĩnh vực và chỉ tiêu:")
        for area in plan.areas {
            console.print("  \(area.order) \(area.id) — \(area.title) (plugin \(area.plugin))\(origin(area.location))")
            let rows = area.indicators.map { i in
                [
                    i.id, i.kind.rawValue, i.isDerived ? "tính từ thành phần" : i.aggregation.rawValue,
                    i.reportedBy.joined(separator: ", "), i.label,
                ]
            }
            for line in alignedColumns(rows) { console.print("      " + line) }
        }
        console.print("Nhiệm vụ (\(plan.tasks.count)):")
        for t in plan.tasks { console.print("  \(t.number) \(t.title) — \(t.timeline)\(origin(t.location))") }
        if !plan.rules.isEmpty {
            console.print("Quy tắc kiểm tra (\(plan.rules.count)):")
            for r in plan.rules {
                var scope = r.units.isEmpty ? "" : " — đơn vị: \(r.units.joined(separator: ", "))"
                if !r.periods.isEmpty { scope += " — kỳ: \(r.periods.joined(separator: ", "))" }
                console.print(
                    "  \(r.id) (\(r.severity.rawValue)): \(r.left.text) \(r.comparison.rawValue) \(r.right.text)\(scope)\(origin(r.location))"
                )
            }
        }
        console.print("Kỳ báo cáo:")
        for p in plan.reportedPeriods {
            let w = plan.window(of: p)
            console.print(
                "  \(p.code) \(p.label): chốt số liệu \(VietnameseFormat.shortDate(w.start)) – \(VietnameseFormat.shortDate(w.end)), hạn gửi \(VietnameseFormat.shortDate(plan.deadline(of: p)))"
            )
        }
        Workspace.report(diagnostics)
        console.print("Kiểm tra: \(countLine(diagnostics)).")
    }
}
