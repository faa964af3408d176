/// A fault inside one entry, located relative to it (`code`, `articles[2].title`); the loader
/// prefixes the entry's own position when it turns this into a ``ReferenceDataError``.
struct ReferenceProblem: Error {
    var key: String
    var message: String
}
