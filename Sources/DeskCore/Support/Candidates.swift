/// What an ambiguous name typed by the officer could stand for, in words: the first three, and
/// how many more, so that a message about a common prefix stays one line yet says it is not all.
public enum Candidates {
    public static func inWords(_ names: [String]) -> String {
        names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
    }
}
