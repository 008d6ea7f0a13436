/// The plugins an engine may run, looked up by id.
public struct PluginRegistry: Sendable {
    public let plugins: [any SectionPlugin.Type]

    public init(_ plugins: [any SectionPlugin.Type]) {
        self.plugins = plugins
    }

    public var descriptors: [PluginDescriptor] { plugins.map { $0.descriptor } }

    public func plugin(id: String) -> (any SectionPlugin.Type)? {
        plugins.first { $0.descriptor.id == id }
    }

    /// Ids registered more than once (a registry test keeps this empty).
    public var duplicateIDs: [String] {
        var seen = Set<String>()
        return descriptors.map(\.id).filter { !seen.insert($0).inserted }
    }
}
