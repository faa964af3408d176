extension StyleRole {
    /// A one-letter code per role so tests can assert styling row by row ("nnnsssss").
    public var letter: Character {
        switch self {
        case .normal: "n"
        case .title: "t"
        case .header: "h"
        case .label: "l"
        case .value: "v"
        case .dim: "d"
        case .selected: "s"
        case .focused: "f"
        case .input: "i"
        case .error: "e"
        case .warning: "w"
        case .ok: "o"
        case .overdue: "x"
        case .required: "r"
        case .keyName: "k"
        case .keyHint: "K"
        case .border: "b"
        case .banner: "B"
        case .marker: "m"
        }
    }
}
