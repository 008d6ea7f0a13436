import BaocaoCore
import BaocaoPlugins
import Foundation
import XCTest

/// The built-in list is the one place plugins are registered: every folder under Plugins/
/// must appear in it, once, and every area of the shipped plan must find its plugin.
final class RegistryTests: XCTestCase {
    func testEveryPluginFolderIsRegistered() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Plugins").path)
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }
        XCTAssertFalse(folders.isEmpty)
        // A plugin type's module is the folder's target, "<Folder>Plugin".
        let modules = Set(BuiltinPlugins.all.map { String(reflecting: $0).split(separator: ".").first.map(String.init) ?? "" })
        for folder in folders {
            XCTAssertTrue(
                modules.contains("\(folder)Plugin"),
                "Plugins/\(folder) has no plugin in BuiltinPlugins.all: add \"\(folder)\" to pluginFolders in Package.swift, "
                    + "and its import and type to Sources/BaocaoPlugins/BuiltinPlugins.swift (Plugins/README.md)")
        }
        XCTAssertEqual(modules.count, BuiltinPlugins.all.count, "one plugin per folder")
    }

    func testIDsAreUniqueAndDescribed() {
        XCTAssertEqual(BuiltinPlugins.registry.duplicateIDs, [])
        for d in BuiltinPlugins.registry.descriptors {
            XCTAssertFalse(d.title.isEmpty, d.id)
            XCTAssertFalse(d.summary.isEmpty, d.id)
            XCTAssertEqual(d.title, d.title.precomposedStringWithCanonicalMapping, "\(d.id): title not NFC")
        }
    }

    func testEveryAreaOfTheShippedPlanHasItsPlugin() throws {
        let plan = try Fixtures.plan()
        for area in plan.areas {
            XCTAssertNotNil(BuiltinPlugins.registry.plugin(id: area.plugin), "area \(area.id) names plugin \(area.plugin)")
        }
    }
}
