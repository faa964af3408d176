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
        _ = value(&walk, depth: 0, found: &found)
        return found
    }

    /// Reads one value; false once a duplicate is found or the bytes cannot be followed.
    private static func value(_ walk: inout JSONWalk, depth: Int, found: inout String?) -> Bool {
        guard depth <= JSONWalk.maxDepth else { return false }
        switch walk.next() {
        case UInt8(ascii: "{"):
            var keys = Set<String>()
            return walk.object { key, walk in
                let raw = walk.bytes[key]
                let name = raw.contains(UInt8(ascii: "\\"))
                    ? JSONMembers.unquoted(Substring(decoding: raw, as: UTF8.self)) ?? ""
                    : String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
                guard keys.insert(name).inserted else {
                    found = name
                    return false
                }
                return value(&walk, depth: depth + 1, found: &found)
            }
        case UInt8(ascii: "["):
            return walk.array { walk in value(&walk, depth: depth + 1, found: &found) }
        default:
            return walk.value() != nil
        }
    }
}
