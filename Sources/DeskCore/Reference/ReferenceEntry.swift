/// One row of a reference file: what the generic loader needs to decode and check it.
protocol ReferenceEntry: Decodable {
    /// Name of the array in the file (`countries`).
    static var listKey: String { get }
    /// Every field an entry may carry; any other key is an error.
    static var fieldNames: Set<String> { get }
    /// Name of the field that identifies an entry (`code`, `id`).
    static var idField: String { get }
    /// The identifying value, compared for duplicates.
    var idValue: String { get }
    /// Checks the values the decoder accepted (formats, empty text).
    func validate() throws(ReferenceProblem)
}
