import BaocaoDocument
import BaocaoRender
import Foundation
import XCTest

/// Same input, same bytes; every text escaped; characters XML cannot hold rejected with the
/// place and the text they were in.
final class DeterminismAndEscapingTests: XCTestCase {
    func testTwoRendersAreByteIdentical() throws {
        for renderer in [DOCXRenderer.self, HTMLRenderer.self] as [any Renderer.Type] {
            let first = try renderer.init().render(SampleDocument.make())
            let second = try renderer.init().render(SampleDocument.make())
            XCTAssertEqual(first, second, "\(renderer.format) differs between two renders")
            let draft = try renderer.init().render(SampleDocument.make(draft: true))
            XCTAssertNotEqual(first, draft)
        }
    }

    func testDocxEntriesInAFixedOrder() throws {
        let package = try DocxPackage(try DOCXRenderer().render(SampleDocument.make()))
        XCTAssertEqual(
            package.paths,
            [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
                "word/header1.xml", "word/header2.xml", "word/charts/chart1.xml", "word/charts/_rels/chart1.xml.rels",
                "word/embeddings/Microsoft_Excel_Worksheet1.xlsx", "word/charts/chart2.xml", "word/charts/_rels/chart2.xml.rels",
                "word/embeddings/Microsoft_Excel_Worksheet2.xlsx",
            ])
    }

    func testHostileTextIsEscapedEverywhere() throws {
        let hostile = SampleDocument.hostile
        var document = SampleDocument.make()
        document.summary = "Báo cáo \(hostile)"
        document.metadata.title = "Tiêu đề \(hostile)"
        document.closing.signer.name = "Tên \(hostile)"
        document.body.append(
            .chart(Chart(kind: .bar, title: "Biểu đồ \(hostile)", categories: [hostile], series: [.init(name: hostile, values: [1])])))
        let package = try DocxPackage(try DOCXRenderer().render(document))
        let escaped = "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        for path in ["word/document.xml", "docProps/core.xml", "word/charts/chart3.xml"] {
            let text = try package.text(path)
            XCTAssertTrue(text.contains(escaped), "\(path) escapes the hostile text")
            XCTAssertFalse(text.contains("<c>"), "\(path) has raw markup from the text")
            XCTAssertNoThrow(try package.xml(path))
        }
        let body = try package.xml("word/document.xml")
        XCTAssertTrue(body.descendants("w:t").contains { $0.stringValue == "Tên \(hostile)" }, "the text survives the round trip")

        let html = String(decoding: try HTMLRenderer().render(document), as: UTF8.self)
        XCTAssertTrue(html.contains("A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;"))
        XCTAssertFalse(html.contains("<c>"))
    }

    func testControlCharactersAreRejectedNamingTheText() throws {
        let cases: [(String, (inout ReportDocument) -> Void)] = [
            (
                "ô hàng 1, cột 2",
                { $0.body.append(.table(Table(caption: "Bảng X", columns: [.init("A"), .init("B")], rows: [["1", "x\u{7}y"]]))) }
            ),
            ("đề mục", { $0.body.append(.heading(Heading(level: 2, number: "9.", text: "Mục\u{1B}lạ"))) }),
            ("họ tên người ký", { $0.closing.signer.name = "Nguyễn\u{0}An" }),
            ("nhãn trục", { $0.body.append(.chart(Chart(kind: .line, title: "T", categories: ["Q\u{FFFE}"], series: []))) }),
            ("phụ lục thứ 1", { $0.appendices[0].title = "Phụ\u{FFFF}lục" }),
            ("metadata.title", { $0.metadata.title = "Tiêu\u{8}đề" }),
            ("ý gạch đầu dòng", { $0.body.append(.list([Paragraph(runs: [TextRun("Ý \u{C}")])])) }),
        ]
        for (place, mutate) in cases {
            var document = SampleDocument.make()
            mutate(&document)
            for renderer in [DOCXRenderer.self, HTMLRenderer.self, PDFRenderer.self] as [any Renderer.Type] {
                XCTAssertThrowsError(try renderer.init().render(document), "\(renderer.format): \(place)") { error in
                    let message = String(describing: error)
                    XCTAssertTrue(error is RenderError, message)
                    XCTAssertTrue(message.contains(place), "“\(message)” names the place “\(place)”")
                    XCTAssertTrue(message.contains("U+"), message)
                    XCTAssertTrue(message.contains("\\u{"), "the text is quoted with the character shown: \(message)")
                }
            }
        }
    }

    func testTabsAndLineFeedsAreAllowed() throws {
        var document = SampleDocument.make()
        document.body.append(.paragraph(Paragraph("Dòng một\nDòng hai\tcột")))
        let package = try DocxPackage(try DOCXRenderer().render(document))
        let text = try package.text("word/document.xml")
        XCTAssertTrue(text.contains("Dòng một</w:t><w:br/><w:t xml:space=\"preserve\">Dòng hai</w:t><w:tab/>"))
    }
}
