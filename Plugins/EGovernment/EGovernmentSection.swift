import BaocaoCore

// TEMPORARY STUB — replaced by the real plugin before commit.
public struct EGovernmentSection: SectionPlugin {
    public static let descriptor = PluginDescriptor(id: "e-government", title: "Xây dựng và phát triển Chính quyền điện tử, chính quyền số", summary: "WIP")
    public init() {}
    public func makeSection(_ context: SectionContext) throws -> Section { Section() }
}
