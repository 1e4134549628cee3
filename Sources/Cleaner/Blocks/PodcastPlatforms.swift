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

    /// Whether `key` asks the listener to rate, review, share or follow the show, in one or two short clauses.
    ///
    /// For example "Subscribe, rate and review wherever you listen.", "Don't forget to follow the show
    /// so you never miss an episode.", "Help us grow: share this episode with a friend and leave a
    /// review.", "Tell a friend about the show!", "Laissez-nous une note sur votre application".
    /// The call opens the block (a question or condition may lead in, "Enjoying the show? …"), and
    /// the block names the show, an episode, the podcast, the publisher ("us") or a platform; "Share this
    /// episode of your life with your children, the therapist says" reports speech and stays.
    static func isListenerAppeal(_ key: String) -> Bool {
        guard key.utf8.count <= maximumAppealLength, let (call, opening) = appealOpening(of: key), !FollowLines.reportsSpeech(key)
        else { return false }
        // One clause, and at most a short sentence after it ("It really helps!"):
        // "Don't forget to follow the recipe, or …" goes on as the article's sentence.
        // A call that names the publisher ("Leave us a review, it takes …") may run on.
        let sentences = call.dropFirst(opening.count).split(separator: ". ")
        let asksForUs = [" us", " uns", "nous", "déjanos", "lasciaci", "califícanos", " ons"].contains(where: opening.containsBytes(of:))
        guard asksForUs || !sentences[0].containsBytes(of: ", "),
              sentences.count == 1 || sentences.count == 2 && sentences[1].utf8.count <= 40
        else { return false }
        return appealObjects.contains(where: key.containsBytes(of:))
            || key.split(whereSeparator: { !$0.isLetter }).contains(where: { ["us", "me", "our", "uns", "nous", "nos"].contains($0) })
            || EdgeNoise.podcastPlatforms.contains(where: { $0.utf8.count > 3 && call.containsBytes(of: $0) })
    }

    /// Whether `key` is such an appeal between paragraphs.
    ///
    /// There it must name the podcast, an episode, a platform or the publisher ("us"): "Tell a
    /// friend about the show that changed your life" may be the article's.
    static func isStandaloneAppeal(_ key: String) -> Bool {
        isListenerAppeal(key) && isNamedBeyondTheShow(key)
    }

    /// Whether `key` names more than "the show": the podcast, an episode, a platform or "us".
    private static func isNamedBeyondTheShow(_ key: String) -> Bool {
        // The first three objects are "the show" and its kin.
        appealObjects.dropFirst(3).contains(where: key.containsBytes(of:))
            || key.split(whereSeparator: { !$0.isLetter }).contains(where: { ["us", "me", "our", "uns", "nous", "nos"].contains($0) })
            || EdgeNoise.podcastPlatforms.contains(where: { $0.utf8.count > 3 && key.containsBytes(of: $0) })
    }

    /// Listener appeals are at most this long, in UTF-8 bytes.
    static let maximumAppealLength = 200

    /// Imperatives that open an appeal to rate, review, share or follow a show.
    static let appealOpenings = [
        "subscribe, ", "subscribe and ", "subscribe & ", "follow, rate", "follow and rate", "follow & rate", "like, subscribe",
        "like and subscribe", "rate, review", "rate and review", "rate & review", "rate us", "rate the show", "rate the podcast",
        "rate this episode", "review the show", "review the podcast", "review us", "leave us a review", "leave a review",
        "leave us a rating", "leave a rating", "leave us a 5", "leave a 5", "leave us a five", "leave us five", "give us a 5",
        "give us five", "give us a five", "write us a review", "write a review", "share the show", "share this episode",
        "share the episode", "share the podcast", "share this podcast", "share this show", "tell a friend", "tell your friends",
        "tell someone about", "help us grow", "help us reach", "help us spread", "help others find", "help other people find",
        "help more people find", "help new listeners find", "don't forget to follow", "don't forget to subscribe",
        "don't forget to rate", "don't forget to leave", "make sure to follow", "make sure you follow", "make sure to subscribe",
        "make sure you're subscribed", "be sure to follow", "be sure to subscribe", "be sure to rate", "hit follow",
        "hit subscribe", "hit the follow", "hit the subscribe", "tap follow", "please follow", "please rate", "please share",
        "please review", "please leave", "please consider leaving", "please take a moment to", "take a moment to rate",
        "take a minute to rate", "spread the word about",
        // German, French, Spanish, Portuguese, Italian, Dutch
        "abonniere den podcast", "abonniert den podcast", "abonnieren sie den podcast", "abonniere unseren podcast",
        "bewerte uns", "bewertet uns", "bewerten sie uns", "bewerte den podcast", "empfiehl uns", "empfehlt uns",
        "empfehlen sie uns", "teile diese folge", "teilt diese folge", "hinterlasse uns", "hinterlasst uns",
        "hinterlasse eine bewertung", "abonnez-vous au podcast", "abonnez-vous à l'émission", "laissez-nous un avis",
        "laissez-nous une note", "laissez un avis", "laissez une note", "partagez cet épisode", "partagez l'épisode",
        "partagez ce podcast", "n'oubliez pas de vous abonner", "n'oubliez pas de laisser", "n'oubliez pas de noter",
        "suscríbete al podcast", "suscríbete al programa", "déjanos una reseña", "déjanos tu", "déjanos cinco",
        "deja tu reseña", "deja tu valoración", "deja una reseña", "deja una valoración", "califícanos", "califica el podcast",
        "comparte este episodio", "comparte el episodio", "comparte el podcast", "no olvides suscribirte", "no olvides dejar",
        "no olvides calificar", "inscreva-se no podcast", "deixe sua avaliação", "deixe a sua avaliação",
        "deixe uma avaliação", "avalie o podcast", "avalie nosso", "compartilhe este episódio", "compartilhe o episódio",
        "compartilhe o podcast", "iscriviti al podcast", "lasciaci una recensione", "lascia una recensione",
        "condividi questo episodio", "condividi questa puntata", "condividi il podcast", "non dimenticare di iscriverti",
        "non dimenticare di lasciare", "abonneer op de podcast", "laat een review", "laat een beoordeling", "beoordeel ons",
        "beoordeel de podcast", "deel deze aflevering", "vergeet niet te abonneren", "vergeet niet een review",
    ]

    /// The call (after a leading question, if any) and the appeal's opening it starts with, or nil.
    private static func appealOpening(of key: String) -> (Substring, String)? {
        let opening = { (call: Substring) in appealOpeningsByInitial.firstOpening(of: call) }
        if let found = opening(key[...]) { return (key[...], found) }
        // A condition or a question may lead in: "If you like the show, …", "Enjoying the show? …".
        guard let call = key.hasBytePrefix("if you ") ? BoundaryText.afterCondition(key[...]) : BoundaryText.afterQuestion(key[...]),
              let found = opening(call)
        else { return nil }
        return (call, found)
    }

    /// Those openings by their first byte, which settles most blocks.
    private static let appealOpeningsByInitial = Openings(appealOpenings)

    /// What an appeal names: the show, an episode, the podcast, in several languages (or the publisher, "us").
    private static let appealObjects = [
        "the show", "this show", "our show", "episode", "podcast", "wherever you listen", "your app", "your player",
        "folge", "épisode", "émission",
        "episodio", "programa", "episódio", "puntata", "aflevering",
    ]

    /// Whether `key` sends the listener to the episode's video on a video platform.
    ///
    /// For example "Watch the video version on YouTube: youtube.com/@harbour", "Prefer video? Watch
    /// this episode on YouTube". "Watch the video of the collapse on YouTube" is about the news, and stays.
    static func isWatchCall(_ key: String) -> Bool {
        guard key.utf8.count <= maximumLength else { return false }
        let opensCall = { (call: Substring) in
            ["watch ", "see ", "catch ", "you can watch ", "you can also watch "].contains(where: call.hasBytePrefix)
        }
        guard opensCall(key[...]) || key.containsBytes(of: "?") && BoundaryText.afterQuestion(key[...]).map(opensCall) == true,
              !FollowLines.reportsSpeech(key)
        else { return false }
        return ["youtube", "vimeo", "twitch", "rumble", "peertube"].contains(where: key.containsBytes(of:))
            && ["this episode", "the episode", "full episode", "episodes", "video version", "the show", "this conversation",
                "this interview", "full interview", "the podcast", "this podcast"].contains(where: key.containsBytes(of:))
    }

    /// Whether `key` says which podcast network the show belongs to.
    ///
    /// For example "The Harbour Hour is part of the Tidewater Podcast Network.": one short sentence; "The harbour is part of the Tidewater shipping network" names no podcast network and stays.
    static func isNetworkMembership(_ key: String) -> Bool {
        guard key.utf8.count <= 120, key.containsBytes(of: " network"), !key.dropLast().containsBytes(of: ". ") else { return false }
        return [" is part of the ", " is a part of the ", " is a member of the ", " is a proud member of the ", " is a proud part of the "]
            .contains(where: key.containsBytes(of:))
            && ["podcast network", "podcasts network", "audio network", "media network", "radio network"].contains(where: key.containsBytes(of:))
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
              sectionLabels.contains(block.key)
        else { return nil }
        var end = index + 1
        while end < blocks.count, blocks[end].element == "li", blocks[end].length <= 40,
              EdgeNoise.podcastPlatforms.contains(blocks[end].key) {
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
        let names = listSeparators.split(key[key.index(after: colon)...])
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
