import BaocaoCore

/// The descriptor's examples: each rule of the section, run as a test against the shipped
/// plan (monthly_news_minimum: 1). Figures are illustrative.
enum EGovernmentExamples {
    private static let documents: [String: ExampleValue] = [
        "vb_di_dien_tu": 1_250, "vb_di_ky_so": 1_238, "vb_den_dien_tu": 2_870,
    ]

    private static let portal: [String: ExampleValue] = [
        "tin_bai_cong_tinh": .monthly([7: 6, 8: 5, 9: 7]),
        "tin_bai_trang_vp": .monthly([7: 4, 8: 3, 9: 5]),
        "vb_phap_luat_dang_tai": 25,
        "ban_tin_cchc": 3,
        "y_kien_tiep_nhan": 45,
        "y_kien_tra_loi": 45,
        "duong_day_nong": "0212.3852.000",
    ]

    static let all: [PluginExample] = [
        PluginExample(
            "normal quarter: documents, monthly news in every month, questions all answered, hotline",
            current: ["tchcqt": documents, "tttt": portal],
            expect: [
                "Trong kỳ, Văn phòng UBND tỉnh đã gửi 1.250 văn bản điện tử, trong đó 1.238 văn bản được ký số, đạt 99,04 %; nhận 2.870 văn bản điện tử đến.",
                "có 18 tin, bài về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh, các tháng trong kỳ đều có tin, bài (ít nhất 05 tin, bài mỗi tháng)",
                "có 12 tin, bài về cải cách hành chính được đăng trên Trang Thông tin điện tử Văn phòng",
                "Tin, bài về cải cách hành chính được đăng theo tháng, quý III năm 2026",
                "Đã đăng tải 25 văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành và 03 số Bản tin điện tử cải cách hành chính.",
                "đã trả lời toàn bộ 45 ý kiến, đạt 100 %",
                "Số điện thoại đường dây nóng công khai trên Cổng Thông tin điện tử tỉnh: 0212.3852.000.",
                "Trong quý III năm 2026, tháng nào cũng có tin, bài về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh (ít nhất 05 tin, bài mỗi tháng), bảo đảm yêu cầu tại mục II.2 của Kế hoạch (hằng tháng có tin, bài về cải cách hành chính trên Cổng Thông tin điện tử tỉnh).",
                "100 % ý kiến, phản ánh của tổ chức, cá nhân trên Cổng Thông tin điện tử tỉnh (45 ý kiến) đã được trả lời.",
            ],
            reject: ["so với", "không có tin, bài nào", "chưa bảo đảm", "100 % văn bản điện tử gửi đi"]),

        PluginExample(
            "comparison with the previous quarter and the same quarter of last year",
            current: ["tchcqt": documents, "tttt": ["tin_bai_cong_tinh": .monthly([7: 6, 8: 5, 9: 7])]],
            previous: [
                "tchcqt": ["vb_di_dien_tu": 1_000, "vb_di_ky_so": 980, "vb_den_dien_tu": 2_870], "tttt": ["tin_bai_cong_tinh": 16],
            ],
            sameLastYear: ["tchcqt": ["vb_di_dien_tu": 800, "vb_di_ky_so": 720], "tttt": ["tin_bai_cong_tinh": 0]],
            expect: [
                "gửi 1.250 văn bản điện tử (tăng 25 % so với quý II năm 2026, tăng 56,3 % so với cùng kỳ năm 2025)",
                "đạt 99,04 % (tăng 1,04 điểm phần trăm so với quý trước, tăng 9,04 điểm phần trăm so với cùng kỳ)",
                "nhận 2.870 văn bản điện tử đến (bằng quý trước)",
                "có 18 tin, bài về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh (quý II năm 2026: 16; cùng kỳ năm 2025: 0)",
            ]),

        PluginExample(
            "no comparison where the earlier figure comes from other units",
            current: ["tttt": ["tin_bai_cong_tinh": .monthly([7: 6, 8: 5, 9: 7]), "vb_phap_luat_dang_tai": 25, "ban_tin_cchc": 3]],
            previous: ["kvx": ["tin_bai_cong_tinh": 10]],
            expect: [
                "có 18 tin, bài về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh",
                "Dấu “—” ở kỳ trước: số liệu kỳ đó do các đơn vị khác báo cáo nên không so sánh được.",
            ],
            reject: ["so với", "10"]),

        PluginExample(
            "a month without news on the portal is a limitation and a task",
            current: ["tttt": ["tin_bai_cong_tinh": .monthly([7: 3, 8: 0, 9: 2]), "tin_bai_trang_vp": .monthly([7: 2, 8: 0, 9: 0])]],
            expect: [
                "có 05 tin, bài về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh, riêng tháng 8 không có tin, bài nào",
                "Tháng 8 năm 2026 không có tin, bài nào về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh, chưa bảo đảm yêu cầu tại mục II.2 của Kế hoạch (hằng tháng có tin, bài về cải cách hành chính trên Cổng Thông tin điện tử tỉnh).",
                // The plan sets no monthly requirement for the website: its empty months are a fact, not a limitation.
                "có 02 tin, bài về cải cách hành chính được đăng trên Trang Thông tin điện tử Văn phòng, riêng tháng 8 và tháng 9 không có tin, bài nào",
                "Bảo đảm hằng tháng có tin, bài về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh.",
            ],
            reject: ["đều có tin, bài", "), bảo đảm yêu cầu"]),

        PluginExample(
            "months not given for every month: a diagnostic, and no claim that the requirement was met",
            current: ["tttt": ["tin_bai_cong_tinh": .monthly([7: 3, 9: 2]), "tin_bai_trang_vp": 6]],
            expect: [
                "chưa có số liệu tháng 8 năm 2026 nên chưa đánh giá được yêu cầu hằng tháng",
                "có 05 tin, bài về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh",
            ],
            reject: ["đều có tin, bài", "bảo đảm yêu cầu", "không có tin, bài nào"]),

        PluginExample(
            "no news at all in the quarter: every month is a shortfall, no breakdown needed",
            current: ["tttt": ["tin_bai_cong_tinh": 0]],
            expect: [
                "Trong kỳ, không có tin, bài nào về cải cách hành chính được đăng trên Cổng Thông tin điện tử tỉnh.",
                "Tháng 7, tháng 8 và tháng 9 năm 2026 không có tin, bài nào",
            ],
            reject: ["chưa có số liệu theo từng tháng"]),

        PluginExample(
            "questions not all answered: rate from its parts and a limitation",
            current: ["tttt": ["y_kien_tiep_nhan": 45, "y_kien_tra_loi": 40]],
            expect: [
                "Tiếp nhận 45 ý kiến, phản ánh của tổ chức, cá nhân trên Cổng Thông tin điện tử tỉnh; đã trả lời 40 ý kiến, đạt 88,89 %.",
                "Còn 05 ý kiến, phản ánh của tổ chức, cá nhân trên Cổng Thông tin điện tử tỉnh chưa được trả lời (đã trả lời 40/45 ý kiến, đạt 88,89 %).",
            ],
            reject: ["100 %"]),

        PluginExample(
            "every outgoing document signed",
            current: ["tchcqt": ["vb_di_dien_tu": 900, "vb_di_ky_so": 900]],
            expect: ["đạt 100 %", "100 % văn bản điện tử gửi đi (900 văn bản) được ký số."]),

        PluginExample(
            "signed documents without the documents sent: no rate, a diagnostic",
            current: ["tchcqt": ["vb_di_ky_so": 900, "vb_den_dien_tu": 1_500]],
            expect: [
                "Trong kỳ, Văn phòng UBND tỉnh đã ký số 900 văn bản điện tử gửi đi; nhận 1.500 văn bản điện tử đến.",
                "không tính được tỷ lệ văn bản đi được ký số",
            ],
            reject: ["%"]),

        PluginExample(
            "annual report: the previous year is compared once",
            current: ["tchcqt": ["vb_di_dien_tu": 5_000, "vb_di_ky_so": 4_990]],
            previous: ["tchcqt": ["vb_di_dien_tu": 4_000, "vb_di_ky_so": 3_900]],
            period: "2026",
            expect: ["gửi 5.000 văn bản điện tử (tăng 25 % so với năm 2025)"],
            reject: ["cùng kỳ năm 2025"]),

        PluginExample(
            "no data",
            current: [:],
            expect: ["Trong kỳ, chưa có số liệu báo cáo về nội dung này."],
            reject: ["Trong kỳ, Văn phòng UBND tỉnh"]),
    ]
}
