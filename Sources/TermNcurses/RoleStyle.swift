import CNcursesw
import TermUI

/// How each style role looks: attributes alone on monochrome terminals (or with NO_COLOR), a
/// colour pair plus attributes otherwise. Meaning never depends on colour alone.
struct RoleStyle {
    var attributes: attr_t
    var pair: Int16

    static func monochrome(_ role: StyleRole) -> RoleStyle {
        let a: attr_t
        switch role {
        case .normal, .label, .value, .ok, .keyHint, .border: a = cn_a_normal()
        case .title, .error, .warning, .required, .marker: a = cn_a_bold()
        case .header, .overdue: a = cn_a_bold() | cn_a_underline()
        case .dim: a = cn_a_dim()
        case .selected, .keyName: a = cn_a_reverse()
        case .focused: a = cn_a_bold() | cn_a_underline()
        case .input: a = cn_a_underline()
        case .banner: a = cn_a_reverse() | cn_a_bold()
        }
        return RoleStyle(attributes: a, pair: 0)
    }

    /// Foreground, background (-1 is the terminal default) and attributes for colour terminals.
    private static func colours(_ role: StyleRole) -> (fg: Int16, bg: Int16, attributes: attr_t)? {
        let bold = cn_a_bold()
        switch role {
        case .normal, .value, .keyHint: return nil
        case .title: return (Int16(COLOR_CYAN), -1, bold)
        case .header: return (Int16(COLOR_WHITE), Int16(COLOR_BLUE), bold)
        case .label: return (Int16(COLOR_CYAN), -1, cn_a_normal())
        case .dim: return nil
        case .selected: return (Int16(COLOR_BLACK), Int16(COLOR_CYAN), cn_a_normal())
        case .focused: return (Int16(COLOR_BLACK), Int16(COLOR_YELLOW), cn_a_normal())
        case .input: return (-1, -1, cn_a_underline())
        case .error: return (Int16(COLOR_RED), -1, bold)
        case .warning: return (Int16(COLOR_YELLOW), -1, bold)
        case .ok: return (Int16(COLOR_GREEN), -1, cn_a_normal())
        case .overdue: return (Int16(COLOR_RED), -1, bold | cn_a_underline())
        case .required: return (Int16(COLOR_RED), -1, bold)
        case .keyName: return (Int16(COLOR_BLACK), Int16(COLOR_CYAN), bold)
        case .border: return (Int16(COLOR_BLUE), -1, cn_a_normal())
        case .banner: return (Int16(COLOR_WHITE), Int16(COLOR_BLUE), bold)
        case .marker: return (Int16(COLOR_YELLOW), -1, bold)
        }
    }

    /// Allocates colour pairs when colour is wanted and available; otherwise monochrome styles.
    static func table(useColour: Bool) -> [StyleRole: RoleStyle] {
        var table: [StyleRole: RoleStyle] = [:]
        var nextPair: Int16 = 1
        let colour = useColour && has_colors() && start_color() == OK && cn_color_pairs() > StyleRole.allCases.count
        if colour { use_default_colors() }
        for role in StyleRole.allCases {
            if colour, let spec = colours(role), init_pair(nextPair, spec.fg, spec.bg) == OK {
                table[role] = RoleStyle(attributes: spec.attributes, pair: nextPair)
                nextPair += 1
            } else {
                table[role] = monochrome(role)
            }
        }
        return table
    }
}
