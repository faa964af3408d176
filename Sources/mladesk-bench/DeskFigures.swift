import DeskApp
import DeskCore
import DeskStore
import Foundation
import TermUI

/// The desk's interactive figures on one or more desk files: opening, filtering, opening a
/// request and saving. Each is measured through ``DeskSession`` — update, store and render —
/// and checked against the screen it produced, so a figure can never be the time of doing
/// nothing.
///
/// Given desks of several sizes, every round of opening and filtering visits each desk in turn,
/// so the figures that the growth targets divide (100,000 ÷ 10,000) are taken side by side over
/// the same minutes: on a shared machine whose speed drifts by a third from one minute to the
/// next, measuring one size after the other made the ratio a measure of the drift.
struct DeskFigures {
    /// One desk file and the number of requests it holds, for the results table.
    struct Desk {
        var path: String
        var size: Int
    }

    let desks: [Desk]
    let dataDirectory: URL
    /// How many times each figure is repeated (keystroke figures take several samples per round).
    let rounds: Int

    /// Typed key by key on the filter line; each keystroke is one sample.
    static let filters: [(name: String, text: String)] = [
        ("filter.text", "nightowl"),
        ("filter.field", "country:DE status:in_execution"),
        ("filter.fts", "ransomware hospital"),
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
        var home = Array(repeating: Samples(), count: desks.count)
        var list = Array(repeating: Samples(), count: desks.count)
        for _ in 0..<rounds {
            for (index, desk) in desks.enumerated() {
                var session: DeskSession?
                let start = ContinuousClock.now
                home[index].append(try milliseconds { session = try DeskSession(path: desk.path, dataDirectory: dataDirectory) })
                guard let session else { throw BenchFailure("the desk did not open") }
                session.press(.char("l"))
                list[index].append(milliseconds(since: start))
                guard session.state.page == .list, let total = session.state.list.total, total == desk.size,
                    session.state.list.selected != nil
                else { throw BenchFailure("the list of all \(desk.size) requests was not painted after opening") }
                try session.close()
            }
        }
        return desks.indices.flatMap { index in
            [Figure(name: "open.home", size: desks[index].size, unit: "ms", samples: home[index]),
             Figure(name: "open.list", size: desks[index].size, unit: "ms", samples: list[index])]
        }
    }

    /// One keystroke on the live filter: update + count + first pages + render.
    func filterKeystrokes() throws -> [Figure] {
        let sessions = try openLists()
        defer { for session in sessions { try? session.close() } }
        var figures: [Figure] = []
        for filter in Self.filters {
            var samples = Array(repeating: Samples(), count: desks.count)
            for _ in 0..<rounds {
                for (index, session) in sessions.enumerated() {
                    session.press(.char("/"))
                    for character in filter.text {
                        samples[index].append(milliseconds { session.press(.char(character)) })
                        guard session.state.list.total != nil else {
                            throw BenchFailure("the list was not counted after typing '\(character)' of '\(filter.text)'")
                        }
                    }
                    guard session.state.list.filter.text == filter.text, session.state.message?.isError != true else {
                        throw BenchFailure("the filter line does not read '\(filter.text)'")
                    }
                    session.press(.key(.escape))
                }
            }
            figures += desks.indices.map { Figure(name: filter.name, size: desks[$0].size, unit: "ms", samples: samples[$0]) }
        }
        return figures
    }

    /// Opening a request from the list (details, checklist, evidence, history, audit, paint)
    /// and saving an edit to it (one durable transaction with its audit row); one desk after the
    /// other, each on its own. Saves alternating between two desk files, each synced to disk,
    /// took three to four times as long as saves to one (1.5 → 5–6 ms at 100,000): a cost of
    /// the benchmark's own layout that an officer, with one desk open, never meets.
    func requestFigures() throws -> [Figure] {
        try desks.flatMap { desk in
            let session = try DeskSession(path: desk.path, dataDirectory: dataDirectory)
            defer { try? session.close() }
            session.press(.char("l"))
            var open = Samples()
            var save = Samples()
            for round in 0..<rounds {
                if round > 0 { session.press(.key(.pageDown)) }
                guard let row = session.state.list.selected else { throw BenchFailure("no request under the cursor") }
                open.append(milliseconds { session.press(.key(.enter)) })
                guard session.state.page == .detail, session.state.detail?.details?.request.id == row.id else {
                    throw BenchFailure("request \(row.reference) did not open")
                }
                guard var request = session.state.detail?.details?.request else { continue }
                request.notes += request.notes.isEmpty ? "Checked." : " Checked."
                save.append(try milliseconds { _ = try session.store.update(request) })
                session.press(.key(.escape))
            }
            return [Figure(name: "request.open", size: desk.size, unit: "ms", samples: open),
                    Figure(name: "save.edit", size: desk.size, unit: "ms", samples: save)]
        }
    }

    /// A session on each desk, showing its list of all requests.
    private func openLists() throws -> [DeskSession] {
        var sessions: [DeskSession] = []
        do {
            for desk in desks {
                let session = try DeskSession(path: desk.path, dataDirectory: dataDirectory)
                sessions.append(session)
                session.press(.char("l"))
            }
        } catch {
            for session in sessions { try? session.close() }
            throw error
        }
        return sessions
    }
}
