import Testing
import TermUI

@Suite struct FrameViewTests {
    @Test func dialogClearsAndFramesACentredBox() {
        var screen = Screen(width: 20, height: 7)
        screen.fill(screen.area, role: .normal, character: ".")
        let inner = DialogView.frame(title: "Discard?", width: 14, height: 4, in: screen.area, into: &screen)
        #expect(inner == Rect(x: 4, y: 2, width: 12, height: 2))
        let expected = [
            "....................",
            "...┌─ Discard? ─┐...",
            "...│            │...",
            "...│            │...",
            "...└────────────┘...",
            "....................",
            "....................",
        ]
        #expect(screen.textDifferences(from: expected) == nil, "\(screen.textDifferences(from: expected) ?? "")")
        #expect(screen.role(atX: 3, y: 1) == .border)
        #expect(screen.role(atX: 6, y: 1) == .title)
    }

    @Test func dialogLargerThanTheAreaIsClamped() {
        var screen = Screen(width: 10, height: 3)
        let inner = DialogView.frame(title: "A very long title", width: 50, height: 50, in: screen.area, into: &screen)
        #expect(inner == Rect(x: 1, y: 1, width: 8, height: 1))
        #expect(screen.rowText(0) == "┌─ A v… ─┐")
    }

    @Test func progressBarIsReadableWithoutColour() {
        var screen = Screen(width: 30, height: 1)
        ProgressBarView.render(fraction: 0.42, label: "hashing", into: &screen, rect: screen.area)
        #expect(screen.rowText(0) == "[#####---------]  42%  hashing")
        var clamped = Screen(width: 20, height: 1)
        ProgressBarView.render(fraction: .nan, label: "", into: &clamped, rect: clamped.area)
        #expect(clamped.rowText(0) == "[-------------]   0%")
    }

    @Test func keyBarDropsItemsThatDoNotFit() {
        var screen = Screen(width: 12, height: 1)
        KeyBarView.render([("F2", "Save"), ("Esc", "Back")], into: &screen, y: 0)
        #expect(screen.rowText(0) == "F2 Save")
    }

    /// A page's own keys give way to the help key, which says where the others are.
    @Test func keyBarKeepsTheKeptItemsInTheirPlaceAndDropsTheOthersFirst() {
        let items = [("a", "Alpha"), ("b", "Beta"), ("c", "Gamma"), ("?", "Help"), ("q", "Quit")]
        var narrow = Screen(width: 24, height: 1)
        KeyBarView.render(items, keeping: [3], into: &narrow, y: 0)
        #expect(narrow.rowText(0) == "a Alpha  b Beta  ? Help")
        var wide = Screen(width: 60, height: 1)
        KeyBarView.render(items, keeping: [3], into: &wide, y: 0)
        #expect(wide.rowText(0) == "a Alpha  b Beta  c Gamma  ? Help  q Quit")
    }
}
