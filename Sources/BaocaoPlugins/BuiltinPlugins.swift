import BaocaoCore
import CivilServicePlugin
import EGovernmentPlugin
import GenericPlugin
import IndicesPlugin
import ProceduresPlugin
import ServiceCentrePlugin

/// The built-in section plugins: per content area, its import above and its type here (and its
/// folder's name in Package.swift's `pluginFolders`; Plugins/README.md). `RegistryTests` fails
/// when a folder under `Plugins/` has no plugin in this list; every plugin listed has its
/// examples run by `ExampleTests`.
public enum BuiltinPlugins {
    public static let all: [any SectionPlugin.Type] = [
        ProceduresSection.self,
        EGovernmentSection.self,
        CivilServiceSection.self,
        IndicesSection.self,
        ServiceCentreSection.self,
        GenericSection.self,
    ]

    public static var registry: PluginRegistry { PluginRegistry(all) }
}
