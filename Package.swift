// swift-tools-version:6.0
import PackageDescription

// Dependency direction (arrows point at dependencies, nothing points upward):
//   dnssec-check → DNSSEC → LDNSBridge → CLDNS (C: ldns + OpenSSL)
//        │             └──────────┴──→ DNSModel (pure Swift values)
//        └→ DNSTransport → SwiftNIO, LDNSBridge, DNSModel
// See docs/ARCHITECTURE.md.
let package = Package(
    name: "dnssec-check",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dnssec-check", targets: ["dnssec-check"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLDNS",
            pkgConfig: "ldns",
            providers: [.apt(["libldns-dev", "libssl-dev"]), .brew(["ldns"])]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .systemLibrary(
            name: "CIDN2",
            pkgConfig: "libidn2",
            providers: [.apt(["libidn2-dev"]), .brew(["libidn2"])]
        ),
        .target(name: "DNSModel"),
        // Internationalized names to A-labels, through libidn2.
        .target(name: "IDNBridge", dependencies: ["CIDN2"]),
        .target(name: "LDNSBridge", dependencies: ["CLDNS", "DNSModel"]),
        .target(name: "DNSSEC", dependencies: ["DNSModel", "LDNSBridge"]),
        .target(
            name: "DNSTransport",
            dependencies: [
                "DNSModel", "LDNSBridge",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(name: "DNSSECProbe", dependencies: ["DNSModel", "LDNSBridge", "DNSTransport"]),
        .target(name: "DNSSECAnalysis", dependencies: ["DNSModel", "LDNSBridge", "DNSSEC"]),
        .target(name: "DNSSECReport", dependencies: ["DNSModel", "LDNSBridge", "DNSSECAnalysis"]),
        // DOT, SVG/PNG (laid out through GraphvizBridge) and the HTML report.
        .target(name: "GraphvizBridge", dependencies: ["CGraphviz"]),
        .target(name: "DNSSECGraph", dependencies: ["DNSModel", "LDNSBridge", "DNSSECAnalysis", "DNSSECReport"]),
        // Offline verification of signed zone files (`dnssec-check zone`).
        .target(name: "ZoneVerify", dependencies: ["DNSModel", "LDNSBridge", "DNSSEC", "DNSSECAnalysis", "DNSSECReport"]),
        // Running programs from tests; only test targets depend on it.
        .target(name: "DNSSECTestSupport"),
        .executableTarget(
            name: "dnssec-check",
            dependencies: [
                "DNSModel", "LDNSBridge", "IDNBridge", "DNSSEC", "DNSTransport", "DNSSECProbe", "DNSSECAnalysis", "DNSSECReport",
                "DNSSECGraph", "GraphvizBridge", "ZoneVerify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DNSModelTests", dependencies: ["DNSModel", "LDNSBridge", "DNSSECTestSupport"]),
        .testTarget(
            name: "DNSSECTests",
            dependencies: ["DNSModel", "LDNSBridge", "DNSSEC"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DNSTransportTests",
            dependencies: [
                "DNSModel", "LDNSBridge", "DNSTransport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "AnalysisTests",
            dependencies: ["DNSModel", "DNSSEC", "DNSTransport", "DNSSECProbe", "DNSSECAnalysis", "DNSSECReport",
                           "DNSSECTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "LabTests", dependencies: ["DNSModel", "DNSSECTestSupport"]),
        .testTarget(
            name: "ReportTests",
            dependencies: ["DNSModel", "DNSTransport", "DNSSECProbe", "DNSSECAnalysis", "DNSSECReport", "DNSSECGraph",
                           "GraphvizBridge", "DNSSECTestSupport"],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "CLITests", dependencies: ["DNSModel", "DNSSECTestSupport"]),
        .testTarget(name: "ZoneVerifyTests", dependencies: ["DNSModel", "LDNSBridge", "DNSSEC", "DNSSECAnalysis", "ZoneVerify",
                                                            "DNSSECTestSupport"]),
    ]
)

// libFuzzer targets (docs/limits.md, "Fuzzing"), declared only when scripts/fuzz
// builds them (DNSSEC_CHECK_FUZZ=1, with --sanitize=fuzzer, in .build-fuzz): a
// normal `swift build` or `swift test` neither sees nor builds them.
if Context.environment["DNSSEC_CHECK_FUZZ"] == "1" {
    package.products += [
        .executable(name: "FuzzWireFormat", targets: ["FuzzWireFormat"]),
        .executable(name: "FuzzCaptureAnalysis", targets: ["FuzzCaptureAnalysis"]),
    ]
    package.targets += [
        .executableTarget(name: "FuzzWireFormat", dependencies: ["DNSModel", "LDNSBridge"],
                          path: "Sources/Fuzz/FuzzWireFormat"),
        .executableTarget(
            name: "FuzzCaptureAnalysis",
            dependencies: ["DNSModel", "LDNSBridge", "DNSTransport", "DNSSECProbe", "DNSSECAnalysis", "DNSSECReport",
                           "DNSSECGraph"],
            path: "Sources/Fuzz/FuzzCaptureAnalysis"
        ),
    ]
}
