import DeskCore
import Foundation
import Mustache

/// The document templates of a desk: the index and every template file it names, read and
/// parsed once, so that a broken file is reported when the folder is loaded (naming the file
/// and the line) rather than halfway through an officer's draft.
///
/// Templates live in `templates/` inside the reference data folder, as files an administrator
/// edits without recompiling. Rendering is plain text: nothing is HTML-escaped, because a letter
/// must quote the request's text exactly as entered.
public struct TemplateLibrary: Sendable {
    public static let folderName = "templates"

    public let folder: URL
    public let index: TemplateIndex
    private let compiled: [String: Compiled]

    private struct Compiled: Sendable {
        var outline: TemplateOutline
        var mustache: MustacheTemplate
    }

    /// The templates folder inside a reference data folder.
    public static func folder(inDataFolder data: URL) -> URL {
        data.appendingPathComponent(folderName, isDirectory: true)
    }

    /// Reads `templates.json` and every template it lists. `reference` also checks type ids.
    public static func load(from folder: URL, reference: ReferenceData? = nil) throws(ReferenceDataError) -> TemplateLibrary {
        let indexURL = folder.appendingPathComponent(TemplateIndex.fileName)
        guard let data = try? Data(contentsOf: indexURL) else {
            throw ReferenceDataError(file: indexURL.path, message: "cannot be read (is the templates folder there?)")
        }
        let index = try TemplateIndex.decode(data, file: indexURL.path, reference: reference)
        var compiled: [String: Compiled] = [:]
        for (position, template) in index.templates.enumerated() {
            let url = folder.appendingPathComponent(template.file)
            guard let bytes = try? Data(contentsOf: url), let text = String(data: bytes, encoding: .utf8) else {
                throw ReferenceDataError(file: indexURL.path, key: "templates[\(position)].file",
                                         message: "'\(template.file)' cannot be read as UTF-8 text in \(folder.path)")
            }
            compiled[template.name] = try compile(text, file: url.path)
        }
        return TemplateLibrary(folder: folder, index: index, compiled: compiled)
    }

    private init(folder: URL, index: TemplateIndex, compiled: [String: Compiled]) {
        self.folder = folder
        self.index = index
        self.compiled = compiled
    }

    private static func compile(_ text: String, file: String) throws(ReferenceDataError) -> Compiled {
        let outline: TemplateOutline
        do {
            outline = try TemplateOutline.parse(text)
        } catch {
            throw ReferenceDataError(file: file, key: "line \(error.line)", message: error.message)
        }
        do {
            return Compiled(outline: outline, mustache: try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}\n" + text))
        } catch {
            throw ReferenceDataError(file: file, message: "is not a valid Mustache template (\(error))")
        }
    }

    public var templates: [DraftTemplate] { index.templates }

    public func template(named name: String) -> DraftTemplate? { index.template(named: name) }

    /// The templates that suit a request's direction, type and status, for the desk's `d` menu.
    public func fitting(_ request: Request) -> [DraftTemplate] { index.fitting(request) }

    /// The fields a template needs that are empty for this request, without rendering.
    public func missingFields(_ template: DraftTemplate, context: DraftContext) -> [String] {
        guard let compiled = compiled[template.name] else { return [] }
        return DraftGaps.missing(in: compiled.outline, context: context)
    }

    /// Renders a template for a request, with `[MISSING: field]` markers wherever data is
    /// lacking. Pure apart from reading what was loaded: the same inputs give the same text.
    public func draft(_ template: DraftTemplate, context: DraftContext) -> Draft {
        guard let compiled = compiled[template.name] else {
            return Draft(template: template, text: "", missing: [])
        }
        let (missing, marked) = DraftGaps.analyse(compiled.outline, context)
        return Draft(template: template, text: compiled.mustache.render(Self.mustacheObject(marked)), missing: missing)
    }

    /// Builds the context from a request and renders in one step.
    public func draft(_ template: DraftTemplate, for details: RequestDetails, reference: ReferenceData, officer: String,
                      now: Date, timeZone: TimeZone = .current) -> Draft {
        draft(template, context: DraftContextBuilder.build(details, reference: reference, officer: officer, now: now,
                                                           timeZone: timeZone))
    }

    /// Mustache treats any present string, even an empty one, as true in a section; blank
    /// text is left out so that `{{#field}}` passages switch off when the field is empty.
    private static func mustacheObject(_ context: DraftContext) -> [String: Any] {
        var object: [String: Any] = [:]
        for (name, value) in context.fields {
            switch value {
            case let .text(text) where !value.isBlank:
                object[name] = DocumentText.clean(text)
            case .text:
                continue
            case let .flag(flag):
                object[name] = flag
            case let .list(records):
                object[name] = records.map(mustacheObject)
            }
        }
        return object
    }
}
