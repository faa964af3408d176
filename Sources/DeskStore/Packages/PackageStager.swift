import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Copies a package folder from removable media into a private staging folder, so that every
/// later check reads files nobody else can change. Only the names a package may hold are
/// copied; anything else (an extra or hidden file, a link, a FIFO, a device, another folder,
/// a file over the limits) refuses the package before its manifest is even read.
struct PackageStager {
    var limits: PackageLimits

    /// The staged copy: each file's path inside the package with its measured size and SHA-256.
    struct Staged {
        var folder: String
        var files: [String: PrivateFiles.Measure]

        func path(_ relative: String) -> String { "\(folder)/\(relative)" }
    }

    func stage(_ named: String, into staging: String) throws -> Staged {
        // `link/` names what the link points to, for lstat as for every call after it: the
        // folder is judged by its own name.
        var source = named
        while source.count > 1, source.hasSuffix("/") { source.removeLast() }
        var info = stat()
        guard lstat(source, &info) == 0 else {
            throw DeskError.importRejected("\(source) cannot be read (\(PrivateFiles.reason()))")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw DeskError.importRejected("\(source) is \(FileKind.name(info.st_mode)), not a package folder")
        }
        let plan = try inventory(source)
        try PrivateFiles.makeDirectory("\(staging)/\(PackageLayout.payloadFolder)")
        try PrivateFiles.makeDirectory("\(staging)/\(PackageLayout.blobsFolder)")
        var staged = Staged(folder: staging, files: [:])
        var budget = limits.maxTotalBytes
        for relative in plan {
            let cap = relative == PackageLayout.manifest ? min(budget, limits.maxManifestBytes) : budget
            do {
                let measure = try PrivateFiles.copy(from: "\(source)/\(relative)", to: staged.path(relative), maxBytes: cap)
                budget -= measure.size
                staged.files[relative] = measure
            } catch {
                throw DeskError.importRejected("\(relative) \(error.text)")
            }
        }
        return staged
    }

    /// Lists what the package folder holds and checks every name and type before copying.
    private func inventory(_ source: String) throws -> [String] {
        var files: [String] = []
        var total: Int64 = 0
        func add(_ relative: String) throws {
            var info = stat()
            guard lstat("\(source)/\(relative)", &info) == 0 else {
                throw DeskError.importRejected("\(relative) cannot be read (\(PrivateFiles.reason()))")
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw DeskError.importRejected("\(relative) is \(FileKind.name(info.st_mode)), not a regular file")
            }
            if relative == PackageLayout.manifest && Int64(info.st_size) > limits.maxManifestBytes {
                throw DeskError.importRejected("\(relative) is larger than the limit of \(limits.maxManifestBytes) bytes")
            }
            total += Int64(info.st_size)
            guard total <= limits.maxTotalBytes else {
                throw DeskError.importRejected("the package is larger than the limit of \(limits.maxTotalBytes) bytes")
            }
            files.append(relative)
            guard files.count <= limits.maxFiles else {
                throw DeskError.importRejected("the package holds more than \(limits.maxFiles) files")
            }
        }
        for name in try entries(source, label: "the package folder") {
            switch name {
            case PackageLayout.manifest, PackageLayout.signature:
                try add(name)
            case PackageLayout.payloadFolder:
                try requireFolder(source, name)
                for inner in try entries("\(source)/\(name)", label: name) {
                    guard inner == PackageLayout.requestsName else { throw unexpected("\(name)/\(inner)") }
                    try add("\(name)/\(inner)")
                }
            case PackageLayout.blobsFolder:
                try requireFolder(source, name)
                for inner in try entries("\(source)/\(name)", label: name) {
                    guard PackageLayout.isDigest(inner) else { throw unexpected("\(name)/\(inner)") }
                    try add("\(name)/\(inner)")
                }
            default:
                throw unexpected(name)
            }
        }
        for required in [PackageLayout.manifest, PackageLayout.signature] where !files.contains(required) {
            throw DeskError.importRejected("the package has no \(required)")
        }
        return files.sorted { ($0 == PackageLayout.manifest ? 0 : 1, $0) < ($1 == PackageLayout.manifest ? 0 : 1, $1) }
    }

    private func entries(_ folder: String, label: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw DeskError.importRejected("\(label) cannot be listed")
        }
    }

    private func requireFolder(_ source: String, _ name: String) throws {
        var info = stat()
        guard lstat("\(source)/\(name)", &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw DeskError.importRejected("\(name) is \(FileKind.name(info.st_mode)), not a folder")
        }
    }

    private func unexpected(_ relative: String) -> DeskError {
        .importRejected("the package holds '\(relative)', which a package may not contain")
    }
}
