import DeskStore
import TermUI

/// The line under the title bar when the check run at opening found a problem: an alarm when
/// the audit chain or the records are not as the program wrote them, a softer note when only
/// evidence hashes disagree.
public struct DeskBanner: Equatable, Sendable {
    public var text: String
    /// The case file itself is in doubt (chain, records, SQLite), not only evidence.
    public var isAlarm: Bool

    public init(text: String, isAlarm: Bool) {
        self.text = text
        self.isAlarm = isAlarm
    }

    /// The banner a verify report calls for; nil when there is nothing to say.
    public init?(_ report: VerifyReport) {
        let command = "run `mladesk verify`"
        if let chainBreak = report.chainBreak {
            self.init(text: "Audit chain broken at sequence \(chainBreak.sequence) — \(command)", isAlarm: true)
        } else if !report.integrityProblems.isEmpty {
            self.init(text: "SQLite found damage in the case file — \(command)", isAlarm: true)
        } else if !report.recordProblems.isEmpty {
            let count = report.recordProblems.count
            self.init(text: "\(count == 1 ? "1 record differs" : "\(count) records differ") from the audit trail — \(command)",
                      isAlarm: true)
        } else if !report.evidenceMismatches.isEmpty {
            let count = report.evidenceMismatches.count
            self.init(text: "Note: \(count == 1 ? "1 evidence item has" : "\(count) evidence items have") "
                + "hashes that disagree — see `mladesk verify`", isAlarm: false)
        } else {
            return nil
        }
    }

    /// The check itself failed (the file could not be read).
    public static func checkFailed(_ reason: String) -> DeskBanner {
        DeskBanner(text: "The case file could not be checked: \(reason)", isAlarm: true)
    }

    static func render(_ banner: DeskBanner, state: AppState, into screen: inout Screen) {
        let row = state.layout.bannerRow
        let role: StyleRole = banner.isAlarm ? .banner : .warning
        screen.fill(Rect(x: 0, y: row, width: state.width, height: 1), role: role)
        screen.put((banner.isAlarm ? "! " : "") + banner.text, x: 1, y: row, role: role, maxWidth: state.width - 2)
    }
}
