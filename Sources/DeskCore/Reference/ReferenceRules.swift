/// The format rules shared by all reference files.
enum ReferenceRules {
    /// Ids are what officers type on the command line and what the case file stores: `subscriber_info`.
    static func checkID(_ value: String, key: String) throws(ReferenceProblem) {
        guard !value.isEmpty, value.unicodeScalars.allSatisfy(isIDScalar) else {
            throw ReferenceProblem(
                key: key, message: "'\(value)' is not a valid id (use lower-case letters, digits and '_')")
        }
    }

    static func checkCountryCode(_ value: String, key: String) throws(ReferenceProblem) {
        let scalars = Array(value.unicodeScalars)
        guard scalars.count == 2, scalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw ReferenceProblem(key: key, message: "'\(value)' is not a two-letter ISO 3166-1 code")
        }
    }

    /// Labels and names are shown in lists and pickers; a blank one would leave an empty row.
    static func checkText(_ value: String, key: String) throws(ReferenceProblem) {
        guard value.contains(where: { !$0.isWhitespace }) else {
            throw ReferenceProblem(key: key, message: "must not be empty")
        }
    }

    private static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }
}
