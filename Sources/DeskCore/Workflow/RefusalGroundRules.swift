/// Which grounds a refusal may name, where the legal basis lists them: the EIO Directive's
/// Art. 11 for a European Investigation Order, Budapest Art. 29(5) for an expedited preservation
/// (political offence, sovereignty or ordre public; dual criminality only for a Party that made
/// the reservation of Art. 29(4)). Elsewhere the requested state's law and treaties decide, and
/// any ground of the reference list may be named. The store applies it to every refusal, the
/// desk's dialog offers only these grounds and the demo draws from them.
public enum RefusalGroundRules {
    /// The grounds a refusal of `request` may name, and the instrument's words for why; nil
    /// when the instrument does not list them.
    public static func allowed(for request: Request, reference: ReferenceData) -> (grounds: [RefusalGroundID], source: String)? {
        guard let instrument = reference.instrument(request.legalBasis.instrument) else { return nil }
        if !request.types.isEmpty, request.types.allSatisfy({ $0 == "preservation" }),
           let grounds = instrument.preservationRefusalGrounds {
            return (grounds, "an expedited preservation under the \(instrument.name)")
        }
        return instrument.refusalGrounds.map { ($0, "a request under the \(instrument.name)") }
    }

    /// Why `ground` cannot be named for a refusal of `request`; nil when it can.
    public static func problem(_ ground: RefusalGroundID, for request: Request, reference: ReferenceData) -> String? {
        guard let (grounds, source) = allowed(for: request, reference: reference), !grounds.contains(ground) else { return nil }
        let label = reference.refusalGround(ground)?.label ?? ground.rawValue
        return "\(label) is not a ground on which \(source) may be refused; it may be refused for: "
            + grounds.map { reference.refusalGround($0)?.label ?? $0.rawValue }.joined(separator: "; ")
    }
}
