import Foundation

/// The proper names of one office, each written one way in every section.
///
/// Plugins name these bodies and systems from the constants; text that comes from the plan or
/// from units (task titles, activities, publication notes) is brought to the same spelling by
/// `normalize`, which `Section.typeset()` applies to everything a plugin returns (the engine
/// calls it through `SectionPlugin.typesetSection`).
public enum Glossary {
    public static let nationalPortal = "Cổng Dịch vụ công quốc gia"
    public static let provincialPortal = "Cổng Thông tin điện tử tỉnh"
    public static let officeWebsite = "Trang Thông tin điện tử Văn phòng"
    public static let nationalDatabase = "Cơ sở dữ liệu quốc gia về thủ tục hành chính"
    /// The names the indices are published under (../shared/reference, §5).
    public static let parIndex = "Chỉ số cải cách hành chính (PAR INDEX)"
    public static let sipas = "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS)"
    public static let papi = "Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI)"
    public static let pci = "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)"
    public static let dti = "Chỉ số chuyển đổi số cấp tỉnh (DTI)"
    public static let pobi = "Chỉ số công khai ngân sách tỉnh (POBI)"
    public static let index766 =
        "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Quyết định số 766/QĐ-TTg)"

    /// The two satisfaction rates a report may give, each named for what it measures: the
    /// formula of Quyết định 766/QĐ-TTg over dossiers resolved, and the share of the ratings
    /// people gave at the counter. They differ and must never share a name.
    public static let satisfactionByDossiers = "mức độ hài lòng trong giải quyết thủ tục hành chính (tính trên số hồ sơ đã giải quyết)"
    public static let satisfactionByRatings = "tỷ lệ lượt đánh giá hài lòng, rất hài lòng"

    /// Spellings met in the plan and the units' texts, longest first, and the name each stands for.
    /// Matching ignores case; the canonical spelling replaces the variant whole.
    static let variants: [(String, String)] = [
        ("cổng dịch vụ công quốc gia", nationalPortal),
        ("cổng thông tin điện tử của tỉnh", provincialPortal),
        ("cổng thông tin điện tử tỉnh", provincialPortal),
        ("trang thông tin điện tử của văn phòng", officeWebsite),
        ("trang thông tin điện tử văn phòng", officeWebsite),
        ("cơ sở dữ liệu quốc gia về thủ tục hành chính", nationalDatabase),
        ("chỉ số hiệu quả quản trị và hành chính công cấp tỉnh", "Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh"),
    ]

    /// The text with every known name in its one spelling. A name that opens a sentence keeps
    /// its capital; "Chỉ số" names keep the case of their first letter ("các chỉ số …").
    public static func normalize(_ text: String) -> String {
        var result = text
        for (variant, canonical) in variants {
            var searchStart = result.startIndex
            while let range = result.range(
                of: variant, options: [.caseInsensitive], range: searchStart..<result.endIndex, locale: nil)
            {
                var replacement = canonical
                // "chỉ số …" in lower case inside a sentence stays lower case on its first word.
                if let first = result[range].first, first.isLowercase, canonical.hasPrefix("Chỉ số") {
                    replacement = "c" + canonical.dropFirst()
                }
                result.replaceSubrange(range, with: replacement)
                searchStart = result.index(range.lowerBound, offsetBy: replacement.count)
            }
        }
        return result
    }
}

/// One rule for each point of an office's typography, applied to everything a section says.
public enum Typography {
    /// A text as the office prints it: proper names from the glossary, dates as `shortDate`.
    public static func text(_ text: String) -> String {
        VietnameseFormat.normalizingDates(in: Glossary.normalize(text))
    }
}

extension Section {
    /// The section with `Typography.text` applied to every text it holds: headings, paragraphs,
    /// lists, table captions, headers, cells and notes, chart titles, categories and series,
    /// and the findings. The engine applies it to every plugin's section (`typesetSection`).
    public func typeset() -> Section {
        var copy = self
        copy.blocks = blocks.map(Self.typeset)
        for keyPath in [\Section.achievements, \.limitations, \.nextTasks, \.proposals] {
            copy[keyPath: keyPath] = self[keyPath: keyPath].map { finding in
                var f = finding
                f.text = Typography.text(f.text)
                f.cause = f.cause.map(Typography.text)
                return f
            }
        }
        return copy
    }

    static func typeset(_ block: Block) -> Block {
        func paragraph(_ p: Paragraph) -> Paragraph {
            var p = p
            for i in p.runs.indices { p.runs[i].text = Typography.text(p.runs[i].text) }
            return p
        }
        switch block {
        case .heading(var h):
            h.text = Typography.text(h.text)
            return .heading(h)
        case .paragraph(let p): return .paragraph(paragraph(p))
        case .list(let items): return .list(items.map(paragraph))
        case .table(var t):
            t.caption = Typography.text(t.caption)
            t.note = t.note.map(Typography.text)
            for i in t.columns.indices { t.columns[i].title = Typography.text(t.columns[i].title) }
            for r in t.rows.indices {
                for c in t.rows[r].indices { t.rows[r][c].text = Typography.text(t.rows[r][c].text) }
            }
            if var totals = t.totals {
                for c in totals.indices { totals[c].text = Typography.text(totals[c].text) }
                t.totals = totals
            }
            return .table(t)
        case .chart(var c):
            c.title = Typography.text(c.title)
            c.categories = c.categories.map(Typography.text)
            for i in c.series.indices { c.series[i].name = Typography.text(c.series[i].name) }
            return .chart(c)
        }
    }
}
