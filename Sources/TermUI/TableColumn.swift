/// One column of a ``TableView``: its title, how it takes width, and its alignment.
public struct TableColumn: Equatable, Sendable {
    /// Fixed columns always take their width; flexible ones share what is left, but never less
    /// than their minimum.
    public enum Width: Equatable, Sendable {
        case fixed(Int)
        case flex(min: Int)
    }

    public var title: String
    public var width: Width
    public var alignRight: Bool

    public init(_ title: String, _ width: Width, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }

    var minimumWidth: Int {
        switch width {
        case .fixed(let n), .flex(min: let n): max(0, n)
        }
    }

    var isFlexible: Bool {
        if case .flex = width { return true }
        return false
    }
}
