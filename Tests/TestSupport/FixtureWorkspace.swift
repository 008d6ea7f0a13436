import Foundation

/// The example workspace the tests use: a frozen copy of the 2026 plan and its example unit data
/// (`Tests/Fixtures/workspace`), made when the tests stopped reading the checkout's folders.
///
/// Tests never read or write the checkout's plan folder or output folder: the officer's cycle
/// adds periods and next year's plan there, and other work adds example data, and neither may
/// change a test's result. A test copies this workspace into a temporary folder, either its own
/// (`copy()`, which it may change) or the one shared by the test process (`shared`, read only).
public struct FixtureWorkspace: Sendable {
    /// The name of a workspace's plan folder (plans, and unit data under `data/`).
    public static let plansFolderName = "Plans"
    /// The name of a workspace's report folder.
    public static let outputFolderName = "Output"
    /// The plan file of the fixture.
    public static let planFileName = "ke-hoach-tuyen-truyen-cchc-2026.yaml"

    /// The package root, found from this file's path: for sources, schemas and documentation,
    /// never for the checkout's plans or reports.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The frozen fixture itself; read only by `copy()`.
    static let frozen = packageRoot.appendingPathComponent("Tests/Fixtures/workspace")

    /// The copy's root folder (holds the plan folder; reports go to `output`).
    public let root: URL

    /// The plan folder of the copy.
    public var plans: URL { root.appendingPathComponent(Self.plansFolderName) }
    /// The 2026 plan of the copy.
    public var planURL: URL { plans.appendingPathComponent(Self.planFileName) }
    public var plan: String { planURL.path }
    /// The unit data folder of the copy.
    public var dataURL: URL { plans.appendingPathComponent("data") }
    public var data: String { dataURL.path }
    /// The report folder of the copy (not created until something is written).
    public var output: URL { root.appendingPathComponent(Self.outputFolderName) }

    /// A fresh copy of the workspace in a new temporary folder, for a test that changes it;
    /// the test removes it (`remove()`).
    public static func copy() throws -> FixtureWorkspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: frozen.path) {
            try FileManager.default.copyItem(at: frozen.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        return FixtureWorkspace(root: root)
    }

    /// One copy for the whole test process, for tests that only read the plan and data (they
    /// write reports to folders of their own). Removed when the process exits.
    public static let shared: FixtureWorkspace = {
        do {
            let workspace = try copy()
            atexit { FixtureWorkspace.shared.remove() }
            return workspace
        } catch {
            fatalError("cannot copy the test fixture \(frozen.path) to a temporary folder: \(error)")
        }
    }()

    /// Removes the copy.
    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A documentation file of the checkout (a `.md` file, such as the plan format's README),
    /// read by tests that check the documentation stays true. Plans and data are never read
    /// from the checkout.
    public static func checkoutDocument(_ relativePath: String) throws -> String {
        precondition(relativePath.hasSuffix(".md"), "only documentation is read from the checkout, not \(relativePath)")
        return try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }
}
