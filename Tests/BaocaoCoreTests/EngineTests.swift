import BaocaoCore
import Testing

@Suite("The engine: plugins run concurrently, sections merged in plan order")
struct EngineTests {
    func engine(registry: PluginRegistry = testRegistry) throws -> Engine {
        let plan = try validPlan()
        let loader = DataLoader(plan: plan)
        let q3 = loader.load(
            text:
                "unit: a\nperiod: 2026-Q3\nillustrative: true\nfigures:\n  received: 40\n  on_time: 30\n  news: 3\nnarratives:\n  limitations:\n    - {text: Còn chậm, cause: thiếu cán bộ}\n  next_tasks: [Làm tiếp]\n  proposals: [Đề nghị bổ sung biên chế]\n",
            displayPath: "a3.yaml")
        let q2 = loader.load(text: "unit: a\nperiod: 2026-Q2\nfigures:\n  received: 32\n", displayPath: "a2.yaml")
        let last = loader.load(text: "unit: a\nperiod: 2025-Q3\nfigures:\n  received: 50\n", displayPath: "a3-2025.yaml")
        return Engine(plan: plan, submissions: q3.submissions + q2.submissions + last.submissions, registry: registry)
    }

    func headings(_ doc: ReportDocument) -> [String] {
        doc.body.compactMap { if case .heading(let h) = $0 { return h.line } else { return nil } }
    }

    @Test("the merged report has the parts of a Vietnamese periodic report, areas in plan order")
    func structure() async throws {
        let output = try await engine().compile(period: .quarter(3, 2026))
        let doc = output.document
        #expect(
            headings(doc) == [
                "I. KẾT QUẢ THỰC HIỆN", "1. Lĩnh vực Beta", "2. Lĩnh vực Alpha", "II. ĐÁNH GIÁ CHUNG", "1. Ưu điểm",
                "2. Tồn tại, hạn chế và nguyên nhân", "III. NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2026", "IV. ĐỀ XUẤT, KIẾN NGHỊ",
            ])
        #expect(doc.summary == "Kết quả thử nghiệm quý III năm 2026")
        #expect(doc.addressees == ["Ủy ban nhân dân tỉnh"])
        #expect(doc.closing.recipients == ["- Sở Nội vụ;", "- Lưu: VT, TCHCQT."])
        #expect(doc.closing.signer == Signer(authority: "KT. CHÁNH VĂN PHÒNG", title: "PHÓ CHÁNH VĂN PHÒNG", name: "Nguyễn Văn A"))
        #expect(doc.notices.first?.hasPrefix("SỐ LIỆU MINH HỌA") == true)
        guard case .paragraph(let opening) = doc.body.first else {
            Issue.record("the body must open with the căn cứ paragraph")
            return
        }
        #expect(opening.plainText.hasPrefix("Thực hiện Quyết định số 1/QĐ-UBND ngày 05/01/2026 của Chủ tịch UBND tỉnh về việc thử nghiệm;"))
        #expect(opening.plainText.hasSuffix("Văn phòng UBND tỉnh báo cáo kết quả thực hiện quý III năm 2026 như sau:"))
    }

    @Test("findings and the units' narratives are merged into parts II–IV")
    func merge() async throws {
        let text = try await engine().compile(period: .quarter(3, 2026)).document.body.compactMap { block -> [String]? in
            switch block {
            case .list(let items): return items.map(\.plainText)
            case .paragraph(let p): return [p.plainText]
            default: return nil
            }
        }.flatMap { $0 }
        #expect(text.contains("Beta đạt."))
        #expect(text.contains("Alpha đạt."))
        #expect(text.contains("Beta chưa đạt. Nguyên nhân: thiếu người."))
        #expect(text.contains("Còn chậm. Nguyên nhân: thiếu cán bộ."))
        #expect(text.contains("Làm tiếp."))
        #expect(text.contains("Đề nghị bổ sung biên chế."))
        #expect(text.contains("alpha: received=40, on_time=30, rate=75,00 %"))
        #expect(text.contains("giảm 20 % so với cùng kỳ năm 2025; tăng 25 % so với quý II năm 2026") == false)
        #expect(text.contains("tăng 25 % so với quý II năm 2026; giảm 20 % so với cùng kỳ năm 2025"))
    }

    @Test("plugin diagnostics reach the officer, with missing data")
    func diagnostics() async throws {
        let output = try await engine().compile(period: .quarter(3, 2026))
        let messages = output.diagnostics.map(\.message)
        #expect(messages.contains("alpha thiếu gì đó"))
        #expect(messages.contains("beta thiếu gì đó"))
    }

    @Test("without number and date the report is a draft with blanks; with them it is numbered and dated")
    func draftAndSigned() async throws {
        let draft = try await engine().compile(period: .quarter(3, 2026)).document.header
        #expect(draft.isDraft)
        #expect(draft.numberLine == "Số:      /BC-VPUBND")
        #expect(draft.placeAndDate == "Sơn La, ngày      tháng      năm 2026")
        let signed = try await engine().compile(
            period: .quarter(3, 2026), options: .init(number: "5", date: CivilDate(year: 2026, month: 9, day: 8))
        ).document.header
        #expect(!signed.isDraft)
        #expect(signed.numberLine == "Số: 05/BC-VPUBND")
        #expect(signed.placeAndDate == "Sơn La, ngày 08 tháng 9 năm 2026")
    }

    @Test("a plugin that throws fails the compilation, naming plugin and area, unless a partial draft is asked for")
    func failure() async throws {
        let failing = try engine(registry: PluginRegistry([FailingPlugin.self]))
        await #expect(throws: Engine.PluginFailure.self) { try await failing.compile(period: .quarter(3, 2026)) }
        do {
            _ = try await failing.compile(period: .quarter(3, 2026))
        } catch let error as Engine.PluginFailure {
            #expect(error.description == "plugin 'echo' lỗi khi viết phần 'Lĩnh vực Beta': hỏng (plugin failed)")
        }
        let partial = try await failing.compile(period: .quarter(3, 2026), options: .init(allowPartial: true))
        #expect(partial.document.notices.contains { $0.hasPrefix("BẢN NHÁP CHƯA ĐẦY ĐỦ") })
        #expect(partial.diagnostics.filter { $0.severity == .error }.count == 2)
    }

    @Test("every stated figure is in the document with its sources")
    func provenance() async throws {
        let doc = try await engine().compile(period: .quarter(3, 2026)).document
        let received = try #require(doc.figures.first { $0.id == "2026-Q3/received/total" })
        #expect(received.text == "40")
        #expect(received.sources == [SourceReference(unit: "a", file: "a3.yaml", line: 5, column: 13, period: "2026-Q3", value: 40)])
        let rate = try #require(doc.figures.first { $0.id == "2026-Q3/rate/total" })
        #expect(rate.text == "75,00 %")
        #expect(Set(rate.sources.map(\.line)) == [5, 6])
        #expect(doc.figures.contains { $0.id == "2025-Q3/received/total" })
    }

    @Test("the latest reported period with data is chosen by default")
    func latestPeriod() throws {
        #expect(try engine().latestPeriodWithData() == .quarter(3, 2026))
    }
}

@Suite("The plan-progress appendix")
struct PlanProgressTests {
    let planText = planReplacing(
        "    areas: [alpha]\n",
        with: """
                areas: [alpha]
              - number: II.2
                title: Đăng tải video hướng dẫn
                timeline: Trong năm 2026
                timeline_kind: within-year
                lead: [b]
                areas: [beta]
                indicators: [news]

            """)

    func compile(_ files: [(String, String)], period: Period) async throws -> Appendix {
        let plan = try #require(loadPlan(planText).plan)
        let loader = DataLoader(plan: plan)
        let subs = files.flatMap { loader.load(text: $0.1, displayPath: $0.0).submissions }
        let doc = try await Engine(plan: plan, submissions: subs, registry: testRegistry).compile(period: period).document
        return try #require(doc.appendices.first)
    }

    func rows(_ appendix: Appendix) -> [[String]] {
        guard case .table(let t) = appendix.body.first else { return [] }
        return t.rows.map { $0.map(\.text) }
    }

    @Test("each task with its lead, timeline, what was done and its status")
    func progress() async throws {
        let q3 = (
            "a.yaml",
            "unit: a\nperiod: 2026-Q3\nfigures:\n  news: 4\nnarratives:\n  activities:\n    - {text: lồng ghép tuyên truyền tại giao ban, task: II.1}\n"
        )
        let appendix = try await compile([q3], period: .quarter(3, 2026))
        #expect(appendix.title == "TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH THỬ NGHIỆM NĂM 2026 (QUÝ III)")
        #expect(appendix.attachedTo == "(Kèm theo Báo cáo số      /BC-VPUBND ngày      tháng      năm 2026 của Văn phòng UBND tỉnh)")
        #expect(
            rows(appendix) == [
                [
                    "II.1", "Nhiệm vụ một", "Phòng A", "Thường xuyên trong năm", "Phòng A lồng ghép tuyên truyền tại giao ban.",
                    "Thực hiện thường xuyên",
                ],
                ["II.2", "Đăng tải video hướng dẫn", "PB", "Trong năm 2026", "Tin bài: 04 tin, bài.", "Đang thực hiện"],
            ])
    }

    @Test("a within-year task done in an earlier quarter, and one not started")
    func statuses() async throws {
        let q1 = ("q1.yaml", "unit: a\nperiod: 2026-Q1\nfigures:\n  news: 2\n")
        let q3 = ("q3.yaml", "unit: a\nperiod: 2026-Q3\nfigures:\n  news: 0\n")
        let done = try await compile([q1, q3], period: .quarter(3, 2026))
        #expect(rows(done).map(\.last) == ["Chưa có báo cáo kết quả trong kỳ", "Đã thực hiện trong năm"])
        let none = try await compile([q3], period: .quarter(3, 2026))
        #expect(rows(none).map(\.last) == ["Chưa có báo cáo kết quả trong kỳ", "Chưa thực hiện"])
    }
}
