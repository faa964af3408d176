import DeskCore
import DeskTestSupport
import Foundation
import Testing

@Suite("Request validation")
struct ValidationTests {
    let validator = RequestValidator(reference: Fixtures.reference)

    @Test("A complete request has no problems")
    func valid() {
        #expect(validator.validate(Fixtures.request()) == [])
    }

    @Test("Every problem is returned, each with its field, in plain words")
    func everyProblem() {
        var request = Fixtures.request()
        request.counterpartCountry = "XX"
        request.legalBasis.instrument = ""
        request.types = []
        request.foreignReference = "two\nlines"
        request.identifiers = [Identifier(kind: .ipAddress, value: "198.51.100.4", port: 70_000)]
        let problems = validator.validate(request)
        let fields = problems.map(\.field)
        #expect(fields.contains(.counterpartCountry))
        #expect(fields.contains(.instrument))
        #expect(fields.contains(.types))
        #expect(fields.contains(.foreignReference))
        #expect(problems.filter { $0.field == .identifiers }.count == 2)
        #expect(problems.first { $0.field == .counterpartCountry }?.message == "'XX' is not a known ISO 3166-1 country code")
        #expect(problems.contains { $0.message.contains("without the time it was seen") })
    }

    @Test("An IP address, an e-mail address or a telephone number that cannot be one is named")
    func identifierValues() {
        let seen = Fixtures.today
        let good = ["203.0.113.7", "198.51.100.0/24", "2001:db8::1", "2001:db8:0:1::/64", "::1"]
        for value in good {
            #expect(IdentifierFormat.problem(Identifier(kind: .ipAddress, value: value, observedAt: seen)) == nil, "\(value)")
        }
        for value in ["999.1.1.1", "203.0.113", "203.0.113.7/33", "2001:db8:1:2", "example.org", "1.2.3.4/", "01.2.3.4"] {
            #expect(IdentifierFormat.problem(Identifier(kind: .ipAddress, value: value, observedAt: seen))
                == "'\(value)' is not an IPv4 or IPv6 address (a range may follow as /24)", "\(value)")
        }
        #expect(IdentifierFormat.problem(Identifier(kind: .email, value: "kmj@example.jp")) == nil)
        for value in ["bad@@example.org", "no-at.example.org", "a@b", "a@.example", "@example.org"] {
            #expect(IdentifierFormat.problem(Identifier(kind: .email, value: value)) != nil, "\(value)")
        }
        #expect(IdentifierFormat.problem(Identifier(kind: .phone, value: "+30 210 1234567")) == nil)
        #expect(IdentifierFormat.problem(Identifier(kind: .phone, value: "+1-555-0100")) == nil)
        for value in ["call me", "++30 210", "+30--210", "30+210 1234"] {
            #expect(IdentifierFormat.problem(Identifier(kind: .phone, value: value)) != nil, "\(value)")
        }
        #expect(IdentifierFormat.problem(Identifier(kind: .phone, value: "+49 (0) 30 1234-567")) == nil)
        #expect(IdentifierFormat.problem(Identifier(kind: .account, value: "@any thing")) == nil, "accounts are taken as written")
        var request = Fixtures.request()
        request.identifiers = [Identifier(kind: .ipAddress, value: "999.1.1.1", observedAt: seen)]
        #expect(validator.validate(request).map(\.message)
            == ["identifier 1: '999.1.1.1' is not an IPv4 or IPv6 address (a range may follow as /24)"])
    }

    @Test("An emergency disclosure is asked only in an emergency: its deadlines and chases are an emergency's")
    func emergencyDisclosureIsAnEmergency() {
        var request = Fixtures.request(types: ["emergency_disclosure", "subscriber_info"])
        request.urgency = .urgent
        #expect(validator.validate(request) == [ValidationProblem(
            .urgency, "a request for emergency disclosure has the urgency emergency: set it, or choose other types")])
        request.urgency = .emergency
        #expect(validator.validate(request) == [])
    }

    @Test("An EIO goes only to a state bound by the Directive")
    func eioOnlyBetweenBoundStates() {
        var request = Fixtures.request(country: "FR")
        request.legalBasis.instrument = "eio"
        #expect(validator.validate(request).isEmpty)
        for country: CountryCode in ["US", "IE", "DK"] {
            request.counterpartCountry = country
            #expect(validator.validate(request).map(\.field) == [.instrument], "\(country)")
        }
    }

    @Test("Dates out of order and unknown codes are named")
    func datesAndCodes() {
        var request = Fixtures.request()
        request.dates.sentOrReceived = Fixtures.today
        request.dates.acknowledged = Fixtures.today.addingTimeInterval(-3600)
        request.types = ["subscriber_info", "subscriber_info"]
        request.channel = "carrier_pigeon"
        request.offences = ["jaywalking"]
        let problems = validator.validate(request).map(\.description)
        #expect(problems.contains("Acknowledged: is before the date sent or received"))
        #expect(problems.contains("Request types: a request type is listed twice"))
        #expect(problems.contains("Channel: 'carrier_pigeon' is not a known channel"))
        #expect(problems.contains("Offences: 'jaywalking' is not a known offence category"))
    }

    @Test("A form may not date what happened later than now; an import allows the sender's clock a day (ArchiveTests)")
    func futureDates() {
        var request = Fixtures.request()
        request.identifiers = [Identifier(kind: .ipAddress, value: "203.0.113.7", observedAt: Fixtures.today.addingTimeInterval(3_600))]
        request.dates.sentOrReceived = Fixtures.today.addingTimeInterval(86_400)
        request.dates.completed = Fixtures.today.addingTimeInterval(86_400 * 365)
        request.dates.due = Fixtures.today.addingTimeInterval(86_400 * 30)
        let problems = validator.validate(request, now: Fixtures.today).map(\.description)
        #expect(problems.contains("Sent / received: is in the future: give the day it happened"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("Completed: is in the future") })
        #expect(!problems.contains { $0.hasPrefix("Due date") }, "a due date lies ahead by nature")
        #expect(problems.contains { $0.hasSuffix("identifier 1 was seen in the future: give the time the log gives") }, "\(problems)")
        request.dates.acknowledged = Date(timeIntervalSince1970: -86_400 * 365 * 69)
        #expect(validator.validate(request).map(\.description).contains("Acknowledged: the date is before 1970: give the year it happened"))
        #expect(!validator.validate(request).contains { $0.message.hasPrefix("is in the future") })
    }

    @Test("Over-long text is refused")
    func lengths() {
        var request = Fixtures.request()
        request.notes = String(repeating: "x", count: RequestValidator.maxTextLength + 1)
        request.operation = String(repeating: "y", count: RequestValidator.maxLineLength + 1)
        let fields = validator.validate(request).map(\.field)
        #expect(fields == [.operation, .notes])
    }
}
