// swift-tools-version: 6.1
import Foundation
import PackageDescription

// The content-area plugins: each name is a folder Plugins/<Name> and a target "<Name>Plugin" that
// depends on BaocaoCore alone. Adding an area: its folder, its name in this list, and its type in
// Sources/BaocaoPlugins/BuiltinPlugins.swift (Plugins/README.md). The list is written out, not
// read from the disk: SwiftPM reuses the evaluated manifest while this file is unchanged, so a
// scanned folder would stay invisible to a package that has been built before.
let pluginFolders = [
    "CivilService",
    "EGovernment",
    "Generic",
    "Indices",
    "Procedures",
    "ServiceCentre",
]
// A plugin needing a library beyond BaocaoCore names it here.
let pluginExtraDependencies: [String: [Target.Dependency]] = [
    "Generic": [.product(name: "Mustache", package: "swift-mustache")]
]
let pluginTargets: [Target] = pluginFolders.map {
    .target(name: "\($0)Plugin", dependencies: ["BaocaoCore"] + (pluginExtraDependencies[$0] ?? []), path: "Plugins/\($0)")
}
let pluginProducts: [Target.Dependency] = pluginFolders.map { .target(name: "\($0)Plugin") }

// Layering (each layer knows only the ones above it):
//   BaocaoDocument  – the document model every renderer reads, and Vietnamese formatting
//   BaocaoCore      – plans, periods, unit data, the plugin API, the engine that merges sections
//   Plugins/<Area>  – one target per content area; each imports BaocaoCore only
//   BaocaoPlugins   – the one explicit list of built-in plugins
//   BaocaoRender    – renderers; they import BaocaoDocument only
//   BaocaoWorkspace – the period's application logic: loading a workspace, compiling into
//                     versions, import, status, diff, sent marks, forms, atomic writes and locks
//   BaocaoAccounts  – the workspace database (SQLite via GRDB): accounts, sessions, audit log
//   BaocaoServer    – `baocao serve`: the web face over BaocaoWorkspace and BaocaoAccounts
//   BaocaoCLI       – the `baocao` commands, a thin face over BaocaoWorkspace (parse, call,
//                     print); `baocao` is its thin executable
//   BaocaoSystem    – (C) the system calls Swift's Glibc module does not expose
let package = Package(
    name: "baocao",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "baocao", targets: ["baocao"]),
        .library(name: "BaocaoCore", targets: ["BaocaoCore"]),
        .library(name: "BaocaoRender", targets: ["BaocaoRender"]),
        .library(name: "BaocaoPlugins", targets: ["BaocaoPlugins"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        // The web workspace (`baocao serve`): accounts in SQLite, bcrypt hashes, the HTTP server.
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .target(name: "BaocaoDocument"),
        .target(
            name: "BaocaoCore",
            dependencies: [
                "BaocaoDocument",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "BaocaoRender",
            dependencies: ["BaocaoDocument", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Schema"]
        ),
        .target(name: "BaocaoPlugins", dependencies: ["BaocaoCore"] + pluginProducts),
        .target(name: "BaocaoSheets", dependencies: ["BaocaoCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "BaocaoSystem"),
        .target(
            name: "BaocaoWorkspace",
            dependencies: [
                "BaocaoCore", "BaocaoRender", "BaocaoPlugins", "BaocaoSheets", "BaocaoSystem",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "BaocaoAccounts",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "BaocaoServer",
            dependencies: [
                "BaocaoWorkspace", "BaocaoAccounts", "BaocaoCore", "BaocaoPlugins", "BaocaoRender", "BaocaoSheets",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "BaocaoCLI",
            dependencies: [
                "BaocaoWorkspace", "BaocaoAccounts", "BaocaoServer", "BaocaoCore", "BaocaoRender", "BaocaoPlugins", "BaocaoSheets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "baocao", dependencies: ["BaocaoCLI"]),

        // The tests' own example workspace (Tests/Fixtures/workspace), copied to temporary folders.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "BaocaoDocumentTests", dependencies: ["BaocaoDocument"]),
        .testTarget(
            name: "BaocaoCoreTests",
            dependencies: [
                "BaocaoCore", .product(name: "PropertyBased", package: "swift-property-based"), .product(name: "Yams", package: "Yams"),
                "TestSupport",
            ],
            exclude: ["Corpus"]
        ),
        .testTarget(name: "BaocaoRenderTests", dependencies: ["BaocaoRender", "BaocaoDocument"]),
        .testTarget(name: "BaocaoSheetsTests", dependencies: ["BaocaoSheets", "BaocaoCore"]),
        .testTarget(
            name: "PluginTests",
            dependencies: ["BaocaoCore", "BaocaoPlugins", "BaocaoRender", "TestSupport"] + pluginProducts,
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "BaocaoCLI", "BaocaoWorkspace", "BaocaoCore", "BaocaoRender", "BaocaoPlugins", "BaocaoSheets", "TestSupport",
            ],
            exclude: ["Golden"]
        ),
    ] + pluginTargets,
    swiftLanguageModes: [.v6]
)
