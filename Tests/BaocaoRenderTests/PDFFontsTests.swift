import BaocaoDocument
import BaocaoRender
import Foundation
import XCTest

/// The PDF step reads the fonts LibreOffice embedded and warns when any is not Times New Roman
/// or one of its stand-ins: a stand-in without Vietnamese letters makes LibreOffice draw ả, ế,
/// ệ in DejaVu Serif, two typefaces inside one word.
final class PDFFontsTests: XCTestCase {
    /// What `pdffonts` printed for a report converted with fonts-liberation 1.07 only.
    static let mixedListing = """
        name                                 type              encoding         emb sub uni object ID
        ------------------------------------ ----------------- ---------------- --- --- --- ---------
        BAAAAA+LiberationSerif               TrueType          WinAnsi          yes yes yes     69  0
        CAAAAA+DejaVuSerif                   CID TrueType      Identity-H       yes yes yes     74  0
        DAAAAA+LiberationSerif-Bold          TrueType          WinAnsi          yes yes yes     54  0
        EAAAAA+DejaVuSerif-Bold              CID TrueType      Identity-H       yes yes yes     79  0
        [none]                               Type 3            Custom           yes no  no      12  0
        """

    func testFontNamesAreReadWithoutTheirSubsetTags() {
        XCTAssertEqual(
            PDFFonts.names(fromListing: Self.mixedListing), ["LiberationSerif", "DejaVuSerif", "LiberationSerif-Bold", "DejaVuSerif-Bold"])
        XCTAssertEqual(PDFFonts.names(fromListing: "name type\n---- ----\n"), [])
    }

    func testOnlyTimesNewRomanAndItsStandInsAreIntended() {
        for name in [
            "Tinos", "Tinos-BoldItalic", "LiberationSerif-Italic", "TimesNewRomanPSMT", "TimesNewRomanPS-BoldMT", "Times New Roman,Bold",
        ] {
            XCTAssertEqual(PDFFonts.unintended([name]), [], name)
        }
        XCTAssertEqual(
            PDFFonts.unintended(["DejaVuSerif", "Tinos", "LiberationSans", "OpenSymbol"]), ["DejaVuSerif", "LiberationSans", "OpenSymbol"])
        XCTAssertNil(PDFFonts.warning(for: ["Tinos", "Tinos-Bold"]))
        let warning = try? XCTUnwrap(PDFFonts.warning(for: PDFFonts.names(fromListing: Self.mixedListing)))
        XCTAssertTrue(warning?.contains("DejaVuSerif, DejaVuSerif-Bold") ?? false, warning ?? "")
        XCTAssertTrue(warning?.contains("fonts-liberation2 fonts-croscore") ?? false, "names the packages to install")
        XCTAssertFalse(warning?.contains("LiberationSerif,") ?? true, "the intended face is not named as a stray")
    }

    /// The conversion reads the fonts with `pdffonts` and turns a stray font into a warning: a
    /// `pdffonts` that reports DejaVu Serif stands first on the PATH.
    func testTheConversionWarnsAboutAStrayFont() throws {
        guard PDFRenderer.officeExecutable() != nil else {
            throw XCTSkip("LibreOffice (soffice) is not installed: apt-get install \(PDFRenderer.debianPackage)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-pdffonts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let listing = folder.appendingPathComponent("listing.txt")
        try Data(Self.mixedListing.utf8).write(to: listing)
        let fake = folder.appendingPathComponent("pdffonts")
        try Data("#!/bin/sh\ncat '\(listing.path)'\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)

        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let docx = try DOCXRenderer().render(SampleDocument.make(appendices: false))
        let output = try PDFRenderer.convertChecked(docx: docx, environment: environment)
        XCTAssertTrue(output.data.starts(with: Array("%PDF-".utf8)))
        XCTAssertEqual(output.warnings.count, 1)
        XCTAssertTrue(output.warnings.first?.contains("DejaVuSerif") ?? false, output.warnings.joined())
    }

    /// On a machine set up as `.ci/run` sets it up, the report's PDF embeds Times New Roman's
    /// stand-in alone, in its four styles, and the renderer warns about nothing.
    func testTheReportsPDFUsesOneTypeface() throws {
        guard PDFRenderer.officeExecutable() != nil else {
            throw XCTSkip("LibreOffice (soffice) is not installed: apt-get install \(PDFRenderer.debianPackage)")
        }
        guard PDFFonts.executable() != nil else { throw XCTSkip("pdffonts is not installed: apt-get install poppler-utils") }
        let output = try PDFRenderer().renderChecked(SampleDocument.make())
        XCTAssertEqual(output.warnings, [], "install \(PDFFonts.debianPackages)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-pdffonts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.pdf")
        try output.data.write(to: file)
        let names = try XCTUnwrap(PDFFonts.embedded(in: file))
        XCTAssertFalse(names.isEmpty)
        XCTAssertEqual(Set(names.map(PDFFonts.family)).count, 1, "one typeface: \(names)")
    }
}
