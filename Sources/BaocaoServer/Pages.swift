import BaocaoAccounts
import BaocaoCore
import BaocaoPlugins
import BaocaoSheets
import BaocaoWorkspace
import Foundation
import HTTPTypes
import Hummingbird

// The pages. Each checks the session and the role first; the work is BaocaoWorkspace's.

extension WebServer {
    // MARK: Dashboard

    func dashboard(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        let plan = try loadPlan()
        let day = today()
        // The quarters units enter, and the periods reported.
        let periods = Array(Set((1...4).map { Period.quarter($0, plan.year) } + plan.reportedPeriods)).sorted()
        let chosen =
            request.uri.queryParameters["ky"].flatMap { Period(String($0)) }.flatMap { periods.contains($0) ? $0 : nil }
            ?? PeriodStatus.defaultPeriod(plan, today: day)
        let folder = dataFolder(plan)
        let capture = Console.capturing()
        let status = try? Console.$current.withValue(capture) {
            try PeriodStatus.compute(plan: plan, folder: folder, period: chosen, today: day)
        }
        let role = session.account.role
        var values: [String: Any] = [
            "periods": periods.map { ["code": $0.code, "label": $0.label, "selected": $0 == chosen] as [String: Any] },
            "selected": chosen.code, "selectedLabel": chosen.label, "canReports": role != .unit,
        ]
        let date = VietnameseFormat.shortDate
        if let status {
            let open = isOpen(chosen)
            let units = status.units.filter { role != .unit || $0.unit == session.account.unit }
            let errors = status.periodErrors.filter { d in role != .unit || units.contains { $0.errors.contains(d) } }
            values["status"] =
                [
                    "window": "\(date(status.window.start)) – \(date(status.window.end))", "deadline": date(status.deadline),
                    "daysText": status.daysText, "daysClass": status.daysLeft < 0 ? "bad" : "ok",
                    "units": units.map { row in
                        [
                            "unit": row.unit, "name": row.shortName, "period": chosen.code,
                            "submitted": row.required == 0 ? "—" : "\(row.submitted)",
                            "missing": row.required == 0 ? "—" : "\(row.missing)",
                            "invalid": row.required == 0 ? "—" : "\(row.invalid)", "state": row.state,
                            "stateClass": row.invalid > 0 || !row.errors.isEmpty ? "bad" : row.isIncomplete ? "warn" : "ok",
                            "canEdit": chosen.isQuarter && (role == .officer || (role == .unit && open)),
                        ] as [String: Any]
                    },
                    "hasErrors": !errors.isEmpty, "errors": errors.map { diagnosticLink($0, plan: plan) },
                    "incomplete": status.incompleteSections.isEmpty ? "không có" : status.incompleteSections.joined(separator: "; "),
                ] as [String: Any]
        } else {
            values["status"] = false
        }
        if role != .unit {
            // What `baocao validate` says for the chosen period.
            let warnings: [Diagnostic] = await Console.$current.withValue(Console.capturing()) {
                guard let path = try? planPath(), let workspace = try? Workspace.load(plan: path, data: nil) else { return [] }
                return await workspace.validate(period: chosen).diagnostics.filter { $0.severity == .warning }
            }
            values["hasWarnings"] = !warnings.isEmpty
            values["warnings"] = warnings.map { diagnosticLink($0, plan: plan) }
        }
        return html(render("dashboard", title: "Tình hình số liệu \(chosen.label)", session: session, values))
    }

    /// A diagnostic as text, linked to the form field of the data file it names.
    func diagnosticLink(_ d: Diagnostic, plan: Plan) -> [String: Any] {
        var item: [String: Any] = ["text": d.description]
        let file = d.location.file
        let unit = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let code = ((file as NSString).deletingLastPathComponent as NSString).lastPathComponent
        if file.hasSuffix(".yaml"), let period = Period(code), period.code == code, plan.reportingUnits.contains(where: { $0.id == unit }) {
            var anchor = ""
            if let rest = d.message.split(separator: ":").first, rest.hasPrefix("figures.") {
                anchor = "#chi-tieu-" + rest.dropFirst("figures.".count).prefix { $0 != "." }
            }
            item["link"] = "/du-lieu/\(period.code)/\(unit)\(anchor)"
        }
        return item
    }

    // MARK: A unit's data

    struct UnitPage {
        var plan: Plan
        var period: Period
        var entry: UnitDataEntry
    }

    func unitPage(_ session: Session, _ context: WebContext) throws -> UnitPage {
        let period = try period(context)
        let unitID = context.parameters.get("unit") ?? ""
        try requireUnit(session, unitID)
        let plan = try loadPlan()
        guard period.isQuarter, ((plan.year - 1)...plan.year).contains(period.year) else {
            throw PageError(
                status: .notFound, message: "Số liệu được nhập theo quý của năm kế hoạch; không có biểu mẫu cho kỳ \(period.label).")
        }
        guard let unit = plan.reportingUnits.first(where: { $0.id == unitID }) else {
            throw PageError(status: .notFound, message: "Không có đơn vị nộp số liệu '\(unitID)' trong kế hoạch.")
        }
        return UnitPage(
            plan: plan, period: period,
            entry: UnitDataEntry(form: UnitForm(plan: plan, unit: unit, period: period), dataFolder: dataFolder(plan)))
    }

    /// The submission in a file's bytes (nil when absent or unreadable).
    func submission(_ data: Data?, page: UnitPage) -> Submission? {
        guard let data else { return nil }
        return DataLoader(plan: page.plan).load(text: String(decoding: data, as: UTF8.self), displayPath: page.entry.path).submissions.first
    }

    func dataForm(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        let page = try unitPage(session, context)
        let (data, digest) = page.entry.current()
        let existing = submission(data, page: page)
        var values = page.entry.values(from: existing)
        var errors: [String: [String]] = [:]
        var other: [String] = []
        // A file that does not load is shown with the loader's messages next to its fields.
        if let data {
            let check = page.entry.check(String(decoding: data, as: UTF8.self), fields: [:], plan: page.plan)
            errors = check.byField
            other = check.other.map(\.description)
            if existing == nil && !other.isEmpty { values = [:] }
        }
        let saved = request.uri.queryParameters["luu"].map(String.init)
        let flash = saved == "1" ? "Đã lưu số liệu vào \(page.entry.path)." : saved == "0" ? "Số liệu không thay đổi." : nil
        let text = renderDataForm(
            session: session, page: page, values: values, digest: digest, errors: errors, other: other, flash: flash,
            unsupported: UnitDataEntry.unsupported(existing), uploadErrors: [])
        return html(text)
    }

    func renderDataForm(
        session: Session, page: UnitPage, values: [String: String], digest: String, errors: [String: [String]], other: [String],
        flash: String?, unsupported: [String], uploadErrors: [String]
    ) -> String {
        let form = page.entry.form
        let closed = session.account.role != .officer && !isOpen(page.period) || !unsupported.isEmpty
        let date = VietnameseFormat.shortDate
        let groups: [[String: Any]] = page.entry.groups.map { group in
            [
                "title": group.area.title,
                "indicators": group.indicators.map { entry in
                    [
                        "id": entry.indicator.id, "label": entry.indicator.label, "measure": entry.indicator.measure,
                        "expectation": entry.expectation, "definition": entry.indicator.definition ?? "",
                        "fields": entry.fields.map { field in
                            [
                                "name": field.name, "label": field.label, "value": values[field.name] ?? "",
                                "errors": errors[field.name] ?? [], "readonly": closed,
                            ] as [String: Any]
                        },
                    ] as [String: Any]
                },
            ]
        }
        let narratives: [[String: Any]] = NarrativeItem.Kind.allCases.map { kind in
            let count = UnitDataEntry.narrativeCount(values, kind: kind) + (closed ? 0 : UnitDataEntry.blankNarratives)
            return [
                "title": NarrativeLabels.label(kind),
                "rows": (0..<count).map { i in
                    let key = "n.\(kind.rawValue).\(i)"
                    let area = values[key + ".area"] ?? ""
                    return [
                        "key": key, "number": i + 1, "text": values[key + ".text"] ?? "", "cause": values[key + ".cause"] ?? "",
                        "task": values[key + ".task"] ?? "", "isLimitation": kind == .limitation, "readonly": closed,
                        "errors": errors[key + ".text"] ?? [],
                        "areas": page.plan.areas.map { ["id": $0.id, "title": $0.title, "selected": $0.id == area] as [String: Any] },
                    ] as [String: Any]
                },
            ]
        }
        let errorCount = errors.values.reduce(0) { $0 + $1.count } + other.count
        let values: [String: Any] = [
            "unitName": form.unit.name, "periodLabel": page.period.label, "period": page.period.code, "unit": form.unit.id,
            "window": form.windowText, "deadline": date(form.deadline), "csrf": session.csrf, "digest": digest, "groups": groups,
            "narratives": narratives, "hasErrors": errorCount > 0, "errorCount": errorCount, "otherErrors": other, "closed": closed,
            "unsupported": unsupported.joined(separator: ", "), "path": page.entry.path, "uploadErrors": uploadErrors,
        ]
        return render("dataForm", title: "Số liệu \(form.unit.shortName) — \(page.period.label)", session: session, values, flash: flash)
    }

    func saveData(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        let page = try unitPage(session, context)
        let form = try await form(request, session, limit: 1024 * 1024)
        try requireOpen(session, page)
        let (currentData, _) = page.entry.current()
        let existing = submission(currentData, page: page)
        guard UnitDataEntry.unsupported(existing).isEmpty else {
            throw PageError(
                status: .conflict,
                message: "Tệp \(page.entry.path) có chỉ tiêu ghi theo nhóm hoặc kết quả năm trước; hãy sửa trực tiếp tệp.")
        }
        let values = form.fields.filter { $0.key.hasPrefix("f.") || $0.key.hasPrefix("n.") }
        let (text, fields) = page.entry.yaml(values, illustrative: existing?.illustrative ?? false)
        let check = page.entry.check(text, fields: fields, plan: page.plan)
        let digest = form["digest"] ?? ""
        if !check.byField.isEmpty || !check.other.isEmpty {
            let page = renderDataForm(
                session: session, page: page, values: values, digest: digest, errors: check.byField, other: check.other.map(\.message),
                flash: nil, unsupported: [], uploadErrors: [])
            return html(page, status: .unprocessableContent)
        }
        return try await write(text, page: page, session: session, digest: digest, submitted: values)
    }

    func requireOpen(_ session: Session, _ page: UnitPage) throws {
        if session.account.role != .officer && !isOpen(page.period) {
            throw PageError(
                status: .forbidden, message: "Kỳ \(page.period.label) đã có bản báo cáo được gửi đi; số liệu không sửa được nữa.")
        }
    }

    /// Saves a unit's file (or shows the conflict) and audits each changed figure.
    func write(_ text: String, page: UnitPage, session: Session, digest: String, submitted: [String: String]) async throws -> Response {
        let entry = page.entry
        let capture = Console.capturing()
        let result: UnitDataEntry.SaveResult
        do {
            result = try await Console.$current.withValue(capture) {
                try await OffPool.run { try entry.save(text, expectedDigest: digest) }
            }
        } catch {
            throw PageError(status: .internalServerError, message: "Không lưu được số liệu.", lines: Self.lines(capture))
        }
        switch result {
        case .conflict(let current):
            let now = entry.values(from: submission(current, page: page))
            let names = Set(now.keys).union(submitted.keys).sorted()
            let changes = names.filter { (now[$0] ?? "") != (submitted[$0] ?? "") && !$0.hasSuffix(".area") && !$0.hasSuffix(".task") }.map
            {
                ["field": $0, "current": now[$0] ?? "(trống)", "mine": submitted[$0] ?? "(trống)"]
            }
            let text = render(
                "conflict", title: "Số liệu đã bị sửa", session: session,
                ["path": entry.path, "changes": changes, "period": page.period.code, "unit": entry.form.unit.id])
            return html(text, status: .conflict)
        case .unchanged:
            return redirect("/du-lieu/\(page.period.code)/\(entry.form.unit.id)?luu=0")
        case .saved(let previous):
            let before = entry.values(from: submission(previous, page: page))
            let after = entry.values(from: submission(Data(text.utf8), page: page))
            var rows: [AuditEntry] = []
            for name in Set(before.keys).union(after.keys).sorted() where before[name] != after[name] {
                let figure = name.hasPrefix("f.") ? String(name.dropFirst(2)) : name
                rows.append(
                    AuditEntry(
                        account: session.account.name, action: "luu-so-lieu", unit: entry.form.unit.id, period: page.period.code,
                        figure: figure, oldValue: before[name], newValue: after[name]))
            }
            if rows.isEmpty {
                rows.append(
                    AuditEntry(account: session.account.name, action: "luu-so-lieu", unit: entry.form.unit.id, period: page.period.code))
            }
            try database.audit(rows)
            return redirect("/du-lieu/\(page.period.code)/\(entry.form.unit.id)?luu=1")
        }
    }

    func blankWorkbook(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        let page = try unitPage(session, context)
        let capture = Console.capturing()
        let data: Data
        do {
            data = try Console.$current.withValue(capture) { try FormGenerator.data(page.entry.form, format: "xlsx") }
        } catch {
            throw PageError(status: .internalServerError, message: "Không tạo được biểu mẫu.", lines: Self.lines(capture))
        }
        return file(
            data, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: "\(page.entry.form.baseName).xlsx")
    }

    func uploadWorkbook(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        let page = try unitPage(session, context)
        let form = try await form(request, session)
        try requireOpen(session, page)
        guard let upload = form.files["tep"], !upload.data.isEmpty else {
            throw PageError(status: .badRequest, message: "Chưa chọn tệp Excel (.xlsx) để tải lên.")
        }
        let (currentData, digest) = page.entry.current()
        let values = page.entry.values(from: submission(currentData, page: page))
        func refused(_ lines: [String]) -> Response {
            let text = renderDataForm(
                session: session, page: page, values: values, digest: digest, errors: [:], other: [], flash: nil, unsupported: [],
                uploadErrors: lines)
            return html(text, status: .unprocessableContent)
        }
        guard upload.name.lowercased().hasSuffix(".xlsx") else {
            return refused(["\(upload.name): tệp không phải Excel Workbook (.xlsx); mở bằng Excel và lưu dạng .xlsx."])
        }
        let read = DataImport.readWorkbook(upload.data, name: upload.name, displayPath: upload.name, plan: page.plan)
        guard let yaml = read.yaml, let submission = read.submission else {
            return refused(read.diagnostics.filter { $0.severity == .error }.map(\.description))
        }
        guard submission.unit == page.entry.form.unit.id, submission.period == page.period else {
            return refused([
                "\(upload.name): biểu mẫu của đơn vị \(submission.unit), kỳ \(submission.period.label); trang này nhận số liệu của \(page.entry.form.unit.id), kỳ \(page.period.label)."
            ])
        }
        let submitted = page.entry.values(from: submission)
        // The digest the form carried: a file changed since the page was loaded is not replaced.
        return try await write(
            String(decoding: yaml, as: UTF8.self), page: page, session: session, digest: form["digest"] ?? digest, submitted: submitted)
    }

    // MARK: Reports

    func reportStore(_ period: Period) -> VersionStore { VersionStore(folder: VersionStore.folder(out: outFolder, period: period)) }

    func reports(_ request: Request, _ context: WebContext, compileErrors: [String] = [], warnings: [Diagnostic] = [], flash: String? = nil)
        async throws -> Response
    {
        let session = try requireSession(request)
        try requireRole(session, [.officer, .viewer])
        let period = try period(context)
        let plan = try loadPlan()
        let date = VietnameseFormat.shortDate
        let versions: [[String: Any]] = reportStore(period).summaries().reversed().map { s in
            var signed = "dự thảo"
            if let m = s.manifest, !m.options.draft {
                signed = "số \(m.options.number ?? "?"), ngày \(m.options.date.flatMap(CivilDate.init(iso:)).map(date) ?? "?")"
            }
            var sent = ""
            if let mark = s.sent {
                sent =
                    "ĐÃ GỬI" + (mark.date.flatMap(CivilDate.init(iso:)).map { " \(date($0))" } ?? "") + (mark.note.map { " (\($0))" } ?? "")
            }
            return [
                "version": s.version, "period": period.code, "latest": s.isLatest, "signed": signed, "sent": sent,
                "isOfficer": session.account.role == .officer, "csrf": session.csrf,
                "downloads": (s.manifest?.outputs ?? []).filter { $0.format != "html" }.map { ["format": $0.format] },
            ]
        }
        let values: [String: Any] = [
            "period": period.code, "isOfficer": session.account.role == .officer, "csrf": session.csrf, "versions": versions,
            "compileErrors": compileErrors, "warnings": warnings.map { diagnosticLink($0, plan: plan) },
        ]
        let status: HTTPResponse.Status = compileErrors.isEmpty ? .ok : .unprocessableContent
        return html(render("reports", title: "Báo cáo \(period.label)", session: session, values, flash: flash), status: status)
    }

    func compile(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        try requireRole(session, [.officer])
        let period = try period(context)
        let form = try await form(request, session, limit: 64 * 1024)
        let number = (form["so"] ?? "").trimmingCharacters(in: .whitespaces)
        let dateText = (form["ngay"] ?? "").trimmingCharacters(in: .whitespaces)
        var problems: [String] = []
        if !number.isEmpty && !ReportCompiler.isValidNumber(number) {
            problems.append("Số báo cáo '\(number)' không hợp lệ; chỉ ghi số, ví dụ 15 (ký hiệu BC-… lấy từ kế hoạch).")
        }
        let date = dateText.isEmpty ? nil : CivilDate(iso: dateText)
        if !dateText.isEmpty && date == nil {
            problems.append("Ngày ký '\(dateText)' không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2026-09-18.")
        }
        if !problems.isEmpty { return try await reports(request, context, compileErrors: problems) }
        let capture = Console.capturing()
        let settings = ReportCompiler.Settings(
            formats: formats, signingDate: date, number: number.isEmpty ? nil : number, partial: false, force: false, verbose: false)
        let planPath = try planPath()
        let out = outFolder
        do {
            let outcome = try await Console.$current.withValue(capture) {
                let workspace = try await OffPool.run { try Workspace.loadLocked(plan: planPath, data: nil) }
                guard workspace.plan.reportedPeriods.contains(period) || period.year == workspace.plan.year else {
                    Console.current.error("baocao: kỳ \(period.label) không thuộc năm của kế hoạch (\(workspace.plan.year)).")
                    throw WorkspaceFailure(ExitStatus.usage)
                }
                return try await ReportCompiler.compile(workspace: workspace, period: period, out: out, settings: settings)
            }
            let version = outcome.written.last?.path ?? ""
            try database.audit([
                AuditEntry(
                    account: session.account.name, action: "bien-soan", period: period.code,
                    newValue: (version as NSString).lastPathComponent)
            ])
            return try await reports(
                request, context, warnings: outcome.diagnostics.filter { $0.severity == .warning },
                flash: outcome.summaryLines.first)
        } catch {
            return try await reports(request, context, compileErrors: Self.lines(capture).filter { !$0.contains(": warning:") })
        }
    }

    func versionParameter(_ context: WebContext, _ store: VersionStore) throws -> String {
        guard let text = context.parameters.get("version"), let version = store.resolve(text), version == text else {
            throw PageError(status: .notFound, message: "Không có bản '\(context.parameters.get("version") ?? "")' của báo cáo.")
        }
        return version
    }

    func preview(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        try requireRole(session, [.officer, .viewer])
        let store = reportStore(try period(context))
        let version = try versionParameter(context, store)
        guard let output = store.manifest(version)?.outputs.first(where: { $0.format == "html" }),
            let data = FileManager.default.contents(atPath: (store.path(version) as NSString).appendingPathComponent(output.file))
        else { throw PageError(status: .notFound, message: "Bản \(version) không có tệp HTML để xem.") }
        // The report's own HTML page, as compiled (it carries its own styles).
        var response = file(data, type: "text/html; charset=utf-8", name: nil)
        response.headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        return response
    }

    func download(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        try requireRole(session, [.officer, .viewer])
        let store = reportStore(try period(context))
        let version = try versionParameter(context, store)
        let format = context.parameters.get("format") ?? ""
        guard let output = store.manifest(version)?.outputs.first(where: { $0.format == format }),
            let data = FileManager.default.contents(atPath: (store.path(version) as NSString).appendingPathComponent(output.file))
        else { throw PageError(status: .notFound, message: "Bản \(version) không có tệp định dạng '\(format)'.") }
        let types = [
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf",
            "md": "text/markdown; charset=utf-8", "json": "application/json", "html": "text/html; charset=utf-8",
        ]
        let name = (output.file as NSString).deletingPathExtension + "-\(version)." + (output.file as NSString).pathExtension
        return file(data, type: types[format] ?? "application/octet-stream", name: name)
    }

    func diff(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        try requireRole(session, [.officer, .viewer])
        let period = try period(context)
        let pair = ["a", "b"].compactMap { request.uri.queryParameters[$0].map(String.init) }.filter { !$0.isEmpty }
        let capture = Console.capturing()
        do {
            let lines = try Console.$current.withValue(capture) {
                try VersionDiff.compare(reportStore(period), period: period, versions: pair)
            }
            let text = render(
                "diff", title: "So sánh các bản — \(period.label)", session: session,
                ["text": lines.joined(separator: "\n"), "period": period.code])
            return html(text)
        } catch {
            throw PageError(status: .notFound, message: "Không so sánh được.", lines: Self.lines(capture))
        }
    }

    func markSent(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        try requireRole(session, [.officer])
        let period = try period(context)
        let store = reportStore(period)
        let version = try versionParameter(context, store)
        let form = try await form(request, session, limit: 64 * 1024)
        let number = (form["so"] ?? "").trimmingCharacters(in: .whitespaces)
        let dateText = (form["ngay"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty, CivilDate(iso: dateText) != nil else {
            return try await reports(request, context, compileErrors: ["Đánh dấu đã gửi cần số văn bản và ngày gửi (YYYY-MM-DD)."])
        }
        let capture = Console.capturing()
        do {
            _ = try Console.$current.withValue(capture) {
                try store.markSent(period: period, version: version, date: dateText, note: "số \(number)")
            }
        } catch {
            throw PageError(status: .internalServerError, message: "Không đánh dấu được.", lines: Self.lines(capture))
        }
        try database.audit([
            AuditEntry(
                account: session.account.name, action: "danh-dau-da-gui", period: period.code, figure: version,
                newValue: "số \(number), ngày \(dateText)")
        ])
        return redirect("/bao-cao/\(period.code)")
    }

    // MARK: The plan

    func planPage(_ request: Request, _ context: WebContext, planErrors: [String] = [], flash: String? = nil) async throws -> Response {
        let session = try requireSession(request)
        try requireRole(session, [.officer])
        let plan = try loadPlan()
        let date = VietnameseFormat.shortDate
        let values: [String: Any] = [
            "file": plan.file, "year": plan.year, "csrf": session.csrf, "planErrors": planErrors,
            "periods": plan.reportedPeriods.map { p in
                let w = plan.window(of: p)
                return ["label": p.label, "window": "\(date(w.start)) – \(date(w.end))", "deadline": date(plan.deadline(of: p))]
            },
            "units": plan.reportingUnits.map { ["id": $0.id, "name": $0.name] },
            "areas": plan.areas.map { area in
                [
                    "title": area.title,
                    "indicators": area.indicators.map {
                        ["id": $0.id, "label": $0.label, "measure": $0.measure, "reportedBy": $0.reportedBy.joined(separator: ", ")]
                    },
                ] as [String: Any]
            },
        ]
        return html(
            render("plan", title: "Kế hoạch \(plan.year)", session: session, values, flash: flash),
            status: planErrors.isEmpty ? .ok : .unprocessableContent)
    }

    func uploadPlan(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        try requireRole(session, [.officer])
        let form = try await form(request, session)
        guard let upload = form.files["ke_hoach"], !upload.data.isEmpty else {
            return try await planPage(request, context, planErrors: ["Chưa chọn tệp kế hoạch (.yaml)."])
        }
        let name = upload.name
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"), !name.hasPrefix("."), !name.contains("/"), name.count <= 100 else {
            return try await planPage(request, context, planErrors: ["\(name): tên tệp kế hoạch cần có đuôi .yaml."])
        }
        let plansFolder = path("Plans")
        let target = (plansFolder as NSString).appendingPathComponent(name)
        // Checked in a temporary folder beside the plans (so `extends:` resolves as it will).
        let check = (plansFolder as NSString).appendingPathComponent(".kiem-tra-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: check, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: check) }
        let checkedPath = (check as NSString).appendingPathComponent(name)
        try Files.write(upload.data, to: checkedPath)
        let result = PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(path: checkedPath)
        let errors = Diagnostic.sortedUnique(result.diagnostics).filter { $0.severity == .error }
        if result.plan == nil || !errors.isEmpty {
            return try await planPage(
                request, context, planErrors: errors.map { $0.description.replacingOccurrences(of: checkedPath, with: name) })
        }
        let capture = Console.capturing()
        do {
            _ = try Console.$current.withValue(capture) {
                try PlainWriter(force: false, what: "kế hoạch").write([(target, upload.data)], folder: plansFolder)
            }
        } catch {
            return try await planPage(request, context, planErrors: Self.lines(capture))
        }
        try database.audit([AuditEntry(account: session.account.name, action: "tai-ke-hoach", newValue: name)])
        return try await planPage(request, context, flash: "Đã lưu kế hoạch \(target).")
    }

    // MARK: The audit log

    func auditPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try requireSession(request)
        try requireRole(session, [.officer, .unit])
        let entries = try database.auditLog(unit: session.account.role == .unit ? session.account.unit ?? "" : nil)
        let rows = entries.map { e -> [String: Any] in
            [
                "at": e.at, "account": e.account, "action": e.action, "unit": e.unit ?? "", "period": e.period ?? "",
                "figure": e.figure ?? "",
                "oldValue": e.oldValue ?? "", "newValue": e.newValue ?? "",
            ]
        }
        return html(render("audit", title: "Nhật ký thay đổi", session: session, ["entries": rows]))
    }
}
