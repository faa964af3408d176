import Foundation

/// Case- and diacritic-insensitive matching, so "mun" finds "München" and "de" finds "DE".
enum TextFolding {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
