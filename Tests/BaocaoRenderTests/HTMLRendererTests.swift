import BaocaoDocument
import BaocaoRender
import Foundation
import XCTest

/// The HTML page: self-contained, Vietnamese, escaped, charts as SVG, print styles for A4.
final class HTMLRendererTests: XCTestCase {
    private func html(_ document: ReportDocument = SampleDocument.make()) throws -> String {
        String(decoding: try HTMLRenderer().render(document), as: UTF8.self)
    }

    func testSelfContainedVietnamesePage() throws {
        let page = try html()
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(page.contains("<html lang=\"vi\">"))
        XCTAssertTrue(page.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(page.contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\""), "readable on a phone")
        XCTAssertTrue(page.contains("<title>Báo cáo kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính quý III năm 2026</title>"))
        let lower = page.lowercased()
        for external in ["src=\"http", "href=\"http", "src='http", "href='http", "<link", "<script", "@import", "url("] {
            XCTAssertFalse(lower.contains(external), "no external assets: found \(external)")
        }
        XCTAssertFalse(lower.contains("src="), "no embedded resources by reference")
        XCTAssertEqual(page, page.precomposedStringWithCanonicalMapping, "NFC")
    }

    func testContentInReadingOrder() throws {
        let page = try html()
        let expected =
            [
                "UBND TỈNH SƠN LA", "VĂN PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Số: 215/BC-VPUBND", "Sơn La, ngày 18 tháng 9 năm 2026", "SỐ LIỆU MINH HỌA", "BÁO CÁO",
                "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính quý III năm 2026", "Kính gửi: Sở Nội vụ tỉnh Sơn La<",
            ] + SampleDocument.headings + ["Nơi nhận:", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Văn Minh", "Phụ lục I"]
        var cursor = page.startIndex
        for text in expected {
            guard let found = page.range(of: text, range: cursor..<page.endIndex) else {
                XCTFail("“\(text)” missing or out of order")
                continue
            }
            cursor = found.upperBound
        }
        XCTAssertTrue(page.contains("<h2>I. KẾT QUẢ THỰC HIỆN</h2>"))
        XCTAssertTrue(page.contains("<h4>a) Tin, bài về cải cách hành chính</h4>"))
        XCTAssertTrue(page.contains("<ul class=\"dash\">"))
        XCTAssertTrue(page.contains("<td class=\"r\">1.234</td>"), "figures right-aligned")
        XCTAssertTrue(page.contains("<tr class=\"totals\">"))
        XCTAssertTrue(page.contains("<th scope=\"col\">Tiếp nhận<br><span class=\"unit\">(hồ sơ)</span></th>"))
        XCTAssertTrue(page.contains("<p class=\"note\">Nguồn:"))
        XCTAssertTrue(page.contains("<section class=\"page appendix landscape\">"), "wide appendix laid out landscape")
    }

    func testEscaping() throws {
        let page = try html()
        XCTAssertTrue(page.contains("A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;"))
        XCTAssertFalse(page.contains("<c>"))
        XCTAssertFalse(page.contains("\"d\""))
    }

    func testChartsAsInlineSVG() throws {
        let page = try html()
        let svgs = page.components(separatedBy: "<svg ").count - 1
        XCTAssertEqual(svgs, 2)
        XCTAssertTrue(page.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(page.contains("<title id=\"bieu-do-1\">Số tin, bài về cải cách hành chính theo tháng</title>"))
        XCTAssertTrue(page.contains(">90,02</text>"), "values in Vietnamese format")
        XCTAssertTrue(page.contains("stroke-dasharray=\"7 4\""), "the reference line")
        XCTAssertTrue(page.contains("<rect"), "bars")
        XCTAssertTrue(page.contains("<path d=\"M"), "lines")
        XCTAssertTrue(page.contains("Yêu cầu hằng tháng"), "the reference in the legend")
    }

    func testPrintStylesLayOutA4LikeTheDocx() throws {
        let page = try html()
        XCTAssertTrue(page.contains("@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;"))
        XCTAssertTrue(page.contains("@page :first { @top-center { content: none; } }"), "no number on page 1")
        XCTAssertTrue(page.contains("content: counter(page)"))
        XCTAssertTrue(page.contains("@page landscape { size: A4 landscape; }"))
        XCTAssertTrue(page.contains("@media print"))
        XCTAssertTrue(page.contains("\"Times New Roman\""))
        XCTAssertTrue(page.contains("font-size: 14pt"))
        XCTAssertTrue(page.contains("overflow-x: auto"), "tables scroll sideways on a phone")
        XCTAssertTrue(page.contains("@media (max-width: 760px)"))
        XCTAssertTrue(page.contains("grid-template-columns: 40% 60%"), "header table as in the DOCX")
    }

    func testDraftBlanksAndSeveralAddressees() throws {
        let page = try html(SampleDocument.make(draft: true, addressees: ["Ủy ban nhân dân tỉnh Sơn La", "Sở Nội vụ tỉnh Sơn La"]))
        XCTAssertTrue(page.contains("<p class=\"number\">Số:      /BC-VPUBND</p>"))
        XCTAssertTrue(page.contains("white-space: pre-wrap"), "the blanks keep their width")
        XCTAssertTrue(page.contains("<li>- Ủy ban nhân dân tỉnh Sơn La;</li><li>- Sở Nội vụ tỉnh Sơn La.</li>"))
    }
}
