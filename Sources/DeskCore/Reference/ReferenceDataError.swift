/// A problem found while locating, reading or validating the reference data.
///
/// Officers and administrators correct the JSON files by hand, so the error names the file and
/// the key path inside it (`countries[12].code`) exactly where the fix has to be made.
public struct ReferenceDataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (or folder) concerned: a bare file name from ``ReferenceData/decode(files:)``,
    /// a full path once read from disk; empty when no single file is at fault.
    public var file: String
    /// The key path inside the file (`countries[12].code`); empty when the whole file is at fault.
    public var key: String
    public var message: String

    public init(file: String, key: String = "", message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String {
        [file, key, message].filter { !$0.isEmpty }.joined(separator: ": ")
    }
}
