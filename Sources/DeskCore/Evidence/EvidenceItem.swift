import Foundation

/// One piece of evidence within an exchange, with the hashes that prove its integrity.
///
/// Declared hashes (what the counterpart stated) and computed hashes (what this desk measured)
/// are kept apart; neither ever overwrites the other, so a mismatch stays visible for good.
public struct EvidenceItem: Codable, Sendable, Hashable, Identifiable {
    public enum Category: String, Codable, Sendable, CaseIterable {
        case subscriberRecords = "subscriber_records"
        case trafficData = "traffic_data"
        case logs
        case content
        case diskImage = "disk_image"
        case mobileExtraction = "mobile_extraction"
        case documents
        case testimonyRecord = "testimony_record"
        case other

        public var label: String {
            switch self {
            case .subscriberRecords: "Subscriber records"
            case .trafficData: "Traffic data"
            case .logs: "Logs"
            case .content: "Content"
            case .diskImage: "Disk image"
            case .mobileExtraction: "Mobile extraction"
            case .documents: "Documents"
            case .testimonyRecord: "Testimony record"
            case .other: "Other"
            }
        }
    }

    public var id: UUID
    public var exchangeID: UUID
    public var description: String
    public var category: Category
    /// Shown to the officer only; never used as a path.
    public var originalFileName: String
    public var size: Int64?
    public var declaredHashes: [HashDigest]
    public var computedHashes: [HashDigest]
    /// Where the file was when it was hashed, so `evidence verify` can hash it again.
    public var attachedPath: String?

    public init(id: UUID = UUID(), exchangeID: UUID, description: String, category: Category,
                originalFileName: String = "", size: Int64? = nil, declaredHashes: [HashDigest] = [],
                computedHashes: [HashDigest] = [], attachedPath: String? = nil) {
        self.id = id
        self.exchangeID = exchangeID
        self.description = description
        self.category = category
        self.originalFileName = originalFileName
        self.size = size
        self.declaredHashes = declaredHashes
        self.computedHashes = computedHashes
        self.attachedPath = attachedPath
    }

    /// Compares declared with computed digests of the same algorithm.
    public var verification: HashVerification {
        let pairs = declaredHashes.compactMap { declared in
            computedHashes.first { $0.algorithm == declared.algorithm }.map { (declared, $0) }
        }
        if computedHashes.isEmpty { return .notComputed }
        if pairs.isEmpty { return .noDeclaration }
        return pairs.allSatisfy { $0.0.value.lowercased() == $0.1.value.lowercased() } ? .match : .mismatch
    }
}

/// The outcome of comparing an item's declared and computed hashes.
public enum HashVerification: String, Codable, Sendable {
    case notComputed = "not_computed"
    case noDeclaration = "no_declaration"
    case match
    case mismatch
}

/// A digest with the algorithm that produced it, as lower-case hex.
public struct HashDigest: Codable, Sendable, Hashable {
    public enum Algorithm: String, Codable, Sendable, CaseIterable {
        case sha256
        /// Legacy: only when a counterpart still declares it.
        case sha1
        /// Legacy: only when a counterpart still declares it.
        case md5

        public var hexLength: Int {
            switch self {
            case .sha256: 64
            case .sha1: 40
            case .md5: 32
            }
        }
    }

    public var algorithm: Algorithm
    public var value: String

    public init(algorithm: Algorithm, value: String) {
        self.algorithm = algorithm
        self.value = value.lowercased()
    }

    /// Read as the initialiser takes it, so a digest written in capitals by another tool is
    /// stored, compared and shown as the desk writes digests.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(algorithm: try container.decode(Algorithm.self, forKey: .algorithm),
                  value: try container.decode(String.self, forKey: .value))
    }

    /// True when the value is hex of the algorithm's length.
    public var isWellFormed: Bool {
        value.utf8.count == algorithm.hexLength && value.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }
}
