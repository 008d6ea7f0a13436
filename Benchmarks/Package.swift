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
        // The shipped example and the generated scale data, shared by the two executables.
        .target(
            name: "BenchmarkFixtures",
            dependencies: [
                .product(name: "BaocaoCore", package: "baocao"),
                .product(name: "BaocaoPlugins", package: "baocao"),
                .product(name: "BaocaoRender", package: "baocao"),
            ]
        ),
        .executableTarget(
            name: "BaocaoBenchmarks",
            dependencies: [
                "BenchmarkFixtures",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BaocaoCore", package: "baocao"),
                .product(name: "BaocaoRender", package: "baocao"),
            ],
            path: "Benchmarks/BaocaoBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Runs one scenario a given number of times, for valgrind's callgrind (see README.md).
        .executableTarget(
            name: "baocao-profile",
            dependencies: [
                "BenchmarkFixtures",
                .product(name: "BaocaoCore", package: "baocao"),
                .product(name: "BaocaoRender", package: "baocao"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
