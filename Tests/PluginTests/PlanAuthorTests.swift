import BaocaoCore
import BaocaoPlugins
import BaocaoRender
import Foundation
import GenericPlugin
import XCTest

/// What a plan author adding an area in YAML meets: a template is checked when the plan loads
/// (an unknown variable is an error at its line and column in the file, with "did you mean"),
/// an option in the wrong place is reported at its own line, an area added mid-year appears in
/// the 9-month and year reports with its coverage stated, and two areas reporting the same
/// thing are warned about.
final class PlanAuthorTests: XCTestCase {
    /// Loads the test plan with `area`; returns the diagnostics and the plan's text.
    func load(area: String, task: Bool = true) throws -> (result: PlanLoader.Result, text: String) {
        let text = try GenericFixture.planText(area: area, task: task)
        return (PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(text: text, displayPath: "test-plan.yaml"), text)
    }

    /// The line (from 1) and column of the first occurrence of `needle` in `text`.
    func position(of needle: String, in text: String, file: StaticString = #filePath, line: UInt = #line) throws -> (Int, Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try XCTUnwrap(lines.firstIndex { $0.contains(needle) }, "no \(needle)", file: file, line: line)
        let column = lines[index].range(of: needle).map {
            lines[index].unicodeScalars.distance(from: lines[index].startIndex, to: $0.lowerBound)
        }
        return (index + 1, try XCTUnwrap(column, file: file, line: line) + 1)
    }

    // MARK: Strict templates

    func testAnUnknownTemplateVariableIsAnErrorAtItsLineAndColumnWithASuggestion() throws {
        let template = """
            Trong {{period}}, đã bồi dưỡng {{ktso_luot_boi_duong.valeu}} lượt người.
            {{#ktso_hoan_thanh}}
            Có {{vlaue}} lượt người hoàn thành.
            {{/ktso_hoan_thanh}}
            {{#ktso_hoan_thnah}}Câu bị bỏ cả câu: {{value}}.{{/ktso_hoan_thnah}}
            Tổng: {{value}}; {{ktso_luot_boi_duong.value}} lượt.
            """
        let (result, text) = try load(area: GenericExamples.area(template: template))
        XCTAssertNil(result.plan, "an unknown variable stops the plan")
        let errors = result.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 4, errors.map(\.description).joined(separator: "\n"))

        func expectError(
            at needle: String, after prefix: String = "", _ parts: [String], file: StaticString = #filePath, line: UInt = #line
        ) throws {
            let (l, start) = try position(of: prefix + needle, in: text, file: file, line: line)
            let c = start + prefix.unicodeScalars.count
            let found = errors.first { $0.location.line == l && $0.location.column == c }
            let d = try XCTUnwrap(
                found, "no error at \(l):\(c) for \(needle):\n" + errors.map(\.description).joined(separator: "\n"), file: file, line: line)
            XCTAssertEqual(d.location.file, "test-plan.yaml", file: file, line: line)
            for part in parts { XCTAssertTrue(d.message.contains(part), d.description, file: file, line: line) }
        }
        try expectError(
            at: "{{ktso_luot_boi_duong.valeu}}",
            [
                "mẫu văn bản (template) của lĩnh vực 'dao-tao-so'", "biến 'ktso_luot_boi_duong.valeu' không có",
                "có phải là 'ktso_luot_boi_duong.value'?", "(unknown template variable 'ktso_luot_boi_duong.valeu'; did you mean",
            ])
        // Inside a section: the key alone is the indicator's.
        try expectError(at: "{{vlaue}}", ["biến 'vlaue'", "có phải là 'value'?"])
        // A misspelt section would drop its whole sentence: it is an error too, and its content
        // is not reported again.
        try expectError(at: "{{#ktso_hoan_thnah}}", ["có phải là 'ktso_hoan_thanh'?"])
        // An indicator's key outside any section of an indicator.
        try expectError(at: "{{value}}", after: "Tổng: ", ["chỉ dùng được trong khối {{#<mã chỉ tiêu>}}", "{{<mã chỉ tiêu>.value}}"])
        XCTAssertTrue(errors.allSatisfy { $0.location.column > 6 }, "columns count from the file's line, past the indentation")
    }

    func testAMisspeltIndicatorIDIsSuggestedFromItsEnding() throws {
        let area = GenericExamples.area(
            template: "Trong kỳ có {{#boi_duong.has_value}}{{hoan_thanh.value}}{{/boi_duong.has_value}} lượt.\n")
        let errors = try load(area: area).result.diagnostics.filter { $0.severity == .error }
        XCTAssertTrue(
            errors.contains { $0.message.contains("có phải là 'ktso_hoan_thanh.value'?") },
            errors.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(
            errors.contains { $0.message.contains("biến 'boi_duong.has_value'") }, errors.map(\.description).joined(separator: "\n"))
    }

    /// A known variable printed without a value (no data this period, no guard around it) leaves
    /// a hole in a sentence: the officer is warned, naming it.
    func testAnEmptyValuePrintedByTheTemplateIsReportedToTheOfficer() async throws {
        let template = """
            Hình thức: {{ktso_hinh_thuc.value}}; kỳ trước: {{previous_period}}.
            {{#ktso_hinh_thuc.has_value}}Không in khi chưa có: {{ktso_hinh_thuc.value}}.{{/ktso_hinh_thuc.has_value}}
            Đơn vị tính để trống không sao: {{ktso_hinh_thuc.measure}}.
            """
        let plan = try GenericFixture.plan(area: GenericExamples.area(template: template))
        let q3 = "unit: tchcqt\nperiod: 2026-Q3\nfigures:\n  ktso_luot_boi_duong: 48\n  ktso_hoan_thanh: 45\n"
        let section = try await GenericFixture.section(plan, period: "2026-Q3", data: [q3])
        let warning = try XCTUnwrap(section.diagnostics.first { $0.message.contains("(template printed empty values)") })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(
            warning.message.contains("in biến chưa có giá trị quý III năm 2026: ktso_hinh_thuc.value, previous_period;"), warning.message)
        // With the values there, nothing is reported.
        let full = try await GenericFixture.section(plan, period: "2026-Q3")
        XCTAssertFalse(full.diagnostics.contains { $0.message.contains("(template printed empty values)") })
    }

    /// What cannot be checked is refused: a partial, and changed delimiters.
    func testPartialsAndChangedDelimitersAreRefused() throws {
        for (template, expected) in [
            ("Trong kỳ {{> chung}}.\n", "không dùng được mẫu con '{{>chung}}' (partials are not supported)"),
            ("{{=<% %>=}}Trong kỳ <%khong_co%>.\n", "không được đổi dấu phân cách"),
        ] {
            let errors = try load(area: GenericExamples.area(template: template)).result.diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.count, 1, errors.map(\.description).joined(separator: "\n"))
            XCTAssertTrue(errors.first?.message.contains(expected) ?? false, errors.map(\.description).joined(separator: "\n"))
        }
    }

    /// A template that is not a literal block (`template: "…"`) has no exact columns: the error
    /// is at the value and names the line and column inside the template.
    func testAQuotedTemplateNamesThePositionInsideIt() throws {
        let area = GenericExamples.area().replacingOccurrences(
            of: "    order: 60\n", with: "    order: 60\n    template: \"Có {{ktso_luot_boi_duong.value}} và {{khong_co}}.\"\n")
        let (result, text) = try load(area: area)
        let error = try XCTUnwrap(result.diagnostics.first { $0.severity == .error })
        let (line, _) = try position(of: "template: \"Có", in: text)
        XCTAssertEqual(error.location.line, line)
        XCTAssertTrue(error.message.contains("(dòng 1, cột 37 của mẫu)"), error.message)
        XCTAssertTrue(error.message.contains("biến 'khong_co'"), error.message)
    }

    func testASyntaxErrorIsLocatedInThePlanFile() throws {
        let broken = "Dòng một.\nDòng hai {{#has_activities}}có hoạt động{{/activities}}.\n"
        let (result, text) = try load(area: GenericExamples.area(template: broken))
        let error = try XCTUnwrap(result.diagnostics.first { $0.severity == .error }, "\(result.diagnostics)")
        let (line, _) = try position(of: "Dòng hai {{#has_activities}}", in: text)
        XCTAssertEqual(error.location.line, line, error.description)
        XCTAssertTrue(error.message.contains("có lỗi ở dòng 2, cột"), error.message)
        XCTAssertTrue(error.message.contains("không khớp"), error.message)
    }

    /// A plan built without the plugin's check (a tool that skips it) still cannot print a
    /// report with a hole: the plugin refuses the template when it writes the section.
    func testThePluginRefusesAnUnknownVariableWhenWritingToo() async throws {
        let template = "Đã bồi dưỡng {{ktso_luot_boi_duong.valeu}} lượt.\n"
        let unchecked = BuiltinPlugins.registry.descriptors.map { d -> PluginDescriptor in
            var copy = d
            copy.checkArea = nil
            return copy
        }
        let result = PlanLoader(plugins: unchecked).load(
            text: try GenericFixture.planText(area: GenericExamples.area(template: template)), displayPath: "test-plan.yaml")
        let plan = try XCTUnwrap(result.plan, result.diagnostics.map(\.description).joined(separator: "\n"))
        do {
            _ = try await GenericFixture.compile(plan, period: "2026-Q3")
            XCTFail("compile must stop")
        } catch let failure as Engine.PluginFailure {
            XCTAssertTrue(failure.message.contains("có phải là 'ktso_luot_boi_duong.value'?"), failure.message)
        }
    }

    /// "template:" indented under "options:": the error is at the key's own line, with the hint.
    func testAnAreaKeyUnderOptionsIsReportedAtItsLine() throws {
        let area = GenericExamples.area().replacingOccurrences(
            of: "    order: 60\n", with: "    order: 60\n    options:\n      table: false\n      template: |\n        Trong {{period}}.\n")
        let (result, text) = try load(area: area)
        let error = try XCTUnwrap(result.diagnostics.first { $0.severity == .error }, "\(result.diagnostics)")
        let (line, column) = try position(of: "template: |", in: text)
        XCTAssertEqual(error.location.line, line, error.description)
        XCTAssertEqual(error.location.column, column, error.description)
        XCTAssertTrue(error.message.contains("'template' là khóa của lĩnh vực, không phải tùy chọn"), error.message)
        XCTAssertTrue(error.message.contains("thụt lề 'template:' bằng với 'options:'"), error.message)

        // An unknown option is at its own line too, with "did you mean".
        let typo = GenericExamples.area().replacingOccurrences(
            of: "    order: 60\n", with: "    order: 60\n    options:\n      captoin: x\n")
        let (typoResult, typoText) = try load(area: typo)
        let typoError = try XCTUnwrap(typoResult.diagnostics.first { $0.severity == .error })
        XCTAssertEqual(typoError.location.line, try position(of: "captoin:", in: typoText).0)
        XCTAssertTrue(typoError.message.contains("có phải là 'caption'?"), typoError.message)
    }

    /// A template line indented less than the block: the hint names the block, not a missing ':'.
    func testATemplateLineIndentedTooLittleGetsTheBlockHint() throws {
        let template = "Trong {{period}}, kết quả như sau:\n{{#ktso_luot_boi_duong}}{{value}}{{/ktso_luot_boi_duong}} lượt.\n"
        var area = GenericExamples.area(template: template)
        // The second line of the block, indented 4 spaces instead of 6.
        area = area.replacingOccurrences(of: "      {{#ktso_luot_boi_duong}}", with: "    {{#ktso_luot_boi_duong}}")
        let (result, text) = try load(area: area)
        let error = try XCTUnwrap(result.diagnostics.first { $0.severity == .error }, "\(result.diagnostics)")
        let (line, _) = try position(of: "    {{#ktso_luot_boi_duong}}", in: text)
        let (header, _) = try position(of: "template: |", in: text)
        XCTAssertEqual(error.location.line, line, error.description)
        XCTAssertEqual(error.location.column, 5, error.description)
        XCTAssertTrue(error.message.contains("khối văn bản nhiều dòng mở ở dòng \(header)"), error.message)
        XCTAssertTrue(error.message.contains("(4 dấu cách thay vì 6)"), error.message)
        XCTAssertFalse(error.message.contains("thiếu dấu ':'"), error.message)
    }

    // MARK: An area added mid-year

    /// Phòng TCHCQT reports civil-service figures each quarter; the new area's figures start in Q3.
    static func midYearData(quarters: ClosedRange<Int>) -> [String] {
        quarters.map { q in
            var text = "unit: tchcqt\nperiod: 2026-Q\(q)\nillustrative: true\nfigures:\n  kiem_tra_cong_vu: 1\n"
            if q >= 3 { text += "  ktso_luot_boi_duong: \(q == 3 ? 48 : 30)\n  ktso_hoan_thanh: \(q == 3 ? 45 : 28)\n" }
            return text
        }
    }

    func testAnAreaAddedInQ3AppearsInTheNineMonthReportWithItsCoverage() async throws {
        let plan = try GenericFixture.plan(area: GenericExamples.area())
        let output = try await GenericFixture.compile(plan, period: "2026-9M", data: Self.midYearData(quarters: 1...3))
        let section = try XCTUnwrap(output.sections.first { $0.area.id == GenericExamples.areaID }?.section)
        let texts = ExampleHarness.texts(of: section)
        let all = texts.joined(separator: "\n")
        XCTAssertFalse(all.contains("chưa có số liệu báo cáo về nội dung này"), all)
        XCTAssertEqual(
            texts.first, "Nội dung này được báo cáo từ quý III năm 2026; số liệu 9 tháng năm 2026 dưới đây tính từ quý III năm 2026.")
        XCTAssertTrue(
            texts.contains(
                "Lượt công chức, viên chức được bồi dưỡng kỹ năng số: 48 lượt người; bằng 40 % mục tiêu năm tối thiểu 120 lượt người theo Kế hoạch, mục II.5."
            ), all)
        XCTAssertTrue(all.contains("Tỷ lệ hoàn thành chương trình bồi dưỡng kỹ năng số: 93,75 %"), all)
        // The officer is told, at the Q3 file.
        let warning = try XCTUnwrap(
            output.diagnostics.first { $0.message.contains("(indicators first reported in a later part of the period)") })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(
            warning.message.contains("Phòng TCHCQT: 2 chỉ tiêu được báo cáo từ quý III năm 2026 (ktso_luot_boi_duong, ktso_hoan_thanh)"),
            warning.message)
        XCTAssertEqual(warning.location.file, "test/2026-Q3/tchcqt.yaml")
        // The provenance names the quarter it starts from; the civil-service figure is unaffected.
        let record = try XCTUnwrap(output.document.figures.first { $0.id == "2026-9M/ktso_luot_boi_duong/total" })
        XCTAssertEqual(record.sources.map(\.period), ["2026-Q3"])
        let civil = try XCTUnwrap(output.document.figures.first { $0.id == "2026-9M/kiem_tra_cong_vu/total" })
        XCTAssertEqual(civil.value, 3)
    }

    func testAnAreaAddedInQ3AppearsInTheYearReportAndItsTargetIsJudged() async throws {
        let plan = try GenericFixture.plan(area: GenericExamples.area())
        let output = try await GenericFixture.compile(plan, period: "2026", data: Self.midYearData(quarters: 1...4))
        let section = try XCTUnwrap(output.sections.first { $0.area.id == GenericExamples.areaID }?.section)
        let texts = ExampleHarness.texts(of: section)
        XCTAssertEqual(texts.first, "Nội dung này được báo cáo từ quý III năm 2026; số liệu năm 2026 dưới đây tính từ quý III năm 2026.")
        XCTAssertTrue(
            texts.contains { $0.hasPrefix("Lượt công chức, viên chức được bồi dưỡng kỹ năng số: 78 lượt người; chưa đạt mục tiêu năm") },
            texts.joined(separator: "\n"))
        XCTAssertEqual(section.limitations.count, 1)
    }

    /// A unit that left a quarter out while another unit reported it is not a late start: the
    /// figure is still left out, with the warning it had.
    func testAGapOtherUnitsFilledIsNotTreatedAsALateStart() async throws {
        var area = GenericExamples.area()
        area = area.replacingOccurrences(of: "reported_by: [tchcqt]\n        target", with: "reported_by: [tchcqt, tttt]\n        target")
        let plan = try GenericFixture.plan(area: area)
        var data = Self.midYearData(quarters: 1...3)
        data.append("unit: tttt\nperiod: 2026-Q1\nfigures:\n  ktso_luot_boi_duong: 5\n")
        data.append("unit: tttt\nperiod: 2026-Q2\nfigures:\n  ktso_luot_boi_duong: 5\n")
        data.append("unit: tttt\nperiod: 2026-Q3\nfigures:\n  ktso_luot_boi_duong: 5\n")
        let output = try await GenericFixture.compile(plan, period: "2026-9M", data: data)
        let record = try XCTUnwrap(output.document.figures.first { $0.id == "2026-9M/ktso_luot_boi_duong/total" })
        XCTAssertEqual(record.value, 15, "Phòng TCHCQT's Q3 alone is not added to a 9-month total")
        XCTAssertTrue(output.diagnostics.contains { $0.message.contains("không có ở mọi kỳ thành phần") })
    }

    // MARK: Overlap

    func testTwoAreasReportingTheSameSubjectAreWarned() throws {
        let area = """
              - id: kiem-tra-cong-vu
                title: Kiểm tra công vụ
                plugin: generic
                indicators:
                  - id: ktcv_kiem_tra_cong_vu
                    label: Số cuộc kiểm tra việc thực thi công vụ.
                    measure: cuộc
                    kind: count
                  - id: ktcv_vi_pham
                    label: Cán bộ vi phạm kỷ luật
                    measure: người
                    kind: count

            """
        let (result, text) = try load(area: area, task: false)
        XCTAssertNotNil(result.plan, "an overlap is a warning, not an error")
        let warnings = result.diagnostics.filter { $0.message.contains("(overlapping areas)") }
        XCTAssertEqual(warnings.count, 1, result.diagnostics.map(\.description).joined(separator: "\n"))
        let warning = try XCTUnwrap(warnings.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.location.line, try position(of: "- id: ktcv_kiem_tra_cong_vu", in: text).0)
        XCTAssertTrue(
            warning.message.contains(
                "chỉ tiêu 'ktcv_kiem_tra_cong_vu' của lĩnh vực 'kiem-tra-cong-vu' trùng nội dung với chỉ tiêu 'kiem_tra_cong_vu'"),
            warning.message)
        XCTAssertTrue(warning.message.contains("của lĩnh vực 'civil-service'"), warning.message)

        // The same subject under another id, and an indicator a built-in plugin writes about.
        let labelOnly = area.replacingOccurrences(of: "ktcv_kiem_tra_cong_vu", with: "ktcv_so_cuoc")
        XCTAssertEqual(
            try load(area: labelOnly, task: false).result.diagnostics.filter { $0.message.contains("(overlapping areas)") }.count, 1)
        let distinct = labelOnly.replacingOccurrences(of: "Số cuộc kiểm tra việc thực thi công vụ.", with: "Cuộc thanh tra hành chính")
        XCTAssertEqual(try load(area: distinct, task: false).result.diagnostics.filter { $0.message.contains("(overlapping") }.count, 0)
    }

    /// An indicator a built-in plugin writes about, moved to another area: both sections would
    /// report it (and the built-in one is told it lacks it).
    func testAnIndicatorOfABuiltInPluginDeclaredInAnotherAreaIsWarned() throws {
        let moved = """
                  - id: kiem_tra_cong_vu
                    label: Cuộc kiểm tra việc thực thi công vụ
                    measure: cuộc
                    kind: count
                    reported_by: [tchcqt]

            """
        var text = try GenericFixture.planText(
            area: "  - id: kiem-tra\n    title: Kiểm tra công vụ\n    plugin: generic\n    indicators:\n" + moved, task: false)
        let civil = try XCTUnwrap(text.range(of: moved), "the test plan's civil-service area declares kiem_tra_cong_vu")
        text.removeSubrange(civil)
        let result = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(text: text, displayPath: "test-plan.yaml")
        XCTAssertNotNil(result.plan, result.diagnostics.map(\.description).joined(separator: "\n"))
        let warning = try XCTUnwrap(result.diagnostics.first { $0.message.contains("(indicator of another area)") })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(
            warning.message.contains(
                "chỉ tiêu 'kiem_tra_cong_vu' là chỉ tiêu của lĩnh vực 'civil-service' (plugin 'civil-service' viết về nó) nhưng "
                    + "được khai báo ở lĩnh vực 'kiem-tra'"), warning.message)
        XCTAssertEqual(warning.location.line, try position(of: "- id: kiem_tra_cong_vu", in: text).0)
    }

    func testTheTestPlanHasNoOverlap() throws {
        let result = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(path: Fixtures.planPath, displayPath: "plan.yaml")
        XCTAssertFalse(
            result.diagnostics.contains {
                $0.message.contains("(overlapping areas)") || $0.message.contains("(indicator of another area)")
            },
            result.diagnostics.map(\.description).joined(separator: "\n"))
    }
}
