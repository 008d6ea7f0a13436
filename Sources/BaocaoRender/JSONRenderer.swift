import BaocaoDocument
import Foundation

/// The whole document, with every figure and its provenance, as JSON. The shape is described
/// by `Sources/BaocaoRender/Schema/report.schema.json`. Keys are sorted, so the same document
/// always gives the same bytes.
///
/// The bytes are those `JSONEncoder` writes for the model's `Codable` conformance (pretty
/// printed, sorted keys, unescaped slashes). The report is written directly from the model,
/// keys in sorted order, because it is the largest output of a compile and going through the
/// `Encoder` protocol cost several times more. The tests compare this writer with `JSONEncoder`
/// on sample documents, random documents and the shipped reports: a field added to the model
/// and not here fails them.
public struct JSONRenderer: Renderer {
    public static let format = "json"
    public static let fileExtension = "json"
    /// The value of the top-level "format" key.
    public static let formatName = "baocao.report"
    public static let version = 1

    public init() {}

    /// The document as `Codable` would encode it, for comparison in tests.
    struct Envelope: Encodable {
        var format: String
        var version: Int
        var document: ReportDocument
    }

    public func render(_ document: ReportDocument) throws -> Data {
        // A figure with its sources takes 900 to 1,200 bytes in reports of several periods (most
        // of the text): room for all of them, so the text is not copied as it grows.
        var json = PrettyJSON(capacity: 8_192 + document.figures.count * 1_200)
        json.beginObject()
        json.key("document")
        try ReportJSON.write(document, to: &json)
        json.field("format", Self.formatName)
        json.field("version", Self.version)
        json.closeObject()
        return json.fileContents
    }
}

/// One function per model type; each writes its keys in sorted order and leaves out what the
/// type's `encode(to:)` leaves out.
enum ReportJSON {
    static func write(_ d: ReportDocument, to json: inout PrettyJSON) throws {
        json.beginObject()
        json.field("addressees", d.addressees)
        json.key("appendices")
        json.beginArray()
        for appendix in d.appendices {
            json.beginObject()
            json.field("attachedTo", appendix.attachedTo)
            json.key("body")
            try blocks(appendix.body, to: &json)
            json.field("label", appendix.label)
            json.field("title", appendix.title)
            json.closeObject()
        }
        json.closeArray()
        json.key("body")
        try blocks(d.body, to: &json)
        json.key("closing")
        closing(d.closing, to: &json)
        json.key("figures")
        json.beginArray()
        for figure in d.figures { try self.figure(figure, to: &json) }
        json.closeArray()
        json.key("header")
        header(d.header, to: &json)
        json.key("metadata")
        metadata(d.metadata, to: &json)
        json.field("notices", d.notices)
        json.field("summary", d.summary)
        json.field("typeName", d.typeName)
        json.closeObject()
    }

    static func header(_ h: DocumentHeader, to json: inout PrettyJSON) {
        json.beginObject()
        json.field("isDraft", h.isDraft)
        json.field("issuingBody", h.issuingBody)
        json.field("motto", h.motto)
        json.field("nationalTitle", h.nationalTitle)
        json.field("numberLine", h.numberLine)
        json.field("parentBody", h.parentBody)
        json.field("placeAndDate", h.placeAndDate)
        json.closeObject()
    }

    static func closing(_ c: DocumentClosing, to json: inout PrettyJSON) {
        json.beginObject()
        json.field("recipients", c.recipients)
        json.key("signer")
        json.beginObject()
        json.field("authority", c.signer.authority)
        json.field("name", c.signer.name)
        json.field("title", c.signer.title)
        json.closeObject()
        json.closeObject()
    }

    static func metadata(_ m: DocumentMetadata, to json: inout PrettyJSON) {
        json.beginObject()
        json.field("author", m.author)
        json.field("language", m.language)
        json.field("period", m.period)
        json.field("periodLabel", m.periodLabel)
        json.key("properties")
        json.beginObject()
        for key in m.properties.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            json.key(text: key)
            json.string(m.properties[key]!)
        }
        json.closeObject()
        json.field("title", m.title)
        json.closeObject()
    }

    static func figure(_ f: FigureRecord, to json: inout PrettyJSON) throws {
        json.beginObject()
        json.field("derivation", f.derivation)
        json.field("id", f.id)
        json.field("indicator", f.indicator)
        json.field("label", f.label)
        json.field("measure", f.measure)
        json.field("period", f.period)
        json.key("sources")
        json.beginArray()
        for s in f.sources {
            json.beginObject()
            json.field("column", s.column)
            json.field("file", s.file)
            json.field("line", s.line)
            json.field("period", s.period)
            json.field("unit", s.unit)
            try json.field("value", s.value)
            json.closeObject()
        }
        json.closeArray()
        json.field("text", f.text)
        json.field("unit", f.unit)
        try json.field("value", f.value)
        json.closeObject()
    }

    static func blocks(_ blocks: [Block], to json: inout PrettyJSON) throws {
        json.beginArray()
        for block in blocks { try self.block(block, to: &json) }
        json.closeArray()
    }

    static func block(_ block: Block, to json: inout PrettyJSON) throws {
        json.beginObject()
        switch block {
        case .heading(let h):
            json.field("level", h.level)
            json.field("number", h.number)
            json.field("text", h.text)
            json.field("type", "heading")
        case .paragraph(let p):
            json.key("runs")
            runs(p.runs, to: &json)
            json.field("type", "paragraph")
        case .list(let items):
            json.key("items")
            json.beginArray()
            for item in items {
                json.beginObject()
                json.key("runs")
                runs(item.runs, to: &json)
                json.closeObject()
            }
            json.closeArray()
            json.field("type", "list")
        case .table(let t):
            try table(t, to: &json)
        case .chart(let c):
            try chart(c, to: &json)
        }
        json.closeObject()
    }

    static func runs(_ runs: [TextRun], to json: inout PrettyJSON) {
        json.beginArray()
        for run in runs {
            json.beginObject()
            if run.bold {
                json.field("bold", true)
            }
            if run.italic {
                json.field("italic", true)
            }
            json.field("text", run.text)
            json.closeObject()
        }
        json.closeArray()
    }

    /// The keys of a table block, inside the block's object.
    static func table(_ t: Table, to json: inout PrettyJSON) throws {
        json.field("caption", t.caption)
        json.key("columns")
        json.beginArray()
        for column in t.columns {
            json.beginObject()
            json.field("alignment", column.alignment.rawValue)
            json.field("title", column.title)
            json.field("unit", column.unit)
            try json.field("width", column.width)
            json.closeObject()
        }
        json.closeArray()
        // Only kept groups are written, so that the JSON and the drawn header agree.
        let groups = t.headerLayout.groups
        if !groups.isEmpty {
            json.key("headerGroups")
            json.beginArray()
            for group in groups {
                json.beginObject()
                json.field("count", group.count)
                json.field("first", group.first)
                json.field("title", group.title)
                json.closeObject()
            }
            json.closeArray()
        }
        json.field("note", t.note)
        json.key("rows")
        json.beginArray()
        for row in t.rows { try cells(row, to: &json) }
        json.closeArray()
        if let totals = t.totals {
            json.key("totals")
            try cells(totals, to: &json)
        }
        json.field("type", "table")
        json.field("unit", t.unit)
    }

    static func cells(_ cells: [Cell], to json: inout PrettyJSON) throws {
        json.beginArray()
        for cell in cells {
            json.beginObject()
            if !cell.figures.isEmpty {
                json.field("figures", cell.figures)
            }
            json.field("text", cell.text)
            try json.field("value", cell.value)
            json.closeObject()
        }
        json.closeArray()
    }

    /// The keys of a chart block, inside the block's object.
    static func chart(_ c: Chart, to json: inout PrettyJSON) throws {
        json.field("categories", c.categories)
        json.field("kind", c.kind.rawValue)
        if let reference = c.reference {
            json.key("reference")
            json.beginObject()
            json.field("label", reference.label)
            try json.field("value", reference.value)
            json.closeObject()
        }
        json.key("series")
        json.beginArray()
        for series in c.series {
            json.beginObject()
            json.field("name", series.name)
            json.key("values")
            json.beginArray()
            for value in series.values {
                if let value { try json.double(value) } else { json.null() }
            }
            json.closeArray()
            json.closeObject()
        }
        json.closeArray()
        json.field("title", c.title)
        json.field("type", "chart")
        json.field("unit", c.unit)
    }
}
