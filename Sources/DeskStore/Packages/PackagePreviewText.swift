import DeskCore
import Foundation

/// One line of what a package adds and changes, with what kind of line it is so a screen can
/// colour it. The text holds strings the sender wrote (its desk's name for things, field
/// changes, file names) as they are: print it through the sanitiser or draw it with
/// `Screen.put`, never raw.
public struct PackagePreviewLine: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// "Would import package …" or "Imported package …".
        case heading
        /// Sender, recipient, date, sequence, audit head.
        case detail
        /// How many requests are added, updated, unchanged.
        case summary
        case added
        case updated
        /// The fields an update changes, under its request line.
        case fieldChanges
        case unchanged
        case file
        case note
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// The words for a package preview, written once: `mladesk import --package` prints these
/// lines and the desk's import screen draws them, so both say the same about a package.
public enum PackagePreviewText {
    /// - Parameters:
    ///   - applied: whether the import was done ("Imported") or is only proposed ("Would import").
    ///   - timeZone: the zone the package's creation time is shown in.
    public static func lines(_ preview: PackagePreview, applied: Bool,
                             timeZone: TimeZone = .current) -> [PackagePreviewLine] {
        let id = preview.packageID.uuidString.lowercased()
        var lines = [PackagePreviewLine(.heading, "\(applied ? "Imported" : "Would import") package \(id)")]
        lines.append(PackagePreviewLine(.detail, "From:        \(preview.senderLabel) (key \(preview.senderKeyID), "
            + "desk \(preview.senderDeskID))"))
        lines.append(PackagePreviewLine(.detail, "To:          " + (preview.recipientDeskID.map { "desk \($0)" } ?? "no desk named")))
        lines.append(PackagePreviewLine(.detail, "Made:        \(LocalTime.format(preview.createdAt, timeZone: timeZone))"))
        lines.append(PackagePreviewLine(.detail, "Sequence:    \(preview.sequence)"))
        lines.append(PackagePreviewLine(.detail, "Audit head:  \(preview.senderAuditHead)"))
        lines.append(PackagePreviewLine(.summary, summary(preview)))
        for change in preview.requests {
            lines += requestLines(change)
        }
        for file in preview.files {
            lines.append(PackagePreviewLine(.file, "  file \(file.sha256.prefix(16))…  \(file.size) bytes  \(file.displayName)"
                + (file.alreadyStored ? "  (already stored)" : "")))
        }
        lines += preview.notes.map { PackagePreviewLine(.note, "Note: \($0)") }
        return lines
    }

    /// `2 added, 1 updated, 0 unchanged; 1 evidence file(s).`
    public static func summary(_ preview: PackagePreview) -> String {
        "\(preview.added.count) added, \(preview.updated.count) updated, \(preview.unchanged.count) unchanged; "
            + "\(preview.files.count) evidence file(s)."
    }

    private static func requestLines(_ change: RequestChange) -> [PackagePreviewLine] {
        switch change.kind {
        case .added:
            return [PackagePreviewLine(.added, "  + \(change.reference)  added, with \(change.newOrChangedItems) evidence "
                + "item(s), \(change.newCustodyEvents) custody event(s)")]
        case let .updated(from, to):
            var lines = [PackagePreviewLine(.updated, "  ~ \(change.reference)  updated v\(from) → v\(to): "
                + "\(change.newStatusChanges) status change(s), \(change.changedChecklistItems) checklist item(s), "
                + "\(change.newOrChangedItems) evidence item(s), \(change.newCustodyEvents) custody event(s) new or changed")]
            if !change.fieldChanges.isEmpty {
                lines.append(PackagePreviewLine(.fieldChanges, "      Changed: \(change.fieldChanges)"))
            }
            return lines
        case .unchanged:
            return [PackagePreviewLine(.unchanged, "  = \(change.reference)  unchanged, already here")]
        }
    }
}
