/// Writes feed lines of `feeds.conf`, the inverse of the scanner.
///
/// What `feedspool import` prints for `>> feeds.conf`.
public enum FeedLine {
    /// The line for a feed: the URL, then `name=` and `tags=` when given.
    ///
    /// Each value is quoted when it holds a space, a quote, `#` or a backslash.
    public static func format(url: String, name: String?, tags: [String]) -> String {
        var options: [(key: String, value: String)] = []
        if let name { options.append(("name", name)) }
        if !tags.isEmpty { options.append(("tags", tags.joined(separator: ","))) }
        return format(url: url, options: options)
    }

    /// The line for a feed with `options` in the order given, each value quoted when it needs to be.
    public static func format(url: String, options: [(key: String, value: String)]) -> String {
        options.reduce(url) { line, option in line + " \(option.key)=" + quotedIfNeeded(option.value) }
    }

    /// Why `url` cannot stand in a feed line (`bad URL "…" (reason)`), or nil when it can.
    public static func problem(with url: String) -> String? {
        if url.contains(where: { $0 == " " || $0 == "\t" }) { return "bad URL \"\(url)\" (it holds a space)" }
        do {
            _ = try FeedURL(url)
            return nil
        } catch {
            return error.message
        }
    }

    /// The form of a feed URL under which `feeds.conf` calls two feeds the same; nil for a URL it does not accept.
    /// Scheme and host are compared without regard to case.
    public static func identity(of url: String) -> String? {
        try? FeedURL(url).comparable
    }

    /// A `name=` made from a feed's title; nil when nothing is left.
    ///
    /// Accents dropped, lowercase, each run of other characters than letters, digits, `.` and `_`
    /// one `-`, at most 48 characters. Nothing is left of a title in another script: the name is
    /// then derived from the URL.
    public static func name(fromTitle title: String) -> String? {
        var name = ""
        var pendingDash = false
        for scalar in title.unicodeScalars {
            let char = Character(latinBase(of: scalar)).lowercased().first ?? " "
            if char.isASCII, char.isLetter || char.isNumber || char == "." || char == "_" {
                if pendingDash, !name.isEmpty { name.append("-") }
                pendingDash = false
                name.append(char)
            } else {
                pendingDash = true
            }
            if name.count >= 48 { break }
        }
        while let first = name.first, first == "." || first == "-" { name.removeFirst() }
        while let last = name.last, last == "." || last == "-" { name.removeLast() }
        return name.isEmpty ? nil : name
    }

    /// `name`, or `name-2`, `name-3`… when `names` has it; the result is added to `names`.
    public static func unique(_ name: String, among names: inout Set<String>) -> String {
        var candidate = name
        var number = 2
        while names.contains(candidate) {
            candidate = "\(name)-\(number)"
            number += 1
        }
        names.insert(candidate)
        return candidate
    }

    /// The letters of Latin-1 (U+00C0–U+00FF) without their accents, in order; `-` for the two signs among them.
    private static let latin1Bases = Array("AAAAAAACEEEEIIIIDNOOOOO-OUUUUYTsaaaaaaaceeeeiiiidnooooo-ouuuuyty".unicodeScalars)

    /// `scalar` without its accent when it is a Latin-1 letter, else itself.
    private static func latinBase(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard (0xC0...0xFF).contains(scalar.value) else { return scalar }
        return latin1Bases[Int(scalar.value) - 0xC0]
    }

    private static func quotedIfNeeded(_ value: String) -> String {
        guard value.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "#" || $0 == "\\" }) else {
            return value
        }
        var quoted = "\""
        for char in value {
            if char == "\"" || char == "\\" { quoted.append("\\") }
            quoted.append(char)
        }
        return quoted + "\""
    }
}
