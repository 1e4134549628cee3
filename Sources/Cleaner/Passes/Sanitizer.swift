#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The allow-list that makes article HTML safe to show.
///
/// Which elements and attributes survive, which URLs, and which embeds.
enum Sanitizer {
    /// Elements kept, with the attributes each may keep.
    static let allowedElements: [String: Set<String>] = [
        "a": ["href", "title"], "abbr": ["title"], "b": [], "bdi": [], "bdo": ["dir"], "blockquote": ["cite"],
        "br": [], "caption": [], "cite": [], "code": [], "col": ["span"], "colgroup": ["span"], "dd": [],
        "del": ["datetime"], "details": ["open"], "dfn": [], "div": [], "dl": [], "dt": [], "em": [],
        "figcaption": [], "figure": [], "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "hr": [],
        "i": [], "img": ["src", "alt", "title", "width", "height"], "ins": ["datetime"], "kbd": [], "li": ["value"],
        "mark": [], "ol": ["start", "reversed", "type"], "p": [], "pre": [], "q": ["cite"], "rp": [], "rt": [],
        "ruby": [], "s": [], "samp": [], "small": [], "sub": [], "summary": [], "sup": [], "table": [],
        "tbody": [], "td": ["colspan", "rowspan"], "tfoot": [], "th": ["colspan", "rowspan", "scope"],
        "thead": [], "time": ["datetime"], "tr": [], "u": [], "ul": [], "var": [], "wbr": [],
        "audio": ["src", "controls"], "video": ["src", "controls", "poster", "width", "height"],
        "source": ["src", "type"], "iframe": ["src", "width", "height", "allowfullscreen"],
    ]

    /// Elements dropped with everything inside them.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "base", "object",
        "embed", "applet", "frame", "frameset", "svg", "math", "select", "textarea", "input", "option",
        "canvas", "map", "area", "param", "portal",
    ]

    /// Whether attribute `name` holds a URL. Four short names compare
    /// cheaper than a set hashes one, for every attribute kept.
    private static func isURLAttribute(_ name: String) -> Bool {
        switch name {
        case "href", "src", "cite", "poster": return true
        default: return false
        }
    }

    /// Players that may stay as `<iframe>`, video and audio embeds: the host and how the path starts.
    private static let embeds: [(host: String, path: String)] = [
        ("www.youtube.com", "/embed/"), ("www.youtube-nocookie.com", "/embed/"), ("youtube.com", "/embed/"),
        ("player.vimeo.com", "/video/"), ("www.dailymotion.com", "/embed/"), ("w.soundcloud.com", "/player/"),
        ("open.spotify.com", "/embed"), ("bandcamp.com", "/EmbeddedPlayer"), ("embed.podcasts.apple.com", "/"),
        ("player.twitch.tv", "/"), ("www.loom.com", "/embed/"), ("player.simplecast.com", "/"),
        ("embed.ted.com", "/"),
    ]

    /// Whether an `<iframe>` with this (absolute) `src` is an allowed embed:
    /// https, no user or port, an allowed host, and a path that starts as the
    /// player's does and has no `.` or `..` segment (`/embed/../../evil`
    /// is `/evil` to a browser), written plainly or percent-encoded.
    static func isAllowedEmbed(_ source: String) -> Bool {
        guard let parts = URLComponents(string: source), parts.scheme?.lowercased() == "https",
              parts.user == nil, parts.password == nil, parts.port == nil,
              let host = parts.host?.lowercased()
        else { return false }
        let path = parts.percentEncodedPath
        guard !path.contains("\\") else { return false }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            let decoded = segment.lowercased().replacing("%2e", with: ".")
            if decoded == "." || decoded == ".." { return false }
        }
        return embeds.contains { host == $0.host && path.hasPrefix($0.path) }
    }

    /// Whether `url` is an absolute http or https URL, the only kind relative URLs resolve against.
    ///
    /// A `javascript:` or `data:` base would make every relative link a script.
    static func isWebBase(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && url.host != nil
    }

    /// The URL as it may appear in clean HTML, or nil when it may not.
    ///
    /// Resolved against `base` when that is an http(s) URL, without tracking
    /// parameters; nil for `javascript:`, `data:` and any scheme but http,
    /// https and (for links) mailto, checked again after resolving.
    static func cleanURL(_ value: String, base: URL?, isLink: Bool) -> String? {
        // Browsers drop tabs and line breaks anywhere in a URL ("java\tscript:")
        // and spaces and control characters around it; so must the check.
        let trimmed: String
        if value.withBytes({ $0.contains(where: { $0 <= 0x20 }) }) {
            trimmed = value.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
                .trimmingCharacters(in: " \u{0}\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{B}\u{C}\u{E}\u{F}\u{1F}")
        } else {
            trimmed = value
        }
        guard !trimmed.isEmpty else { return nil }
        if trimmed.hasPrefix("#") { return isLink ? trimmed : nil }
        var absolute = trimmed
        if let scheme = scheme(of: trimmed) {
            guard scheme == "http" || scheme == "https" || (isLink && scheme == "mailto") else { return nil }
        } else {
            // A colon before any path character is a scheme this check does
            // not understand ("java script:"): refuse rather than resolve it.
            if let colon = trimmed.utf8.firstIndex(of: UInt8(ascii: ":")),
               !trimmed.utf8[..<colon].contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
            {
                return nil
            }
            if let base, isWebBase(base), let resolved = URL(string: trimmed, relativeTo: base)?.absoluteString {
                absolute = resolved
            } else if trimmed.hasPrefix("//") {
                absolute = "https:" + trimmed
            }
            // Whatever resolving made of it, only a web URL or a relative one may stay.
            if let resolvedScheme = scheme(of: absolute), resolvedScheme != "http", resolvedScheme != "https" {
                return nil
            }
        }
        return Tracking.strippingParameters(absolute)
    }

    /// The lowercase scheme of `url`, or nil when it has none.
    ///
    /// A scheme is letters, digits, `+`, `-` and `.` before a colon, starting with a letter.
    static func scheme(of url: String) -> String? {
        url.withBytes { bytes in
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: ":"):
                    guard index > 0 else { return nil }
                    return String(unsafeUninitializedCapacity: index) { scheme in
                        for offset in 0..<index {
                            let byte = bytes[offset]
                            scheme[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                        }
                        return index
                    }
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    continue
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    if index == 0 { return nil }
                default:
                    return nil
                }
            }
            return nil
        }
    }

    /// Sanitises every live element of `tree` in place.
    ///
    /// It drops dangerous elements, filters attributes, cleans URLs, and records what went.
    static func sanitize(_ tree: inout HTMLTree, base: URL?, removals: inout [Removal]) {
        for index in tree.descendants(of: HTMLTree.root) where tree.nodes[index].kind == .element {
            let name = tree.nodes[index].name
            let traits = tree.nodes[index].traits
            if traits.contains(.dropped) {
                let chars = tree.textContent(of: index).count
                tree.remove(index)
                if chars > 0 { removals.append(Removal(what: "<\(name)> element", chars: chars)) }
                continue
            }
            guard traits.contains(.allowed) else { continue }
            if !tree.nodes[index].attributes.isEmpty, let allowed = allowedElements[name] {
                // Filtered in place: the kept attributes move to the front.
                let count = tree.nodes[index].attributes.count
                var kept = 0
                for position in 0..<count {
                    var attribute = tree.nodes[index].attributes[position]
                    guard allowed.contains(attribute.name) else { continue }
                    if isURLAttribute(attribute.name) {
                        guard let url = cleanURL(attribute.value, base: base, isLink: traits.contains(.link)) else { continue }
                        attribute.value = url
                    }
                    tree.nodes[index].attributes[kept] = attribute
                    kept += 1
                }
                tree.nodes[index].attributes.removeLast(count - kept)
            }
            if name == "iframe" {
                let source = tree.nodes[index].attribute("src") ?? ""
                if !isAllowedEmbed(source) {
                    tree.remove(index)
                    removals.append(Removal(what: "iframe (\(source.isEmpty ? "no source" : source))", chars: 0))
                }
            } else if traits.contains(.image), tree.nodes[index].attribute("src") == nil {
                tree.remove(index)
            }
        }
    }
}
