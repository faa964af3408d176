import DeskApp
import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct EvidenceScreenTests {
    typealias F = EvidenceFixtures

    static func itemView(width: Int, height: Int) -> DeskDriver {
        var desk = F.evidenceTab(width: width, height: height)
        desk.press(.key(.down), .key(.enter))
        desk.send(.timelineLoaded(F.mismatched, F.details().timeline(of: F.mismatched)))
        return desk
    }

    static func hashing(width: Int, height: Int) -> DeskDriver {
        var desk = F.evidenceTab(width: width, height: height)
        desk.press(.char("i"))
        EvidenceUpdateTests.focus(&desk, on: .description)
        desk.type("Disk image")
        EvidenceUpdateTests.focus(&desk, on: .path)
        desk.type("/evidence/laptop")
        desk.press(.ctrl("s"))
        desk.send(.hashProgress(HashProgress(bytesDone: 3 << 30, totalBytes: 12 << 30, bytesPerSecond: Double(1_200 << 20),
                                             fileIndex: 1, fileCount: 4, currentFile: RawPath("/evidence/laptop/disk.E01"))))
        return desk
    }

    @Test func dump() {
        for (w, h) in [(80, 24), (120, 40)] {
            print(F.evidenceTab(width: w, height: h).render().lines().enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n"))
            print(Self.itemView(width: w, height: h).render().lines().enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n"))
            print(Self.hashing(width: w, height: h).render().lines().enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n"))
        }
    }
}
