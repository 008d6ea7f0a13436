import BaocaoCore

/// The YAML layout of a `UnitForm`: the unit's data file with every indicator it reports left
/// blank, each preceded by comments saying what to count and what kind of value to write.
public struct YAMLForm {
    public let form: UnitForm

    public init(_ form: UnitForm) { self.form = form }

    public func text() -> String {
        var lines: [String] = []
        func comment(_ text: String, indent: String = "") {
            for line in Self.wrap(text, width: 96 - indent.count) { lines.append(indent + "# " + line) }
        }
        lines.append("# BIỂU SỐ LIỆU \(form.period.upperLabel) — \(form.unit.name)")
        lines.append("# \(form.plan.identity.title)")
        lines.append(
            "# Thời gian chốt số liệu: \(form.windowText). Hạn gửi: \(VietnameseFormat.shortDate(form.deadline)).")
        lines.append("#")
        lines.append("# Cách điền:")
        lines.append("# - Ghi số sau dấu hai chấm, ví dụ `hs_moi_truc_tuyen: 1520`; số thập phân dùng dấu chấm: 98.7.")
        lines.append("# - Chỉ tiêu chưa có số liệu: xóa cả dòng của chỉ tiêu đó (để trống sẽ bị báo lỗi).")
        lines.append("# - Kèm ghi chú: `thu_xin_loi: {value: 12, note: \"Đã gửi đủ thư xin lỗi\"}`.")
        lines.append("# - Văn bản có dấu hai chấm hoặc dấu # thì đặt trong ngoặc kép.")
        lines.append("# - Các tỷ lệ được tính tự động từ các chỉ tiêu thành phần, không nhập.")
        lines.append("# - Kiểm tra: `baocao import \(form.baseName).yaml` (hoặc `baocao validate`).")
        lines.append("# Hướng dẫn đầy đủ: Plans/README.md, mục \"Unit data\".")
        lines.append("")
        lines.append("unit: \(form.unit.id)")
        lines.append("period: \(form.period.code)")
        lines.append("")
        if form.groups.isEmpty {
            lines.append("# Kế hoạch không giao đơn vị chỉ tiêu số liệu nào; chỉ ghi thuyết minh (narratives).")
        } else {
            lines.append("figures:")
            for (index, group) in form.groups.enumerated() {
                if index > 0 { lines.append("") }
                lines.append("  # ── \(VietnameseFormat.roman(index + 1)). \(group.area.title) ──")
                for indicator in group.indicators {
                    let measure = indicator.measure.isEmpty ? "" : " (\(indicator.measure))"
                    var summary = "\(indicator.label)\(measure) — \(UnitForm.expectation(indicator))"
                    if indicator.monthly { summary += ", ghi từng tháng" }
                    if indicator.kind == .rank { summary += "; ghi tổng số được xếp hạng (out_of)" }
                    if indicator.kind == .score || indicator.kind == .rank { summary += "; ghi năm đánh giá (year) và nguồn (source)" }
                    comment(summary + ".", indent: "  ")
                    if let definition = indicator.definition { comment(definition, indent: "  ") }
                    if let whole = indicator.partOf, let w = form.plan.indicator(whole) {
                        comment("Không lớn hơn \(w.id) (\(w.label)).", indent: "  ")
                    }
                    if indicator.monthly, !form.months.isEmpty {
                        lines.append("  \(indicator.id):")
                        lines.append("    months:")
                        for month in form.months { lines.append("      \"\(month.code)\":") }
                    } else if indicator.kind == .rank {
                        lines += ["  \(indicator.id):", "    value:", "    out_of:", "    year:", "    source:"]
                    } else if indicator.kind == .score {
                        lines += ["  \(indicator.id):", "    value:", "    year:", "    source:"]
                    } else {
                        lines.append("  \(indicator.id):")
                    }
                }
            }
        }
        lines.append("")
        lines.append("narratives:")
        comment("Mỗi mục một câu: - \"…\", hoặc - {text: \"…\", area: <mã lĩnh vực>, task: <số nhiệm vụ>}.", indent: "  ")
        comment("Lĩnh vực: " + form.plan.areas.map { "\($0.id) (\($0.title))" }.joined(separator: "; ") + ".", indent: "  ")
        let examples: [(NarrativeItem.Kind, String)] = [
            (.activity, "- \"Kết quả đã thực hiện trong kỳ …\""),
            (.limitation, "- {text: \"Tồn tại, hạn chế …\", cause: \"Nguyên nhân …\"}"),
            (.nextTask, "- \"Nhiệm vụ kỳ tới …\""),
            (.proposal, "- \"Đề xuất, kiến nghị …\""),
        ]
        for (kind, example) in examples {
            lines.append("  \(kind.rawValue):  # \(NarrativeLabels.label(kind))")
            lines.append("    # \(example)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Breaks a text into lines of at most `width` characters at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}
