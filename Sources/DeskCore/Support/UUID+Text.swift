import Foundation

extension UUID {
    /// `uuidString` (upper-case hex with dashes), written without `snprintf`: bulk loading
    /// formats several ids per record, and Foundation's formatting showed in its profile.
    public var text: String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { output in
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        output[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    output[position] = Hex.upperDigits[Int(byte >> 4)]
                    output[position + 1] = Hex.upperDigits[Int(byte & 0xF)]
                    position += 2
                }
                return position
            }
        }
    }
}
