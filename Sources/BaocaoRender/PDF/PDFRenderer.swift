import BaocaoDocument
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The report as PDF: the DOCX converted by LibreOffice headless, so the PDF is laid out by the
/// same rules as the Word document and there is no second layout engine.
///
/// Each conversion runs in a private temporary folder with its own LibreOffice profile, so that
/// several conversions can run at once. LibreOffice stamps the PDF with the time of conversion
/// and a file id and checksum made from it; these are overwritten in place (same length, so the cross-reference
/// table stays valid) with 1980-01-01 and an id computed from the DOCX, so one document gives
/// the same PDF bytes on one LibreOffice version and set of fonts.
public struct PDFRenderer: Renderer {
    public static let format = "pdf"
    public static let fileExtension = "pdf"
    /// The Debian package that provides `soffice` without a desktop.
    public static let debianPackage = "libreoffice-writer-nogui"
    /// How long one conversion may take before it is abandoned.
    public static let timeout: TimeInterval = 300

    public init() {}

    /// The path of `soffice` on `PATH`, if LibreOffice is installed.
    public static func officeExecutable(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            for name in ["soffice", "libreoffice"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    public func render(_ document: ReportDocument) throws -> Data {
        try renderChecked(document).data
    }

    /// The PDF, and a warning when it embeds a font other than Times New Roman's stand-ins
    /// (see `PDFFonts`) or when the fonts could not be checked.
    public func renderChecked(_ document: ReportDocument) throws -> (data: Data, warnings: [String]) {
        let docx = try DOCXRenderer().render(document)
        return try Self.convertChecked(docx: docx)
    }

    /// Converts DOCX bytes to PDF bytes with LibreOffice, found on the `PATH` of `environment`.
    public static func convert(docx: Data, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Data {
        try convertChecked(docx: docx, environment: environment).data
    }

    /// Converts DOCX bytes to PDF bytes, and checks the fonts the PDF embeds with `pdffonts`.
    public static func convertChecked(
        docx: Data, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> (data: Data, warnings: [String]) {
        guard let soffice = officeExecutable(environment: environment) else {
            throw RenderError(
                "không tìm thấy LibreOffice (soffice) để xuất PDF; hãy cài gói \(debianPackage), "
                    + "ví dụ: sudo apt-get install \(debianPackage) "
                    + "(LibreOffice's soffice is not on PATH, and PDF output needs it: install the Debian package \(debianPackage))"
            )
        }
        warmUp(soffice: soffice, docx: docx, environment: environment)
        return try convertOnce(docx: docx, soffice: soffice, environment: environment)
    }

    /// The file whose presence says LibreOffice (this `soffice`) has started once for this user:
    /// `$XDG_CACHE_HOME/baocao/` or `~/.cache/baocao/`; nil without a home folder.
    public static func warmUpMarker(soffice: String, environment: [String: String]) -> URL? {
        let cache =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["HOME"].map { $0 + "/.cache" }
        guard let cache else { return nil }
        return URL(fileURLWithPath: cache).appendingPathComponent("baocao")
            .appendingPathComponent("libreoffice-started-\(fingerprint(Data(soffice.utf8)))")
    }

    /// LibreOffice's first start on a machine builds caches that every later start shares, and
    /// a first conversion was seen to lay the PDF out otherwise (108,639 bytes, then 70,528 for
    /// the same document), so that a report's second compile would differ from its first. Once
    /// per user and LibreOffice, a conversion is made and thrown away before the real one.
    static func warmUp(soffice: String, docx: Data, environment: [String: String]) {
        guard let marker = warmUpMarker(soffice: soffice, environment: environment),
            !FileManager.default.fileExists(atPath: marker.path)
        else { return }
        guard (try? convertOnce(docx: docx, soffice: soffice, environment: environment)) != nil else { return }
        try? FileManager.default.createDirectory(at: marker.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
    }

    /// One conversion, in a private temporary folder with its own profile.
    static func convertOnce(docx: Data, soffice: String, environment: [String: String]) throws -> (data: Data, warnings: [String]) {
        let fileManager = FileManager.default
        let work = fileManager.temporaryDirectory.appendingPathComponent("baocao-pdf-\(UUID().uuidString)", isDirectory: true)
        do {
            try fileManager.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw RenderError("không tạo được thư mục tạm để xuất PDF (cannot create a temporary folder for the PDF): \(error)")
        }
        defer { try? fileManager.removeItem(at: work) }

        let input = work.appendingPathComponent("baocao.docx")
        let output = work.appendingPathComponent("out", isDirectory: true)
        let profile = work.appendingPathComponent("profile", isDirectory: true)
        let log = work.appendingPathComponent("soffice.log")
        do {
            try docx.write(to: input)
            try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
            _ = fileManager.createFile(atPath: log.path, contents: nil)
        } catch {
            throw RenderError("không ghi được tệp tạm để xuất PDF (cannot write temporary files for the PDF): \(error)")
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=\(profile.absoluteString)",
            "--headless", "--invisible", "--nologo", "--nodefault", "--norestore", "--nolockcheck",
            "--convert-to", "pdf:writer_pdf_Export",
            "--outdir", output.path,
            input.path,
        ]
        var childEnvironment = environment
        childEnvironment["HOME"] = work.path
        // UTC, so the time stamp LibreOffice writes has one shape, which `normalise` overwrites.
        childEnvironment["TZ"] = "UTC"
        process.environment = childEnvironment
        process.currentDirectoryURL = work
        let logHandle = try? FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice

        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw RenderError("không chạy được LibreOffice \(soffice) (cannot run LibreOffice): \(error)")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = finished.wait(timeout: .now() + 5)
            }
            throw RenderError("LibreOffice không xuất xong PDF sau \(Int(timeout)) giây (LibreOffice did not finish the PDF in time)")
        }
        try? logHandle?.close()
        let messages = (try? String(contentsOf: log, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let pdf = output.appendingPathComponent("baocao.pdf")
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: pdf), data.starts(with: Array("%PDF".utf8))
        else {
            throw RenderError(
                "LibreOffice không chuyển được DOCX sang PDF (LibreOffice could not convert the DOCX to PDF), "
                    + "mã thoát (exit status) \(process.terminationStatus)" + (messages.isEmpty ? "" : ": \(messages)"))
        }
        var warnings: [String] = []
        if let fonts = PDFFonts.embedded(in: pdf, environment: environment) {
            if let warning = PDFFonts.warning(for: fonts) { warnings.append(warning) }
        } else {
            warnings.append(
                "không kiểm tra được phông chữ của tệp PDF vì thiếu lệnh pdffonts; hãy cài gói poppler-utils "
                    + "(pdffonts is missing, so the PDF's fonts were not checked: install poppler-utils)")
        }
        return (normalise(data, source: docx), warnings)
    }

    /// Overwrites the conversion time (`/CreationDate`, `/ModDate`) with 1980-01-01 00:00:00, and
    /// the file id (`/ID`) and LibreOffice's `/DocChecksum` with a hash of `source`, byte for byte
    /// in place.
    static func normalise(_ pdf: Data, source: Data) -> Data {
        var bytes = [UInt8](pdf)
        let digits = Array("19800101000000".utf8)
        for key in ["/CreationDate(D:", "/ModDate(D:"] {
            for start in occurrences(of: Array(key.utf8), in: bytes) {
                let from = start + key.utf8.count
                guard from + digits.count <= bytes.count,
                    bytes[from..<from + digits.count].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
                else { continue }
                bytes.replaceSubrange(from..<from + digits.count, with: digits)
            }
        }
        let id = Array(fingerprint(source).utf8)
        for start in occurrences(of: Array("/ID".utf8), in: bytes) {
            var i = start + 3
            var replaced = 0
            while i < min(bytes.count, start + 200), replaced < 2 {
                if bytes[i] == UInt8(ascii: "<"), i + 1 + id.count < bytes.count, bytes[i + 1 + id.count] == UInt8(ascii: ">"),
                    bytes[(i + 1)..<(i + 1 + id.count)].allSatisfy({ isHexDigit($0) })
                {
                    bytes.replaceSubrange((i + 1)..<(i + 1 + id.count), with: id)
                    replaced += 1
                    i += id.count + 2
                } else {
                    i += 1
                }
            }
        }
        // LibreOffice's trailer also holds a checksum that changes with the time stamp.
        for start in occurrences(of: Array("/DocChecksum /".utf8), in: bytes) {
            let from = start + "/DocChecksum /".utf8.count
            guard from + id.count <= bytes.count, bytes[from..<from + id.count].allSatisfy({ isHexDigit($0) }) else { continue }
            bytes.replaceSubrange(from..<from + id.count, with: id)
        }
        return Data(bytes)
    }

    /// 32 hexadecimal digits from two FNV-1a hashes of the bytes.
    static func fingerprint(_ data: Data) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in data {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte ^ 0x5a)) &* 0x0000_0100_0000_01b3
        }
        func hex(_ n: UInt64) -> String {
            let digits = String(n, radix: 16, uppercase: true)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(a) + hex(b)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    private static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var found: [Int] = []
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { found.append(i) }
            i += 1
        }
        return found
    }
}
