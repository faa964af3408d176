import CNcursesw
import TermUI

/// Turns what `wget_wch` returns into ``KeyEvent``s.
///
/// Control bytes become `.ctrl` letters except those terminals use for Tab (9), Enter (10, 13)
/// and Backspace (8, 127); unknown function-key codes are dropped rather than guessed.
enum KeyDecoder {
    static func keyCode(_ code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        default:
            let n = code - cn_key_f(0)
            return (1...63).contains(n) ? .key(.f(Int(n))) : nil
        }
    }

    static func character(_ value: UInt32) -> KeyEvent? {
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value + 0x60))))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}
