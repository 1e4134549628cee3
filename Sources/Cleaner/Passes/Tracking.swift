/// Recognises tracking: pixels, feed-ad and analytics hosts, and click-marking query parameters.
///
/// The parameters mark a link with where it was clicked.
enum Tracking {
    /// Hosts that serve only tracking and feed ads.
    private static let trackerHosts: Set<String> = [
        "pixel.wp.com", "stats.wordpress.com", "pi.feedsportal.com", "da.feedsportal.com", "ads.pheedo.com",
        "a.fsdn.com", "rss.buysellads.com", "feedads.g.doubleclick.net", "pixel.quantserve.com",
        "www.google-analytics.com", "sb.scorecardresearch.com", "counter.yadro.ru", "pixel.facebook.com",
        "feeds.feedblitz.com",
    ]
    /// Hosts whose tracking lives under certain paths.
    ///
    /// FeedBurner's `/~r/` redirects and `/~ff/` flare, Blogger's tracker, Medium's stat pixel.
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
        url.withBytes { bytes in
            let rest = afterScheme(bytes)
            let host = UnsafeBufferPointer(rebasing: bytes[rest..<hostEnd(bytes, from: rest)])
            // An ASCII host keeps its length when lowercased, and most hosts
            // have a length no tracker host has: they skip the lookups.
            if host.count >= 64 || trackerHostLengths & (1 << UInt64(host.count)) == 0, host.allSatisfy({ $0 < 0x80 }) {
                return false
            }
            let name = String(decoding: host, as: UTF8.self).lowercased()
            if trackerHosts.contains(name) { return true }
            guard let paths = trackerPaths[name] else { return false }
            let pathStart = bytes[rest...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
            let path = UnsafeBufferPointer(rebasing: bytes[pathStart...])
            return paths.contains { prefix in prefix.withBytes { ByteSearch.contains(path, $0) } }
        }
    }

    /// The lengths of the tracker hosts, as bits of a mask (all are under 64).
    private static let trackerHostLengths: UInt64 = (Array(trackerHosts) + Array(trackerPaths.keys))
        .reduce(0) { $0 | 1 << UInt64($1.utf8.count) }


    /// Why the image `node` is tracking, or nil.
    ///
    /// 1×1 and 0×0 images, hidden ones, and those served by trackers or by a tracking domain are.
    static func imageReason(_ node: HTMLTree.Node) -> String? {
        if let source = node.attribute("src") {
            if isTracker(source) { return "tracking pixel (\(host(of: source)))" }
            if isAnalyticsHit(source) { return "analytics beacon (\(host(of: source)))" }
            if isOnTrackingDomain(source) { return "tracking image (\(host(of: source)))" }
        }
        let width = node.attribute("width").flatMap(pixels), height = node.attribute("height").flatMap(pixels)
        if let width, let height, width <= 1, height <= 1 { return "tracking pixel (\(width)×\(height))" }
        if let style = node.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
           style.contains("width:1px") && style.contains("height:1px") || style.contains("display:none")
        {
            return "tracking pixel (hidden)"
        }
        return nil
    }

    // MARK: - Tracking domains

    /// Registrable domains of audience-measurement and ad services whose every host only counts or serves ads.
    ///
    /// Nielsen (`secure-uk.imrworldwide.com/cgi-bin/m?…`), comScore, INFOnline, Gemius, Médiamétrie,
    /// AT Internet, Kantar, Google's and Adobe's analytics and ad servers, and the big ad exchanges
    /// and data brokers, as EasyPrivacy and EasyList name them. A company that also runs a website
    /// or a product on its domain (Taboola, Outbrain, Mixpanel) is not here.
    private static let trackingDomains: Set<String> = [
        // Audience measurement and counters.
        "imrworldwide.com", "scorecardresearch.com", "ioam.de", "iocnt.net", "gemius.pl", "estat.com", "xiti.com",
        "tns-counter.ru", "tns-cs.net", "sitestat.com", "quantserve.com", "quantcount.com", "statcounter.com",
        "chartbeat.net", "effectivemeasure.net", "amung.us", "sitemeter.com", "histats.com", "yadro.ru",
        "hitbox.com", "webtrendslive.com", "nr-data.net", "hs-analytics.net",
        // Google's, Adobe's and Microsoft's analytics and ad servers.
        "google-analytics.com", "doubleclick.net", "googlesyndication.com", "googleadservices.com",
        "googletagservices.com", "googletagmanager.com", "omtrdc.net", "2o7.net", "demdex.net", "everesttech.net",
        "atdmt.com",
        // Ad exchanges, ad verification and data brokers.
        "krxd.net", "bluekai.com", "mathtag.com", "adnxs.com", "adsrvr.org", "rlcdn.com", "criteo.net",
        "moatads.com", "adsafeprotected.com", "serving-sys.com", "adform.net", "smartadserver.com",
        "casalemedia.com", "pubmatic.com", "rubiconproject.com", "openx.net", "amazon-adsystem.com",
        "crwdcntrl.net", "exelator.com", "agkn.com", "bidswitch.net", "contextweb.com", "yieldlab.net",
        "adition.com", "mookie1.com", "3lift.com",
    ]

    /// Whether `url`'s host is a tracking domain or one of its subdomains.
    ///
    /// `x.imrworldwide.com` is; `notimrworldwide.com` and `imrworldwide.com.example.org` are not.
    /// Asked of images only: an entry has few.
    static func isOnTrackingDomain(_ url: String) -> Bool {
        isOnDomain(of: trackingDomains, url)
    }

    /// Whether `url`'s host is one of `domains` or one of their subdomains; a relative URL's is not.
    static func isOnDomain(of domains: Set<String>, _ url: String) -> Bool {
        // A relative URL has no host: it is the entry's own site.
        guard url.withBytes({ afterScheme($0) }) > 0 else { return false }
        var name = host(of: url).lowercased()
        // Most hosts hold neither byte, and skip the walk back over their Characters.
        if name.containsBytes(of: "@"), let at = name.lastIndex(of: "@") { name = String(name[name.index(after: at)...]) }
        if name.containsBytes(of: ":"), let colon = name.lastIndex(of: ":") { name = String(name[..<colon]) }
        if name.hasSuffix(".") { name.removeLast() }
        var suffix = name[...]
        while let dot = suffix.firstIndex(of: ".") {
            if domains.contains(String(suffix)) { return true }
            suffix = suffix[suffix.index(after: dot)...]
        }
        return false
    }

    // MARK: - Analytics hits

    /// Whether `url` has the shape of an analytics hit, whatever its host and the image's size.
    ///
    /// Matomo and Piwik (`piwik.php`, `matomo.php`, `idsite` with `rec` or `action_name`), Google
    /// Analytics (`collect` with `tid`, `__utm.gif`), e-mail open trackers (`open.gif`,
    /// `/track/open`, `/wf/open?upn=`), `pixel` or `beacon` endpoints, images under a `tracking`
    /// folder, and `rss-pixel`-style file names.
    static func isAnalyticsHit(_ url: String) -> Bool {
        // Most image URLs hold none of the words the shapes need (looked
        // for as written: analytics URLs are lowercase).
        guard analyticsWords.contains(where: url.containsBytes(of:)) else { return false }
        let lowered = url.lowercased()
        let withoutFragment = lowered.prefix(while: { $0 != "#" })
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts[0].drop(while: { $0 != "/" }).dropFirst(lowered.contains("://") ? 2 : 0)
        let segments = path.split(separator: "/").dropFirst(lowered.contains("://") ? 1 : 0)
        let keys = Set((parts.count > 1 ? parts[1] : "").split(separator: "&").map { $0.prefix(while: { $0 != "=" }) })
        guard let last = segments.last else { return false }
        let stem = last.prefix(while: { $0 != "." })
        if ["piwik.php", "matomo.php", "__utm.gif", "open.gif", "open.png"].contains(last) { return true }
        if keys.contains("idsite"), keys.contains("rec") || keys.contains("action_name") { return true }
        if last == "collect", keys.contains("tid") { return true }
        if ["pixel", "beacon"].contains(stem), last == stem || [".gif", ".png", ".php", ".jpg"].contains(where: last.hasSuffix) {
            return true
        }
        if segments.contains(where: { $0 == "pixel" || $0 == "beacon" }) { return true }
        if segments.dropLast().contains(where: { trackingFolders.contains(String($0)) }) { return true }
        let stemWords = Set(stem.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init))
        if stemWords.contains("pixel"), !stemWords.isDisjoint(with: pixelCompanions) { return true }
        let joined = "/" + segments.joined(separator: "/")
        return joined.contains("/track/open") || (joined.contains("/wf/open") && keys.contains("upn"))
    }

    /// Words that every analytics shape below holds.
    private static let analyticsWords = ["piwik", "matomo", "idsite", "collect", "__utm", "open", "pixel", "beacon", "track"]

    /// Folder names that hold only tracking images (`/images/tracking/…`).
    private static let trackingFolders: Set<String> = ["tracking", "tracker", "trackers", "tracking-pixel"]

    /// Words that make a file named `…-pixel` a counting pixel rather than a photo of a Pixel phone.
    private static let pixelCompanions: Set<String> = [
        "rss", "feed", "track", "tracking", "tracker", "email", "mail", "open", "count", "counter", "stat", "stats",
    ]

    /// `url` without tracking parameters (`utm_*` and the list above) and without empty parameters.
    ///
    /// The same string when there is nothing to drop.
    static func strippingParameters(_ url: String) -> String {
        url.withBytes { bytes in
            guard let question = bytes.firstIndex(of: UInt8(ascii: "?")) else { return url }
            let fragmentStart = bytes[(question + 1)...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
            var kept: [Range<Int>] = []
            var dropsSome = false
            var pairStart = question + 1
            while pairStart <= fragmentStart {
                let pairEnd = bytes[pairStart..<fragmentStart].firstIndex(of: UInt8(ascii: "&")) ?? fragmentStart
                if pairEnd == pairStart || isTrackingParameter(UnsafeBufferPointer(rebasing: bytes[pairStart..<pairEnd])) {
                    dropsSome = true
                } else {
                    kept.append(pairStart..<pairEnd)
                }
                pairStart = pairEnd + 1
            }
            guard dropsSome else { return url }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<question]))
            for (index, pair) in kept.enumerated() {
                output.append(index == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pair]))
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[fragmentStart...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether a `name=value` pair names a tracking parameter. The name is
    /// the first run of characters other than `=`, lowercased.
    private static func isTrackingParameter(_ pair: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = pair.firstIndex(where: { $0 != UInt8(ascii: "=") }) ?? pair.count
        let end = pair[start...].firstIndex(of: UInt8(ascii: "=")) ?? pair.count
        let name = String(decoding: UnsafeBufferPointer(rebasing: pair[start..<end]), as: UTF8.self).lowercased()
        return name.hasPrefix("utm_") || trackingParameters.contains(name)
    }

    private static func pixels(_ value: String) -> Int? {
        Int(value.trimmingCharacters(in: "px "))
    }

    private static func host(of url: String) -> String {
        url.withBytes { bytes in
            let rest = afterScheme(bytes)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[rest..<hostEnd(bytes, from: rest)]), as: UTF8.self)
        }
    }

    /// Where the host that starts at `start` ends: at the first `/`, `?` or `#`.
    private static func hostEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        bytes[start...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
            ?? bytes.count
    }

    /// Where the URL continues after `scheme://` (or a leading `//`); 0 when it has neither.
    private static func afterScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")), slash + 1 < bytes.count,
              bytes[slash + 1] == UInt8(ascii: "/"), slash == 0 || bytes[slash - 1] == UInt8(ascii: ":")
        else { return 0 }
        return slash + 2
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        // Most strings neither open nor end with a character of `set`, and are their own trimmed copy.
        if let opening = self.first, let ending = self.last, !Self.character(opening, isIn: set), !Self.character(ending, isIn: set) {
            return self
        }
        guard let first = firstIndex(where: { !Self.character($0, isIn: set) }) else { return "" }
        let last = lastIndex(where: { !Self.character($0, isIn: set) })!
        return String(self[first...last])
    }

    /// Whether `set` holds `character`: an ASCII byte that `set` lacks is settled by `memchr`.
    private static func character(_ character: Character, isIn set: String) -> Bool {
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first, !set.withBytes({ ByteSearch.firstIndex(of: byte, in: $0, from: 0) != nil }) {
            return false
        }
        return set.contains(character)
    }
}
