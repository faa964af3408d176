import DeskCore
import Foundation

/// Finds what a decoder would pass over without a word: a key written twice in one object (it
/// keeps one of the values) and fields it skips. For the second the input is compared with the
/// decoded value encoded again, and the first key present only in the input is named with its path.
enum StrictJSON {
    /// The problem of `data`, decoded as `value`, in words; `kind` names what it should be ("a
    /// request archive"). Nil when the decoder read everything there is, once.
    static func fieldProblem<T: Encodable>(in data: Data, decodedAs value: T, kind: String) -> String? {
        if let key = data.withUnsafeBytes(JSONDuplicateKeys.first) { return duplicateProblem(key) }
        return firstUnknownKey(in: data, decodedAs: value).map { "\($0) is not a field of \(kind)" }
    }

    static func duplicateProblem(_ key: String) -> String {
        "the field \"\(key)\" is written twice in one object"
    }

    private static func firstUnknownKey<T: Encodable>(in data: Data, decodedAs value: T) -> String? {
        guard let input = try? JSONSerialization.jsonObject(with: data),
            let known = try? JSONSerialization.jsonObject(with: DeskJSON.encoder().encode(value))
        else { return "the top level" }
        return firstUnknown(input, known, path: "")
    }

    private static func firstUnknown(_ input: Any, _ known: Any, path: String) -> String? {
        if let object = input as? [String: Any] {
            let reference = known as? [String: Any] ?? [:]
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let match = reference[key] else {
                    if object[key] is NSNull { continue }
                    return child
                }
                if let problem = firstUnknown(object[key]!, match, path: child) { return problem }
            }
        } else if let array = input as? [Any], let reference = known as? [Any] {
            for (index, element) in array.enumerated() where index < reference.count {
                if let problem = firstUnknown(element, reference[index], path: "\(path)[\(index)]") { return problem }
            }
        }
        return nil
    }
}
