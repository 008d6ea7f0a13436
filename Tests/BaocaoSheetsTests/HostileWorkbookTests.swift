import BaocaoCore
import Foundation
import XCTest

@testable import BaocaoSheets

/// Workbooks built to hurt the reader: each is refused cleanly, with its own message, and each
/// limit is tried just below (read) and just above (refused).
final class HostileWorkbookTests: XCTestCase {
    func message(_ data: Data) -> String {
        do {
            _ = try XLSXReader().read(data: data)
            return "read"
        } catch {
            return "\(error)"
        }
    }

    func sheet(_ sheetData: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet><sheetData>\(sheetData)</sheetData></worksheet>"
    }

    // MARK: DTDs and encodings (item 3)

    func testAUTF16PartIsRefusedAndItsEntityNeverDropsAValue() throws {
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE w [<!ENTITY n \"ghi chú\">]>"
            + "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&n;</t></is></c></row></sheetData></worksheet>"
        var withBOM = Data([0xFF, 0xFE])
        withBOM.append(text.data(using: .utf16LittleEndian)!)
        XCTAssertTrue(message(try rawWorkbook(sheet: "", sheetBytes: withBOM)).contains("UTF-16, không phải UTF-8"))
        // Without a byte-order mark: the NUL bytes of UTF-16 give it away.
        let noBOM = text.data(using: .utf16LittleEndian)!
        XCTAssertTrue(message(try rawWorkbook(sheet: "", sheetBytes: noBOM)).contains("có lẽ mã hóa UTF-16"))
        let bigEndian = text.data(using: .utf16BigEndian)!
        XCTAssertTrue(message(try rawWorkbook(sheet: "", sheetBytes: bigEndian)).contains("not UTF-8"))
    }

    func testAnEncodingOtherThanUTF8IsRefusedFromTheDeclaration() throws {
        let latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet><sheetData/></worksheet>"
        let refused = message(try rawWorkbook(sheet: latin))
        XCTAssertTrue(refused.contains("khai báo mã hóa 'ISO-8859-1'"), refused)
        var invalid = Data(sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>").utf8)
        invalid[invalid.count - 40] = 0xC3  // a lead byte followed by ASCII
        XCTAssertTrue(message(try rawWorkbook(sheet: "", sheetBytes: invalid)).contains("không hợp lệ trong UTF-8"))
    }

    func testAnyDTDIsRefusedByTheParserNotByAByteScan() throws {
        // A comment and spaces before it, lower-case keyword: still a DTD node to the parser.
        for doctype in ["<!-- x --> <!DOCTYPE worksheet>", "<!doctype worksheet>", "<!ENTITY a \"b\">"] {
            let text = "<?xml version=\"1.0\"?>\(doctype)<worksheet><sheetData/></worksheet>"
            XCTAssertTrue(message(try rawWorkbook(sheet: text)).contains("DTD not allowed"), doctype)
        }
        // An entity used without any declaration is an error, not an empty cell.
        let undeclared = sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&n;</t></is></c></row>")
        XCTAssertTrue(message(try rawWorkbook(sheet: undeclared)).contains("thực thể '&n;' không được định nghĩa"))
        // The five predefined entities and character references are read.
        let predefined = sheet(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lt;&amp;&gt;&quot;&apos;&#7871;&#x1EC7;</t></is></c></row>")
        let book = try XLSXReader().read(data: try rawWorkbook(sheet: predefined))
        XCTAssertEqual(book.sheets.first?[1, 1]?.value, .text("<&>\"'ếệ"))
    }

    // MARK: Depth (item 4)

    func nested(_ levels: Int) -> String {
        // worksheet and sheetData are two levels; `levels` more inside sheetData.
        sheet(String(repeating: "<x>", count: levels) + String(repeating: "</x>", count: levels))
    }

    func testNestingIsLimitedWhileParsing() throws {
        let below = XMLTree.maximumDepth - 2
        XCTAssertEqual(message(try rawWorkbook(sheet: nested(below))), "read")
        XCTAssertTrue(message(try rawWorkbook(sheet: nested(below + 1))).contains("lồng nhau sâu hơn \(XMLTree.maximumDepth) mức"))
        // The reproduction: 40,000 levels in a 10 KB file, once a crash of the process.
        let deep = try rawWorkbook(sheet: nested(40_000))
        XCTAssertLessThan(deep.count, 20_000)
        XCTAssertTrue(message(deep).contains("nesting too deep"), message(deep))
    }

    func testADeepTreeIsFreedWithoutRecursion() {
        // Far deeper than any parse allows; freed by the default deinit, it overflowed the stack.
        var root: XElement? = XElement(name: "root", attributes: [], line: 1)
        var last = root!
        for _ in 0..<1_000_000 {
            let child = XElement(name: "x", attributes: [], line: 1)
            last.children.append(child)
            last = child
        }
        last = XElement(name: "end", attributes: [], line: 1)
        root = nil
        XCTAssertNil(root)
    }

    // MARK: Attributes (item 5)

    func cell(attributes count: Int) -> String {
        let extra = (0..<count - 1).map { " a\($0)=\"1\"" }.joined()
        return sheet("<row r=\"1\"><c r=\"A1\"\(extra)><v>5</v></c></row>")
    }

    func testAttributesPerElementAreCapped() throws {
        let book = try XLSXReader().read(data: try rawWorkbook(sheet: cell(attributes: XMLTree.maximumAttributes)))
        XCTAssertEqual(book.sheets.first?[1, 1]?.value, .number(5))
        let above = message(try rawWorkbook(sheet: cell(attributes: XMLTree.maximumAttributes + 1)))
        XCTAssertTrue(above.contains("hơn \(XMLTree.maximumAttributes) thuộc tính (too many attributes)"), above)
        // The reproduction: 250,000 attributes on one cell, once 15 s of quadratic checking; the
        // parser stops at the 65th.
        XCTAssertTrue(message(try rawWorkbook(sheet: cell(attributes: 250_000))).contains("too many attributes"))
        let duplicate = sheet("<row r=\"1\"><c r=\"A1\" r=\"B1\"><v>5</v></c></row>")
        XCTAssertTrue(message(try rawWorkbook(sheet: duplicate)).contains("thuộc tính 'r' bị lặp"))
    }

    // MARK: Elements (item 6)

    func testElementsPerPartAreCountedWhileParsing() throws {
        // worksheet and sheetData count too.
        let below = XMLTree.maximumElements - 2
        XCTAssertEqual(message(try rawWorkbook(sheet: sheet(String(repeating: "<x/>", count: below)))), "read")
        let above = message(try rawWorkbook(sheet: sheet(String(repeating: "<x/>", count: below + 1))))
        XCTAssertTrue(above.contains("hơn \(XMLTree.maximumElements) phần tử XML (too many elements)"), above)
    }

    // MARK: Sizes and cells (item 7)

    func testAWellFormedTenMegabyteSheetIsRead() throws {
        // 20,000 cells of 500 bytes of text each: 10.3 MB, past libxml2's 10 MB default limit.
        let text = String(repeating: "Hồ sơ trực tuyến ", count: 25)
        var rows = ""
        for row in 1...20_000 {
            rows += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t>\(text)\(row)</t></is></c></row>"
        }
        let part = sheet(rows)
        XCTAssertGreaterThan(part.utf8.count, 10_000_000)
        let book = try XLSXReader().read(data: try rawWorkbook(sheet: part))
        XCTAssertEqual(book.sheets.first?[20_000, 1]?.value, .text("\(text)20000"))
    }

    func testAPartJustBelowTheSizeLimitIsParsed() throws {
        let frame = sheet("").utf8.count
        let part = sheet(String(repeating: " ", count: ZipParts.maximumPartSize - frame))
        XCTAssertEqual(part.utf8.count, ZipParts.maximumPartSize)
        XCTAssertEqual(message(try rawWorkbook(sheet: part)), "read")
    }

    func testAWorkbookFileIsLimitedInSize() throws {
        // Just below: a valid workbook carrying a part no one reads, of bytes that do not compress.
        var generator = SystemRandomNumberGenerator()
        let frame = try rawWorkbook(sheet: sheet("")).count
        var padding = Data(count: XLSXReader.maximumFileSize - frame - 8_000)
        for i in stride(from: 0, to: padding.count, by: 8) {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes in
                for k in 0..<min(8, padding.count - i) { padding[i + k] = bytes[k] }
            }
        }
        var entries = try ZipParts.entries(of: try rawWorkbook(sheet: sheet("")))
        entries.append(("xl/media/image1.bin", padding))
        let below = try ZipParts.archive(entries)
        XCTAssertLessThanOrEqual(below.count, XLSXReader.maximumFileSize)
        XCTAssertGreaterThan(below.count, XLSXReader.maximumFileSize - 20_000)
        XCTAssertEqual(message(below), "read")
        let above = below + Data(count: max(0, XLSXReader.maximumFileSize + 1 - below.count))
        XCTAssertTrue(message(above).contains("tệp quá lớn: \(XLSXReader.maximumFileSize + 1) byte"), message(above))
    }

    func testTheXMLReadFromOneWorkbookIsLimitedInTotal() throws {
        // The shared strings at the part limit, and the sheet filling the rest of the total.
        let strings = "<sst>" + String(repeating: " ", count: ZipParts.maximumPartSize - 11) + "</sst>"
        XCTAssertEqual(strings.utf8.count, ZipParts.maximumPartSize)
        func workbook(sheetSize: Int) throws -> Data {
            let frame = sheet("").utf8.count
            return try rawWorkbook(sheet: sheet(String(repeating: " ", count: sheetSize - frame)), sharedStrings: strings)
        }
        // Every part but [Content_Types].xml is read.
        let small = try ZipParts.entries(of: try workbook(sheetSize: 1_000)).filter { $0.path != "[Content_Types].xml" }
        let others = small.filter { $0.path != "xl/worksheets/sheet1.xml" }.map(\.data.count).reduce(0, +)
        let room = XLSXReader.maximumUncompressedSize - others
        XCTAssertLessThanOrEqual(room, ZipParts.maximumPartSize)
        XCTAssertEqual(message(try workbook(sheetSize: room)), "read")
        let above = message(try workbook(sheetSize: room + 1))
        XCTAssertTrue(above.contains("giải nén vượt \(XLSXReader.maximumUncompressedSize) byte"), above)
    }

    func cells(_ count: Int) -> String {
        var rows = ""
        var left = count
        var row = 1
        while left > 0 {
            let n = min(left, 100)
            rows += "<row r=\"\(row)\">" + String(repeating: "<c><v>1</v></c>", count: n) + "</row>"
            left -= n
            row += 1
        }
        return sheet(rows)
    }

    func testCellsPerWorkbookAreLimited() throws {
        XCTAssertEqual(message(try rawWorkbook(sheet: cells(XLSXReader.maximumCells))), "read")
        let above = message(try rawWorkbook(sheet: cells(XLSXReader.maximumCells + 1)))
        XCTAssertTrue(above.contains("quá nhiều ô (hơn \(XLSXReader.maximumCells))"), above)
    }

    // MARK: Numbers

    func testOnlyDecimalNumbersAreReadFromCells() throws {
        for good in ["12", "-0.5", "1.5E-7", "1E+20", "0"] {
            let book = try XLSXReader().read(data: try rawWorkbook(sheet: sheet("<row r=\"1\"><c r=\"B1\"><v>\(good)</v></c></row>")))
            XCTAssertEqual(book.sheets.first?[1, 2]?.value, .number(Double(good)!), good)
        }
        for bad in ["0x10", "+5", "010", "inf", "nan", "1e", ".5", "0x1p3"] {
            let text = message(try rawWorkbook(sheet: sheet("<row r=\"1\"><c r=\"B1\"><v>\(bad)</v></c></row>")))
            XCTAssertTrue(text.contains("trang tính 'Số liệu', ô B1: giá trị số '\(bad)' không phải số thập phân"), "\(bad): \(text)")
        }
    }

    // MARK: Writing (item 2)

    func testAQuoteInAListItemIsDoubledInTheFormula() throws {
        var sheet = Worksheet(name: "Số liệu")
        sheet.set(1, 1, "x", .text)
        sheet.validations = [
            DataValidation(
                kind: .list, options: ["II.1", "x\"&HYPERLINK(\"http://evil\")&\"", "II.2"], cells: [CellReference(row: 1, column: 1)],
                errorTitle: "Sai", error: "Chọn trong danh sách")
        ]
        let data = try XLSXWriter().write(Workbook(sheets: [sheet], definedNames: [], title: "t"))
        let xml = String(
            decoding: try XCTUnwrap(ZipParts.entries(of: data).first { $0.path == "xl/worksheets/sheet1.xml" }?.data), as: UTF8.self)
        XCTAssertTrue(
            xml.contains(
                "<formula1>&quot;II.1,x&quot;&quot;&amp;HYPERLINK(&quot;&quot;http://evil&quot;&quot;)&amp;&quot;&quot;,II.2&quot;</formula1>"
            ), xml)
        // A comma would split an item: refused.
        sheet.validations[0].options = ["a,b"]
        XCTAssertThrowsError(try XLSXWriter().write(Workbook(sheets: [sheet], definedNames: [], title: "t"))) { error in
            XCTAssertTrue("\(error)".contains("có dấu phẩy"), "\(error)")
        }
    }
}
