import BaocaoCore
import BaocaoPlugins
import BaocaoSheets
import Foundation
import TestSupport
import XCTest

/// The messages README.md quotes are the program's own, word for word: the officer's cycle is
/// played in a copy of the fixture workspace, from its folder as the README says, and every
/// quoted message must appear in what the program printed. A message quoted in the README that
/// no step here produces fails the test, so the README cannot drift from the program.
final class ReadmeMessagesTests: XCTestCase {
    /// Backticked spans of the README that quote a message: a located error or warning, or a
    /// cell of a workbook. Descriptions of the format ("…") are not messages.
    static func quotedMessages(_ readme: String) -> [String] {
        readme.components(separatedBy: "`").enumerated().compactMap { index, span in
            guard index % 2 == 1, !span.contains("…"), !span.contains("\n") else { return nil }
            let isMessage =
                span.contains(": error: ") || span.contains(": warning: ") || span.contains("trang tính '")
                || span.contains("Hãy chạy lệnh")
            return isMessage ? span : nil
        }
    }

    func testEveryMessageTheReadmeQuotesIsPrintedByTheProgram() async throws {
        let readme = try FixtureWorkspace.checkoutDocument("README.md")
        let quoted = Self.quotedMessages(readme)
        XCTAssertGreaterThanOrEqual(quoted.count, 2, "the README's quoted messages were not found:\n\(quoted)")

        let workspace = try FixtureWorkspace.copy()
        defer { workspace.remove() }
        let printed = try await Self.playTheReadme(in: workspace)
        for message in quoted {
            XCTAssertTrue(
                printed.contains(message), "README.md quotes a message the program does not print:\n  \(message)\nprinted:\n\(printed)")
        }
    }

    /// The README's steps that print the messages it quotes, run from the workspace's folder
    /// (so paths read `Plans/…` as there); everything printed, joined.
    static func playTheReadme(in workspace: FixtureWorkspace) async throws -> String {
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(workspace.root.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        var printed: [Run] = []

        // "Một kỳ báo cáo", step 2: a workbook comes back with text where a number belongs.
        let plan = try XCTUnwrap(PlanLoader(plugins: BuiltinPlugins.registry.descriptors).load(path: workspace.plan).plan)
        let form = FormWorkbook(UnitForm(plan: plan, unit: try XCTUnwrap(plan.unit("ttpvhcc")), period: try XCTUnwrap(Period("2026-Q4"))))
        var book = form.workbook()
        book[sheet: FormLayout.figuresSheet]!.fill(try XCTUnwrap(form.rows["hs_moi_truc_tuyen"]).value, .text("abc"))
        let workbook = workspace.root.appendingPathComponent("ttpvhcc-2026-Q4.xlsx")
        try XLSXWriter().write(book).write(to: workbook)
        printed.append(await baocao("import", workbook.lastPathComponent))

        // "Thêm số liệu của một kỳ": last quarter's file copied, its period and one figure edited.
        let q3 = try String(contentsOf: workspace.dataURL.appendingPathComponent("2026-Q3/ttpvhcc.yaml"), encoding: .utf8)
        let q4 = q3.replacingOccurrences(of: "period: 2026-Q3", with: "period: 2026-Q4")
            .replacingOccurrences(of: "hs_moi_truc_tuyen: 6905", with: "hs_moi_truc_tuyen: -4")
        XCTAssertNotEqual(q4, q3)
        let folder = workspace.dataURL.appendingPathComponent("2026-Q4")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(q4.utf8).write(to: folder.appendingPathComponent("ttpvhcc.yaml"))
        printed.append(await baocao("validate"))

        // "Hai kế hoạch cùng lúc": a command run inside Output/ is told where to run.
        try FileManager.default.createDirectory(at: workspace.output, withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(workspace.output.path))
        printed.append(await baocao("versions"))

        return printed.map { $0.out + $0.err }.joined(separator: "\n")
    }
}
