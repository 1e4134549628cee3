#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the header lines of one transfer said, response by response.
/// Libcurl hands every line of every response in a redirect chain to the header
/// callback, so this keeps the last response's headers and notes the permanent
/// redirects on the way.
///
/// Open to the fuzzer through the `Fuzzing` SPI, so that what servers send
/// can be fuzzed without a server.
@_spi(Fuzzing) public struct ResponseLog {
    /// The status of the latest response, 0 before the first status line.
    private(set) var status = 0
    /// The latest response's headers that feedspool uses, by lowercased name.
    private(set) var headers: [String: String] = [:]
    /// The target of the last 301/308 in the run of them that starts the chain.
    private(set) var permanentRedirect: String?
    /// Whether every redirect so far was permanent.
    private var onlyPermanentRedirects = true

    /// The headers kept; the others are dropped as they arrive.
    private static let keptHeaders: Set<String> = [
        "etag", "last-modified", "content-type", "retry-after", "location", "cache-control", "expires",
    ]

    /// An empty log, before the first header line.
    @_spi(Fuzzing) public init() {}

    /// Whether the latest response redirects: a 3xx with a `Location`.
    var isRedirect: Bool { (300..<400).contains(status) && headers["location"] != nil }

    /// Reads one header line (`HTTP/1.1 200 OK`, `ETag: "x"`, or the empty line that ends a response's headers).
    /// `currentURL` is called when a status line starts a new response, and
    /// gives the URL it answers. Returns true when the line started a new
    /// response.
    @_spi(Fuzzing) public mutating func read(line: some Collection<UInt8>, currentURL: () -> String?) -> Bool {
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix("HTTP/") {
            let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            let newStatus = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            beginResponse(status: newStatus, url: currentURL())
            return true
        }
        guard let colon = text.firstIndex(of: ":") else { return false }
        let name = text[..<colon].trimmingHTTPWhitespace().lowercased()
        guard Self.keptHeaders.contains(name) else { return false }
        let value = text[text.index(after: colon)...].trimmingHTTPWhitespace()
        headers[name] = value
        return false
    }

    private mutating func beginResponse(status newStatus: Int, url: String?) {
        // An interim 1xx answer is followed by the real one for the same request.
        if !(100..<200).contains(status) && status != 0 {
            if status == 301 || status == 308 {
                if onlyPermanentRedirects, let url { permanentRedirect = url }
            } else if (300..<400).contains(status) {
                onlyPermanentRedirects = false
            }
        }
        status = newStatus
        headers = [:]
    }
}

// MARK: - Header values

extension ResponseLog {
    /// The `charset` parameter of a `Content-Type` value, unquoted, or nil.
    @_spi(Fuzzing) public static func charset(inContentType contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let name = parameter[..<equals].trimmingHTTPWhitespace().lowercased()
            guard name == "charset" else { continue }
            var value = Substring(parameter[parameter.index(after: equals)...].trimmingHTTPWhitespace())
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = value.dropFirst().dropLast()
            }
            let charset = value.trimmingHTTPWhitespace()
            return charset.isEmpty ? nil : charset
        }
        return nil
    }

    /// The time a `Retry-After` value names.
    /// A number of seconds after `now`, or an HTTP date, which `httpDate` turns
    /// into seconds since 1970.
    @_spi(Fuzzing) public static func retryAfter(_ value: String, now: Date, httpDate: (String) -> Int?) -> Date? {
        let trimmed = value.trimmingHTTPWhitespace()
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // Over a year is a server bug; cap it rather than overflow.
            let seconds = min(Int(trimmed.prefix(9)) ?? 0, 366 * 86_400)
            return now.addingTimeInterval(Double(seconds))
        }
        return httpDate(trimmed).map { Date(timeIntervalSince1970: Double($0)) }
    }

    /// How long a response stays fresh, in seconds, by its `Cache-Control: max-age`, else by its `Expires`.
    /// `Expires` is an HTTP date, which `httpDate` turns into seconds since 1970, less `now`; nil
    /// when neither says, or `no-cache`/`no-store` asks to check every time.
    @_spi(Fuzzing) public static func freshness(cacheControl: String?, expires: String?, now: Date,
                                                httpDate: (String) -> Int?) -> TimeInterval? {
        var maxAge: TimeInterval?
        for directive in (cacheControl ?? "").split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingHTTPWhitespace().lowercased()
            if name == "no-cache" || name == "no-store" { return nil }
            guard name == "max-age", parts.count == 2 else { continue }
            var value = Substring(parts[1].trimmingHTTPWhitespace())
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
            // Over a year is a server bug; cap it rather than overflow.
            if !value.isEmpty, value.count <= 12, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
               let seconds = Int(value) {
                maxAge = Double(min(seconds, 366 * 86_400))
            }
        }
        if let maxAge { return maxAge > 0 ? maxAge : nil }
        guard let expires, let seconds = httpDate(expires.trimmingHTTPWhitespace()) else { return nil }
        let lifetime = min(Double(seconds) - now.timeIntervalSince1970, 366 * 86_400)
        return lifetime > 0 ? lifetime : nil
    }

    /// Whether `value` can be sent as a header value: no line breaks or other control characters.
    ///
    /// A server could use them to inject headers through an ETag it made us store.
    @_spi(Fuzzing) public static func isSafeHeaderValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, CR and LF.
    func trimmingHTTPWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
