import BaocaoCore

// TEMPORARY STUB — replaced by the real plugin before commit.
public struct ServiceCentreSection: SectionPlugin {
    public static let descriptor = PluginDescriptor(id: "service-centre", title: "Hoạt động của Trung tâm Phục vụ hành chính công", summary: "WIP")
    public init() {}
    public func makeSection(_ context: SectionContext) throws -> Section { Section() }
}
