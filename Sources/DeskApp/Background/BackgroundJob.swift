/// A slot for long work that runs off the desk's loop. At most one task runs per slot, so an
/// effect can name the work it cancels without holding a handle to it.
public enum BackgroundJob: String, Hashable, Sendable {
    /// Hashing files into evidence items; the progress dialog shows it and Esc cancels it.
    case hashing
    /// The check of the case file the desk runs when it opens.
    case verify
    /// Copying and checking an exchange package, then applying it.
    case package
}
