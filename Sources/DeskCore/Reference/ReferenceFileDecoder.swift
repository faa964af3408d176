import Foundation

/// Decodes one reference file and checks its entries, turning every fault into a
/// ``ReferenceDataError`` that names the file and the key.
enum ReferenceFileDecoder {
    static func entries<Entry: ReferenceEntry>(
        _ type: Entry.Type, in name: String, of files: [String: Data]
    ) throws(ReferenceDataError) -> [Entry] {
        guard let bytes = files[name] else {
            throw ReferenceDataError(file: name, message: "file is missing")
        }
        let file: ReferenceFile<Entry>
        do {
            file = try JSONDecoder().decode(ReferenceFile<Entry>.self, from: bytes)
        } catch let error as DecodingError {
            throw ReferenceDataError(file: name, decodingError: error, bytes: bytes)
        } catch {
            throw ReferenceDataError(file: name, message: "cannot be read: \(error)")
        }
        guard !file.entries.isEmpty else {
            throw ReferenceDataError(file: name, key: Entry.listKey, message: "has no entries")
        }
        try check(file.entries, in: name)
        return file.entries
    }

    private static func check<Entry: ReferenceEntry>(_ entries: [Entry], in name: String) throws(ReferenceDataError) {
        var firstIndex: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let position = "\(Entry.listKey)[\(index)]"
            do throws(ReferenceProblem) {
                try entry.validate()
            } catch {
                throw ReferenceDataError(file: name, key: "\(position).\(error.key)", message: error.message)
            }
            if let first = firstIndex[entry.idValue] {
                throw ReferenceDataError(
                    file: name, key: "\(position).\(Entry.idField)",
                    message: "duplicate '\(entry.idValue)' (first at \(Entry.listKey)[\(first)])")
            }
            firstIndex[entry.idValue] = index
        }
    }
}
