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

    static let all: [IndexSpec] = [
        IndexSpec(score: "par_index", rank: "par_index_rank", name: "Chỉ số cải cách hành chính (PAR INDEX)", short: "PAR INDEX"),
        IndexSpec(
            score: "sipas", rank: "sipas_rank",
            name: "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS)", short: "SIPAS"),
        IndexSpec(score: "papi", rank: "papi_rank", name: "Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", short: "PAPI"),
        IndexSpec(score: "pci", rank: "pci_rank", name: "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", short: "PCI"),
        IndexSpec(score: "dti", rank: "dti_rank", name: "Chỉ số chuyển đổi số cấp tỉnh (DTI)", short: "DTI"),
        IndexSpec(score: "pobi", rank: "pobi_rank", name: "Chỉ số công khai ngân sách tỉnh (POBI)", short: "POBI"),
        IndexSpec(
            score: nil, rank: "chi_so_766_rank",
            name: "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)",
            short: "Bộ chỉ số 766"),
    ]

    /// Whether the name is a "Bộ chỉ số" (a set of indicators) rather than a "Chỉ số".
    var isIndexSet: Bool { score == nil }
}
