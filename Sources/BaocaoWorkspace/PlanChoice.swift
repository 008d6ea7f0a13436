import BaocaoCore
import BaocaoPlugins
import Foundation

/// Which plan a command uses when none is given (`--plan`): the rule of the year.
///
/// In December an office holds two plans, this year's and next year's (`baocao plan new`), and
/// must still finish this year's reports. So:
/// - a period given: the plan whose year contains it (the newest file of that year when several);
/// - no period: the latest period with data across the plans present, with its plan;
/// - `status` with no period: the earliest quarter, across the plans, whose deadline is not past.
/// With no plan of that year, the newest plan is used and its error says which plan to name.
public enum PlanChoice {
    /// The folder searched, relative to the folder the command runs in.
    public static let folder = "Plans"

    /// The rule, as `--help` and the README state it.
    public static let rule =
        "Không ghi --plan: dùng kế hoạch trong thư mục Plans/ có năm chứa kỳ báo cáo; không ghi --period: "
        + "kỳ gần nhất đã có số liệu, trong mọi kế hoạch có mặt. (Without --plan: the plan in Plans/ whose year "
        + "contains the period; without --period: the latest period with data, across the plans present.)"

    /// A plan file of the folder, loaded (nil when it has errors).
    public struct Candidate: Sendable {
        public var path: String
        public var plan: Plan?
    }

    /// The plan files of `Plans/`, sorted by name, each loaded; nil when the folder has none.
    public static func candidates(in folder: String = PlanChoice.folder) -> [Candidate]? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let files = entries.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
        guard !files.isEmpty else { return nil }
        // One plan is the plan, whatever its year: it is not read twice.
        if files.count == 1 { return [Candidate(path: (folder as NSString).appendingPathComponent(files[0]), plan: nil)] }
        let loader = PlanLoader(plugins: BuiltinPlugins.registry.descriptors)
        return files.map { name in
            let path = (folder as NSString).appendingPathComponent(name)
            return Candidate(path: path, plan: loader.load(path: path).plan)
        }
    }

    /// The plan for `period`: the newest plan file whose year contains it; nil when none does.
    public static func plan(for period: Period, among candidates: [Candidate]) -> String? {
        candidates.last { $0.plan?.year == period.year }?.path
    }

    /// `status`'s period when none is given: the earliest quarter, across the plans that load,
    /// whose deadline is not past on `today` (else the last quarter of the newest plan), and
    /// the plan it belongs to; nil when fewer than two plans load.
    public static func currentQuarter(_ candidates: [Candidate], today: CivilDate) -> (path: String, period: Period)? {
        let loaded = candidates.compactMap { c in c.plan.map { (c.path, $0) } }
        guard loaded.count > 1 else { return nil }
        let quarters = loaded.flatMap { path, plan in (1...4).map { (path, plan, Period.quarter($0, plan.year)) } }
        let open = quarters.filter { $0.1.deadline(of: $0.2) >= today }.min { $0.2 < $1.2 }
        guard let chosen = open ?? quarters.max(by: { $0.2 < $1.2 }) else { return nil }
        return (plan(for: chosen.2, among: candidates) ?? chosen.0, chosen.2)
    }

    /// For each file to import, the plan of the period it holds: the files grouped by plan,
    /// in the order given; nil when fewer than two plans load (the one plan reads them all).
    public static func importGroups(_ files: [String], candidates: [Candidate]) -> [(plan: String, files: [String])]? {
        let loaded = candidates.compactMap { c in c.plan.map { (c.path, $0) } }
        guard loaded.count > 1 else { return nil }
        var groups: [(plan: String, files: [String])] = []
        for file in files {
            var chosen = loaded.last!.0
            for (_, plan) in loaded.reversed() {
                let read = Console.$current.withValue(Console.capturing()) { DataImport.read(file, plan: plan) }
                if let period = read?.1.period, let owner = Self.plan(for: period, among: candidates) {
                    chosen = owner
                    break
                }
            }
            if let index = groups.firstIndex(where: { $0.plan == chosen }) {
                groups[index].files.append(file)
            } else {
                groups.append((chosen, [file]))
            }
        }
        return groups
    }

    /// The plan a period of another year belongs to, said in the error that refuses it:
    /// "; dùng kế hoạch năm 2026: --plan Plans/…-2026.yaml", or how to name one.
    public static func hint(for period: Period, besides plan: Plan) -> String {
        let folder = (plan.file as NSString).deletingLastPathComponent
        let others = candidates(in: folder.isEmpty ? "." : folder) ?? []
        if let path = Self.plan(for: period, among: others) {
            return "; dùng kế hoạch năm \(period.year): --plan \(path)"
        }
        return "; hãy chỉ rõ kế hoạch năm \(period.year) bằng --plan (hoặc tạo bằng baocao plan new \(period.year))"
    }

    /// The workspace whose latest period with data is the latest across the plans of `Plans/`
    /// (each reading `data`, or the data folder beside it), and that period; nil when fewer
    /// than two plans load, so the single plan is used as before.
    static func latestWithData(_ candidates: [Candidate], data: String?) -> Workspace? {
        let loaded = candidates.filter { $0.plan != nil }
        guard loaded.count > 1 else { return nil }
        var best: (workspace: Workspace, period: Period)?
        for candidate in loaded.reversed() {
            let quiet = Console.capturing()
            let workspace = Console.$current.withValue(quiet) { try? Workspace.load(plan: candidate.path, data: data) }
            guard let workspace else { continue }
            let engine = Engine(
                plan: workspace.plan, submissions: workspace.submissions, registry: workspace.registry, aggregator: workspace.aggregator)
            guard let latest = engine.latestPeriodWithData() else { continue }
            if best == nil || best!.period < latest { best = (workspace, latest) }
        }
        return best?.workspace
    }
}
