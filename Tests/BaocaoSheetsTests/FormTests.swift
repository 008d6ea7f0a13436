import BaocaoCore
import BaocaoSheets
import Foundation
import XCTest

/// The data-entry forms: what they ask, the Excel round trip, and the located error for each
/// kind of bad cell.
final class FormTests: XCTestCase {
    func testTheFormAsksEachUnitForItsIndicatorsOnly() throws {
        let plan = try formPlan()
        let forms = UnitForm.forms(plan: plan, period: Period("2026-Q4")!)
        XCTAssertEqual(forms.map(\.unit.id), ["ttpv", "tt"])
        XCTAssertEqual(
            forms[0].indicators.map(\.id),
            ["hs_nhan", "hs_dung_han", "ty_le_hai_long", "noi_dang", "par_index", "par_index_rank", "tin_bai"],
            "never the computed rate")
        XCTAssertEqual(forms[1].indicators.map(\.id), ["tin_bai"])
        XCTAssertEqual(forms[0].months.map(\.code), ["2026-10", "2026-11", "2026-12"])
        XCTAssertEqual(forms[0].windowText, "15/09/2026 – 14/12/2026")
        XCTAssertEqual(forms[0].deadline, CivilDate(year: 2026, month: 12, day: 20))
        XCTAssertEqual(UnitForm.forms(plan: plan, period: Period("2026-Q4")!, units: ["tt"]).map(\.unit.id), ["tt"])
    }

    func testTheExcelFormShowsLabelsMeasuresDefinitionsAndTheWindow() throws {
        let form = try FilledForm()
        let book = try XLSXReader().read(data: form.data())
        let s = try XCTUnwrap(book.sheet(FormLayout.figuresSheet))
        XCTAssertEqual(s[1, 1]?.value, .text("BIỂU SỐ LIỆU QUÝ IV NĂM 2026"))
        XCTAssertEqual(s[3, 3]?.value, .text("ttpv"))
        XCTAssertEqual(s[4, 3]?.value, .text("2026-Q4"))
        XCTAssertEqual(book.definedNames[FormLayout.unitName]?.cell, CellReference("C3"))
        XCTAssertEqual(book.definedNames[FormLayout.periodName]?.cell, CellReference("C4"))
        let row = form.row("hs_nhan").row
        let texts = s.cells.filter { $0.key.row == row }.compactMap { $0.value.trimmedText }
        XCTAssertTrue(texts.contains("hs_nhan"), "\(texts)")
        XCTAssertTrue(texts.contains("Hồ sơ tiếp nhận"), "\(texts)")
        XCTAssertTrue(texts.contains("hồ sơ"), "\(texts)")
        XCTAssertTrue(texts.contains { $0.contains("Mọi hồ sơ tiếp nhận trong kỳ, kể cả trực tuyến.") }, "\(texts)")
        XCTAssertTrue(texts.contains("15/09/2026 – 14/12/2026"), "\(texts)")
        let headers = s.cells.filter { $0.key.row == 8 }.compactMap { $0.value.trimmedText }
        for heading in [
            "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Tháng 10/2026", "Tháng 12/2026", "Ghi chú", "Trên tổng số (với xếp hạng)",
        ] {
            XCTAssertTrue(headers.contains(heading), "\(heading) in \(headers)")
        }
        XCTAssertNil(form.builder.rows["ty_le_dung_han"], "computed rates are not asked for")
        let narratives = try XCTUnwrap(book.sheet(FormLayout.narrativesSheet))
        XCTAssertEqual(narratives[form.builder.narrativeRows[.limitation]!, 1]?.value, .text("Tồn tại, hạn chế"))
    }

    func testSameFormSameBytes() throws {
        XCTAssertEqual(try FilledForm().data(), try FilledForm().data())
    }

    /// Form → filled programmatically → imported: the same figures, narratives and notes.
    func testAFilledFormImportsToTheSameFigures() throws {
        var form = try FilledForm()
        form.fillValid()
        let result = try form.imported()
        XCTAssertFalse(result.hasErrors, listing(result.diagnostics))
        XCTAssertEqual(result.diagnostics, [], listing(result.diagnostics))
        let s = try XCTUnwrap(result.submission, result.yaml ?? "")
        XCTAssertEqual(s.unit, "ttpv")
        XCTAssertEqual(s.period, Period("2026-Q4"))
        XCTAssertEqual(s.figures["hs_nhan"]?.number, 1200)
        XCTAssertEqual(s.figures["hs_dung_han"]?.number, 1150)
        XCTAssertEqual(s.figures["ty_le_hai_long"]?.number, 98.5)
        XCTAssertEqual(s.figures["noi_dang"]?.text, "Trang Facebook của Trung tâm; Cổng Dịch vụ công tỉnh")
        XCTAssertEqual(s.figures["par_index"]?.number, 90.02)
        XCTAssertEqual(s.figures["par_index"]?.year, 2024)
        XCTAssertEqual(s.figures["par_index"]?.source, "Quyết định số 268/QĐ-BNV ngày 28/3/2025 của Bộ Nội vụ")
        XCTAssertEqual(s.figures["par_index"]?.group, "A")
        XCTAssertEqual(s.figures["par_index_rank"]?.number, 12)
        XCTAssertEqual(s.figures["par_index_rank"]?.outOf, 63)
        XCTAssertEqual(s.figures["tin_bai"]?.months, [10: 6, 11: 0, 12: 7])
        XCTAssertEqual(s.figures["tin_bai"]?.number, 13)
        XCTAssertEqual(s.figures["tin_bai"]?.note, "Tháng 11 Cổng tạm dừng cập nhật.")
        XCTAssertEqual(s.figures.count, 7)
        XCTAssertEqual(s.narratives.map(\.kind), [.activity, .limitation])
        XCTAssertEqual(s.narratives[0].area, "thu-tuc")
        XCTAssertEqual(s.narratives[0].task, "II.1")
        XCTAssertEqual(s.narratives[1].cause, "Người dân chưa quen thanh toán trực tuyến.")
        // The YAML cites the cell of every value.
        let yaml = try XCTUnwrap(result.yaml)
        XCTAssertTrue(yaml.contains("  hs_nhan: 1200  # Số liệu!E\(form.row("hs_nhan").row)\n"), yaml)
        XCTAssertTrue(yaml.contains("unit: \"ttpv\"  # Số liệu!C3\n"), yaml)
        XCTAssertTrue(yaml.contains("      \"2026-10\": 6  # Số liệu!F\(form.row("tin_bai").row)\n"), yaml)
        // And reads the same again as a data file.
        let again = DataLoader(plan: form.plan).load(text: yaml, displayPath: "ttpv.yaml")
        XCTAssertEqual(again.diagnostics, [])
        XCTAssertEqual(again.submissions.first?.figures["par_index_rank"]?.outOf, 63)
    }

    func testAnUnfilledFormImportsAsNoFigures() throws {
        let result = try FilledForm().imported()
        XCTAssertEqual(result.diagnostics, [], listing(result.diagnostics))
        XCTAssertEqual(result.submission?.figures.count, 0)
    }

    // MARK: One located error per kind of bad cell

    /// Fills a valid form, applies `change`, imports, and returns the error lines.
    func errors(_ change: (inout FilledForm) -> Void) throws -> [String] {
        var form = try FilledForm()
        form.fillValid()
        change(&form)
        let result = try form.imported()
        XCTAssertTrue(result.hasErrors, "expected an error")
        return result.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    func row(_ id: String) throws -> Int { try FilledForm().row(id).row }

    func assertError(_ lines: [String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(
            lines.contains { $0.hasPrefix(expected) }, "expected \(expected)\nin:\n\(lines.joined(separator: "\n"))", file: file, line: line
        )
    }

    func testTextInANumberCell() throws {
        let r = try row("hs_nhan")
        assertError(
            try errors { $0.set("hs_nhan", .text("abc")) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(r) (hs_nhan): cần số nguyên không âm, gặp 'abc' (expected a whole number ≥ 0, found 'abc')"
        )
        let decimal = try errors { $0.set("ty_le_hai_long", .text("98,5")) }
        assertError(
            decimal,
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(try row("ty_le_hai_long")) (ty_le_hai_long): cần tỷ lệ từ 0 đến 100, gặp '98,5'; ô đang ở dạng văn bản"
        )
        // A whole number typed into a text-formatted cell is still a number.
        var form = try FilledForm()
        form.set("hs_nhan", .text(" 1200 "))
        XCTAssertEqual(try form.imported().submission?.figures["hs_nhan"]?.number, 1200)
    }

    func testNegativeAndFractionalCounts() throws {
        let r = try row("hs_nhan")
        assertError(
            try errors { $0.set("hs_nhan", .number(-4)) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(r) (hs_nhan): số đếm phải là số nguyên không âm, gặp -4 (expected a whole number ≥ 0)"
        )
        assertError(
            try errors { $0.set("hs_nhan", .number(2.5)) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(r) (hs_nhan): số đếm phải là số nguyên không âm, gặp 2,5")
    }

    func testPercentAbove100ScoreAboveItsScaleAndRankBelowOne() throws {
        assertError(
            try errors { $0.set("ty_le_hai_long", .number(120)) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(try row("ty_le_hai_long")) (ty_le_hai_long): tỷ lệ phải từ 0 đến 100, gặp 120"
        )
        assertError(
            try errors { $0.set("par_index", .number(101)) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(try row("par_index")) (par_index): điểm phải từ 0 đến 100, gặp 101")
        assertError(
            try errors { $0.set("par_index_rank", .number(0)) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(try row("par_index_rank")) (par_index_rank): thứ hạng phải là số nguyên từ 1, gặp 0"
        )
        assertError(
            try errors { $0.set("par_index_rank", .number(70)) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(try row("par_index_rank")) (par_index_rank): thứ hạng 70 lớn hơn tổng số 63"
        )
    }

    func testAPartLargerThanItsWholeIsShownAtThePart() throws {
        assertError(
            try errors { $0.set("hs_dung_han", .number(1300)) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(try row("hs_dung_han")) (hs_dung_han): Hồ sơ giải quyết đúng hạn (1.300) lớn hơn Hồ sơ tiếp nhận (1.200)"
        )
    }

    func testAnUnknownIndicatorRowAndAValueWithoutAnId() throws {
        var extra = 0
        let lines = try errors { form in
            extra = form.workbook[sheet: FormLayout.figuresSheet]!.cells.keys.map(\.row).max()! + 1
            form.fill(CellReference(row: extra, column: 2), .text("hs_nhann"))
            form.fill(CellReference(row: extra, column: 5), .number(3))
            form.fill(CellReference(row: extra + 1, column: 5), .number(9))
        }
        assertError(
            lines,
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô B\(extra): không có chỉ tiêu 'hs_nhann' trong kế hoạch; có phải là 'hs_nhan'? (did you mean 'hs_nhan'?) (unknown indicator)"
        )
        assertError(
            lines,
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(extra + 1): có số liệu nhưng dòng \(extra + 1) không có mã chỉ tiêu (ô B\(extra + 1) trống)"
        )
    }

    func testADuplicateIndicatorRow() throws {
        var extra = 0
        let lines = try errors { form in
            extra = form.workbook[sheet: FormLayout.figuresSheet]!.cells.keys.map(\.row).max()! + 1
            form.fill(CellReference(row: extra, column: 2), .text("hs_nhan"))
            form.fill(CellReference(row: extra, column: 5), .number(3))
        }
        assertError(
            lines, "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô B\(extra) (hs_nhan): chỉ tiêu đã có ở dòng \(try row("hs_nhan"))")
    }

    func testAComputedRateEntered() throws {
        var extra = 0
        let lines = try errors { form in
            extra = form.workbook[sheet: FormLayout.figuresSheet]!.cells.keys.map(\.row).max()! + 1
            form.fill(CellReference(row: extra, column: 2), .text("ty_le_dung_han"))
            form.fill(CellReference(row: extra, column: 5), .number(95))
        }
        assertError(
            lines,
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(extra) (ty_le_dung_han): chỉ tiêu 'Tỷ lệ đúng hạn' được tính từ các chỉ tiêu thành phần"
        )
    }

    func testMissingOrWrongUnitAndPeriod() throws {
        assertError(
            try errors { $0.fill(CellReference("C3")!, nil) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô C3: thiếu mã đơn vị; ghi lại như trong biểu mẫu gốc (missing unit id)")
        assertError(
            try errors { $0.fill(CellReference("C4")!, .text("  ")) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô C4: thiếu mã kỳ báo cáo")
        assertError(
            try errors { $0.fill(CellReference("C3")!, .text("ttpvv")) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô C3: không có đơn vị 'ttpvv' trong kế hoạch; có phải là 'ttpv'?")
        assertError(
            try errors { $0.fill(CellReference("C4")!, .text("2026-Q5")) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô C4: '2026-Q5' không phải kỳ báo cáo")
        assertError(
            try errors { $0.fill(CellReference("C4")!, .text("2024-Q4")) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô C4: kỳ 2024-Q4 nằm ngoài năm của kế hoạch")
        assertError(
            try errors { $0.workbook.definedNames.removeAll { $0.name == FormLayout.periodName } },
            "ttpv-2026-Q4.xlsx: error: không tìm thấy ô mã kỳ báo cáo (tên BaoCao_Ky)")
    }

    func testBadMonthCells() throws {
        let form = try FilledForm()
        let october = form.row("tin_bai").months["2026-10"]!
        assertError(
            try errors { $0.fill(october, .text("sáu")) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô \(october) (tin_bai, tháng 10 năm 2026): cần số nguyên không âm, gặp 'sáu'")
        assertError(
            try errors { $0.fill(october, .number(-1)) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô \(october) (tin_bai, tháng 10 năm 2026): số đếm phải là số nguyên không âm, gặp -1"
        )
        // A value that disagrees with its months.
        assertError(
            try errors { $0.set("tin_bai", .number(20)) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(form.row("tin_bai").row) (tin_bai): giá trị 20 khác tổng các tháng 13")
        // Months of another period, when the period cell was changed by hand.
        assertError(
            try errors { $0.fill(CellReference("C4")!, .text("2026-Q3")) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô \(october) (tin_bai): '2026-10' không phải một tháng trong quý III năm 2026"
        )
    }

    func testOtherCellContentsThatAreNotValues() throws {
        let r = try row("hs_nhan")
        assertError(
            try errors { $0.set("hs_nhan", .bool(true)) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(r) (hs_nhan): cần số nguyên không âm, gặp TRUE")
        assertError(
            try errors { $0.set("hs_nhan", .error("#DIV/0!")) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(r) (hs_nhan): cần số nguyên không âm, gặp lỗi công thức #DIV/0!")
        let note = try FilledForm().row("hs_nhan").note
        assertError(
            try errors {
                $0.set("hs_nhan", nil)
                $0.fill(note, .text("chưa tổng hợp xong"))
            },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô E\(r) (hs_nhan): chưa có số liệu nhưng có ghi chú")
        let year = try FilledForm().row("par_index").year!
        assertError(
            try errors { $0.fill(year, .text("năm ngoái")) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô \(year) (par_index): cần năm đánh giá, ví dụ 2025, gặp 'năm ngoái'")
    }

    /// A form sent back as it was received says "nothing filled in yet", in a workbook and in
    /// YAML alike; one value or one narrative is enough for it to count as filled.
    func testAnUntouchedFormIsRecognisedInBothKinds() throws {
        let blank = try FilledForm()
        let untouched = try blank.imported()
        XCTAssertEqual(untouched.diagnostics, [], listing(untouched.diagnostics))
        XCTAssertTrue(UntouchedForm.isEmpty(try XCTUnwrap(untouched.submission)))
        var one = try FilledForm()
        one.set("hs_nhan", .number(3))
        XCTAssertFalse(UntouchedForm.isEmpty(try XCTUnwrap(try one.imported().submission)))
        var narrative = try FilledForm()
        narrative.fill(
            CellReference(row: narrative.builder.narrativeRows[.activity]!, column: 2), .text("Đăng tải 04 video."),
            on: FormLayout.narrativesSheet)
        XCTAssertFalse(UntouchedForm.isEmpty(try XCTUnwrap(try narrative.imported().submission)))

        let yaml = YAMLForm(blank.builder.form).text()
        XCTAssertTrue(UntouchedForm.isBlankYAMLForm(yaml, plan: blank.plan))
        let windows = yaml.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "  \r\n")
        XCTAssertTrue(UntouchedForm.isBlankYAMLForm(windows, plan: blank.plan), "Windows line ends and trailing spaces are not a change")
        let filled = yaml.replacingOccurrences(of: "  hs_nhan:\n", with: "  hs_nhan: 12\n")
        XCTAssertNotEqual(filled, yaml, "the fixture changed")
        XCTAssertFalse(UntouchedForm.isBlankYAMLForm(filled, plan: blank.plan))
        XCTAssertFalse(
            UntouchedForm.isBlankYAMLForm(yaml.replacingOccurrences(of: "period: 2026-Q4", with: "period: 2026-Q3"), plan: blank.plan),
            "another period's form has other windows and months")
        XCTAssertFalse(UntouchedForm.isBlankYAMLForm("unit: khong-co\nperiod: 2026-Q4\n", plan: blank.plan))
    }

    /// A formula whose result was never stored, with no value element or an empty one (as some
    /// programs save it): the error names the cell and the indicator.
    func testAFormulaWithoutAComputedValue() throws {
        var form = try FilledForm()
        form.fillValid()
        let value = form.row("hs_nhan").value
        let data = try form.data()
        for stored in ["", "<v></v>", "<v> </v>"] {
            // Put a formula without a cached value where the number was: rewrite the sheet part.
            var entries = try ZipParts.entries(of: data)
            let index = entries.firstIndex { $0.path == "xl/worksheets/sheet1.xml" }!
            let xml = String(decoding: entries[index].data, as: UTF8.self)
                .replacingOccurrences(
                    of: "<c r=\"\(value)\" s=\"10\"><v>1200</v></c>",
                    with: "<c r=\"\(value)\" s=\"10\"><f>SUM(F1:F2)</f>\(stored)</c>")
            XCTAssertTrue(xml.contains("<f>SUM"), "the fixture changed")
            entries[index].data = Data(xml.utf8)
            let result = FormImporter(plan: form.plan).read(data: try ZipParts.archive(entries), displayPath: "ttpv-2026-Q4.xlsx")
            assertError(
                result.diagnostics.map(\.description),
                "ttpv-2026-Q4.xlsx: error: trang tính 'Số liệu', ô \(value) (hs_nhan): ô có công thức nhưng chưa có kết quả")
        }
    }

    func testBadNarrativeRows() throws {
        let form = try FilledForm()
        let activity = form.builder.narrativeRows[.activity]!
        let sheet = FormLayout.narrativesSheet
        assertError(
            try errors { $0.fill(CellReference(row: activity, column: 1), nil, on: sheet) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Thuyết minh', ô A\(activity): thiếu loại nội dung")
        assertError(
            try errors { $0.fill(CellReference(row: activity, column: 1), .text("Ghi chú khác"), on: sheet) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Thuyết minh', ô A\(activity): loại nội dung 'Ghi chú khác' không hợp lệ")
        assertError(
            try errors { $0.fill(CellReference(row: activity, column: 4), .text("thu-tuc-hc"), on: sheet) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Thuyết minh', ô D\(activity): không có lĩnh vực 'thu-tuc-hc' trong kế hoạch")
        assertError(
            try errors { $0.fill(CellReference(row: activity, column: 5), .text("II.9"), on: sheet) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Thuyết minh', ô E\(activity): không có nhiệm vụ 'II.9' trong kế hoạch")
        let limitation = form.builder.narrativeRows[.limitation]!
        assertError(
            try errors { $0.fill(CellReference(row: limitation, column: 2), nil, on: sheet) },
            "ttpv-2026-Q4.xlsx: error: trang tính 'Thuyết minh', ô B\(limitation): dòng \(limitation) có nguyên nhân nhưng thiếu nội dung")
        // An area written as its title is understood.
        var titled = try FilledForm()
        titled.fillValid()
        titled.fill(CellReference(row: activity, column: 4), .text("Cải cách thủ tục hành chính"), on: sheet)
        XCTAssertEqual(try titled.imported().submission?.narratives.first?.area, "thu-tuc")
    }

    func testAWorkbookThatIsNotAForm() throws {
        var book = Workbook(sheets: [Worksheet(name: "Sheet1")])
        book.sheets[0].set(1, 1, "hs_nhan")
        let result = FormImporter(plan: try formPlan()).read(data: try XLSXWriter().write(book), displayPath: "khac.xlsx")
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "khac.xlsx: error: không có trang tính 'Số liệu'; tệp không phải biểu mẫu do baocao tạo (các trang có: 'Sheet1'). Hãy dùng biểu mẫu của lệnh baocao form (not a baocao form)"
            ])
        let csv = FormImporter(plan: try formPlan()).read(data: Data("a;b\n".utf8), displayPath: "so-lieu.csv")
        XCTAssertTrue(csv.diagnostics.first?.description.hasPrefix("so-lieu.csv: error: tệp không phải bảng tính Excel .xlsx") == true)
    }

    // MARK: The YAML form

    func testTheYAMLFormIsCommentedAndLoadsOnceFilled() throws {
        let plan = try formPlan()
        let form = UnitForm(plan: plan, unit: plan.unit("ttpv")!, period: Period("2026-Q4")!)
        let text = YAMLForm(form).text()
        XCTAssertEqual(text, YAMLForm(form).text())
        XCTAssertTrue(text.contains("# Thời gian chốt số liệu: 15/09/2026 – 14/12/2026. Hạn gửi: 20/12/2026."), text)
        XCTAssertTrue(
            text.contains(
                "  # Hồ sơ tiếp nhận (hồ sơ) — số nguyên không âm.\n  # Mọi hồ sơ tiếp nhận trong kỳ, kể cả trực tuyến.\n  hs_nhan:\n"),
            text)
        XCTAssertTrue(text.contains("  tin_bai:\n    months:\n      \"2026-10\":\n"), text)
        XCTAssertFalse(text.contains("ty_le_dung_han:"), text)
        // Blank, it is read and every blank is named; filled, it loads cleanly.
        let blank = DataLoader(plan: plan).load(text: text, displayPath: "ttpv-2026-Q4.yaml")
        XCTAssertTrue(
            blank.diagnostics.allSatisfy { $0.message.contains("giá trị rỗng") },
            blank.diagnostics.map(\.description).joined(separator: "\n"))
        var filled = text
        for (blankLine, value) in [
            ("  hs_nhan:\n", "  hs_nhan: 1200\n"), ("  hs_dung_han:\n", "  hs_dung_han: 1100\n"),
            ("  ty_le_hai_long:\n", "  ty_le_hai_long: 97\n"),
            ("  noi_dang:\n", "  noi_dang: Cổng Dịch vụ công\n"),
            ("    value:\n    year:\n    source:\n", "    value: 90\n    year: 2024\n    source: BNV\n"),
            ("    value:\n    out_of:\n    year:\n    source:\n", "    value: 12\n    out_of: 63\n    year: 2024\n    source: BNV\n"),
            (
                "      \"2026-10\":\n      \"2026-11\":\n      \"2026-12\":\n",
                "      \"2026-10\": 1\n      \"2026-11\": 2\n      \"2026-12\": 3\n"
            ),
        ] {
            XCTAssertTrue(filled.contains(blankLine), blankLine)
            filled = filled.replacingOccurrences(of: blankLine, with: value)
        }
        let loaded = DataLoader(plan: plan).load(text: filled, displayPath: "ttpv-2026-Q4.yaml")
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(loaded.submissions.first?.figures["tin_bai"]?.number, 6)
    }
}

/// A form saved again by another spreadsheet program still imports.
final class OtherProgramsTests: XCTestCase {
    /// Why LibreOffice Calc cannot run here, or nil when it is installed: `soffice` on `PATH`, and
    /// Calc's library (libsclo.so) next to it (Writer alone has no Calc).
    static func missingCalc() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard
            let soffice = path.split(separator: ":").map({ "\($0)/soffice" }).first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else {
            return "LibreOffice is not installed (no soffice on PATH): apt-get install libreoffice-calc-nogui"
        }
        let program = URL(fileURLWithPath: soffice).resolvingSymlinksInPath().deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: program.appendingPathComponent("libsclo.so").path) else {
            return "LibreOffice Calc is not installed (\(program.path) has no libsclo.so; Writer alone cannot save a workbook): "
                + "apt-get install libreoffice-calc-nogui"
        }
        return nil
    }

    /// Saves `input` again as .xlsx with LibreOffice Calc into `folder`/out, in a private profile.
    /// A new machine's first start of LibreOffice may fail while it builds its caches, so a failed
    /// first attempt is tried once more; the second failure is reported with LibreOffice's output.
    static func resave(_ input: URL, in folder: URL) throws -> (status: Int32, output: String, data: Data?) {
        var last: (Int32, String, Data?) = (0, "", nil)
        for attempt in 1...2 {
            let converted = folder.appendingPathComponent("out")
            let soffice = Process()
            soffice.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            soffice.arguments = [
                "soffice", "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore",
                "--convert-to", "xlsx:Calc Office Open XML", "--outdir", converted.path, input.path,
            ]
            let pipe = Pipe()
            soffice.standardOutput = pipe
            soffice.standardError = pipe
            try soffice.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            soffice.waitUntilExit()
            let data = FileManager.default.contents(atPath: converted.appendingPathComponent(input.lastPathComponent).path)
            last = (soffice.terminationStatus, "attempt \(attempt): " + output, data)
            if soffice.terminationStatus == 0, data != nil { break }
        }
        return last
    }

    func testAFormSavedByLibreOfficeCalcImports() throws {
        if let missing = Self.missingCalc() { throw XCTSkip(missing) }
        var form = try FilledForm()
        form.fillValid()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("ttpv-2026-Q4.xlsx")
        try form.data().write(to: input)
        let resaved = try Self.resave(input, in: folder)
        guard resaved.status == 0, let data = resaved.data else {
            XCTFail("LibreOffice Calc did not save the form (exit status \(resaved.status)): \(resaved.output)")
            return
        }
        XCTAssertNotEqual(data, try form.data(), "LibreOffice wrote its own file")
        let result = FormImporter(plan: form.plan).read(data: data, displayPath: "ttpv-2026-Q4.xlsx")
        XCTAssertEqual(result.diagnostics, [], listing(result.diagnostics))
        let expected = try form.imported().submission
        XCTAssertEqual(result.submission?.figures.mapValues(\.number), expected?.figures.mapValues(\.number))
        XCTAssertEqual(result.submission?.figures["noi_dang"]?.text, "Trang Facebook của Trung tâm; Cổng Dịch vụ công tỉnh")
        XCTAssertEqual(result.submission?.narratives.map(\.text), expected?.narratives.map(\.text))
    }
}
