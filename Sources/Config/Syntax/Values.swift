/// Why a value was rejected: the message a user sees after `file:line: `.
struct ValueError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Parsers for the kinds of value settings and options take.
enum Values {
    // MARK: - Durations

    private static let durationUnits: [(unit: Character, seconds: Int64)] = [
        ("w", 7 * 86400), ("d", 86400), ("h", 3600), ("m", 60), ("s", 1),
    ]

    /// A duration such as `90s`, `30m`, `1h30m`, `2d` or `1w`.
    ///
    /// Numbers with units, largest unit first, each unit once, more than zero in total.
    /// - Parameters:
    ///   - kind: What messages call the value.
    ///   - use: What messages suggest writing instead.
    static func duration(_ text: String, kind: String = "duration",
                         use: String = "s, m, h, d or w, e.g. 30m") throws(ValueError) -> Duration {
        let bad = ValueError("bad \(kind) \(quoted(text)) (use \(use))")
        var total: Int64 = 0
        var number: Int64? = nil
        var nextUnit = 0  // index into durationUnits: units must come largest first
        for char in text {
            if let digit = char.wholeNumberValue, char.isASCII {
                let (times10, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int64(digit))
                if overflow1 || overflow2 { throw bad }
                number = sum
            } else if let unit = durationUnits[nextUnit...].firstIndex(where: { $0.unit == char }), let count = number {
                let (seconds, overflow1) = count.multipliedReportingOverflow(by: durationUnits[unit].seconds)
                let (sum, overflow2) = total.addingReportingOverflow(seconds)
                if overflow1 || overflow2 { throw bad }
                total = sum
                number = nil
                nextUnit = unit + 1
            } else {
                throw bad
            }
        }
        // A bare or trailing number has no unit: "30" could mean seconds or minutes.
        guard number == nil, !text.isEmpty else { throw bad }
        guard total > 0 else { throw ValueError("bad \(kind) \(quoted(text)) (must be more than zero)") }
        return .seconds(total)
    }

    /// An `interval`: a duration, or `auto` (nil), which follows how often the feed publishes.
    static func interval(_ text: String) throws(ValueError) -> Duration? {
        text == "auto" ? nil : try duration(text, kind: "interval", use: "auto, or s, m, h, d or w, e.g. 30m")
    }

    // MARK: - Numbers, sizes, switches

    /// A `jitter`: a percentage from 0% to 50%, returned as a fraction (`10%` is 0.1).
    static func jitter(_ text: String) throws(ValueError) -> Double {
        guard text.hasSuffix("%"), text.count > 1, text.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }),
              let percent = Int(text.dropLast()), percent <= 50
        else { throw ValueError("bad jitter \(quoted(text)) (use a percentage from 0% to 50%, e.g. 10%)") }
        return Double(percent) / 100
    }

    /// A whole number of at least 1, e.g. for `concurrency`.
    static func count(_ text: String) throws(ValueError) -> Int {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text), value >= 1 else {
            throw ValueError("bad number \(quoted(text)) (use a whole number of at least 1)")
        }
        return value
    }

    /// A size in bytes, with an optional `k`, `M` or `G` suffix (powers of 1024), e.g. `5M`.
    static func size(_ text: String) throws(ValueError) -> Int {
        let bad = ValueError("bad size \(quoted(text)) (use bytes, or k, M or G, e.g. 5M)")
        var digits = Substring(text)
        var shift = 0
        switch text.last {
        case "k", "K": shift = 10
        case "m", "M": shift = 20
        case "g", "G": shift = 30
        default: break
        }
        if shift > 0 { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits),
              number <= Int.max >> shift
        else { throw bad }
        guard number > 0 else { throw ValueError("bad size \(quoted(text)) (must be more than zero)") }
        return number << shift
    }

    /// `yes` or `no`.
    static func flag(_ text: String) throws(ValueError) -> Bool {
        switch text {
        case "yes": return true
        case "no": return false
        default: throw ValueError("bad value \(quoted(text)) (use yes or no)")
        }
    }

    // MARK: - Feed options

    /// A comma-separated list of tags, trimmed, without empty items or repeats.
    static func tags(_ text: String) throws(ValueError) -> [String] {
        var tags: [String] = []
        for item in text.split(separator: ",") {
            let tag = String(item).trimmingSpace()
            if !tag.isEmpty, !tags.contains(tag) { tags.append(tag) }
        }
        if tags.isEmpty { throw ValueError("bad tags \(quoted(text)) (use a comma-separated list, e.g. news,linux)") }
        return tags
    }

    /// An `include`/`exclude` filter, `FIELD~REGEX`, whose regex must compile.
    static func filter(_ text: String, option: String) throws(ValueError) -> EntryFilter {
        let fields = EntryFilter.Field.allCases.map(\.rawValue).joined(separator: ", ")
        guard let tilde = text.firstIndex(of: "~"),
              let field = EntryFilter.Field(rawValue: String(text[..<tilde]))
        else {
            throw ValueError("bad filter \(quoted(text)) in \(option) (use FIELD~REGEX, FIELD one of \(fields))")
        }
        let pattern = String(text[text.index(after: tilde)...])
        if pattern.isEmpty { throw ValueError("bad filter \(quoted(text)) in \(option) (the regex is empty)") }
        do {
            _ = try Regex(pattern)
        } catch {
            throw ValueError("bad regex in \(option): \(error) in \(quoted(pattern))")
        }
        return EntryFilter(field: field, pattern: pattern)
    }

    /// A feed name given with `name=`.
    ///
    /// It names files and state rows, so letters, digits, `.`, `_` and
    /// `-`, not starting with `.` or `-`.
    static func name(_ text: String) throws(ValueError) -> String {
        let allowed = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
        guard allowed, let first = text.first, first != ".", first != "-" else {
            throw ValueError("bad name \(quoted(text)) (use letters, digits, \".\", \"_\" and \"-\", not first \".\" or \"-\")")
        }
        return text
    }

    /// A `header` option, `Name: value`.
    ///
    /// A token for the name, no line break, and none of the headers feedspool itself manages. The
    /// value may be a secret, so messages quote only the name.
    static func header(_ text: String) throws(ValueError) -> String {
        guard let colon = text.firstIndex(of: ":") else {
            throw ValueError("bad header (use \"Name: value\", e.g. header=\"Authorization: Bearer TOKEN\")")
        }
        let name = String(text[..<colon])
        let tokenCharacters = "!#$%&'*+-.^_`|~"
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || tokenCharacters.contains($0)) }) else {
            throw ValueError("bad header name \"\(name.prefix(40))\" (letters, digits and -)")
        }
        guard !text.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
            throw ValueError("bad header \"\(name)\" (its value holds a line break)")
        }
        let managed = ["host", "content-length", "transfer-encoding", "if-none-match", "if-modified-since",
                       "accept-encoding", "connection"]
        guard !managed.contains(name.lowercased()) else {
            throw ValueError("header \"\(name)\" is set by feedspool itself")
        }
        return text
    }

    /// The login in the first line of a `password-file`, `user:password` (split at the first colon).
    /// `shown` is the path as written, for messages, which never quote the file's content.
    static func login(fromFile path: String, as shown: String) throws(ValueError) -> HTTPAccess.Login {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.contents(of: path)
        } catch {
            throw ValueError("cannot read password-file \"\(shown)\": \(error)")
        }
        let line = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        guard line.count <= 4096, let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
              let text = String(validating: line, as: UTF8.self) else {
            throw ValueError("password-file \"\(shown)\" must hold user:password on its first line")
        }
        let split = text.utf8.index(text.utf8.startIndex, offsetBy: colon - line.startIndex)
        return HTTPAccess.Login(user: String(text[..<split]), password: String(text[text.index(after: split)...]))
    }

    /// A `proxy`: `none`, or a proxy URL with a scheme libcurl knows.
    static func proxy(_ text: String) throws(ValueError) -> HTTPAccess.Proxy {
        if text == "none" { return .direct }
        let schemes = ["http://", "https://", "socks4://", "socks4a://", "socks5://", "socks5h://"]
        guard schemes.contains(where: { text.lowercased().hasPrefix($0) }), text.count > 8,
              !text.contains(where: { $0 == " " || $0 == "\n" || $0 == "\r" }) else {
            throw ValueError("bad proxy \"\(URLCredentials.removed(from: text))\" (use none, or http://, https:// or socks5:// with a host)")
        }
        return .url(text)
    }

    /// A `stream` key: printable, no spaces, no braces.
    ///
    /// The sink wraps it in `{…}` as the hash tag of its seen-keys.
    static func streamKey(_ text: String) throws(ValueError) -> String {
        guard text.count <= 200, text.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "{" && $0 != "}" && $0.asciiValue! >= 0x21 })
        else { throw ValueError("bad stream \"\(text.prefix(40))\" (printable ASCII without spaces or braces)") }
        return text
    }

    /// The first line of a file holding a secret (`redis-password-file`).
    /// Messages quote the path as written, never the content.
    static func secret(fromFile path: String, as shown: String) throws(ValueError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.contents(of: path)
        } catch {
            throw ValueError("cannot read \"\(shown)\": \(error)")
        }
        let line = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        guard !line.isEmpty, line.count <= 4096, let text = String(validating: line, as: UTF8.self) else {
            throw ValueError("\"\(shown)\" must hold the password on its first line")
        }
        return text
    }

    /// A `shard`, `K/N`, with 1 ≤ K ≤ N.
    static func shard(_ text: String) throws(ValueError) -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              (1...1024).contains(count), (1...count).contains(index) else {
            throw ValueError("bad shard \"\(text)\" (use K/N, 1 ≤ K ≤ N ≤ 1024, e.g. 1/2)")
        }
        return Shard(index: index, count: count)
    }

    /// An `exec` command split into words (`HookCommand`), or no words for `none`.
    /// A program path holding a `/` resolves against `folder`, as other paths do.
    static func hookCommand(_ text: String, in folder: String) throws(ValueError) -> HookCommand {
        if text == "none" { return HookCommand(words: []) }
        var words = try HookCommand.words(of: text)
        guard let program = words.first, !program.isEmpty else {
            throw ValueError("bad exec command (empty; use a program and its arguments, or none)")
        }
        if program.contains("/") { words[0] = Paths.absolute(program, in: folder) }
        return HookCommand(words: words)
    }

    // MARK: - Hosts

    /// A `[host PATTERN]` pattern: a host name or `*.domain`, returned lowercase.
    static func hostPattern(_ text: String) throws(ValueError) -> String {
        let pattern = text.lowercased()
        let name = pattern.hasPrefix("*.") ? pattern.dropFirst(2) : Substring(pattern)
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid = !name.isEmpty && labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }
        guard valid else { throw ValueError("bad host pattern \(quoted(text)) (use a host name or *.domain)") }
        return pattern
    }
}
