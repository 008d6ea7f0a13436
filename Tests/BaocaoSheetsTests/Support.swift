import BaocaoCore
import BaocaoSheets
import Foundation
import XCTest

/// A plan with one indicator of every kind a form can ask for: counts (one monthly, one part of
/// another), a submitted percentage, a score, a rank, a text, and a computed rate that forms
/// must leave out.
let formPlanText = """
    plan:
      title: Kế hoạch thử nghiệm biểu mẫu năm 2026
      year: 2026
      basis:
        kind: Quyết định
        number: 1/QĐ-UBND
        date: 2026-01-05
        issuer: Chủ tịch UBND tỉnh
        subject: về việc thử nghiệm
      parent_body: UBND TỈNH SƠN LA
      issuing_body: VĂN PHÒNG
      issuing_body_name: Văn phòng UBND tỉnh
      place: Sơn La
      document_code: BC-VPUBND
    units:
      - id: ttpv
        name: Trung tâm Phục vụ hành chính công tỉnh
      - id: tt
        name: Trung tâm Thông tin
    purposes:
      - number: "1.1"
        text: Mục đích.
    requirements:
      - number: "2.1"
        text: Yêu cầu.
    tasks:
      - number: II.1
        title: Tuyên truyền về cải cách thủ tục hành chính
        content: []
        timeline: Thường xuyên trong năm
        timeline_kind: regular
        lead: [ttpv]
        areas: [thu-tuc]
    areas:
      - id: thu-tuc
        title: Cải cách thủ tục hành chính
        plugin: echo
        indicators:
          - id: hs_nhan
            label: Hồ sơ tiếp nhận
            measure: hồ sơ
            kind: count
            definition: Mọi hồ sơ tiếp nhận trong kỳ, kể cả trực tuyến.
            reported_by: [ttpv]
          - id: hs_dung_han
            label: Hồ sơ giải quyết đúng hạn
            measure: hồ sơ
            kind: count
            part_of: hs_nhan
            reported_by: [ttpv]
          - id: ty_le_dung_han
            label: Tỷ lệ đúng hạn
            measure: "%"
            kind: percent
            ratio_of: {numerator: [hs_dung_han], denominator: [hs_nhan]}
          - id: ty_le_hai_long
            label: Tỷ lệ hài lòng (khảo sát)
            measure: "%"
            kind: percent
            reported_by: [ttpv]
          - id: noi_dang
            label: Nơi đăng tải hướng dẫn
            measure: ""
            kind: text
            reported_by: [ttpv]
      - id: chi-so
        title: Kết quả các chỉ số
        plugin: echo
        indicators:
          - id: par_index
            label: Chỉ số cải cách hành chính (PAR INDEX)
            measure: "%"
            kind: score
            scale_max: 100
            reported_by: [ttpv]
          - id: par_index_rank
            label: Xếp hạng PAR INDEX
            measure: bậc
            kind: rank
            reported_by: [ttpv]
          - id: tin_bai
            label: Tin, bài về cải cách hành chính
            measure: tin, bài
            kind: count
            monthly: true
            reported_by: [ttpv, tt]
    reporting:
      periods:
        - kind: Q1
        - kind: year
      subject: Kết quả thử nghiệm
      addressees: [Ủy ban nhân dân tỉnh]
      recipients: [Sở Nội vụ]
      drafting_unit: TCHCQT
      signer:
        title: CHÁNH VĂN PHÒNG
        name: Nguyễn Văn A
    """

func formPlan() throws -> Plan {
    let result = PlanLoader(plugins: [PluginDescriptor(id: "echo", title: "Echo", summary: "Test.")])
        .load(text: formPlanText, displayPath: "plan.yaml")
    guard let plan = result.plan else {
        XCTFail(result.diagnostics.map(\.description).joined(separator: "\n"))
        throw CancellationError()
    }
    return plan
}

/// The Excel form of unit `ttpv` for 2026-Q4, ready to fill.
struct FilledForm {
    let plan: Plan
    let builder: FormWorkbook
    var workbook: Workbook

    init(unit: String = "ttpv", period: String = "2026-Q4") throws {
        plan = try formPlan()
        builder = FormWorkbook(UnitForm(plan: plan, unit: plan.unit(unit)!, period: Period(period)!))
        workbook = builder.workbook()
    }

    func row(_ id: String) -> FormWorkbook.Row { builder.rows[id]! }

    mutating func fill(_ ref: CellReference, _ value: CellValue?, on sheet: String = FormLayout.figuresSheet) {
        workbook[sheet: sheet]!.fill(ref, value)
    }

    mutating func set(_ id: String, _ value: CellValue?) { fill(row(id).value, value) }

    /// Every indicator filled with valid values.
    mutating func fillValid() {
        set("hs_nhan", .number(1200))
        set("hs_dung_han", .number(1150))
        set("ty_le_hai_long", .number(98.5))
        set("noi_dang", .text("Trang Facebook của Trung tâm; Cổng Dịch vụ công tỉnh"))
        set("par_index", .number(90.02))
        fill(row("par_index").year!, .number(2024))
        fill(row("par_index").source!, .text("Quyết định số 268/QĐ-BNV ngày 28/3/2025 của Bộ Nội vụ"))
        fill(row("par_index").group!, .text("A"))
        set("par_index_rank", .number(12))
        fill(row("par_index_rank").outOf!, .number(63))
        fill(row("par_index_rank").year!, .number(2024))
        fill(row("tin_bai").months["2026-10"]!, .number(6))
        fill(row("tin_bai").months["2026-11"]!, .number(0))
        fill(row("tin_bai").months["2026-12"]!, .number(7))
        fill(row("tin_bai").note, .text("Tháng 11 Cổng tạm dừng cập nhật."))
        let activity = builder.narrativeRows[.activity]!
        fill(
            CellReference(row: activity, column: 2), .text("Đăng tải 04 video hướng dẫn nộp hồ sơ trực tuyến."),
            on: FormLayout.narrativesSheet)
        fill(CellReference(row: activity, column: 4), .text("thu-tuc"), on: FormLayout.narrativesSheet)
        fill(CellReference(row: activity, column: 5), .text("II.1"), on: FormLayout.narrativesSheet)
        let limitation = builder.narrativeRows[.limitation]!
        fill(CellReference(row: limitation, column: 2), .text("Tỷ lệ thanh toán trực tuyến còn thấp."), on: FormLayout.narrativesSheet)
        fill(CellReference(row: limitation, column: 3), .text("Người dân chưa quen thanh toán trực tuyến."), on: FormLayout.narrativesSheet)
    }

    func data() throws -> Data { try XLSXWriter().write(workbook) }

    func imported() throws -> FormImporter.Result {
        FormImporter(plan: plan).read(data: try data(), displayPath: "ttpv-2026-Q4.xlsx")
    }
}

/// The diagnostics' descriptions, one a line, for messages in failures.
func listing(_ diagnostics: [SheetDiagnostic]) -> String { diagnostics.map(\.description).joined(separator: "\n") }

/// A workbook of raw parts, for testing the reader on what other programs write.
func rawWorkbook(
    sheet: String, sharedStrings: String? = nil, workbookExtra: String = "", sheetTarget: String = "worksheets/sheet1.xml",
    sheetBytes: Data? = nil
) throws -> Data {
    var entries: [(path: String, data: Data)] = [
        (
            "[Content_Types].xml",
            Data(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
                """.utf8)
        ),
        (
            "_rels/.rels",
            Data(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """.utf8)
        ),
        (
            "xl/workbook.xml",
            Data(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Số liệu" sheetId="1" r:id="rId1"/></x:sheets>\(workbookExtra)</x:workbook>
                """.utf8)
        ),
        (
            "xl/_rels/workbook.xml.rels",
            Data(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="\(sheetTarget)"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
                """.utf8)
        ),
        ("xl/worksheets/sheet1.xml", sheetBytes ?? Data(sheet.utf8)),
    ]
    if let sharedStrings { entries.append(("xl/sharedStrings.xml", Data(sharedStrings.utf8))) }
    return try ZipParts.archive(entries)
}
