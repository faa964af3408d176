import Foundation

/// Hex digits without a formatter per byte: digests, audit hashes, ids and JSON escapes are
/// written this way on every record a desk stores.
public enum Hex {
    public static let lowerDigits = Array("0123456789abcdef".utf8)
    public static let upperDigits = Array("0123456789ABCDEF".utf8)

    /// Lower-case hex of `bytes`, two digits a byte, written straight into the string's storage:
    /// a bulk load hashes every record it writes, and going through a digest's `Sequence`
    /// iterator (which copies it into an array) was a tenth of preparing one.
    public static func encode(_ bytes: some ContiguousBytes) -> String {
        bytes.withUnsafeBytes { input in
            String(unsafeUninitializedCapacity: input.count * 2) { output in
                for (index, byte) in input.enumerated() {
                    output[2 * index] = lowerDigits[Int(byte >> 4)]
                    output[2 * index + 1] = lowerDigits[Int(byte & 0x0F)]
                }
                return input.count * 2
            }
        }
    }
}
