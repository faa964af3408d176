import DeskTestSupport

extension TmuxSession {
    /// From the home page, lists every request filtered to `reference` and waits until it is
    /// the only one, under the cursor.
    func listOnly(_ reference: String) throws {
        try waitFor("Needs attention")
        try press("l", "/")
        try type(reference)
        try press("Enter")
        try waitFor("1–1 of 1")
    }
}
