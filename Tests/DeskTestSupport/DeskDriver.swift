import DeskApp
import DeskCore
import DeskStore
import TermUI

/// Drives the pure desk like the run loop would, without a store: keys go through the key
/// router into `update`, and the effects asked for are collected for the test to inspect.
public struct DeskDriver {
    public var state: AppState

    public init(width: Int = 80, height: Int = 24, officer: String = "anna", templates: TemplateLibrary? = nil) {
        let context = DeskContext(reference: DeskFixtures.reference, officer: officer, timeZone: DeskFixtures.utc,
                                  templates: templates)
        state = AppState(context: context, width: width, height: height, now: DeskFixtures.now)
    }

    /// Sends key presses; returns every effect they asked for, in order.
    @discardableResult
    public mutating func press(_ events: KeyEvent...) -> [Effect] {
        var effects: [Effect] = []
        for event in events {
            if let msg = KeyRouter.message(for: event, in: state) { effects += update(&state, msg) }
        }
        return effects
    }

    /// Types text character by character.
    @discardableResult
    public mutating func type(_ text: String) -> [Effect] {
        var effects: [Effect] = []
        for character in text { effects += press(.char(character)) }
        return effects
    }

    @discardableResult
    public mutating func send(_ msg: Msg) -> [Effect] { update(&state, msg) }

    /// The frame `view` draws at the state's size.
    public func render() -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        view(state, into: &screen)
        return screen
    }
}
