import BaocaoDocument
import BaocaoRender
import Foundation
import XCTest

/// Writes the sample document in every deterministic format to the folder named by the
/// environment variable BAOCAO_SAMPLE_DIR, for looking at the result by eye. Skipped otherwise.
final class SampleOutputTests: XCTestCase {
    func testWriteSamples() throws {
        guard let folder = ProcessInfo.processInfo.environment["BAOCAO_SAMPLE_DIR"], !folder.isEmpty else {
            throw XCTSkip("set BAOCAO_SAMPLE_DIR to write the sample report in every format")
        }
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let variants: [(String, ReportDocument)] = [
            ("sample", SampleDocument.make()),
            ("sample-draft", SampleDocument.make(draft: true, addressees: ["Ủy ban nhân dân tỉnh Sơn La", "Sở Nội vụ tỉnh Sơn La"])),
        ]
        for (name, document) in variants {
            for renderer in [DOCXRenderer.self, HTMLRenderer.self, MarkdownRenderer.self] as [any Renderer.Type] {
                let data = try renderer.init().render(document)
                try data.write(to: url.appendingPathComponent("\(name).\(renderer.fileExtension)"))
            }
        }
    }
}
