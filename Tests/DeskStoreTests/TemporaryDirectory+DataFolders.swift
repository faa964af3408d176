import DeskTestSupport
import Foundation

extension TemporaryDirectory {
    /// Creates `relative` as a folder holding `files` (name → contents).
    @discardableResult
    func folder(_ relative: String, files: [String: Data] = [:]) throws -> String {
        let folder = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(to: folder.appendingPathComponent(name))
        }
        return folder.path
    }

    /// Creates `relative` as a folder that looks like reference data (it holds `countries.json`).
    @discardableResult
    func dataFolder(_ relative: String) throws -> String {
        try folder(relative, files: ["countries.json": Data("{}".utf8)])
    }
}
