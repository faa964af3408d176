/// The numbers of a JSON text, read as the desk's records hold them: whole numbers of 64 bits.
///
/// `JSONDecoder` calls a number it cannot put in an integer field (`1.5`, `1e30`, twenty
/// digits) "not valid JSON", which sends an officer looking for a broken bracket; this finds the
/// number instead.
enum JSONNumbers {
    /// The first number that is not a whole number of 64 bits, as written; nil when there is
    /// none, or when the walk cannot follow the bytes.
    static func firstNotWhole(in bytes: UnsafeRawBufferPointer) -> String? {
        var walk = JSONWalk(bytes)
        var found: String?
        _ = walk.visit(object: { _ in true }, scalar: { range in
            let first = bytes[range.lowerBound]
            guard first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return true }
            let token = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            guard Int64(token) == nil else { return true }
            found = token
            return false
        })
        return found
    }
}
