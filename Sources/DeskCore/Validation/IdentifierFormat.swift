import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether an identifier's value can be what its kind says. A provider answers about an IP
/// address, an e-mail address or a number exactly as written, so a value that cannot be one
/// (`999.1.1.1`, `bad@@example`) would only come back unanswered weeks later; other kinds
/// (accounts, wallets, free text) have no one form and are taken as written.
public enum IdentifierFormat {
    public static func problem(_ identifier: Identifier) -> String? {
        let value = identifier.value
        switch identifier.kind {
        case .ipAddress:
            return isAddress(value) ? nil : "'\(value)' is not an IPv4 or IPv6 address (a range may follow as /24)"
        case .email:
            return isEmail(value) ? nil : "'\(value)' is not an e-mail address (name@domain)"
        case .phone:
            return isPhone(value) ? nil : "'\(value)' is not a telephone number (digits, with + ( ) - . or spaces)"
        default:
            return nil
        }
    }

    static func isAddress(_ value: String) -> Bool {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        let address = String(parts[0])
        let v4 = isIPv4(address)
        guard v4 || isIPv6(address) else { return false }
        guard parts.count == 2 else { return true }
        guard let bits = Int(parts[1]), parts[1].allSatisfy(\.isASCII) else { return false }
        return (0...(v4 ? 32 : 128)).contains(bits)
    }

    private static func isIPv4(_ value: String) -> Bool {
        let octets = value.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in
            (1...3).contains(octet.count) && octet.allSatisfy { $0.isASCII && $0.isNumber } && Int(octet).map { $0 <= 255 } == true
                && (octet.count == 1 || octet.first != "0")
        }
    }

    private static func isIPv6(_ value: String) -> Bool {
        guard value.contains(":"), value.allSatisfy(\.isASCII) else { return false }
        var address = in6_addr()
        return inet_pton(AF_INET6, value, &address) == 1
    }

    private static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3 else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
            && !value.contains(where: { $0.isWhitespace })
    }

    /// Digits in groups, a + only in front, and no two separators in a row (`+30--210`).
    private static func isPhone(_ value: String) -> Bool {
        let digits = value.filter { $0.isASCII && $0.isNumber }.count
        guard (3...20).contains(digits), value.allSatisfy({ ($0.isASCII && $0.isNumber) || " +()-./".contains($0) }),
              !value.dropFirst().contains("+") else { return false }
        let separators = Set("-./ ")
        return !zip(value, value.dropFirst()).contains { separators.contains($0) && separators.contains($1) && !($0 == " " || $1 == " ") }
    }
}
