import BaocaoCore
import Testing

/// A plugin whose findings the area's `template` scripts, one per line:
/// `achievement|text|subject|requirement`, `limitation|text|subject|requirement|cause`,
/// `old-achievement|text|indicator` (backed by the indicator's figure), `activities` (the area's
/// activities as a list).
struct ScriptedPlugin: SectionPlugin {
    static let descriptor = PluginDescriptor(id: "scripted", title: "Scripted", summary: "Findings from the area's template.")

    func makeSection(_ context: SectionContext) throws -> Section {
        var section = Section()
        for line in (context.area.template ?? "").split(separator: "\n") {
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            func at(_ i: Int) -> String? { i < f.count && !f[i].isEmpty ? f[i] : nil }
            switch f[0] {
            case "achievement":
                section.achievements.append(Finding(f[1], subject: at(2), requirement: at(3)))
            case "limitation":
                section.limitations.append(Finding(f[1], cause: at(4), subject: at(2), requirement: at(3)))
            case "old-achievement":
                section.achievements.append(Finding(f[1], sources: context.total(f[2])?.sources ?? []))
            case "para":
                section.blocks.append(.paragraph(Paragraph(f[1])))
            case "activities":
                section.blocks.append(.list(context.activities.map { Paragraph($0.text) }))
            default: break
            }
        }
        return section
    }
}

/// The minimal plan with a scripted area "alpha" and "beta", and optional extra plan text.
func scriptedPlan(alpha: String, beta: String = "", purposes: String? = nil, identity: String = "") throws -> Plan {
    var text = minimalPlan.replacingOccurrences(of: "plugin: echo", with: "plugin: scripted")
    func block(_ script: String) -> String {
        script.isEmpty ? "" : "    template: |\n" + script.split(separator: "\n").map { "      \($0)\n" }.joined()
    }
    text = text.replacingOccurrences(of: "    title: Lĩnh vực Alpha\n", with: "    title: Lĩnh vực Alpha\n" + block(alpha))
    text = text.replacingOccurrences(of: "    title: Lĩnh vực Beta\n", with: "    title: Lĩnh vực Beta\n" + block(beta))
    if let purposes {
        text = text.replacingOccurrences(of: "purposes:\n  - number: \"1.1\"\n    text: Mục đích.\n", with: purposes)
    }
    text = text.replacingOccurrences(of: "  document_code: BC-VPUBND\n", with: "  document_code: BC-VPUBND\n" + identity)
    let result = PlanLoader(plugins: [ScriptedPlugin.descriptor]).load(text: text, displayPath: "plan.yaml")
    guard let plan = result.plan else { throw PluginError(result.diagnostics.map(\.description).joined(separator: "\n")) }
    return plan
}

func compileScripted(_ plan: Plan, _ files: [(String, String)] = [], period: Period = .quarter(3, 2026)) async throws -> Engine.Output {
    let loader = DataLoader(plan: plan)
    let submissions = files.flatMap { loader.load(text: $0.1, displayPath: $0.0).submissions }
    return try await Engine(plan: plan, submissions: submissions, registry: PluginRegistry([ScriptedPlugin.self])).compile(period: period)
}

/// Every paragraph and list item of the body, in order.
func bodyTexts(_ document: ReportDocument) -> [String] {
    document.body.flatMap { block -> [String] in
        switch block {
        case .paragraph(let p): return [p.plainText]
        case .list(let items): return items.map(\.plainText)
        default: return []
        }
    }
}

/// The blocks between a heading (by its line) and the next heading.
func blocks(after heading: String, in document: ReportDocument) -> [Block] {
    guard let start = document.body.firstIndex(where: { if case .heading(let h) = $0 { return h.line == heading } else { return false } })
    else { return [] }
    let rest = document.body[(start + 1)...]
    return Array(rest.prefix { if case .heading = $0 { return false } else { return true } })
}

@Suite("The engine guards against contradictory findings")
struct ContradictionGuardTests {
    @Test(
        "an achievement and a limitation about the same subject and requirement in two areas: a located error, and the achievement is not printed"
    )
    func acrossAreas() async throws {
        let plan = try scriptedPlan(
            alpha: "achievement|Tháng nào cũng có tin, bài, bảo đảm yêu cầu hằng tháng|news|monthly",
            beta: "limitation|Tháng 8 không có tin, bài, chưa bảo đảm yêu cầu hằng tháng|news|monthly|Cổng tạm dừng")
        let output = try await compileScripted(plan)
        let errors = output.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.location.file == "plan.yaml" && error.location.line > 0)
        #expect(error.message.contains("mâu thuẫn") && error.message.contains("news/monthly"))
        #expect(error.message.contains("Lĩnh vực Alpha") && error.message.contains("Lĩnh vực Beta"))
        let text = bodyTexts(output.document).joined(separator: "\n")
        #expect(!text.contains("Tháng nào cũng có tin, bài"))
        #expect(text.contains("Tháng 8 không có tin, bài, chưa bảo đảm yêu cầu hằng tháng. Nguyên nhân: Cổng tạm dừng."))
    }

    @Test("the same within one section")
    func withinSection() async throws {
        let plan = try scriptedPlan(
            alpha: "achievement|Đạt yêu cầu|rate|target\nlimitation|Chưa đạt yêu cầu|rate|target|thiếu người")
        let output = try await compileScripted(plan)
        #expect(output.diagnostics.filter { $0.severity == .error }.count == 1)
        #expect(!bodyTexts(output.document).contains { $0.contains("Đạt yêu cầu") })
    }

    @Test("another requirement of the same subject, or findings without a subject, are no contradiction")
    func noConflict() async throws {
        let plan = try scriptedPlan(
            alpha: "achievement|Tăng so với quý trước|news|change\nachievement|Một ưu điểm",
            beta: "limitation|Chưa đạt mức tối thiểu|news|monthly|x\nlimitation|Một hạn chế||x|y")
        let output = try await compileScripted(plan)
        #expect(output.diagnostics.filter { $0.severity == .error }.isEmpty)
        let text = bodyTexts(output.document)
        #expect(text.contains("Tăng so với quý trước.") && text.contains("Một ưu điểm."))
    }

    @Test("a result of an earlier year is never an achievement of this period")
    func oldResults() async throws {
        let plan = try scriptedPlan(alpha: "old-achievement|Điểm năm 2024 đạt 90|score\nachievement|Ưu điểm của kỳ")
        let q3 = ("a.yaml", "unit: a\nperiod: 2026-Q3\nfigures:\n  score: {value: 90, year: 2024}\n")
        let text = bodyTexts(try await compileScripted(plan, [q3]).document)
        #expect(!text.contains { $0.contains("Điểm năm 2024") })
        #expect(text.contains("Ưu điểm của kỳ."))
        // The same result measured this year is one.
        let now = ("a.yaml", "unit: a\nperiod: 2026-Q3\nfigures:\n  score: {value: 90, year: 2026}\n")
        #expect(bodyTexts(try await compileScripted(plan, [now]).document).contains("Điểm năm 2024 đạt 90."))
        // Last year's result published within the period is news of the period; published
        // before it, it is old.
        func lastYear(_ published: String) -> (String, String) {
            let source = "Quyết định số 1/QĐ-BNV ngày \(published)"
            return ("a.yaml", "unit: a\nperiod: 2026-Q3\nfigures:\n  score: {value: 90, year: 2025, source: \"\(source)\"}\n")
        }
        #expect(bodyTexts(try await compileScripted(plan, [lastYear("20/7/2026")]).document).contains("Điểm năm 2024 đạt 90."))
        #expect(!bodyTexts(try await compileScripted(plan, [lastYear("20/3/2026")]).document).contains("Điểm năm 2024 đạt 90."))
    }
}

@Suite("Part II: a synthesis by the plan's purposes; limitations once, with their causes")
struct AssessmentPartTests {
    let purposes = """
        purposes:
          - number: "1.1"
            text: Mục đích một.
            assessment: Việc tiếp nhận hồ sơ đạt kết quả rõ
            indicators: [rate, received]
          - number: "1.2"
            text: Mục đích hai.
            assessment: Tin, bài được đăng thường xuyên
            indicators: [news]
          - number: "1.3"
            text: Mục đích ba, không có kết quả trong kỳ.
            assessment: Không có gì
            indicators: [score]

        """

    @Test("one point per purpose with results, its judgement backed by the strongest achievement; others are left to part I")
    func synthesis() async throws {
        let plan = try scriptedPlan(
            alpha:
                "achievement|Có 40 hồ sơ tiếp nhận|received\nachievement|Tỷ lệ đúng hạn đạt 75 %|rate\nachievement|Không có cán bộ vi phạm kỷ luật",
            beta: "achievement|Tháng nào cũng có tin, bài|news",
            purposes: purposes)
        let output = try await compileScripted(plan)
        let part = blocks(after: "1. Ưu điểm", in: output.document)
        guard case .list(let items) = part.first else {
            Issue.record("Ưu điểm must be a list of points: \(part)")
            return
        }
        #expect(
            items.map(\.plainText) == [
                "Việc tiếp nhận hồ sơ đạt kết quả rõ: tỷ lệ đúng hạn đạt 75 %.",
                "Tin, bài được đăng thường xuyên: tháng nào cũng có tin, bài.",
            ])
    }

    @Test("a purpose one of whose indicators is the subject of a limitation is not judged a strength")
    func noStrengthAgainstALimitation() async throws {
        let plan = try scriptedPlan(
            alpha: "achievement|Tỷ lệ đúng hạn đạt 75 %|rate",
            beta: "achievement|Có 3 tin, bài|news\nlimitation|Tháng 8 không có tin, bài|news|monthly|Cổng tạm dừng",
            purposes: purposes)
        let part = blocks(after: "1. Ưu điểm", in: try await compileScripted(plan).document)
        guard case .paragraph(let only) = part.first, part.count == 1 else {
            Issue.record("one point, as a paragraph: \(part)")
            return
        }
        #expect(only.plainText == "Việc tiếp nhận hồ sơ đạt kết quả rõ: tỷ lệ đúng hạn đạt 75 %.")
    }

    @Test("at most five points")
    func atMostFive() async throws {
        var purposes = "purposes:\n"
        var script: [String] = []
        for i in 1...7 {
            purposes += "  - number: \"1.\(i)\"\n    text: Mục đích \(i).\n    assessment: Nhận định \(i)\n    indicators: [received]\n"
            script.append("achievement|Kết quả \(i)|received")
        }
        let plan = try scriptedPlan(alpha: script.joined(separator: "\n"), purposes: purposes)
        guard case .list(let items) = blocks(after: "1. Ưu điểm", in: try await compileScripted(plan).document).first else {
            Issue.record("expected a list")
            return
        }
        #expect(items.count == 5)
    }

    @Test("a limitation a unit wrote about an indicator the section judges is stated once, with both causes")
    func limitationOnce() async throws {
        let plan = try scriptedPlan(alpha: "limitation|Còn 3 hồ sơ quá hạn|received||đất đai phải xác minh")
        let q3 = (
            "a.yaml",
            "unit: a\nperiod: 2026-Q3\nnarratives:\n  limitations:\n    - {text: Vẫn còn hồ sơ quá hạn, cause: Chờ kết quả đo đạc., indicator: received}\n"
        )
        let output = try await compileScripted(plan, [q3])
        let part = blocks(after: "2. Tồn tại, hạn chế và nguyên nhân", in: output.document)
        guard case .paragraph(let only) = part.first, part.count == 1 else {
            Issue.record("one limitation, as a paragraph: \(part)")
            return
        }
        #expect(only.plainText == "Còn 3 hồ sơ quá hạn. Nguyên nhân: đất đai phải xác minh; chờ kết quả đo đạc.")
    }

    @Test("a limitation without its cause is a located warning")
    func causeless() async throws {
        let plan = try scriptedPlan(alpha: "")
        let q3 = ("a.yaml", "unit: a\nperiod: 2026-Q3\nnarratives:\n  limitations:\n    - Còn chậm\n")
        let output = try await compileScripted(plan, [q3])
        let warning = try #require(output.diagnostics.first { $0.message.contains("chưa nêu nguyên nhân") })
        #expect(warning.location.file == "a.yaml" && warning.location.line == 5)
    }

    @Test("an unknown indicator on a narrative is an error where it is written")
    func unknownIndicator() throws {
        let plan = try scriptedPlan(alpha: "")
        let result = DataLoader(plan: plan).load(
            text: "unit: a\nperiod: 2026-Q3\nnarratives:\n  limitations:\n    - {text: X, cause: Y, indicator: nope}\n",
            displayPath: "a.yaml")
        #expect(result.diagnostics.contains { $0.severity == .error && $0.location.line == 5 && $0.message.contains("'nope'") })
    }
}

@Suite("Parts III, IV and the frame of the report")
struct FrameTests {
    let longTask = """
          - number: II.2
            title: Phối hợp với các cơ quan liên quan đăng tải, tuyên truyền các video clip hướng dẫn tổ chức, cá nhân và doanh nghiệp truy cập vào cổng dịch vụ công Quốc gia và các dịch vụ hỗ trợ khác trong giải quyết các TTHC
            short_title: Đăng tải video clip hướng dẫn sử dụng Cổng Dịch vụ công quốc gia
            timeline: Trong năm 2026
            timeline_kind: within-year
            lead: [b]
            areas: [beta]

        """

    func plan(identity: String = "") throws -> Plan {
        var text = minimalPlan.replacingOccurrences(of: "plugin: echo", with: "plugin: scripted")
        text = text.replacingOccurrences(of: "    areas: [alpha]\n", with: "    areas: [alpha]\n" + longTask)
        text = text.replacingOccurrences(of: "  document_code: BC-VPUBND\n", with: "  document_code: BC-VPUBND\n" + identity)
        let result = PlanLoader(plugins: [ScriptedPlugin.descriptor]).load(text: text, displayPath: "plan.yaml")
        return try #require(result.plan, "\(result.diagnostics)")
    }

    @Test("each running task of the plan is one line with its number and short name")
    func taskLines() async throws {
        let output = try await compileScripted(try plan())
        let part = blocks(after: "III. NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2026", in: output.document)
        guard case .list(let items) = part.first else {
            Issue.record("expected a list: \(part)")
            return
        }
        #expect(
            items.map(\.plainText) == [
                "Tiếp tục thực hiện nhiệm vụ II.1 của Kế hoạch: nhiệm vụ một.",
                "Triển khai nhiệm vụ II.2 của Kế hoạch: đăng tải video clip hướng dẫn sử dụng Cổng Dịch vụ công quốc gia.",
            ])
    }

    @Test("a next task that is this report's own work is left out, with a warning at the unit's line")
    func ownWork() async throws {
        let q1 = ("a1.yaml", "unit: a\nperiod: 2026-Q1\nfigures:\n  received: 1\n")
        let q2 = (
            "a2.yaml",
            "unit: a\nperiod: 2026-Q2\nfigures:\n  received: 1\nnarratives:\n  next_tasks:\n    - Đánh giá kết quả thực hiện Kế hoạch 6 tháng đầu năm\n    - Chuẩn bị tập huấn quý III\n"
        )
        let output = try await compileScripted(try plan(), [q1, q2], period: .half(1, 2026))
        let text = bodyTexts(output.document)
        #expect(!text.contains { $0.contains("6 tháng đầu năm") && $0.hasPrefix("Đánh giá") })
        #expect(text.contains("Chuẩn bị tập huấn quý III."))
        let warning = try #require(output.diagnostics.first { $0.message.contains("việc của chính báo cáo") })
        #expect(warning.location.file == "a2.yaml" && warning.location.line == 7)
    }

    @Test("after the plan's last period, the next year's plan")
    func yearEnd() async throws {
        let files = (1...4).map { q in ("a\(q).yaml", "unit: a\nperiod: 2026-Q\(q)\nfigures:\n  received: 1\n") }
        let output = try await compileScripted(try plan(), files, period: .year(2026))
        let text = bodyTexts(output.document)
        #expect(text.contains("Xây dựng, triển khai Kế hoạch thử nghiệm năm 2027."))
        #expect(!text.contains { $0.hasPrefix("Tiếp tục thực hiện nhiệm vụ II.1") })
    }

    @Test("the opening cites the plan by number and date without repeating the body; without them, a warning and a clean sentence")
    func opening() async throws {
        let numbered = try await compileScripted(try plan(identity: "  number: 15/KH-VPUBND\n  date: 2026-02-05\n"))
        let first = bodyTexts(numbered.document)[0]
        #expect(
            first
                == "Thực hiện Quyết định số 1/QĐ-UBND ngày 05/01/2026 của Chủ tịch UBND tỉnh về việc thử nghiệm; Kế hoạch số 15/KH-VPUBND ngày 05/02/2026 về thử nghiệm năm 2026, Văn phòng UBND tỉnh báo cáo kết quả thực hiện quý III năm 2026 như sau:"
        )
        #expect(!numbered.diagnostics.contains { $0.message.hasPrefix("plan:") })
        let bare = try await compileScripted(try plan())
        let opening = bodyTexts(bare.document)[0]
        #expect(!opening.contains("Văn phòng UBND tỉnh, Văn phòng UBND tỉnh"))
        #expect(opening.contains("; Kế hoạch thử nghiệm năm 2026, Văn phòng UBND tỉnh báo cáo"))
        let warning = try #require(bare.diagnostics.first { $0.message.hasPrefix("plan:") })
        #expect(warning.location.file == "plan.yaml" && (1...2).contains(warning.location.line))
    }

    @Test("Nơi nhận begins “Như trên” when the addressee is a recipient")
    func asAbove() async throws {
        var text = minimalPlan.replacingOccurrences(of: "plugin: echo", with: "plugin: scripted")
        text = text.replacingOccurrences(
            of: "  addressees: [Ủy ban nhân dân tỉnh]\n  recipients: [Sở Nội vụ]\n",
            with:
                "  addressees: [Ủy ban nhân dân tỉnh Sơn La (qua Sở Nội vụ)]\n  recipients: [UBND tỉnh (b/c), Sở Nội vụ, Lãnh đạo VPUBND tỉnh]\n"
        )
        let plan = try #require(PlanLoader(plugins: [ScriptedPlugin.descriptor]).load(text: text, displayPath: "plan.yaml").plan)
        let document = try await compileScripted(plan).document
        #expect(document.closing.recipients == ["- Như trên;", "- Lãnh đạo VPUBND tỉnh;", "- Lưu: VT, TCHCQT."])
    }
}

@Suite("Who did what: merged activities name their unit")
struct AttributionTests {
    @Test("an activity names its unit; a limitation's “của phòng” is resolved; a single item is a paragraph")
    func naming() async throws {
        let plan = try scriptedPlan(alpha: "activities")
        let q3 = (
            "a.yaml",
            """
            unit: a
            period: 2026-Q3
            narratives:
              activities:
                - {text: "Lồng ghép tuyên truyền tại họp giao ban của phòng.", area: alpha, task: II.1}
              limitations:
                - {text: "Tài liệu của phòng chưa đầy đủ.", cause: "Thiếu người."}
            """
        )
        let document = try await compileScripted(plan, [q3]).document
        let section = blocks(after: "2. Lĩnh vực Alpha", in: document)
        guard case .paragraph(let only) = section.first, section.count == 1 else {
            Issue.record("a single activity is a paragraph: \(section)")
            return
        }
        #expect(only.plainText == "Phòng A lồng ghép tuyên truyền tại họp giao ban của phòng.")
        #expect(bodyTexts(document).contains("Tài liệu của Phòng A chưa đầy đủ. Nguyên nhân: thiếu người."))
    }

    @Test("a single activity announced by a paragraph ending with a colon stays a list")
    func announcedList() async throws {
        let plan = try scriptedPlan(alpha: "para|Ngoài ra, trong kỳ đã triển khai các hoạt động:\nactivities")
        let q3 = ("a.yaml", "unit: a\nperiod: 2026-Q3\nnarratives:\n  activities:\n    - {text: \"Kiểm tra công vụ.\", area: alpha}\n")
        let section = blocks(after: "2. Lĩnh vực Alpha", in: try await compileScripted(plan, [q3]).document)
        #expect(section.count == 2)
        #expect(section.last == .list([Paragraph("Phòng A kiểm tra công vụ.")]))
    }

    @Test("one activity described by two units, each coordinating with the other, is stated once, by the task's lead")
    func sharedActivity() async throws {
        let plan = try scriptedPlan(alpha: "activities")
        let a = (
            "a.yaml",
            "unit: a\nperiod: 2026-Q3\nnarratives:\n  activities:\n    - {text: \"Phối hợp với PB đăng 02 bài hỏi - đáp.\", area: alpha, task: II.1}\n    - {text: \"Kiểm tra công vụ.\", area: alpha, task: II.1}\n"
        )
        let b = (
            "b.yaml",
            "unit: b\nperiod: 2026-Q3\nnarratives:\n  activities:\n    - {text: \"Phối hợp với Phòng A xây dựng 02 bài hỏi - đáp.\", area: alpha, task: II.1}\n"
        )
        let document = try await compileScripted(plan, [a, b]).document
        guard case .list(let items) = blocks(after: "2. Lĩnh vực Alpha", in: document).first else {
            Issue.record("expected a list")
            return
        }
        // The coordination item comes after the unit's own items.
        #expect(items.map(\.plainText) == ["Phòng A kiểm tra công vụ.", "Phòng A phối hợp với PB đăng 02 bài hỏi - đáp."])
    }

    @Test("an item one unit wrote about coordinating with another unit follows that unit's own items")
    func coordinationAfterOwnItems() async throws {
        let plan = try scriptedPlan(alpha: "activities")
        let a = (
            "a.yaml",
            "unit: a\nperiod: 2026-Q3\nnarratives:\n  activities:\n    - {text: \"Phối hợp với PB cung cấp tư liệu.\", area: alpha}\n"
        )
        let b = (
            "b.yaml",
            "unit: b\nperiod: 2026-Q3\nnarratives:\n  activities:\n    - {text: \"Đăng tin.\", area: alpha}\n    - {text: \"Duy trì chuyên mục.\", area: alpha}\n"
        )
        let document = try await compileScripted(plan, [a, b]).document
        guard case .list(let items) = blocks(after: "2. Lĩnh vực Alpha", in: document).first else {
            Issue.record("expected a list")
            return
        }
        #expect(items.map(\.plainText) == ["PB đăng tin.", "PB duy trì chuyên mục.", "Phòng A phối hợp với PB cung cấp tư liệu."])
    }

    @Test("appendix cells do not repeat the unit before each item, and say how many more in a sentence")
    func appendix() async throws {
        let plan = try scriptedPlan(alpha: "")
        let items = (1...5).map { "    - {text: \"Hoạt động \($0).\", area: alpha, task: II.1}\n" }.joined()
        let q3 = ("a.yaml", "unit: a\nperiod: 2026-Q3\nnarratives:\n  activities:\n" + items)
        let document = try await compileScripted(plan, [q3]).document
        guard case .table(let table) = document.appendices.first?.body.first else {
            Issue.record("expected the appendix table")
            return
        }
        #expect(
            table.rows[0][4].text
                == "Phòng A hoạt động 1.\nPhòng A hoạt động 2.\nPhòng A hoạt động 3.\nNgoài ra, các phòng, đơn vị còn thực hiện 2 hoạt động khác, nêu tại phần I của báo cáo."
        )
    }
}
