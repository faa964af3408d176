/// The tag structure of a Mustache template: which fields it inserts and which passages it
/// repeats or switches, in order, without the text around them.
///
/// The desk reads this outline before rendering to list the fields a template needs that are
/// empty for a request. Only what document templates need is accepted: variables, sections,
/// inverted sections, comments and pragmas. Partials, blocks and changed delimiters are refused
/// so that one template file is always the whole document.
public struct TemplateOutline: Sendable, Equatable {
    public indirect enum Node: Sendable, Equatable {
        case variable(String)
        case section(String, inverted: Bool, children: [Node])
    }

    /// A tag the outline cannot accept, with the line it starts on.
    public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public var nodes: [Node]

    /// Names of every inverted section, anywhere in the template: a list section whose name
    /// also appears inverted has an explicit fallback, so an empty list is not a gap.
    public var invertedNames: Set<String> {
        var names = Set<String>()
        func visit(_ nodes: [Node]) {
            for node in nodes {
                if case let .section(name, inverted, children) = node {
                    if inverted { names.insert(name) }
                    visit(children)
                }
            }
        }
        visit(nodes)
        return names
    }

    /// Every field name used, sections included, in order of first appearance.
    public var fieldNames: [String] {
        var names: [String] = []
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case let .variable(name):
                    if !names.contains(name) { names.append(name) }
                case let .section(name, _, children):
                    if !names.contains(name) { names.append(name) }
                    visit(children)
                }
            }
        }
        visit(nodes)
        return names
    }

    public static func parse(_ text: String) throws(SyntaxError) -> TemplateOutline {
        var stack: [(name: String, inverted: Bool, line: Int, children: [Node])] = [("", false, 1, [])]
        var rest = Substring(text)
        var line = 1
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].count(where: \.isNewline)
            let afterOpen = rest[open.upperBound...]
            let triple = afterOpen.hasPrefix("{")
            let closing = triple ? "}}}" : "}}"
            let bodyStart = triple ? afterOpen.index(after: afterOpen.startIndex) : afterOpen.startIndex
            guard let close = afterOpen[bodyStart...].range(of: closing) else {
                throw SyntaxError(line: line, message: "a tag opened with {{ is never closed")
            }
            let body = afterOpen[bodyStart..<close.lowerBound]
            line += body.count(where: \.isNewline)
            rest = afterOpen[close.upperBound...]
            let tag = body.trimmingSpaces
            guard let sigil = tag.first else { throw SyntaxError(line: line, message: "an empty tag {{}}") }
            let name = tag.dropFirst().trimmingSpaces
            if triple {
                try checkName(tag, line: line)
                stack[stack.count - 1].children.append(.variable(String(tag)))
                continue
            }
            switch sigil {
            case "!", "%":
                continue
            case "#", "^":
                try checkName(name, line: line)
                stack.append((String(name), sigil == "^", line, []))
            case "/":
                guard stack.count > 1, let open = stack.last, open.name == name else {
                    let expected = stack.count > 1 ? "{{/\(stack[stack.count - 1].name)}}" : "no closing tag"
                    throw SyntaxError(line: line, message: "{{/\(name)}} does not close an open section (expected \(expected))")
                }
                stack.removeLast()
                stack[stack.count - 1].children.append(.section(open.name, inverted: open.inverted, children: open.children))
            case "&":
                try checkName(name, line: line)
                stack[stack.count - 1].children.append(.variable(String(name)))
            case ">", "<", "$", "=":
                throw SyntaxError(
                    line: line, message: "{{\(sigil)…}} is not supported in document templates (one file is the whole document)")
            default:
                try checkName(tag, line: line)
                stack[stack.count - 1].children.append(.variable(String(tag)))
            }
        }
        if stack.count > 1, let open = stack.last {
            throw SyntaxError(line: open.line, message: "{{\(open.inverted ? "^" : "#")\(open.name)}} is never closed")
        }
        return TemplateOutline(nodes: stack[0].children)
    }

    private static func checkName(_ name: Substring, line: Int) throws(SyntaxError) {
        let allowed = name == "." || (!name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        guard allowed else {
            throw SyntaxError(line: line, message: "'\(name)' is not a field name (letters, digits and _ only)")
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
