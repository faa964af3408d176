// swift-tools-version:6.1
import PackageDescription

/// Layers, arrows pointing down only:
/// mladesk → DeskApp → {TermUI, DeskStore} → DeskCore; TermNcurses → TermUI → (nothing of ours).
let package = Package(
    name: "mladesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mladesk", targets: ["mladesk"]),
        /// For the fuzz targets in Fuzz/, which depend on this package by path.
        .library(name: "DeskStore", targets: ["DeskStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "DeskCore"),
        .target(name: "CSQLiteSettings", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "DeskStore",
            dependencies: [
                "DeskCore", "CSQLiteSettings",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "TermUI"),
        .target(name: "TermNcurses", dependencies: ["TermUI", "CNcursesw"]),
        .target(name: "DeskApp", dependencies: ["DeskCore", "DeskStore", "TermUI"]),
        .executableTarget(
            name: "mladesk",
            dependencies: [
                "DeskCore", "DeskStore", "DeskApp", "TermUI", "TermNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(
            name: "mladesk-bench",
            dependencies: [
                "DeskCore", "DeskStore", "DeskApp", "TermUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "DeskTestSupport",
            dependencies: ["DeskCore", "DeskStore", "TermUI", "DeskApp"],
            path: "Tests/DeskTestSupport"
        ),
        .testTarget(name: "DeskCoreTests", dependencies: ["DeskCore", "DeskTestSupport"]),
        .testTarget(name: "DeskStoreTests", dependencies: ["DeskStore", "DeskTestSupport"]),
        .testTarget(name: "TermUITests", dependencies: ["TermUI", "DeskTestSupport"]),
        .testTarget(name: "DeskAppTests", dependencies: ["DeskApp", "DeskTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DeskTestSupport", "mladesk", "mladesk-bench"]),
        /// A second program on a desk for the reliability tests; never shipped.
        .executableTarget(name: "desk-stress", dependencies: ["DeskCore", "DeskStore", "DeskTestSupport"],
                          path: "Tests/DeskStress"),
        /// Crashes, write errors, full disks, second processes, damaged files, hostile input and
        /// signals, each injected for real (docs/reliability.md).
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "DeskStore", "DeskTestSupport", "mladesk", "desk-stress",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
