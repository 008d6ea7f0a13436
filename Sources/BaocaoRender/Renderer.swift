import BaocaoDocument
import Foundation

/// A back end that turns the document model into one output format, in the spirit of
/// swift-log's handlers: the engine knows the protocol, each format is one type.
public protocol Renderer: Sendable {
    /// The format's name on the command line ("md", "json").
    static var format: String { get }
    /// The file extension written.
    static var fileExtension: String { get }
    init()
    func render(_ document: ReportDocument) throws -> Data
    /// The output and what the officer should check in it, in Vietnamese (a PDF drawn with a
    /// substitute font, say). By default `render`'s output and no warning.
    func renderChecked(_ document: ReportDocument) throws -> (data: Data, warnings: [String])
}

extension Renderer {
    public func renderChecked(_ document: ReportDocument) throws -> (data: Data, warnings: [String]) {
        (try render(document), [])
    }
}

/// The renderers `baocao compile --format` can name, in their default order.
public enum Renderers {
    public static let all: [any Renderer.Type] = [
        DOCXRenderer.self, MarkdownRenderer.self, HTMLRenderer.self, JSONRenderer.self, PDFRenderer.self,
    ]

    public static func renderer(for format: String) -> (any Renderer.Type)? {
        all.first { $0.format == format }
    }

    public static var formats: [String] { all.map { $0.format } }
}

/// Thrown when a document holds something a format cannot carry.
public struct RenderError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
