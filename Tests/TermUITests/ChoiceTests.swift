import Testing
import TermUI

@Suite struct ChoiceTests {
    private let countries = [
        ChoiceOption(id: "AT", label: "AT — Austria"),
        ChoiceOption(id: "BD", label: "BD — Bangladesh"),
        ChoiceOption(id: "CI", label: "CI — Côte d’Ivoire"),
        ChoiceOption(id: "DE", label: "DE — Germany"),
        ChoiceOption(id: "DK", label: "DK — Denmark"),
        ChoiceOption(id: "FR", label: "FR — France"),
    ]

    private func typing(_ text: String, into state: inout ChoiceState) {
        for c in text { _ = state.handle(.char(c)) }
    }

    @Test func typeAheadPutsTheExactIdFirst() {
        var state = ChoiceState(options: countries)
        typing("de", into: &state)
        #expect(state.visibleOptions.first?.label == "DE — Germany")
        #expect(state.visibleOptions.map(\.id) == ["DE", "DK", "BD"])
    }

    @Test func filterIgnoresCaseAndAccents() {
        var state = ChoiceState(options: countries)
        typing("COTE", into: &state)
        #expect(state.visibleOptions.map(\.id) == ["CI"])
        _ = state.handle(.key(.backspace))
        #expect(state.filter == "COT")
    }

    @Test func singleModeSelectsWithEnterOrSpace() {
        var state = ChoiceState(options: countries)
        typing("fr", into: &state)
        let handled1 = state.handle(.key(.enter))
        #expect(handled1)
        #expect(state.selected == ["FR"])
        state.filter = ""
        _ = state.handle(.key(.down))
        _ = state.handle(.char(" "))
        #expect(state.selected == ["BD"])
    }

    @Test func multiModeTogglesAndKeepsOptionOrder() {
        var state = ChoiceState(options: countries, isMulti: true)
        _ = state.handle(.key(.end))
        _ = state.handle(.char(" "))
        _ = state.handle(.key(.home))
        _ = state.handle(.char(" "))
        _ = state.handle(.key(.down))
        _ = state.handle(.char(" "))
        #expect(state.selected == ["AT", "BD", "FR"])
        _ = state.handle(.key(.up))
        _ = state.handle(.char(" "))
        #expect(state.selected == ["BD", "FR"])
        let handled2 = state.handle(.key(.enter))
        #expect(!handled2)
    }

    @Test func highlightStaysInsideTheVisibleList() {
        var state = ChoiceState(options: countries)
        _ = state.handle(.key(.pageDown))
        #expect(state.highlighted == countries.count - 1)
        typing("d", into: &state)
        #expect(state.highlighted == 0)
        _ = state.handle(.key(.up))
        #expect(state.highlighted == 0)
    }

    @Test func viewShowsFilterMarkersAndHighlight() {
        var state = ChoiceState(options: countries, selected: ["DK"], isMulti: true)
        typing("d", into: &state)
        _ = state.handle(.key(.down))
        var screen = Screen(width: 24, height: 4)
        ChoiceView.render(state, into: &screen, rect: screen.area, focused: true)
        let expected = [
            "Filter: d       1–3 of 4",
            "[ ] CI — Côte d’Ivoire",
            "[ ] DE — Germany",
            "[x] DK — Denmark",
        ]
        #expect(screen.textDifferences(from: expected) == nil, "\(screen.textDifferences(from: expected) ?? "")")
        #expect(screen.role(atX: 0, y: 2) == .selected)
        #expect(screen.role(atX: 0, y: 1) == .normal)
        #expect(screen.cursor == Point(x: 9, y: 0))
    }

    @Test func singleModeUsesRadioMarkers() {
        let state = ChoiceState(options: Array(countries.prefix(2)), selected: ["BD"])
        var screen = Screen(width: 20, height: 3)
        ChoiceView.render(state, into: &screen, rect: screen.area, focused: false)
        #expect(screen.lines() == ["Filter:", "( ) AT — Austria", "(•) BD — Bangladesh"])
    }
}
