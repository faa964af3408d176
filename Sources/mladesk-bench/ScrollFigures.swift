import DeskApp
import Foundation
import TermUI

/// The desk held open and scrolled from the first request to the last, one screen per key, as
/// an officer paging through everything would; then the process's peak resident size.
///
/// Run it in a process of its own: the peak counts everything the process ever held.
struct ScrollFigures {
    let path: String
    let dataDirectory: URL
    let size: Int

    func measure() throws -> [Figure] {
        let session = try DeskSession(path: path, dataDirectory: dataDirectory)
        defer { try? session.close() }
        session.press(.char("l"))
        guard let total = session.state.list.total, total > 0 else { throw BenchFailure("the list is empty") }
        var pageDown = Samples()
        while session.state.list.cursor < total - 1 {
            pageDown.append(milliseconds { session.press(.key(.pageDown)) })
            guard session.state.list.selected != nil else {
                throw BenchFailure("row \(session.state.list.cursor) was not loaded after paging down")
            }
        }
        var pageUp = Samples()
        while session.state.list.cursor > 0 {
            pageUp.append(milliseconds { session.press(.key(.pageUp)) })
        }
        let last = milliseconds { session.press(.key(.end)) }
        guard session.state.list.cursor == total - 1, session.state.list.selected != nil else {
            throw BenchFailure("the last request was not shown after End")
        }
        return [
            Figure(name: "list.pagedown", size: size, unit: "ms", samples: pageDown),
            Figure(name: "list.pageup", size: size, unit: "ms", samples: pageUp),
            Figure(name: "list.end", size: size, unit: "ms", samples: Samples([last])),
            Figure(name: "memory.peak", size: size, unit: "MiB", samples: Samples([try Self.peakResidentMiB()])),
        ]
    }

    /// `VmHWM` of this process: the most resident memory it ever had.
    static func peakResidentMiB() throws -> Double {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { throw BenchFailure("/proc/self/status has no VmHWM line") }
        return kib / 1024
    }
}
