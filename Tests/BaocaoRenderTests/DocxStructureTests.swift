import BaocaoDocument
import BaocaoRender
import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The DOCX checked against Nghị định 30/2020/NĐ-CP and against what makes Word refuse or
/// repair a file. Sizes are half-points (`w:sz`), distances twips.
final class DocxStructureTests: XCTestCase {
    private var package: DocxPackage!
    private var document: XMLElement!
    private var body: XMLElement!

    override func setUpWithError() throws {
        package = try DocxPackage(try DOCXRenderer().render(SampleDocument.make()))
        document = try package.xml("word/document.xml")
        body = try XCTUnwrap(document.child("w:body"))
    }

    // MARK: Package

    func testEveryPartHasAContentTypeAndEveryRelationshipResolves() throws {
        let types = try package.xml("[Content_Types].xml")
        let defaults = Set(types.children(named: "Default").compactMap { $0.attr("Extension") })
        let overrides = Set(types.children(named: "Override").compactMap { $0.attr("PartName") })
        for path in package.paths {
            let ext = path.split(separator: ".").last.map(String.init) ?? ""
            XCTAssertTrue(overrides.contains("/" + path) || defaults.contains(ext), "\(path) has no content type")
        }
        for override in overrides {
            XCTAssertNotNil(package.parts[String(override.dropFirst())], "content type for a missing part \(override)")
        }
        XCTAssertEqual(package.paths.first, "[Content_Types].xml")

        let root = try package.relationships(of: "")
        XCTAssertEqual(root.values.first { $0.type.hasSuffix("/officeDocument") }?.target, "word/document.xml")
        for (id, rel) in root { XCTAssertNotNil(package.parts[rel.target], "_rels/.rels \(id) → missing \(rel.target)") }

        for part in package.paths where part.hasSuffix(".xml") && !part.contains("_rels/") {
            let rels = try package.relationships(of: part)
            for (id, rel) in rels { XCTAssertNotNil(package.parts[rel.target], "\(part) \(id) → missing \(rel.target)") }
            let text = try package.text(part)
            for id in matches(of: #"r:id="([^"]+)""#, in: text) {
                XCTAssertNotNil(rels[id], "\(part) uses r:id \(id) that its .rels does not define")
            }
            XCTAssertNoThrow(try package.xml(part), "\(part) is not well-formed XML")
        }
    }

    func testNoClockNoRevisionIdsNoGUIDs() throws {
        // The charts' embedded workbooks are zips of their own, held to the same rules.
        var packages: [(String, DocxPackage)] = [("", package)]
        for path in package.paths where path.hasSuffix(".xlsx") {
            packages.append((path + "!", try DocxPackage(try XCTUnwrap(package.parts[path]))))
        }
        XCTAssertEqual(packages.count, 3, "one workbook per chart")
        for (prefix, package) in packages {
            for path in package.paths where !path.hasSuffix(".xlsx") {
                let text = try package.text(path)
                XCTAssertFalse(text.contains("w:rsid"), "\(prefix)\(path) has revision ids")
                XCTAssertTrue(
                    matches(of: #"([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})"#, in: text).isEmpty,
                    prefix + path)
                XCTAssertFalse(text.contains("dcterms:created") || text.contains("dcterms:modified"), "\(prefix)\(path) has a date")
            }
            let fixed = Date(timeIntervalSince1970: 315_532_800)
            for (path, date) in zip(package.paths, package.dates) {
                XCTAssertEqual(
                    date.timeIntervalSince1970, fixed.timeIntervalSince1970, accuracy: 2, "\(prefix)\(path) is not dated 1980-01-01")
            }
        }
    }

    func testCorePropertiesCarryTitleIssuingBodyAndPeriod() throws {
        let core = try package.xml("docProps/core.xml")
        let sample = SampleDocument.make()
        XCTAssertEqual(core.child("dc:title")?.stringValue, sample.metadata.title)
        XCTAssertEqual(core.child("dc:creator")?.stringValue, "Văn phòng UBND tỉnh Sơn La")
        XCTAssertEqual(core.child("dc:subject")?.stringValue, "quý III năm 2026")
        XCTAssertTrue(core.child("cp:keywords")?.stringValue?.contains("2026-Q3") ?? false)
    }

    // MARK: Styles

    func testTimesNewRomanInAllFourSlotsAndBodyTypeAsTheDecreeAsks() throws {
        let styles = try package.xml("word/styles.xml")
        let fonts = styles.descendants("w:rFonts")
        XCTAssertGreaterThan(fonts.count, 5)
        for rFonts in fonts {
            for slot in ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"] {
                XCTAssertEqual(rFonts.attr(slot), "Times New Roman", "rFonts \(slot)")
            }
        }
        let defaults = try XCTUnwrap(styles.child("w:docDefaults")?.child("w:rPrDefault")?.child("w:rPr"))
        XCTAssertNotNil(defaults.child("w:rFonts"))
        XCTAssertTrue((26...28).contains(Int(defaults.val("w:sz") ?? "") ?? 0), "default size 13–14 pt")
        XCTAssertEqual(defaults.child("w:lang")?.attr("w:val"), "vi-VN")
        for style in styles.children(named: "w:style") where style.attr("w:type") == "paragraph" {
            XCTAssertNotNil(style.child("w:rPr")?.child("w:rFonts"), "style \(style.attr("w:styleId") ?? "") names its fonts")
        }

        let bodyText = try style("BodyText", in: styles)
        let pPr = try XCTUnwrap(bodyText.child("w:pPr"))
        XCTAssertEqual(pPr.val("w:jc"), "both", "body justified")
        let firstLine = Int(pPr.child("w:ind")?.attr("w:firstLine") ?? "") ?? 0
        XCTAssertTrue((567...720).contains(firstLine), "first-line indent 1–1.27 cm, got \(firstLine)")
        let spacing = try XCTUnwrap(pPr.child("w:spacing"))
        let between = (Int(spacing.attr("w:before") ?? "0") ?? 0) + (Int(spacing.attr("w:after") ?? "0") ?? 0)
        XCTAssertGreaterThanOrEqual(between, 120, "at least 6 pt between paragraphs")
        XCTAssertEqual(spacing.attr("w:lineRule"), "auto")
        XCTAssertTrue((240...360).contains(Int(spacing.attr("w:line") ?? "") ?? 0), "line spacing single to 1.5")
        XCTAssertTrue((26...28).contains(Int(bodyText.child("w:rPr")?.val("w:sz") ?? "") ?? 0), "body 13–14 pt")

        let h1 = try XCTUnwrap(style("Heading1", in: styles).child("w:rPr"))
        let h2 = try XCTUnwrap(style("Heading2", in: styles).child("w:rPr"))
        let h3 = try XCTUnwrap(style("Heading3", in: styles).child("w:rPr"))
        XCTAssertTrue(h1.isOn("w:b") && h2.isOn("w:b"))
        XCTAssertFalse(h3.isOn("w:b") || h3.isOn("w:i"), "a) points upright, not bold")
        XCTAssertTrue(try style("Title", in: styles).child("w:rPr")?.isOn("w:b") ?? false)
        let header = try style("Header", in: styles)
        XCTAssertTrue((26...28).contains(Int(header.child("w:rPr")?.val("w:sz") ?? "") ?? 0), "page number 13–14 pt")
        XCTAssertFalse(header.child("w:rPr")?.isOn("w:i") ?? false, "page number upright")
    }

    // MARK: Element order

    func testElementOrderInPropertiesFollowsTheSchema() throws {
        for path in ["word/document.xml", "word/styles.xml", "word/header1.xml", "word/header2.xml"] {
            let root = try package.xml(path)
            var problems: [String] = []
            for pPr in root.descendants("w:pPr") { problems += SchemaOrder.violations(pPr, SchemaOrder.pPr) }
            for rPr in root.descendants("w:rPr") { problems += SchemaOrder.violations(rPr, SchemaOrder.rPr) }
            for sectPr in root.descendants("w:sectPr") { problems += SchemaOrder.violations(sectPr, SchemaOrder.sectPr) }
            for tblPr in root.descendants("w:tblPr") { problems += SchemaOrder.violations(tblPr, SchemaOrder.tblPr) }
            for tcPr in root.descendants("w:tcPr") { problems += SchemaOrder.violations(tcPr, SchemaOrder.tcPr) }
            for style in root.descendants("w:style") { problems += SchemaOrder.violations(style, SchemaOrder.style) }
            XCTAssertEqual(problems, [], path)
        }
    }

    func testEveryTableCellEndsInAParagraph() {
        let cells = body.descendants("w:tc")
        XCTAssertGreaterThan(cells.count, 20)
        for cell in cells {
            XCTAssertEqual(cell.elementChildren.last?.name, "w:p", "a w:tc must end with a w:p")
        }
        for table in body.descendants("w:tbl") {
            XCTAssertNotNil(table.child("w:tblPr"))
            XCTAssertNotNil(table.child("w:tblGrid"))
        }
    }

    // MARK: Sections, margins, page numbers

    func testPageA4MarginsInRangeAndPageNumbersFromPageTwo() throws {
        XCTAssertEqual(body.elementChildren.last?.name, "w:sectPr", "the body's last child is its sectPr")
        let sections = body.descendants("w:sectPr")
        XCTAssertEqual(sections.count, 2, "the report and its one appendix")
        let mm = { (v: Double) in Int((v * 1440 / 25.4).rounded()) }
        for sectPr in sections {
            let margins = try XCTUnwrap(sectPr.child("w:pgMar"))
            for attribute in ["w:top", "w:right", "w:bottom", "w:left", "w:header", "w:footer", "w:gutter"] {
                XCTAssertNotNil(margins.attr(attribute), "pgMar needs \(attribute)")
            }
            let value = { (name: String) in Int(margins.attr(name) ?? "") ?? -1 }
            XCTAssertTrue((mm(20)...mm(25)).contains(value("w:top")), "top 20–25 mm")
            XCTAssertTrue((mm(20)...mm(25)).contains(value("w:bottom")), "bottom 20–25 mm")
            XCTAssertTrue((mm(30)...mm(35)).contains(value("w:left")), "left 30–35 mm")
            XCTAssertTrue((mm(15)...mm(20)).contains(value("w:right")), "right 15–20 mm")
            XCTAssertLessThan(value("w:header"), value("w:top"), "the page number sits in the top margin")
            XCTAssertNotNil(sectPr.child("w:titlePg"), "no number on the first page")
            XCTAssertEqual(sectPr.child("w:pgNumType")?.attr("w:start"), "1", "each part numbered on its own")
            let references = sectPr.children(named: "w:headerReference")
            let rels = try package.relationships(of: "word/document.xml")
            let defaultHeader = try XCTUnwrap(references.first { $0.attr("w:type") == "default" }?.attr("r:id"))
            let firstHeader = try XCTUnwrap(references.first { $0.attr("w:type") == "first" }?.attr("r:id"))
            let pageNumbers = try package.text(try XCTUnwrap(rels[defaultHeader]).target)
            XCTAssertTrue(pageNumbers.contains(" PAGE "), "PAGE field in the default header")
            XCTAssertTrue(pageNumbers.contains("w:fldCharType=\"begin\"") && pageNumbers.contains("w:fldCharType=\"end\""))
            let header = try package.xml(try XCTUnwrap(rels[defaultHeader]).target)
            XCTAssertEqual(header.descendants("w:jc").first?.attr("w:val"), "center", "page number centred")
            let first = try package.xml(try XCTUnwrap(rels[firstHeader]).target)
            XCTAssertEqual(first.wordText, "", "the first page's header is empty")
            XCTAssertTrue(first.descendants("w:instrText").isEmpty)
        }
        let main = sections[0]
        XCTAssertEqual(main.child("w:pgSz")?.attr("w:w"), "11906")
        XCTAssertEqual(main.child("w:pgSz")?.attr("w:h"), "16838")
        XCTAssertNil(main.child("w:pgSz")?.attr("w:orient"), "the report is portrait")
        let appendix = sections[1]
        XCTAssertEqual(appendix.child("w:type")?.attr("w:val"), "nextPage", "the appendix starts a new page")
        XCTAssertEqual(appendix.child("w:pgSz")?.attr("w:orient"), "landscape", "the appendix's wide table needs landscape")
        XCTAssertEqual(appendix.child("w:pgSz")?.attr("w:w"), "16838")
    }

    // MARK: Header block

    func testHeaderIsATwoColumnBorderlessTableWithTheDecreesTypeSizes() throws {
        let table = try XCTUnwrap(body.elementChildren.first, "the document opens with the header table")
        XCTAssertEqual(table.name, "w:tbl")
        for border in try XCTUnwrap(table.child("w:tblPr")?.child("w:tblBorders")).elementChildren {
            XCTAssertTrue(["nil", "none"].contains(border.attr("w:val") ?? ""), "header table has no borders")
        }
        let grid = try XCTUnwrap(table.child("w:tblGrid")).children(named: "w:gridCol").compactMap { Int($0.attr("w:w") ?? "") }
        XCTAssertEqual(grid.count, 2)
        let share = Double(grid[0]) / Double(grid.reduce(0, +))
        XCTAssertEqual(share, 0.4, accuracy: 0.05, "left column about 40 %")
        let rows = table.children(named: "w:tr")
        let left = rows.flatMap { $0.children(named: "w:tc").prefix(1) }.flatMap { $0.children(named: "w:p") }
        let right = rows.flatMap { $0.children(named: "w:tc").dropFirst() }.flatMap { $0.children(named: "w:p") }

        let parent = try paragraph(in: left, text: "UBND TỈNH SƠN LA")
        XCTAssertFalse(parent.run.isOn("w:b"), "parent body not bold")
        XCTAssertTrue(["24", "26"].contains(parent.run.val("w:sz") ?? ""), "parent body 12–13 pt")
        let issuing = try paragraph(in: left, text: "VĂN PHÒNG")
        XCTAssertTrue(issuing.run.isOn("w:b"), "issuing body bold")
        XCTAssertTrue(["24", "26"].contains(issuing.run.val("w:sz") ?? ""), "issuing body 12–13 pt")
        XCTAssertEqual(issuing.paragraph.child("w:pPr")?.val("w:jc"), "center")
        let number = try paragraph(in: left, text: "Số: 215/BC-VPUBND")
        XCTAssertEqual(number.run.val("w:sz"), "26", "number 13 pt")

        let national = try paragraph(in: right, text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        XCTAssertTrue(national.run.isOn("w:b"))
        XCTAssertTrue(["24", "26"].contains(national.run.val("w:sz") ?? ""), "national title 12–13 pt")
        let motto = try paragraph(in: right, text: "Độc lập - Tự do - Hạnh phúc")
        XCTAssertTrue(motto.run.isOn("w:b"))
        XCTAssertTrue(["26", "28"].contains(motto.run.val("w:sz") ?? ""), "motto 13–14 pt")
        let place = try paragraph(in: right, text: "Sơn La, ngày 18 tháng 9 năm 2026")
        XCTAssertTrue(place.run.isOn("w:i"), "place and date italic")
        XCTAssertTrue(["26", "28"].contains(place.run.val("w:sz") ?? ""), "place and date 13–14 pt")

        // The rules: an empty paragraph with a top border under the issuing body (1/3–1/2 of its
        // text) and under the motto (as long as the text).
        let leftWidth = grid[0]
        let rightWidth = grid[1]
        let issuingRule = try rule(after: "VĂN PHÒNG", in: left)
        let issuingText = Double(try XCTUnwrap(textWidth("VĂN PHÒNG", size: 13, bold: true)))
        XCTAssertEqual(Double(leftWidth - issuingRule.left - issuingRule.right) / issuingText, 0.42, accuracy: 0.09)
        let mottoRule = try rule(after: "Độc lập - Tự do - Hạnh phúc", in: right)
        let mottoLength = Double(rightWidth - mottoRule.left - mottoRule.right)
        let mottoText = Double(try XCTUnwrap(textWidth("Độc lập - Tự do - Hạnh phúc", size: 13, bold: true)))
        XCTAssertEqual(mottoLength / mottoText, 1, accuracy: 0.05, "motto rule as long as the text")
        XCTAssertLessThan(abs(mottoRule.left - mottoRule.right), 3, "rule centred")
    }

    func testTitleSummaryAddresseeAndNotices() throws {
        let paragraphs = body.children(named: "w:p")
        let title = try XCTUnwrap(paragraphs.first { $0.wordText == "BÁO CÁO" })
        XCTAssertEqual(title.child("w:pPr")?.val("w:pStyle"), "Title")
        let summary = try XCTUnwrap(paragraphs.first { $0.child("w:pPr")?.val("w:pStyle") == "Subtitle" })
        XCTAssertEqual(summary.wordText, "Kết quả thực hiện Kế hoạch tuyên truyềncải cách hành chính quý III năm 2026")
        XCTAssertEqual(summary.descendants("w:br").count, 1, "a long summary is broken into two even lines")
        let summaryIndex = try XCTUnwrap(body.elementChildren.firstIndex { $0 === summary })
        let rule = body.elementChildren[summaryIndex + 1]
        XCTAssertNotNil(rule.child("w:pPr")?.child("w:pBdr")?.child("w:top"), "a short rule under the summary")
        XCTAssertTrue(
            paragraphs.contains { $0.wordText == "Kính gửi: Sở Nội vụ tỉnh Sơn La" }, "one addressee on the same line, without a full stop")

        let notices = paragraphs.filter { $0.child("w:pPr")?.val("w:pStyle") == "Notice" }
        XCTAssertEqual(notices.map(\.wordText), SampleDocument.make().notices)
        let titleIndex = try XCTUnwrap(body.elementChildren.firstIndex { $0 === title })
        let noticeIndex = try XCTUnwrap(body.elementChildren.firstIndex { $0 === notices[0] })
        XCTAssertLessThan(noticeIndex, titleIndex, "notices before the body")
        let styles = try package.xml("word/styles.xml")
        let notice = try style("Notice", in: styles)
        XCTAssertTrue(notice.child("w:rPr")?.isOn("w:b") ?? false, "notices bold")
        XCTAssertNotNil(notice.child("w:pPr")?.child("w:pBdr"), "notices boxed")
    }

    func testSeveralAddresseesEachOnItsOwnLine() throws {
        let twoAddressees = SampleDocument.make(addressees: ["Ủy ban nhân dân tỉnh Sơn La", "Sở Nội vụ tỉnh Sơn La"])
        let body = try XCTUnwrap(try DocxPackage(try DOCXRenderer().render(twoAddressees)).xml("word/document.xml").child("w:body"))
        let p = try XCTUnwrap(body.children(named: "w:p").first { $0.wordText.hasPrefix("Kính gửi:") })
        XCTAssertEqual(p.wordText, "Kính gửi:- Ủy ban nhân dân tỉnh Sơn La;- Sở Nội vụ tỉnh Sơn La.")
        XCTAssertEqual(p.descendants("w:br").count, 1)
        XCTAssertEqual(p.descendants("w:r").flatMap { $0.children(named: "w:tab") }.count, 1)
    }

    // MARK: Body

    func testHeadingsAsTheDecreeShowsThem() throws {
        let headings = body.children(named: "w:p").compactMap { p -> (String, String)? in
            guard let style = p.child("w:pPr")?.val("w:pStyle"), style.hasPrefix("Heading") else { return nil }
            return (style, p.wordText)
        }
        XCTAssertEqual(headings.map(\.1), SampleDocument.headings)
        XCTAssertEqual(headings.first?.0, "Heading1")
        XCTAssertEqual(headings.first { $0.1.hasPrefix("a)") }?.0, "Heading3")
        for (style, text) in headings where style == "Heading1" {
            XCTAssertEqual(text, text.uppercased(), "level-1 headings upper case")
        }
    }

    func testListItemsAreDashParagraphs() {
        let items = body.children(named: "w:p").filter { $0.wordText.hasPrefix("- ") }
        XCTAssertEqual(items.count, 3)
        for item in items { XCTAssertEqual(item.child("w:pPr")?.val("w:pStyle"), "BodyText") }
    }

    func testTablesHaveBordersCaptionsRepeatedHeaderWholeRowsAndAlignedFigures() throws {
        let tables = body.children(named: "w:tbl")
        XCTAssertEqual(tables.count, 4, "header, dossiers, closing, appendix")
        let data = [tables[1], tables[3]]
        for (table, expectedWidth) in zip(data, [11_906 - 1701 - 850, 16_838 - 1701 - 850]) {
            let tblPr = try XCTUnwrap(table.child("w:tblPr"))
            XCTAssertEqual(tblPr.child("w:tblW")?.attr("w:type"), "dxa")
            let width = Int(tblPr.child("w:tblW")?.attr("w:w") ?? "") ?? 0
            XCTAssertEqual(width, expectedWidth, "table as wide as the text")
            let grid = try XCTUnwrap(table.child("w:tblGrid")).children(named: "w:gridCol").compactMap { Int($0.attr("w:w") ?? "") }
            XCTAssertEqual(grid.reduce(0, +), width, "grid columns add up to the table width")
            for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
                XCTAssertEqual(tblPr.child("w:tblBorders")?.child(side)?.attr("w:val"), "single", "border \(side)")
            }
            let rows = table.children(named: "w:tr")
            XCTAssertNotNil(rows[0].child("w:trPr")?.child("w:tblHeader"), "header row repeated on every page")
            for row in rows {
                XCTAssertNotNil(row.child("w:trPr")?.child("w:cantSplit"), "rows kept whole")
                let cells = row.children(named: "w:tc")
                XCTAssertEqual(cells.count, grid.count)
                for (cell, column) in zip(cells, grid) {
                    XCTAssertEqual(cell.child("w:tcPr")?.child("w:tcW")?.attr("w:w"), String(column), "explicit cell width")
                }
            }
            // The caption is the paragraph before the table.
            let index = try XCTUnwrap(body.elementChildren.firstIndex { $0 === table })
            XCTAssertEqual(body.elementChildren[index - 1].child("w:pPr")?.val("w:pStyle"), "Caption")
        }
        // Dossier table: figures right-aligned, totals bold, note italic under the table.
        let dossiers = tables[1]
        let rows = dossiers.children(named: "w:tr")
        let firstRow = rows[1].children(named: "w:tc")
        XCTAssertEqual(firstRow[2].wordText, "1.234")
        XCTAssertEqual(firstRow[2].descendants("w:jc").first?.attr("w:val"), "right", "numbers right-aligned")
        XCTAssertEqual(firstRow[1].descendants("w:jc").first?.attr("w:val"), "left")
        let header = rows[0].children(named: "w:tc")[2]
        XCTAssertEqual(header.wordText, "Tiếp nhận(hồ sơ)", "unit of measure under the title")
        let totals = try XCTUnwrap(rows.last)
        XCTAssertEqual(totals.children(named: "w:tc")[1].wordText, "Tổng cộng")
        for run in totals.descendants("w:r") { XCTAssertTrue(run.child("w:rPr")?.isOn("w:b") ?? false, "totals bold") }
        let index = try XCTUnwrap(body.elementChildren.firstIndex { $0 === dossiers })
        let note = body.elementChildren[index + 1]
        XCTAssertEqual(note.child("w:pPr")?.val("w:pStyle"), "TableNote")
        let styles = try package.xml("word/styles.xml")
        XCTAssertTrue(try style("TableNote", in: styles).child("w:rPr")?.isOn("w:i") ?? false, "note italic")
        // The narrow "TT" column is widened to hold its header.
        let grid = try XCTUnwrap(dossiers.child("w:tblGrid")).children(named: "w:gridCol").compactMap { Int($0.attr("w:w") ?? "") }
        XCTAssertGreaterThanOrEqual(grid[0], try XCTUnwrap(textWidth("TT", size: 11, bold: true)) + 170)
    }

    // MARK: Closing block and appendix

    func testClosingBlockRecipientsLeftSignerRight() throws {
        let tables = body.children(named: "w:tbl")
        let closing = tables[2]
        for border in try XCTUnwrap(closing.child("w:tblPr")?.child("w:tblBorders")).elementChildren {
            XCTAssertEqual(border.attr("w:val"), "nil", "closing block borderless")
        }
        let cells = closing.descendants("w:tc")
        XCTAssertEqual(cells.count, 2)
        let left = cells[0].children(named: "w:p")
        XCTAssertEqual(left[0].wordText, "Nơi nhận:")
        let label = try XCTUnwrap(left[0].descendants("w:rPr").first)
        XCTAssertTrue(label.isOn("w:b") && label.isOn("w:i"), "Nơi nhận bold italic")
        XCTAssertEqual(label.val("w:sz"), "24", "Nơi nhận 12 pt")
        XCTAssertEqual(left.dropFirst().map(\.wordText), SampleDocument.make().closing.recipients, "one recipient a line")
        for p in left.dropFirst() { XCTAssertEqual(p.descendants("w:rPr").first?.val("w:sz"), "22", "recipients 11 pt") }

        let right = cells[1].children(named: "w:p")
        XCTAssertEqual(right.map(\.wordText), ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Văn Minh"])
        for p in right {
            let rPr = try XCTUnwrap(p.descendants("w:rPr").first)
            XCTAssertTrue(rPr.isOn("w:b"), "signer lines bold")
            XCTAssertTrue(["26", "28"].contains(rPr.val("w:sz") ?? ""), "signer 13–14 pt")
            XCTAssertEqual(p.child("w:pPr")?.val("w:jc"), "center")
        }
        let space = Int(right[2].child("w:pPr")?.child("w:spacing")?.attr("w:before") ?? "") ?? 0
        XCTAssertGreaterThan(space, 1000, "room for the signature")
        XCTAssertNotNil(closing.child("w:tr")?.child("w:trPr")?.child("w:cantSplit"), "the closing block is not split across pages")
    }

    func testAppendixOnItsOwnPageWithLabelTitleAndAttachedLine() throws {
        let children = body.elementChildren
        let breakIndex = try XCTUnwrap(children.firstIndex { $0.child("w:pPr")?.child("w:sectPr") != nil })
        let label = children[breakIndex + 1]
        XCTAssertEqual(label.wordText, "Phụ lục I")
        let labelRun = try XCTUnwrap(label.descendants("w:rPr").first)
        XCTAssertTrue(labelRun.isOn("w:b"))
        XCTAssertEqual(labelRun.val("w:sz"), "28", "Phụ lục 14 pt")
        let title = children[breakIndex + 2]
        XCTAssertEqual(title.wordText, "SỐ HỒ SƠ TIẾP NHẬN THEO XÃ, PHƯỜNG QUÝ III NĂM 2026")
        XCTAssertTrue(title.descendants("w:rPr").first?.isOn("w:b") ?? false)
        let attached = children[breakIndex + 3]
        XCTAssertTrue(attached.wordText.hasPrefix("(Kèm theo Báo cáo số 215/BC-VPUBND"))
        XCTAssertTrue(attached.descendants("w:rPr").first?.isOn("w:i") ?? false, "(Kèm theo …) italic")
    }

    // MARK: Charts

    func testChartsAreNativeWithCachesAndExplicitColours() throws {
        let inlines = body.descendants("wp:inline")
        XCTAssertEqual(inlines.count, 2)
        let ids = inlines.compactMap { $0.child("wp:docPr")?.attr("id") }
        XCTAssertEqual(ids, ["1", "2"], "drawing ids unique, in document order")
        let rels = try package.relationships(of: "word/document.xml")
        let types = try package.text("[Content_Types].xml")
        for (n, inline) in inlines.enumerated() {
            let chartRef = try XCTUnwrap(inline.descendants("c:chart").first?.attr("r:id"))
            let rel = try XCTUnwrap(rels[chartRef])
            XCTAssertTrue(rel.type.hasSuffix("/relationships/chart"))
            XCTAssertEqual(rel.target, "word/charts/chart\(n + 1).xml")
            XCTAssertTrue(
                types.contains(
                    "/word/charts/chart\(n + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\""))
            let chartText = try package.text(rel.target)
            XCTAssertFalse(chartText.contains("schemeClr"), "explicit colours, not theme colours")
            let chart = try package.xml(rel.target)
            let series = chart.descendants("c:ser")
            for ser in series {
                XCTAssertNotNil(ser.child("c:tx")?.descendants("c:strCache").first)
                XCTAssertNotNil(ser.child("c:cat")?.descendants("c:strCache").first, "category cache")
                XCTAssertNotNil(ser.child("c:val")?.descendants("c:numCache").first, "value cache")
                XCTAssertFalse(ser.descendants("a:srgbClr").isEmpty, "series colour")
                let order = ser.parent?.name == "c:barChart" ? SchemaOrder.barSeries : SchemaOrder.lineSeries
                XCTAssertEqual(SchemaOrder.violations(ser, order), [])
            }
        }
        let bar = try package.xml("word/charts/chart1.xml")
        XCTAssertNotNil(bar.descendants("c:barChart").first)
        XCTAssertEqual(bar.descendants("c:ser").count, 3, "two series and the reference line")
        let cached = bar.descendants("c:numCache").first?.descendants("c:v").compactMap(\.stringValue)
        XCTAssertEqual(cached, ["40", "38", "48"])
        let line = try package.xml("word/charts/chart2.xml")
        XCTAssertNotNil(line.descendants("c:lineChart").first)
        let labels = line.descendants("c:dLbl").flatMap { $0.descendants("a:t") }.compactMap(\.stringValue)
        XCTAssertEqual(labels, ["84,5", "86,1", "88,66", "90,02"], "value labels in Vietnamese format")
    }

    // MARK: Draft

    func testDraftKeepsTheBlanksForTheClerk() throws {
        let draft = try DocxPackage(try DOCXRenderer().render(SampleDocument.make(draft: true)))
        let text = try draft.text("word/document.xml")
        XCTAssertTrue(text.contains("<w:t xml:space=\"preserve\">Số:      /BC-VPUBND</w:t>"))
        XCTAssertTrue(text.contains("<w:t xml:space=\"preserve\">Sơn La, ngày      tháng      năm 2026</w:t>"))
        XCTAssertTrue(text.contains("Báo cáo số      /BC-VPUBND ngày      tháng      năm 2026"))
        XCTAssertEqual(try draft.xml("docProps/core.xml").child("cp:contentStatus")?.stringValue, "Dự thảo")
        XCTAssertNil(try package.xml("docProps/core.xml").child("cp:contentStatus"), "a signed report is not a draft")
    }

    func testAReportWithoutAppendicesHasOneSection() throws {
        let plain = try DocxPackage(try DOCXRenderer().render(SampleDocument.make(appendices: false)))
        let body = try XCTUnwrap(try plain.xml("word/document.xml").child("w:body"))
        XCTAssertEqual(body.descendants("w:sectPr").count, 1)
        XCTAssertEqual(body.elementChildren.last?.name, "w:sectPr")
        XCTAssertEqual(body.elementChildren.dropLast().last?.name, "w:p", "the closing table is followed by a paragraph")
    }

    // MARK: Helpers

    private func style(_ id: String, in styles: XMLElement) throws -> XMLElement {
        try XCTUnwrap(styles.children(named: "w:style").first { $0.attr("w:styleId") == id }, "style \(id)")
    }

    private func paragraph(in paragraphs: [XMLElement], text: String) throws -> (paragraph: XMLElement, run: XMLElement) {
        let p = try XCTUnwrap(paragraphs.first { $0.wordText == text }, "no paragraph “\(text)”")
        let rPr = try XCTUnwrap(p.descendants("w:r").first?.child("w:rPr"), "“\(text)” has no run properties")
        return (p, rPr)
    }

    /// The indents of the rule paragraph that follows the paragraph holding `text`.
    private func rule(after text: String, in paragraphs: [XMLElement]) throws -> (left: Int, right: Int) {
        let index = try XCTUnwrap(paragraphs.firstIndex { $0.wordText == text })
        let rule = paragraphs[index + 1]
        XCTAssertEqual(rule.wordText, "")
        let pPr = try XCTUnwrap(rule.child("w:pPr"))
        XCTAssertEqual(pPr.child("w:pBdr")?.child("w:top")?.attr("w:val"), "single", "a solid rule")
        let ind = try XCTUnwrap(pPr.child("w:ind"))
        return (Int(ind.attr("w:left") ?? "") ?? -1, Int(ind.attr("w:right") ?? "") ?? -1)
    }

    /// Text width in twips, from Liberation Serif (metric-compatible with Times New Roman),
    /// known values only.
    private func textWidth(_ text: String, size: Double, bold: Bool) -> Int? {
        guard bold else { return nil }
        // Advance widths (1/2048 em) of the letters used, Times New Roman Bold.
        let advances: [Character: Int] = [
            "V": 1479, "Ă": 1479, "N": 1479, " ": 512, "P": 1251, "H": 1593, "Ò": 1593, "G": 1593, "T": 1366,
            "Đ": 1479, "ộ": 1024, "c": 909, "l": 569, "ậ": 1024, "p": 1139, "-": 682, "ự": 1229, "d": 1139, "o": 1024,
            "ạ": 1024, "n": 1139, "h": 1139, "ú": 1139,
        ]
        var units = 0
        for character in text {
            guard let advance = advances[character] else { return nil }
            units += advance
        }
        return Int((Double(units) * size / 2048 * 20).rounded())
    }

    private func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
