/// Finds a key written twice in one object. A decoder keeps one of the two values without a
/// word, and which one is not what a person reading the file would guess (`"status": "closed"`
/// above, `"status": "received"` further down), so an import refuses such a file rather than
/// take either.
enum JSONDuplicateKeys {
    /// The first key written twice in one object of `bytes`, unescaped (`"st\u0061tus"` is
    /// `status`); nil when there is none, or when the walk cannot follow the bytes (a decoder
    /// names that problem).
    static func first(in bytes: UnsafeRawBufferPointer) -> String? {
        var walk = JSONWalk(bytes)
        var found: String?
        _ = walk.visit(object: { keys in
            var names = Set<String>()
            for key in keys {
                let raw = bytes[key]
                let name = raw.contains(UInt8(ascii: "\\"))
                    ? JSONMembers.unquoted(Substring(decoding: raw, as: UTF8.self)) ?? ""
                    : String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
                guard names.insert(name).inserted else {
                    found = name
                    return false
                }
            }
            return true
        }, scalar: { _ in true })
        return found
    }
}
