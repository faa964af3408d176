// swift-tools-version:6.1
import Foundation
import PackageDescription

/// libFuzzer targets for MLA Desk, kept out of the main package so that `swift test` never
/// builds them. See README.md.
///
/// A package found by path is named after its folder, which differs between clones.
let desk = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "mladesk-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "ArchiveFuzzer",
            dependencies: [.product(name: "DeskStore", package: desk)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
