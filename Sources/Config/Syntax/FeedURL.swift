/// A feed URL checked and split into the parts the loader uses.
///
/// The host for `[host]` sections, the host and path for the derived name, and a form for spotting
/// the same feed listed twice.
struct FeedURL: Equatable {
    /// `http`, `https` or `file`, lowercase.
    var scheme: String
    /// The host, lowercase, without user, port or IPv6 brackets; empty for `file`.
    var host: String
    /// The path, without query and fragment.
    var path: String
    /// The URL with scheme and host lowercased: equal for the same feed.
    var comparable: String

    /// Checks `text`, a URL from a feed line.
    /// - Throws: `bad URL "…" (reason)`.
    init(_ text: String) throws(ValueError) {
        func bad(_ reason: String) -> ValueError { ValueError("bad URL \(quoted(text)) (\(reason))") }
        guard let separator = text.firstRange(of: "://") else { throw bad("use http://, https:// or file://") }
        scheme = text[..<separator.lowerBound].lowercased()
        guard ["http", "https", "file"].contains(scheme) else { throw bad("use http://, https:// or file://") }
        // Characters a URL cannot hold as they are (white space already ended the URL).
        if let byte = text.utf8.first(where: { $0 < 0x20 || $0 == 0x7F || "\"<>\\".utf8.contains($0) }) {
            let hex = String(byte, radix: 16, uppercase: true)
            throw bad("percent-encode \(Character(Unicode.Scalar(byte))) as %\(hex.count == 1 ? "0" : "")\(hex)")
        }
        let rest = text[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let remainder = rest[authorityEnd...]
        path = String(remainder.prefix { $0 != "?" && $0 != "#" })
        comparable = "\(scheme)://\(authority.lowercased())\(remainder)"

        if scheme == "file" {
            guard authority.isEmpty || authority.lowercased() == "localhost", path.count > 1 else {
                throw bad("use file:///absolute/path")
            }
            host = ""
            return
        }
        // user:password@ may precede the host; the port follows the last colon outside brackets.
        let hostAndPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        var hostPart = hostAndPort
        var port: Substring? = nil
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { throw bad("missing \"]\" in the host") }
            hostPart = hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close]
            let after = hostAndPort[hostAndPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw bad("bad host") }
                port = after.dropFirst()
            }
        } else if let colon = hostAndPort.lastIndex(of: ":") {
            hostPart = hostAndPort[..<colon]
            port = hostAndPort[hostAndPort.index(after: colon)...]
        }
        guard !hostPart.isEmpty else { throw bad("no host") }
        let hostCharacters = hostAndPort.hasPrefix("[")
            ? hostPart.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
            : hostPart.allSatisfy { !$0.isASCII || $0.isLetter || $0.isNumber || "-._~%".contains($0) }
        guard hostCharacters else { throw bad("bad host \(quoted(hostPart))") }
        if let port {
            guard !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(port),
                  (1...65535).contains(number)
            else { throw bad("bad port \(quoted(port))") }
        }
        host = hostPart.lowercased()
    }

    /// The name a feed gets when it has no `name=`, made from its host and path.
    ///
    /// The host without `www.`, then the path, lowercase, each run of characters other than a-z and
    /// 0-9 in the path (and other than those, `.` and `-` in the host) turned into one `-`, none at
    /// the ends: `lwn.net-headlines-rss` for `https://lwn.net/headlines/rss`.
    var derivedName: String {
        let host = self.host.hasPrefix("www.") ? String(self.host.dropFirst(4)) : self.host
        var name = ""
        var pendingDash = false
        func append(_ char: Character, keeping extra: String) {
            if char.isASCII, char.isLetter || char.isNumber || extra.contains(char) {
                if pendingDash, !name.isEmpty, name.last != "-" { name.append("-") }
                pendingDash = false
                name.append(char)
            } else {
                pendingDash = true
            }
        }
        for char in host.lowercased() { append(char, keeping: ".-") }
        pendingDash = true
        for char in path.lowercased() { append(char, keeping: "") }
        while name.last == "-" || name.last == "." { name.removeLast() }
        while name.first == "-" || name.first == "." { name.removeFirst() }
        return name.isEmpty ? "feed" : name
    }
}
