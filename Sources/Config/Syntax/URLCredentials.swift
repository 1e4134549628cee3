/// The `user:password@` part a feed URL may carry, which must never be shown:
/// not in the spool, a log line, `status` or an exported list.
public enum URLCredentials {
    /// `url` without its userinfo: `https://host/x` for `https://me:secret@host/x`.
    public static func removed(from url: String) -> String {
        guard let range = userinfoRange(in: url) else { return url }
        var stripped = url
        stripped.removeSubrange(range)
        return stripped
    }

    /// Whether `url` carries a userinfo part.
    public static func present(in url: String) -> Bool {
        userinfoRange(in: url) != nil
    }

    /// The userinfo with its `@`, between `://` and the host.
    private static func userinfoRange(in url: String) -> Range<String.Index>? {
        guard let separator = url.firstRange(of: "://") else { return nil }
        let rest = url[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return nil }
        return separator.upperBound..<rest.index(after: at)
    }
}
