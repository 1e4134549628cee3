/// The footers that feeds and e-mail newsletters add to every entry.
///
/// Found by wording and shape together: a note to the reader of the feed with the site's addresses
/// ("Thank you for reading via RSS. … lukedorny.com"), a subscription notice ("You are receiving
/// this because you subscribed at …", "Unsubscribe · View in browser"), a copyright line that names
/// the site or its rights ("© 2024 Backend Weekly. All rights reserved."), a pointer to the
/// archive ("You can find the archive of past newsletters here"), and a call for the next issue
/// ("If you find anything interesting, send it … for the next newsletter").
///
/// Each needs a second signal besides its words (an address, links, or a
/// short block), so an article's last paragraph that thanks its readers or
/// talks about copyright stays. `EdgeNoise` asks it about the blocks at the
/// edges only.
enum FeedFooter {
    /// `appealOpenings`, by their first byte.
    private static let appealOpeningsByInitial = Openings(appealOpenings)

    /// The kind name of the blocks it finds.
    static let kind = "feed footer"
    /// Footers are at most this long, in UTF-8 bytes.
    static let maximumLength = 400

    /// Whether `key` is a feed footer, given the share of its text inside links.
    ///
    /// `key` is normalised by `BoundaryText.normalized`.
    static func matches(_ key: String, linkDensity: Double) -> Bool {
        let length = key.utf8.count
        guard length <= maximumLength, let first = key.utf8.first else { return false }
        if length <= 200, adNote(key) { return true }
        if first >= 0x80, localizedNotice(key, linkDensity: linkDensity) { return true }
        guard initials.contains(first) else { return false }
        let hasAddress = { linkDensity >= 0.2 || EdgeNoise.mentionsWebAddress(key) || key.containsBytes(of: "@") }
        if readerNote(key) { return hasAddress() || length <= 120 }
        if subscriptionNotice(key) { return hasAddress() || length <= 80 }
        if localizedNotice(key, linkDensity: linkDensity) { return true }
        if copyrightLine(key) { return length <= 200 }
        if archivePointer(key) { return (hasAddress() || linkDensity > 0) && length <= 200 }
        if callForNextIssue(key) { return length <= 300 }
        return false
    }

    /// Whether `key` is the writer's note about the site's ads, not a sentence about advertising.
    ///
    /// For example "Please disable your ad blocker for this site", "I know the ads are annoying:
    /// please bear with me, they pay for the hosting".
    private static func adNote(_ key: String) -> Bool {
        guard key.containsBytes(of: " ad") || key.hasBytePrefix("ad") else { return false }
        if ["ad blocker", "adblocker", "ad-blocker", "adblock"].contains(where: key.containsBytes(of:)) {
            return ["disable", "turn off", "whitelist", "allowlist", "pause", "deaktivier", "désactiv"]
                .contains(where: key.containsBytes(of:))
        }
        return ["the ads", " ads ", "the advertising"].contains(where: key.containsBytes(of:))
            && ["bear with me", "bear with us", "bear it with me", "pay for the hosting", "keep this site free",
                "keep the site free", "keep this blog free"].contains(where: key.containsBytes(of:))
    }

    /// Whether `key` is the heading of a newsletter's footer section.
    ///
    /// `key` is normalised by `BoundaryText.normalized`. For example "Archive", "Contribute",
    /// "Support the newsletter". A feed template's repeated tail that such a heading opens is the
    /// footer (`TemplateSignal`).
    static func isSectionHeading(_ key: String) -> Bool {
        key.utf8.count <= 40 && sectionHeadings.contains(EdgeNoise.trimmedLabel(key))
    }

    /// Whether `block` is a note to the readers about the feed itself, wherever it stands.
    ///
    /// For example "Not seeing new articles in your feed reader? That's because there is an ongoing
    /// issue with the RSS feed as I am migrating. Please bear with me.", "Our feed has moved:
    /// please update your subscription.". It names the readers' or the site's own feed and says
    /// what goes wrong or changes with it; an article about feed readers names neither.
    static func isFeedNotice(_ block: Block) -> Bool {
        guard block.length <= maximumNoticeLength, !block.isHeading,
              mentionsFeed(block.bytes)
        else { return false }
        let key = block.key
        return ownFeeds.contains(where: key.containsBytes(of:)) && feedTroubles.contains(where: key.containsBytes(of:))
    }

    /// Whether `bytes` hold "feed", "Feed" or "RSS".
    private static func mentionsFeed(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            ["feed", "Feed", "RSS"].contains { word in word.withBytes { ByteSearch.contains(bytes, $0) } }
        }
    }

    /// Notes about the feed are at most this long, in UTF-8 bytes.
    static let maximumNoticeLength = 300

    /// The readers' feed or the site's own.
    private static let ownFeeds = [
        "in your feed reader", "in your rss reader", "your feed reader", "your rss reader", "in your feed",
        "our rss feed", "my rss feed", "our feed", "my feed", "this rss feed", "the rss feed of this",
        "feed subscribers", "rss subscribers", "in deinem feedreader", "dans votre lecteur de flux",
    ]

    /// What goes wrong with the feed, or changes.
    private static let feedTroubles = [
        "bear with", "apolog", "sorry", "migrat", "has moved", "moving to", "update your subscription",
        "update the feed", "duplicate", "will stop", "not seeing", "issue with", "problem with", "re-subscribe",
        "resubscribe", "new address", "entschuldig", "désolé",
    ]

    /// Whether `block`, under a footer heading, is a short appeal to the reader.
    ///
    /// It opens with an imperative ("Share it with your friends.", "Open a thread on the forums …")
    /// or speaks to "you". `BoundaryPass` takes a footer section of such blocks only with a footer
    /// among them.
    static func isReaderAppeal(_ block: Block) -> Bool {
        guard block.length <= maximumAppealLength, !block.isHeading else { return false }
        let key = block.key
        return appealOpeningsByInitial.open(key) || key.hasBytePrefix("you ")
            || key.containsBytes(of: " you ") || key.containsBytes(of: " your ")
    }

    /// Appeals are at most this long, in UTF-8 bytes.
    static let maximumAppealLength = 200

    /// Imperatives that open an appeal to the reader.
    private static let appealOpenings = [
        "share ", "open ", "send ", "join ", "follow ", "tell ", "forward ", "reply ", "subscribe ", "contact ",
        "support ", "donate ", "help ", "spread ", "write ", "let us ", "let me ", "email ", "drop ", "suggest ",
        "submit ", "if you ", "teile ", "schreib ", "partagez ", "envoyez ", "comparte ", "envía ",
    ]

    /// Footer section headings, in several languages.
    private static let sectionHeadings: Set<String> = [
        "archive", "archives", "the archive", "newsletter archive", "past issues", "previous issues", "back issues",
        "contribute", "how to contribute", "want to contribute?", "support", "support us", "support the newsletter",
        "support this newsletter", "feedback", "subscribe", "unsubscribe", "about this newsletter",
        "about the newsletter", "stay in touch", "get in touch", "contact", "contact us", "archiv", "mitmachen",
        "unterstützen", "kontakt", "archivo", "contribuir", "contacto", "contribuer", "nous soutenir", "archivio",
    ]

    /// How a call for the next issue turns to the reader, by their first byte.
    private static let readerCallOpenings = Openings([
        "if you find", "if you have", "if you know", "if you come across", "if you see", "got a tip", "have a tip", "know of",
        "found something", "send ", "reply to this", "submit ", "let me know", "let us know", "wenn du", "wenn sie", "si vous",
        "si tienes",
    ])

    /// How a note to the feed's readers opens, by their first byte.
    private static let readerNoteOpenings = Openings([
        "thank you for reading", "thanks for reading", "you're reading this", "you are reading this", "you’re reading this",
        "this post is for rss", "hey rss", "rss readers", "rss subscribers",
    ])

    /// Whether `key` is a call to the readers to send what the next issue will hold.
    ///
    /// For example "If you find anything interesting, send it … for the next newsletter", "There
    /// are many ways to contribute:", "Got a tip? Reply to this email and it may be featured in the
    /// next issue".
    private static func callForNextIssue(_ key: String) -> Bool {
        // The label alone, its colon dropped: "There are many ways to contribute to the fund, …" is a sentence.
        if ["there are many ways to contribute", "there are several ways to contribute", "here are some ways to contribute",
            "there are many ways to support this newsletter", "ways to contribute", "how to contribute",
            "how you can contribute", "how you can help"].contains(key)
        {
            return true
        }
        // An opening that turns to the reader (the cheap test first), the next issue, and a way to send something in.
        return readerCallOpenings.open(key)
            && ["next newsletter", "next issue", "next edition", "future issue", "next week's issue", "next week’s issue",
                "nächsten ausgabe", "prochain numéro", "próximo número"].contains(where: key.containsBytes(of:))
            && ["send", "contact", "reply", "submit", "let me know", "let us know", "email me", "e-mail me", "write to",
                "schick", "schreib", "envoyez", "écrivez", "envía", "escríbe"].contains(where: key.containsBytes(of:))
    }

    /// The first bytes of every phrase below, for a quick refusal.
    private static let initials = Set("tyhrwuvmbs©(cifgkldoajn".utf8)

    /// Whether `key` is a note that names the feed the reader reads.
    ///
    /// For example "Thank you for reading via RSS", "Thanks for reading this in your feed reader",
    /// "You're reading this via RSS", "This post is for RSS readers".
    private static func readerNote(_ key: String) -> Bool {
        guard readerNoteOpenings.open(key) else { return false }
        // "Reply by email" lines are `EmailReplyPrompts`'.
        return ["rss", "feed reader", "newsreader", "news reader", "atom feed", "json feed", "your feed", "the feed",
                "this feed"].contains(where: key.containsBytes(of:))
    }

    /// Whether `key` is a newsletter's subscription notice.
    ///
    /// For example "You are receiving this because you subscribed at …", "Unsubscribe | Update your
    /// preferences", "View this email in your browser".
    private static func subscriptionNotice(_ key: String) -> Bool {
        subscriptionNoticeOpenings.open(key) || key.hasBytePrefix("©") && key.containsBytes(of: "unsubscribe")
    }

    /// Whether `key` is a subscription notice in another language, or a one-word unsubscribe link.
    private static func localizedNotice(_ key: String, linkDensity: Double) -> Bool {
        let length = key.utf8.count
        if localizedNoticeOpenings.open(key) {
            return linkDensity >= 0.2 || EdgeNoise.mentionsWebAddress(key) || key.containsBytes(of: "@") || length <= 80
        }
        return linkDensity >= 0.5 && length <= 120 && unsubscribeLinks.open(key)
    }

    /// How subscription notices open.
    private static let subscriptionNoticeOpenings = Openings(
        ["you are receiving this", "you're receiving this", "you’re receiving this", "you received this",
         "you have received this", "this email was sent to", "this e-mail was sent to", "unsubscribe",
         "view this email in your browser", "view in browser", "view this email online", "manage your subscription",
         "update your preferences", "to unsubscribe", "want to change how you receive these emails", "forward this email",
         "forward this to a friend", "forward this newsletter", "did someone forward this", "was this email forwarded",
         "was this forwarded to you", "got this from a friend", "our mailing address is", "add us to your address book",
         "why did i get this", "this email was sent by", "you can update your preferences", "you are subscribed to",
         "you're subscribed to", "to stop receiving these emails", "don't want to receive these emails",
         "you're currently a free subscriber", "you are currently a free subscriber", "view this post on the web",
         "read this post online", "view it online", "view online"])

    /// The subscription notice's openings in other languages.
    ///
    /// For example "Vous recevez cet e-mail car…", "Sie erhalten diese E-Mail, weil…", "Se
    /// désabonner | Voir dans le navigateur", "Ver en el navegador".
    private static let localizedNoticeOpenings = Openings([
        "vous recevez cet e-mail", "vous recevez cet email", "vous recevez ce courriel", "vous avez reçu cet e-mail",
        "se désabonner", "se désinscrire", "voir dans le navigateur", "afficher dans le navigateur",
        "voir la version en ligne", "sie erhalten diese e-mail", "du erhältst diese e-mail", "newsletter abbestellen",
        "vom newsletter abmelden", "im browser ansehen", "im browser anzeigen", "recibes este correo",
        "has recibido este correo", "darse de baja", "date de baja", "cancelar suscripción", "ver en el navegador",
        "ricevi questa email", "hai ricevuto questa email", "annulla l'iscrizione", "annulla l’iscrizione",
        "cancella l'iscrizione", "visualizza nel browser", "você está recebendo este e-mail", "você recebeu este e-mail",
        "cancelar inscrição", "cancelar a inscrição", "ver no navegador", "visualizar no navegador",
        "je ontvangt deze e-mail", "u ontvangt deze e-mail", "bekijk in je browser", "bekijk deze e-mail in je browser",
        "вы получили это письмо", "отписаться от рассылки", "открыть в браузере", "посмотреть в браузере",
        "取消订阅", "在浏览器中查看", "配信停止", "ブラウザで見る",
    ])

    /// One-word unsubscribe links, a notice only as a link: "Abmelden" may open a sentence.
    private static let unsubscribeLinks = Openings([
        "abmelden", "afmelden", "uitschrijven", "désinscription", "désabonnement", "disiscriviti", "descadastrar",
        "отписаться", "退订",
    ])

    /// "© 2024 Backend Weekly. You are receiving …", "Copyright © 2024
    /// Example Media. All rights reserved.": a copyright line that names
    /// the rights or the reader's subscription, not a photo credit.
    private static func copyrightLine(_ key: String) -> Bool {
        guard key.hasBytePrefix("©") || key.hasBytePrefix("copyright ©") || key.hasBytePrefix("copyright (c)")
            || key.hasBytePrefix("(c) ") || key.hasBytePrefix("copyright 19") || key.hasBytePrefix("copyright 20")
        else { return false }
        return ["all rights reserved", "receiving this", "subscribed", "unsubscribe", "alle rechte vorbehalten",
                "tous droits réservés", "todos los derechos reservados"].contains(where: key.containsBytes(of:))
    }

    /// Whether `key` says where the earlier entries are.
    ///
    /// For example "You can find the archive of past newsletters
    /// here", "Read past issues in the archive".
    private static func archivePointer(_ key: String) -> Bool {
        guard key.containsBytes(of: "archive") || key.containsBytes(of: "past issues") || key.containsBytes(of: "back issues")
        else { return false }
        return ["you can find the archive", "you can find all", "you can find past", "you can find previous",
                "you can read past", "you can read previous", "read past issues", "read previous issues",
                "missed an issue", "the archive of", "visit the archive", "browse the archive", "view the archive"]
            .contains(where: key.hasBytePrefix)
    }
}
