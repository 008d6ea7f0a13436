import BaocaoCore
import Testing

@Suite("Periods")
struct PeriodTests {
    @Test(
        "every kind parses and prints back",
        arguments: ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026-H1", "2026-H2", "2026-9M", "2026", "2026-03", "2026-12"])
    func roundTrip(code: String) throws {
        let p = try #require(Period(code))
        #expect(p.code == code)
        #expect(Period(p.kindCode, year: p.year) == p)
    }

    @Test(
        "malformed codes are refused",
        arguments: ["2026-Q5", "2026-Q0", "2026-H3", "2026-13", "2026-00", "26-Q1", "2026-", "Q1", "2026-3", "２０２６", ""])
    func refused(code: String) {
        #expect(Period(code) == nil)
    }

    @Test("lower case is accepted for quarters and halves")
    func lowerCase() {
        #expect(Period("2026-q3") == .quarter(3, 2026))
        #expect(Period("2026-h1") == .half(1, 2026))
    }

    @Test("Vietnamese labels")
    func labels() {
        #expect(Period.quarter(1, 2026).label == "quý I năm 2026")
        #expect(Period.quarter(3, 2026).label == "quý III năm 2026")
        #expect(Period.quarter(4, 2026).label == "quý IV năm 2026")
        #expect(Period.half(1, 2026).label == "6 tháng đầu năm 2026")
        #expect(Period.half(2, 2026).label == "6 tháng cuối năm 2026")
        #expect(Period.nineMonths(2026).label == "9 tháng năm 2026")
        #expect(Period.year(2026).label == "năm 2026")
        #expect(Period.month(3, 2026).label == "tháng 3 năm 2026")
        #expect(Period.month(1, 2026).label == "tháng 01 năm 2026")
        #expect(Period.quarter(3, 2026).upperLabel == "QUÝ III NĂM 2026")
    }

    /// The windows of Nghị định 09/2019 and Văn bản 581/BNV-CCHC.
    @Test(
        "default cut-off windows and deadlines",
        arguments: [
            ("2026-Q1", "2025-12-15", "2026-03-14", "2026-03-20"),
            ("2026-Q2", "2026-03-15", "2026-06-14", "2026-06-20"),
            ("2026-Q3", "2026-06-15", "2026-09-14", "2026-09-20"),
            ("2026-Q4", "2026-09-15", "2026-12-14", "2026-12-20"),
            ("2026-H1", "2025-12-15", "2026-06-14", "2026-06-20"),
            ("2026-H2", "2026-06-15", "2026-12-14", "2026-12-20"),
            ("2026-9M", "2025-12-15", "2026-09-14", "2026-09-20"),
            ("2026", "2025-12-15", "2026-12-14", "2026-12-20"),
            ("2026-01", "2025-12-15", "2026-01-14", "2026-01-20"),
            ("2026-03", "2026-02-15", "2026-03-14", "2026-03-20"),
        ])
    func windows(code: String, start: String, end: String, deadline: String) throws {
        let p = try #require(Period(code))
        #expect(p.defaultWindow.start.iso == start)
        #expect(p.defaultWindow.end.iso == end)
        #expect(p.defaultDeadline.iso == deadline)
    }

    @Test("a leap year adds a day to the windows that contain 29 February")
    func leapYears() {
        #expect(Period.quarter(1, 2026).defaultWindow.dayCount == 90)
        #expect(Period.quarter(1, 2028).defaultWindow.dayCount == 91)
        #expect(Period.month(3, 2028).defaultWindow.dayCount == 29)
        #expect(Period.month(3, 2027).defaultWindow.dayCount == 28)
        #expect(Period.year(2028).defaultWindow.dayCount == 366)
        #expect(Period.year(2026).defaultWindow.dayCount == 365)
    }

    @Test("previous, next and the same period of the previous year cross year boundaries")
    func neighbours() {
        #expect(Period.quarter(1, 2026).previous == .quarter(4, 2025))
        #expect(Period.quarter(3, 2026).previous == .quarter(2, 2026))
        #expect(Period.half(1, 2026).previous == .half(2, 2025))
        #expect(Period.year(2026).previous == .year(2025))
        #expect(Period.month(1, 2026).previous == .month(12, 2025))
        #expect(Period.nineMonths(2026).previous == nil)
        #expect(Period.quarter(4, 2026).next == .quarter(1, 2027))
        #expect(Period.nineMonths(2026).next == .quarter(4, 2026))
        #expect(Period.half(1, 2026).sameLastYear == .half(1, 2025))
    }

    @Test("longer periods are made of quarters, quarters of months")
    func structure() {
        #expect(Period.half(1, 2026).quarters == [.quarter(1, 2026), .quarter(2, 2026)])
        #expect(Period.nineMonths(2026).quarters.count == 3)
        #expect(Period.year(2026).quarters.last == .quarter(4, 2026))
        #expect(Period.quarter(2, 2026).monthPeriods == [.month(4, 2026), .month(5, 2026), .month(6, 2026)])
        #expect(Period.half(2, 2026).contains(.quarter(3, 2026)))
        #expect(!Period.half(2, 2026).contains(.quarter(2, 2026)))
    }

    @Test("periods order by their end, the longer first")
    func ordering() {
        let sorted = [Period.year(2026), .quarter(1, 2026), .half(1, 2026), .quarter(2, 2026), .quarter(4, 2025)].sorted()
        #expect(sorted == [.quarter(4, 2025), .quarter(1, 2026), .half(1, 2026), .quarter(2, 2026), .year(2026)])
    }
}

extension Period {
    fileprivate init?(_ kindCode: String, year: Int) { self.init(kindCode: kindCode, year: year) }
}
