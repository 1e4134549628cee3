/// Calls to listen to or subscribe to a podcast where podcasts are heard, at either edge of an episode's notes.
///
/// Shows put them there, for example "Find us on Pocket Casts", "Subscribe: Apple | Google | RSS",
/// "Listen to this episode in your favourite podcast app", "Hören Sie uns auf Spotify".
///
/// A call opens with an imperative to listen, subscribe, follow or find
/// (in several languages) and names a podcast platform or "your podcast
/// app", in one short line; a labelled list names only platforms. A
/// sentence that mentions Spotify without such an opening ("I listened to
/// it on Spotify") is prose and stays. `EdgeNoise` asks it about the
/// blocks at the edges only, next to its lists of platforms and hosting
/// notices.
enum PodcastPlatforms {
    /// The marks between the names of a list.
    private static let listSeparators = CharacterChoice("·•|,/–—-")

    /// Calls are at most this long, in UTF-8 bytes.
    static let maximumLength = 160

    /// Whether `key` (normalised by `BoundaryText.normalized`) is such a call or list.
    static func matches(_ key: String) -> Bool {
        guard key.utf8.count <= maximumLength, let first = key.utf8.first else { return false }
        // "If you enjoy the show, please leave us a review on Apple Podcasts": the call after the condition.
        if first == UInt8(ascii: "i"), let call = BoundaryText.afterCondition(key[...]) { return matches(String(call)) }
        guard initials.contains(first) else { return false }
        if isLabelledList(key) { return true }
        // "Advertising Inquiries: https://redcircle.com/brands": a hosting line with its address.
        if hostingLines.contains(where: key.hasBytePrefix) { return EdgeNoise.mentionsWebAddress(key) }
        guard openingPhrases.open(key) else { return false }
        return podcastApps.contains(where: key.containsBytes(of:))
            || EdgeNoise.podcastPlatforms.contains(where: { !generalPlatforms.contains($0) && key.containsBytes(of: $0) })
    }

    /// Whether `key` is a line that a podcast host adds to every episode's notes.
    ///
    /// For example "Send in a voice message: https://podcasters.spotify.com/…", "Become a supporter
    /// of this podcast: https://www.spreaker.com/…/support", "Start your podcast for FREE with
    /// Buzzsprout", "· Anchor: The easiest way to make a podcast. https://anchor.fm/app", a "Send us a
    /// text" link. A voice-message or supporter line is the host's whatever follows; a promotion
    /// opens with an imperative to start a podcast and names a host, or opens with the host's name
    /// and a colon, names a podcast and gives an address. "We host the show on Buzzsprout" stays.
    static func isHostLine(_ key: String, linkDensity: Double) -> Bool {
        guard key.utf8.count <= maximumLength || linkDensity >= 0.5 && key.utf8.count <= 2 * maximumLength else { return false }
        let line = FollowLines.withoutLeadingSymbols(key)
        guard let first = line.utf8.first, let candidates = hostLinePrefixes[first] else { return false }
        if candidates.openings.contains(where: line.hasBytePrefix) { return true }
        if line.hasBytePrefix("send us a text") { return linkDensity >= 0.5 }
        let hasAddress = { linkDensity >= 0.1 || EdgeNoise.mentionsWebAddress(line) }
        if candidates.promotions.contains(where: line.hasBytePrefix) {
            return hosts.contains(where: line.containsBytes(of:)) && (line.utf8.count <= 80 || hasAddress())
                && !FollowLines.reportsSpeech(line)
        }
        // The host's name, then a colon or a dash: "Anchor: The easiest way to make a podcast. https://…".
        guard let host = candidates.hosts.first(where: line.hasBytePrefix) else { return false }
        let rest = line.dropFirst(host.count)
        return [":", " -", " –"].contains(where: rest.hasBytePrefix) && rest.containsBytes(of: "podcast") && hasAddress()
            && !FollowLines.reportsSpeech(line)
    }

    /// Openings of the lines a host adds, whatever follows.
    private static let hostOpenings = [
        "send in a voice message", "send us a voice message", "send me a voice message", "send a voice message",
        "leave us a voice message", "leave me a voice message", "leave a voice message", "become a supporter of this podcast",
        "support this podcast:", "support the show:",
    ]

    /// Imperatives that open a host's promotion.
    private static let promotionOpenings = [
        "start your podcast", "start your own podcast", "start a podcast", "start podcasting", "create your podcast",
        "create your own podcast", "create a podcast", "make your own podcast", "make a podcast", "launch your podcast",
        "host your podcast", "get your podcast", "want to start a podcast", "want to start your own podcast",
        "erstelle deinen eigenen podcast", "starte deinen podcast", "crea tu podcast", "crée ton podcast", "créez votre podcast",
    ]

    /// Podcast hosts, as their promotions name them.
    private static let hosts = [
        "buzzsprout", "anchor", "spotify for podcasters", "podcasters.spotify", "podbean", "spreaker", "libsyn", "transistor",
        "captivate", "simplecast", "riverside", "acast", "megaphone", "redcircle", "castos", "blubrry", "audioboom",
        "podomatic", "pinecast", "fireside", "zencastr", "squadcast", "rss.com", "ausha", "podigee",
    ]

    /// The openings, promotions and hosts above by their first byte, which settles most blocks.
    private static let hostLinePrefixes: [UInt8: (openings: [String], promotions: [String], hosts: [String])] = {
        var prefixes: [UInt8: (openings: [String], promotions: [String], hosts: [String])] = [:]
        for opening in hostOpenings { prefixes[opening.utf8.first!, default: ([], [], [])].openings.append(opening) }
        for promotion in promotionOpenings { prefixes[promotion.utf8.first!, default: ([], [], [])].promotions.append(promotion) }
        for host in hosts { prefixes[host.utf8.first!, default: ([], [], [])].hosts.append(host) }
        return prefixes
    }()

    /// How many blocks from `index` a "Subscribe" or "Listen on" label and the list of platforms under it hold.
    ///
    /// They may stand anywhere in the entry; the list has at least two list items, each only a
    /// platform's name ("Pocket Casts", "Apple Podcasts"). A list of anything else under such a
    /// label stays.
    static func listSection(at index: Int, in blocks: [Block]) -> Int? {
        let block = blocks[index]
        guard block.length <= 48, index + 2 < blocks.count, blocks[index + 1].element == "li",
              sectionLabels.contains(BoundaryText.normalized(block.text))
        else { return nil }
        var end = index + 1
        while end < blocks.count, blocks[end].element == "li", blocks[end].length <= 40,
              EdgeNoise.podcastPlatforms.contains(BoundaryText.normalized(blocks[end].text)) {
            end += 1
        }
        return end - index >= 3 ? end - index : nil
    }

    /// Labels over a list of platforms.
    private static let sectionLabels: Set<String> = [
        "subscribe", "listen", "listen on", "subscribe on", "where to listen", "listen and subscribe",
        "subscribe and listen", "subscribe to the podcast", "listen to the podcast", "available on", "follow the show",
        "hören", "abonnieren", "hören und abonnieren", "écouter", "s'abonner", "escuchar", "suscríbete", "ascolta",
        "luister", "ouça",
    ]

    /// "Subscribe: Apple | Google | RSS", "Listen: Apple Podcasts · Spotify":
    /// a label, a colon, and at least two names, each a platform's.
    private static func isLabelledList(_ key: String) -> Bool {
        // The label is short: its colon is among the first bytes, which settle most keys.
        guard let offset = key.utf8.prefix(maximumLabelLength + 1).firstIndex(of: UInt8(ascii: ":")),
              case let colon = String.Index(offset, within: key) ?? key.startIndex, colon > key.startIndex,
              labels.contains(String(key[..<colon]))
        else { return false }
        let names = key[key.index(after: colon)...].split(whereSeparator: { listSeparators.contains($0) })
            .flatMap { $0.components(separatedBy: " and ") }
            .map { $0.trimmingCharacters(in: " ") }
            .filter { !$0.isEmpty }
        return names.count >= 2 && names.allSatisfy { EdgeNoise.podcastPlatforms.contains($0) || shortNames.contains($0) }
    }

    /// The first bytes of the openings and labels, for a quick refusal.
    private static let initials = Set((openings + Array(labels) + hostingLines).compactMap(\.utf8.first))

    /// The openings below, by their first byte.
    private static let openingPhrases = Openings(openings)

    /// Imperatives that open a call to listen or subscribe.
    private static let openings = [
        "listen ", "listen:", "subscribe ", "subscribe:", "follow the show", "follow the podcast", "follow us on ",
        "find us on ", "find us in ", "find the show ", "find the podcast ", "find every episode", "hear us on ",
        "hear the show ", "catch every episode", "catch the show ", "never miss an episode", "don't miss an episode",
        "get new episodes", "get every episode", "available wherever", "available in ", "available on all ",
        "rate and review", "rate, review", "rate & review", "please rate", "leave us a review on ", "leave a review on ",
        "rate us on ", "review us on ", "please leave ", "please subscribe ", "please review ", "hören sie ", "hört ", "hör ", "abonnieren sie ", "abonniert ",
        "abonniere ", "folgt uns", "folgen sie uns", "écoutez", "écouter ", "abonnez-vous",
        "retrouvez-nous",
        "retrouvez le podcast", "escucha ", "escúchanos", "escuchar ", "suscríbete", "ascolta ", "ascoltaci",
        "luister ", "ouça ", "ouve ",
    ]

    /// The longest label, in UTF-8 bytes.
    private static let maximumLabelLength = labels.map(\.utf8.count).max() ?? 0

    /// Lines that podcast hosts append to every episode, before an address.
    private static let hostingLines = ["advertising inquiries", "privacy & opt-out", "privacy and opt-out"]

    /// Labels before a list of platforms.
    private static let labels: Set<String> = [
        "subscribe", "listen", "listen on", "subscribe on", "follow", "follow on", "available on", "find us on",
        "hören", "abonnieren", "écouter", "s'abonner", "escuchar", "suscribirse", "ascolta", "luister", "ouça",
    ]

    /// Short names that stand for a platform in a labelled list ("Apple | Google").
    private static let shortNames: Set<String> = ["apple", "google", "amazon", "android", "iphone", "ios", "email"]

    /// Platforms that are also where music, videos and feeds are found.
    ///
    /// A call names one of the others, or a podcast app.
    private static let generalPlatforms: Set<String> = [
        "youtube", "youtube music", "rss", "rss feed", "soundcloud", "audible", "deezer", "pandora", "amazon music",
        "iheartradio", "iheart", "tunein", "anchor", "breaker", "fountain",
    ]

    /// "Your podcast app" and its kin.
    private static let podcastApps = [
        "podcast app", "podcasting app", "podcast player", "podcast platform", "wherever you get your podcasts", "wherever you listen",
        "wherever you get podcasts", "podcast-app", "podcast-apps", "application de podcast", "app de podcasts",
        "aplicación de podcasts",
    ]
}
