import DeskStore
import Foundation

/// SHA-256 of one large file through the desk's own ``FileHasher``, as throughput, so it can be
/// set beside `openssl dgst -sha256` and `sha256sum` on the same file.
struct HashFigures {
    let path: String
    let rounds: Int

    func measure() throws -> Figure {
        var samples = Samples()
        for _ in 0..<rounds {
            var size: Int64 = 0
            let elapsed = try milliseconds { size = try FileHasher().hash(RawPath(path)).size }
            samples.append(Double(size) / 1_048_576 / (elapsed / 1_000))
        }
        return Figure(name: "hash.mladesk", size: 0, unit: "MiB/s", samples: samples)
    }
}
