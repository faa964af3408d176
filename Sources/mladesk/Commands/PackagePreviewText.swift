import DeskStore
import Foundation

/// The words `import --package` prints for what a package adds and changes; every string from
/// the package passes the sanitiser, since its sender wrote it.
enum PackagePreviewText {
    static func render(_ preview: PackagePreview, applied: Bool) -> String {
        var lines: [String] = []
        let id = preview.packageID.uuidString.lowercased()
        lines.append("\(applied ? "Imported" : "Would import") package \(id) from \(TextOutput.safe(preview.senderLabel)) "
            + "(desk \(TextOutput.safe(preview.senderDeskID)), key \(preview.senderKeyID), sequence \(preview.sequence), "
            + "made \(TextOutput.moment(preview.createdAt))).")
        lines.append("\(preview.added.count) added, \(preview.updated.count) updated, \(preview.unchanged.count) unchanged; "
            + "\(preview.files.count) evidence file(s).")
        for change in preview.requests {
            switch change.kind {
            case .added:
                lines.append("  + \(change.reference)  new, with \(change.newOrChangedItems) evidence item(s), \(change.newCustodyEvents) custody event(s)")
            case let .updated(from, to):
                lines.append("  ~ \(change.reference)  version \(from) → \(to): \(TextOutput.safe(change.fieldChanges)); "
                    + "\(change.newStatusChanges) status change(s), \(change.newOrChangedItems) evidence item(s), "
                    + "\(change.newCustodyEvents) custody event(s) new or changed")
            case .unchanged:
                lines.append("  = \(change.reference)  already here, unchanged")
            }
        }
        for file in preview.files {
            lines.append("  file \(file.sha256.prefix(16))…  \(file.size) bytes  \(TextOutput.safe(file.displayName))"
                + (file.alreadyStored ? "  (already stored)" : ""))
        }
        lines += preview.notes.map { "Note: \(TextOutput.safe($0))" }
        return lines.joined(separator: "\n")
    }
}
