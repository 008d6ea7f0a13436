/// The one document model every renderer reads.
///
/// A `ReportDocument` is a finished administrative report laid out as Nghị định 30/2020/NĐ-CP
/// describes it: the two-column header, the type name and summary line, the addressees, the
/// body, the closing block (recipients and signer) and any appendices. All text in it is final,
/// already-formatted Vietnamese (Unicode NFC); renderers only lay it out. The model knows
/// nothing of plans, plugins or unit data beyond the provenance records it carries.
public struct ReportDocument: Codable, Equatable, Sendable {
    public var header: DocumentHeader
    /// The document type in upper case: "BÁO CÁO".
    public var typeName: String
    /// The summary line (trích yếu) under the type name.
    public var summary: String
    /// "Kính gửi" addressees; one is written on the same line, several each on its own line.
    public var addressees: [String]
    /// A notice shown prominently above the body, e.g. that the figures are illustrative.
    public var notices: [String]
    public var body: [Block]
    public var closing: DocumentClosing
    public var appendices: [Appendix]
    /// Every figure the report states, with where it came from.
    public var figures: [FigureRecord]
    /// Facts about the document that are not printed in its body (for the JSON output, the
    /// DOCX core properties and the HTML title).
    public var metadata: DocumentMetadata

    public init(
        header: DocumentHeader, typeName: String, summary: String, addressees: [String],
        notices: [String] = [], body: [Block], closing: DocumentClosing,
        appendices: [Appendix] = [], figures: [FigureRecord] = [], metadata: DocumentMetadata
    ) {
        self.header = header
        self.typeName = typeName
        self.summary = summary
        self.addressees = addressees
        self.notices = notices
        self.body = body
        self.closing = closing
        self.appendices = appendices
        self.figures = figures
        self.metadata = metadata
    }
}

/// The two-column header: parent and issuing body with the number on the left; the national
/// title, motto and place/date on the right.
public struct DocumentHeader: Codable, Equatable, Sendable {
    /// Upper case, not bold: "UBND TỈNH SƠN LA".
    public var parentBody: String
    /// Upper case, bold: "VĂN PHÒNG".
    public var issuingBody: String
    /// The whole number line: "Số: 15/BC-VPUBND", or in a draft "Số:      /BC-VPUBND".
    public var numberLine: String
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    public var nationalTitle: String
    /// "Độc lập - Tự do - Hạnh phúc".
    public var motto: String
    /// "Sơn La, ngày 05 tháng 01 năm 2026", or in a draft "Sơn La, ngày      tháng      năm 2026".
    public var placeAndDate: String
    /// True when the number and date are left blank for the clerk to fill at signing.
    public var isDraft: Bool

    public init(
        parentBody: String, issuingBody: String, numberLine: String,
        nationalTitle: String = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        motto: String = "Độc lập - Tự do - Hạnh phúc", placeAndDate: String, isDraft: Bool
    ) {
        self.parentBody = parentBody
        self.issuingBody = issuingBody
        self.numberLine = numberLine
        self.nationalTitle = nationalTitle
        self.motto = motto
        self.placeAndDate = placeAndDate
        self.isDraft = isDraft
    }
}

/// The closing block under the body: "Nơi nhận:" on the left, the signer on the right.
public struct DocumentClosing: Codable, Equatable, Sendable {
    /// Each recipient as printed, e.g. "- Sở Nội vụ;", the last "- Lưu: VT, TCHCQT."
    public var recipients: [String]
    public var signer: Signer

    public init(recipients: [String], signer: Signer) {
        self.recipients = recipients
        self.signer = signer
    }
}

public struct Signer: Codable, Equatable, Sendable {
    /// "KT. CHÁNH VĂN PHÒNG", or nil when the head signs in their own name.
    public var authority: String?
    /// "PHÓ CHÁNH VĂN PHÒNG" or "CHÁNH VĂN PHÒNG".
    public var title: String
    /// The signer's name, no honorifics. Empty in a template.
    public var name: String

    public init(authority: String?, title: String, name: String) {
        self.authority = authority
        self.title = title
        self.name = name
    }
}

/// An appendix printed after the closing block, on its own page and numbered on its own.
public struct Appendix: Codable, Equatable, Sendable {
    /// "Phụ lục" or "Phụ lục I".
    public var label: String
    /// Upper case title.
    public var title: String
    /// "(Kèm theo Báo cáo số      /BC-VPUBND ngày      tháng      năm 2026 của Văn phòng UBND tỉnh)"
    public var attachedTo: String
    public var body: [Block]

    public init(label: String, title: String, attachedTo: String, body: [Block]) {
        self.label = label
        self.title = title
        self.attachedTo = attachedTo
        self.body = body
    }
}

/// Facts about the report that are not part of its printed body.
public struct DocumentMetadata: Codable, Equatable, Sendable {
    /// Title for document properties: "Báo cáo kết quả … quý III năm 2026".
    public var title: String
    /// The issuing body's full name: "Văn phòng UBND tỉnh Sơn La".
    public var author: String
    /// The period code, e.g. "2026-Q3".
    public var period: String
    /// The period label, e.g. "quý III năm 2026".
    public var periodLabel: String
    /// BCP 47 language tag: "vi".
    public var language: String
    /// Extra key/value facts (plan file, plan year, data folder …), sorted by key when written.
    public var properties: [String: String]

    public init(
        title: String, author: String, period: String, periodLabel: String,
        language: String = "vi", properties: [String: String] = [:]
    ) {
        self.title = title
        self.author = author
        self.period = period
        self.periodLabel = periodLabel
        self.language = language
        self.properties = properties
    }
}
