import BaocaoCore

/// The descriptor's examples: figures in, sentences out.
///
/// The plan need not have an area using `plugin: generic`, so each example brings its own
/// (`PluginExample.area`): the area "Bồi dưỡng kỹ năng số cho công chức" (`area()`) with the task
/// that feeds it (`task`). Examples whose name starts with "template:" use the same area with
/// `template` (and a caption option). They run as tests with every registered plugin's examples
/// (`Tests/PluginTests/ExampleTests.swift`).
public enum GenericExamples {
    /// The example area's id.
    public static let areaID = "dao-tao-so"

    /// The task of the test plan that the area reports on (YAML, an item of `tasks:`).
    public static let task = """
          - number: II.5
            title: Bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức của Văn phòng
            content:
              - "Tổ chức bồi dưỡng kỹ năng số cơ bản cho cán bộ, công chức, viên chức."
            timeline: Trong năm 2026
            timeline_kind: within-year
            lead: [tchcqt]
            coordinating: [tttt]
            areas: [dao-tao-so]
            indicators: [ktso_luot_boi_duong]

        """

    /// The example area (YAML, an item of `areas:`), with `template` and a caption when asked.
    public static func area(template: String? = nil) -> String {
        var yaml = """
              - id: dao-tao-so
                title: Bồi dưỡng kỹ năng số cho công chức
                plugin: generic
                order: 60

            """
        if let template {
            yaml += """
                    options:
                      caption: "Kết quả bồi dưỡng kỹ năng số {{period}}"
                    template: |

                """
            yaml += template.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "      " + $0 }
                .joined(separator: "\n")
            if !yaml.hasSuffix("\n") { yaml += "\n" }
        }
        yaml += """
                indicators:
                  - id: ktso_luot_boi_duong
                    label: Lượt công chức, viên chức được bồi dưỡng kỹ năng số
                    measure: lượt người
                    kind: count
                    reported_by: [tchcqt]
                    target: {at_least: 120, basis: "Kế hoạch, mục II.5"}
                  - id: ktso_hoan_thanh
                    label: Lượt công chức, viên chức hoàn thành chương trình bồi dưỡng
                    measure: lượt người
                    kind: count
                    part_of: ktso_luot_boi_duong
                    reported_by: [tchcqt]
                  - id: ktso_ty_le_hoan_thanh
                    label: Tỷ lệ hoàn thành chương trình bồi dưỡng kỹ năng số
                    measure: "%"
                    kind: percent
                    ratio_of:
                      numerator: [ktso_hoan_thanh]
                      denominator: [ktso_luot_boi_duong]
                    target: {at_least: 90}
                  - id: ktso_hinh_thuc
                    label: Hình thức bồi dưỡng
                    measure: ""
                    kind: text
                    reported_by: [tchcqt]

            """
        return yaml
    }

    /// The example template: the plan's own wording of the section.
    public static let template = """
        {{! Phần "Bồi dưỡng kỹ năng số cho công chức". Các dòng liền nhau là một đoạn văn; các đoạn cách nhau một dòng trống. }}
        Trong {{period}}, {{body}} tiếp tục tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức
        {{#ktso_hinh_thuc.has_value}}theo hình thức {{ktso_hinh_thuc.value}}{{/ktso_hinh_thuc.has_value}}.
        {{#ktso_luot_boi_duong}}
        {{#has_value}}
        Trong kỳ có {{value_with_measure}} được bồi dưỡng
        {{#comparison}}({{comparison}}){{/comparison}}
        {{#ktso_hoan_thanh.has_value}}, trong đó {{ktso_hoan_thanh.value_with_measure}} hoàn thành chương trình{{/ktso_hoan_thanh.has_value}}.
        {{/has_value}}
        {{/ktso_luot_boi_duong}}

        {{#ktso_ty_le_hoan_thanh}}
        {{#has_value}}
        Tỷ lệ hoàn thành chương trình bồi dưỡng đạt {{value}}
        {{#comparison}}({{comparison}}){{/comparison}}
        {{#target_met}}, đạt mục tiêu {{target}} đề ra{{/target_met}}
        {{#target_missed}}, chưa đạt mục tiêu {{target}} đề ra{{/target_missed}}.
        {{#target_missed}}{{#note}}Nguyên nhân: {{note}}.{{/note}}{{/target_missed}}
        {{/has_value}}
        {{/ktso_ty_le_hoan_thanh}}

        {{#has_activities}}
        Một số hoạt động cụ thể:

        {{#activities}}
        - {{.}}
        {{/activities}}
        {{/has_activities}}
        """

    /// The example area as an example declares it: plain, or worded by `template`.
    static let plainArea = ExampleArea(yaml: area(), tasks: task)
    static let templatedArea = ExampleArea(yaml: area(template: template), tasks: task)

    /// Phòng TCHCQT's figures of 2026-Q3, 2026-Q2 and 2025-Q3.
    static let q3: [String: ExampleValue] = [
        "ktso_luot_boi_duong": 48, "ktso_hoan_thanh": 45, "ktso_hinh_thuc": "trực tuyến kết hợp trực tiếp tại cơ quan Văn phòng",
    ]
    static let q2: [String: ExampleValue] = ["ktso_luot_boi_duong": 40, "ktso_hoan_thanh": 34]
    static let q3LastYear: [String: ExampleValue] = ["ktso_luot_boi_duong": 30, "ktso_hoan_thanh": 27]

    static let activity = ExampleNarrative(
        unit: "tchcqt", .activity, "phối hợp với Trung tâm Thông tin tổ chức 02 lớp bồi dưỡng kỹ năng khai thác dữ liệu số")

    static let shortfall = "Một số công chức được cử đi công tác dài ngày nên chưa hoàn thành chương trình."

    static let all: [PluginExample] = [
        PluginExample(
            "no data: one honest sentence and a diagnostic",
            current: [:],
            area: plainArea,
            expect: [
                "Trong kỳ, chưa có số liệu báo cáo về nội dung này.",
                "chưa đánh giá được mục tiêu của 2 chỉ tiêu (ktso_luot_boi_duong, ktso_ty_le_hoan_thanh) (no data for this area)",
            ],
            reject: ["đạt mục tiêu", "Một số chỉ tiêu"]),
        PluginExample(
            "quarter: values compared with both earlier periods, the text indicator, the table and the activities",
            current: ["tchcqt": q3], previous: ["tchcqt": q2], sameLastYear: ["tchcqt": q3LastYear],
            narratives: [activity],
            area: plainArea,
            expect: [
                "Lượt công chức, viên chức được bồi dưỡng kỹ năng số: 48 lượt người, tăng 20 % so với quý II năm 2026 "
                    + "và tăng 60 % so với cùng kỳ năm 2025.",
                "Lượt công chức, viên chức hoàn thành chương trình bồi dưỡng: 45 lượt người, tăng 32,4 % so với quý II năm 2026 "
                    + "và tăng 18 lượt người so với cùng kỳ năm 2025.",
                "Tỷ lệ hoàn thành chương trình bồi dưỡng kỹ năng số: 93,75 %, tăng 8,75 điểm phần trăm so với quý II năm 2026 "
                    + "và tăng 3,75 điểm phần trăm so với cùng kỳ năm 2025; đạt mục tiêu tối thiểu 90 % của Kế hoạch.",
                "Hình thức bồi dưỡng: trực tuyến kết hợp trực tiếp tại cơ quan Văn phòng.",
                "Một số chỉ tiêu về bồi dưỡng kỹ năng số cho công chức quý III năm 2026",
                "Cùng kỳ năm 2025",
                "Nguồn: số liệu báo cáo của Phòng TCHCQT.",
                "Các hoạt động đã triển khai trong quý III năm 2026:",
                "Phối hợp với Trung tâm Thông tin tổ chức 02 lớp bồi dưỡng kỹ năng khai thác dữ liệu số.",
                "Tỷ lệ hoàn thành chương trình bồi dưỡng kỹ năng số trong quý III năm 2026 đạt 93,75 %, "
                    + "đạt mục tiêu tối thiểu 90 % của Kế hoạch",
            ],
            // A yearly count target is not judged on one quarter.
            reject: ["mục tiêu năm", "chưa đạt", "Trong kỳ, chưa có số liệu"]),
        PluginExample(
            "quarter: no comparison without earlier data",
            current: ["tchcqt": q3],
            area: plainArea,
            expect: [
                "Lượt công chức, viên chức được bồi dưỡng kỹ năng số: 48 lượt người.",
                "Tỷ lệ hoàn thành chương trình bồi dưỡng kỹ năng số: 93,75 %; đạt",
            ],
            reject: ["so với", "Cùng kỳ năm", "Quý II năm 2026"]),
        PluginExample(
            "quarter: a small count's change is stated in units, not in per cent",
            current: ["tchcqt": ["ktso_luot_boi_duong": 12, "ktso_hoan_thanh": 12]],
            previous: ["tchcqt": ["ktso_luot_boi_duong": 8, "ktso_hoan_thanh": 6]],
            area: plainArea,
            expect: [
                "Lượt công chức, viên chức được bồi dưỡng kỹ năng số: 12 lượt người, tăng 04 lượt người so với quý II năm 2026.",
                "Lượt công chức, viên chức hoàn thành chương trình bồi dưỡng: 12 lượt người, tăng 06 lượt người so với quý II năm 2026.",
            ],
            reject: ["tăng 50 %", "tăng 100 %"]),
        PluginExample(
            "quarter: a rate target missed, a limitation with the unit's cause",
            current: ["tchcqt": ["ktso_luot_boi_duong": 48, "ktso_hoan_thanh": .noted(40, shortfall)]],
            area: plainArea,
            expect: [
                "Tỷ lệ hoàn thành chương trình bồi dưỡng kỹ năng số: 83,33 %; chưa đạt mục tiêu tối thiểu 90 % của Kế hoạch. "
                    + "Nguyên nhân: Một số công chức được cử đi công tác dài ngày nên chưa hoàn thành chương trình.",
                "Tỷ lệ hoàn thành chương trình bồi dưỡng kỹ năng số trong quý III năm 2026 đạt 83,33 %, chưa đạt mục tiêu tối thiểu "
                    + "90 % của Kế hoạch Một số công chức được cử đi công tác dài ngày nên chưa hoàn thành chương trình",
            ],
            reject: ["; đạt mục tiêu"]),
        PluginExample(
            "year: the yearly count target met, an achievement",
            current: ["tchcqt": ["ktso_luot_boi_duong": 130, "ktso_hoan_thanh": 120]],
            period: "2026",
            area: plainArea,
            expect: [
                "Lượt công chức, viên chức được bồi dưỡng kỹ năng số: 130 lượt người; đạt mục tiêu năm tối thiểu 120 lượt người "
                    + "theo Kế hoạch, mục II.5.",
                "Lượt công chức, viên chức được bồi dưỡng kỹ năng số trong năm 2026 đạt 130 lượt người, đạt mục tiêu năm tối thiểu "
                    + "120 lượt người theo Kế hoạch, mục II.5",
                "Tỷ lệ hoàn thành chương trình bồi dưỡng kỹ năng số trong năm 2026 đạt 92,31 %, đạt mục tiêu tối thiểu 90 % của Kế hoạch",
            ],
            reject: ["chưa đạt"]),
        PluginExample(
            "year: the yearly count target missed, a limitation with the unit's cause",
            current: [
                "tchcqt": [
                    "ktso_luot_boi_duong": .noted(100, "Lớp bồi dưỡng quý IV lùi sang năm 2027 theo đề nghị của Trung tâm Thông tin"),
                    "ktso_hoan_thanh": 95,
                ]
            ],
            period: "2026",
            area: plainArea,
            expect: [
                "; chưa đạt mục tiêu năm tối thiểu 120 lượt người theo Kế hoạch, mục II.5. Nguyên nhân: Lớp bồi dưỡng quý IV lùi sang "
                    + "năm 2027 theo đề nghị của Trung tâm Thông tin.",
                "Lượt công chức, viên chức được bồi dưỡng kỹ năng số trong năm 2026 đạt 100 lượt người, chưa đạt mục tiêu năm tối thiểu "
                    + "120 lượt người theo Kế hoạch, mục II.5 Lớp bồi dưỡng quý IV lùi sang năm 2027 theo đề nghị của Trung tâm Thông tin",
            ]),
        PluginExample(
            "6 months: the share of the yearly target reached so far, no finding yet",
            current: ["tchcqt": ["ktso_luot_boi_duong": 60, "ktso_hoan_thanh": 55]],
            period: "2026-H1",
            area: plainArea,
            expect: [
                "Lượt công chức, viên chức được bồi dưỡng kỹ năng số: 60 lượt người; bằng 50 % mục tiêu năm tối thiểu 120 lượt người "
                    + "theo Kế hoạch, mục II.5."
            ],
            reject: ["chưa đạt mục tiêu năm", "đạt mục tiêu năm"]),
        PluginExample(
            "quarter: an indicator with a target but no data is a diagnostic, never a finding",
            current: ["tchcqt": ["ktso_hinh_thuc": "trực tuyến"]],
            area: plainArea,
            expect: [
                "Hình thức bồi dưỡng: trực tuyến.",
                "chưa có số liệu 'Lượt công chức, viên chức được bồi dưỡng kỹ năng số' (ktso_luot_boi_duong) quý III năm 2026 nên "
                    + "chưa đánh giá được mục tiêu năm tối thiểu 120 lượt người theo Kế hoạch, mục II.5 (missing figure for a target)",
                "(ktso_ty_le_hoan_thanh) quý III năm 2026 nên chưa đánh giá được mục tiêu tối thiểu 90 % của Kế hoạch",
                "Phòng TCHCQT chưa báo cáo 2 chỉ tiêu của lĩnh vực 'Bồi dưỡng kỹ năng số cho công chức' quý III năm 2026: "
                    + "ktso_luot_boi_duong, ktso_hoan_thanh (missing figures)",
            ],
            reject: ["chưa đạt mục tiêu", "; đạt mục tiêu", "Một số chỉ tiêu"]),
        PluginExample(
            "template: the plan's wording, the table kept with the plan's caption, the findings unchanged",
            current: ["tchcqt": q3], previous: ["tchcqt": q2],
            narratives: [activity],
            area: templatedArea,
            expect: [
                "Trong quý III năm 2026, Văn phòng UBND tỉnh tiếp tục tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức "
                    + "theo hình thức trực tuyến kết hợp trực tiếp tại cơ quan Văn phòng. Trong kỳ có 48 lượt người được bồi dưỡng "
                    + "(tăng 20 % so với quý II năm 2026), trong đó 45 lượt người hoàn thành chương trình.",
                "Tỷ lệ hoàn thành chương trình bồi dưỡng đạt 93,75 % (tăng 8,75 điểm phần trăm so với quý II năm 2026), "
                    + "đạt mục tiêu tối thiểu 90 % đề ra.",
                "Một số hoạt động cụ thể:",
                "Phối hợp với Trung tâm Thông tin tổ chức 02 lớp bồi dưỡng kỹ năng khai thác dữ liệu số.",
                "Kết quả bồi dưỡng kỹ năng số quý III năm 2026",
                "Tỷ lệ hoàn thành chương trình bồi dưỡng kỹ năng số trong quý III năm 2026 đạt 93,75 %, "
                    + "đạt mục tiêu tối thiểu 90 % của Kế hoạch",
            ],
            reject: ["{{", "Các hoạt động đã triển khai", "Lượt công chức, viên chức được bồi dưỡng kỹ năng số: 48"]),
        PluginExample(
            "template: a missed target with its cause, no comparison without earlier data",
            current: ["tchcqt": ["ktso_luot_boi_duong": 48, "ktso_hoan_thanh": .noted(40, shortfall)]],
            area: templatedArea,
            expect: [
                "Trong kỳ có 48 lượt người được bồi dưỡng, trong đó 40 lượt người hoàn thành chương trình.",
                "Tỷ lệ hoàn thành chương trình bồi dưỡng đạt 83,33 %, chưa đạt mục tiêu tối thiểu 90 % đề ra. Nguyên nhân: Một số công chức "
                    + "được cử đi công tác dài ngày nên chưa hoàn thành chương trình.",
            ],
            reject: ["so với", "theo hình thức", "Một số hoạt động cụ thể", "..", " ,"]),
    ]
}
