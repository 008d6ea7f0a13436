import BaocaoDocument
import Foundation

/// The whole document, with every figure and its provenance, as JSON. The shape is described
/// by `Sources/BaocaoRender/Schema/report.schema.json`. Keys are sorted, so the same document
/// always gives the same bytes (those `JSONEncoder` would write; see `JSONOutput`).
public struct JSONRenderer: Renderer {
    public static let format = "json"
    public static let fileExtension = "json"
    /// The value of the top-level "format" key.
    public static let formatName = "baocao.report"
    public static let version = 1

    public init() {}

    struct Envelope: Encodable {
        var format: String
        var version: Int
        var document: ReportDocument
    }

    public func render(_ document: ReportDocument) throws -> Data {
        try JSONOutput.file(Envelope(format: Self.formatName, version: Self.version, document: document))
    }
}
