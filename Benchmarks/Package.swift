// swift-tools-version: 6.1
import PackageDescription

// Benchmarks of baocao, kept in their own package so that `swift test` at the root (what CI
// runs) never builds them. Run with `swift package benchmark` in this folder (see README.md).
let package = Package(
    name: "BaocaoBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named, so that the products below resolve whatever the checkout's folder is called.
        .package(name: "baocao", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "BaocaoBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BaocaoCore", package: "baocao"),
                .product(name: "BaocaoPlugins", package: "baocao"),
                .product(name: "BaocaoRender", package: "baocao"),
            ],
            path: "Benchmarks/BaocaoBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ],
    swiftLanguageModes: [.v6]
)
