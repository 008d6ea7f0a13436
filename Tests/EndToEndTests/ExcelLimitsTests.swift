import BaocaoCore
import BaocaoSheets
import Foundation
import TestSupport
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every data validation in every Excel form stays within what Excel accepts (error title 32,
/// error message 224, input title 32, input message 255 UTF-16 code units, a written-out list
/// 255), so that no label, however long, makes Excel "repair" the file and drop the checks:
/// over the example plan and over a plan whose labels and titles are hostile.
final class ExcelLimitsTests: XCTestCase {
    static let limits: [(attribute: String, limit: Int)] = [
        ("errorTitle", ExcelLimits.errorTitle), ("error", ExcelLimits.error), ("promptTitle", ExcelLimits.promptTitle),
        ("prompt", ExcelLimits.prompt),
    ]

    /// The texts of the form's data validations that break a limit, with where they are; and how
    /// many validations there were.
    static func problems(in xlsx: Data, _ name: String) throws -> (problems: [String], validations: Int, longest: [String: Int]) {
        var problems: [String] = []
        var count = 0
        var longest: [String: Int] = [:]
        for part in try ZipParts.entries(of: xlsx) where part.path.hasPrefix("xl/worksheets/") && part.path.hasSuffix(".xml") {
            let root = try XCTUnwrap(try XMLDocument(data: part.data, options: []).rootElement())
            for validation in Self.elements(named: "dataValidation", in: root) {
                count += 1
                // A list written out in the formula holds at most 255 characters, quotes included.
                if validation.attributes?.first(where: { $0.localName == "type" })?.stringValue == "list",
                    let list = Self.elements(named: "formula1", in: validation).first?.stringValue, list.utf16.count > 255
                {
                    problems.append("\(name) \(part.path): a list of \(list.utf16.count) > 255 characters: \(list)")
                }
                for (attribute, limit) in limits {
                    // FoundationXML on Linux does not find unprefixed attributes by name in a default
                    // namespace; look through the list.
                    guard let text = validation.attributes?.first(where: { $0.localName == attribute })?.stringValue else { continue }
                    longest[attribute] = max(longest[attribute] ?? 0, text.utf16.count)
                    if text.utf16.count > limit {
                        problems.append("\(name) \(part.path): \(attribute) has \(text.utf16.count) > \(limit): \(text)")
                    }
                }
            }
        }
        return (problems, count, longest)
    }

    private static func elements(named name: String, in element: XMLElement) -> [XMLElement] {
        let children = (element.children ?? []).compactMap { $0 as? XMLElement }
        return children.filter { $0.localName == name } + children.flatMap { elements(named: name, in: $0) }
    }

    /// Every form (Excel) of every unit and every reported period of `plan`.
    private func checkEveryForm(of plan: Plan) throws -> [String: Int] {
        var validations = 0
        var longest: [String: Int] = [:]
        for period in plan.reportedPeriods {
            for unit in plan.units {
                let name = "\(unit.id) \(period.code)"
                let result = try Self.problems(in: try FormWorkbook(UnitForm(plan: plan, unit: unit, period: period)).data(), name)
                XCTAssertEqual(result.problems, [], name)
                validations += result.validations
                longest.merge(result.longest, uniquingKeysWith: max)
            }
        }
        XCTAssertGreaterThan(validations, 0, "the forms hold data validations")
        return longest
    }

    private func load(_ text: String) throws -> Plan {
        let result = PlanLoader(plugins: BuiltinPluginsForTests.descriptors).load(text: text, displayPath: "plan.yaml")
        return try XCTUnwrap(result.plan, result.diagnostics.map(\.description).joined(separator: "\n"))
    }

    func testEveryFormOfTheExamplePlanIsWithinExcelsLimits() throws {
        let plan = try load(try String(contentsOf: FixtureWorkspace.shared.planURL, encoding: .utf8))
        let longest = try checkEveryForm(of: plan)
        // The list titles stand exactly at the limit: kept whole, not cut.
        XCTAssertEqual(longest["errorTitle"], ExcelLimits.errorTitle)
    }

    /// Area titles, indicator labels and measures, and task numbers 40 times their length, with
    /// decomposed letters (e + two combining marks) and emoji sequences a cut could split.
    func testEveryFormOfAPlanWithHostileLabelsIsWithinExcelsLimits() throws {
        let text = try String(contentsOf: FixtureWorkspace.shared.planURL, encoding: .utf8)
        let long = String(repeating: "Tiê\u{0323}\u{0302}p nhận 👨‍👩‍👧 ", count: 40)
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(line)
            for key in ["label: ", "    title: ", "definition: "] {
                guard let range = line.range(of: key), line[..<range.lowerBound].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
                line = String(line[..<range.upperBound]) + "\"\(long)\""
            }
            lines.append(line)
        }
        let plan = try load(lines.joined(separator: "\n"))
        XCTAssertTrue(plan.areas.contains { $0.title.count > 400 }, "the hostile titles are in the plan")
        _ = try checkEveryForm(of: plan)
    }
}
