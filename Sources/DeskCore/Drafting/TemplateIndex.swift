import Foundation

/// The list of document templates (`templates.json`): read strictly, because administrators
/// edit it by hand and a misspelt key or status must be named rather than silently ignored.
public struct TemplateIndex: Sendable, Equatable {
    public static let fileName = "templates.json"
    public static let formatVersion = 1

    public var templates: [DraftTemplate]

    public init(templates: [DraftTemplate]) {
        self.templates = templates
    }

    public func template(named name: String) -> DraftTemplate? {
        templates.first { $0.name == name }
    }

    /// The templates that suit a request, in index order.
    public func fitting(_ request: Request) -> [DraftTemplate] {
        templates.filter { $0.fits(request) }
    }

    /// Decodes and checks the index. `reference`, when given, also checks request type ids.
    /// Errors carry `file` as given and the key path of the first problem.
    public static func decode(_ data: Data, file: String = fileName,
                              reference: ReferenceData? = nil) throws(ReferenceDataError) -> TemplateIndex {
        func fail(_ key: String, _ message: String) -> ReferenceDataError {
            ReferenceDataError(file: file, key: key, message: message)
        }
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw fail("", "must be a JSON object with \"version\" and \"templates\"")
            }
            root = object
        } catch let error as ReferenceDataError {
            throw error
        } catch {
            throw fail("", "is not valid JSON")
        }
        try rejectUnknown(root, allowed: ["version", "note", "templates"], prefix: "", fail: fail)
        guard let version = root["version"] as? Int, version == formatVersion else {
            throw fail("version", "must be \(formatVersion)")
        }
        guard let entries = root["templates"] as? [Any], !entries.isEmpty else {
            throw fail("templates", "must be a non-empty list")
        }
        var templates: [DraftTemplate] = []
        for (index, entry) in entries.enumerated() {
            let key = "templates[\(index)]"
            guard let object = entry as? [String: Any] else { throw fail(key, "must be an object") }
            let template = try decodeEntry(object, key: key, reference: reference, fail: fail)
            if let first = templates.firstIndex(where: { $0.name == template.name }) {
                throw fail("\(key).name", "duplicate '\(template.name)' (first at templates[\(first)])")
            }
            templates.append(template)
        }
        return TemplateIndex(templates: templates)
    }

    private static func decodeEntry(_ object: [String: Any], key: String, reference: ReferenceData?,
                                    fail: (String, String) -> ReferenceDataError) throws(ReferenceDataError) -> DraftTemplate {
        try rejectUnknown(object, allowed: ["name", "title", "file", "format", "directions", "types", "statuses", "instruments", "note"],
                          prefix: key, fail: fail)
        func text(_ field: String, optional: Bool = false) throws(ReferenceDataError) -> String {
            guard let value = object[field] else {
                if optional { return "" }
                throw fail("\(key).\(field)", "is required")
            }
            guard let string = value as? String, optional || !string.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail("\(key).\(field)", "must be a non-empty string")
            }
            return string
        }
        func words(_ field: String) throws(ReferenceDataError) -> [String] {
            guard let value = object[field] else { return [] }
            guard let list = value as? [Any] else { throw fail("\(key).\(field)", "must be a list of strings") }
            var words: [String] = []
            for (index, item) in list.enumerated() {
                guard let word = item as? String else { throw fail("\(key).\(field)[\(index)]", "must be a string") }
                words.append(word)
            }
            return words
        }
        let name = try text("name")
        guard name.first?.isLetter == true, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
            throw fail("\(key).name", "'\(name)' must be lower-case letters, digits and _, starting with a letter")
        }
        let file = try text("file")
        guard !file.contains("/"), !file.contains("\\"), !file.hasPrefix("."), file.hasSuffix(".mustache") else {
            throw fail("\(key).file", "'\(file)' must be a plain file name ending in .mustache, inside the templates folder")
        }
        let formatText = try text("format")
        guard let format = DraftFormat(rawValue: formatText) else {
            throw fail("\(key).format", "'\(formatText)' is not a format (text or markdown)")
        }
        var directions: [Direction] = []
        for (index, word) in try words("directions").enumerated() {
            guard let direction = Direction(rawValue: word) else {
                throw fail("\(key).directions[\(index)]", "'\(word)' is not a direction (in or out)")
            }
            directions.append(direction)
        }
        guard !directions.isEmpty else { throw fail("\(key).directions", "must list in, out or both") }
        var types: [RequestTypeID] = []
        for (index, word) in try words("types").enumerated() {
            if let reference, reference.requestType(RequestTypeID(word)) == nil {
                throw fail("\(key).types[\(index)]", "'\(word)' is not a request type of the reference data")
            }
            types.append(RequestTypeID(word))
        }
        let possible = Set(directions.flatMap(Workflow.statuses(for:)))
        var statuses: [RequestStatus] = []
        for (index, word) in try words("statuses").enumerated() {
            guard let status = RequestStatus(rawValue: word) else {
                throw fail("\(key).statuses[\(index)]", "'\(word)' is not a status")
            }
            guard possible.contains(status) else {
                throw fail("\(key).statuses[\(index)]", "'\(word)' is not a status of \(directions.map(\.rawValue).joined(separator: "/")) requests")
            }
            statuses.append(status)
        }
        var instruments: [InstrumentID] = []
        for (index, word) in try words("instruments").enumerated() {
            if let reference, reference.instrument(InstrumentID(word)) == nil {
                throw fail("\(key).instruments[\(index)]", "'\(word)' is not an instrument of the reference data")
            }
            instruments.append(InstrumentID(word))
        }
        return DraftTemplate(name: name, title: try text("title"), file: file, format: format, directions: directions,
                             types: types, statuses: statuses, instruments: instruments, note: try text("note", optional: true))
    }

    private static func rejectUnknown(_ object: [String: Any], allowed: Set<String>, prefix: String,
                                      fail: (String, String) -> ReferenceDataError) throws(ReferenceDataError) {
        guard let unknown = object.keys.filter({ !allowed.contains($0) }).sorted().first else { return }
        throw fail(prefix.isEmpty ? unknown : "\(prefix).\(unknown)",
                   "unknown key (expected one of: \(allowed.sorted().joined(separator: ", ")))")
    }
}
