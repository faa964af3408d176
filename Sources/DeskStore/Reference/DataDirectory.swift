import DeskCore
import Foundation

/// Finds the folder of reference files and reads it.
///
/// The desk runs from an installed package, from a copy on removable media, or from a source
/// checkout, so the folder is searched in a fixed order and an explicit choice always wins:
/// the `--data` flag, then `MLADESK_DATA`, then `Data/` beside the executable (or
/// `../share/mladesk/Data`), then the `Data/` of the package the executable was built in, then
/// `./Data`. A folder named explicitly must exist: falling back to other data would hide the
/// mistake.
public enum DataDirectory {
    /// The environment variable that names the folder when no `--data` flag is given.
    public static let environmentVariable = "MLADESK_DATA"

    /// Returns the reference data folder, or an error listing every place it looked.
    public static func locate(
        explicit: String?, environment: [String: String], executablePath: String, workingDirectory: String
    ) throws(ReferenceDataError) -> URL {
        let workingURL = URL(fileURLWithPath: workingDirectory, isDirectory: true)
        if let explicit, !explicit.isEmpty {
            return try existingFolder(explicit, relativeTo: workingURL, source: "--data")
        }
        if let named = environment[environmentVariable], !named.isEmpty {
            return try existingFolder(named, relativeTo: workingURL, source: environmentVariable)
        }
        let executableFolder = URL(fileURLWithPath: executablePath, relativeTo: workingURL)
            .standardizedFileURL.deletingLastPathComponent()
        var looked: [String] = []
        for candidate in [
            executableFolder.appendingPathComponent("Data"),
            executableFolder.appendingPathComponent("../share/mladesk/Data").standardizedFileURL,
        ] {
            if isDataFolder(candidate) { return candidate }
            looked.append(candidate.path)
        }
        if let packageData = packageData(above: executableFolder) { return packageData }
        looked.append("Data/ beside a Package.swift above \(executableFolder.path)")
        let local = workingURL.appendingPathComponent("Data").standardizedFileURL
        if isDataFolder(local) { return local }
        looked.append(local.path)
        throw ReferenceDataError(
            file: "", message: "no reference data folder found (looked in: \(looked.joined(separator: "; "))); "
                + "name one with --data or \(environmentVariable)")
    }

    /// Reads ``ReferenceData/requiredFiles`` from `directory` and validates them; errors carry
    /// the full path of the file at fault.
    public static func loadReferenceData(from directory: URL) throws(ReferenceDataError) -> ReferenceData {
        var files: [String: Data] = [:]
        for name in ReferenceData.requiredFiles {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            do {
                files[name] = try Data(contentsOf: url)
            } catch {
                throw ReferenceDataError(file: url.path, message: "cannot be read: \(error.localizedDescription)")
            }
        }
        do {
            return try ReferenceData.decode(files: files)
        } catch {
            var located = error
            located.file = directory.appendingPathComponent(error.file).path
            throw located
        }
    }

    private static func existingFolder(
        _ path: String, relativeTo workingURL: URL, source: String
    ) throws(ReferenceDataError) -> URL {
        let url = URL(fileURLWithPath: path, relativeTo: workingURL).standardizedFileURL
        guard isFolder(url) else {
            throw ReferenceDataError(file: url.path, message: "no such folder (named by \(source))")
        }
        return url
    }

    /// Walks up from the executable's folder, as `swift run` leaves it inside `.build`.
    private static func packageData(above folder: URL) -> URL? {
        var path = folder.path
        while true {
            let data = URL(fileURLWithPath: path, isDirectory: true).appendingPathComponent("Data")
            if FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("Package.swift")),
               isDataFolder(data) {
                return data
            }
            let parent = (path as NSString).deletingLastPathComponent
            if parent.isEmpty || parent == path { return nil }
            path = parent
        }
    }

    /// A folder counts only if it holds the first reference file, so an unrelated `Data/`
    /// folder (a user's own) is passed over.
    private static func isDataFolder(_ url: URL) -> Bool {
        isFolder(url) && FileManager.default.fileExists(
            atPath: url.appendingPathComponent(ReferenceData.requiredFiles[0]).path)
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
