import BaocaoCore
import Testing

@Suite("Loading plans: every problem located, all at once")
struct PlanLoaderTests {
    @Test("the minimal plan loads, areas in their declared order")
    func valid() throws {
        let result = loadPlan()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let plan = try #require(result.plan)
        #expect(plan.areas.map(\.id) == ["beta", "alpha"])
        #expect(plan.indicator("rate")?.isDerived == true)
        #expect(plan.indicator("carried")?.aggregation == .first)
        #expect(plan.indicator("received")?.aggregation == .sum)
        #expect(plan.indicator("score")?.aggregation == .latest)
        #expect(plan.unit("b")?.shortName == "PB")
        #expect(plan.unit("ngoai")?.submitsData == false)
        #expect(plan.reportingUnits.map(\.id) == ["a", "b"])
    }

    @Test("a YAML syntax error is located where libyaml finds it")
    func syntaxError() {
        let result = loadPlan(planReplacing("  place: Sơn La", with: "  place: \"Sơn La"))
        #expect(result.plan == nil)
        let first = result.diagnostics.first
        #expect(first?.location.line == 13)
        #expect(first?.message.contains("lỗi cú pháp YAML") == true)
    }

    @Test("an unknown key is an error with a suggestion")
    func unknownKey() {
        let result = loadPlan(planReplacing("  place: Sơn La", with: "  plcae: Sơn La"))
        #expect(
            errors(result.diagnostics) == [
                "plan.yaml:2:3: error: plan: thiếu trường bắt buộc 'place' (missing required field 'place')",
                "plan.yaml:13:3: error: plan: khóa không hợp lệ 'plcae' (unknown key); có phải là 'place'? (did you mean 'place'?)",
            ])
    }

    @Test("a wrong type names what was found and what was expected")
    func wrongType() {
        let result = loadPlan(planReplacing("  year: 2026", with: "  year: hai nghìn"))
        #expect(
            errors(result.diagnostics) == ["plan.yaml:3:9: error: plan.year: cần một số nguyên, gặp 'hai nghìn' (expected a whole number)"])
    }

    @Test("a missing required field is located at its mapping")
    func missingField() {
        let result = loadPlan(planReplacing("    name: Phòng B\n", with: ""))
        #expect(
            errors(result.diagnostics) == ["plan.yaml:18:5: error: units[2]: thiếu trường bắt buộc 'name' (missing required field 'name')"])
    }

    @Test("a duplicate id points at the second declaration and names the first")
    func duplicateID() {
        let result = loadPlan(planReplacing("  - id: b\n", with: "  - id: a\n"))
        #expect(
            errors(result.diagnostics).contains(
                "plan.yaml:18:9: error: mã đơn vị (unit) 'a' bị trùng; đã khai báo ở dòng 16 (duplicate id)"))
    }

    @Test("a duplicate key in one mapping is an error at the second key")
    func duplicateKey() {
        let result = loadPlan(planReplacing("  place: Sơn La", with: "  place: Sơn La\n  place: Hà Nội"))
        #expect(result.plan == nil)
        #expect(result.diagnostics.map(\.location.line) == [14])
        #expect(result.diagnostics.first?.message.contains("'place'") == true)
    }

    @Test("references to units, areas, indicators and plugins must resolve")
    func references() {
        var text = planReplacing("    coordinating: [b, ngoai]", with: "    coordinating: [b, ngaoi]")
        text = text.replacingOccurrences(of: "    areas: [alpha]", with: "    areas: [alpa, gamma]")
        text = text.replacingOccurrences(of: "        part_of: received", with: "        part_of: recieved")
        text = text.replacingOccurrences(of: "    plugin: echo\n    order: 10", with: "    plugin: ecko\n    order: 10")
        let result = loadPlan(text)
        #expect(
            errors(result.diagnostics) == [
                "plan.yaml:37:23: error: tasks[1].coordinating: không có đơn vị (unit) 'ngaoi' trong kế hoạch; có phải là 'ngoai'? (did you mean 'ngoai'?)",
                "plan.yaml:38:13: error: tasks[1].areas: không có lĩnh vực (content area) 'alpa' trong kế hoạch; có phải là 'alpha'? (did you mean 'alpha'?)",
                "plan.yaml:38:19: error: tasks[1].areas: không có lĩnh vực (content area) 'gamma' trong kế hoạch; cần một trong: alpha, beta",
                "plan.yaml:54:18: error: areas[1].indicators[2].part_of: không có chỉ tiêu (indicator) 'recieved' trong kế hoạch; có phải là 'received'? (did you mean 'received'?)",
                "plan.yaml:74:13: error: areas[2].plugin: không có plugin 'ecko'; có phải là 'echo'? (did you mean 'echo'?)",
            ])
    }

    @Test("every error of a file is reported in one run")
    func allAtOnce() {
        var text = planReplacing("  year: 2026", with: "  year: 20x6")
        text = text.replacingOccurrences(of: "    timeline_kind: regular", with: "    timeline_kind: sometimes")
        text = text.replacingOccurrences(of: "        kind: percent", with: "        kind: ratio")
        text = text.replacingOccurrences(of: "  drafting_unit: TCHCQT", with: "  drafting_unit: TCHCQT\n  colour: blue")
        let lines = loadPlan(text).diagnostics.filter { $0.severity == .error }.map(\.location.line)
        #expect(lines == [3, 35, 58, 94])
    }

    @Test("a rate must be computed from counts, and a percent target must lie in 0–100")
    func semanticChecks() {
        var text = planReplacing("      numerator: [on_time]", with: "      numerator: [score]")
        text = text.replacingOccurrences(of: "        kind: percent\n", with: "        kind: percent\n        target: {at_least: 120}\n")
        let messages = errors(loadPlan(text).diagnostics)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.hasPrefix("plan.yaml:55:13: error: chỉ tiêu 'rate': tỷ lệ phải tính từ chỉ tiêu đếm") })
        #expect(messages.contains { $0.contains("mục tiêu 120 % nằm ngoài 0–100") })
    }

    @Test("an option the area's plugin does not declare is an error at the option's own key")
    func unknownOption() {
        let text = planReplacing(
            "    plugin: echo\n    order: 20", with: "    plugin: echo\n    order: 20\n    options:\n      verbose: true\n      colour: red"
        )
        #expect(
            errors(loadPlan(text).diagnostics) == [
                "plan.yaml:46:7: error: areas 'alpha': tùy chọn 'colour' không được plugin 'echo' hỗ trợ; cần một trong: verbose (unknown option)"
            ])
    }

    @Test("a reported period must be a known kind and windows are month-days")
    func reportingPeriods() {
        var text = planReplacing("    - kind: Q3", with: "    - kind: Q5")
        text = text.replacingOccurrences(of: "      deadline: \"06-15\"", with: "      deadline: \"15/06\"")
        let messages = errors(loadPlan(text).diagnostics)
        #expect(messages.count == 2)
        #expect(
            messages.contains {
                $0.hasPrefix("plan.yaml:87:17: error: reporting.periods[2].deadline: cần tháng-ngày dạng MM-DD, gặp '15/06'")
            })
        #expect(messages.contains { $0.hasPrefix("plan.yaml:88:13: error: reporting.periods[3].kind: 'Q5' không phải kỳ báo cáo") })
    }

    @Test("a window declared by the plan takes precedence over the default")
    func declaredWindow() throws {
        let plan = try validPlan()
        let h1 = Period.half(1, 2026)
        #expect(plan.window(of: h1).start.iso == "2025-12-10")
        #expect(plan.window(of: h1).end.iso == "2026-06-10")
        #expect(plan.deadline(of: h1).iso == "2026-06-15")
        #expect(plan.window(of: .quarter(3, 2026)) == Period.quarter(3, 2026).defaultWindow)
        #expect(plan.reportedPeriods.map(\.code) == ["2026-Q1", "2026-H1", "2026-Q3", "2026"])
    }

    @Test("tabs, empty files, BOMs and decomposed Vietnamese")
    func textHazards() throws {
        let tab = loadPlan(planReplacing("  year: 2026", with: "\tyear: 2026"))
        #expect(
            errors(tab.diagnostics) == [
                "plan.yaml:3:1: error: dùng ký tự tab để thụt lề; YAML chỉ cho phép dấu cách (tab used for indentation; use spaces)"
            ])
        let empty = loadPlan("  \n# only a comment\n")
        #expect(errors(empty.diagnostics) == ["plan.yaml: error: tệp rỗng (the file is empty; expected a YAML mapping)"])
        let bom = loadPlan("\u{FEFF}" + minimalPlan)
        #expect(bom.plan != nil)
        let decomposed = loadPlan(minimalPlan.decomposedStringWithCanonicalMapping)
        let plan = try #require(decomposed.plan)
        #expect(plan.identity.place == "Sơn La")
        #expect(plan.identity.place.unicodeScalars.count == "Sơn La".unicodeScalars.count)
    }
}
