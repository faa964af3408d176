import Crypto
import DeskCore
import Foundation

extension Hex {
    /// The SHA-256 of `data` as 64 lowercase hex digits: the form every digest on the desk
    /// takes (audit states and chain, package manifests, key ids, CASE identifiers).
    static func sha256(_ data: some DataProtocol) -> String {
        encode(SHA256.hash(data: data))
    }
}
