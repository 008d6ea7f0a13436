import BaocaoCore

/// The descriptor's examples: figures in, text the section must (not) contain. They run as
/// tests on the test plan's service-centre area (`Tests/PluginTests/ExampleTests.swift`).
enum ServiceCentreExamples {
    typealias Figures = [String: [String: ExampleValue]]

    /// A full quarter of the centre (illustrative figures).
    static let quarter: Figures = [
        "ttpvhcc": [
            "tt_hs_tiep_nhan": 12_450, "tt_hs_so_hoa": 11_100, "tt_hs_tra_ket_qua": 12_000, "tt_ket_qua_dien_tu": 9_800,
            "tt_hs_phai_nop_phi": 5_000, "tt_thanh_toan_truc_tuyen": 3_500, "tt_danh_gia": 2_000, "tt_danh_gia_hai_long": 1_980,
            "video_huong_dan": 3, "video_noi_dang": "Cổng Thông tin điện tử tỉnh và trang Facebook của Trung tâm",
        ]
    ]

    /// The quarter before: every rate lower except online payment (75 %).
    static let previousQuarter: Figures = [
        "ttpvhcc": [
            "tt_hs_tiep_nhan": 11_800, "tt_hs_so_hoa": 10_200, "tt_hs_tra_ket_qua": 11_500, "tt_ket_qua_dien_tu": 9_000,
            "tt_hs_phai_nop_phi": 4_800, "tt_thanh_toan_truc_tuyen": 3_600, "tt_danh_gia": 1_900, "tt_danh_gia_hai_long": 1_870,
            "video_huong_dan": 2,
        ]
    ]

    /// The same quarter of 2025: every rate lower.
    static let quarterLastYear: Figures = [
        "ttpvhcc": [
            "tt_hs_tiep_nhan": 10_500, "tt_hs_so_hoa": 8_400, "tt_hs_tra_ket_qua": 10_000, "tt_ket_qua_dien_tu": 7_000,
            "tt_hs_phai_nop_phi": 4_000, "tt_thanh_toan_truc_tuyen": 2_400, "tt_danh_gia": 1_500, "tt_danh_gia_hai_long": 1_470,
        ]
    ]

    static func with(_ figures: Figures, _ changes: [String: ExampleValue?]) -> Figures {
        var unit = figures["ttpvhcc"] ?? [:]
        for (id, value) in changes { unit[id] = value }
        return ["ttpvhcc": unit]
    }

    static let all: [PluginExample] = [
        PluginExample(
            "quý đủ số liệu, so sánh với quý trước và cùng kỳ năm trước",
            current: quarter, previous: previousQuarter, sameLastYear: quarterLastYear,
            expect: [
                // The shipped plan states the dossiers in the procedures section (dossiers_stated_in).
                "Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại Trung tâm Phục vụ hành chính công đã nêu tại mục 1 Phần I (Cải cách thủ tục hành chính).",
                "Số hóa hồ sơ: 11.100/12.450 hồ sơ tiếp nhận được số hóa, đạt 89,16 %;",
                "Thanh toán trực tuyến phí, lệ phí: 3.500/5.000 hồ sơ phải nộp phí, lệ phí được thanh toán trực tuyến, đạt 70,00 %.",
                "Tỷ lệ lượt đánh giá hài lòng, rất hài lòng: 1.980/2.000 lượt đánh giá là hài lòng, rất hài lòng, đạt 99,00 %",
                "Tăng (+), giảm (-) so với quý II năm 2026 (điểm phần trăm)",
                "Tăng (+), giảm (-) so với cùng kỳ năm 2025 (điểm phần trăm)",
                "+2,72", "-5", "+10", "Số hóa hồ sơ (22)", "Cung cấp dịch vụ trực tuyến (22)",
                // Rates that rose against both periods make one achievement.
                "Tỷ lệ số hóa hồ sơ (89,16 %), tỷ lệ cấp kết quả điện tử (81,67 %) và tỷ lệ lượt đánh giá hài lòng, rất hài lòng (99,00 %) tại Trung tâm "
                    + "Phục vụ hành chính công đều tăng so với quý II năm 2026 và so với cùng kỳ năm 2025",
                "đã đăng tải 03 video clip, tài liệu hướng dẫn sử dụng Cổng Dịch vụ công quốc gia và dịch vụ công trực tuyến "
                    + "trên Cổng Thông tin điện tử tỉnh và trang Facebook của Trung tâm.",
                "Tiếp tục phối hợp với các cơ quan liên quan đăng tải, tuyên truyền các video clip hướng dẫn",
            ],
            reject: [
                // Online payment rose against 2025 but fell against the last quarter: no finding either way.
                "Tỷ lệ thanh toán trực tuyến phí, lệ phí tại Trung tâm Phục vụ hành chính công đạt 70,00 %",
                "Chưa thực hiện nhiệm vụ",
                // The share of ratings is no group of the 766 index and is never called its satisfaction.
                "Mức độ hài lòng (18)", "Mức độ hài lòng: ",
            ]),
        PluginExample(
            "không có kỳ so sánh: không so sánh, không lập bảng, không đánh giá tăng giảm",
            current: quarter,
            expect: [
                "Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại Trung tâm Phục vụ hành chính công đã nêu tại mục 1 Phần I (Cải cách thủ tục hành chính).",
                "Cấp kết quả giải quyết thủ tục hành chính điện tử: 9.800/12.000 hồ sơ đã trả kết quả được cấp bản điện tử, "
                    + "đạt 81,67 %;",
            ],
            reject: ["so với", "Tăng (+), giảm (-)", "Tỷ lệ số hóa hồ sơ tại"]),
        PluginExample(
            "tỷ lệ giảm so với mọi kỳ so sánh là hạn chế",
            current: with(quarter, ["tt_thanh_toan_truc_tuyen": 3_000]),
            previous: previousQuarter,
            expect: [
                "Tỷ lệ thanh toán trực tuyến phí, lệ phí tại Trung tâm Phục vụ hành chính công đạt 60,00 %, "
                    + "giảm 15,00 điểm phần trăm so với quý II năm 2026",
                "-15,00",
            ],
            reject: ["cùng kỳ năm 2025"]),
        PluginExample(
            "một tỷ lệ tăng: nêu mức tăng bằng điểm phần trăm",
            current: ["ttpvhcc": ["tt_danh_gia": 2_000, "tt_danh_gia_hai_long": 1_980]],
            previous: ["ttpvhcc": ["tt_danh_gia": 1_900, "tt_danh_gia_hai_long": 1_870]],
            expect: [
                "Tỷ lệ lượt đánh giá hài lòng, rất hài lòng tại Trung tâm Phục vụ hành chính công đạt 99,00 %, tăng 0,58 điểm phần trăm "
                    + "so với quý II năm 2026",
                "+0,58",
            ]),
        PluginExample(
            "so sánh không hợp lệ khi kỳ trước do đơn vị khác cùng báo cáo",
            current: quarter,
            previous: previousQuarter.merging(["kvx": ["tt_hs_tiep_nhan": 40]]) { a, _ in a },
            expect: [
                "Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại Trung tâm Phục vụ hành chính công đã nêu tại mục 1 Phần I (Cải cách thủ tục hành chính)."
            ],
            reject: ["tiếp nhận 12.450 hồ sơ", "Tỷ lệ số hóa hồ sơ tại"]),
        PluginExample(
            "năm: không có video clip nào là hạn chế của nhiệm vụ trong năm",
            current: with(quarter, ["video_huong_dan": 0, "video_noi_dang": nil]),
            period: "2026",
            expect: [
                "Trong năm 2026, Trung tâm Phục vụ hành chính công chưa đăng tải video clip, tài liệu hướng dẫn sử dụng "
                    + "Cổng Dịch vụ công quốc gia và dịch vụ công trực tuyến theo nhiệm vụ tại mục II.3 của Kế hoạch "
                    + "(thời gian thực hiện: trong năm 2026).",
                "Chưa thực hiện nhiệm vụ tại mục II.3 của Kế hoạch: trong năm 2026, Trung tâm Phục vụ hành chính công chưa đăng tải",
            ],
            reject: ["Tiếp tục phối hợp"]),
        PluginExample(
            "quý: không có video clip mới chỉ là câu trung tính, không phải hạn chế",
            current: with(quarter, ["video_huong_dan": 0, "video_noi_dang": nil]),
            expect: [
                "Trong quý III năm 2026, không có video clip, tài liệu hướng dẫn sử dụng Cổng Dịch vụ công quốc gia và dịch vụ công "
                    + "trực tuyến mới được đăng tải; nhiệm vụ tại mục II.3 của Kế hoạch có thời gian thực hiện trong năm 2026."
            ],
            reject: ["Chưa thực hiện nhiệm vụ", "chưa đăng tải"]),
        PluginExample(
            "năm: so sánh với năm trước chỉ nêu một lần",
            current: quarter, previous: with(previousQuarter, ["video_huong_dan": nil]), period: "2026",
            expect: ["11.100/12.450 hồ sơ tiếp nhận được số hóa, đạt 89,16 %", "so với năm 2025"],
            // The previous year is both the previous period and the same period: one comparison.
            reject: [" và tăng 5,5 %", "đều tăng so với năm 2025 và so với cùng kỳ năm 2025"]),
        PluginExample(
            "năm: không có video clip, nguyên nhân theo ghi chú của đơn vị",
            current: with(
                quarter, ["video_huong_dan": .noted(0, "Chưa bố trí được kinh phí xây dựng video clip."), "video_noi_dang": nil]),
            period: "2026",
            expect: [
                "chưa đăng tải video clip, tài liệu hướng dẫn sử dụng Cổng Dịch vụ công quốc gia và dịch vụ công trực tuyến "
                    + "Chưa bố trí được kinh phí xây dựng video clip."
            ]),
        PluginExample(
            "năm: hạn chế do đơn vị tự nêu thì không lặp lại",
            current: with(quarter, ["video_huong_dan": 0, "video_noi_dang": nil]),
            period: "2026",
            narratives: [
                ExampleNarrative(
                    unit: "ttpvhcc", .limitation, "Chưa xây dựng được video clip hướng dẫn", cause: "Thiếu kinh phí", task: "II.3")
            ],
            expect: ["chưa đăng tải video clip, tài liệu hướng dẫn sử dụng Cổng Dịch vụ công quốc gia và dịch vụ công trực tuyến theo"],
            reject: ["Chưa thực hiện nhiệm vụ"]),
        PluginExample(
            "tỷ lệ giảm: nguyên nhân theo ghi chú của đơn vị về số liệu",
            current: [
                "ttpvhcc": [
                    "tt_hs_phai_nop_phi": 100, "tt_thanh_toan_truc_tuyen": .noted(40, "Hệ thống thanh toán gián đoạn trong tháng 8."),
                ]
            ],
            previous: ["ttpvhcc": ["tt_hs_phai_nop_phi": 100, "tt_thanh_toan_truc_tuyen": 50]],
            expect: [
                "Tỷ lệ thanh toán trực tuyến phí, lệ phí tại Trung tâm Phục vụ hành chính công đạt 40,00 %, giảm 10,00 điểm phần trăm so với "
                    + "quý II năm 2026 Hệ thống thanh toán gián đoạn trong tháng 8."
            ]),
        PluginExample(
            "hoạt động: của nhiệm vụ II.3 đi liền đoạn về video clip, của đơn vị khác ghi tên đơn vị",
            current: ["ttpvhcc": ["video_huong_dan": 2, "video_noi_dang": "Fanpage của Trung tâm"]],
            narratives: [
                ExampleNarrative(
                    unit: "ttpvhcc", .activity, "phối hợp xây dựng 02 video clip hướng dẫn thanh toán trực tuyến", task: "II.3"),
                ExampleNarrative(unit: "ttpvhcc", .activity, "Bố trí nhân viên hướng dẫn người dân tại sảnh Trung tâm;"),
                ExampleNarrative(unit: "tttt", .activity, "Đăng tải tin về hoạt động của Trung tâm"),
            ],
            expect: [
                "trên Fanpage của Trung tâm.", "Phối hợp xây dựng 02 video clip hướng dẫn thanh toán trực tuyến.",
                "Ngoài ra, trong kỳ đã triển khai các hoạt động:", "Bố trí nhân viên hướng dẫn người dân tại sảnh Trung tâm.",
                "Đăng tải tin về hoạt động của Trung tâm (Trung tâm Thông tin).",
            ]),
        PluginExample(
            "chỉ có hoạt động, không có số liệu",
            current: [:],
            narratives: [ExampleNarrative(unit: "ttpvhcc", .activity, "Tổ chức hướng dẫn tại quầy")],
            expect: ["Trong quý III năm 2026, đã triển khai các hoạt động:", "Tổ chức hướng dẫn tại quầy."],
            reject: ["chưa có số liệu báo cáo"]),
        PluginExample(
            "thiếu một phần của tỷ lệ: chẩn đoán, không tính tỷ lệ",
            current: with(quarter, ["tt_thanh_toan_truc_tuyen": nil, "video_huong_dan": nil, "video_noi_dang": nil]),
            expect: [
                "thiếu số liệu 'Hồ sơ nộp phí, lệ phí bằng thanh toán trực tuyến' quý III năm 2026 nên không tính được "
                    + "'Tỷ lệ thanh toán trực tuyến phí, lệ phí'",
                "Trung tâm Phục vụ hành chính công chưa báo cáo số 'Video clip",
            ],
            reject: ["Thanh toán trực tuyến phí, lệ phí:", "video clip, tài liệu hướng dẫn sử dụng Cổng Dịch vụ công quốc gia và dịch"]),
        PluginExample(
            "không có hồ sơ phải nộp phí: nêu đúng, không tính tỷ lệ",
            current: with(quarter, ["tt_hs_phai_nop_phi": 0, "tt_thanh_toan_truc_tuyen": 0]),
            expect: ["Thanh toán trực tuyến phí, lệ phí: trong kỳ không có hồ sơ phải nộp phí, lệ phí."],
            reject: ["Tỷ lệ thanh toán trực tuyến phí, lệ phí"]),
        PluginExample(
            "không có số liệu",
            current: [:],
            expect: ["Trong kỳ, chưa có số liệu báo cáo về nội dung này.", "(no data for the area)"],
            reject: ["Chưa thực hiện nhiệm vụ", "chưa báo cáo số 'Video clip"]),
    ]
}
