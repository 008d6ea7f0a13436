import BaocaoCore
import BaocaoPlugins
import BaocaoRender
import Foundation

/// The shipped example (the newest plan in `Plans/` and the units' data in `Plans/data/`), found
/// from this file's place in the repository so that the benchmarks run from any folder.
public enum Example {
    /// The repository root: four levels above Benchmarks/Sources/BenchmarkFixtures/Fixtures.swift.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static let plansFolder = root + "/Plans"
    public static let dataFolder = plansFolder + "/data"

    /// The newest plan, as `baocao compile` chooses it.
    public static let planPath: String = {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: plansFolder)) ?? []
        guard let newest = entries.filter({ $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }).sorted().last else {
            fatalError("no plan in \(plansFolder)")
        }
        return plansFolder + "/" + newest
    }()

    public static let registry = BuiltinPlugins.registry

    public static func loadPlan() -> Plan {
        let result = PlanLoader(plugins: registry.descriptors).load(path: planPath)
        guard let plan = result.plan else { fatalError("the shipped plan has errors: \(result.diagnostics)") }
        return plan
    }

    public static func loadData(_ plan: Plan) -> [Submission] {
        let result = DataLoader(plan: plan).load(folder: dataFolder)
        if result.diagnostics.contains(where: { $0.severity == .error }) {
            fatalError("the shipped data has errors: \(result.diagnostics)")
        }
        return result.submissions
    }

    /// Everything the stage benchmarks start from, loaded once.
    public static let loaded: Loaded = {
        let plan = loadPlan()
        let submissions = loadData(plan)
        let engine = Engine(plan: plan, submissions: submissions, registry: registry)
        guard let period = engine.latestPeriodWithData() else { fatalError("the shipped data has no period") }
        let document = blockingCompile(engine, period: period)
        return Loaded(
            plan: plan, submissions: submissions, period: period, document: document,
            contexts: SectionContexts.make(plan: plan, submissions: submissions, period: period))
    }()

    public struct Loaded: Sendable {
        public var plan: Plan
        public var submissions: [Submission]
        public var period: Period
        public var document: ReportDocument
        /// One context per area of the plan, in plan order, as the engine builds them.
        public var contexts: [SectionContext]
    }
}

/// Builds the contexts the engine gives each area's plugin, through the public API only (the
/// engine's own `makeContext` is internal): this period's data, the previous period's and the
/// same period of last year's, each restricted to the area.
public enum SectionContexts {
    public static func make(plan: Plan, submissions: [Submission], period: Period) -> [SectionContext] {
        let aggregator = Aggregator(plan: plan, submissions: submissions)
        let current = aggregator.data(for: period).data
        func nonEmpty(_ p: Period) -> PeriodData? {
            let data = aggregator.data(for: p).data
            return data.isEmpty ? nil : data
        }
        let sameLastYear = nonEmpty(period.sameLastYear)
        var previous: PeriodData?
        if let p = period.previous, p != period.sameLastYear { previous = nonEmpty(p) }
        return plan.areas.map { area in
            let ids = Set(area.indicators.map(\.id))
            func restrict(_ d: PeriodData?) -> PeriodData? {
                guard let r = d?.restricted(to: ids, area: area.id) else { return nil }
                return r.totals.isEmpty ? nil : r
            }
            return SectionContext(
                plan: PlanSummary(
                    title: plan.identity.title, year: plan.year, issuingBodyName: plan.identity.issuingBodyName,
                    place: plan.identity.place),
                area: area, period: period, current: current.restricted(to: ids, area: area.id),
                previous: restrict(previous), sameLastYear: restrict(sameLastYear),
                tasks: plan.tasks.filter { $0.areas.contains(area.id) }, units: plan.units, window: plan.window(of: period))
        }
    }
}

/// The four formats `baocao compile` writes by default (PDF needs LibreOffice and is left out).
public let defaultRenderers: [any Renderer.Type] = [DOCXRenderer.self, MarkdownRenderer.self, HTMLRenderer.self, JSONRenderer.self]

/// Renders `document` in every default format, returning the total number of bytes.
public func renderAll(_ document: ReportDocument) throws -> Int {
    var bytes = 0
    for renderer in defaultRenderers { bytes += try renderer.init().render(document).count }
    return bytes
}

/// Runs the engine from synchronous code (fixture set-up only; the benchmarks themselves await).
public func blockingCompile(_ engine: Engine, period: Period) -> ReportDocument {
    let box = ResultBox()
    let done = DispatchSemaphore(value: 0)
    Task {
        do {
            box.document = try await engine.compile(period: period).document
        } catch {
            fatalError("the example does not compile: \(error)")
        }
        done.signal()
    }
    done.wait()
    return box.document!
}

private final class ResultBox: @unchecked Sendable {
    var document: ReportDocument?
}
