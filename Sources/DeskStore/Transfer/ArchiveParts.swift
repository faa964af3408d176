import DeskCore
import Foundation

/// An archive cut at its requests (``ArchiveLayout``), its header decoded and checked, each
/// request decoded only when asked for.
///
/// Decoding 10,000 requests costs some 3.5 s of a core, a third as long as writing them. Decoded
/// one at a time on the thread that prepares requests for the writer (``LoadPipeline``), the
/// decoding overlaps the writing, and memory holds a few hundred requests instead of the archive.
struct ArchiveParts: Sendable {
    /// The archive's members other than its requests (`requests` is empty).
    let header: RequestArchive
    private let data: Data
    private let elements: [Range<Int>]

    /// `nil` when the archive cannot be cut at its requests or its header does not decode
    /// (decoding it whole then names the problem); throws when the header names another format
    /// or version.
    init?(_ data: Data) throws {
        guard let layout = data.withUnsafeBytes({ ArchiveLayout($0) }),
            let header = try? DeskJSON.decoder().decode(RequestArchive.self, from: layout.head)
        else { return nil }
        try RequestArchive.checkHeader(format: header.format, version: header.version)
        if let problem = StrictJSON.fieldProblem(in: layout.head, decodedAs: header, kind: "a request archive") {
            throw DeskError.importRejected(problem)
        }
        self.header = header
        self.data = data
        elements = layout.requests
    }

    var count: Int { elements.count }

    /// What a decoder passed over in request `index`, named with the request's place; nil when
    /// nothing. A key written twice in one object (the decoder kept one of the values), or a
    /// field that none of its records holds once decoded and encoded again (`prepared`): a
    /// decoder skips a field it does not know, so a misspelt optional field would lose its data
    /// without a word.
    func fieldProblem(at index: Int, prepared: PreparedRequest, known: KnownFields) -> String? {
        let element = elements[index]
        return data.withUnsafeBytes { all -> String? in
            let bytes = UnsafeRawBufferPointer(rebasing: all[element])
            if let key = JSONDuplicateKeys.first(in: bytes) { return StrictJSON.duplicateProblem(key) }
            return known.firstUnknown(in: bytes, bodies: prepared.bodies).map { "\($0) is not a field of a request archive" }
        }
        .map { "requests[\(index)]: \($0)" }
    }

    /// The fields an import of requests starts from: the members of a request around its
    /// records, and the fields of a record an import never takes in as given: an item's
    /// `attachedPath`, and a checklist item's `gates`, which comes from this desk's templates
    /// (``RequestDetails/withThisDesksChecklist(_:)``) and may be absent from every record kept.
    static func knownFields() -> KnownFields {
        KnownFields(["request", "history", "checklist", "exchanges", "items", "custody", "attachedPath", "gates"])
    }

    /// The request at `index` of `requests`; refuses one that does not decode, naming the
    /// problem as decoding the whole file does (`requests[3].request.status: …`).
    func request(at index: Int, with decoder: JSONDecoder) throws -> RequestDetails {
        let element = elements[index]
        let bytes = data[(data.startIndex + element.lowerBound)..<(data.startIndex + element.upperBound)]
        do {
            return try decoder.decode(RequestDetails.self, from: bytes)
        } catch {
            throw DeskError.importRejected(
                JSONProblem.describe(error, within: [AnyCodingKey(stringValue: "requests"), AnyCodingKey(intValue: index)],
                                     in: Data(bytes)))
        }
    }
}

/// An archive file's bytes made ready to import: cut at its requests, which the import decodes
/// one by one as it writes (``ArchiveParts``), or, when it cannot be cut, decoded whole.
///
/// Made before the desk is opened, so a file too large, not JSON, or not a request archive of
/// this version is refused before `import` opens the desk.
public struct ArchiveInput: Sendable {
    enum Form: Sendable {
        case parts(ArchiveParts)
        case whole(RequestArchive)
    }

    let form: Form

    /// Refuses, naming the problem, a file over ``RequestArchive/maxBytes``, one of another
    /// format or version, and one that cannot be cut and does not decode.
    public init(_ data: Data) throws {
        try RequestArchive.checkSize(data)
        if let parts = try ArchiveParts(data) {
            form = .parts(parts)
        } else {
            let archive = try RequestArchive.decodeWhole(data)
            if let problem = StrictJSON.fieldProblem(in: data, decodedAs: archive, kind: "a request archive") {
                throw DeskError.importRejected(problem)
            }
            form = .whole(archive)
        }
    }
}
