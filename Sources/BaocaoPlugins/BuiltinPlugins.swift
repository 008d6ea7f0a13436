import BaocaoCore
import CivilServicePlugin
import EGovernmentPlugin
import GenericPlugin
import IndicesPlugin
import ProceduresPlugin
import ServiceCentrePlugin

/// The built-in section plugins, one line per content area. `RegistryTests` fails when a
/// folder under `Plugins/` has no plugin in this list.
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
