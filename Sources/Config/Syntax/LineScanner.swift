/// One meaningful line of a configuration file, split into its parts but not yet checked against the known keys.
enum ConfigLine: Equatable {
    /// `[…]`: the text between the brackets, trimmed.
    case section(String)
    /// `include PATH`: the path, unquoted (empty when missing).
    case include(String)
    /// `key = value`: the value unquoted and trimmed.
    case setting(key: String, value: String)
    /// A feed URL followed by `key=value` options.
    case feed(url: String, options: [FeedOption])
    /// Anything else, e.g. a bare word: the text without its comment.
    case other(String)
}

/// One `key=value` option after a feed URL, value unquoted.
struct FeedOption: Equatable {
    var key: String
    var value: String
}

/// Why a line could not be split, e.g. `unterminated quote`.
struct SyntaxError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Splits configuration lines: comments, quotes and the four kinds of line.
///
/// A `#` starts a comment at the start of a line or after white space, outside
/// quotes; so `#` inside a URL or a word is kept. Inside double quotes, `\"`
/// is a quote and `\\` a backslash; any other backslash is kept as it is, so
/// regular expressions such as `"\d+ \s"` need no doubling.
enum LineScanner {
    /// The parts of `text`, one line without its line break; nil for a blank or comment line.
    static func scan(_ text: String) throws(SyntaxError) -> ConfigLine? {
        let chars = Array(text)
        var index = 0
        skipSpace(chars, &index)
        guard index < chars.count, chars[index] != "#" else { return nil }
        if startsWithScheme(chars, at: index) { return try scanFeed(chars, from: index) }

        let end = try commentStart(chars, from: index)
        let body = Array(chars[index..<end])
        if body.first == "[" { return try scanSection(body) }

        var wordEnd = 0
        while wordEnd < body.count, !isSpace(body[wordEnd]), body[wordEnd] != "=" { wordEnd += 1 }
        var afterWord = wordEnd
        skipSpace(body, &afterWord)
        if String(body[..<wordEnd]) == "include", afterWord == body.count || body[afterWord] != "=" {
            return .include(try readValue(body, &afterWord, untilSpace: false))
        }
        if let equals = body.firstIndex(of: "=") {
            let key = String(body[..<equals]).trimmingSpace()
            var valueStart = equals + 1
            skipSpace(body, &valueStart)
            return .setting(key: key, value: try readValue(body, &valueStart, untilSpace: false))
        }
        return .other(String(body).trimmingSpace())
    }

    // MARK: - Kinds of line

    private static func scanFeed(_ chars: [Character], from start: Int) throws(SyntaxError) -> ConfigLine {
        // The URL runs to the first white space: quotes and `#` in it are its own.
        var index = start
        while index < chars.count, !isSpace(chars[index]) { index += 1 }
        let url = String(chars[start..<index])
        var options: [FeedOption] = []
        while true {
            skipSpace(chars, &index)
            if index == chars.count || chars[index] == "#" { break }
            let keyStart = index
            while index < chars.count, !isSpace(chars[index]), chars[index] != "=", chars[index] != "\"" {
                index += 1
            }
            guard index < chars.count, chars[index] == "=", index > keyStart else {
                var end = keyStart
                while end < chars.count, !isSpace(chars[end]) { end += 1 }
                throw SyntaxError("expected key=value after the URL, found \(quoted(String(chars[keyStart..<end])))")
            }
            let key = String(chars[keyStart..<index])
            index += 1
            options.append(FeedOption(key: key, value: try readValue(chars, &index, untilSpace: true)))
        }
        return .feed(url: url, options: options)
    }

    private static func scanSection(_ body: [Character]) throws(SyntaxError) -> ConfigLine {
        guard let close = body.firstIndex(of: "]") else { throw SyntaxError("missing \"]\" after \"[\"") }
        let rest = String(body[(close + 1)...]).trimmingSpace()
        if !rest.isEmpty { throw SyntaxError("unexpected \(quoted(rest)) after \"]\"") }
        return .section(String(body[1..<close]).trimmingSpace())
    }

    // MARK: - Characters

    /// Whether a URL scheme (`letter (letter|digit|+|-|.)* ://`) starts at `index`.
    private static func startsWithScheme(_ chars: [Character], at index: Int) -> Bool {
        guard index < chars.count, chars[index].isASCII, chars[index].isLetter else { return false }
        var end = index + 1
        while end < chars.count, chars[end].isASCII,
              chars[end].isLetter || chars[end].isNumber || chars[end] == "+" || chars[end] == "-" || chars[end] == "."
        {
            end += 1
        }
        return chars[end...].starts(with: [":", "/", "/"])
    }

    /// Where the comment starts (or the end of the line).
    /// - Throws: `unterminated quote` when a quote is still open at the end.
    private static func commentStart(_ chars: [Character], from start: Int) throws(SyntaxError) -> Int {
        var inQuote = false
        var index = start
        while index < chars.count {
            let char = chars[index]
            if inQuote {
                if char == "\\", index + 1 < chars.count, chars[index + 1] == "\"" || chars[index + 1] == "\\" {
                    index += 2
                    continue
                }
                if char == "\"" { inQuote = false }
            } else if char == "\"" {
                inQuote = true
            } else if char == "#", index == 0 || isSpace(chars[index - 1]) {
                return index
            }
            index += 1
        }
        if inQuote { throw SyntaxError("unterminated quote") }
        return chars.count
    }

    /// Reads a value of plain and `"quoted"` parts, joined, from `index`.
    ///
    /// Up to white space outside quotes when `untilSpace`, else to the end with trailing white
    /// space outside quotes dropped.
    static func readValue(_ chars: [Character], _ index: inout Int, untilSpace: Bool) throws(SyntaxError) -> String {
        var value: [Character] = []
        var kept = 0  // characters of `value` up to the last one that is not trailing space
        while index < chars.count {
            let char = chars[index]
            if char == "\"" {
                index += 1
                var closed = false
                while index < chars.count {
                    let quoted = chars[index]
                    if quoted == "\\", index + 1 < chars.count, chars[index + 1] == "\"" || chars[index + 1] == "\\" {
                        value.append(chars[index + 1])
                        index += 2
                        continue
                    }
                    index += 1
                    if quoted == "\"" {
                        closed = true
                        break
                    }
                    value.append(quoted)
                }
                if !closed { throw SyntaxError("unterminated quote") }
                kept = value.count
            } else if isSpace(char) {
                if untilSpace { break }
                value.append(char)
                index += 1
            } else {
                value.append(char)
                index += 1
                kept = value.count
            }
        }
        return String(value[..<kept])
    }

    static func isSpace(_ char: Character) -> Bool { char == " " || char == "\t" }

    private static func skipSpace(_ chars: [Character], _ index: inout Int) {
        while index < chars.count, isSpace(chars[index]) { index += 1 }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpace() -> String {
        let chars = Array(self)
        var start = 0, end = chars.count
        while start < end, LineScanner.isSpace(chars[start]) { start += 1 }
        while end > start, LineScanner.isSpace(chars[end - 1]) { end -= 1 }
        return String(chars[start..<end])
    }
}
