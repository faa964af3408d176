/// Moves a demo request through its direction's workflow the way requests really move: mostly
/// forward, sometimes back for more information, now and then refused, withdrawn or lapsed,
/// each step taking days or weeks, until the time up to "now" runs out or the file stalls.
///
/// Every step is taken from ``Workflow/targets(from:direction:)``, carries what
/// ``Workflow/requirement(for:)`` asks for, and stamps key dates through
/// ``StatusRules/stampDates(_:entering:at:)``, so a demo history is one an officer could have made.
struct DemoStatusWalker: Sendable {
    /// What the walk produced besides the request's own fields.
    struct Outcome {
        var history: [StatusChange]
        /// When the request first went into execution, if it did.
        var executionStarted: Int64?
        /// When execution ended (executed, partially executed or response sent), if it did.
        var executionEnded: Int64?
    }

    private let choices: [Direction: [RequestStatus: WeightedChoice<RequestStatus>]]

    init() {
        var choices: [Direction: [RequestStatus: WeightedChoice<RequestStatus>]] = [:]
        for direction in Direction.allCases {
            let order = Workflow.statuses(for: direction)
            var table: [RequestStatus: WeightedChoice<RequestStatus>] = [:]
            for status in order {
                let targets = Workflow.targets(from: status, direction: direction)
                guard !targets.isEmpty else { continue }
                let backward = { (target: RequestStatus) in
                    (order.firstIndex(of: target) ?? 0) < (order.firstIndex(of: status) ?? 0)
                }
                table[status] = WeightedChoice(targets.map { ($0, Self.weight(of: $0, backward: backward($0))) })
            }
            choices[direction] = table
        }
        self.choices = choices
    }

    /// Walks `request` from its initial status; `grounds` are the refusal grounds that fit it.
    func walk(_ request: inout Request, created: Int64, now: Int64, grounds: [RefusalGroundID],
              using random: inout SeededGenerator) -> Outcome {
        let direction = request.direction
        let table = choices[direction] ?? [:]
        let pace = Self.pace(request.urgency)
        var cursor = created
        var outcome = Outcome(history: [StatusChange(
            from: nil, to: request.status, at: DemoText.date(created), officer: officer(request, &random),
            note: "registered")])
        outcome.history.reserveCapacity(12)
        while let choice = table[request.status], !random.chance(0.05) {
            let target = choice.pick(using: &random)
            let days = Self.days(entering: target)
            let gap = Int64((days.lowerBound + random.unit() * (days.upperBound - days.lowerBound)) * pace * 86_400)
            guard cursor + gap <= now else { break }
            cursor += gap
            var note = ""
            var ground: RefusalGroundID?
            switch Workflow.requirement(for: target) {
            case .ground:
                ground = grounds.isEmpty ? nil : random.pick(grounds)
                guard ground != nil else { return outcome }
            case .reason:
                note = random.pick(target == .withdrawn ? DemoPools.withdrawalReasons : DemoPools.postponementReasons)
            case nil:
                break
            }
            let at = DemoText.date(cursor)
            outcome.history.append(StatusChange(
                from: request.status, to: target, at: at, officer: officer(request, &random), note: note, ground: ground))
            StatusRules.stampDates(&request, entering: target, at: at)
            request.status = target
            switch target {
            case .inExecution where outcome.executionStarted == nil:
                outcome.executionStarted = cursor
            case .executed, .partiallyExecuted, .responseSent:
                outcome.executionEnded = cursor
            default:
                break
            }
        }
        return outcome
    }

    /// Mostly the assigned officer, sometimes a colleague covering.
    private func officer(_ request: Request, _ random: inout SeededGenerator) -> String {
        random.chance(0.75) ? request.assignedOfficer : random.pick(DemoPools.officers)
    }

    /// Relative likelihood of moving to `target`: forward steps are the rule, side exits rare.
    private static func weight(of target: RequestStatus, backward: Bool) -> Double {
        switch target {
        case .withdrawn: 0.6
        case .lapsed: 0.8
        case .refused, .postponed: 1.2
        case .additionalInfoRequested, .clarificationRequested: 2.5
        case .centralAuthorityReview: 4
        default: backward ? 1.5 : 10
        }
    }

    /// How many days a request usually waits before entering `status`, at routine pace.
    private static func days(entering status: RequestStatus) -> ClosedRange<Double> {
        switch status {
        case .internalReview, .assigned: 0.2...5
        case .draft, .approved, .accepted, .transmitted: 1...10
        case .centralAuthorityReview, .assessed: 2...20
        case .acknowledged: 2...21
        case .underConsideration, .clarificationRequested, .additionalInfoSupplied: 5...45
        case .additionalInfoRequested, .postponed: 10...60
        case .inExecution, .refused: 10...90
        case .partiallyExecuted, .executed, .responseSent, .withdrawn: 15...120
        case .lapsed: 60...180
        case .closed: 3...45
        case .received: 0...1
        }
    }

    /// Urgent files move about three times faster, emergencies in hours or days.
    private static func pace(_ urgency: Urgency) -> Double {
        switch urgency {
        case .routine: 1
        case .urgent: 0.35
        case .emergency: 0.05
        }
    }
}
