import BaocaoCore
import BaocaoRender
import BenchmarkFixtures
import Dispatch
import Foundation

// Runs one benchmark scenario `count` times in a plain process, for profilers:
//
//   swift build -c release --product baocao-profile
//   valgrind --tool=callgrind .build/release/baocao-profile docx10k 1
//
// The scenario's own cost is the inclusive cost of `Scenario.run` in callgrind_annotate (the
// generation of its input is outside it). The main thread waits on a semaphore rather than
// awaiting, so the process never parks in dispatch_main (see README.md, "Profiling").

enum Scenario: String, CaseIterable {
    case compile, scale1, scale10, docx10k, yaml, dataloader, docx, html, md

    var summary: String {
        switch self {
        case .compile: return "load the shipped plan and data, compile the latest period, render docx+md+html+json"
        case .scale1: return "the same from memory, shipped data (1×)"
        case .scale10: return "the same from memory, every unit copied 10 times (10×)"
        case .docx10k: return "render to DOCX the example with a 10,000-row appendix table"
        case .yaml: return "parse a generated 4 MB unit file (YAMLSource)"
        case .dataloader: return "load and check a generated 4 MB unit file (DataLoader)"
        case .docx: return "render the compiled example to DOCX"
        case .html: return "render the compiled example to HTML"
        case .md: return "render the compiled example to Markdown"
        }
    }

    /// Makes the scenario's input, then returns the work to repeat.
    func prepare() -> @Sendable () async throws -> Int {
        switch self {
        case .compile:
            let period = Example.loaded.period
            return {
                let plan = Example.loadPlan()
                let engine = Engine(plan: plan, submissions: Example.loadData(plan), registry: Example.registry)
                return try renderAll(try await engine.compile(period: period).document)
            }
        case .scale1, .scale10:
            let scaled = Synthetic.scaled(factor: self == .scale1 ? 1 : 10)
            return { try await Synthetic.compileAll(scaled) }
        case .docx10k:
            let document = Synthetic.documentWithAppendixTable(rows: 10_000)
            return { try DOCXRenderer().render(document).count }
        case .yaml:
            let data = Data(Synthetic.largeUnitFile(megabytes: 4).text.utf8)
            return { YAMLSource.parse(data: data, displayPath: "large.yaml", bag: DiagnosticBag()) == nil ? 0 : data.count }
        case .dataloader:
            let file = Synthetic.largeUnitFile(megabytes: 4)
            let plan = Example.loaded.plan
            return { DataLoader(plan: plan).load(text: file.text, displayPath: file.path).submissions.count }
        case .docx:
            let document = Example.loaded.document
            return { try DOCXRenderer().render(document).count }
        case .html:
            let document = Example.loaded.document
            return { try HTMLRenderer().render(document).count }
        case .md:
            let document = Example.loaded.document
            return { try MarkdownRenderer().render(document).count }
        }
    }

    /// Kept out of line so that profilers show the scenario's cost under one name.
    @inline(never)
    static func run(_ work: @Sendable () async throws -> Int) async throws -> Int {
        try await work()
    }
}

let arguments = CommandLine.arguments.dropFirst()
guard let name = arguments.first, let scenario = Scenario(rawValue: name) else {
    print("usage: baocao-profile SCENARIO [COUNT]")
    for s in Scenario.allCases { print("  \(s.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(s.summary)") }
    exit(64)
}
let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 1
let work = scenario.prepare()
let done = DispatchSemaphore(value: 0)
Task.detached {
    do {
        for _ in 0..<count {
            let start = ContinuousClock.now
            let size = try await Scenario.run(work)
            print("\(scenario.rawValue): \(size) bytes/items in \(ContinuousClock.now - start)")
        }
    } catch {
        print("\(scenario.rawValue) failed: \(error)")
        exit(1)
    }
    done.signal()
}
done.wait()
