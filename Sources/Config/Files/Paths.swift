/// Path arithmetic on strings, without touching the disk.
///
/// It resolves include paths and the spool and state directories against a file's folder.
enum Paths {
    /// Whether `path` contains glob(3) wildcards.
    static func isGlob(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The folder of `file`, or "" for a bare file name (the current directory).
    static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        if slash == file.startIndex { return "/" }
        return String(file[..<slash])
    }

    /// `path` resolved against `folder`: unchanged when absolute.
    /// `feeds.conf.d/a.conf` in "" stays `feeds.conf.d/a.conf`, so messages
    /// name included files the way the user would.
    static func resolve(_ path: String, against folder: String) -> String {
        if path.hasPrefix("/") || folder.isEmpty { return path }
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// `path` made absolute against `directory`, with `.`, `..` and repeated slashes removed.
    ///
    /// Lexically: symbolic links are left as they are.
    static func absolute(_ path: String, in directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
