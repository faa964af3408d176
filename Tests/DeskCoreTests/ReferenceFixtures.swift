import DeskCore
import Foundation

/// The reference files shipped in the package's `Data/` folder, and ways to break them.
enum ReferenceFixtures {
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    static func shippedFiles() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in ReferenceData.requiredFiles {
            files[name] = try Data(contentsOf: dataDirectory.appendingPathComponent(name))
        }
        return files
    }

    /// The shipped files with one of them replaced by `json`.
    static func shippedFiles(replacing name: String, with json: String) throws -> [String: Data] {
        var files = try shippedFiles()
        files[name] = Data(json.utf8)
        return files
    }

    /// The error `decode(files:)` throws, or `nil` when the files are valid.
    static func decodeError(_ files: [String: Data]) -> ReferenceDataError? {
        do {
            _ = try ReferenceData.decode(files: files)
            return nil
        } catch {
            return error
        }
    }
}
