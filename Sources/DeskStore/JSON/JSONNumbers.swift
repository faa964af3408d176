/// The numbers of a JSON text, read as the desk's records hold them: whole numbers of 64 bits.
///
/// `JSONDecoder` calls a number it cannot put in an integer field (`1.5`, `1e30`, twenty
/// digits) "not valid JSON", which sends an officer looking for a broken bracket; this finds the
/// number instead.
enum JSONNumbers {
    /// The first number outside strings that is not a whole number of 64 bits, as written.
    static func firstNotWhole(in bytes: UnsafeRawBufferPointer) -> String? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                index += 1
            } else if byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                let start = index
                while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
                let token = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                if Int64(token) == nil { return token }
            } else {
                index += 1
            }
        }
        return nil
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }
}
