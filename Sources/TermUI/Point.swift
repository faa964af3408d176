/// A position on the screen in display columns (`x`) and rows (`y`), origin top left.
public struct Point: Equatable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}
