import BaocaoCore

/// The plugin's examples. Index values are Sơn La's published results (PAR INDEX 2024 90,02 %
/// 12/63 and 2023 88,66 %; PCI 2023 65,5 47/63; PAPI 2022 40,87 46/63; DTI 2022 0,5478 44/63;
/// Bộ chỉ số 766 2025 23/34). Counts of news items are illustrative. An example value carries no
/// year, out_of, group, source or earlier result, so the rules that need them (result year,
/// change since the earlier year, 63 vs 34 provinces) are tested in IndicesTests from data files.
enum IndicesExamples {
    static let all: [PluginExample] = [
        PluginExample(
            "results and news items of the period",
            current: [
                "tchcqt": ["par_index": 90.02, "par_index_rank": 12],
                "tttt": ["tin_bai_chi_so": 5],
            ],
            expect: [
                "Chỉ số cải cách hành chính (PAR INDEX), theo kết quả đã công bố gần nhất, đạt 90,02 %; xếp thứ 12.",
                "Trong kỳ, Trung tâm Thông tin đã thực hiện 05 tin, bài, tài liệu tuyên truyền, phổ biến kết quả các chỉ số.",
                "Văn phòng UBND tỉnh chưa tổng hợp được kết quả các chỉ số SIPAS, PAPI, PCI, DTI, POBI và Bộ chỉ số 766.",
                "Đã thực hiện 05 tin, bài, tài liệu tuyên truyền, phổ biến kết quả các chỉ số theo yêu cầu tại mục II.2 của Kế hoạch",
                "PAR INDEX: thiếu năm của kết quả (year)",
                "PAR INDEX: thứ hạng thiếu tổng số tỉnh, thành phố được xếp hạng (out_of)",
                "SIPAS: chưa có kết quả trong số liệu quý III năm 2026 (sipas, sipas_rank); nếu đã có kết quả công bố, đề nghị Phòng TCHCQT cập nhật",
            ],
            // The reporting period's year is not the result's year; there is nothing to compare with.
            reject: ["(PAR INDEX) năm 2026", "so với", "không được công bố", "chưa công bố"]),
        PluginExample(
            "an index value is never compared with the previous period or the same period of last year",
            current: [
                "tchcqt": ["par_index": 90.02],
                "tttt": ["tin_bai_chi_so": 6],
            ],
            previous: [
                "tchcqt": ["par_index": 88.66],
                "tttt": ["tin_bai_chi_so": 4],
            ],
            sameLastYear: ["tttt": ["tin_bai_chi_so": 3]],
            expect: [
                "Trung tâm Thông tin đã thực hiện 06 tin, bài, tài liệu tuyên truyền, phổ biến kết quả các chỉ số "
                    + "(quý II năm 2026: 04; cùng kỳ năm 2025: 03).",
                "đạt 90,02 %",
            ],
            reject: ["1,36", "88,66", "điểm phần trăm", "điểm so với quý II"]),
        PluginExample(
            "no comparison period: the count is stated alone",
            current: ["tttt": ["tin_bai_chi_so": 5]],
            expect: [
                "Trong kỳ, Trung tâm Thông tin đã thực hiện 05 tin, bài, tài liệu tuyên truyền, phổ biến kết quả các chỉ số.",
                "Văn phòng UBND tỉnh chưa tổng hợp được kết quả các chỉ số PAR INDEX, SIPAS, PAPI, PCI, DTI, POBI và Bộ chỉ số 766.",
            ],
            reject: ["so với", "Kết quả đã công bố gần nhất", "xếp thứ"]),
        PluginExample(
            "no news item while results exist is a limitation",
            current: [
                "tchcqt": ["pci": 65.5, "pci_rank": 47],
                "tttt": ["tin_bai_chi_so": 0],
            ],
            expect: [
                "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), theo kết quả đã công bố gần nhất, đạt 65,50/100 điểm; xếp thứ 47.",
                "Trong kỳ, chưa có tin, bài, tài liệu tuyên truyền, phổ biến kết quả các chỉ số.",
                "Trong kỳ, chưa có tin, bài, tài liệu tuyên truyền, phổ biến kết quả các chỉ số theo yêu cầu tại mục II.2 của Kế hoạch, "
                    + "trong khi đã có kết quả PCI được cập nhật",
                "Tuyên truyền, phổ biến kết quả PCI theo yêu cầu tại mục II.2 của Kế hoạch",
            ],
            reject: ["Đã thực hiện 0"]),
        PluginExample(
            "no news item and no result: nothing to fault",
            current: ["tttt": ["tin_bai_chi_so": 0]],
            expect: ["Trong kỳ, chưa có tin, bài, tài liệu tuyên truyền, phổ biến kết quả các chỉ số."],
            reject: ["trong khi đã có kết quả", "Tuyên truyền, phổ biến kết quả"]),
        PluginExample(
            "no data at all",
            current: [:],
            expect: ["Trong kỳ, chưa có số liệu báo cáo về nội dung này."],
            reject: ["chưa tổng hợp được", "xếp thứ"]),
        PluginExample(
            "a rank alone: the 766 service index",
            current: ["tchcqt": ["chi_so_766_rank": 23]],
            expect: [
                "Kết quả Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Quyết định số 766/QĐ-TTg) "
                    + "đã công bố gần nhất: tỉnh xếp thứ 23.",
                "Văn phòng UBND tỉnh chưa tổng hợp được kết quả các chỉ số PAR INDEX, SIPAS, PAPI, PCI, DTI, POBI.",
            ],
            reject: ["đạt"]),
        PluginExample(
            "each index with its own scale",
            current: ["tchcqt": ["dti": 0.5478, "dti_rank": 44, "papi": 40.87, "papi_rank": 46]],
            period: "2026-Q1",
            expect: [
                "đạt 0,5478 điểm (thang điểm 0–1)", "đạt 40,87/80 điểm", "0,5478 (0–1)", "40,87/80", "Điểm (thang)",
                "Thay đổi thứ hạng", "Văn bản công bố",
            ],
            reject: ["0,5478 %", "40,87 %"]),
        PluginExample(
            "six-month report: results are the latest published the office gathered, never \"as of\" the cut-off",
            current: ["tchcqt": ["par_index": 90.02]],
            period: "2026-H1",
            expect: ["Kết quả đã công bố gần nhất của các chỉ số của tỉnh mà Văn phòng UBND tỉnh tổng hợp được như sau:"],
            reject: ["cập nhật đến", "14/06/2026"]),
    ]
}
