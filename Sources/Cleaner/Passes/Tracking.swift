/// Recognises tracking: pixels, feed-ad and analytics hosts, and the query
/// parameters that mark a link with where it was clicked.
enum Tracking {
    /// Hosts that serve only tracking and feed ads.
    private static let trackerHosts: Set<String> = [
        "pixel.wp.com", "stats.wordpress.com", "pi.feedsportal.com", "da.feedsportal.com", "ads.pheedo.com",
        "a.fsdn.com", "rss.buysellads.com", "feedads.g.doubleclick.net", "pixel.quantserve.com",
        "www.google-analytics.com", "sb.scorecardresearch.com", "counter.yadro.ru", "pixel.facebook.com",
        "feeds.feedblitz.com",
    ]
    /// Hosts whose tracking lives under certain paths (FeedBurner's `/~r/`
    /// redirects and `/~ff/` flare, Blogger's tracker, Medium's stat pixel).
    private static let trackerPaths: [String: [String]] = [
        "feeds.feedburner.com": ["/~r/", "/~ff/", "/~a/"], "feedproxy.google.com": ["/~r/", "/~ff/", "/~a/"],
        "blogger.googleusercontent.com": ["/tracker/"], "www.blogger.com": ["/img/blank.gif", "/tracker/"],
        "medium.com": ["/_/stat"], "mc.yandex.ru": ["/watch"],
    ]

    /// Query parameters that only say where a link was clicked.
    private static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "_hsenc",
        "_hsmi", "mkt_tok", "igshid", "twclid", "ttclid", "li_fat_id", "oly_anon_id", "oly_enc_id",
        "vero_id", "__s", "s_kwcid", "ncid", "cmpid", "wt_mc", "ito",
    ]

    /// Whether `url` belongs to a tracker or feed-ad service.
    static func isTracker(_ url: String) -> Bool {
        let host = host(of: url).lowercased()
        if trackerHosts.contains(host) { return true }
        guard let paths = trackerPaths[host] else { return false }
        let path = path(of: url)
        return paths.contains { path.hasPrefix($0) || path.contains($0) }
    }

    /// Why the image `node` is tracking, or nil: 1×1 and 0×0 images, hidden
    /// ones, and those served by trackers.
    static func imageReason(_ node: HTMLTree.Node) -> String? {
        if let source = node.attribute("src"), isTracker(source) { return "tracking pixel (\(host(of: source)))" }
        let width = node.attribute("width").flatMap(pixels), height = node.attribute("height").flatMap(pixels)
        if let width, let height, width <= 1, height <= 1 { return "tracking pixel (\(width)×\(height))" }
        if let style = node.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
           style.contains("width:1px") && style.contains("height:1px") || style.contains("display:none")
        {
            return "tracking pixel (hidden)"
        }
        return nil
    }

    /// `url` without tracking parameters (`utm_*` and the list above).
    static func strippingParameters(_ url: String) -> String {
        guard url.utf8.contains(UInt8(ascii: "?")), let question = url.firstIndex(of: "?") else { return url }
        let fragmentStart = url[question...].firstIndex(of: "#") ?? url.endIndex
        let query = url[url.index(after: question)..<fragmentStart]
        let kept = query.split(separator: "&", omittingEmptySubsequences: true).filter { pair in
            let name = pair.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            return !(name.hasPrefix("utm_") || trackingParameters.contains(name))
        }
        let base = url[..<question]
        let fragment = url[fragmentStart...]
        return kept.isEmpty ? String(base + fragment) : String(base) + "?" + kept.joined(separator: "&") + fragment
    }

    private static func pixels(_ value: String) -> Int? {
        Int(value.trimmingCharacters(in: "px "))
    }

    private static func host(of url: String) -> String {
        String(afterScheme(url).prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" }))
    }

    private static func path(of url: String) -> Substring {
        let rest = afterScheme(url)
        return rest[(rest.firstIndex(of: "/") ?? rest.endIndex)...]
    }

    /// The URL after `scheme://` (or after `//`); the URL itself otherwise.
    private static func afterScheme(_ url: String) -> Substring {
        let utf8 = url.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex, utf8[index] != UInt8(ascii: "/") { index = utf8.index(after: index) }
        let next = index == utf8.endIndex ? index : utf8.index(after: index)
        guard next != utf8.endIndex, utf8[next] == UInt8(ascii: "/"),
              index == utf8.startIndex || utf8[utf8.index(before: index)] == UInt8(ascii: ":")
        else { return url[...] }
        return url[utf8.index(after: next)...]
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        guard let first = firstIndex(where: { !set.contains($0) }) else { return "" }
        let last = lastIndex(where: { !set.contains($0) })!
        return String(self[first...last])
    }
}
