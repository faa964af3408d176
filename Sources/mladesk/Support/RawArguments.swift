import DeskStore
#if canImport(Glibc)
import Glibc
#endif

/// Recovers the bytes of a path typed on the command line.
///
/// Swift turns each argument into a `String`, replacing bytes that are not UTF-8; such a name
/// no longer opens the file. The original bytes are still in `argv`, so an argument is mapped
/// back to the raw argument it was decoded from.
enum RawArguments {
    static func path(_ argument: String) -> RawPath {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
            if String(decoding: bytes, as: UTF8.self) == argument { return RawPath(bytes: bytes) }
        }
        return RawPath(argument)
    }
}
