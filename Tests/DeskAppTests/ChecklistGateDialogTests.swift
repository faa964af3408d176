import DeskApp
import DeskCore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct ChecklistGateDialogTests {
    static func approvedDesk() -> DeskDriver {
        var desk = ChecklistTabTests.desk(details: ChecklistTabTests.details(status: .approved))
        desk.press(.char("s"))
        return desk
    }

    @Test func aGatedTargetIsMarkedAndRefusedWithTheMissingItemsNamed() {
        var desk = Self.approvedDesk()
        guard case .status(var dialog) = desk.state.dialog else {
            Issue.record("expected the status dialog")
            return
        }
        #expect(dialog.missingItems == [.transmitted: 4])
        while dialog.target != .transmitted, case .status(let next) = desk.state.dialog {
            desk.press(.key(.down))
            guard case .status(let moved) = desk.state.dialog, moved.highlighted != next.highlighted else { break }
            dialog = moved
        }
        #expect(dialog.target == .transmitted)
        #expect(desk.render().contains("Transmitted  (4 items missing)"))
        #expect(desk.press(.key(.enter)).isEmpty)
        guard case .status(let refused) = desk.state.dialog else {
            Issue.record("the dialog closed")
            return
        }
        let expected = ChecklistGate.refusal(for: DeskFixtures.request(status: .approved),
                                             checklist: ChecklistTabTests.checklist(), history: [], target: .transmitted)
        #expect(refused.error == expected)
        #expect(refused.error == "OUT-2026-0007 cannot move to transmitted: 4 required checklist items are open: "
            + "Offence and brief summary of the facts; Data to preserve and its relationship to the offence; "
            + "Custodian of the data or location of the system; Intent to follow with a request for mutual assistance")
        let screen = desk.render()
        assertScreen(screen, equals: [
            " MLA Desk · Request                                     anna · 2026-03-14 09:30",
            " OUT-202┌─ Change status of OUT-2026-0007 ─────────────────────────────┐",
            "  1 Summ│Now: Approved                                                 │ry",
            " Require│( ) Central authority review                                  │ed only",
            " Preserv│(•) Transmitted  (4 items missing)                            │",
            " ▸ [x] A│( ) Withdrawn  (needs a reason)                               │",
            "       a│                                                              │",
            "       G│Channel   Filter:                                    1–3 of 10│",
            "   [ ] O│          ( ) Diplomatic channel (ministries of foreign affai…│",
            "       N│          ( ) Central authority to central authority          │",
            "   [ ] D│          ( ) Direct between judicial authorities             │",
            "   [ ] C│                                                              │",
            "   [-] N│Note                                                          │or 7",
            "       d│When      now (or YYYY-MM-DD HH:MM when it happened)          │",
            "       b│OUT-2026-0007 cannot move to transmitted: 4 required checklist│",
            "   [ ] I│items are open: Offence and brief summary of the facts; Data  │",
            "        │to preserve and its relationship to the offence; Custodian of │",
            " No long│the data or location of the system; Intent to follow with a   │",
            "   [ ] S│request for mutual assistance                                 │",
            "        │                                                              │",
            "        │                                                              │",
            "        └──────────────────────────────────────────────────────────────┘",
            "",
            "Enter Change  Tab Next  Esc Cancel",
        ])
        assertRole(screen, of: "OUT-2026-0007 cannot move to transmitted", is: .error)
    }

    @Test func anUngatedTargetStillGoes() {
        var desk = Self.approvedDesk()
        guard case .status(let dialog) = desk.state.dialog, let withdrawn = dialog.targets.firstIndex(of: .withdrawn) else {
            Issue.record("expected withdrawn among the targets")
            return
        }
        for _ in 0..<withdrawn { desk.press(.key(.down)) }
        desk.press(.key(.tab))
        desk.type("duplicate")
        #expect(desk.press(.key(.enter)).isEmpty, "withdrawn is final: the first Enter warns")
        guard case .changeStatus(let order) = desk.press(.key(.enter)).first else {
            Issue.record("expected a status change")
            return
        }
        #expect(order.target == .withdrawn)
    }

    /// A long checklist's refusal is cut after a few lines so the choices stay in the box.
    @Test func aLongRefusalLeavesTheChoicesInTheBox() {
        var details = ChecklistTabTests.details(status: .approved)
        details.checklist += (1...24).map { number in
            ChecklistItem(itemID: "extra.item\(number)", group: "More", label: "A long required checklist item number \(number)",
                          isRequired: true, gates: .transmitted)
        }
        var desk = ChecklistTabTests.desk(details: details)
        desk.press(.char("s"))
        while case .status(let dialog) = desk.state.dialog, dialog.target != .transmitted { desk.press(.key(.down)) }
        desk.press(.key(.enter))
        let screen = desk.render().lines().joined(separator: "\n")
        #expect(screen.contains("cannot move to transmitted") && screen.contains(" …"), "\(screen)")
        for choice in ["Central authority review", "Transmitted", "Withdrawn"] {
            #expect(screen.contains(choice), "\(choice) stays on screen:\n\(screen)")
        }
    }
}
