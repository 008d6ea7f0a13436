import BaocaoCore

// TEMPORARY STUB — replaced by the real plugin before commit.
public struct CivilServiceSection: SectionPlugin {
    public static let descriptor = PluginDescriptor(id: "civil-service", title: "Cải cách tổ chức bộ máy và chế độ công vụ", summary: "WIP")
    public init() {}
    public func makeSection(_ context: SectionContext) throws -> Section { Section() }
}
