import BaocaoCore
import BaocaoSheets
import Foundation
import XCTest

/// The SpreadsheetML writer and the strict reader, on their own.
final class XLSXTests: XCTestCase {
    func testCellReferencesReadAndWriteA1Notation() {
        XCTAssertEqual(CellReference("C7"), CellReference(row: 7, column: 3))
        XCTAssertEqual(CellReference("$AA$10"), CellReference(row: 10, column: 27))
        XCTAssertEqual(CellReference("xfd1048576"), CellReference(row: 1_048_576, column: 16_384))
        for bad in ["", "7", "C", "C0", "XFE1", "C1048577", "C7x", "ABCD1", "C-1"] {
            XCTAssertNil(CellReference(bad), bad)
        }
        XCTAssertEqual(CellReference(row: 12, column: 28).description, "AB12")
        XCTAssertEqual(CellReference(row: 3, column: 3).absolute, "$C$3")
        XCTAssertEqual(CellReference.columnName(702), "ZZ")
        XCTAssertEqual(CellReference.columnName(703), "AAA")
    }

    func sampleWorkbook() -> Workbook {
        var sheet = Worksheet(name: "Số liệu")
        sheet.set(1, 1, "Hồ sơ tiếp nhận trực tuyến — Trung tâm Phục vụ hành chính công tỉnh", .title)
        sheet.set(2, 1, .number(1520), .input)
        sheet.set(2, 2, .number(98.7), .input)
        sheet.set(2, 3, .number(0.5478), .input)
        sheet.set(2, 4, .bool(true))
        sheet.set(3, 1, "  giữ dấu cách ở đầu và cuối  ", .text)
        sheet.set(3, 2, "dòng một\ndòng hai", .text)
        sheet.set(3, 3, "ký tự điều khiển \u{1} và _x0041_ giữ nguyên", .text)
        sheet.set(3, 4, "<&> \"ngoặc kép\" 'đơn'", .text)
        sheet.set(4, 1, nil, .input)
        sheet.hiddenRows = [5]
        sheet.set(5, 1, "baocao:id", .key)
        sheet.columnWidths = [1: 30]
        sheet.hiddenColumns = [6]
        sheet.merge(1, 1, through: 4)
        sheet.validations = [
            DataValidation(kind: .whole, minimum: 0, cells: [CellReference(row: 2, column: 1)], errorTitle: "Sai", error: "Số nguyên ≥ 0")
        ]
        var second = Worksheet(name: "Thuyết minh")
        second.set(1, 1, "Hồ sơ tiếp nhận trực tuyến — Trung tâm Phục vụ hành chính công tỉnh")
        return Workbook(
            sheets: [sheet, second],
            definedNames: [DefinedName(name: "BaoCao_DonVi", sheet: "Số liệu", cell: CellReference(row: 3, column: 1))],
            title: "Biểu số liệu")
    }

    func testWhatIsWrittenReadsBackWithVietnameseTextIntact() throws {
        let data = try XLSXWriter().write(sampleWorkbook())
        let book = try XLSXReader().read(data: data)
        XCTAssertEqual(book.sheets.map(\.name), ["Số liệu", "Thuyết minh"])
        let s = try XCTUnwrap(book.sheet("Số liệu"))
        XCTAssertEqual(s[1, 1]?.value, .text("Hồ sơ tiếp nhận trực tuyến — Trung tâm Phục vụ hành chính công tỉnh"))
        XCTAssertEqual(s[2, 1]?.value, .number(1520))
        XCTAssertEqual(s[2, 2]?.value, .number(98.7))
        XCTAssertEqual(s[2, 3]?.value, .number(0.5478))
        XCTAssertEqual(s[2, 4]?.value, .bool(true))
        XCTAssertEqual(s[3, 1]?.value, .text("  giữ dấu cách ở đầu và cuối  "))
        XCTAssertEqual(s[3, 2]?.value, .text("dòng một\ndòng hai"))
        XCTAssertEqual(s[3, 3]?.value, .text("ký tự điều khiển \u{1} và _x0041_ giữ nguyên"))
        XCTAssertEqual(s[3, 4]?.value, .text("<&> \"ngoặc kép\" 'đơn'"))
        XCTAssertNil(s[4, 1], "a styled empty cell reads as no cell")
        XCTAssertEqual(book.definedNames["BaoCao_DonVi"]?.sheet, "Số liệu")
        XCTAssertEqual(book.definedNames["BaoCao_DonVi"]?.cell, CellReference("A3"))
        // One shared string for the text used on both sheets, in UTF-8.
        let parts = try parts(of: data)
        let sst = String(decoding: parts["xl/sharedStrings.xml"]!, as: UTF8.self)
        XCTAssertEqual(sst.components(separatedBy: "Hồ sơ tiếp nhận trực tuyến").count, 2, sst)
        XCTAssertTrue(sst.contains("uniqueCount=\"6\""), sst)
    }

    func testSameWorkbookSameBytesWithFixedOrderAndDates() throws {
        let a = try XLSXWriter().write(sampleWorkbook())
        let b = try XLSXWriter().write(sampleWorkbook())
        XCTAssertEqual(a, b)
        let names = try entryNames(of: a)
        XCTAssertEqual(
            names,
            [
                "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet2.xml",
            ])
        // Every local header carries DOS date 1980-01-01 00:00 (time 0, date 0x0021).
        var offset = 0
        let bytes = [UInt8](a)
        var headers = 0
        while offset + 30 <= bytes.count {
            if bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 3, bytes[offset + 3] == 4 {
                XCTAssertEqual(bytes[offset + 10..<offset + 14].map { $0 }, [0, 0, 0x21, 0])
                headers += 1
            }
            offset += 1
        }
        XCTAssertEqual(headers, names.count)
        let core = String(decoding: try parts(of: a)["docProps/core.xml"]!, as: UTF8.self)
        XCTAssertFalse(core.contains("dcterms:created"), "no clock in the document properties")
    }

    func testTheSheetXMLCarriesHiddenRowsWidthsMergesAndValidations() throws {
        let xml = String(decoding: try parts(of: XLSXWriter().write(sampleWorkbook()))["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        XCTAssertTrue(xml.contains("<row r=\"5\" hidden=\"1\">"), xml)
        XCTAssertTrue(xml.contains("<col min=\"1\" max=\"1\" width=\"30\" customWidth=\"1\"/>"), xml)
        XCTAssertTrue(xml.contains("<col min=\"6\" max=\"6\" width=\"9.140625\" customWidth=\"1\" hidden=\"1\"/>"), xml)
        XCTAssertTrue(xml.contains("<mergeCell ref=\"A1:D1\"/>"), xml)
        XCTAssertTrue(xml.contains("type=\"whole\""), xml)
        XCTAssertTrue(xml.contains("operator=\"greaterThanOrEqual\""), xml)
        // Schema order: sheetData, mergeCells, dataValidations, pageMargins.
        let order = ["<sheetData>", "<mergeCells", "<dataValidations", "<pageMargins"].map { xml.range(of: $0)!.lowerBound }
        XCTAssertEqual(order, order.sorted())
    }

    func testBadSheetNamesAreRefused() {
        for name in ["", "a/b", "Số liệu [1]", String(repeating: "x", count: 32)] {
            XCTAssertThrowsError(try XLSXWriter().write(Workbook(sheets: [Worksheet(name: name)])), name)
        }
        XCTAssertThrowsError(try XLSXWriter().write(Workbook(sheets: [Worksheet(name: "A"), Worksheet(name: "a")])))
    }

    /// What Excel, LibreOffice and other tools write: shared strings with rich runs and
    /// phonetic text, inline strings, formula results, booleans, error values, cells without
    /// an address, a prefixed namespace and an absolute relationship target.
    func testTheReaderUnderstandsWhatOtherProgramsWrite() throws {
        let shared = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
              <si><t>Chỉ tiêu</t></si>
              <si><r><rPr><b/></rPr><t>Hồ sơ </t></r><r><t xml:space="preserve">trực tuyến</t></r><rPh sb="0" eb="1"><t>ホ</t></rPh></si>
              <si><t>Ho\u{0302}\u{0300} so\u{031B}</t></si>
            </sst>
            """
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
              <x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c><x:v>0.54779999999999995</x:v></x:c></x:row>
              <x:row><x:c r="A3" t="inlineStr"><x:is><x:t>Trung tâm</x:t></x:is></x:c><x:c r="B3" t="str"><x:f>A3&amp;"!"</x:f><x:v>Trung tâm!</x:v></x:c><x:c r="C3"><x:f>SUM(A1:A2)</x:f></x:c></x:row>
              <x:row r="5"><x:c r="A5" t="b"><x:v>1</x:v></x:c><x:c r="B5" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="C5" t="s"><x:v>2</x:v></x:c><x:c r="D5" s="3"/></x:row>
            </x:sheetData></x:worksheet>
            """
        let book = try XLSXReader().read(
            data: rawWorkbook(
                sheet: sheet, sharedStrings: shared,
                workbookExtra: "<x:definedNames><x:definedName name=\"Ky\">'Số liệu'!$B$2</x:definedName></x:definedNames>",
                sheetTarget: "/xl/worksheets/sheet1.xml"))
        let s = try XCTUnwrap(book.sheet("Số liệu"))
        XCTAssertEqual(s[2, 1]?.value, .text("Chỉ tiêu"))
        XCTAssertEqual(s[2, 2]?.value, .text("Hồ sơ trực tuyến"), "runs joined, phonetic text left out")
        XCTAssertEqual(s[2, 3]?.value, .number(0.5478))
        XCTAssertEqual(s[3, 1]?.value, .text("Trung tâm"))
        XCTAssertEqual(s[3, 2], ReadCell(value: .text("Trung tâm!"), formula: "=A3&\"!\""))
        XCTAssertEqual(s[3, 3], ReadCell(value: nil, formula: "=SUM(A1:A2)"))
        XCTAssertEqual(s[5, 1]?.value, .bool(true))
        XCTAssertEqual(s[5, 2]?.value, .error("#DIV/0!"))
        XCTAssertEqual(s[5, 3]?.value, .text("Hồ sơ"), "decomposed text is read as NFC")
        XCTAssertNil(s[5, 4])
        XCTAssertEqual(book.definedNames["Ky"]?.cell, CellReference("B2"))
    }

    func testWhatIsNotAWorkbookIsRefusedWithAReason() throws {
        func message(_ data: Data) -> String {
            do {
                _ = try XLSXReader().read(data: data)
                return "read"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertTrue(message(Data("Mã chỉ tiêu;Số liệu\nhs_nhan;12\n".utf8)).contains("không phải bảng tính Excel .xlsx"))
        XCTAssertTrue(message(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])).contains("Excel 97–2003 (.xls)"))
        XCTAssertTrue(message(Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3])).contains("tệp .xlsx bị hỏng"))
        let noWorkbook = try ZipParts.archive([("word/document.xml", Data("<w:document/>".utf8))])
        XCTAssertTrue(message(noWorkbook).contains("thiếu phần xl/workbook.xml"), message(noWorkbook))
        let doctype = try rawWorkbook(sheet: "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet><sheetData/></worksheet>")
        XCTAssertTrue(message(doctype).contains("DOCTYPE"), message(doctype))
        let malformed = try rawWorkbook(sheet: "<worksheet><sheetData><row></worksheet>")
        XCTAssertTrue(message(malformed).contains("phần xl/worksheets/sheet1.xml"), message(malformed))
        let badRef = try rawWorkbook(sheet: "<worksheet><sheetData><row r=\"1\"><c r=\"1A\"><v>1</v></c></row></sheetData></worksheet>")
        XCTAssertTrue(message(badRef).contains("địa chỉ ô '1A' không hợp lệ"), message(badRef))
        let badString = try rawWorkbook(
            sheet: "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>",
            sharedStrings: "<sst><si><t>a</t></si></sst>")
        XCTAssertTrue(message(badString).contains("trang tính 'Số liệu', ô A1: chỉ số chuỗi dùng chung '7'"), message(badString))
    }

    /// A part that inflates beyond the limit is refused before it is parsed.
    func testAnOversizedPartIsRefused() throws {
        var sheet = "<worksheet><sheetData>"
        sheet += String(repeating: " ", count: ZipParts.maximumPartSize + 10)
        sheet += "</sheetData></worksheet>"
        let bomb = try rawWorkbook(sheet: sheet)
        XCTAssertLessThan(bomb.count, 1_000_000, "it compresses well")
        XCTAssertThrowsError(try XLSXReader().read(data: bomb)) { error in
            XCTAssertTrue("\(error)".contains("phần xl/worksheets/sheet1.xml quá lớn"), "\(error)")
        }
    }

    // MARK: Helpers

    func entryNames(of data: Data) throws -> [String] {
        var names: [String] = []
        let bytes = [UInt8](data)
        var offset = 0
        while offset + 30 <= bytes.count {
            if bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 3, bytes[offset + 3] == 4 {
                let nameLength = Int(bytes[offset + 26]) | Int(bytes[offset + 27]) << 8
                names.append(String(decoding: bytes[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self))
            }
            offset += 1
        }
        return names
    }

    func parts(of data: Data) throws -> [String: Data] {
        Dictionary(try ZipParts.entries(of: data).map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a })
    }
}
