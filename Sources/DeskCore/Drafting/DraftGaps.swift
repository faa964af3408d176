/// Finds the fields a template would print empty for one request, and puts a visible
/// `[MISSING: field]` marker in their place, so that a draft never has a silent blank.
///
/// It follows the template as Mustache would render it: a passage switched off by an empty
/// field or a `false` flag is not looked into, a list passage is checked once per record, and
/// a name is looked up from the innermost record outwards. A field is reported by its path
/// (`evidence.sha256` for a field of the evidence list's records). A list passage with nothing
/// to repeat is a gap unless the template also gives it an inverted `{{^name}}` fallback.
public enum DraftGaps {
    public static func marker(_ path: String) -> String { "[MISSING: \(path)]" }

    /// The missing field paths, in the order the template first needs them.
    public static func missing(in outline: TemplateOutline, context: DraftContext) -> [String] {
        analyse(outline, context).missing
    }

    /// The context with every missing field replaced by its marker; a missing list gets one
    /// record whose fields are markers.
    public static func marked(_ context: DraftContext, for outline: TemplateOutline) -> DraftContext {
        analyse(outline, context).marked
    }

    /// Both at once: the gaps and the context to render.
    public static func analyse(_ outline: TemplateOutline, _ context: DraftContext) -> (missing: [String], marked: DraftContext) {
        var walker = Walker(fallbacks: outline.invertedNames)
        var frames = [Frame(context: context, path: "")]
        walker.walk(outline.nodes, frames: &frames, recording: true)
        return (walker.missing, frames[0].context)
    }

    private struct Frame {
        var context: DraftContext
        var path: String

        func path(of name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
    }

    private struct Walker {
        let fallbacks: Set<String>
        var missing: [String] = []

        mutating func note(_ path: String, recording: Bool) {
            if recording && !missing.contains(path) { missing.append(path) }
        }

        mutating func walk(_ nodes: [TemplateOutline.Node], frames: inout [Frame], recording: Bool) {
            for node in nodes {
                switch node {
                case let .variable(name):
                    variable(name, frames: &frames, recording: recording)
                case let .section(name, inverted, children):
                    section(name, inverted: inverted, children: children, frames: &frames, recording: recording)
                }
            }
        }

        private func lookup(_ name: String, in frames: [Frame]) -> Int? {
            frames.indices.last { frames[$0].context[name] != nil }
        }

        private mutating func variable(_ name: String, frames: inout [Frame], recording: Bool) {
            guard name != "." else { return }
            let found = lookup(name, in: frames)
            if let found, let value = frames[found].context[name], !value.isBlank { return }
            // Inside a missing list's placeholder record, markers stay in that record.
            let target = recording ? found ?? frames.count - 1 : frames.count - 1
            let path = frames[target].path(of: name)
            note(path, recording: recording)
            frames[target].context[name] = .text(DraftGaps.marker(path))
        }

        private mutating func section(_ name: String, inverted: Bool, children: [TemplateOutline.Node],
                                      frames: inout [Frame], recording: Bool) {
            let found = lookup(name, in: frames)
            let value = found.flatMap { frames[$0].context[name] }
            if inverted {
                if value?.isBlank ?? true { walk(children, frames: &frames, recording: recording) }
                return
            }
            switch value {
            case let .list(records)? where !records.isEmpty:
                guard let found else { return }
                let path = frames[found].path(of: name)
                var updated: [DraftContext] = []
                for record in records {
                    frames.append(Frame(context: record, path: path))
                    walk(children, frames: &frames, recording: recording)
                    updated.append(frames.removeLast().context)
                }
                frames[found].context[name] = .list(updated)
            case nil where !recording:
                // A field of a missing list's placeholder record, shown through a section of
                // its own (`{{#title}}: {{title}}{{/title}}`): its marker stands for it, once.
                let target = frames.count - 1
                frames[target].context[name] = .text(DraftGaps.marker(frames[target].path(of: name)))
                walk(children, frames: &frames, recording: false)
            case .list?, nil:
                guard !fallbacks.contains(name) else { return }
                let target = found ?? frames.count - 1
                let path = frames[target].path(of: name)
                note(path, recording: recording)
                frames.append(Frame(context: DraftContext(), path: path))
                walk(children, frames: &frames, recording: false)
                let placeholder = frames.removeLast().context
                frames[target].context[name] = .list([placeholder])
            case let value?:
                if !value.isBlank { walk(children, frames: &frames, recording: recording) }
            }
        }
    }
}
