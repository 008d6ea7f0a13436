import BaocaoDocument
import Foundation
import XCTest

@testable import BaocaoCLI
@testable import BaocaoWorkspace

/// The report's JSON and the version manifest are written by `PrettyJSON`, not Foundation's
/// `JSONEncoder`; on the shipped example both must still be exactly what `JSONEncoder` writes
/// (so files written before the change compare equal, and the schema and goldens hold).
final class JSONBytesTests: XCTestCase {
    struct Envelope: Codable {
        var format: String
        var version: Int
        var document: ReportDocument
    }

    func foundation<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data([0x0A])
    }

    func testTheShippedReportAndItsManifestAreWhatJSONEncoderWrites() async throws {
        let out = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        for period in ["2026-Q3", "2026-H1"] {
            let run = await baocao([
                "compile", "--plan", Paths.plan, "--data", Paths.data, "--out", out.path, "--format", "json", "--period", period,
            ])
            XCTAssertEqual(run.status, 0, run.err)
            let folder = out.appendingPathComponent("2026/\(period)")
            let report = try Data(contentsOf: folder.appendingPathComponent("bao-cao-\(period).json"))
            XCTAssertEqual(report, try foundation(JSONDecoder().decode(Envelope.self, from: report)), period)
            let manifest = try Data(contentsOf: folder.appendingPathComponent("versions/v001/manifest.json"))
            XCTAssertEqual(manifest, try foundation(JSONDecoder().decode(Manifest.self, from: manifest)), period)
        }
    }
}

extension JSONBytesTests {
    /// Every optional field of the manifest present and absent, against JSONEncoder.
    func testManifestsWithAndWithoutTheirOptionalFieldsAreWhatJSONEncoderWrites() throws {
        let output = Manifest.Output(
            file: "bao-cao-2026-Q3.md", format: "md", sha256: String(repeating: "a", count: 64), bytes: 12, requested: true)
        for variant in 0..<4 {
            let full = variant % 2 == 0
            let manifest = Manifest(
                period: "2026-Q3", periodLabel: "quý III năm 2026", version: "v002", previous: full ? "v001" : nil,
                plan: Manifest.Input(file: "Plans/a \"b\".yaml", sha256: "00"),
                planBases: variant == 0 ? [Manifest.Input(file: "Plans/base.yaml", sha256: "11")] : (variant == 2 ? [] : nil),
                dataFolder: "Plans/data",
                inputs: [
                    Manifest.Input(
                        file: "2026-Q3/a.yaml", sha256: "22", unit: full ? "ttpvhcc" : nil, period: full ? "2026-Q3" : nil,
                        importedFrom: full ? "bieu-mau.xlsx" : nil)
                ],
                options: Manifest.Options(
                    formats: full ? ["docx", "md"] : [], number: full ? "15" : nil, date: full ? "2026-09-18" : nil, partial: !full,
                    draft: full),
                outputs: full ? [output] : [],
                figures: [
                    Manifest.FigureEntry(
                        id: "f1", indicator: "ho_so", label: "Hồ sơ\ttiếp nhận", period: "2026-Q3", unit: full ? "ttpvhcc" : nil,
                        unitName: full ? "Trung tâm" : nil, value: full ? 1234.5 : nil, text: "1.234,5", measure: full ? "hồ sơ" : nil,
                        sources: [Manifest.Source(file: "2026-Q3/a.yaml", line: 9, column: 22, value: full ? 12 : nil)])
                ],
                errors: variant, warnings: 3, replaced: full ? [output] : nil)
            XCTAssertEqual(
                String(decoding: try manifest.encoded(), as: UTF8.self), String(decoding: try foundation(manifest), as: UTF8.self),
                "variant \(variant)")
        }
    }
}

extension JSONBytesTests {
    /// The "sent" mark, with and without its date and note, against JSONEncoder.
    func testTheSentMarkIsWhatJSONEncoderWrites() throws {
        for mark in [
            SentMark(version: "v002", period: "2026-Q3", date: "2026-09-18", note: "Số 215/BC-VPUBND \"đã ký\""),
            SentMark(version: "v001", period: "2026-H1", date: nil, note: nil),
        ] {
            XCTAssertEqual(String(decoding: mark.encoded(), as: UTF8.self), String(decoding: try foundation(mark), as: UTF8.self))
        }
    }
}
