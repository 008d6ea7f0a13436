import BaocaoCore
import Foundation

/// A small plan, valid as written; tests break one line of it at a time. Line numbers in the
/// tests refer to this text (line 1 is `plan:`).
let minimalPlan = """
    plan:
      title: Kế hoạch thử nghiệm năm 2026
      year: 2026
      basis:
        kind: Quyết định
        number: 1/QĐ-UBND
        date: 2026-01-05
        issuer: Chủ tịch UBND tỉnh
        subject: về việc thử nghiệm
      parent_body: UBND TỈNH SƠN LA
      issuing_body: VĂN PHÒNG
      issuing_body_name: Văn phòng UBND tỉnh
      place: Sơn La
      document_code: BC-VPUBND
    units:
      - id: a
        name: Phòng A
      - id: b
        name: Phòng B
        short_name: PB
      - id: ngoai
        name: Sở Ngoài
        kind: external
    purposes:
      - number: "1.1"
        text: Mục đích.
    requirements:
      - number: "2.1"
        text: Yêu cầu.
    tasks:
      - number: II.1
        title: Nhiệm vụ một
        content: [Nội dung.]
        timeline: Thường xuyên trong năm
        timeline_kind: regular
        lead: [a]
        coordinating: [b, ngoai]
        areas: [alpha]
    areas:
      - id: alpha
        title: Lĩnh vực Alpha
        plugin: echo
        order: 20
        indicators:
          - id: received
            label: Hồ sơ tiếp nhận
            measure: hồ sơ
            kind: count
            reported_by: [a]
          - id: on_time
            label: Hồ sơ đúng hạn
            measure: hồ sơ
            kind: count
            part_of: received
          - id: rate
            label: Tỷ lệ đúng hạn
            measure: "%"
            kind: percent
            ratio_of:
              numerator: [on_time]
              denominator: [received]
          - id: score
            label: Điểm
            measure: điểm
            kind: score
            scale_max: 100
          - id: carried
            label: Tồn đầu kỳ
            measure: hồ sơ
            kind: count
            aggregate: first
      - id: beta
        title: Lĩnh vực Beta
        plugin: echo
        order: 10
        indicators:
          - id: news
            label: Tin bài
            measure: tin, bài
            kind: count
            monthly: true
    reporting:
      periods:
        - kind: Q1
        - kind: H1
          window: {from: "12-10", to: "06-10"}
          deadline: "06-15"
        - kind: Q3
        - kind: year
      subject: Kết quả thử nghiệm
      addressees: [Ủy ban nhân dân tỉnh]
      recipients: [Sở Nội vụ]
      drafting_unit: TCHCQT
      signer:
        authority: KT. CHÁNH VĂN PHÒNG
        title: PHÓ CHÁNH VĂN PHÒNG
        name: Nguyễn Văn A
    """

/// A plugin that writes its area's totals as one sentence, for engine tests.
struct EchoPlugin: SectionPlugin {
    static let descriptor = PluginDescriptor(
        id: "echo", title: "Echo", summary: "Writes the area's totals.", options: [PluginOption("verbose", "Say more.")])

    func makeSection(_ context: SectionContext) throws -> Section {
        let parts = context.area.indicators.compactMap { ind in context.value(ind.id).map { "\(ind.id)=\(context.format($0, ind.id))" } }
        var blocks: [Block] = [.paragraph(Paragraph("\(context.area.id): \(parts.joined(separator: ", "))"))]
        if let phrase = context.comparisonPhrase("received") { blocks.append(.paragraph(Paragraph(phrase))) }
        return Section(
            blocks: blocks, achievements: [Finding("\(context.area.id) đạt")],
            limitations: [Finding("\(context.area.id) chưa đạt", cause: "thiếu người")],
            nextTasks: [Finding("Tiếp tục \(context.area.id)")],
            diagnostics: [context.warning("\(context.area.id) thiếu gì đó")])
    }
}

/// A plugin that always fails.
struct FailingPlugin: SectionPlugin {
    static let descriptor = PluginDescriptor(id: "echo", title: "Failing", summary: "Throws.")
    func makeSection(_ context: SectionContext) throws -> Section { throw PluginError("hỏng") }
}

let testRegistry = PluginRegistry([EchoPlugin.self])

/// Loads `text` as a plan (default: the minimal plan).
func loadPlan(_ text: String = minimalPlan, registry: PluginRegistry = testRegistry) -> PlanLoader.Result {
    PlanLoader(plugins: registry.descriptors).load(text: text, displayPath: "plan.yaml")
}

/// The minimal plan with `old` replaced by `new` (which must occur exactly once).
func planReplacing(_ old: String, with new: String) -> String {
    precondition(minimalPlan.components(separatedBy: old).count == 2, "'\(old)' must occur once in the fixture")
    return minimalPlan.replacingOccurrences(of: old, with: new)
}

/// The errors' descriptions, for exact comparisons.
func errors(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.filter { $0.severity == .error }.map(\.description)
}

func validPlan() throws -> Plan {
    let result = loadPlan()
    guard let plan = result.plan else { throw PluginError(result.diagnostics.map(\.description).joined(separator: "\n")) }
    return plan
}

/// How long a hostile input may take before a test calls it a hang. The bound catches a loop that
/// never ends or work that grows without limit, not slowness: a loaded machine (CI's two cores
/// shared with a build) can take several times the usual second, and speed is measured by the
/// benchmarks in Benchmarks/, not asserted by tests.
let hangBound: Duration = .seconds(60)
