import BaocaoCore
import BaocaoRender
import Benchmark
import BenchmarkFixtures
import Foundation

// Every stage of `baocao compile` on the shipped example, then the scale checks. See README.md.

/// Wall clock, allocations and peak resident memory, for every benchmark.
let stageMetrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .peakMemoryResident]

/// Kilobytes (1,000 bytes) of YAML read per second, measured in each iteration: 20 MB/s is 20,000.
let kilobytesPerSecond = BenchmarkMetric.custom("YAML read (kB/s)", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: stageMetrics, maxDuration: .seconds(2), maxIterations: 1_000)
    let example = Example.loaded

    // MARK: Loading

    Benchmark("Load: plan (shipped plan)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Example.loadPlan()) }
    }

    Benchmark("Load: unit data (Plans/data, \(example.submissions.count) files)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Example.loadData(example.plan)) }
    }

    // MARK: Plugins, one benchmark per area, as the engine runs them

    for (area, context) in zip(example.plan.areas, example.contexts) {
        guard let plugin = Example.registry.plugin(id: area.plugin) else { continue }
        Benchmark("Plugin: \(area.plugin) makeSection (area \(area.id))") { benchmark in
            for _ in benchmark.scaledIterations {
                do {
                    blackHole(try plugin.init().makeSection(context))
                } catch {
                    benchmark.error("plugin \(area.plugin) failed: \(error)")
                }
            }
        }
    }

    // MARK: The engine: aggregation, plugins run concurrently, the merge

    Benchmark("Engine.compile (aggregate, plugins, merge; \(example.period.code))") { benchmark in
        let engine = Engine(plan: example.plan, submissions: example.submissions, registry: Example.registry)
        for _ in benchmark.scaledIterations {
            do {
                blackHole(try await engine.compile(period: example.period))
            } catch {
                benchmark.error("compile failed: \(error)")
            }
        }
    }

    // MARK: Renderers

    for renderer in defaultRenderers {
        Benchmark("Render: \(renderer.format)") { benchmark in
            for _ in benchmark.scaledIterations {
                do {
                    blackHole(try renderer.init().render(example.document))
                } catch {
                    benchmark.error("render failed: \(error)")
                }
            }
        }
    }

    // MARK: The whole compile, in process (no file writes)

    Benchmark("Whole compile: load plan and data, compile, render docx+md+html+json") { benchmark in
        for _ in benchmark.scaledIterations {
            do {
                let plan = Example.loadPlan()
                let engine = Engine(plan: plan, submissions: Example.loadData(plan), registry: Example.registry)
                let document = try await engine.compile(period: example.period).document
                blackHole(try renderAll(document))
            } catch {
                benchmark.error("compile failed: \(error)")
            }
        }
    }

    // MARK: Scale: 1× and 10× the unit data, from memory

    let scaleConfiguration = Benchmark.Configuration(metrics: stageMetrics, maxDuration: .seconds(5), maxIterations: 30)
    for factor in [1, 10] {
        let scaled = Synthetic.scaled(factor: factor)
        let units = example.plan.reportingUnits.count * factor
        Benchmark(
            "Scale: \(factor)× unit data (\(units) units, \(scaled.files.count) files) load+compile+render",
            configuration: scaleConfiguration
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                do {
                    blackHole(try await Synthetic.compileAll(scaled))
                } catch {
                    benchmark.error("\(error)")
                }
            }
        }
    }

    // MARK: Scale: a 10,000-row appendix table to DOCX

    let bigTable = Synthetic.documentWithAppendixTable(rows: 10_000)
    Benchmark(
        "Scale: DOCX with a 10,000-row appendix table",
        configuration: .init(metrics: stageMetrics, maxDuration: .seconds(10), maxIterations: 10)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            do {
                blackHole(try DOCXRenderer().render(bigTable))
            } catch {
                benchmark.error("render failed: \(error)")
            }
        }
    }

    // MARK: YAML throughput on a large generated unit file

    let large = Synthetic.largeUnitFile(megabytes: 4)
    let largeData = Data(large.text.utf8)
    let largeMB = Double(largeData.count) / 1_000_000
    let throughputConfiguration = Benchmark.Configuration(
        metrics: stageMetrics + [kilobytesPerSecond], maxDuration: .seconds(10), maxIterations: 10)

    Benchmark(
        "YAML: parse a \(String(format: "%.1f", largeMB)) MB unit file (YAMLSource)", configuration: throughputConfiguration
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let start = ContinuousClock.now
            let bag = DiagnosticBag()
            blackHole(YAMLSource.parse(data: largeData, displayPath: large.path, bag: bag))
            benchmark.measurement(kilobytesPerSecond, Int(largeMB * 1_000 / seconds(since: start)))
            if !bag.sorted.isEmpty { benchmark.error("unexpected diagnostics: \(bag.sorted.prefix(3))") }
        }
    }

    Benchmark(
        "YAML: load and check a \(String(format: "%.1f", largeMB)) MB unit file (DataLoader)", configuration: throughputConfiguration
    ) { benchmark in
        let loader = DataLoader(plan: example.plan)
        for _ in benchmark.scaledIterations {
            let start = ContinuousClock.now
            let result = loader.load(text: large.text, displayPath: large.path)
            blackHole(result)
            benchmark.measurement(kilobytesPerSecond, Int(largeMB * 1_000 / seconds(since: start)))
            if result.submissions.isEmpty { benchmark.error("not loaded: \(result.diagnostics.prefix(3))") }
        }
    }
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}
