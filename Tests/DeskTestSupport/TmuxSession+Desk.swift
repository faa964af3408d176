import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension TmuxSession {
    /// Tabs forward until the focus marker sits on the form field labelled `label`, waiting
    /// after each Tab for the screen to change so that a slow frame never causes an overshoot.
    public func moveTo(_ label: String) throws {
        for _ in 0..<40 {
            let screen = try settled()
            if screen.contains("▸\(label)") { return }
            try press("Tab")
            try waitUntil("focus to move") { $0 != screen }
        }
        try waitFor("▸\(label)", timeout: 2)
    }

    /// Goes back to the home screen and quits, one key at a time: Esc followed at once by a
    /// letter is read as Alt-letter, as on any terminal.
    public func leaveToHomeAndQuit() throws {
        for _ in 0..<5 {
            let before = try settled()
            if before.contains("Needs attention") { break }
            try press("Escape")
            try waitUntil("the page to close") { $0 != before }
        }
        try waitFor("Needs attention")
        try press("q")
    }
}
