/// Renders a decoding path the way people read the files they correct by hand:
/// `countries[12].code`, `requests[3].request.status`.
public enum CodingPathText {
    public static func render(_ path: [any CodingKey]) -> String {
        var rendered = ""
        for key in path {
            if let index = key.intValue {
                rendered += "[\(index)]"
            } else {
                rendered += rendered.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return rendered
    }
}
