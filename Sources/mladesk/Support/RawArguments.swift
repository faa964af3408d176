import DeskStore
#if canImport(Glibc)
import Glibc
#endif

/// Recovers the bytes of paths typed on the command line.
///
/// Swift turns each argument into a `String`, replacing bytes that are not UTF-8; such a name
/// no longer opens the file, and two different names can turn into the same text. The original
/// bytes are still in `argv`: each parsed argument is matched, in order, with the next raw
/// argument that decodes to it.
enum RawArguments {
    static func paths(_ arguments: [String]) -> [RawPath] {
        let raw = (1..<Int(CommandLine.argc)).compactMap { index -> [UInt8]? in
            guard let pointer = CommandLine.unsafeArgv[index] else { return nil }
            return Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
        }
        var next = 0
        return arguments.map { argument in
            guard let found = raw[next...].firstIndex(where: { String(decoding: $0, as: UTF8.self) == argument }) else {
                return RawPath(argument)
            }
            next = found + 1
            return RawPath(bytes: raw[found])
        }
    }

    static func path(_ argument: String) -> RawPath {
        paths([argument])[0]
    }
}
