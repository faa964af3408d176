import DeskCore
import Foundation
import Testing

/// Audit hashes and evidence digests are compared as text across desks and tools (`sha256sum`,
/// `openssl`), so the digits must be exactly the lower-case two-per-byte form.
@Suite("Hex digits")
struct HexTests {
    @Test("Every byte value is written as two lower-case digits, as printf writes it")
    func everyByte() {
        let bytes = (0...255).map(UInt8.init)
        let expected = bytes.map { String(format: "%02x", $0) }.joined()
        #expect(Hex.encode(bytes) == expected)
        #expect(Hex.encode(Data(bytes.reversed())) == bytes.reversed().map { String(format: "%02x", $0) }.joined())
    }

    @Test("No bytes, no digits; a slice is read from its own start")
    func emptyAndSlices() {
        #expect(Hex.encode([UInt8]()) == "")
        let data = Data([0x00, 0xAB, 0xCD, 0xEF])
        #expect(Hex.encode(data.dropFirst()) == "abcdef")
    }
}
