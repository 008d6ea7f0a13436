import BaocaoDocument
import BaocaoRender
import Foundation
import XCTest

/// LibreOffice converts the DOCX to PDF, and the PDF's text holds the header, the title, every
/// heading and the signer. Skipped, with a message, where LibreOffice or poppler-utils is
/// missing; `.ci/run` installs both.
final class PDFRoundTripTests: XCTestCase {
    func testLibreOfficeConvertsTheReportAndThePDFHoldsItsText() throws {
        guard PDFRenderer.officeExecutable() != nil else {
            throw XCTSkip("LibreOffice (soffice) is not installed: apt-get install \(PDFRenderer.debianPackage)")
        }
        guard let pdftotext = Self.executable("pdftotext") else {
            throw XCTSkip("pdftotext is not installed: apt-get install poppler-utils")
        }
        let cache = Self.privateCache()
        defer { try? FileManager.default.removeItem(atPath: cache["XDG_CACHE_HOME"]!) }
        let pdf = try PDFRenderer.convert(docx: try DOCXRenderer().render(SampleDocument.make()), environment: cache)
        XCTAssertTrue(pdf.starts(with: Array("%PDF-".utf8)))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-pdf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.pdf")
        try pdf.write(to: file)

        let text = try Self.run(pdftotext, ["-enc", "UTF-8", file.path, "-"])
        let flat = Self.flatten(text)
        var expected = [
            "UBND TỈNH SƠN LA", "VĂN PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số: 215/BC-VPUBND", "Sơn La, ngày 18 tháng 9 năm 2026", "BÁO CÁO",
            "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính quý III năm 2026",
            "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Văn Minh", "Nơi nhận:", "Phụ lục I",
            "SỐ LIỆU MINH HỌA", "A & B <c> \"d\" 'e'",
        ]
        expected += SampleDocument.headings
        for phrase in expected {
            XCTAssertTrue(flat.contains(Self.flatten(phrase)), "the PDF's text lacks “\(phrase)”")
        }

        // Pages: A4 portrait, then the appendix in landscape; page numbers from page 2 on.
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        XCTAssertGreaterThanOrEqual(pages.count, 3)
        let firstLines = pages.map { $0.split(separator: "\n").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "" }
        XCTAssertNotEqual(firstLines[0], "1", "no page number on page 1")
        XCTAssertEqual(firstLines[1], "2", "page 2 numbered at the top")
        XCTAssertTrue(pages.last?.contains("Phụ lục I") ?? false, "the appendix on a page of its own")
        XCTAssertFalse(pages.last?.hasPrefix("1") ?? true, "no page number on the appendix's first page")
        if let pdfinfo = Self.executable("pdfinfo") {
            let first = try Self.run(pdfinfo, ["-f", "1", "-l", "1", file.path])
            XCTAssertTrue(first.contains("595.") && first.contains("x 841."), "A4 portrait: \(first)")
            let last = try Self.run(pdfinfo, ["-f", "\(pages.count)", "-l", "\(pages.count)", file.path])
            XCTAssertTrue(last.contains("841.") && last.contains("x 595."), "appendix landscape: \(last)")
        }
    }

    func testSameDocumentSamePDFBytes() throws {
        guard PDFRenderer.officeExecutable() != nil else {
            throw XCTSkip("LibreOffice (soffice) is not installed: apt-get install \(PDFRenderer.debianPackage)")
        }
        let docx = try DOCXRenderer().render(SampleDocument.make(appendices: false))
        // A cache of its own: the first conversion is preceded by the renderer's warm-up of
        // LibreOffice's first start (on a new machine the first PDF was laid out otherwise).
        let cache = Self.privateCache()
        defer { try? FileManager.default.removeItem(atPath: cache["XDG_CACHE_HOME"]!) }
        let first = try PDFRenderer.convert(docx: docx, environment: cache)
        let second = try PDFRenderer.convert(docx: docx, environment: cache)
        XCTAssertEqual(first, second, "the conversion time and file id are fixed (\(first.count) and \(second.count) bytes)")
        let text = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(text.contains("/CreationDate(D:19800101000000"))
    }

    /// The first PDF a user makes starts LibreOffice once more, thrown away, and leaves a mark
    /// in the user's cache so that it happens once.
    func testLibreOfficesFirstStartIsWarmedUpOnce() throws {
        guard let soffice = PDFRenderer.officeExecutable() else {
            throw XCTSkip("LibreOffice (soffice) is not installed: apt-get install \(PDFRenderer.debianPackage)")
        }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = cache.path
        let marker = try XCTUnwrap(PDFRenderer.warmUpMarker(soffice: soffice, environment: environment))
        XCTAssertTrue(marker.path.hasPrefix(cache.path + "/baocao/libreoffice-started-"), marker.path)
        let docx = try DOCXRenderer().render(SampleDocument.make(appendices: false))
        let first = try PDFRenderer.convert(docx: docx, environment: environment)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path), "the first start is marked")
        let second = try PDFRenderer.convert(docx: docx, environment: environment)
        XCTAssertEqual(first, second, "after the warm-up, the first PDF is the same as the next")
        environment["XDG_CACHE_HOME"] = nil
        environment["HOME"] = nil
        XCTAssertNil(PDFRenderer.warmUpMarker(soffice: soffice, environment: environment), "no home, no mark (and no warm-up)")
    }

    func testMissingLibreOfficeIsNamedWithItsPackage() throws {
        let docx = try DOCXRenderer().render(SampleDocument.make())
        XCTAssertThrowsError(try PDFRenderer.convert(docx: docx, environment: ["PATH": "/nonexistent"])) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("libreoffice-writer-nogui"), message)
            XCTAssertTrue(message.contains("không tìm thấy LibreOffice"), message)
            XCTAssertTrue(message.contains("not on PATH"), message)
        }
    }

    // MARK: Helpers

    /// This process's environment with a user cache folder of its own (the renderer marks
    /// LibreOffice's first start there), so that no test writes to the user's cache.
    static func privateCache() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] =
            FileManager.default.temporaryDirectory.appendingPathComponent("baocao-cache-\(UUID().uuidString)").path
        return environment
    }

    /// Text with whitespace folded to single spaces, for comparing across line breaks.
    static func flatten(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(executable) failed")
        return String(decoding: data, as: UTF8.self)
    }
}
