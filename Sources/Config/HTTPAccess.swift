/// How a feed's server is reached beyond its URL: credentials, headers, cookies and the proxy.
///
/// Each scope (global, `[host]`, feed) sets some fields;
/// `merged(over:)` applies a narrower scope over a wider one.
///
/// The values may be secrets (a header such as `Authorization: Bearer …`),
/// so nothing here is ever printed: the description names what is set, not
/// its value.
public struct HTTPAccess: Sendable, Equatable, CustomStringConvertible {
    /// A netrc(5) file libcurl reads the login for the feed's host from (`netrc`).
    public var netrcFile: String?
    /// A file whose first line is `user:password` for the feed (`password-file`).
    public var passwordFile: String?
    /// The login read from `passwordFile` when the configuration was loaded.
    /// So `check` reports an unreadable file, and a new password needs a reload.
    public var login: Login?
    /// Extra request headers, `Name: value` (`header`, repeatable). A narrower
    /// scope's header replaces a wider scope's header of the same name.
    public var headers: [String]
    /// A cookie file (Netscape format, as browsers and curl export) whose cookies are sent (`cookie-file`).
    public var cookieFile: String?
    /// The proxy (`proxy`); nil leaves libcurl's default.
    ///
    /// libcurl's default follows the `http_proxy` environment
    /// variables; `.direct` bypasses every proxy.
    public var proxy: Proxy?

    /// A user and password; its description never shows the password.
    public struct Login: Sendable, Equatable, CustomStringConvertible {
        public var user: String
        public var password: String

        /// Makes a login.
        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }

        public var description: String { "\(user):…" }
    }

    /// How a feed's requests reach the network.
    public enum Proxy: Sendable, Equatable {
        /// No proxy, whatever the environment says (`proxy = none`).
        case direct
        /// Through this proxy URL (`http://`, `https://`, `socks5://`…).
        case url(String)
    }

    /// Nothing set.
    public init(netrcFile: String? = nil, passwordFile: String? = nil, login: Login? = nil, headers: [String] = [],
                cookieFile: String? = nil, proxy: Proxy? = nil) {
        self.netrcFile = netrcFile
        self.passwordFile = passwordFile
        self.login = login
        self.headers = headers
        self.cookieFile = cookieFile
        self.proxy = proxy
    }

    /// These settings applied over `wider` ones: what this scope sets wins.
    public func merged(over wider: HTTPAccess) -> HTTPAccess {
        let names = Set(headers.map(Self.headerName))
        return HTTPAccess(
            netrcFile: netrcFile ?? wider.netrcFile,
            passwordFile: passwordFile ?? wider.passwordFile,
            login: passwordFile == nil ? wider.login : login,
            headers: wider.headers.filter { !names.contains(Self.headerName($0)) } + headers,
            cookieFile: cookieFile ?? wider.cookieFile,
            proxy: proxy ?? wider.proxy)
    }

    /// What is set, without any value: `password-file, 2 headers`.
    public var description: String {
        var parts: [String] = []
        if netrcFile != nil { parts.append("netrc") }
        if passwordFile != nil { parts.append("password-file") }
        if !headers.isEmpty { parts.append(headers.count == 1 ? "1 header" : "\(headers.count) headers") }
        if cookieFile != nil { parts.append("cookie-file") }
        if let proxy { parts.append(proxy == .direct ? "no proxy" : "proxy") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// A header's name, lowercased: `authorization` for `Authorization: Bearer x`.
    static func headerName(_ header: String) -> String {
        String(header.prefix { $0 != ":" }).lowercased()
    }
}
