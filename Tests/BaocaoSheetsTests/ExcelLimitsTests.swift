import BaocaoCore
import BaocaoSheets
import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Texts are cut to Excel's limits at a character boundary, by the writer, whatever the form
/// asks for.
final class ExcelLimitsCutTests: XCTestCase {
    func testTextsWithinTheLimitAreKeptWhole() {
        let title = "Lĩnh vực không có trong Kế hoạch"
        XCTAssertEqual(title.utf16.count, 32)
        XCTAssertEqual(ExcelLimits.fit(title, ExcelLimits.errorTitle), title)
        XCTAssertEqual(ExcelLimits.fit("", 0), "")
    }

    func testOneCharacterMoreIsCutWithAnEllipsis() {
        let title = "Lĩnh vực không có trong Kế hoạch!"
        let cut = ExcelLimits.fit(title, ExcelLimits.errorTitle)
        XCTAssertEqual(cut, "Lĩnh vực không có trong Kế hoạc…")
        XCTAssertEqual(cut.utf16.count, 32)
    }

    func testTheCutNeverSplitsACharacter() {
        // "ệ" decomposed: e, U+0323, U+0302 (3 code units); a family emoji: 8 code units.
        let decomposed = String(repeating: "e\u{0323}\u{0302}", count: 20)
        let family = String(repeating: "👨‍👩‍👧", count: 10)
        for text in [decomposed, family, decomposed + family, "a " + family] {
            for limit in 1...40 {
                let cut = ExcelLimits.fit(text, limit)
                XCTAssertLessThanOrEqual(cut.utf16.count, limit, "\(limit)")
                XCTAssertTrue(cut.hasSuffix("…"), "\(limit)")
                let kept = String(cut.dropLast())
                XCTAssertTrue(text.hasPrefix(kept), "whole characters only (\(limit))")
                XCTAssertEqual(Array(kept), Array(text.prefix(kept.count)), "no character broken (\(limit))")
                XCTAssertFalse(kept.last?.isWhitespace ?? false, "no space before the ellipsis")
            }
        }
    }

    /// The writer applies the limits to every text of a validation.
    func testTheWriterCutsEveryValidationText() throws {
        var sheet = Worksheet(name: "Số liệu")
        sheet.set(1, 1, nil, .input)
        sheet.validations = [
            DataValidation(
                kind: .whole, minimum: 0, cells: [CellReference(row: 1, column: 1)], errorTitle: String(repeating: "Sai ", count: 20),
                error: String(repeating: "Nhập số nguyên không âm. ", count: 20), promptTitle: String(repeating: "Nhập ", count: 20),
                prompt: String(repeating: "Số hồ sơ tiếp nhận trong kỳ. ", count: 20))
        ]
        let data = try XLSXWriter().write(Workbook(sheets: [sheet], definedNames: [], title: "Biểu"))
        let part = try XCTUnwrap(try ZipParts.entries(of: data).first { $0.path.hasPrefix("xl/worksheets/") })
        let root = try XCTUnwrap(try XMLDocument(data: part.data, options: []).rootElement())
        func descendants(_ element: XMLElement) -> [XMLElement] {
            let children = (element.children ?? []).compactMap { $0 as? XMLElement }
            return children + children.flatMap(descendants)
        }
        let validation = try XCTUnwrap(descendants(root).first { $0.localName == "dataValidation" })
        // FoundationXML on Linux does not find unprefixed attributes by name in a default namespace.
        func value(_ name: String) -> String? { validation.attributes?.first { $0.localName == name }?.stringValue }
        func length(_ name: String) -> Int? { value(name)?.utf16.count }
        XCTAssertEqual(length("errorTitle"), 32)
        XCTAssertLessThanOrEqual(try XCTUnwrap(length("error")), 224)
        XCTAssertGreaterThan(try XCTUnwrap(length("error")), 200)
        XCTAssertLessThanOrEqual(try XCTUnwrap(length("promptTitle")), 32)
        XCTAssertLessThanOrEqual(try XCTUnwrap(length("prompt")), 255)
        XCTAssertGreaterThan(try XCTUnwrap(length("prompt")), 230)
        XCTAssertEqual(value("showInputMessage"), "1")
    }
}
