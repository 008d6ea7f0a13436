import BaocaoServer
import Foundation
import Hummingbird
import TestSupport
import XCTest

/// A whole period in a real browser: `browser_e2e.py` drives headless Chromium (selenium)
/// against the server listening on a random loopback port over a copy of the fixture.
final class BrowserTests: XCTestCase {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("browser_e2e.py").path

    func testAWholePeriodInTheBrowser() async throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let driver = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        let selenium = run(["/usr/bin/env", "python3", "-c", "import selenium"], timeout: 30).status == 0
        guard chromium != nil, driver, selenium else {
            throw XCTSkip(
                "browser test skipped: needs Debian's chromium and chromium-driver and Python's selenium (.ci/run installs them)")
        }
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-browser-\(UUID().uuidString)")
        let ports = PortBox()
        let app = fixture.server.application(host: "127.0.0.1", port: 0) { port in ports.set(port) }
        let serving = Task { try await app.run() }
        defer { serving.cancel() }
        let port = try await ports.wait()
        let result = run(
            ["/usr/bin/env", "python3", Self.script, "--url", "http://127.0.0.1:\(port)", "--out", out.path], timeout: 300)
        print(result.output)
        XCTAssertEqual(result.status, 0, result.output)
        let shots = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".png") }
        XCTAssertGreaterThanOrEqual(shots.count, 10, "a screenshot of each page in \(out.path)")
        print("BrowserTests: screenshots in \(out.path)")
        // What the browser saved is the YAML the CLI reads.
        let saved = try String(contentsOf: fixture.workspace.dataURL.appendingPathComponent("2026-Q4/ttpvhcc.yaml"), encoding: .utf8)
        XCTAssertTrue(saved.contains("\n  hs_ky_truoc: 631\n"), saved)
        let actions = try fixture.database.auditLog().map(\.action).filter { $0 != "them-tai-khoan" }
        XCTAssertEqual(Set(actions), ["luu-so-lieu", "bien-soan", "danh-dau-da-gui"])
    }

    /// Runs a program, killing it after `timeout` seconds.
    func run(_ arguments: [String], timeout: TimeInterval) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// The port the server reports once it listens.
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?

    func set(_ value: Int) {
        lock.lock()
        port = value
        lock.unlock()
    }

    private func current() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return port
    }

    func wait() async throws -> Int {
        for _ in 0..<600 {
            if let value = current() { return value }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw XCTSkip("the server did not start listening within 30 s")
    }
}
