import DeskApp
import DeskCore
import DeskStore
import Foundation
import TermUI

/// The desk's interactive figures on one desk file: opening, filtering, opening a request,
/// scrolling and saving. Each is measured through ``DeskSession`` — update, store and render —
/// and checked against the screen it produced, so a figure can never be the time of doing nothing.
struct DeskFigures {
    let path: String
    let dataDirectory: URL
    /// Requests in the desk, for the results table.
    let size: Int
    /// How many times each figure is repeated (keystroke figures take several samples per round).
    let rounds: Int

    /// Typed key by key on the filter line of a tab of the list; each keystroke is one sample.
    /// `filter.tab` looks for an operation's requests among the incoming ones: a word in a tab.
    static let filters: [(name: String, text: String, tab: ListTab)] = [
        ("filter.text", "nightowl", .all),
        ("filter.field", "country:DE status:in_execution", .all),
        ("filter.fts", "ransomware hospital", .all),
        ("filter.flags", "open urgency:urgent", .all),
        ("filter.tab", "avocet 23", .incoming),
    ]

    func all() throws -> [Figure] {
        var figures = try open()
        figures += try filterKeystrokes()
        figures += try requestFigures()
        return figures
    }

    /// Reference data + case file + overview + first paint (the home page), and then the list
    /// of all requests painted (one more key).
    func open() throws -> [Figure] {
        var home = Samples()
        var list = Samples()
        for _ in 0..<rounds {
            var session: DeskSession?
            let start = ContinuousClock.now
            home.append(try milliseconds { session = try DeskSession(path: path, dataDirectory: dataDirectory) })
            guard let session else { throw BenchFailure("the desk did not open") }
            session.press(.char("l"))
            list.append(milliseconds(since: start))
            guard session.state.page == .list, let total = session.state.list.total, total == size,
                session.state.list.selected != nil
            else { throw BenchFailure("the list of all \(size) requests was not painted after opening") }
            try session.close()
        }
        return [Figure(name: "open.home", size: size, unit: "ms", samples: home),
                Figure(name: "open.list", size: size, unit: "ms", samples: list)]
    }

    /// One keystroke on the live filter: update + count + first pages + render.
    func filterKeystrokes() throws -> [Figure] {
        let session = try DeskSession(path: path, dataDirectory: dataDirectory)
        defer { try? session.close() }
        session.press(.char("l"))
        var figures: [Figure] = []
        for filter in Self.filters {
            for _ in ListTab.allCases where session.state.list.tab != filter.tab {
                session.press(.key(.tab))
            }
            guard session.state.list.tab == filter.tab else { throw BenchFailure("the \(filter.tab.label) tab did not open") }
            var samples = Samples()
            for _ in 0..<rounds {
                session.press(.char("/"))
                for character in filter.text {
                    samples.append(milliseconds { session.press(.char(character)) })
                    guard session.state.list.total != nil else {
                        throw BenchFailure("the list was not counted after typing '\(character)' of '\(filter.text)'")
                    }
                }
                guard session.state.list.filter.text == filter.text, session.state.message?.isError != true else {
                    throw BenchFailure("the filter line does not read '\(filter.text)'")
                }
                session.press(.key(.escape))
            }
            figures.append(Figure(name: filter.name, size: size, unit: "ms", samples: samples))
        }
        return figures
    }

    /// Opening a request from the list (details, checklist, evidence, history, audit, paint),
    /// saving an edit to it (one durable transaction with its audit row) and moving it to the
    /// first next status its workflow, rules and checklist allow (its history, audit rows and
    /// the counts by status and by type follow in the same transaction).
    func requestFigures() throws -> [Figure] {
        let session = try DeskSession(path: path, dataDirectory: dataDirectory)
        defer { try? session.close() }
        session.press(.char("l"))
        var open = Samples()
        var save = Samples()
        var status = Samples()
        for round in 0..<rounds {
            if round > 0 { session.press(.key(.pageDown)) }
            guard let row = session.state.list.selected else { throw BenchFailure("no request under the cursor") }
            open.append(milliseconds { session.press(.key(.enter)) })
            guard session.state.page == .detail, let details = session.state.detail?.details, details.request.id == row.id else {
                throw BenchFailure("request \(row.reference) did not open")
            }
            var request = details.request
            request.notes += request.notes.isEmpty ? "Checked." : " Checked."
            var saved = request
            save.append(try milliseconds { saved = try session.store.update(request) })
            if let target = Self.nextStatus(of: RequestDetails(request: saved, history: details.history, checklist: details.checklist)) {
                status.append(try milliseconds {
                    _ = try session.store.changeStatus(id: saved.id, expectedVersion: saved.version, to: target,
                                                       note: Self.statusNote, ground: nil)
                })
            }
            session.press(.key(.escape))
        }
        guard status.count > 0 else { throw BenchFailure("no request could move to another status") }
        return [Figure(name: "request.open", size: size, unit: "ms", samples: open),
                Figure(name: "save.edit", size: size, unit: "ms", samples: save),
                Figure(name: "status.change", size: size, unit: "ms", samples: status)]
    }

    private static let statusNote = "Moved on by the benchmark."

    /// The first status the request may move to with a note and no refusal ground; `nil` for a
    /// closed request, or one whose checklist holds every step back.
    private static func nextStatus(of details: RequestDetails) -> RequestStatus? {
        let request = details.request
        return Workflow.targets(from: request.status, direction: request.direction).first { target in
            (try? StatusRules.check(request, to: target, note: statusNote, ground: nil)) != nil
                && (try? ChecklistGate.check(request, checklist: details.checklist, history: details.history, to: target)) != nil
        }
    }
}
