import BaocaoCore

// TEMPORARY STUB — replaced by the real plugin before commit.
public struct IndicesSection: SectionPlugin {
    public static let descriptor = PluginDescriptor(id: "indices", title: "Kết quả các chỉ số", summary: "WIP")
    public init() {}
    public func makeSection(_ context: SectionContext) throws -> Section { Section() }
}
