/// Hex digits without a formatter per byte: digests, audit hashes, ids and JSON escapes are
/// written this way on every record a desk stores.
public enum Hex {
    public static let lowerDigits = Array("0123456789abcdef".utf8)
    public static let upperDigits = Array("0123456789ABCDEF".utf8)

    /// Lower-case hex of `bytes`, two digits a byte.
    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(lowerDigits[Int(byte >> 4)])
            out.append(lowerDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
