import BaocaoDocument
import Testing

@Suite("Vietnamese number and date formatting")
struct VietnameseFormatTests {
    @Test(
        "numbers use dot grouping and a decimal comma",
        arguments: [
            (0.0, "0"), (7, "7"), (999, "999"), (1000, "1.000"), (1234, "1.234"), (1_234_567, "1.234.567"),
            (98.7, "98,7"), (98.70, "98,7"), (12.0, "12"), (0.5478, "0,55"), (-1234.5, "-1.234,5"), (-0.001, "0"),
        ])
    func number(value: Double, expected: String) {
        #expect(VietnameseFormat.number(value) == expected)
    }

    @Test("rounding is half away from zero on the decimal value")
    func rounding() {
        #expect(VietnameseFormat.number(2.675, fractionDigits: 2) == "2,68")
        #expect(VietnameseFormat.number(1.005, fractionDigits: 2) == "1,01")
        #expect(VietnameseFormat.number(0.5, fractionDigits: 0) == "1")
        #expect(VietnameseFormat.number(1999.999, fractionDigits: 2) == "2.000")
        #expect(VietnameseFormat.number(0.5478, fractionDigits: 4) == "0,5478")
    }

    @Test("percentages carry a space before the sign and always two decimals, except the whole 100 % and 0 %")
    func percent() {
        #expect(VietnameseFormat.percent(98.7) == "98,70 %")
        #expect(VietnameseFormat.percent(96.5) == "96,50 %")
        #expect(VietnameseFormat.percent(93.01) == "93,01 %")
        #expect(VietnameseFormat.percent(100) == "100 %")
        #expect(VietnameseFormat.percent(0) == "0 %")
        #expect(VietnameseFormat.percent(50) == "50,00 %")
        #expect(VietnameseFormat.percent(12.345, fractionDigits: 1) == "12,3 %")
        #expect(VietnameseFormat.percent(20, fractionDigits: 1) == "20,0 %")
    }

    @Test("changes in percentage points carry their sign and two decimals: +8,50 beside +1,49")
    func points() {
        #expect(VietnameseFormat.points(8.5) == "+8,50")
        #expect(VietnameseFormat.points(1.49) == "+1,49")
        #expect(VietnameseFormat.points(-0.39) == "-0,39")
        #expect(VietnameseFormat.points(0.001) == "0")
        #expect(VietnameseFormat.fixed(1234.5, fractionDigits: 2) == "1.234,50")
    }

    @Test("counts in running text take the office's leading zero below 10")
    func quantity() {
        #expect(VietnameseFormat.quantity(1) == "01")
        #expect(VietnameseFormat.quantity(9) == "09")
        #expect(VietnameseFormat.quantity(10) == "10")
        #expect(VietnameseFormat.quantity(0) == "0")
        #expect(VietnameseFormat.quantity(8000) == "8.000")
    }

    @Test("month labels of charts and columns are all alike")
    func monthLabels() {
        #expect((1...12).map(VietnameseFormat.monthLabel) == (1...12).map { "Tháng \($0)" })
    }

    @Test("numeric dates in any text are written one way, dd/MM/yyyy")
    func normalizedDates() {
        #expect(
            VietnameseFormat.normalizingDates(in: "Quyết định số 268/QĐ-BNV ngày 28/3/2025") == "Quyết định số 268/QĐ-BNV ngày 28/03/2025")
        #expect(VietnameseFormat.normalizingDates(in: "ngày 5/1/2026 và 14/09/2026.") == "ngày 05/01/2026 và 14/09/2026.")
        // Not dates: document numbers, invalid days, longer runs.
        #expect(
            VietnameseFormat.normalizingDates(in: "số 1/2/3/4, 31/2/2026, 1/2/20261, 239/QĐ-UBND")
                == "số 1/2/3/4, 31/2/2026, 1/2/20261, 239/QĐ-UBND")
        #expect(VietnameseFormat.shortDate(CivilDate(year: 2026, month: 9, day: 14)!) == "14/09/2026")
    }

    @Test("dates in running text follow Nghị định 30/2020: leading zero for days below 10 and for months 1 and 2 only")
    func longDates() throws {
        let cases: [(Int, Int, Int, String)] = [
            (2026, 1, 5, "ngày 05 tháng 01 năm 2026"),
            (2026, 2, 28, "ngày 28 tháng 02 năm 2026"),
            (2026, 3, 14, "ngày 14 tháng 3 năm 2026"),
            (2026, 6, 20, "ngày 20 tháng 6 năm 2026"),
            (2026, 12, 9, "ngày 09 tháng 12 năm 2026"),
        ]
        for (y, m, d, expected) in cases {
            let date = try #require(CivilDate(year: y, month: m, day: d))
            #expect(VietnameseFormat.longDate(date) == expected)
        }
        #expect(VietnameseFormat.blankLongDate(year: 2026) == "ngày      tháng      năm 2026")
        #expect(VietnameseFormat.shortDate(CivilDate(year: 2026, month: 3, day: 5)!) == "05/03/2026")
    }

    @Test("roman numerals for parts and quarters")
    func roman() {
        #expect((1...12).map(VietnameseFormat.roman) == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])
        #expect(VietnameseFormat.roman(2026) == "MMXXVI")
    }

    @Test("points are lettered as Vietnamese legal text letters them, with đ and without f, j, w, z")
    func letters() {
        #expect((1...8).map(VietnameseFormat.letter) == ["a", "b", "c", "d", "đ", "e", "g", "h"])
        #expect(VietnameseFormat.letter(23) == "y")
        #expect(VietnameseFormat.letter(24) == "aa")
    }
}

@Suite("Civil dates")
struct CivilDateTests {
    @Test("invalid dates are refused, 29 February only in leap years")
    func validity() {
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2100, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CivilDate(iso: "2026-1-05") == nil)
        #expect(CivilDate(iso: "2026-01-05")?.iso == "2026-01-05")
    }

    @Test("day differences cross months, years and leap days")
    func differences() throws {
        let a = try #require(CivilDate(iso: "2025-12-15"))
        let b = try #require(CivilDate(iso: "2026-03-14"))
        #expect(a.days(to: b) == 89)
        let c = try #require(CivilDate(iso: "2027-12-15"))
        let d = try #require(CivilDate(iso: "2028-03-14"))
        #expect(c.days(to: d) == 90)
        #expect(CivilDate(iso: "1970-01-01")?.dayNumber == 0)
    }
}

@Suite("Formatting huge numbers")
struct HugeNumberTests {
    @Test("numbers beyond 10^15 are grouped, not crashed on")
    func huge() {
        #expect(VietnameseFormat.number(1e15) == "1.000.000.000.000.000")
        #expect(VietnameseFormat.number(-2e19) == "-20.000.000.000.000.000.000")
        #expect(VietnameseFormat.number(1.7e308).hasPrefix("169.999.999"))
    }
}
