#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises the boilerplate at the head or tail of an article that no class or id marks.
///
/// It sits there as plain paragraphs: comment-form tails, "The post X appeared first on Y.", share
/// prompts, bare comment counts.
///
/// Every rule matches a whole block, never words inside one, and the
/// cleaner applies them only to the blocks at the edges of an article, so
/// the same words in the body ("Replies to the first version…") stay.
enum BoundaryText {
    /// What a rule found.
    enum Match: Equatable {
        /// The block is boilerplate; the string says which kind.
        case noise(String)
        /// The block opens a boilerplate section (comments, related posts):
        /// it and what follows go, if what follows looks like boilerplate too
        /// (`strong` markers go whenever they sit in the article's second half).
        case sectionStart(String, strong: Bool)
        /// The block is an attribution; the string is the source it names.
        case source(String)
    }

    /// The longest block, in UTF-8 bytes, a rule looks at; longer blocks are article text.
    ///
    /// Every rule matches a short line, so long blocks are rejected at once.
    static let maximumRuleLength = 600

    /// The length of the longest lines prefix rules match, roughly.
    ///
    /// The boilerplate they name is one short sentence, and a longer block is article text that
    /// happens to start the same way.
    static let maximumPrefixRuleLength = 160

    /// The match for a block at the head of an article. A heading, list
    /// item or table cell is never a comment count or an id line
    /// (`<h2>2019</h2>` opens a timeline); `linkDensity` is the share of the
    /// text inside links, 0 to 1. `verdicts`, the block's when `text` is a block's, keeps what
    /// `EdgeNoise` says of it for the next rule that asks.
    static func head(_ text: String, isHeading: Bool = false, linkDensity: Double = 0, verdicts: EdgeVerdicts? = nil)
        -> Match? {
        guard text.utf8.count <= maximumRuleLength else { return nil }
        let key = verdicts?.key(of: text) ?? normalized(text)
        if let source = attribution(text) { return .source(source) }
        if let what = edgeNoise(of: key, linkDensity: linkDensity, verdicts: verdicts) { return .noise(what) }
        if isHeading { return nil }
        if isCommentCount(key) { return .noise("comment count") }
        if isUUID(key) { return .noise("UUID line") }
        if isIDLine(key) { return .noise("id line") }
        if key.hasByteSuffix(" min read") || key.hasByteSuffix(" minute read") || key.hasByteSuffix(" minutes read"),
           key.count < 24
        {
            return .noise(ReadingTime.kind)
        }
        if ReadingTime.matches(key) { return .noise(ReadingTime.kind) }
        return nil
    }

    /// The section marker a block is, if any ("Leave a Reply", "Related", "12 thoughts on …").
    ///
    /// Cheap for long blocks, since the cleaner asks it of every block.
    static func sectionStart(_ text: ArraySlice<UInt8>) -> Match? {
        let count = text.count
        guard count <= 160 else { return nil }
        // Markers are short phrases, or "12 thoughts on …" whose first word
        // is a number or "one"/"no"/"two"/"three".
        if count > 48 {
            guard let first = text.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }),
                  (first >= 0x30 && first <= 0x39) || "ONTont".utf8.contains(first)
            else { return nil }
        }
        return sectionMarker(normalized(String(decoding: text, as: UTF8.self)))
    }

    /// The match for a block at the tail of an article.
    ///
    /// Given how much of it is link text (0 to 1) and whether it is a heading; `verdicts` as for `head`.
    static func tail(_ text: String, linkDensity: Double = 0, isHeading: Bool = false, verdicts: EdgeVerdicts? = nil)
        -> Match? {
        guard text.utf8.count <= maximumRuleLength else { return nil }
        let key = verdicts?.key(of: text) ?? normalized(text)
        if let source = attribution(text) { return .source(source) }
        if let marker = sectionMarker(key) { return marker }
        if !isHeading, isCommentCount(key) { return .noise("comment count") }
        if isUUID(key) { return .noise("UUID line") }
        if key.utf8.count <= exactNoiseMaximumLength, exactNoise.contains(key) { return .noise("\"\(text.prefix(40))\"") }
        if key.utf8.count <= readMoreMaximumLength, isReadMoreLabel(key) || JetpackLabels.matches(key) {
            return .noise("\"\(text.prefix(40))\"")
        }
        // A Character is at least one byte: the byte count settles most
        // blocks, and the Characters are counted only when a prefix matches.
        let isShort = { key.utf8.count <= maximumPrefixRuleLength || key.count <= maximumPrefixRuleLength }
        // The first byte settles most prefixes without a comparison of Characters.
        if let phrase = prefixNoiseOpenings.firstOpening(of: key), let kind = prefixNoiseKinds[phrase], isShort() {
            return .noise(kind)
        }
        if CommentForms.isPrivacyLine(key) { return .noise("comment form") }
        if PostMetadataLines.matches(key, linkDensity: linkDensity) { return .noise(PostMetadataLines.kind) }
        // One sentence, as Yoast and WordPress write it, ending with the
        // site's name; a paragraph about the post office goes on after it.
        if FirstPublishedNote.matches(key, linkDensity: linkDensity) { return .noise(FirstPublishedNote.kind) }
        if key.containsBytes(of: " was originally published in "), key.containsBytes(of: " on medium"), key.count <= 400 {
            return .noise("\"… was originally published in … on Medium\"")
        }
        if key.hasBytePrefix("thanks for reading "), key.containsBytes(of: "subscribe"), key.count <= 300 { return .noise("newsletter prompt") }
        if key.hasBytePrefix("submitted by /u/") || key.hasBytePrefix("submitted by u/") { return .noise(AggregatorLines.redditFooter) }
        if key.hasBytePrefix("posted in "), key.containsBytes(of: " | ") || linkDensity >= 0.5 { return .noise("post metadata") }
        if key.hasBytePrefix("originally published ") || key.hasBytePrefix("originally posted "), isShort(),
           linkDensity >= 0.3 || EdgeNoise.mentionsWebAddress(key)
        {
            return .noise("republication note")
        }
        if let what = edgeNoise(of: key, linkDensity: linkDensity, verdicts: verdicts) { return .noise(what) }
        return nil
    }

    /// `EdgeNoise.kind` of `key`, asked of the block's `verdicts` when there are some.
    private static func edgeNoise(of key: String, linkDensity: Double, verdicts: EdgeVerdicts?) -> String? {
        guard let verdicts else { return EdgeNoise.kind(of: key, linkDensity: linkDensity) }
        return verdicts.edgeNoise(of: key, linkDensity: linkDensity)
    }

    /// What to call an inline trailer at the very end of the last block, if there is one.
    ///
    /// A trailer is a "Continue reading" link or a "[…]" elision.
    static func trailer(_ text: String) -> String? {
        let key = normalized(text)
        if ["[…]", "[...]", "[&hellip;]", "…", "...", "(more…)", "(more...)"].contains(key) { return "elision" }
        if ["★", "☆", "#", "¶", "∞", "🔗", "§", "permalink"].contains(key) { return "permalink marker" }
        for phrase in ["continue reading", "read more", "read the rest", "keep reading", "read full article",
                       "read the full article", "read the full story", "read the full post", "more…", "more..."]
            + readMoreElsewhere
        where key.hasBytePrefix(phrase) && key.count <= phrase.count + 40 {
            return "\"\(phrase.prefix(1).uppercased() + phrase.dropFirst())\" link"
        }
        return nil
    }

    /// "Read more" and "continue reading" in other languages, as `normalized` leaves them.
    private static let readMoreElsewhere = [
        "lire la suite", "lire plus", "weiterlesen", "mehr lesen", "leer más", "seguir leyendo", "leer mas",
        "continua a leggere", "leggi tutto", "leggi di più", "leia mais", "continuar lendo", "continuar a ler",
        "lees meer", "lees verder", "verder lezen", "läs mer", "läs hela", "les mer", "læs mere", "lue lisää", "czytaj więcej",
        "czytaj dalej", "číst dále", "čítať ďalej", "olvass tovább", "citește mai mult", "devamını oku",
        "читать далее", "читать дальше", "продовжити читання", "続きを読む", "阅读全文", "阅读更多", "閱讀全文",
        "더 보기", "자세히 보기", "baca selengkapnya", "xem thêm", "đọc tiếp", "อ่านต่อ",
    ]

    /// Whether `key` is a "read more" of another language alone, as a plain line left last.
    ///
    /// English ones are `exactNoise`. Arrows, ellipses and brackets around it go first: "[Lire la
    /// suite…]", "Weiterlesen »".
    private static func isReadMoreLabel(_ key: String) -> Bool {
        let bare = key.trimmingCharacters(in: " []()»›→>….")
        return readMoreLabels.contains(bare)
    }

    /// `readMoreElsewhere` as a set.
    private static let readMoreLabels = Set(readMoreElsewhere)
    /// The longest plain "read more" line `isReadMoreLabel` reads, decorations included, in bytes.
    private static let readMoreMaximumLength = 48

    /// Whether `href` is a post's "more" anchor (`…#more`, WordPress's `…#more-123`).
    ///
    /// Blogs link their read-more jump there in any language.
    static func isMoreAnchor(_ href: String) -> Bool {
        guard let hash = href.lastIndex(of: "#") else { return false }
        let anchor = href[href.index(after: hash)...]
        return anchor == "more" || anchor.hasPrefix("more-") && anchor.dropFirst(5).allSatisfy(\.isNumber) && anchor.count > 5
    }

    // MARK: - Rules

    /// Whole-block phrases, compared after `normalized`.
    private static let exactNoise: Set<String> = [
        "leave a reply", "leave a comment", "leave a reply cancel reply", "cancel reply", "post comment",
        "submit comment", "add comment", "add a comment", "share", "share this", "share this post",
        "share this article", "share this story", "like this", "like loading", "loading", "tweet",
        "email", "print", "facebook", "twitter", "linkedin", "reddit", "whatsapp", "pinterest",
        "telegram", "mastodon", "more", "subscribe", "subscribe now", "sign up", "leave a comment",
        "[link] [comments]", "[link]", "[comments]", "…", "...", "[…]", "[...]", "(more…)",
        "continue reading", "continue reading →", "read more", "read more »", "read more →",
        "read the full story", "read the full article", "read full article", "read the rest of this entry",
        "get the app", "listen to this article", "like loading...", "like loading…", "loading...", "loading…",
        "comments are closed", "comments are closed.", "advertisement", "sponsored", "related", "tags",
    ]
    /// The longest of `exactNoise`, in bytes: longer keys skip the hashing.
    private static let exactNoiseMaximumLength = exactNoise.map(\.utf8.count).max() ?? 0

    /// Block openings that mark boilerplate whatever follows.
    /// The phrases of `prefixNoise`, by their first byte.
    private static let prefixNoiseOpenings = Openings(prefixNoise.map(\.0))
    /// The kind each phrase of `prefixNoise` names, its first entry's.
    private static let prefixNoiseKinds = Dictionary(prefixNoise, uniquingKeysWith: { first, _ in first })
    private static let prefixNoise: [(String, String)] = [
        ("your email address will not be published", "comment form"),
        ("required fields are marked", "comment form"),
        ("save my name, email, and website", "comment form"),
        ("you must be logged in to post a comment", "comment form"),
        ("this site uses akismet", "comment form"),
        ("notify me of follow-up comments", "comment form"),
        ("notify me of new posts", "comment form"),
        ("subscribe to the podcast", "podcast links"),
        ("filed under:", "post metadata"),
        ("filed under ", "post metadata"),
        ("tagged:", "post metadata"),
        ("tags:", "post metadata"),
        ("categories:", "post metadata"),
        ("share this:", "share prompt"),
        ("like this:", "share prompt"),
        ("continue reading", "\"Continue reading\" link"),
        ("read more at ", "\"Read more\" link"),
        ("this article was originally published", "republication note"),
        ("this post was originally published", "republication note"),
    ]

    private static func sectionMarker(_ key: String) -> Match? {
        // No named marker is longer than "leave a reply cancel reply" (26
        // bytes); most keys are, and skip the comparisons.
        if key.utf8.count <= 26 { if let marker = namedSectionMarker(key) { return marker } }
        if CommentForms.isHeading(key) { return .sectionStart("comments section", strong: true) }
        // "12 thoughts on “Title”", "One response to “Title”": WordPress
        // quotes the title, which tells it from an essay's "Two thoughts on
        // the fare cap". The first word is a number or "one", "no", "two",
        // "three" and the third "on" or "to", so the bytes tell most keys
        // apart before the Character split.
        guard let first = key.utf8.first,
              (first >= 0x30 && first <= 0x39) || first >= 0x80 || "ont".utf8.contains(first),
              key.containsBytes(of: " on ") || key.containsBytes(of: " to ")
        else { return nil }
        let words = key.split(separator: " ", maxSplits: 3)
        if words.count == 4,
           words[0].allSatisfy(\.isNumber) || ["one", "no", "two", "three"].contains(words[0]),
           ["thought", "thoughts", "response", "responses", "comment", "comments", "reply", "replies"].contains(words[1]),
           ["on", "to"].contains(words[2]),
           let quote = words[3].first, "“\"«‘'„".contains(quote)
        {
            return .sectionStart("comments section", strong: true)
        }
        return nil
    }

    private static func namedSectionMarker(_ key: String) -> Match? {
        switch key {
        case "leave a reply", "leave a comment", "comments", "responses", "discussion", "join the discussion",
             "what do you think", "leave a reply cancel reply":
            return .sectionStart("comments section", strong: key.hasBytePrefix("leave a"))
        case "related", "related posts", "related articles", "related stories", "related content",
             "you may also like", "you might also like", "more from this author", "recommended", "read next",
             "more stories", "popular posts", "recent posts":
            return .sectionStart("related posts", strong: false)
        case "share this", "share this:", "like this", "like this:", "share", "share this post":
            return .sectionStart("share prompt", strong: false)
        case "listen on", "subscribe on", "listen now", "where to listen", "listen to the podcast",
             "subscribe to the podcast", "available on", "listen and subscribe", "follow the show":
            return .sectionStart("podcast links", strong: false)
        case "follow us", "follow us on", "find us on", "connect with us", "follow me", "follow me on", "stay connected":
            return .sectionStart("social links", strong: false)
        case "see also", "read more", "also read", "read also", "more from medium", "recommended from medium",
             "more on this", "more on this story", "lesen sie auch", "mehr zum thema", "à lire aussi", "lire aussi":
            return .sectionStart("related posts", strong: false)
        default:
            return nil
        }
    }

    /// The source an attribution line names ("Source: Reuters"), or nil.
    ///
    /// "Original Source: news.sky.com", "Source: Reuters", "Via: example.org",
    /// "Originally published at The Conversation": the source, when what
    /// follows the label names a site (a domain, or capitalised words), not
    /// when it goes on as a sentence ("Source: the ministry said…").
    static func attribution(_ text: String) -> String? {
        guard text.utf8.count <= 200, text.withBytes({ startsLikeAttribution($0) }) else { return nil }
        let trimmed = TextNormalizer.collapse(text)
        var value: Substring
        if let colon = trimmed.firstIndex(where: { $0 == ":" || $0 == "：" }),
           attributionLabels.contains(trimmed[..<colon].lowercased().trimmingCharacters(in: " "))
        {
            value = trimmed[trimmed.index(after: colon)...]
        } else if trimmed.utf8.first.map({ $0 | 0x20 }) == UInt8(ascii: "o"),
                  let label = ["originally published at ", "originally published on ", "originally posted at ",
                               "originally posted on "].first(where: { trimmed.prefix(24).lowercased().hasPrefix($0) })
        {
            value = trimmed.dropFirst(label.count)
        } else {
            return nil
        }
        value = value.trimmingSpaces()
        while let last = value.last, last == "." || last == "," { value = value.dropLast() }
        return isSiteName(value) ? String(value) : nil
    }

    /// Labels of an attribution line before its colon, lowercased: "Source" and its translations.
    private static let attributionLabels: Set<String> = [
        "original source", "source", "sources", "via", "originally published at", "originally published on",
        "original article", "originally posted at", "originally posted on", "source link", "quelle", "fuente",
        "fuentes", "fonte", "fontes", "источник", "来源", "出处", "出典", "bron", "źródło", "kilde", "källa", "lähde",
        "kaynak", "sumber", "nguồn", "zdroj", "forrás",
    ]

    /// Words that may stay lowercase inside a site's name ("Museum of London").
    private static let nameConnectors: Set<String> = [
        "of", "the", "and", "&", "for", "on", "in", "at", "de", "du", "des", "la", "le", "el", "y", "et", "und",
        "der", "die", "das", "-", "–", "—", "|", "/",
    ]

    /// What kind of site a name ends with, in lowercase ("Chromium blog").
    private static let siteKinds: Set<String> = [
        "blog", "website", "site", "news", "newsroom", "magazine", "newsletter", "podcast", "forum", "wiki", "press",
        "journal", "channel",
    ]

    /// Whether `value` names a site: a domain or URL, a single word, or a few capitalised words.
    ///
    /// Never a sentence.
    private static func isSiteName(_ value: Substring) -> Bool {
        guard !value.isEmpty, value.count <= 80 else { return false }
        let words = value.split(separator: " ")
        if words.count == 1 { return true }
        guard words.count <= 8, !value.contains(". "), !value.contains("? "), !value.contains("! ") else { return false }
        for (index, word) in words.enumerated() {
            guard let first = word.first, first.isLowercase else { continue }
            if word.contains("."), !word.hasSuffix(".") { continue }
            if index > 0, nameConnectors.contains(String(word)) { continue }
            // The last word may say what kind of site it is ("Chromium blog").
            if index > 0, index == words.count - 1, siteKinds.contains(String(word)) { continue }
            return false
        }
        return true
    }

    /// Whether the first letter after white space could begin an attribution label.
    ///
    /// The labels are "Original source", "Source" and "Via". Most blocks are settled by it before
    /// the text is collapsed and lowercased.
    private static func startsLikeAttribution(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = TextNormalizer.firstNonSpace(in: bytes) else { return false }
        let byte = bytes[first] | 0x20
        if byte == UInt8(ascii: "o") { return true }
        // "Source" and "Via" go before a colon (":" or "：", which holds EF).
        if byte == UInt8(ascii: "s") || byte == UInt8(ascii: "v") {
            return ByteSearch.firstIndex(of: UInt8(ascii: ":"), in: bytes, from: first) != nil
                || ByteSearch.firstIndex(of: 0xEF, in: bytes, from: first) != nil
        }
        // The other labels are words of other languages, each before a colon near the start.
        guard bytes[first] >= 0x80 || attributionInitials.contains(byte) else { return false }
        let start = bytes[first...].prefix(maximumLabelBytes)
        return start.contains(UInt8(ascii: ":")) || start.contains(0xEF)
    }

    /// How far into an attribution line its label's colon may be, in bytes.
    private static let maximumLabelBytes = 24

    /// The first letters (lowercase ASCII) of `attributionLabels` besides "o", "s" and "v".
    private static let attributionInitials = Set("qfbklzn".utf8)

    /// "0", "12 comments", "Comments (3)", "1 Comment".
    static func isCommentCount(_ key: String) -> Bool {
        guard key.utf8.count <= 32 else { return false }
        let isDigits = { (text: Substring) in !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        if key.utf8.count <= 5, isDigits(key[...]) { return true }
        let words = key.split(separator: " ")
        if words.count == 2, isDigits(words[0]), ["comment", "comments", "responses", "replies"].contains(words[1]) {
            return true
        }
        if key.hasBytePrefix("comments ("), key.hasByteSuffix(")"), isDigits(key.dropFirst(10).dropLast()) {
            return true
        }
        return ["no comments", "no comments yet", "be the first to comment"].contains(key)
    }

    /// Whether a line is only an id a content system leaked.
    ///
    /// A hash of 8 to 64 hex digits (with a digit and a letter), or a number of 6 to 20 digits
    /// (shorter ones are comment counts).
    private static func isIDLine(_ key: String) -> Bool {
        let count = key.utf8.count
        guard count >= 6, count <= 64 else { return false }
        var digits = 0, letters = 0
        for byte in key.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f") {
                letters += 1
            } else {
                return false
            }
        }
        return letters == 0 ? count <= 20 : count >= 8 && digits > 0
    }

    /// A line that is only a UUID, as content systems leak them.
    private static func isUUID(_ key: String) -> Bool {
        guard key.utf8.count == 36 else { return false }
        let utf8 = Array(key.utf8)
        for (index, byte) in utf8.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                if byte != UInt8(ascii: "-") { return false }
            } else if !((byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")))
            {
                return false
            }
        }
        return true
    }

    /// What follows a short condition to the reader that opens `key` ("If you enjoyed this post, …"), or nil.
    ///
    /// The condition ends at a comma within the first 64 bytes; calls to share, subscribe or
    /// review open after it as they would alone.
    static func afterCondition(_ key: Substring) -> Substring? {
        guard key.hasBytePrefix("if you "), let comma = key.utf8.prefix(64).firstIndex(of: UInt8(ascii: ",")) else {
            return nil
        }
        let rest = key[key.utf8.index(after: comma)...].drop(while: { $0 == " " })
        return rest.isEmpty ? nil : rest
    }

    /// The rest of `key` after a short question that leads in to a call, or nil.
    ///
    /// For example "Love the show? Support us on Patreon!", "Got feedback? Email us at …": the
    /// question is at most ten words and 72 bytes, with no sentence before it.
    static func afterQuestion(_ key: Substring) -> Substring? {
        // Most keys hold no "?" near their start: a look at the raw bytes settles them.
        guard let offset = key.withBytes({ $0.prefix(72).firstIndex(of: UInt8(ascii: "?")) }), offset > 0,
              key.withBytes({ isShortQuestion($0.prefix(offset)) })
        else { return nil }
        let mark = key.utf8.index(key.utf8.startIndex, offsetBy: offset)
        let rest = key[key.utf8.index(after: mark)...].drop(while: { $0 == " " })
        return rest.isEmpty ? nil : rest
    }

    /// Whether the bytes before a question mark are a question of at most ten words and no sentence before it.
    private static func isShortQuestion(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var words = 0, previous = UInt8(ascii: " ")
        for byte in bytes {
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";") {
                return false
            }
            if byte != UInt8(ascii: " ") && previous == UInt8(ascii: " ") { words += 1 }
            previous = byte
        }
        return words <= 10
    }

    /// `text` in the form rules compare: lowercase, white space collapsed, trailing marks dropped.
    ///
    /// Lowercase applies to ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic letters; the
    /// trailing `:`, `*`, `»`, `→`
    /// and spaces are dropped.
    /// One pass over the bytes.
    static func normalized(_ text: String) -> String {
        text.withBytes { bytes in
            guard !bytes.isEmpty else { return "" }
            return String(unsafeUninitializedCapacity: bytes.count) { key in
                var count = 0
                var pendingSpace = false
                var index = 0
                while index < bytes.count {
                    var byte = bytes[index]
                    // Most bytes are prose, copied eight at a time.
                    if byte > 0x20, byte != 0xC2, !pendingSpace {
                        ByteSearch.copyProse(from: bytes, at: &index, to: key, at: &count, lowercasingASCII: true)
                        guard index < bytes.count else { break }
                        byte = bytes[index]
                    }
                    if byte == 0x20 || (0x09...0x0D).contains(byte) {
                        pendingSpace = count > 0
                        index += 1
                        continue
                    }
                    if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                        pendingSpace = count > 0
                        index += 2
                        continue
                    }
                    if pendingSpace {
                        key[count] = 0x20
                        count += 1
                    }
                    pendingSpace = false
                    key[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    count += 1
                    index += 1
                }
                // Trailing ":", "*", " " and the arrows "»" (C2 BB), "→" (E2 86 92), "›" (E2 80 BA).
                while count > 0 {
                    let last = key[count - 1]
                    if last == UInt8(ascii: ":") || last == UInt8(ascii: "*") || last == 0x20 {
                        count -= 1
                    } else if count >= 2, key[count - 2] == 0xC2, last == 0xBB {
                        count -= 2
                    } else if count >= 3, key[count - 3] == 0xE2,
                              (key[count - 2] == 0x86 && last == 0x92) || (key[count - 2] == 0x80 && last == 0xBA)
                    {
                        count -= 3
                    } else {
                        break
                    }
                }
                lowercaseCapitals(UnsafeMutableBufferPointer(rebasing: key[..<count]))
                return count
            }
        }
    }

    /// Lowercases in place the two-byte capitals of Latin, Greek and Cyrillic letters.
    ///
    /// Those of Latin-1 (À to Þ, not ×), Latin Extended-A (Ā to Ž, not İ), Greek (Ά to Ϋ) and
    /// Cyrillic (Ѐ to Я). Their lowercase letters take as many bytes, so the key keeps its
    /// length: "Écouter", "Читайте также", "Źródło" and "Über uns" compare with the lowercase
    /// lists as "ecouter" would.
    private static func lowercaseCapitals(_ key: UnsafeMutableBufferPointer<UInt8>) {
        // Most keys hold none of these lead bytes: a few `memchr`s settle them.
        guard let base = key.baseAddress,
              capitalLeadBytes.contains(where: { memchr(base, Int32($0), key.count) != nil })
        else { return }
        var index = 0
        while index + 1 < key.count {
            let lead = key[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            if capitalLeadBytes.contains(lead) {
                let letter = UInt32(lead & 0x1F) << 6 | UInt32(key[index + 1] & 0x3F)
                let small = lowercase(letter)
                if small != letter {
                    (key[index], key[index + 1]) = (0xC0 | UInt8(small >> 6), 0x80 | UInt8(small & 0x3F))
                }
            }
            index += lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        }
    }

    /// The lead bytes of the two-byte letters `lowercaseCapitals` changes.
    private static let capitalLeadBytes: [UInt8] = [0xC3, 0xC4, 0xC5, 0xCE, 0xD0]

    /// The small letter of a capital `letter` between U+00C0 and U+042F, else `letter`.
    ///
    /// All of them are two bytes long in UTF-8, as their small letters are.
    private static func lowercase(_ letter: UInt32) -> UInt32 {
        switch letter {
        case 0xC0...0xDE where letter != 0xD7: letter + 0x20  // À–Þ
        case 0x100...0x137 where letter & 1 == 0 && letter != 0x130: letter + 1  // Ā–Ķ, not İ
        case 0x139...0x148 where letter & 1 == 1: letter + 1  // Ĺ–Ň
        case 0x14A...0x177 where letter & 1 == 0: letter + 1  // Ŋ–Ŷ
        case 0x178: 0xFF  // Ÿ
        case 0x179...0x17E where letter & 1 == 1: letter + 1  // Ź–Ž
        case 0x386: 0x3AC  // Ά
        case 0x388...0x38A: letter + 0x25  // Έ–Ί
        case 0x38C: 0x3CC  // Ό
        case 0x38E...0x38F: letter + 0x3F  // Ύ–Ώ
        case 0x391...0x3AB where letter != 0x3A2: letter + 0x20  // Α–Ϋ
        case 0x400...0x40F: letter + 0x50  // Ѐ–Џ
        case 0x410...0x42F: letter + 0x20  // А–Я
        default: letter
        }
    }
}
