import BaocaoCore
import BaocaoPlugins
import CivilServicePlugin
import XCTest

final class CivilServiceTests: XCTestCase {
    func testDescriptorMatchesThePlanArea() throws {
        let plan = try Fixtures.plan()
        let area = try XCTUnwrap(plan.areas.first { $0.plugin == CivilServiceSection.descriptor.id })
        XCTAssertEqual(area.id, "civil-service")
        let declared = Set(area.indicators.map(\.id))
        for id in CivilServiceSection.descriptor.expectedIndicators {
            XCTAssertTrue(declared.contains(id), "the plan's civil-service area lacks \(id)")
        }
    }

    /// A unit's note on a missing training becomes the limitation's cause; activity narratives are
    /// told in the section, those on task II.4 with the training figures.
    func testYearLimitationTakesTheUnitsCauseAndNarrativesAreTold() async throws {
        let section = try await compile(
            period: "2026",
            """
            unit: tchcqt
            period: "2026"
            figures:
              cbccvc_hien_co: 86
              tuyen_dung: 4
              bo_nhiem: 6
              dao_tao_boi_duong: 120
              tap_huan_cchc:
                value: 0
                note: Trong năm, tỉnh chưa tổ chức lớp tập huấn về cải cách hành chính.
              khen_thuong: 31
              ky_luat: 0
              kiem_tra_cong_vu: 3
            narratives:
              activities:
                - text: lồng ghép tuyên truyền cải cách chế độ công vụ trong các cuộc họp giao ban của Văn phòng
                  area: civil-service
                - text: Ban hành văn bản đăng ký danh sách công chức tham gia tập huấn CCHC
                  area: civil-service
                  task: II.4
                - text: Hoạt động không thuộc lĩnh vực này
                  area: procedures
            """)
        let limitation = try XCTUnwrap(section.limitations.first)
        XCTAssertTrue(limitation.text.contains("(mục II.4 của Kế hoạch) chưa được thực hiện"), limitation.text)
        XCTAssertEqual(limitation.cause, "Trong năm, tỉnh chưa tổ chức lớp tập huấn về cải cách hành chính")
        XCTAssertEqual(limitation.sources.map(\.unit), ["tchcqt"])

        let texts = ExampleHarness.texts(of: section)
        let all = texts.joined(separator: "\n")
        XCTAssertTrue(all.contains("Nguyên nhân: Trong năm, tỉnh chưa tổ chức lớp tập huấn về cải cách hành chính."), all)
        // The engine names the acting unit of each merged activity.
        XCTAssertTrue(
            texts.contains("Phòng TCHCQT lồng ghép tuyên truyền cải cách chế độ công vụ trong các cuộc họp giao ban của Văn phòng."), all)
        XCTAssertFalse(all.contains("Hoạt động không thuộc lĩnh vực này"), all)
        // The II.4 activity follows the training paragraph, inside point b); the other one is under d).
        let headings = section.blocks.compactMap { block -> String? in
            if case .heading(let h) = block { return h.line }
            return nil
        }
        XCTAssertEqual(
            headings,
            [
                "a) Tổ chức bộ máy và công tác cán bộ", "b) Công tác đào tạo, bồi dưỡng",
                "c) Công tác thi đua, khen thưởng, kỷ luật và kiểm tra công vụ", "d) Các hoạt động khác",
            ])
        let lists = section.blocks.compactMap { block -> [String]? in
            if case .list(let items) = block { return items.map(\.plainText) }
            return nil
        }
        XCTAssertEqual(
            lists,
            [
                ["Phòng TCHCQT ban hành văn bản đăng ký danh sách công chức tham gia tập huấn CCHC."],
                ["Phòng TCHCQT lồng ghép tuyên truyền cải cách chế độ công vụ trong các cuộc họp giao ban của Văn phòng."],
            ])
        XCTAssertTrue(section.nextTasks.isEmpty, "a year report has no months left for the task")
    }

    /// The discipline note is stated with the figure, soberly, and nothing is made of it.
    func testDisciplineNoteIsStatedWithTheFigure() async throws {
        let section = try await compile(
            period: "2026-Q3",
            """
            unit: tchcqt
            period: 2026-Q3
            figures:
              ky_luat:
                value: 1
                note: hình thức khiển trách;
            """)
        let all = ExampleHarness.texts(of: section).joined(separator: "\n")
        XCTAssertTrue(all.contains("có 01 cán bộ, công chức, viên chức bị xử lý kỷ luật (hình thức khiển trách)."), all)
        XCTAssertTrue(section.achievements.isEmpty)
        XCTAssertTrue(section.limitations.isEmpty)
    }

    /// A year's figures built from four quarters: the training done in one quarter counts for the year.
    func testYearBuiltFromQuartersCountsTrainingOnce() async throws {
        let quarters = (1...4).map { q in
            """
            unit: tchcqt
            period: 2026-Q\(q)
            figures:
              cbccvc_hien_co: \(80 + q)
              tap_huan_cchc: \(q == 2 ? 15 : 0)
              ky_luat: 0
            """
        }
        let section = try await compile(period: "2026", quarters)
        let all = ExampleHarness.texts(of: section).joined(separator: "\n")
        XCTAssertTrue(all.contains("là 84 người."), all)
        XCTAssertTrue(all.contains("trong kỳ có 15 lượt công chức, viên chức của Văn phòng UBND tỉnh tham gia."), all)
        XCTAssertTrue(section.limitations.isEmpty, section.limitations.map(\.text).joined(separator: "\n"))
    }

    func testGoldenSections() async throws {
        for period in ["2026-Q1", "2026-H1", "2026-Q3", "2026"] {
            let section = try await Fixtures.shippedSection(area: "civil-service", period: period)
            try Fixtures.assertGolden(Fixtures.review(section), "civil-service-\(period).md")
        }
    }

    // MARK: Helpers

    /// No discipline case is the officers' duty, not a result of the plan: part I states it,
    /// part II ("Ưu điểm") does not count it as an achievement.
    func testNoDisciplineCaseIsNoAchievement() async throws {
        let section = try await compile(
            period: "2026-Q3",
            """
            unit: tchcqt
            period: 2026-Q3
            figures:
              khen_thuong: 2
              ky_luat: 0
              kiem_tra_cong_vu: 2
            """)
        let all = ExampleHarness.texts(of: section).joined(separator: "\n")
        XCTAssertTrue(all.contains("không có cán bộ, công chức, viên chức vi phạm kỷ luật"), all)
        XCTAssertFalse(section.achievements.contains { $0.text.contains("kỷ luật") }, "\(section.achievements)")
    }

    private func compile(period: String, _ files: String...) async throws -> Section {
        try await compile(period: period, files)
    }

    private func compile(period: String, _ files: [String]) async throws -> Section {
        try await Fixtures.section(area: "civil-service", period: period, files: files)
    }
}
