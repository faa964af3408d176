import DeskCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension DeskStore {
    /// Hashes a file or a folder and records it as new items of `template.exchangeID`.
    ///
    /// A file becomes one item (`template` with its hashes); a folder becomes one item per
    /// regular file, recursively, in byte order, described as `template.description — relative/path`
    /// (declared hashes cannot apply to a folder and are refused). Everything is hashed first,
    /// outside any transaction, then recorded in one: a cancel or an unreadable file records nothing.
    /// Call from a background thread; `progress` is called on that thread.
    public func addItems(_ template: EvidenceItem, hashing path: RawPath, cancellation: Cancellation? = nil,
                         progress: ((HashProgress) -> Void)? = nil) throws -> HashedEvidence {
        var problems = EvidenceRules.problems(in: template)
        if !template.computedHashes.isEmpty { problems.append("computed hashes come from hashing the file") }
        guard problems.isEmpty else { throw DeskError.evidenceRefused(problems) }
        _ = try read { db in try EvidenceRows.exchange(template.exchangeID, in: db) }
        let tree = try FileTree.scan(path)
        if !tree.rootIsFile && !template.declaredHashes.isEmpty {
            throw DeskError.evidenceRefused(["declared hashes describe one file, and \(path.display) is a folder"])
        }
        guard !tree.files.isEmpty else {
            throw DeskError.evidenceRefused(["\(path.display) holds no regular file to hash"])
        }
        try Self.refuseUnnameable(tree.files)
        let hasher = FileHasher(algorithms: EvidenceRules.algorithms(toCompute: template))
        let digests = try hasher.hash(tree.files, followingLinks: tree.rootIsFile, cancellation: cancellation,
                                      progress: progress)
        let now = clock.now()
        var items: [EvidenceItem] = []
        var events: [CustodyEvent] = []
        for digest in digests {
            var item = template
            if !tree.rootIsFile {
                let relative = digest.path.relative(to: path).display
                item.id = UUID()
                item.description = "\(template.description) — \(relative)"
                item.originalFileName = relative
            } else if item.originalFileName.isEmpty {
                item.originalFileName = digest.path.lastComponent.display
            }
            item.size = digest.size
            item.computedHashes = digest.digests
            item.attachedPath = Self.storablePath(digest.path)
            events.append(item.custodyEvent(afterHashing: digest.digests, size: digest.size,
                                            file: item.originalFileName, recheck: false, at: now, officer: officer))
            items.append(item)
        }
        let stored = try write { db in try self.insertItems(items, events: events, in: db) }
        return HashedEvidence(items: stored, events: events, skipped: tree.skipped)
    }

    /// Hashes a file for an item recorded without one. Refused when the item already has computed
    /// hashes (they are never replaced: `verifyAttached` hashes it again), when `path` is a folder,
    /// and when the item records a size the file does not have: it is then another file, and the
    /// size the item was recorded with is never replaced.
    public func attach(_ path: RawPath, to itemID: UUID, cancellation: Cancellation? = nil,
                       progress: ((HashProgress) -> Void)? = nil) throws -> HashedEvidence {
        let item = try read { db in try EvidenceRows.item(itemID, in: db).item }
        try Self.checkAttachable(item)
        let tree = try FileTree.scan(path)
        guard tree.rootIsFile else {
            throw DeskError.evidenceRefused(["\(path.display) is a folder; add it as new items, one per file"])
        }
        try Self.refuseUnnameable([path])
        let digest = try FileHasher(algorithms: EvidenceRules.algorithms(toCompute: item))
            .hash(path, cancellation: cancellation, progress: progress)
        return try write { db in
            let (current, position, requestID) = try EvidenceRows.item(itemID, in: db)
            try Self.checkAttachable(current)
            if let recorded = current.size, recorded != digest.size {
                throw DeskError.evidenceRefused([
                    "item \(EvidenceID.short(itemID)) is recorded as \(recorded) bytes and \(path.display) has \(digest.size): "
                        + "it is not the file the item describes (record it as an item of its own if it is evidence)",
                ])
            }
            var updated = current
            updated.size = digest.size
            updated.computedHashes = digest.digests
            updated.attachedPath = Self.storablePath(path)
            if updated.originalFileName.isEmpty { updated.originalFileName = path.lastComponent.display }
            let state = try RequestRows.upsert(updated, position: position, requestID: requestID, in: db)
            try AuditLog.append(
                .init(action: "hash", entity: .item, entityID: itemID.uuidString, requestID: requestID.uuidString,
                      detail: "attached \(updated.originalFileName), \(digest.size) bytes" + Self.hashText(updated),
                      state: state),
                officer: self.officer, at: self.clock.now(), in: db)
            let event = try self.insertCustody(
                updated.custodyEvent(afterHashing: digest.digests, size: digest.size, file: updated.originalFileName,
                                     recheck: false, at: self.clock.now(), officer: self.officer),
                in: db)
            return HashedEvidence(items: [updated], events: [event], skipped: [])
        }
    }

    private static func checkAttachable(_ item: EvidenceItem) throws {
        guard item.computedHashes.isEmpty else {
            throw DeskError.evidenceRefused(["item \(EvidenceID.short(item.id)) is already hashed; computed hashes are never replaced, verify it instead"])
        }
    }

    /// Refuses files whose path cannot be kept as text (a name that is not UTF-8): the item
    /// could never be found again to verify it, which is what recording a file is for.
    private static func refuseUnnameable(_ files: [RawPath]) throws {
        let unnameable = files.filter { storablePath($0) == nil }
        guard let first = unnameable.first else { return }
        throw DeskError.evidenceRefused([
            "\(first.display)\(unnameable.count > 1 ? " and \(unnameable.count - 1) more" : "") cannot be named again to "
                + "verify it (its name is not UTF-8 text); rename it, keeping the original name in the description, "
                + "and add it again — nothing was recorded",
        ])
    }

    /// The absolute path as text, for hashing again later; nil when the name is not UTF-8.
    static func storablePath(_ path: RawPath) -> String? {
        if path.isAbsolute { return path.string }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        let cwd = RawPath(bytes: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
        var relative = path.bytes
        while relative.starts(with: Array("./".utf8)) { relative.removeFirst(2) }
        return cwd.appending(relative).string
    }
}
