import DeskCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension DeskStore {
    /// Hashes again the attached file of every item of a request (or of `itemIDs`) that can be
    /// reached, and records `verification_passed` or `verification_failed` for each: compared
    /// with the declared hashes where declared, else with the hashes first computed.
    ///
    /// Each item's event is recorded as soon as its file is hashed; a cancel stops before the next
    /// file and records nothing for the one in progress. Files that cannot be reached, and items
    /// destroyed, are reported, not recorded. `progress` covers all reachable files.
    public func verifyAttached(requestID: UUID, itemIDs: [UUID]? = nil, cancellation: Cancellation? = nil,
                               progress: ((HashProgress) -> Void)? = nil) throws -> [AttachedCheck] {
        guard let details = try details(id: requestID) else { throw DeskError.notFound("Request \(requestID.uuidString)") }
        let items = details.items.filter { itemIDs?.contains($0.id) ?? true }
        var results: [AttachedCheck] = []
        var reachable: [(EvidenceItem, RawPath, Int64)] = []
        for item in items {
            if let destroyed = details.custody.first(where: { $0.itemID == item.id && $0.kind == .destroyed }) {
                results.append(.init(item: item, outcome: .destroyed(destroyed.at), event: nil))
                continue
            }
            guard let attached = item.attachedPath else {
                results.append(.init(item: item, outcome: .notAttached, event: nil))
                continue
            }
            let path = RawPath(attached)
            var info = stat()
            if path.withCString({ stat($0, &info) }) != 0 {
                results.append(.init(item: item, outcome: .unreachable("\(attached): \(String(cString: strerror(errno)))"), event: nil))
            } else if info.st_mode & S_IFMT != S_IFREG {
                results.append(.init(item: item, outcome: .unreachable("\(attached) is \(FileKind.name(info.st_mode))"), event: nil))
            } else {
                reachable.append((item, path, Int64(info.st_size)))
            }
        }
        let total = reachable.reduce(0) { $0 + $1.2 }
        var before: Int64 = 0
        for (index, (item, path, size)) in reachable.enumerated() {
            let algorithms = item.referenceDigests.map(\.algorithm)
            let overall = progress.map { report in
                { (step: HashProgress) in
                    var step = step
                    step.bytesDone += before
                    step.totalBytes = max(total, step.bytesDone)
                    step.fileIndex = index
                    step.fileCount = reachable.count
                    report(step)
                }
            }
            let digest: FileDigest
            do {
                digest = try FileHasher(algorithms: algorithms).hash(path, cancellation: cancellation, progress: overall)
            } catch HashingError.cancelled {
                throw HashingError.cancelled
            } catch let error as HashingError {
                results.append(.init(item: item, outcome: .unreachable(error.description), event: nil))
                continue
            }
            before += size
            let check = item.check(digest.digests)
            let event = try write { db in
                try self.insertCustody(
                    item.custodyEvent(afterHashing: digest.digests, size: digest.size, file: path.display, recheck: true,
                                      at: self.clock.now(), officer: self.officer),
                    in: db)
            }
            results.append(.init(item: item, outcome: check.passed ? .passed : .failed(check.mismatched), event: event))
        }
        let order = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, $0) })
        return results.sorted { order[$0.item.id, default: 0] < order[$1.item.id, default: 0] }
    }
}
