/// The command an `exec` setting runs for each new article, as its words.
///
/// The words are split once, when the configuration is loaded.
///
/// COMMAND is split the way a shell splits a word list, without a shell: white space
/// separates words, `'…'` keeps everything literally, `"…"` keeps spaces (with `\"` and `\\`
/// inside), and a backslash outside quotes keeps the next character. Nothing is expanded (no
/// `$VAR`, `~`, globs, pipes); `sh -c '… "$1"' sh` gives a shell when one is wanted. The
/// article file's path is appended as the last argument.
public struct HookCommand: Sendable, Equatable, CustomStringConvertible {
    /// The program (found on `PATH` unless it holds a `/`) and its arguments.
    public var words: [String]

    /// A command of `words`, the first being the program.
    public init(words: [String]) {
        self.words = words
    }

    /// The words as a shell would read them back, each single-quoted when it needs quotes.
    public var description: String {
        words.map { word in
            let plain = !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0)) }
            return plain ? word : "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
        }.joined(separator: " ")
    }

    /// Splits `text` into words as described above.
    /// - Throws: `ValueError` for an unterminated quote or a trailing backslash.
    static func words(of text: String) throws(ValueError) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character? = nil
        var escaped = false
        for char in text {
            if escaped {
                word.append(char)
                escaped = false
                continue
            }
            switch quote {
            case "'":
                if char == "'" { quote = nil } else { word.append(char) }
            case "\"":
                if char == "\"" {
                    quote = nil
                } else if char == "\\" {
                    escaped = true
                } else {
                    word.append(char)
                }
            default:
                if char == " " || char == "\t" {
                    if inWord { words.append(word) }
                    word = ""
                    inWord = false
                } else {
                    inWord = true
                    if char == "'" || char == "\"" {
                        quote = char
                    } else if char == "\\" {
                        escaped = true
                    } else {
                        word.append(char)
                    }
                }
            }
        }
        if quote != nil { throw ValueError("bad exec command (unterminated \(quote == "'" ? "single" : "double") quote)") }
        if escaped { throw ValueError("bad exec command (it ends with a backslash)") }
        if inWord { words.append(word) }
        return words
    }
}

/// What runs for each new article of a feed.
///
/// The command, how long it may take, and whether its file is kept once it succeeded.
public struct FeedHook: Sendable, Equatable {
    /// The command (`exec`).
    public var command: HookCommand
    /// How long one run may take before its process group is ended (`exec-timeout`, default 60s).
    public var timeout: Duration
    /// Whether a file the command succeeded on stays in `cur/` (`exec-keep`, default no).
    public var keep: Bool

    /// The default `exec-timeout`.
    public static let defaultTimeout: Duration = .seconds(60)

    /// A hook running `command`.
    public init(command: HookCommand, timeout: Duration = FeedHook.defaultTimeout, keep: Bool = false) {
        self.command = command
        self.timeout = timeout
        self.keep = keep
    }
}
