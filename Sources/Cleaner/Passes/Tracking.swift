/// Recognises tracking: pixels, feed-ad and analytics hosts, and the query
/// parameters that mark a link with where it was clicked.
enum Tracking {
    /// URL fragments of trackers and feed ads (FeedBurner, WordPress stats,
    /// Blogger, Medium, Feedsportal and others).
    private static let trackerURLParts = [
        "feeds.feedburner.com/~r/", "feeds.feedburner.com/~ff/", "feedproxy.google.com/~r/",
        "feedproxy.google.com/~ff/", "feeds.feedburner.com/~a/", "pixel.wp.com/", "stats.wordpress.com/",
        "blogger.googleusercontent.com/tracker/", "www.blogger.com/img/blank.gif", "/tracker/",
        "medium.com/_/stat", "pi.feedsportal.com/", "da.feedsportal.com/", "feeds.feedblitz.com/~/i/",
        "ads.pheedo.com/", "a.fsdn.com/", "rss.buysellads.com/", "feedads.g.doubleclick.net/",
        "pixel.quantserve.com/", "www.google-analytics.com/", "sb.scorecardresearch.com/",
        "counter.yadro.ru/", "mc.yandex.ru/watch", "pixel.facebook.com/",
    ]

    /// Query parameters that only say where a link was clicked.
    private static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "_hsenc",
        "_hsmi", "mkt_tok", "igshid", "twclid", "ttclid", "li_fat_id", "oly_anon_id", "oly_enc_id",
        "vero_id", "__s", "s_kwcid", "ncid", "cmpid", "wt_mc", "ito",
    ]

    /// Whether `url` belongs to a tracker or feed-ad service.
    static func isTracker(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return trackerURLParts.contains { lowered.contains($0) }
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
        guard let question = url.firstIndex(of: "?") else { return url }
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
        let afterScheme = url.firstRange(of: "://").map { url[$0.upperBound...] } ?? url[...]
        return String(afterScheme.prefix(while: { $0 != "/" && $0 != "?" }))
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
