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
        var json = PrettyJSON(capacity: 64 + document.figures.count * 700)
        json.beginObject()
        json.key("document")
        try ReportJSON.write(document, to: &json)
        json.key("format")
        json.string(Self.formatName)
        json.key("version")
        json.int(Self.version)
        json.closeObject()
        var data = Data(json.bytes)
        data.append(0x0A)
        return data
    }
}

/// One function per model type; each writes its keys in sorted order and leaves out what the
/// type's `encode(to:)` leaves out.
enum ReportJSON {
    static func write(_ d: ReportDocument, to json: inout PrettyJSON) throws {
        json.beginObject()
        json.key("addressees")
        strings(d.addressees, to: &json)
        json.key("appendices")
        json.beginArray()
        for appendix in d.appendices {
            json.beginObject()
            json.key("attachedTo")
            json.string(appendix.attachedTo)
            json.key("body")
            try blocks(appendix.body, to: &json)
            json.key("label")
            json.string(appendix.label)
            json.key("title")
            json.string(appendix.title)
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
        json.key("notices")
        strings(d.notices, to: &json)
        json.key("summary")
        json.string(d.summary)
        json.key("typeName")
        json.string(d.typeName)
        json.closeObject()
    }

    static func strings(_ items: [String], to json: inout PrettyJSON) {
        json.beginArray()
        for item in items { json.string(item) }
        json.closeArray()
    }

    static func header(_ h: DocumentHeader, to json: inout PrettyJSON) {
        json.beginObject()
        json.key("isDraft")
        json.bool(h.isDraft)
        json.key("issuingBody")
        json.string(h.issuingBody)
        json.key("motto")
        json.string(h.motto)
        json.key("nationalTitle")
        json.string(h.nationalTitle)
        json.key("numberLine")
        json.string(h.numberLine)
        json.key("parentBody")
        json.string(h.parentBody)
        json.key("placeAndDate")
        json.string(h.placeAndDate)
        json.closeObject()
    }

    static func closing(_ c: DocumentClosing, to json: inout PrettyJSON) {
        json.beginObject()
        json.key("recipients")
        strings(c.recipients, to: &json)
        json.key("signer")
        json.beginObject()
        if let authority = c.signer.authority {
            json.key("authority")
            json.string(authority)
        }
        json.key("name")
        json.string(c.signer.name)
        json.key("title")
        json.string(c.signer.title)
        json.closeObject()
        json.closeObject()
    }

    static func metadata(_ m: DocumentMetadata, to json: inout PrettyJSON) {
        json.beginObject()
        json.key("author")
        json.string(m.author)
        json.key("language")
        json.string(m.language)
        json.key("period")
        json.string(m.period)
        json.key("periodLabel")
        json.string(m.periodLabel)
        json.key("properties")
        json.beginObject()
        for key in m.properties.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            json.key(key)
            json.string(m.properties[key]!)
        }
        json.closeObject()
        json.key("title")
        json.string(m.title)
        json.closeObject()
    }

    static func figure(_ f: FigureRecord, to json: inout PrettyJSON) throws {
        json.beginObject()
        json.key("derivation")
        json.string(f.derivation)
        json.key("id")
        json.string(f.id)
        json.key("indicator")
        json.string(f.indicator)
        json.key("label")
        json.string(f.label)
        if let measure = f.measure {
            json.key("measure")
            json.string(measure)
        }
        json.key("period")
        json.string(f.period)
        json.key("sources")
        json.beginArray()
        for s in f.sources {
            json.beginObject()
            json.key("column")
            json.int(s.column)
            json.key("file")
            json.string(s.file)
            json.key("line")
            json.int(s.line)
            json.key("period")
            json.string(s.period)
            json.key("unit")
            json.string(s.unit)
            if let value = s.value {
                json.key("value")
                try json.double(value)
            }
            json.closeObject()
        }
        json.closeArray()
        json.key("text")
        json.string(f.text)
        if let unit = f.unit {
            json.key("unit")
            json.string(unit)
        }
        if let value = f.value {
            json.key("value")
            try json.double(value)
        }
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
            json.key("level")
            json.int(h.level)
            json.key("number")
            json.string(h.number)
            json.key("text")
            json.string(h.text)
            json.key("type")
            json.string("heading")
        case .paragraph(let p):
            json.key("runs")
            runs(p.runs, to: &json)
            json.key("type")
            json.string("paragraph")
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
            json.key("type")
            json.string("list")
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
                json.key("bold")
                json.bool(true)
            }
            if run.italic {
                json.key("italic")
                json.bool(true)
            }
            json.key("text")
            json.string(run.text)
            json.closeObject()
        }
        json.closeArray()
    }

    /// The keys of a table block, inside the block's object.
    static func table(_ t: Table, to json: inout PrettyJSON) throws {
        json.key("caption")
        json.string(t.caption)
        json.key("columns")
        json.beginArray()
        for column in t.columns {
            json.beginObject()
            json.key("alignment")
            json.string(column.alignment.rawValue)
            json.key("title")
            json.string(column.title)
            if let unit = column.unit {
                json.key("unit")
                json.string(unit)
            }
            json.key("width")
            try json.double(column.width)
            json.closeObject()
        }
        json.closeArray()
        if let note = t.note {
            json.key("note")
            json.string(note)
        }
        json.key("rows")
        json.beginArray()
        for row in t.rows { try cells(row, to: &json) }
        json.closeArray()
        if let totals = t.totals {
            json.key("totals")
            try cells(totals, to: &json)
        }
        json.key("type")
        json.string("table")
    }

    static func cells(_ cells: [Cell], to json: inout PrettyJSON) throws {
        json.beginArray()
        for cell in cells {
            json.beginObject()
            if !cell.figures.isEmpty {
                json.key("figures")
                strings(cell.figures, to: &json)
            }
            json.key("text")
            json.string(cell.text)
            if let value = cell.value {
                json.key("value")
                try json.double(value)
            }
            json.closeObject()
        }
        json.closeArray()
    }

    /// The keys of a chart block, inside the block's object.
    static func chart(_ c: Chart, to json: inout PrettyJSON) throws {
        json.key("categories")
        strings(c.categories, to: &json)
        json.key("kind")
        json.string(c.kind.rawValue)
        if let reference = c.reference {
            json.key("reference")
            json.beginObject()
            json.key("label")
            json.string(reference.label)
            json.key("value")
            try json.double(reference.value)
            json.closeObject()
        }
        json.key("series")
        json.beginArray()
        for series in c.series {
            json.beginObject()
            json.key("name")
            json.string(series.name)
            json.key("values")
            json.beginArray()
            for value in series.values {
                if let value { try json.double(value) } else { json.null() }
            }
            json.closeArray()
            json.closeObject()
        }
        json.closeArray()
        json.key("title")
        json.string(c.title)
        json.key("type")
        json.string("chart")
        if let unit = c.unit {
            json.key("unit")
            json.string(unit)
        }
    }
}
