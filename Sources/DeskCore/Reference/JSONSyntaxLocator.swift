import Foundation

/// Says where a JSON text breaks, as a line and column an editor can jump to.
///
/// `JSONDecoder` reports only that the data is not valid JSON on some platforms; the
/// serialization parser gives a byte offset ("around character 15"), turned here into a line and
/// a column. Messages that already carry a line and column are passed on unchanged.
public enum JSONSyntaxLocator {
    /// The parser's complaint about `bytes`, or `nil` when they are valid JSON.
    public static func problem(in bytes: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
            return nil
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            return located(detail, in: bytes)
        }
    }

    private static func located(_ detail: String, in bytes: Data) -> String {
        guard let range = detail.range(of: "around character "),
              let offset = Int(detail[range.upperBound...].prefix(while: \.isNumber))
        else { return detail }
        let before = String(decoding: bytes.prefix(offset), as: UTF8.self)
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        let column = (lines.last?.count ?? 0) + 1
        return "\(detail[..<range.lowerBound])around line \(lines.count), column \(column)"
    }
}
