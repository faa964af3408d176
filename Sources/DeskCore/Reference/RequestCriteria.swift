/// Which requests a checklist template or a deadline rule applies to, as written in its file.
///
/// Each list narrows the match and an empty list means "any": a request matches when its
/// direction, legal basis and urgency are listed and it has at least one listed type. Kept as data
/// so that a desk can adapt templates and rules to its own practice without a new release.
public struct RequestCriteria: Sendable, Hashable {
    public var directions: [Direction]
    public var instruments: [InstrumentID]
    public var types: [RequestTypeID]
    public var urgencies: [Urgency]
    /// Types that alone do not call for the template: a request whose every type is listed here
    /// is not matched (a bare preservation request needs only its own six items, not the core list).
    public var exceptOnlyTypes: [RequestTypeID]

    public init(directions: [Direction] = [], instruments: [InstrumentID] = [], types: [RequestTypeID] = [],
                urgencies: [Urgency] = [], exceptOnlyTypes: [RequestTypeID] = []) {
        self.directions = directions
        self.instruments = instruments
        self.types = types
        self.urgencies = urgencies
        self.exceptOnlyTypes = exceptOnlyTypes
    }

    public func matches(_ request: Request) -> Bool {
        guard directions.isEmpty || directions.contains(request.direction),
            instruments.isEmpty || instruments.contains(request.legalBasis.instrument),
            urgencies.isEmpty || urgencies.contains(request.urgency),
            types.isEmpty || request.types.contains(where: types.contains)
        else { return false }
        if !exceptOnlyTypes.isEmpty, !request.types.isEmpty, request.types.allSatisfy(exceptOnlyTypes.contains) {
            return false
        }
        return true
    }

    /// Whether every criteria list judges `a` and `b` alike: they agree on each field that
    /// ``matches(_:)`` reads. Kept beside it so that a field added there is added here.
    public static func judgeAlike(_ a: Request, _ b: Request) -> Bool {
        a.direction == b.direction && a.legalBasis.instrument == b.legalBasis.instrument && a.urgency == b.urgency
            && Set(a.types) == Set(b.types)
    }

    /// The JSON field names, shared by every entry that embeds criteria.
    static let fieldNames: Set<String> = ["directions", "instruments", "types", "urgencies", "exceptOnlyTypes"]

    /// Reads the optional criteria fields of an entry; unknown directions and urgencies name the allowed values.
    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        func list(_ name: String) throws -> [String] {
            try container.decodeIfPresent([String].self, forKey: AnyCodingKey(stringValue: name)) ?? []
        }
        func parsed<Value>(_ name: String, _ make: (String) -> Value?, allowed: [String]) throws -> [Value] {
            let key = AnyCodingKey(stringValue: name)
            return try list(name).map { text in
                guard let value = make(text) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: container,
                        debugDescription: "'\(text)' is not one of \(allowed.joined(separator: ", "))")
                }
                return value
            }
        }
        directions = try parsed("directions", Direction.init(rawValue:), allowed: Direction.allCases.map(\.rawValue))
        urgencies = try parsed("urgencies", Urgency.init(rawValue:), allowed: Urgency.allCases.map(\.rawValue))
        instruments = try list("instruments").map(InstrumentID.init(rawValue:))
        types = try list("types").map(RequestTypeID.init(rawValue:))
        exceptOnlyTypes = try list("exceptOnlyTypes").map(RequestTypeID.init(rawValue:))
    }

    /// Checks that every instrument and type named exists in the reference data; `key` is the
    /// entry's position (`templates[3]`).
    func checkCodes(in reference: ReferenceData, file: String, key: String) throws(ReferenceDataError) {
        for (index, instrument) in instruments.enumerated() where reference.instrument(instrument) == nil {
            throw ReferenceDataError(file: file, key: "\(key).instruments[\(index)]",
                                     message: "'\(instrument)' is not an instrument of instruments.json")
        }
        for (name, list) in [("types", types), ("exceptOnlyTypes", exceptOnlyTypes)] {
            for (index, type) in list.enumerated() where reference.requestType(type) == nil {
                throw ReferenceDataError(file: file, key: "\(key).\(name)[\(index)]",
                                         message: "'\(type)' is not a request type of request_types.json")
            }
        }
    }
}
