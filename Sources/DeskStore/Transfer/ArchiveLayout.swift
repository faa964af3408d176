import Foundation

/// Where the parts of a request archive lie in its bytes, found without decoding them: the
/// top-level members other than `requests`, and each element of `requests`.
///
/// Decoding 10,000 requests is some 3.5 s of one core; cut at its elements, the archive decodes
/// on every core at once (``RequestArchive/decodeInParallel(_:)``). The walk (``JSONWalk``)
/// checks only the structure between the parts and gives up (`nil`) at anything it does not
/// expect: a repeated top-level key, or one written with escapes (which could name `requests`
/// twice); each part is then checked whole by the decoder. A file it gives up on is decoded as
/// before, in one piece.
struct ArchiveLayout {
    /// The archive as written with its `requests` left empty: what the requests are decoded into.
    var head: Data
    /// The byte ranges of the elements of `requests`, in order.
    var requests: [Range<Int>]

    init?(_ bytes: UnsafeRawBufferPointer) {
        var walk = JSONWalk(bytes)
        var head: [UInt8] = [UInt8(ascii: "{")]
        var keys = Set<[UInt8]>()
        var requests: [Range<Int>]?
        func keep(_ key: Range<Int>, _ value: some Sequence<UInt8>) {
            if head.count > 1 { head.append(UInt8(ascii: ",")) }
            head.append(contentsOf: bytes[key])
            head.append(UInt8(ascii: ":"))
            head.append(contentsOf: value)
        }
        let readable = walk.object { key, walk in
            guard !bytes[key].contains(UInt8(ascii: "\\")), keys.insert(Array(bytes[key])).inserted else { return false }
            if bytes[key].elementsEqual(Self.requestsKey) {
                requests = walk.elements()
                keep(key, Self.noRequests)
                return requests != nil
            }
            guard let value = walk.value() else { return false }
            keep(key, bytes[value])
            return true
        }
        guard readable, walk.atEnd, let requests else { return nil }
        head.append(UInt8(ascii: "}"))
        self.head = Data(head)
        self.requests = requests
    }

    private static let requestsKey = Array(#""requests""#.utf8)
    private static let noRequests = Array("[]".utf8)
}
