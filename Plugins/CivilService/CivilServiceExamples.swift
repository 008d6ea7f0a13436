import BaocaoCore

/// The descriptor's examples: figures in, sentences out. They run as tests against the shipped
/// plan (`CivilServiceTests.testExamples`).
enum CivilServiceExamples {
    /// A quarter of Phòng TCHCQT's figures.
    static let quarter: [String: ExampleValue] = [
        "cbccvc_hien_co": 85, "tuyen_dung": 3, "bo_nhiem": 5, "dao_tao_boi_duong": 42, "tap_huan_cchc": 12,
        "khen_thuong": 25, "ky_luat": 0, "kiem_tra_cong_vu": 2,
    ]

    /// The quarter with some figures changed.
    static func quarter(_ changes: [String: ExampleValue]) -> [String: ExampleValue] {
        quarter.merging(changes) { $1 }
    }

    static let all: [PluginExample] = [
        PluginExample(
            "quarter: every figure stated, no comparison without earlier data",
            current: ["tchcqt": quarter],
            expect: [
                "Tính đến ngày 14 tháng 9 năm 2026, tổng số cán bộ, công chức, viên chức của Văn phòng UBND tỉnh là 85 người.",
                "Trong kỳ, Văn phòng UBND tỉnh đã tuyển dụng, tiếp nhận 03 công chức, viên chức; "
                    + "bổ nhiệm, bổ nhiệm lại, điều động 05 công chức, viên chức.",
                "có 42 lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng.",
                "Thực hiện nhiệm vụ tham gia tập huấn kiến thức về công tác cải cách hành chính do tỉnh tổ chức (mục II.4 của Kế hoạch), "
                    + "trong kỳ có 12 lượt công chức, viên chức của Văn phòng UBND tỉnh tham gia.",
                "có 25 lượt tập thể, cá nhân được khen thưởng; không có cán bộ, công chức, viên chức vi phạm kỷ luật.",
                "Văn phòng UBND tỉnh đã tiến hành 02 cuộc kiểm tra việc thực thi công vụ.",
                "Một số chỉ tiêu về tổ chức bộ máy và chế độ công vụ quý III năm 2026",
            ],
            reject: ["so với", "chưa được thực hiện", "Trong kỳ, chưa có số liệu"]),
        PluginExample(
            "quarter: compared with the previous quarter and with the same quarter of 2025 where both exist",
            current: ["tchcqt": quarter],
            previous: [
                "tchcqt": [
                    "cbccvc_hien_co": 83, "tuyen_dung": 2, "bo_nhiem": 0, "dao_tao_boi_duong": 40, "tap_huan_cchc": 0,
                    "khen_thuong": 20, "ky_luat": 0, "kiem_tra_cong_vu": 1,
                ]
            ],
            sameLastYear: [
                "tchcqt": [
                    "cbccvc_hien_co": 85, "tuyen_dung": 3, "dao_tao_boi_duong": 35, "tap_huan_cchc": 10, "khen_thuong": 20,
                    "kiem_tra_cong_vu": 2,
                ]
            ],
            expect: [
                "là 85 người, tăng 02 người so với cuối quý II năm 2026 và không thay đổi so với cùng thời điểm năm 2025.",
                "tuyển dụng, tiếp nhận 03 công chức, viên chức (tăng 01 người so với quý trước, bằng cùng kỳ)",
                "bổ nhiệm, bổ nhiệm lại, điều động 05 công chức, viên chức (tăng 05 người so với quý trước).",
                "42 lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng (tăng 5 % so với quý II năm 2026, tăng 20 % so với cùng kỳ năm 2025)",
                "12 lượt công chức, viên chức của Văn phòng UBND tỉnh tham gia (tăng 12 lượt người so với quý trước, "
                    + "tăng 02 lượt người so với cùng kỳ)",
                "25 lượt tập thể, cá nhân được khen thưởng (tăng 05 lượt so với quý II năm 2026, tăng 05 lượt so với cùng kỳ năm 2025)",
                "02 cuộc kiểm tra việc thực thi công vụ (tăng 01 cuộc so với quý trước, bằng cùng kỳ).",
                "Cùng kỳ năm 2025",
            ],
            reject: ["không có trường hợp", "100 %"]),
        PluginExample(
            "year: compared once with the previous year",
            current: ["tchcqt": quarter(["cbccvc_hien_co": 86, "tap_huan_cchc": 30])],
            sameLastYear: ["tchcqt": quarter(["cbccvc_hien_co": 84, "tap_huan_cchc": 24])],
            period: "2026",
            expect: [
                "Tính đến ngày 14 tháng 12 năm 2026",
                "là 86 người, tăng 02 người so với cùng thời điểm năm 2025.",
                "trong kỳ có 30 lượt công chức, viên chức của Văn phòng UBND tỉnh tham gia (tăng 06 lượt người so với năm trước).",
                "Đã thực hiện nhiệm vụ tham gia tập huấn kiến thức về công tác cải cách hành chính do tỉnh tổ chức (mục II.4 của Kế hoạch): "
                    + "trong năm 2026 có 30 lượt công chức, viên chức tham gia",
            ],
            reject: ["so với cùng kỳ năm 2025", "cuối năm 2025"]),
        PluginExample(
            "year: no one attended the province's CCHC training, a limitation",
            current: ["tchcqt": quarter(["tap_huan_cchc": 0])],
            period: "2026",
            expect: [
                "Trong kỳ, Văn phòng UBND tỉnh chưa thực hiện nhiệm vụ tham gia tập huấn kiến thức về công tác cải cách hành chính "
                    + "do tỉnh tổ chức (mục II.4 của Kế hoạch): không có lượt công chức, viên chức nào tham gia.",
                "Nhiệm vụ tham gia tập huấn kiến thức về công tác cải cách hành chính do tỉnh tổ chức (mục II.4 của Kế hoạch) "
                    + "chưa được thực hiện: trong năm 2026 không có lượt công chức, viên chức nào của Văn phòng UBND tỉnh tham gia",
            ],
            reject: ["Đã thực hiện nhiệm vụ tham gia tập huấn", "đăng ký, cử công chức"]),
        PluginExample(
            "year: the unit's note on the missing training is the limitation's cause",
            current: ["tchcqt": quarter(["tap_huan_cchc": .noted(0, "Trong năm, tỉnh chưa tổ chức lớp tập huấn về cải cách hành chính;")])],
            period: "2026",
            expect: [
                "không có lượt công chức, viên chức nào tham gia. Nguyên nhân: Trong năm, tỉnh chưa tổ chức lớp tập huấn về cải cách "
                    + "hành chính.",
                "chưa được thực hiện: trong năm 2026 không có lượt công chức, viên chức nào của Văn phòng UBND tỉnh tham gia "
                    + "Trong năm, tỉnh chưa tổ chức lớp tập huấn về cải cách hành chính",
            ]),
        PluginExample(
            "quarter: no CCHC training in the quarter is not a limitation; the task stays ahead",
            current: ["tchcqt": quarter(["tap_huan_cchc": 0])],
            expect: [
                "Đối với nhiệm vụ tham gia tập huấn kiến thức về công tác cải cách hành chính do tỉnh tổ chức (mục II.4 của Kế hoạch), "
                    + "trong kỳ không có lượt công chức, viên chức của Văn phòng UBND tỉnh tham gia.",
                "Thực hiện nhiệm vụ tham gia tập huấn kiến thức về công tác cải cách hành chính do tỉnh tổ chức (mục II.4 của Kế hoạch): "
                    + "Phòng TCHCQT chủ trì, phối hợp với các phòng, đơn vị trực thuộc Văn phòng đăng ký, cử công chức, viên chức tham gia "
                    + "khi tỉnh tổ chức lớp tập huấn",
            ],
            reject: ["chưa được thực hiện", "Triển khai nhiệm vụ tham gia tập huấn"]),
        PluginExample(
            "first half: none during the year so far, said plainly without a limitation",
            current: ["tchcqt": quarter(["tap_huan_cchc": 0])],
            period: "2026-H1",
            expect: [
                "Từ đầu năm 2026 đến nay, nhiệm vụ tham gia tập huấn kiến thức về công tác cải cách hành chính do tỉnh tổ chức "
                    + "(mục II.4 của Kế hoạch, thời gian thực hiện: trong năm 2026) chưa được thực hiện: chưa có lượt công chức, viên chức "
                    + "nào của Văn phòng UBND tỉnh tham gia.",
                "đăng ký, cử công chức, viên chức tham gia khi tỉnh tổ chức lớp tập huấn",
                "Tính đến ngày 14 tháng 6 năm 2026",
            ],
            reject: ["chưa được thực hiện: trong"]),
        PluginExample(
            "quarter: none in the quarter, but the task was carried out in the previous quarter",
            current: ["tchcqt": quarter(["tap_huan_cchc": 0])],
            previous: ["tchcqt": quarter(["tap_huan_cchc": 12])],
            expect: [
                "trong kỳ không có lượt công chức, viên chức của Văn phòng UBND tỉnh tham gia; "
                    + "trước đó, trong quý II năm 2026 đã có 12 lượt công chức, viên chức tham gia."
            ],
            reject: ["đăng ký, cử công chức", "chưa được thực hiện"]),
        PluginExample(
            "discipline: stated factually with the unit's note, without a comparison or an achievement",
            current: ["tchcqt": quarter(["ky_luat": .noted(1, "hình thức khiển trách")])],
            previous: ["tchcqt": quarter(["ky_luat": 0])],
            expect: ["có 01 cán bộ, công chức, viên chức bị xử lý kỷ luật (hình thức khiển trách)."],
            reject: ["vi phạm kỷ luật", "kỷ luật (tăng"]),
        PluginExample(
            "no recruitment or appointment in the period",
            current: ["tchcqt": quarter(["tuyen_dung": 0, "bo_nhiem": 0])],
            expect: [
                "Trong kỳ, Văn phòng UBND tỉnh không có trường hợp tuyển dụng, tiếp nhận, bổ nhiệm, bổ nhiệm lại, "
                    + "điều động công chức, viên chức."
            ],
            reject: ["đã tuyển dụng"]),
        PluginExample(
            "a few figures: prose without a table",
            current: ["tchcqt": ["ky_luat": 0, "kiem_tra_cong_vu": 0]],
            expect: [
                "Trong kỳ, không có cán bộ, công chức, viên chức vi phạm kỷ luật.",
                "Trong kỳ, Văn phòng UBND tỉnh không tổ chức kiểm tra việc thực thi công vụ.",
                "chưa đánh giá được việc thực hiện nhiệm vụ tham gia tập huấn",
            ],
            reject: ["Một số chỉ tiêu về tổ chức bộ máy", "Tính đến"]),
        PluginExample(
            "year: without the training figure the task is a diagnostic, not a finding",
            current: ["tchcqt": quarter.filter { $0.key != "tap_huan_cchc" }],
            period: "2026",
            expect: ["chưa đánh giá được việc thực hiện nhiệm vụ tham gia tập huấn kiến thức về công tác cải cách hành chính"],
            reject: ["chưa được thực hiện", "Đã thực hiện nhiệm vụ tham gia tập huấn"]),
        PluginExample(
            "activities: told under their own point, those on task II.4 with the training",
            current: ["tchcqt": quarter],
            narratives: [
                ExampleNarrative(unit: "tchcqt", .activity, "lồng ghép tuyên truyền cải cách chế độ công vụ tại các cuộc họp giao ban;"),
                ExampleNarrative(
                    unit: "tchcqt", .activity, "Ban hành văn bản cử công chức tham gia lớp tập huấn cải cách hành chính", task: "II.4"),
                ExampleNarrative(unit: "tchcqt", .limitation, "Một hạn chế do đơn vị tự nêu", cause: "Nguyên nhân do đơn vị nêu"),
            ],
            expect: [
                "b) Công tác đào tạo, bồi dưỡng", "d) Các hoạt động khác",
                "Lồng ghép tuyên truyền cải cách chế độ công vụ tại các cuộc họp giao ban.",
                "Ban hành văn bản cử công chức tham gia lớp tập huấn cải cách hành chính.",
            ],
            // The engine prints the units' own limitations; the section does not repeat them.
            reject: ["Một hạn chế do đơn vị tự nêu"]),
        PluginExample(
            "activities without figures: told, with the missing figures left to diagnostics",
            current: [:],
            narratives: [ExampleNarrative(unit: "tchcqt", .activity, "Phát động phong trào thi đua thực hiện cải cách hành chính")],
            expect: ["Phát động phong trào thi đua thực hiện cải cách hành chính.", "báo cáo không nêu các nội dung này"],
            reject: ["Trong kỳ, chưa có số liệu báo cáo", "a) ", "Tính đến"]),
        PluginExample(
            "no data: one honest sentence",
            current: [:],
            expect: ["Trong kỳ, chưa có số liệu báo cáo về nội dung này."],
            reject: ["Tính đến", "kỷ luật"]),
    ]
}
