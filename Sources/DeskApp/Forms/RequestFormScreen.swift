import TermUI

/// Draws the request form through the shared ``FormView``.
enum RequestFormScreen {
    static func render(_ state: AppState, into screen: inout Screen) {
        guard let form = state.form else { return }
        FormView.render(form, state: state, into: &screen)
    }
}
