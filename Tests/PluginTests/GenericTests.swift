import BaocaoCore
import BaocaoPlugins
import BaocaoRender
import Foundation
import GenericPlugin
import TestSupport
import XCTest

/// The generic plugin on a test plan: the shipped plan plus an area no built-in plugin knows,
/// "Bồi dưỡng kỹ năng số cho công chức", declared in YAML only (`GenericExamples.area`), with
/// synthetic data of two periods (`GenericFixture`).
final class GenericTests: XCTestCase {
    func testDescriptor() throws {
        let d = GenericSection.descriptor
        XCTAssertEqual(d.id, "generic")
        XCTAssertEqual(Set(d.options.map(\.key)), ["table", "caption"])
        XCTAssertTrue(d.expectedIndicators.isEmpty, "the generic plugin takes whatever indicators the area declares")
        XCTAssertNotNil(BuiltinPlugins.registry.plugin(id: "generic"))
    }

    /// The test plan loads without errors; an option the plugin does not declare is refused.
    func testTestPlanLoadsAndUnknownOptionsAreRefused() throws {
        let plan = try GenericFixture.plan()
        let area = try XCTUnwrap(plan.area(GenericExamples.areaID))
        XCTAssertEqual(area.plugin, "generic")
        XCTAssertEqual(area.indicators.map(\.id), ["ktso_luot_boi_duong", "ktso_hoan_thanh", "ktso_ty_le_hoan_thanh", "ktso_hinh_thuc"])
        XCTAssertEqual(area.options["caption"], .text("Kết quả bồi dưỡng kỹ năng số {{period}}"))
        XCTAssertTrue(area.template?.contains("{{#ktso_luot_boi_duong}}") ?? false)
        XCTAssertFalse(BuiltinPlugins.all.contains { $0.descriptor.id != "generic" && $0.descriptor.id == area.plugin })

        let text = try GenericFixture.planText(
            area: GenericExamples.area().replacingOccurrences(
                of: "    order: 60\n", with: "    order: 60\n    options:\n      colour: blue\n"))
        let result = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(text: text, displayPath: "test-plan.yaml")
        XCTAssertTrue(
            result.diagnostics.contains { $0.severity == .error && $0.message.contains("tùy chọn 'colour'") },
            result.diagnostics.map(\.description).joined(separator: "\n"))
    }

    /// The whole report of 2026-Q3 on the test plan: the new area's heading and text in part I,
    /// its finding (with the unit's cause) in part II, and provenance for its figures in the JSON.
    func testCompiledReportCarriesTheNewArea() async throws {
        let plan = try GenericFixture.plan()
        let output = try await GenericFixture.compile(plan, period: "2026-Q3")
        let markdown = MarkdownRenderer().text(output.document)

        let headings = output.document.body.compactMap { block -> Heading? in
            if case .heading(let h) = block { return h }
            return nil
        }
        let heading = try XCTUnwrap(headings.first { $0.text == "Bồi dưỡng kỹ năng số cho công chức" })
        XCTAssertEqual(heading.level, 2)
        XCTAssertEqual(heading.number, "6.", "the area comes last in part I (order 60)")
        XCTAssertTrue(
            markdown.contains(
                "Trong quý III năm 2026, Văn phòng UBND tỉnh tiếp tục tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức "
                    + "theo hình thức trực tuyến kết hợp trực tiếp tại cơ quan Văn phòng. Trong kỳ có 48 lượt người được bồi dưỡng "
                    + "(tăng 20 % so với quý II năm 2026), trong đó 40 lượt người hoàn thành chương trình."), markdown)
        XCTAssertTrue(markdown.contains("Kết quả bồi dưỡng kỹ năng số quý III năm 2026"), markdown)
        XCTAssertTrue(
            markdown.contains("Phòng TCHCQT phối hợp với Trung tâm Thông tin tổ chức 02 lớp bồi dưỡng kỹ năng khai thác dữ liệu số."),
            markdown)

        // Part II: the missed rate target, with the cause the unit gave in the figure's note.
        let partII = try XCTUnwrap(markdown.range(of: "ĐÁNH GIÁ CHUNG"))
        let partIII = try XCTUnwrap(markdown.range(of: "NHIỆM VỤ TRỌNG TÂM"))
        let assessment = String(markdown[partII.upperBound..<partIII.lowerBound])
        XCTAssertTrue(
            assessment.contains(
                "Tỷ lệ hoàn thành chương trình bồi dưỡng kỹ năng số trong quý III năm 2026 đạt 83,33 %, chưa đạt mục tiêu tối thiểu "
                    + "90 % của Kế hoạch"), assessment)
        XCTAssertTrue(
            assessment.contains("Nguyên nhân: một số công chức được cử đi công tác dài ngày nên chưa hoàn thành chương trình."), assessment)
        XCTAssertFalse(assessment.contains("mục tiêu năm"), "a yearly count target is not judged on one quarter")

        // JSON: every figure of the area with its provenance, and the table's cells linked to them.
        let json = try JSONSerialization.jsonObject(with: JSONRenderer().render(output.document)) as? [String: Any]
        let document = try XCTUnwrap(json?["document"] as? [String: Any])
        let figures = try XCTUnwrap(document["figures"] as? [[String: Any]])
        func record(_ id: String) throws -> [String: Any] { try XCTUnwrap(figures.first { $0["id"] as? String == id }, id) }
        let trained = try record("2026-Q3/ktso_luot_boi_duong/total")
        XCTAssertEqual(trained["value"] as? Double, 48)
        XCTAssertEqual(trained["measure"] as? String, "lượt người")
        let sources = try XCTUnwrap(trained["sources"] as? [[String: Any]])
        XCTAssertEqual(sources.first?["unit"] as? String, "tchcqt")
        XCTAssertEqual(sources.first?["file"] as? String, "test/2026-Q3/tchcqt.yaml")
        XCTAssertEqual(sources.first?["line"] as? Int, 5)
        let rate = try record("2026-Q3/ktso_ty_le_hoan_thanh/total")
        XCTAssertEqual(rate["text"] as? String, "83,33 %")
        XCTAssertTrue((rate["derivation"] as? String ?? "").hasPrefix("ratio"))
        XCTAssertEqual((rate["sources"] as? [[String: Any]])?.count, 2)
        _ = try record("2026-Q2/ktso_luot_boi_duong/total")

        let section = try XCTUnwrap(output.sections.first { $0.area.id == GenericExamples.areaID }?.section)
        let ids = Set(figures.compactMap { $0["id"] as? String })
        for case .table(let table) in section.blocks {
            for cell in table.rows.flatMap({ $0 }) {
                for id in cell.figures { XCTAssertTrue(ids.contains(id), "cell links to unknown figure \(id)") }
            }
        }
    }

    /// Without a template, the same data in prose: one paragraph per indicator, the table, the activities.
    func testPlainSectionOnTheTestPlan() async throws {
        let plan = try GenericFixture.plan(area: GenericExamples.area())
        let section = try await GenericFixture.section(plan, period: "2026-Q3")
        let paragraphs = section.blocks.compactMap { block -> String? in
            if case .paragraph(let p) = block { return p.plainText }
            return nil
        }
        XCTAssertEqual(
            paragraphs,
            [
                "Lượt công chức, viên chức được bồi dưỡng kỹ năng số: 48 lượt người, tăng 20 % so với quý II năm 2026.",
                "Lượt công chức, viên chức hoàn thành chương trình bồi dưỡng: 40 lượt người, tăng 17,6 % so với quý II năm 2026.",
                "Tỷ lệ hoàn thành chương trình bồi dưỡng kỹ năng số: 83,33 %, giảm 1,67 điểm phần trăm so với quý II năm 2026; "
                    + "chưa đạt mục tiêu tối thiểu 90 % của Kế hoạch. Nguyên nhân: Một số công chức được cử đi công tác dài ngày nên "
                    + "chưa hoàn thành chương trình.",
                "Hình thức bồi dưỡng: trực tuyến kết hợp trực tiếp tại cơ quan Văn phòng.",
                "Các hoạt động đã triển khai trong quý III năm 2026:",
            ])
        let tables = section.blocks.compactMap { block -> Table? in
            if case .table(let t) = block { return t }
            return nil
        }
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables.first?.rows.map { $0[1].text }.count, 3, "the three numeric indicators")
        XCTAssertEqual(section.limitations.map(\.cause), ["Một số công chức được cử đi công tác dài ngày nên chưa hoàn thành chương trình"])
        XCTAssertTrue(section.achievements.isEmpty)
    }

    /// Paragraphs are the template's: a line that renders empty does not split one; "- " lines
    /// become a list even without a blank line before them; a sentence left without any value
    /// is dropped.
    func testTemplateParagraphsAndLists() async throws {
        let template = """
            Dòng một
            {{#ktso_hoan_thanh.target_met}}không hiện{{/ktso_hoan_thanh.target_met}}
            dòng hai   ,  cùng đoạn .
            Danh sách:
            {{#activities}}
            - {{.}}
            {{/activities}}

            {{#ktso_hoan_thanh}}{{#has_target}}Mục tiêu: {{target}}{{/has_target}}{{/ktso_hoan_thanh}}.

            Đoạn cuối ( có ngoặc ).
            """
        let plan = try GenericFixture.plan(area: GenericExamples.area(template: template))
        let section = try await GenericFixture.section(plan, period: "2026-Q3")
        XCTAssertEqual(
            Array(section.blocks.prefix(3)),
            [
                .paragraph("Dòng một dòng hai, cùng đoạn. Danh sách:"),
                .list(["Phòng TCHCQT phối hợp với Trung tâm Thông tin tổ chức 02 lớp bồi dưỡng kỹ năng khai thác dữ liệu số."]),
                .paragraph("Đoạn cuối (có ngoặc)."),
            ])
    }

    /// The year, built from four quarters: the yearly count target is judged and met.
    func testYearJudgesTheYearlyCountTarget() async throws {
        let quarters = [(1, 30, 28), (2, 40, 34), (3, 48, 45), (4, 20, 19)].map { q, trained, completed in
            "unit: tchcqt\nperiod: 2026-Q\(q)\nfigures:\n  ktso_luot_boi_duong: \(trained)\n  ktso_hoan_thanh: \(completed)\n"
        }
        let output = try await GenericFixture.compile(try GenericFixture.plan(area: GenericExamples.area()), period: "2026", data: quarters)
        let section = try XCTUnwrap(output.sections.first { $0.area.id == GenericExamples.areaID }?.section)
        XCTAssertEqual(
            section.achievements.map(\.text),
            [
                "Lượt công chức, viên chức được bồi dưỡng kỹ năng số trong năm 2026 đạt 138 lượt người, đạt mục tiêu năm tối thiểu "
                    + "120 lượt người theo Kế hoạch, mục II.5",
                "Tỷ lệ hoàn thành chương trình bồi dưỡng kỹ năng số trong năm 2026 đạt 91,30 %, đạt mục tiêu tối thiểu 90 % của Kế hoạch",
            ])
        XCTAssertTrue(section.limitations.isEmpty)
        let record = try XCTUnwrap(output.document.figures.first { $0.id == "2026/ktso_luot_boi_duong/total" })
        XCTAssertEqual(record.sources.map(\.period), ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
    }

    /// A period without any data for the area: one honest sentence, the template not rendered,
    /// and a diagnostic for the officer.
    func testNoDataWithATemplate() async throws {
        let section = try await GenericFixture.section(try GenericFixture.plan(), period: "2026-Q1")
        XCTAssertEqual(section.blocks, [.paragraph("Trong kỳ, chưa có số liệu báo cáo về nội dung này.")])
        XCTAssertTrue(section.achievements.isEmpty && section.limitations.isEmpty)
        XCTAssertEqual(section.diagnostics.count, 1)
        XCTAssertTrue(section.diagnostics[0].message.hasSuffix("(no data for this area)"), section.diagnostics[0].message)
    }

    /// Values are inserted as they are: no HTML escaping in the plain-text report.
    func testTemplateValuesAreNotEscaped() async throws {
        let template = "Hình thức: {{ktso_hinh_thuc.value}}; nhãn: {{ktso_hinh_thuc.label}}.\n"
        let plan = try GenericFixture.plan(area: GenericExamples.area(template: template))
        let q3 = GenericFixture.q3.replacingOccurrences(
            of: "ktso_hinh_thuc: trực tuyến kết hợp trực tiếp tại cơ quan Văn phòng",
            with: "ktso_hinh_thuc: \"trực tuyến & trực tiếp <cơ quan>\"")
        let section = try await GenericFixture.section(plan, period: "2026-Q3", data: [GenericFixture.q2, q3])
        XCTAssertTrue(
            ExampleHarness.texts(of: section).contains("Hình thức: trực tuyến & trực tiếp <cơ quan>; nhãn: Hình thức bồi dưỡng."),
            ExampleHarness.texts(of: section).joined(separator: "\n"))
    }

    /// `table: false` leaves the table out; an option of the wrong kind is reported, the default kept.
    func testTableOption() async throws {
        for (value, expectTable) in [("false", false), ("\"không\"", true)] {
            let area = GenericExamples.area().replacingOccurrences(
                of: "    order: 60\n", with: "    order: 60\n    options:\n      table: \(value)\n")
            let section = try await GenericFixture.section(try GenericFixture.plan(area: area), period: "2026-Q3")
            let hasTable = section.blocks.contains { if case .table = $0 { return true } else { return false } }
            XCTAssertEqual(hasTable, expectTable, value)
            XCTAssertEqual(section.diagnostics.contains { $0.message.contains("tùy chọn 'table'") }, expectTable, value)
        }
    }

    /// A rank out of 34 provinces is not compared with one out of 63; it reads "xếp thứ 12/34".
    func testRanksOutOfDifferentTotalsAreNotCompared() async throws {
        let area = """
              - id: xep-hang-thu-nghiem
                title: Xếp hạng thử nghiệm
                plugin: generic
                indicators:
                  - id: xh_thu_nghiem
                    label: Xếp hạng chỉ số thử nghiệm
                    measure: bậc
                    kind: rank
                    reported_by: [tchcqt]
                    target: {at_most: 20}

            """
        let plan = try GenericFixture.plan(area: area, task: false)
        let data = [
            "unit: tchcqt\nperiod: 2026-Q3\nfigures:\n  xh_thu_nghiem: {value: 12, out_of: 34}\n",
            "unit: tchcqt\nperiod: 2025-Q3\nfigures:\n  xh_thu_nghiem: {value: 20, out_of: 63}\n",
        ]
        let output = try await GenericFixture.compile(plan, period: "2026-Q3", data: data)
        let section = try XCTUnwrap(output.sections.first { $0.area.id == "xep-hang-thu-nghiem" }?.section)
        let texts = ExampleHarness.texts(of: section)
        XCTAssertTrue(
            texts.contains("Xếp hạng chỉ số thử nghiệm: xếp thứ 12/34; đạt mục tiêu xếp hạng từ thứ 20 trở lên của Kế hoạch."),
            texts.joined(separator: "\n"))
        XCTAssertFalse(texts.joined().contains("bậc so với"), texts.joined(separator: "\n"))
        XCTAssertEqual(
            section.achievements.map(\.text),
            ["Xếp hạng chỉ số thử nghiệm trong quý III năm 2026: xếp thứ 12/34, đạt mục tiêu xếp hạng từ thứ 20 trở lên của Kế hoạch"])
    }

    /// The example of Plans/README.md ("Adding an area in YAML only") loads and compiles.
    func testReadmeExampleCompiles() async throws {
        let readme = try FixtureWorkspace.checkoutDocument("Plans/README.md")
        let section = try XCTUnwrap(readme.range(of: "Adding an area in YAML only"), "the README lacks the generic section")
        let rest = readme[section.upperBound...]
        let open = try XCTUnwrap(rest.range(of: "```yaml\n"))
        let close = try XCTUnwrap(rest[open.upperBound...].range(of: "```"))
        let area = String(rest[open.upperBound..<close.lowerBound])
        let plan = try GenericFixture.plan(area: area)
        let texts = ExampleHarness.texts(of: try await GenericFixture.section(plan, period: "2026-Q3"))
        let all = texts.joined(separator: "\n")
        XCTAssertTrue(
            texts.contains(
                "Trong quý III năm 2026, Văn phòng UBND tỉnh tiếp tục tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức "
                    + "theo hình thức trực tuyến kết hợp trực tiếp tại cơ quan Văn phòng. Trong kỳ có 48 lượt người được bồi dưỡng "
                    + "(tăng 20 % so với quý II năm 2026)."), all)
        XCTAssertTrue(
            texts.contains(
                "Tỷ lệ hoàn thành chương trình bồi dưỡng đạt 83,33 %, chưa đạt mục tiêu tối thiểu 90 % đề ra. Nguyên nhân: Một số "
                    + "công chức được cử đi công tác dài ngày nên chưa hoàn thành chương trình."), all)
        XCTAssertTrue(texts.contains("Kết quả bồi dưỡng kỹ năng số quý III năm 2026"), all)
    }

    func testGoldenSections() async throws {
        let templated = try await GenericFixture.section(try GenericFixture.plan(), period: "2026-Q3")
        try Fixtures.assertGolden(Fixtures.review(templated), "generic-dao-tao-so-2026-Q3.md")
        let plain = try await GenericFixture.section(try GenericFixture.plan(area: GenericExamples.area()), period: "2026-Q3")
        try Fixtures.assertGolden(Fixtures.review(plain), "generic-dao-tao-so-plain-2026-Q3.md")
    }
}

/// The test plan and its synthetic data (số liệu minh họa).
enum GenericFixture {
    /// Phòng TCHCQT, quý II năm 2026.
    static let q2 = """
        unit: tchcqt
        period: 2026-Q2
        illustrative: true
        figures:
          ktso_luot_boi_duong: 40
          ktso_hoan_thanh: 34
          ktso_hinh_thuc: trực tuyến
        narratives:
          activities:
            - text: Tổ chức 01 lớp bồi dưỡng kỹ năng số cơ bản cho công chức mới tuyển dụng.
              area: dao-tao-so
              task: II.5
        """

    /// Phòng TCHCQT, quý III năm 2026: the completion rate falls short, with the unit's note.
    static let q3 = """
        unit: tchcqt
        period: 2026-Q3
        illustrative: true
        figures:
          ktso_luot_boi_duong: 48
          ktso_hoan_thanh:
            value: 40
            note: Một số công chức được cử đi công tác dài ngày nên chưa hoàn thành chương trình.
          ktso_hinh_thuc: trực tuyến kết hợp trực tiếp tại cơ quan Văn phòng
        narratives:
          activities:
            - text: phối hợp với Trung tâm Thông tin tổ chức 02 lớp bồi dưỡng kỹ năng khai thác dữ liệu số
              area: dao-tao-so
              task: II.5
        """

    /// The shipped plan with `area` added at the end of `areas:` and, when asked, the task that
    /// feeds it at the end of `tasks:`.
    static func planText(area: String, task: Bool = true) throws -> String {
        var text = try String(contentsOfFile: Fixtures.planPath, encoding: .utf8)
        guard let reporting = text.range(of: "\nreporting:") else { throw PluginError("the shipped plan has no 'reporting:'") }
        text.insert(contentsOf: "\n" + area, at: reporting.lowerBound)
        if task {
            guard let organization = text.range(of: "\norganization:") else { throw PluginError("the shipped plan has no 'organization:'") }
            text.insert(contentsOf: "\n" + GenericExamples.task, at: organization.lowerBound)
        }
        return text
    }

    /// The test plan; fails the test when it does not load.
    static func plan(
        area: String = GenericExamples.area(template: GenericExamples.template), task: Bool = true, file: StaticString = #filePath,
        line: UInt = #line
    ) throws -> Plan {
        let result = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(
            text: try planText(area: area, task: task), displayPath: "test-plan.yaml")
        guard let plan = result.plan else {
            XCTFail(
                "the test plan does not load:\n" + result.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
            throw PluginError("test plan")
        }
        return plan
    }

    static func submissions(_ plan: Plan, data: [String] = [q2, q3]) throws -> [Submission] {
        var submissions: [Submission] = []
        for text in data {
            let period =
                text.split(separator: "\n").first { $0.hasPrefix("period:") }.map { $0.dropFirst(7).trimmingCharacters(in: .whitespaces) }
                ?? "?"
            let loaded = DataLoader(plan: plan).load(text: text, displayPath: "test/\(period)/tchcqt.yaml")
            XCTAssertFalse(
                loaded.diagnostics.contains { $0.severity == .error }, loaded.diagnostics.map(\.description).joined(separator: "\n"))
            submissions += loaded.submissions
        }
        return submissions
    }

    static func compile(_ plan: Plan, period: String, data: [String] = [q2, q3]) async throws -> Engine.Output {
        let engine = Engine(plan: plan, submissions: try submissions(plan, data: data), registry: BuiltinPlugins.registry)
        return try await engine.compile(period: try XCTUnwrap(Period(period)))
    }

    static func section(_ plan: Plan, period: String, data: [String] = [q2, q3]) async throws -> Section {
        let output = try await compile(plan, period: period, data: data)
        return try XCTUnwrap(output.sections.first { $0.area.id == GenericExamples.areaID }?.section)
    }
}
