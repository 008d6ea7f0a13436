import BaocaoCore

/// The descriptor's examples: figures of Trung tâm Phục vụ hành chính công (the unit the plan
/// asks for these indicators) and what the section must and must not say about them.
enum ProceduresExamples {
    /// A full quarter: 12.345 dossiers received (234 carried over + 12.111 new), 11.800 resolved
    /// (10 late, each with an apology letter), 545 pending (5 overdue), 20 pieces of feedback.
    static let quarter: [String: ExampleValue] = [
        "tthc_cong_bo": 45, "tthc_cong_khai_csdlqg": 45, "tthc_cong_khai_cong_tinh": 45, "tthc_ra_soat": 12,
        "hs_ky_truoc": 234, "hs_moi_truc_tuyen": 8_000, "hs_moi_truc_tiep": 4_000, "hs_moi_buu_chinh": 111,
        "hs_giai_quyet_truoc_han": 9_000, "hs_giai_quyet_dung_han": 2_790, "hs_giai_quyet_qua_han": 10,
        "hs_dang_giai_quyet_trong_han": 540, "hs_dang_giai_quyet_qua_han": 5, "thu_xin_loi": 10, "hs_khong_hai_long": 15,
        "pakn_tiep_nhan": 20, "pakn_dung_han": 20, "pakn_khong_hai_long": 1,
    ]

    /// The quarter before: 11.500 new dossiers (7.000 online), 11.020 resolved.
    static let previousQuarter: [String: ExampleValue] = [
        "hs_ky_truoc": 200, "hs_moi_truc_tuyen": 7_000, "hs_moi_truc_tiep": 4_400, "hs_moi_buu_chinh": 100,
        "hs_giai_quyet_truoc_han": 8_000, "hs_giai_quyet_dung_han": 3_000, "hs_giai_quyet_qua_han": 20,
        "hs_dang_giai_quyet_trong_han": 234, "hs_dang_giai_quyet_qua_han": 0, "pakn_tiep_nhan": 25, "pakn_dung_han": 24,
    ]

    /// The same quarter of 2025: 11.100 new dossiers (5.000 online).
    static let lastYear: [String: ExampleValue] = [
        "hs_moi_truc_tuyen": 5_000, "hs_moi_truc_tiep": 6_000, "hs_moi_buu_chinh": 100, "pakn_tiep_nhan": 16,
    ]

    /// `figures` with some values replaced, or removed where the new value is nil.
    static func changed(_ figures: [String: ExampleValue], _ changes: [String: ExampleValue?]) -> [String: ExampleValue] {
        var result = figures
        for (key, value) in changes { result[key] = value }
        return result
    }

    static let unit = "ttpvhcc"

    static let all: [PluginExample] = [
        PluginExample(
            "a normal quarter, compared with the previous quarter and the same quarter of 2025",
            current: [unit: quarter], previous: [unit: previousQuarter], sameLastYear: [unit: lastYear],
            expect: [
                "Tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính quý III năm 2026",
                "(đơn vị tính: hồ sơ)", "Mới tiếp nhận", "Qua bưu chính công ích", "Tỷ lệ giải quyết trước và đúng hạn (%)",
                "Tổng số hồ sơ tiếp nhận trong kỳ là 12.345 hồ sơ, gồm 234 hồ sơ kỳ trước chuyển sang và 12.111 hồ sơ tiếp nhận mới "
                    + "(trực tuyến 8.000 hồ sơ, trực tiếp 4.000 hồ sơ, qua dịch vụ bưu chính công ích 111 hồ sơ).",
                "Số hồ sơ tiếp nhận mới tăng 5,3 % so với quý II năm 2026 và tăng 9,1 % so với cùng kỳ năm 2025.",
                // The point named its periods in the sentence before: "quý trước", "cùng kỳ" from here on.
                "Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 66,06 %, tăng 5,19 điểm phần trăm so với quý trước "
                    + "và tăng 21,01 điểm phần trăm so với cùng kỳ.",
                "Đã giải quyết 11.800 hồ sơ, tăng 7,1 % so với quý trước; trong đó: trước hạn 9.000 hồ sơ, "
                    + "đúng hạn 2.790 hồ sơ, quá hạn 10 hồ sơ.",
                "Tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt 99,92 %",
                "Số hồ sơ đang giải quyết là 545 hồ sơ (trong hạn 540 hồ sơ, quá hạn 05 hồ sơ).",
                "Đối với 10 hồ sơ giải quyết quá hạn, đã gửi 10 thư xin lỗi tổ chức, cá nhân.",
                "Toàn bộ 10 hồ sơ giải quyết quá hạn đều đã được gửi thư xin lỗi tổ chức, cá nhân",
                "Còn 10 hồ sơ giải quyết quá hạn (chiếm 0,08 % số hồ sơ đã giải quyết) và 05 hồ sơ đang giải quyết quá hạn",
                "Trong kỳ, Chủ tịch UBND tỉnh đã công bố 45 thủ tục hành chính",
                "Toàn bộ 45 thủ tục hành chính được công bố trong kỳ đã được công khai trên Cơ sở dữ liệu quốc gia về thủ tục hành chính "
                    + "và tích hợp, công khai trên Cổng Thông tin điện tử tỉnh",
                "Thực hiện rà soát, đơn giản hóa 12 thủ tục hành chính.",
                "Mức độ hài lòng trong giải quyết thủ tục hành chính (tính trên số hồ sơ đã giải quyết) theo Quyết định số 766/QĐ-TTg "
                    + "ngày 23/06/2022 của Thủ tướng Chính phủ đạt 99,87 %: trong 11.800 hồ sơ đã giải quyết, có 15 hồ sơ bị đánh giá "
                    + "không hài lòng, có khiếu nại hoặc trễ hạn.",
                // Bases below the toolkit's small-base threshold: the earlier counts, not "giảm 20 %".
                "Trong kỳ, tiếp nhận 20 phản ánh, kiến nghị về thủ tục hành chính thuộc thẩm quyền (quý II năm 2026: 25; "
                    + "cùng kỳ năm 2025: 16).",
                "100 % phản ánh, kiến nghị về thủ tục hành chính tiếp nhận trong kỳ (20 phản ánh, kiến nghị) được xử lý đúng hạn",
                "đạt 95,00 % (có 01 phản ánh, kiến nghị bị đánh giá không hài lòng hoặc xử lý quá hạn)",
                "Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 66,06 %, tăng 5,19 điểm phần trăm",
            ],
            reject: ["chưa được gửi thư xin lỗi", "chưa có số liệu", "(parts missing)", "Tổng cộng"]),
        PluginExample(
            "no comparison period: no comparison is stated",
            current: [unit: quarter],
            expect: ["Tổng số hồ sơ tiếp nhận trong kỳ là 12.345 hồ sơ", "Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 66,06 %."],
            reject: ["so với", "Số hồ sơ tiếp nhận mới tăng", "Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 66,06 %, tăng"]),
        PluginExample(
            "a comparison is left out when the previous quarter lacks one of the parts",
            current: [unit: quarter], previous: [unit: changed(previousQuarter, ["hs_moi_buu_chinh": nil])],
            sameLastYear: [unit: lastYear],
            expect: ["Số hồ sơ tiếp nhận mới tăng 9,1 % so với cùng kỳ năm 2025."],
            reject: ["tiếp nhận mới tăng 5,3 %", "trực tuyến đạt 66,06 %, tăng 5,19 điểm phần trăm"]),
        PluginExample(
            "late dossiers without an apology letter each: a limitation and a diagnostic",
            current: [unit: changed(quarter, ["thu_xin_loi": 6])],
            expect: [
                "Đối với 10 hồ sơ giải quyết quá hạn, đã gửi 06 thư xin lỗi tổ chức, cá nhân; còn 04 hồ sơ chưa được gửi thư xin lỗi.",
                "Còn 04/10 hồ sơ giải quyết quá hạn chưa được gửi thư xin lỗi tổ chức, cá nhân theo quy định",
                "thu_xin_loi (06) ít hơn hs_giai_quyet_qua_han (10): 04 hồ sơ giải quyết quá hạn chưa có thư xin lỗi",
            ],
            reject: ["Toàn bộ 10 hồ sơ giải quyết quá hạn"]),
        PluginExample(
            "late dossiers and no apology-letter count: a diagnostic only, never a finding",
            current: [unit: changed(quarter, ["thu_xin_loi": nil])],
            expect: ["có 10 hồ sơ giải quyết quá hạn nhưng chưa có số liệu thư xin lỗi (thu_xin_loi)"],
            reject: ["thư xin lỗi tổ chức, cá nhân theo quy định", "đều đã được gửi thư xin lỗi", "đã gửi 0 thư"]),
        PluginExample(
            "every dossier resolved on time and all feedback handled on time",
            current: [
                unit: changed(
                    quarter,
                    [
                        "hs_giai_quyet_qua_han": 0, "hs_dang_giai_quyet_qua_han": 0, "thu_xin_loi": 0, "hs_khong_hai_long": 0,
                        "hs_dang_giai_quyet_trong_han": 555,
                    ])
            ],
            expect: [
                "100 % hồ sơ thủ tục hành chính đã giải quyết trong kỳ (11.790 hồ sơ) được giải quyết trước và đúng hạn; "
                    + "không có hồ sơ đang giải quyết quá hạn",
                "100 % phản ánh, kiến nghị về thủ tục hành chính tiếp nhận trong kỳ (20 phản ánh, kiến nghị) được xử lý đúng hạn",
                "Tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt 100 %",
                "trong đó: trước hạn 9.000 hồ sơ, đúng hạn 2.790 hồ sơ, không có hồ sơ quá hạn.",
                "Số hồ sơ đang giải quyết là 555 hồ sơ (trong hạn 555 hồ sơ, không có hồ sơ quá hạn).",
                "đạt 100 %: trong 11.790 hồ sơ đã giải quyết, không có hồ sơ nào bị đánh giá không hài lòng, có khiếu nại hoặc trễ hạn.",
            ],
            reject: ["Còn ", "thư xin lỗi", "received ≠ resolved + pending"]),
        PluginExample(
            "none resolved late but some pending past their deadline: an achievement and a limitation",
            current: [
                unit: changed(
                    quarter,
                    [
                        "hs_giai_quyet_qua_han": 0, "thu_xin_loi": 0, "hs_khong_hai_long": 0, "hs_dang_giai_quyet_trong_han": 550,
                        "hs_dang_giai_quyet_qua_han": 5,
                    ])
            ],
            expect: [
                "100 % hồ sơ thủ tục hành chính đã giải quyết trong kỳ (11.790 hồ sơ) được giải quyết trước và đúng hạn",
                "Còn 05 hồ sơ đang giải quyết quá hạn",
            ],
            reject: ["không có hồ sơ đang giải quyết quá hạn", "giải quyết quá hạn (chiếm", "received ≠ resolved + pending"]),
        PluginExample(
            "feedback not all handled on time",
            current: [unit: changed(quarter, ["pakn_dung_han": 18])],
            expect: [
                "Đã xử lý đúng hạn 18 phản ánh, kiến nghị, đạt tỷ lệ 90,00 %.",
                "Còn 02/20 phản ánh, kiến nghị về thủ tục hành chính không được xử lý đúng hạn",
            ],
            reject: ["100 % phản ánh, kiến nghị"]),
        PluginExample(
            "procedures announced but not all published on the provincial portal",
            current: [unit: changed(quarter, ["tthc_cong_khai_cong_tinh": 40])],
            expect: [
                "Còn 05/45 thủ tục hành chính được công bố trong kỳ chưa được tích hợp, công khai trên Cổng Thông tin điện tử tỉnh",
                "Toàn bộ 45 thủ tục hành chính được công bố trong kỳ đã được công khai trên Cơ sở dữ liệu quốc gia về thủ tục hành chính",
            ],
            reject: ["và tích hợp, công khai trên Cổng Thông tin điện tử tỉnh"]),
        PluginExample(
            "inconsistent satisfaction figures: no ratio, a diagnostic",
            current: [unit: changed(quarter, ["hs_khong_hai_long": 5])],
            expect: ["hs_khong_hai_long (05) nhỏ hơn hs_giai_quyet_qua_han (10)"],
            reject: ["Mức độ hài lòng trong giải quyết thủ tục hành chính"]),
        PluginExample(
            "a missing part: no total is invented, the officer is told",
            current: [unit: changed(quarter, ["hs_moi_buu_chinh": nil])],
            expect: [
                "Số hồ sơ tiếp nhận trong kỳ: kỳ trước chuyển sang 234 hồ sơ; tiếp nhận mới trực tuyến 8.000 hồ sơ, trực tiếp 4.000 hồ sơ.",
                "thiếu hs_moi_buu_chinh nên không tính được tổng số hồ sơ tiếp nhận (parts missing)",
            ],
            reject: ["Tổng số hồ sơ tiếp nhận trong kỳ", "Tỷ lệ hồ sơ tiếp nhận trực tuyến"]),
        PluginExample(
            "no feedback received",
            current: [unit: changed(quarter, ["pakn_tiep_nhan": 0, "pakn_dung_han": 0, "pakn_khong_hai_long": 0])],
            expect: ["Trong kỳ, không tiếp nhận phản ánh, kiến nghị nào về thủ tục hành chính thuộc thẩm quyền."],
            reject: ["Mức độ hài lòng trong tiếp nhận, xử lý phản ánh", "100 % phản ánh", "phản ánh, kiến nghị không được xử lý"]),
        PluginExample(
            "a year is compared with the year before once, not twice",
            current: [unit: quarter], previous: [unit: previousQuarter], period: "2026",
            expect: [
                "Số hồ sơ tiếp nhận mới tăng 5,3 % so với năm 2025.",
                "Tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính năm 2026",
            ],
            reject: ["so với cùng kỳ năm 2025", "và tăng 5,3 %"]),
        PluginExample(
            "no data at all",
            current: [:],
            expect: ["Trong kỳ, chưa có số liệu báo cáo về nội dung này."],
            reject: ["hồ sơ", "Tình hình tiếp nhận"]),
    ]
}
