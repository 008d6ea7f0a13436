import BaocaoCore

public struct ProceduresSection: SectionPlugin {
    public static let descriptor = PluginDescriptor(id: "procedures", title: "Cải cách thủ tục hành chính", summary: "WIP")
    public init() {}
    public func makeSection(_ context: SectionContext) throws -> Section { Section() }
}
