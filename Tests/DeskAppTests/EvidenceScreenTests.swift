import DeskApp
import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct EvidenceScreenTests {
    typealias F = EvidenceFixtures

    static func itemView(width: Int, height: Int) -> DeskDriver {
        var desk = F.evidenceTab(width: width, height: height)
        desk.press(.key(.down), .key(.enter))
        desk.send(.timelineLoaded(F.mismatched, F.details().timeline(of: F.mismatched)))
        return desk
    }

    static func hashing(width: Int, height: Int) -> DeskDriver {
        var desk = F.evidenceTab(width: width, height: height)
        desk.press(.char("i"))
        EvidenceUpdateTests.focus(&desk, on: .description)
        desk.type("Disk image")
        EvidenceUpdateTests.focus(&desk, on: .path)
        desk.type("/evidence/laptop")
        desk.press(.ctrl("s"))
        desk.send(.hashProgress(HashProgress(bytesDone: 3 << 30, totalBytes: 12 << 30, bytesPerSecond: Double(1_200 << 20),
                                             fileIndex: 1, fileCount: 4, currentFile: RawPath("/evidence/laptop/disk.E01"))))
        return desk
    }

    /// Two digests alike in their first digits are shown where they part, not as two equal
    /// prefixes that would read as a match.
    @Test func aMismatchLateInTheDigestShowsWhereTheyDiffer() {
        var details = F.details()
        let index = details.items.firstIndex { $0.id == F.mismatched }!
        let declared = String(F.computed.prefix(40)) + String(repeating: "0", count: 24)
        details.items[index].declaredHashes = [HashDigest(algorithm: .sha256, value: declared)]
        let screen = F.evidenceTab(details: details).render()
        #expect(screen.contains("≠ SHA256 MISMATCH: declared …4f1b00000000… computed …4f1b2b0b822c…"),
                "\(screen.lines().joined(separator: "\n"))")
    }

    @Test func aDestroyedItemSaysSoInsteadOfAwaitingVerification() {
        var details = F.details()
        details.custody.append(CustodyEvent(itemID: F.verified, kind: .destroyed, at: DeskFixtures.day("2026-03-14"), officer: "anna"))
        let screen = F.evidenceTab(width: 120, height: 40, details: details).render()
        #expect(screen.contains("destroyed: nothing more is recorded for it"), "\(screen)")
        #expect(details.integrity(of: details.items[1]).summary == "destroyed")
    }

    /// Police-to-police exchange is not mutual legal assistance: "record it, but label it so".
    @Test func anExchangeThroughAPoliceChannelIsLabelledSo() {
        var details = F.details()
        details.exchanges[0].channel = "europol_siena"
        let screen = F.evidenceTab(width: 80, height: 24, details: details).render()
        #expect(screen.contains("! police channel, not MLA: usually not admissible as evidence"), "\(screen)")
        #expect(!F.evidenceTab(width: 120, height: 40).render().contains("police channel"))
        var item = F.evidenceTab(width: 80, height: 24, details: details)
        item.press(.key(.down), .key(.enter))
        #expect(item.render().contains("! police channel, not MLA: usually not admissible as"), "the item's page says so too")
    }

    @Test func evidenceTabAt80x24ShowsExchangesItemsAndAMismatchWithBothValues() {
        let screen = F.evidenceTab().render()
        assertScreen(screen, equals: [
            " MLA Desk · Request                                     anna · 2026-03-14 09:30",
            " OUT-2026-0007  Draft  JP",
            "  1 Summary  2 Parties and identifiers  3 Checklist  4 Evidence  5 History",
            "▸Received · 2026-03-12 10:15 · Secure portal · via Central authority to centra…",
            "   from 東京地方検察庁, K. Sato · transmittal T-2026-17 · handling H2",
            "   Logs · Server logs March · logs.csv · 1,234 bytes",
            "     ≠ SHA256 MISMATCH: declared abababababab… computed 9f86d081884c…",
            "   Subscriber records · Account holder ^[[2Jdata · subscriber.pdf · 48,213 byte",
            "     SHA-256 e3b0c44298fc… ✓ verified",
            "",
            " Sent · 2026-03-13 00:00 · Paper",
            "   No items yet. Press i to add one.",
            "", "", "", "", "", "", "", "", "", "", "",
            "Enter Open item  x Exchange  i Item  c Custody  Tab Section  Esc Back  ? Help",
        ])
        assertRole(screen, of: "≠ SHA256 MISMATCH: declared abababababab… computed 9f86d081884c…", is: .error)
        assertRole(screen, of: "Received · 2026-03-12 10:15", is: .selected)
        assertRole(screen, of: "Sent · 2026-03-13 00:00 · Paper", is: .header)
        assertRole(screen, of: "SHA-256 e3b0c44298fc… ✓ verified", is: .ok)
        #expect(!screen.lines().joined().contains("\u{1B}"))
    }

    @Test func evidenceTabAt120x40AndTheSelectionFollowsTheArrows() {
        var desk = F.evidenceTab(width: 120, height: 40)
        desk.press(.key(.down))
        let screen = desk.render()
        #expect(screen.rowText(3) == " Received · 2026-03-12 10:15 · Secure portal · via Central authority to central authority")
        #expect(screen.rowText(5) == "▸  Logs · Server logs March · logs.csv · 1,234 bytes")
        #expect(screen.rowText(7) == "   Subscriber records · Account holder ^[[2Jdata · subscriber.pdf · 48,213 bytes")
        #expect(screen.rowText(39) == "Enter Open item  x Exchange  i Item  c Custody  Tab Section  Esc Back  ? Help  q Quit")
        assertRole(screen, of: "Logs · Server logs March", is: .selected)
        assertRole(screen, of: "≠ SHA256 MISMATCH", is: .error)
    }

    @Test func itemViewAt80x24ShowsBothHashesWholeAndTheTimeline() {
        let screen = Self.itemView(width: 80, height: 24).render()
        assertScreen(screen, equals: [
            " MLA Desk · Evidence item                               anna · 2026-03-14 09:30",
            " Item a1000000 of OUT-2026-0007                                      1–19 of 23",
            "",
            " Category           Logs",
            " Description        Server logs March",
            " Exchange           Received 2026-03-12 10:15 · Secure portal · e1000000",
            " Original file      logs.csv",
            " Size               1,234 bytes",
            " Attached from      —",
            " State              ≠ SHA256 MISMATCH: declared abababababab… computed",
            "                    9f86d081884c…",
            "",
            " Hashes",
            " ≠ SHA256 declared",
            "   abababababababababababababababababababababababababababababababab",
            " ≠ SHA256 computed",
            "   9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "",
            " Custody timeline",
            " 2026-03-12 00:00   Received by anna at Evidence room 2",
            " 2026-03-12 00:00   Verification failed by anna",
            "                    SHA256 declared",
            "",
            "c Custody  a Attach file  Esc Back  ? Help  q Quit",
        ])
        assertRole(screen, of: F.declared, is: .error)
        assertRole(screen, of: F.computed, is: .error)
        assertRole(screen, of: "Custody timeline", is: .header)
    }

    @Test func itemViewAt120x40PutsEachHashBesideItsLabel() {
        let screen = Self.itemView(width: 120, height: 40).render()
        #expect(screen.rowText(12) == " ≠ SHA256 declared  \(F.declared)")
        #expect(screen.rowText(13) == " ≠ SHA256 computed  \(F.computed)")
        #expect(screen.rowText(16) == " 2026-03-12 00:00   Received by anna at Evidence room 2")
        #expect(screen.rowText(19) == "                    \(F.computed)")
        #expect(screen.rowText(39) == "c Custody  a Attach file  Esc Back  ? Help  q Quit")
    }

    @Test func progressDialogAt80x24ShowsBytesRateTimeLeftAndFile() {
        let screen = Self.hashing(width: 80, height: 24).render()
        assertScreen(screen, equals: [
            " MLA Desk · Evidence form                               anna · 2026-03-14 09:30",
            " Add an item to exchange e1000000-0000-0000  (changed)               * required",
            " Category *              Subscriber records",
            " Description *           Disk image",
            "▸File/folder to hash     /evidence/laptop",
            " Original file name",
            " Declared SHA-256",
            " Dec┌─ Hashing ────────────────────────────────────────────────────────────┐",
            " Dec│ File 2 of 4: /evidence/laptop/disk.E01                               │",
            " Siz│ [###############----------------------------------------------]  25% │",
            "    │ 3.0 GiB of 12.0 GiB · 1.2 GiB/s · 8 s left                           │",
            "    │                                                                      │",
            "    │ Esc  cancel (nothing is recorded)                                    │",
            "    │                                                                      │",
            "    └──────────────────────────────────────────────────────────────────────┘",
            "", "", "", "", "", "", "", "",
            "Esc Cancel",
        ])
        assertRole(screen, of: "###############", is: .ok)
    }

    @Test func progressDialogAt120x40IsCentredAndSaysWhenItIsCancelling() {
        var desk = Self.hashing(width: 120, height: 40)
        var screen = desk.render()
        #expect(screen.rowText(16) == "                        │ File 2 of 4: /evidence/laptop/disk.E01                               │")
        #expect(screen.rowText(17) == "                        │ [###############----------------------------------------------]  25% │")
        #expect(screen.rowText(18) == "                        │ 3.0 GiB of 12.0 GiB · 1.2 GiB/s · 8 s left                           │")
        #expect(screen.rowText(39) == "Esc Cancel")
        desk.press(.key(.escape))
        screen = desk.render()
        #expect(screen.rowText(20) == "                        │ Cancelling…                                                          │")
        assertRole(screen, of: "Cancelling…", is: .warning)
    }
}

extension EvidenceScreenTests {
    @Test func evidencePagesAndTheProgressDialogDrawAtAnySize() {
        let sizes = [(40, 10), (200, 60), (10, 3), (0, 0), (80, 24)]
        let desks = [F.evidenceTab(), Self.itemView(width: 80, height: 24), Self.hashing(width: 80, height: 24)]
        for var desk in desks {
            desk.send(.deskVerified(VerifyReport(chainBreak: (sequence: 3, problem: "edited"))))
            for (width, height) in sizes {
                desk.send(.resize(width: width, height: height))
                let screen = desk.render()
                #expect(screen.width == width)
            }
            #expect(desk.render().contains("Audit chain broken at sequence 3"))
        }
    }
}
