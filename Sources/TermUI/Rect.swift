/// A screen region in display columns and rows, used to lay out views without arithmetic noise.
///
/// All operations clamp instead of failing: a split larger than the rectangle yields an empty
/// part, never a negative size, so layouts degrade gracefully on tiny terminals.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The first column to the right of the rectangle.
    public var maxX: Int { x + width }
    /// The first row below the rectangle.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func inset(by n: Int) -> Rect { inset(dx: n, dy: n) }

    public func inset(dx: Int, dy: Int) -> Rect {
        Rect(x: x + dx, y: y + dy, width: max(0, width - 2 * dx), height: max(0, height - 2 * dy))
    }

    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let top = Swift.min(Swift.max(0, rows), Swift.max(0, height))
        return (
            Rect(x: x, y: y, width: width, height: top),
            Rect(x: x, y: y + top, width: width, height: Swift.max(0, height - top))
        )
    }

    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let bottom = Swift.min(Swift.max(0, rows), Swift.max(0, height))
        let rest = Swift.max(0, height - bottom)
        return (
            Rect(x: x, y: y, width: width, height: rest),
            Rect(x: x, y: y + rest, width: width, height: bottom)
        )
    }

    public func splitLeft(_ cols: Int) -> (left: Rect, rest: Rect) {
        let left = Swift.min(Swift.max(0, cols), Swift.max(0, width))
        return (
            Rect(x: x, y: y, width: left, height: height),
            Rect(x: x + left, y: y, width: Swift.max(0, width - left), height: height)
        )
    }

    public func splitRight(_ cols: Int) -> (rest: Rect, right: Rect) {
        let right = Swift.min(Swift.max(0, cols), Swift.max(0, width))
        let rest = Swift.max(0, width - right)
        return (
            Rect(x: x, y: y, width: rest, height: height),
            Rect(x: x + rest, y: y, width: right, height: height)
        )
    }

    /// A rectangle of the requested size centred in this one, shrunk to fit when it is larger.
    public func centered(width: Int, height: Int) -> Rect {
        let w = Swift.max(0, Swift.min(width, self.width))
        let h = Swift.max(0, Swift.min(height, self.height))
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }

    /// The overlap of two rectangles (empty, with zero size, when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = Swift.max(x, other.x)
        let top = Swift.max(y, other.y)
        let right = Swift.min(maxX, other.maxX)
        let bottom = Swift.min(maxY, other.maxY)
        return Rect(x: left, y: top, width: Swift.max(0, right - left), height: Swift.max(0, bottom - top))
    }
}
