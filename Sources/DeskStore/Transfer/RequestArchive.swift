import DeskCore
import Foundation

/// The canonical JSON form of requests with everything attached, as `export --format json`
/// writes it and `import` reads it (documented in docs/format.md).
public struct RequestArchive: Codable, Sendable, Equatable {
    public static let formatName = "mladesk-requests"
    public static let formatVersion = 1

    public var format: String
    public var version: Int
    public var exportedAt: Date
    public var deskID: String
    public var requests: [RequestDetails]

    public init(exportedAt: Date, deskID: String, requests: [RequestDetails]) {
        format = Self.formatName
        version = Self.formatVersion
        self.exportedAt = exportedAt
        self.deskID = deskID
        self.requests = requests
    }

    public func encoded() throws -> Data {
        try DeskJSON.encoder(pretty: true).encode(self)
    }

    /// Largest archive `import` reads; bigger files are refused before parsing.
    public static let maxBytes = 1 << 30

    /// Parses an archive, naming the first problem (wrong format, bad field with its path).
    public static func decode(_ data: Data) throws -> RequestArchive {
        try checkSize(data)
        if let parts = try ArchiveParts(data), let archive = decodeInParallel(parts) {
            return archive
        }
        return try decodeWhole(data)
    }

    /// Decodes the archive in one piece, naming the first problem: what ``decode(_:)`` does with
    /// a file it cannot cut at its requests, or one a part of which does not decode.
    static func decodeWhole(_ data: Data) throws -> RequestArchive {
        // The whole archive is decoded first: the header alone costs a full pass over the file,
        // needed only to name the problem of a file that does not decode.
        let archive: RequestArchive
        do {
            archive = try DeskJSON.decoder().decode(RequestArchive.self, from: data)
        } catch let failure {
            let header: Header
            do {
                header = try DeskJSON.decoder().decode(Header.self, from: data)
            } catch {
                throw DeskError.importRejected("it is not an MLA Desk request archive (\(JSONProblem.describe(error, in: data)))")
            }
            try checkHeader(format: header.format, version: header.version)
            throw DeskError.importRejected(JSONProblem.describe(failure, in: data))
        }
        try checkHeader(format: archive.format, version: archive.version)
        return archive
    }

    /// The archive's requests decoded on every core (four shares a core, so a core that
    /// finishes early takes the next), or `nil` when a part does not decode: ``decode(_:)`` then
    /// decodes it whole, which names the first problem in the file's order.
    static func decodeInParallel(_ parts: ArchiveParts) -> RequestArchive? {
        let shares = max(1, min(4 * ProcessInfo.processInfo.activeProcessorCount, parts.count / 64))
        let decoded = DecodedShares(count: shares)
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let decoder = DeskJSON.decoder()
            let range = (parts.count * share / shares)..<(parts.count * (share + 1) / shares)
            var requests: [RequestDetails] = []
            requests.reserveCapacity(range.count)
            for index in range {
                guard let request = try? parts.request(at: index, with: decoder) else { return }
                requests.append(request)
            }
            decoded.set(share, requests)
        }
        guard let requests = decoded.all else { return nil }
        var archive = parts.header
        archive.requests = requests
        return archive
    }

    /// What the decoding threads hand back, a share each.
    private final class DecodedShares: @unchecked Sendable {
        private let lock = NSLock()
        private var shares: [[RequestDetails]?]

        init(count: Int) {
            shares = Array(repeating: nil, count: count)
        }

        func set(_ share: Int, _ requests: [RequestDetails]) {
            lock.withLock { shares[share] = requests }
        }

        /// Every share in order, or `nil` if one did not decode.
        var all: [RequestDetails]? {
            lock.withLock {
                shares.contains { $0 == nil } ? nil : shares.flatMap { $0! }
            }
        }
    }

    static func checkSize(_ data: Data) throws {
        guard data.count <= maxBytes else {
            throw DeskError.importRejected("the file is larger than \(maxBytes >> 20) MiB")
        }
    }

    static func checkHeader(format: String, version: Int) throws {
        guard format == formatName else {
            throw DeskError.importRejected("the file's format is '\(format)', expected '\(formatName)'")
        }
        guard version == formatVersion else {
            throw DeskError.importRejected("archive version \(version) is not supported (this program reads \(formatVersion))")
        }
    }

    private struct Header: Decodable {
        var format: String
        var version: Int
    }
}

/// Words for a JSON decoding failure: where it is (`requests[3].request.status`) and what is wrong.
enum JSONProblem {
    /// `within` is where the decoded part lies in the file (`requests[3]` for one request of
    /// an archive), so a part's problem is named as decoding the file whole names it; `bytes`
    /// is what was decoded, read again to say what the decoder only calls "not valid JSON".
    static func describe(_ error: Error, within: [any CodingKey] = [], in bytes: Data? = nil) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        switch error {
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "\(path(within + context.codingPath)): \(shorten(context.debugDescription))"
        case let .keyNotFound(key, context):
            return "\(path(within + context.codingPath + [key])): is missing"
        case let .dataCorrupted(context):
            guard context.codingPath.isEmpty else { return "\(path(within + context.codingPath)): \(value(context.debugDescription))" }
            let reason = shorten(context.debugDescription)
            guard reason.isEmpty || reason.hasPrefix("The given data was not valid JSON") else {
                return "the file cannot be read as JSON (\(reason))"
            }
            let place = within.isEmpty ? "" : "\(path(within)): "
            guard let bytes else { return place + "the file is not valid JSON" }
            if let syntax = JSONSyntaxLocator.problem(in: bytes) { return place + "the file is not valid JSON: \(shorten(syntax))" }
            // Valid JSON the decoder would not read: a number no field of the archive can hold.
            if let number = bytes.withUnsafeBytes(JSONNumbers.firstNotWhole) {
                return place + "the number \(number) cannot be read: every number of the file is a whole number "
                    + "between \(Int64.min) and \(Int64.max)"
            }
            return place + "a value of the file cannot be read"
        @unknown default:
            return String(describing: error)
        }
    }

    /// The decoder's words for a value it could not take, as an officer reads them.
    private static func value(_ detail: String) -> String {
        if detail.hasPrefix("Attempted to decode UUID from invalid UUID string") {
            return "is not an id (a UUID such as 0b6c0c36-4f1a-4c3e-9d2b-7a5e8f1c2d3e)"
        }
        if detail.hasPrefix("Cannot initialize "), let from = detail.range(of: " from invalid String value ") {
            return "'\(shorten(String(detail[from.upperBound...])))' is not a value this field takes"
        }
        return shorten(detail)
    }

    static func path(_ keys: [CodingKey]) -> String {
        let text = CodingPathText.render(keys)
        return text.isEmpty ? "the top level" : text
    }

    /// At most 160 characters, without the decoder's closing full stop: the sentence it goes
    /// into ends with its own.
    private static func shorten(_ text: String) -> String {
        let sentence = text.hasSuffix(".") ? String(text.dropLast()) : text
        return sentence.count > 160 ? String(sentence.prefix(160)) + "…" : sentence
    }
}
