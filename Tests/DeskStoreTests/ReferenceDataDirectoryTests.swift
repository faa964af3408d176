import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing

@Suite struct ReferenceDataDirectoryTests {
    private static let shippedData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    private func locate(
        _ temp: TemporaryDirectory, explicit: String? = nil, environment: [String: String] = [:],
        executable: String = "app/bin/mladesk", workingDirectory: String = "work"
    ) throws(ReferenceDataError) -> String {
        try DataDirectory.locate(
            explicit: explicit, environment: environment, executablePath: temp.path(executable),
            workingDirectory: temp.path(workingDirectory)
        ).path
    }

    /// Every candidate exists, so each step shows it beats all those after it.
    private func fullLayout() throws -> TemporaryDirectory {
        let temp = try TemporaryDirectory("reference")
        try temp.dataFolder("explicit")
        try temp.dataFolder("env")
        try temp.dataFolder("pkg/.build/debug/Data")
        try temp.dataFolder("pkg/.build/share/mladesk/Data")
        try temp.folder("pkg", files: ["Package.swift": Data("// swift-tools-version:6.1\n".utf8)])
        try temp.dataFolder("pkg/Data")
        try temp.dataFolder("work/Data")
        return temp
    }

    @Test func explicitBeatsEnvironment() throws {
        let temp = try fullLayout()
        let found = try locate(temp, explicit: temp.path("explicit"),
                               environment: ["MLADESK_DATA": temp.path("env")], executable: "pkg/.build/debug/mladesk")
        #expect(found == temp.path("explicit"))
    }

    @Test func environmentBeatsExecutableFolder() throws {
        let temp = try fullLayout()
        let found = try locate(temp, environment: ["MLADESK_DATA": temp.path("env")],
                               executable: "pkg/.build/debug/mladesk")
        #expect(found == temp.path("env"))
    }

    @Test func executableFolderBeatsShareAndPackageRoot() throws {
        let temp = try fullLayout()
        #expect(try locate(temp, executable: "pkg/.build/debug/mladesk") == temp.path("pkg/.build/debug/Data"))
    }

    @Test func shareFolderBeatsPackageRoot() throws {
        let temp = try fullLayout()
        try FileManager.default.removeItem(atPath: temp.path("pkg/.build/debug/Data"))
        #expect(try locate(temp, executable: "pkg/.build/debug/mladesk") == temp.path("pkg/.build/share/mladesk/Data"))
    }

    @Test func packageRootBeatsWorkingDirectory() throws {
        let temp = try fullLayout()
        try FileManager.default.removeItem(atPath: temp.path("pkg/.build/debug/Data"))
        try FileManager.default.removeItem(atPath: temp.path("pkg/.build/share"))
        #expect(try locate(temp, executable: "pkg/.build/debug/mladesk") == temp.path("pkg/Data"))
    }

    @Test func workingDirectoryIsTheLastResort() throws {
        let temp = try fullLayout()
        #expect(try locate(temp, executable: "elsewhere/bin/mladesk") == temp.path("work/Data"))
    }

    @Test func folderWithoutReferenceFilesIsPassedOver() throws {
        let temp = try fullLayout()
        try temp.folder("app/bin/Data")
        #expect(try locate(temp, executable: "app/bin/mladesk") == temp.path("work/Data"))
    }

    @Test func relativeExplicitPathIsResolvedAgainstWorkingDirectory() throws {
        let temp = try fullLayout()
        #expect(try locate(temp, explicit: "../explicit") == temp.path("explicit"))
    }

    @Test func missingExplicitFolderIsAnErrorNotAFallback() throws {
        let temp = try fullLayout()
        #expect(throws: ReferenceDataError(file: temp.path("nowhere"), message: "no such folder (named by --data)")) {
            try locate(temp, explicit: temp.path("nowhere"))
        }
        #expect(throws: ReferenceDataError(file: temp.path("nowhere"), message: "no such folder (named by MLADESK_DATA)")) {
            try locate(temp, environment: ["MLADESK_DATA": temp.path("nowhere")])
        }
    }

    @Test func errorListsThePlacesLookedIn() throws {
        let temp = try TemporaryDirectory("reference")
        do {
            _ = try locate(temp, executable: "app/bin/mladesk")
            Issue.record("expected no data folder to be found")
        } catch {
            #expect(error.message.contains(temp.path("app/bin/Data")))
            #expect(error.message.contains(temp.path("app/share/mladesk/Data")))
            #expect(error.message.contains(temp.path("work/Data")))
            #expect(error.message.contains("--data"))
        }
    }

    @Test func loadsTheShippedData() throws {
        let data = try DataDirectory.loadReferenceData(from: Self.shippedData)
        #expect(data.country("DE")?.name == "Germany")
        #expect(data.requestType("subscriber_info") != nil)
        #expect(data.channel("interpol")?.isMLA == false)
    }

    @Test func loadErrorsCarryTheFullPath() throws {
        let temp = try TemporaryDirectory("reference")
        var files: [String: Data] = [:]
        for name in ReferenceData.requiredFiles {
            files[name] = try Data(contentsOf: Self.shippedData.appendingPathComponent(name))
        }
        files["offences.json"] = nil
        let folder = try temp.folder("Data", files: files)
        #expect(throws: ReferenceDataError(file: temp.path("Data/offences.json"), message: "file is missing")) {
            try DataDirectory.loadReferenceData(from: URL(fileURLWithPath: folder))
        }
        try Data(#"{"version": 1, "channels": [{"id": "x"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: temp.path("Data/channels.json")))
        #expect(throws: ReferenceDataError(
            file: temp.path("Data/channels.json"), key: "channels[0].label", message: "required field is missing")
        ) {
            try DataDirectory.loadReferenceData(from: URL(fileURLWithPath: folder))
        }
    }
}
