import Foundation

extension ReferenceDataError {
    /// Rewords a `DecodingError` for the person editing the file: where, and what was expected.
    /// `bytes` are the file's contents, searched for the place of a syntax error.
    init(file: String, decodingError error: DecodingError, bytes: Data) {
        switch error {
        case let .keyNotFound(key, context):
            self.init(file: file, key: CodingPathText.render(context.codingPath + [key]),
                      message: "required field is missing")
        case let .valueNotFound(type, context):
            self.init(file: file, key: CodingPathText.render(context.codingPath),
                      message: "must not be null (expected \(Self.describe(type)))")
        case let .typeMismatch(type, context):
            self.init(file: file, key: CodingPathText.render(context.codingPath),
                      message: "wrong type (expected \(Self.describe(type)))")
        case let .dataCorrupted(context) where context.codingPath.isEmpty:
            let detail = JSONSyntaxLocator.problem(in: bytes) ?? context.debugDescription
            self.init(file: file, message: "not valid JSON: \(detail)")
        case let .dataCorrupted(context):
            self.init(file: file, key: CodingPathText.render(context.codingPath),
                      message: context.debugDescription)
        @unknown default:
            self.init(file: file, message: "cannot be read: \(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        case is Int.Type: "a whole number"
        case is [String: Any].Type: "an object"
        case is [Any].Type: "a list"
        default: "\(type)"
        }
    }
}
