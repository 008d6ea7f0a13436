import BaocaoDocument
import Foundation
import XCTest

@testable import BaocaoCLI

/// The report's JSON and the version manifest are written by `JSONOutput`, not Foundation's
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
