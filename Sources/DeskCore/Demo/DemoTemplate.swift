/// A sentence pattern with named slots (`{provider}`, `{ip}`), parsed once so that filling it
/// for each demo request is a few appends rather than a search and replace.
struct DemoTemplate: Sendable {
    /// The values a template can mention; each demo request computes them once.
    enum Slot: Int, CaseIterable, Sendable {
        case country, provider, target, ip, domain, email, wallet, phone, amount, victims, victim, period
        case malware, market, operation, year, number

        /// The slot written `{name}` in a pattern.
        init?(name: Substring) {
            guard let slot = Self.allCases.first(where: { String(describing: $0) == name }) else { return nil }
            self = slot
        }
    }

    private enum Piece: Sendable {
        case text(String)
        case slot(Slot)
    }

    private let pieces: [Piece]

    /// `pattern` is literal text with `{slot}` markers; an unknown slot name is a programming
    /// error in the built-in templates, so it stops the program.
    init(_ pattern: String) {
        var pieces: [Piece] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { pieces.append(.text(String(rest[rest.startIndex..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}"),
                let slot = Slot(name: rest[rest.index(after: open)..<close])
            else { preconditionFailure("bad slot in demo template: \(pattern)") }
            pieces.append(.slot(slot))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    func render(into output: inout String, _ values: Values) {
        for piece in pieces {
            switch piece {
            case let .text(text):
                // A name that ends a sentence ("… S.A.") already carries its full stop.
                output += text.hasPrefix(".") && output.hasSuffix(".") ? String(text.dropFirst()) : text
            case let .slot(slot): output += values[slot]
            }
        }
    }

    /// One string per slot, filled by the generator for one request.
    struct Values {
        private var storage = [String](repeating: "", count: Slot.allCases.count)

        subscript(slot: Slot) -> String {
            get { storage[slot.rawValue] }
            set { storage[slot.rawValue] = newValue }
        }
    }
}
