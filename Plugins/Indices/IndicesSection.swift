import BaocaoCore

/// "Kết quả các chỉ số và công tác tuyên truyền, phổ biến": the latest published result of each
/// index the plan asks to publicise (PAR INDEX, SIPAS, PAPI, PCI, DTI, POPI/POBI) and the rank
/// under the service index of Quyết định 766/QĐ-TTg, then what the Office did to communicate
/// them (plan, mục II.2).
///
/// An index result belongs to the year it measures (`Figure.year`), not to the reporting
/// period, so its change is stated only against the earlier year's result published with it
/// (`Figure.earlier`), never against the previous period or the same period of last year.
/// Ranks are compared only when both are out of the same number of provinces: a rank out of 63
/// (results up to 2024) and one out of 34 (from 2025) are not comparable.
public struct IndicesSection: SectionPlugin {
    public static let descriptor = PluginDescriptor(
        id: "indices",
        title: "Kết quả các chỉ số và công tác tuyên truyền, phổ biến",
        summary:
            "Latest published PAR INDEX, SIPAS, PAPI, PCI, DTI, POBI results and the 766 rank (score, rank, group, change since "
            + "the earlier year, publishing decision) and the communication of those results.",
        options: [
            PluginOption(
                "chart",
                "Biểu đồ điểm số qua hai năm kết quả: mặc định một biểu đồ cho chỉ số đầu tiên có kết quả hai năm; true: mọi chỉ "
                    + "số có hai năm; false: không vẽ; hoặc danh sách chỉ tiêu điểm như [par_index, pci] — years × score charts: the "
                    + "first index with two years (default), every one (true), none (false) or the listed ones")
        ],
        expectedIndicators: IndexSpec.all.flatMap { [$0.score, $0.rank].compactMap { $0 } } + [IndicesWriter.newsID],
        examples: IndicesExamples.all)

    public init() {}

    public func makeSection(_ context: SectionContext) throws -> Section {
        var writer = IndicesWriter(context: context)
        return writer.write()
    }
}

/// One published index: its score indicator (none for a rank-only index) and its rank.
struct IndexSpec: Sendable {
    /// The score indicator's id, or nil when only a rank is published.
    var score: String?
    var rank: String
    /// The name in running text.
    var name: String
    /// The short name for tables and lists: "PAR INDEX".
    var short: String
    /// When the result of a year is usually published, in the following year; nil for an index
    /// published irregularly (POBI) or on no known calendar.
    var calendar: PublicationCalendar? = nil

    /// The indices in report order, with their published names (`Glossary`) and their
    /// publication calendars (../shared/reference/vietnamese-admin-reporting.md, §5): PAR INDEX
    /// and SIPAS in spring, PAPI and PCI in April–May, DTI mid-year or later, each for the
    /// previous year; POBI irregularly.
    static let all: [IndexSpec] = [
        IndexSpec(score: "par_index", rank: "par_index_rank", name: Glossary.parIndex, short: "PAR INDEX", calendar: .spring),
        IndexSpec(score: "sipas", rank: "sipas_rank", name: Glossary.sipas, short: "SIPAS", calendar: .spring),
        IndexSpec(score: "papi", rank: "papi_rank", name: Glossary.papi, short: "PAPI", calendar: .aprilMay),
        IndexSpec(score: "pci", rank: "pci_rank", name: Glossary.pci, short: "PCI", calendar: .aprilMay),
        IndexSpec(score: "dti", rank: "dti_rank", name: Glossary.dti, short: "DTI", calendar: .midYearOrLater),
        IndexSpec(score: "pobi", rank: "pobi_rank", name: Glossary.pobi, short: "POBI"),
        IndexSpec(score: nil, rank: "chi_so_766_rank", name: Glossary.index766, short: "Bộ chỉ số 766"),
    ]

    /// Whether the name is a "Bộ chỉ số" (a set of indicators) rather than a "Chỉ số".
    var isIndexSet: Bool { score == nil }
}

/// The months of the year after a result's year in which an index is usually published.
struct PublicationCalendar: Sendable {
    /// First and last month of the usual publication.
    var from: Int
    var to: Int
    /// The calendar in words, for the officer: "vào mùa xuân năm sau".
    var description: String

    /// PAR INDEX and SIPAS: spring of the following year (PAR INDEX 2024: 28/3/2025).
    static let spring = PublicationCalendar(from: 3, to: 5, description: "vào mùa xuân năm sau")
    /// PAPI and PCI: April–May of the following year.
    static let aprilMay = PublicationCalendar(from: 4, to: 5, description: "vào tháng 4–5 năm sau")
    /// DTI: from mid-year of the following year, at the latest by its end.
    static let midYearOrLater = PublicationCalendar(from: 6, to: 12, description: "từ giữa năm sau trở đi")

    /// The last day of the usual publication in `year`.
    func end(ofYear year: Int) -> CivilDate? {
        CivilDate(year: year, month: to, day: CivilDate.daysIn(month: to, year: year))
    }

    /// The latest result year that should be published by `date`: the year before `date`'s
    /// year once that year's publication is over, else two years before.
    func latestYear(publishedBy date: CivilDate) -> Int? {
        guard let end = end(ofYear: date.year) else { return nil }
        return date >= end ? date.year - 1 : date.year - 2
    }
}
