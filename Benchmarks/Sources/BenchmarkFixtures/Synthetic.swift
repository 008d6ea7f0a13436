import BaocaoCore
import BaocaoRender
import Foundation

/// Test data generated in memory from the shipped example; none of it is written to disk or
/// shipped.
public enum Synthetic {
    /// A unit data file in memory.
    public struct DataFile: Sendable {
        public var path: String
        public var text: String
    }

    /// The shipped plan and data with every reporting unit copied `factor` times: the copies
    /// (`ttpvhcc-s2` … `ttpvhcc-s10`) are added to the plan's units and to every `reported_by`,
    /// and each unit file of every period is copied once per copy with its `unit:` changed.
    /// With `factor` 1 this is the shipped example, read from the same in-memory texts.
    public struct Scaled: Sendable {
        public var factor: Int
        public var planText: String
        public var files: [DataFile]
        public var bytes: Int { planText.utf8.count + files.reduce(0) { $0 + $1.text.utf8.count } }
    }

    public static func scaled(factor: Int) -> Scaled {
        let planText = read(Example.planPath)
        let units = Example.loaded.plan.reportingUnits.map(\.id)
        var lines = planText.components(separatedBy: "\n")
        if factor > 1 {
            lines = addUnitCopies(lines, units: units, factor: factor)
            lines = lines.map { line in widenReportedBy(line, units: Set(units), factor: factor) }
        }
        var files: [DataFile] = []
        for relative in dataFiles() {
            let text = read(Example.dataFolder + "/" + relative)
            files.append(DataFile(path: "data/" + relative, text: text))
            guard factor > 1, let unit = unitLine(of: text) else { continue }
            let folder = (relative as NSString).deletingLastPathComponent
            for k in 2...factor {
                let copy = text.replacingOccurrences(of: "\nunit: \(unit)\n", with: "\nunit: \(unit)-s\(k)\n")
                files.append(DataFile(path: "data/\(folder)/\(unit)-s\(k).yaml", text: copy))
            }
        }
        return Scaled(factor: factor, planText: lines.joined(separator: "\n"), files: files)
    }

    /// Loads a scaled example from memory, compiles its latest period and renders the four
    /// default formats: the whole of `baocao compile` but the file writes. Returns the bytes rendered.
    public static func compileAll(_ scaled: Scaled) async throws -> Int {
        let planResult = PlanLoader(plugins: Example.registry.descriptors).load(text: scaled.planText, displayPath: "plan.yaml")
        guard let plan = planResult.plan else { throw BenchmarkFailure("generated plan has errors: \(planResult.diagnostics)") }
        let loader = DataLoader(plan: plan)
        var submissions: [Submission] = []
        for file in scaled.files {
            let result = loader.load(text: file.text, displayPath: file.path)
            if let error = result.diagnostics.first(where: { $0.severity == .error }) {
                throw BenchmarkFailure("generated data has errors: \(error)")
            }
            submissions += result.submissions
        }
        submissions.sort { ($0.period, $0.unit) < ($1.period, $1.unit) }
        let engine = Engine(plan: plan, submissions: submissions, registry: Example.registry)
        guard let period = engine.latestPeriodWithData() else { throw BenchmarkFailure("generated data has no period") }
        let document = try await engine.compile(period: period).document
        return try renderAll(document)
    }

    // MARK: A large unit file for YAML throughput

    /// One unit's file of the latest period, its narratives repeated (each numbered, so no two
    /// are alike) until the file holds at least `megabytes` MB.
    public static func largeUnitFile(megabytes: Int) -> DataFile {
        let shipped = dataFiles().filter { $0.hasPrefix(Example.loaded.period.code + "/") }
        let source =
            shipped.map { read(Example.dataFolder + "/" + $0) }.max { $0.utf8.count < $1.utf8.count } ?? ""
        guard let narratives = source.range(of: "\nnarratives:\n") else { fatalError("no narratives in \(shipped)") }
        let head = String(source[..<narratives.lowerBound])
        let area = Example.loaded.plan.areas[0].id
        let task = Example.loaded.plan.tasks.first { $0.areas.contains(area) }?.number
        var text = head + "\nnarratives:\n  activities:\n"
        let target = megabytes * 1_048_576
        var n = 0
        while text.utf8.count < target {
            n += 1
            text +=
                "    - {text: \"Hoạt động tuyên truyền số \(n): tổ chức hội nghị, tập huấn, phổ biến các quy định mới về "
                + "cải cách thủ tục hành chính, chuyển đổi số và dịch vụ công trực tuyến cho cán bộ, công chức, "
                + "viên chức và người dân trên địa bàn tỉnh.\", area: \(area)"
                + (task.map { ", task: \($0)" } ?? "") + "}\n"
        }
        return DataFile(path: "data/large.yaml", text: text)
    }

    // MARK: A 10,000-row appendix table

    /// The example report with an appendix holding one table of `rows` rows: a register of
    /// administrative files, six columns of Vietnamese text, dates and numbers.
    public static func documentWithAppendixTable(rows: Int) -> ReportDocument {
        let fields = ["Đất đai", "Xây dựng", "Tư pháp", "Giáo dục và Đào tạo", "Lao động, Thương binh và Xã hội", "Y tế"]
        let procedures = [
            "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất",
            "Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV",
            "Đăng ký khai sinh có yếu tố nước ngoài",
            "Công nhận trường trung học đạt chuẩn quốc gia",
            "Giải quyết chế độ trợ cấp xã hội hằng tháng",
            "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh",
        ]
        let states = ["Trước hạn", "Đúng hạn", "Quá hạn"]
        var table: [[Cell]] = []
        table.reserveCapacity(rows)
        for i in 0..<rows {
            let day = i % 28 + 1
            let month = i / 28 % 12 + 1
            table.append([
                Cell(String(i + 1), value: Double(i + 1)),
                Cell("H56.\(String(format: "%02d", month)).\(100_000 + i)"),
                Cell(procedures[i % procedures.count]),
                Cell(fields[i % fields.count]),
                Cell(String(format: "%02d/%02d/2026", day, month)),
                Cell(states[i % states.count]),
            ])
        }
        let register = Table(
            caption: "Danh mục hồ sơ thủ tục hành chính đã giải quyết trong kỳ",
            columns: [
                Table.Column("STT", alignment: .center, width: 0.5),
                Table.Column("Mã hồ sơ", width: 1.4),
                Table.Column("Tên thủ tục hành chính", width: 3),
                Table.Column("Lĩnh vực", width: 1.4),
                Table.Column("Ngày tiếp nhận", alignment: .center, width: 1.1),
                Table.Column("Kết quả", alignment: .center, width: 1),
            ],
            rows: table)
        var document = Example.loaded.document
        document.appendices.append(
            Appendix(
                label: "Phụ lục",
                title: "Danh mục hồ sơ thủ tục hành chính đã giải quyết",
                attachedTo: "(Kèm theo Báo cáo của Văn phòng UBND tỉnh)",
                body: [.table(register)]))
        return document
    }

    // MARK: Helpers

    static func read(_ path: String) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fatalError("cannot read \(path)") }
        return text
    }

    /// The shipped data files relative to `Plans/data`, sorted: `2026-Q3/ttpvhcc.yaml` ….
    static func dataFiles() -> [String] {
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: Example.dataFolder)) ?? []).sorted()
        return folders.flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Example.dataFolder + "/" + folder)) ?? []
            return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") && !$0.hasPrefix("_") }.sorted().map { folder + "/" + $0 }
        }
    }

    static func unitLine(of text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("unit: ") {
            return String(line.dropFirst("unit: ".count)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// Adds `factor - 1` copies of each unit's entry at the end of the plan's `units:` list.
    static func addUnitCopies(_ lines: [String], units: [String], factor: Int) -> [String] {
        guard let start = lines.firstIndex(of: "units:") else { fatalError("the plan has no units: list") }
        var end = start + 1
        while end < lines.count, lines[end].isEmpty || lines[end].hasPrefix(" ") || lines[end].hasPrefix("#") { end += 1 }
        var copies: [String] = []
        for unit in units {
            guard let first = lines[start..<end].firstIndex(of: "  - id: \(unit)") else { fatalError("unit \(unit) not found") }
            var last = first + 1
            while last < end, lines[last].hasPrefix("    ") { last += 1 }
            for k in 2...factor {
                for line in lines[first..<last] {
                    if line == "  - id: \(unit)" {
                        copies.append("  - id: \(unit)-s\(k)")
                    } else if line.hasPrefix("    name: ") || line.hasPrefix("    short_name: ") {
                        copies.append(line + " (số \(k))")
                    } else {
                        copies.append(line)
                    }
                }
            }
        }
        // Before the comments and blank lines that close the section.
        var insert = end
        while insert > start + 1, lines[insert - 1].isEmpty || lines[insert - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            insert -= 1
        }
        var result = lines
        result.insert(contentsOf: copies, at: insert)
        return result
    }

    /// `reported_by: [a, b]` → `reported_by: [a, a-s2, …, b, b-s2, …]`.
    static func widenReportedBy(_ line: String, units: Set<String>, factor: Int) -> String {
        guard let key = line.range(of: "reported_by: ["), let close = line.range(of: "]", range: key.upperBound..<line.endIndex)
        else { return line }
        let ids = line[key.upperBound..<close.lowerBound].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let widened = ids.flatMap { id in units.contains(id) ? [id] + (2...factor).map { "\(id)-s\($0)" } : [id] }
        return String(line[..<key.upperBound]) + widened.joined(separator: ", ") + String(line[close.lowerBound...])
    }
}

public struct BenchmarkFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
