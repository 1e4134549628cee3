/// One mistake in a configuration file, with where it is.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user would name it (see ``ConfigLocation/file``).
    public var file: String
    /// The line, counting from 1; nil when the problem is the whole file (it cannot be read, or is not UTF-8 text).
    public var line: Int?
    /// What is wrong, in one line, e.g. `unknown option "intervall" (did you mean "interval"?)`.
    public var message: String

    /// Creates a problem about a whole file.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// Creates a problem at a location.
    public init(at location: ConfigLocation, _ message: String) {
        self.init(file: location.file, line: location.line, message: message)
    }

    /// `file:line: message` (`file: message` for a whole file), the form compilers use.
    /// So editors can jump to the line.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// The Config stage's error: every problem found in a configuration, not only the first one.
///
/// The problems are in the order of the files and lines.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, at least one.
    public var problems: [ConfigProblem]

    /// Creates the error for `problems`.
    public init(problems: [ConfigProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}

/// `text` in double quotes for a message, cut after its first 200 characters with "…":
/// a message quotes what it complains about, never a whole long line.
func quoted(_ text: some StringProtocol) -> String {
    let limit = 200
    guard text.count > limit else { return "\"\(text)\"" }
    return "\"\(text.prefix(limit))…\""
}
