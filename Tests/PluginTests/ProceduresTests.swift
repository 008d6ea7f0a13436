import BaocaoCore
import BaocaoPlugins
import ProceduresPlugin
import XCTest

final class ProceduresTests: XCTestCase {
    func testDescriptorMatchesThePlanArea() throws {
        let plan = try Fixtures.plan()
        let area = try XCTUnwrap(plan.areas.first { $0.plugin == ProceduresSection.descriptor.id })
        XCTAssertEqual(area.id, "procedures")
        XCTAssertEqual(area.title, ProceduresSection.descriptor.title)
        let declared = Set(area.indicators.map(\.id))
        XCTAssertEqual(ProceduresSection.descriptor.expectedIndicators.count, 21)
        for id in ProceduresSection.descriptor.expectedIndicators {
            XCTAssertTrue(declared.contains(id), "the plan's procedures area lacks \(id)")
        }
    }

    /// The units' notes become the causes of the limitations; the late dossiers without an
    /// apology letter are a limitation and a diagnostic.
    func testLimitationsTakeTheUnitsNotesAsCauses() async throws {
        let section = try await compile(
            period: "2026-Q3",
            """
            unit: ttpvhcc
            period: 2026-Q3
            figures:
              hs_ky_truoc: 10
              hs_moi_truc_tuyen: 60
              hs_moi_truc_tiep: 30
              hs_moi_buu_chinh: 0
              hs_giai_quyet_truoc_han: 50
              hs_giai_quyet_dung_han: 37
              hs_giai_quyet_qua_han:
                value: 3
                note: Hồ sơ đất đai phải xác minh thực địa.
              hs_dang_giai_quyet_trong_han: 10
              hs_dang_giai_quyet_qua_han: 0
              thu_xin_loi:
                value: 1
                note: Cơ quan giải quyết chưa gửi thư xin lỗi.
            """)
        let late = try XCTUnwrap(section.limitations.first { $0.text.hasPrefix("Còn 03 hồ sơ giải quyết quá hạn") })
        XCTAssertEqual(late.cause, "Hồ sơ đất đai phải xác minh thực địa")
        XCTAssertEqual(Set(late.sources.map(\.unit)), ["ttpvhcc"])
        let letters = try XCTUnwrap(section.limitations.first { $0.text.contains("chưa được gửi thư xin lỗi") })
        XCTAssertEqual(letters.text, "Còn 02/03 hồ sơ giải quyết quá hạn chưa được gửi thư xin lỗi tổ chức, cá nhân theo quy định")
        XCTAssertEqual(letters.cause, "Cơ quan giải quyết chưa gửi thư xin lỗi")
        XCTAssertTrue(section.nextTasks.isEmpty, "the units' own tasks are merged by the engine")
        let diagnostic = try XCTUnwrap(section.diagnostics.first { $0.message.contains("late dossiers without an apology letter") })
        XCTAssertEqual(diagnostic.location.file, "test/0.yaml")
        XCTAssertGreaterThan(diagnostic.location.line, 0)
        XCTAssertTrue(section.achievements.isEmpty, section.achievements.map(\.text).joined(separator: "\n"))
    }

    /// A half-year built from its quarters: dossiers carried over are the first quarter's,
    /// pending ones the second quarter's, flows are added up and the rates recomputed; a
    /// quarter's activity says which quarter it comes from.
    func testHalfYearIsBuiltFromItsQuarters() async throws {
        let section = try await compile(
            period: "2026-H1",
            """
            unit: ttpvhcc
            period: 2026-Q1
            figures:
              hs_ky_truoc: 100
              hs_moi_truc_tuyen: 300
              hs_moi_truc_tiep: 100
              hs_moi_buu_chinh: 0
              hs_giai_quyet_truoc_han: 300
              hs_giai_quyet_dung_han: 100
              hs_giai_quyet_qua_han: 0
              hs_dang_giai_quyet_trong_han: 100
              hs_dang_giai_quyet_qua_han: 0
            narratives:
              activities:
                - text: Niêm yết công khai thủ tục hành chính tại Trung tâm.
                  area: procedures
            """,
            """
            unit: ttpvhcc
            period: 2026-Q2
            figures:
              hs_ky_truoc: 100
              hs_moi_truc_tuyen: 500
              hs_moi_truc_tiep: 100
              hs_moi_buu_chinh: 0
              hs_giai_quyet_truoc_han: 500
              hs_giai_quyet_dung_han: 140
              hs_giai_quyet_qua_han: 0
              hs_dang_giai_quyet_trong_han: 60
              hs_dang_giai_quyet_qua_han: 0
            """)
        let all = ExampleHarness.texts(of: section).joined(separator: "\n")
        XCTAssertTrue(
            all.contains(
                "Tổng số hồ sơ tiếp nhận trong kỳ là 1.100 hồ sơ, gồm 100 hồ sơ kỳ trước chuyển sang và 1.000 hồ sơ tiếp nhận mới"),
            all)
        XCTAssertTrue(all.contains("Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 80,00 %."), all)
        XCTAssertTrue(all.contains("Số hồ sơ đang giải quyết là 60 hồ sơ (trong hạn 60 hồ sơ, không có hồ sơ quá hạn)."), all)
        XCTAssertTrue(all.contains("Tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính 6 tháng đầu năm 2026"), all)
        XCTAssertFalse(section.diagnostics.contains { $0.message.contains("received ≠ resolved + pending") })
        // The engine names the acting unit at the head of each merged activity.
        XCTAssertTrue(
            all.contains("Trung tâm Phục vụ hành chính công niêm yết công khai thủ tục hành chính tại Trung tâm (quý I năm 2026)."), all)
        XCTAssertTrue(
            section.achievements.contains {
                $0.text.hasPrefix("100 % hồ sơ thủ tục hành chính đã giải quyết trong kỳ (1.040 hồ sơ) được giải quyết trước và đúng hạn")
            })
    }

    /// Activities of this area are told, in a point of their own; the units' limitations,
    /// tasks and proposals are left to the engine, and other areas' activities to their plugins.
    func testActivitiesAreToldAndOtherNarrativesAreNot() async throws {
        let section = try await compile(
            period: "2026-Q3",
            """
            unit: ttpvhcc
            period: 2026-Q3
            figures:
              pakn_tiep_nhan: 4
              pakn_dung_han: 4
              pakn_khong_hai_long: 0
            narratives:
              activities:
                - text: hướng dẫn tổ chức, cá nhân tra cứu thủ tục hành chính trên Cơ sở dữ liệu quốc gia;
                  area: procedures
                  task: II.1
                - text: Hoạt động của lĩnh vực khác
                  area: service-centre
              limitations:
                - text: Một hạn chế do đơn vị nêu
                  area: procedures
            """)
        let headings = section.blocks.compactMap { block -> String? in
            if case .heading(let h) = block { return h.line }
            return nil
        }
        XCTAssertEqual(headings, ["a) Các hoạt động đã triển khai", "b) Tiếp nhận, xử lý phản ánh, kiến nghị"])
        let all = ExampleHarness.texts(of: section).joined(separator: "\n")
        XCTAssertTrue(
            all.contains(
                "Trung tâm Phục vụ hành chính công hướng dẫn tổ chức, cá nhân tra cứu thủ tục hành chính trên Cơ sở dữ liệu quốc gia."), all
        )
        XCTAssertFalse(all.contains("Hoạt động của lĩnh vực khác"), all)
        XCTAssertFalse(all.contains("Một hạn chế do đơn vị nêu"), all)
        XCTAssertTrue(all.contains("tính theo Quyết định số 766/QĐ-TTg, đạt 100 % (không có phản ánh, kiến nghị"), all)
    }

    /// The totals and ratios the section computes are recorded with their provenance, and the
    /// table cells link to them.
    func testComputedFiguresAreRecorded() async throws {
        let section = try await compile(
            period: "2026-Q3",
            """
            unit: ttpvhcc
            period: 2026-Q3
            figures:
              hs_ky_truoc: 10
              hs_moi_truc_tuyen: 60
              hs_moi_truc_tiep: 30
              hs_moi_buu_chinh: 0
              hs_giai_quyet_truoc_han: 50
              hs_giai_quyet_dung_han: 40
              hs_giai_quyet_qua_han: 0
              hs_dang_giai_quyet_trong_han: 10
              hs_dang_giai_quyet_qua_han: 0
              hs_khong_hai_long: 9
              pakn_tiep_nhan: 8
              pakn_dung_han: 8
              pakn_khong_hai_long: 2
            """)
        let byID = Dictionary(section.figures.map { ("\($0.indicator)/\($0.unit ?? "total")", $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byID["hs_tiep_nhan/total"]?.number, 100)
        XCTAssertEqual(byID["hs_tiep_nhan/ttpvhcc"]?.number, 100)
        XCTAssertEqual(byID["hs_da_giai_quyet/total"]?.number, 90)
        XCTAssertEqual(byID["ty_le_hai_long_tthc/total"]?.number, 90)
        XCTAssertEqual(byID["ty_le_hai_long_pakn/total"]?.number, 75)
        XCTAssertEqual(byID["ty_le_hai_long_tthc/total"]?.sources.count, 4)
        let table = try XCTUnwrap(
            section.blocks.lazy.compactMap { block -> Table? in
                if case .table(let t) = block { return t }
                return nil
            }.first)
        XCTAssertEqual(table.rows.count, 1)
        XCTAssertNil(table.totals)
        XCTAssertEqual(
            table.rows[0].map(\.text),
            ["Trung tâm Phục vụ hành chính công", "10", "60", "30", "0", "100", "50", "40", "0", "90", "10", "0", "100 %"])
        XCTAssertEqual(table.rows[0][5].figures, ["2026-Q3/hs_tiep_nhan/ttpvhcc"])
        let all = ExampleHarness.texts(of: section).joined(separator: "\n")
        XCTAssertTrue(all.contains("đạt 90,00 %: trong 90 hồ sơ đã giải quyết, có 09 hồ sơ bị đánh giá"), all)
        XCTAssertTrue(all.contains("đạt 75,00 % (có 02 phản ánh, kiến nghị bị đánh giá không hài lòng hoặc xử lý quá hạn)."), all)
    }

    func testGoldenSections() async throws {
        for period in ["2026-Q1", "2026-H1", "2026-Q3", "2026"] {
            let section = try await Fixtures.shippedSection(area: "procedures", period: period)
            try Fixtures.assertGolden(Fixtures.review(section), "procedures-\(period).md")
        }
    }

    // MARK: Helpers

    /// The 13-column dossier table has a two-level header: "Tiếp nhận" over carried-over, new
    /// (over online, direct, postal) and total; "Đã giải quyết" and "Đang giải quyết" over
    /// their parts; unit and rate reach down through all three header rows.
    func testTheDossierTableGroupsItsColumnsUnderTwoLevelsOfHeaders() async throws {
        let section = try await compile(
            period: "2026-Q3",
            """
            unit: ttpvhcc
            period: 2026-Q3
            figures:
              hs_ky_truoc: 10
              hs_moi_truc_tuyen: 60
              hs_moi_truc_tiep: 30
              hs_moi_buu_chinh: 0
              hs_giai_quyet_truoc_han: 50
              hs_giai_quyet_dung_han: 40
              hs_giai_quyet_qua_han: 0
              hs_dang_giai_quyet_trong_han: 10
              hs_dang_giai_quyet_qua_han: 0
            """)
        let table = try XCTUnwrap(
            section.blocks.lazy.compactMap { block -> Table? in
                if case .table(let t) = block, t.caption.hasPrefix("Tình hình tiếp nhận, giải quyết hồ sơ") { return t }
                return nil
            }.first)
        XCTAssertEqual(table.columns.count, 13)
        XCTAssertEqual(table.unit, "hồ sơ", "the counts' unit said once, after the caption")
        XCTAssertEqual(table.columns.compactMap(\.unit), ["%"], "only the rate names its own unit")
        let layout = table.headerLayout
        XCTAssertEqual(layout.groups.count, 4, "every group is well formed")
        XCTAssertEqual(layout.rowCount, 3)
        XCTAssertEqual(
            layout.rows[0].map { layout.title($0, in: table) },
            ["Đơn vị", "Tiếp nhận", "Đã giải quyết", "Đang giải quyết", "Tỷ lệ giải quyết trước và đúng hạn"])
        XCTAssertEqual(
            layout.rows[1].map { layout.title($0, in: table) },
            ["Kỳ trước chuyển sang", "Mới tiếp nhận", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"])
        XCTAssertEqual(layout.rows[2].map { layout.title($0, in: table) }, ["Trực tuyến", "Trực tiếp", "Qua bưu chính công ích"])
        XCTAssertEqual(
            table.flatHeaderTexts[4], "Tiếp nhận – Mới tiếp nhận – Qua bưu chính công ích", "one-row headers keep the whole title")
        XCTAssertEqual(
            table.rows.first?.map(\.text),
            ["Trung tâm Phục vụ hành chính công", "10", "60", "30", "0", "100", "50", "40", "0", "90", "10", "0", "100 %"])
    }

    private func compile(period: String, _ files: String...) async throws -> Section {
        try await Fixtures.section(area: "procedures", period: period, files: files)
    }
}
