import BaocaoDocument

/// A realistic report for the renderer tests: the Sơn La office's quarterly report with
/// several headings, a list, a wide table, two charts, two notices, an appendix with a wide
/// table, and text that tries to break the markup.
enum SampleDocument {
    static let hostile = "A & B <c> \"d\" 'e'"

    static let headings: [String] = [
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Tuyên truyền trên Cổng thông tin điện tử",
        "a) Tin, bài về cải cách hành chính",
        "2. Giải quyết thủ tục hành chính",
        "3. Chỉ số cải cách hành chính",
        "II. ĐÁNH GIÁ CHUNG",
        "III. NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2026",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ]

    static func make(draft: Bool = false, addressees: [String] = ["Sở Nội vụ tỉnh Sơn La"], appendices: Bool = true)
        -> ReportDocument
    {
        let header = DocumentHeader(
            parentBody: "UBND TỈNH SƠN LA", issuingBody: "VĂN PHÒNG",
            numberLine: draft ? "Số:      /BC-VPUBND" : "Số: 215/BC-VPUBND",
            placeAndDate: draft ? "Sơn La, ngày      tháng      năm 2026" : "Sơn La, ngày 18 tháng 9 năm 2026",
            isDraft: draft)
        return ReportDocument(
            header: header, typeName: "BÁO CÁO",
            summary: "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính quý III năm 2026",
            addressees: addressees,
            notices: [
                "SỐ LIỆU MINH HỌA: báo cáo này được tổng hợp từ số liệu minh họa, không phải số liệu chính thức của các đơn vị.",
                "BẢN NHÁP CHƯA ĐẦY ĐỦ: chưa tổng hợp được phần Chỉ số hài lòng.",
            ],
            body: body,
            closing: DocumentClosing(
                recipients: [
                    "- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Lãnh đạo Văn phòng;", "- Trung tâm Phục vụ hành chính công tỉnh;",
                    "- Lưu: VT, TCHCQT.",
                ],
                signer: Signer(authority: "KT. CHÁNH VĂN PHÒNG", title: "PHÓ CHÁNH VĂN PHÒNG", name: "Nguyễn Văn Minh")),
            appendices: appendices ? [appendix(draft: draft)] : [],
            metadata: DocumentMetadata(
                title: "Báo cáo kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính quý III năm 2026",
                author: "Văn phòng UBND tỉnh Sơn La", period: "2026-Q3", periodLabel: "quý III năm 2026",
                properties: ["plan": "Plans/ke-hoach-tuyen-truyen-cchc-2026.yaml", "draft": draft ? "true" : "false"]))
    }

    static var body: [Block] {
        [
            .paragraph(
                "Thực hiện Kế hoạch số 12/KH-VPUBND ngày 15/01/2026 của Văn phòng UBND tỉnh về tuyên truyền cải cách hành chính năm 2026, Văn phòng UBND tỉnh báo cáo kết quả thực hiện quý III năm 2026 như sau:"
            ),
            .paragraph(Paragraph(runs: [TextRun("Số liệu báo cáo tính từ ngày 15/6/2026 đến ngày 14/9/2026.", italic: true)])),
            heading(1, "I.", "Kết quả thực hiện"),
            heading(2, "1.", "Tuyên truyền trên Cổng thông tin điện tử"),
            .paragraph(
                Paragraph(runs: [
                    TextRun("Trong quý, Cổng thông tin điện tử tỉnh đăng tải "),
                    TextRun("126 tin, bài", bold: true),
                    TextRun(
                        " về cải cách hành chính, tăng 12,5 % so với cùng kỳ năm 2025; chuyên mục “Cải cách hành chính” được cập nhật thường xuyên."
                    ),
                ])),
            heading(3, "a)", "Tin, bài về cải cách hành chính"),
            .paragraph(Paragraph("Nội dung có ký tự đặc biệt cần được thoát: \(hostile) và dấu & đứng riêng.")),
            .chart(
                Chart(
                    kind: .bar, title: "Số tin, bài về cải cách hành chính theo tháng", categories: ["Tháng 7", "Tháng 8", "Tháng 9"],
                    series: [
                        Chart.Series(name: "Cổng thông tin điện tử tỉnh", values: [40, 38, 48]),
                        Chart.Series(name: "Trang thông tin của Văn phòng", values: [12, nil, 15]),
                    ], unit: "tin, bài", reference: Chart.Reference(label: "Yêu cầu hằng tháng", value: 30))),
            heading(2, "2.", "Giải quyết thủ tục hành chính"),
            .paragraph("Tình hình tiếp nhận và giải quyết hồ sơ thủ tục hành chính trong quý như sau:"),
            .table(dossierTable(caption: "Bảng 1. Tình hình giải quyết hồ sơ thủ tục hành chính quý III năm 2026")),
            heading(2, "3.", "Chỉ số cải cách hành chính"),
            .paragraph(
                "Năm 2024, Chỉ số cải cách hành chính (PAR INDEX) của tỉnh đạt 90,02 %, tăng 1,36 điểm, xếp thứ 12/63 tỉnh, thành phố, tăng 01 bậc."
            ),
            .chart(
                Chart(
                    kind: .line, title: "Chỉ số cải cách hành chính của tỉnh qua các năm", categories: ["2021", "2022", "2023", "2024"],
                    series: [Chart.Series(name: "PAR INDEX", values: [84.5, 86.1, 88.66, 90.02])], unit: "%")),
            heading(1, "II.", "Đánh giá chung"),
            .paragraph("Các phòng, đơn vị đã triển khai các nhiệm vụ của Kế hoạch theo đúng phân công."),
            heading(1, "III.", "Nhiệm vụ trọng tâm quý IV năm 2026"),
            .list([
                "Tiếp tục đăng tải tin, bài về cải cách hành chính trên Cổng thông tin điện tử tỉnh.",
                Paragraph("Đôn đốc các đơn vị gửi báo cáo đúng hạn; tổng hợp số liệu \(hostile)."),
                Paragraph(runs: [
                    TextRun("Tổ chức "), TextRun("Hội nghị", italic: true), TextRun(" tập huấn nghiệp vụ cho cán bộ đầu mối."),
                ]),
            ]),
            heading(1, "IV.", "Đề xuất, kiến nghị"),
            .paragraph("Không có."),
            .paragraph(
                "Trên đây là báo cáo kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính quý III năm 2026 của Văn phòng UBND tỉnh./."
            ),
        ]
    }

    static func heading(_ level: Int, _ number: String, _ text: String) -> Block {
        .heading(Heading(level: level, number: number, text: level == 1 ? text.uppercased() : text))
    }

    /// A wide table (8 columns) of dossiers by unit, with units of measure and totals.
    static func dossierTable(caption: String) -> Table {
        let columns = [
            Table.Column("TT", alignment: .center, width: 0.5),
            Table.Column("Đơn vị", width: 3),
            Table.Column("Tiếp nhận", unit: "hồ sơ", alignment: .right),
            Table.Column("Trực tuyến", unit: "hồ sơ", alignment: .right),
            Table.Column("Đúng hạn", unit: "hồ sơ", alignment: .right),
            Table.Column("Quá hạn", unit: "hồ sơ", alignment: .right),
            Table.Column("Tỷ lệ đúng hạn", unit: "%", alignment: .right),
            Table.Column("Ghi chú", width: 1.5),
        ]
        let rows: [[Cell]] = [
            ["1", "Trung tâm Phục vụ hành chính công tỉnh", Cell("1.234", value: 1234), "1.020", "1.210", "24", "98,05", ""],
            ["2", "Văn phòng UBND tỉnh", "56", "50", "56", "0", "100", Cell(hostile)],
            ["3", "Phường Chiềng Lề", "412", "389", "405", "7", "98,3", "Dữ liệu tháng 9 chưa đủ"],
        ]
        return Table(
            caption: caption, columns: columns, rows: rows,
            totals: ["", "Tổng cộng", "1.702", "1.459", "1.671", "31", "98,18", ""],
            note: "Nguồn: Hệ thống thông tin giải quyết thủ tục hành chính tỉnh; số liệu minh họa.")
    }

    static func appendix(draft: Bool) -> Appendix {
        let columns =
            [Table.Column("TT", alignment: .center, width: 0.5), Table.Column("Xã, phường", width: 2.5)]
            + ["Tháng 7", "Tháng 8", "Tháng 9", "Quý III", "Cùng kỳ 2025", "Tăng, giảm", "Tỷ lệ"].map {
                Table.Column($0, unit: $0 == "Tỷ lệ" ? "%" : "hồ sơ", alignment: .right)
            }
        let units = ["Phường Tô Hiệu", "Phường Chiềng An", "Xã Mường Bú", "Xã Chiềng Mai", "Xã Sốp Cộp"]
        var rows: [[Cell]] = []
        for (i, unit) in units.enumerated() {
            let base = 100 + i * 37
            rows.append(
                [Cell(String(i + 1)), Cell(unit)]
                    + [base, base + 12, base + 5, 3 * base + 17, 3 * base - 20].map { Cell(VietnameseFormat.count($0)) }
                    + [Cell("+37"), Cell(VietnameseFormat.percent(97.5 + Double(i) / 2, fractionDigits: 1))])
        }
        let attached =
            draft
            ? "(Kèm theo Báo cáo số      /BC-VPUBND ngày      tháng      năm 2026 của Văn phòng UBND tỉnh)"
            : "(Kèm theo Báo cáo số 215/BC-VPUBND ngày 18 tháng 9 năm 2026 của Văn phòng UBND tỉnh)"
        return Appendix(
            label: "Phụ lục I", title: "Số hồ sơ tiếp nhận theo xã, phường quý III năm 2026", attachedTo: attached,
            body: [
                .table(Table(caption: "Bảng 2. Hồ sơ tiếp nhận theo tháng", columns: columns, rows: rows, note: "Ghi chú: \(hostile)"))
            ])
    }
}
