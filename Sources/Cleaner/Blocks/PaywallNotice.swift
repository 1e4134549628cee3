/// Notices that a post is locked to members or will be opened later.
///
/// Blogging platforms put them in the feed's copy of a members-only post ("This story
/// is currently available to Medium Members at the following link:", "The story will
/// be unlocked and available to all of our readers after 30 days.", "Previously
/// available only to members, this story is now free to everyone."): wording that
/// names what is locked (a story, a post, an article) and how, in one short block.
///
/// `EdgeNoise` asks it about the blocks at the edges; a notice ending in a
/// colon opens a section at the tail, with the link it introduces
/// (`BoundaryPass`). A paragraph about members' archives or a museum open
/// to members only names no post and stays.
enum PaywallNotice {
    /// Notices are at most this long, in UTF-8 bytes.
    static let maximumLength = 200

    /// Whether `key` is such a notice, or a membership button.
    ///
    /// `key` is normalised by `BoundaryText.normalized`. A membership button is a short call that
    /// ends in the tier's name: "Join It's FOSS Plus", "Become a Gazette member".
    static func matches(_ key: String) -> Bool {
        if key.utf8.count <= 60, isMembershipButton(key) { return true }
        guard key.utf8.count <= maximumLength, lockPhrases.isFound(in: key) else { return false }
        return lockedThings.contains(where: key.containsBytes(of:))
    }

    /// Whether `block` is a notice that introduces a link to the locked post.
    ///
    /// For example "… at the following link:".
    static func opensSection(_ block: Block) -> Bool {
        block.length <= maximumLength && block.bytes.last == UInt8(ascii: ":")
            && matches(block.key)
    }

    /// Why the element `index` of `tree` is a membership prompt, or nil.
    ///
    /// A prompt is a call-to-action box (a word of its class or id is "cta", "upsell" or "paywall",
    /// as Ghost's `kg-cta-card`) whose short text asks for a membership, a subscription or the
    /// readers' support ("YOUR support keeps us going … Opt for the Plus membership to: … Join It's
    /// FOSS Plus"). A box of the theme that asks for nothing (a download button) is no prompt and
    /// stays.
    static func callToActionReason(for index: Int, in tree: HTMLTree) -> String? {
        let node = tree.nodes[index]
        guard node.kind == .element, !node.attributes.isEmpty, !node.traits.contains(.unnamed) else { return nil }
        for attribute in ["class", "id"] {
            // Class names are lowercase as written: the raw value settles most elements.
            guard let raw = node.attribute(attribute),
                  raw.containsBytes(of: "cta") || raw.containsBytes(of: "upsell") || raw.containsBytes(of: "paywall")
            else { continue }
            for token in raw.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                let words = token.split(whereSeparator: { $0 == "-" || $0 == "_" })
                guard words.contains(where: { ["cta", "upsell", "paywall"].contains($0) }) else { continue }
                let text = tree.textContent(of: index)
                guard text.utf8.count <= maximumPromptLength else { return nil }
                let key = BoundaryText.normalized(text)
                return membershipWords.contains(where: key.containsBytes(of:))
                    ? "paywall prompt (\(attribute) \"\(token)\")" : nil
            }
        }
        return nil
    }

    /// Whether `key` is a membership button: at most six words, a call to join, and a tier at the end.
    ///
    /// For example "Join It's FOSS Plus", "Become a Gazette member".
    private static func isMembershipButton(_ key: String) -> Bool {
        // Not "Try Spotify Premium" or "Upgrade to …": a deal post's button for a product is its text.
        guard ["join ", "become a ", "werde ", "devenez ", "hazte "]
            .contains(where: key.hasBytePrefix),
              key.split(separator: " ").count <= 6
        else { return false }
        let bare = key.hasByteSuffix("!") || key.hasByteSuffix(".") ? String(key.dropLast()) : key
        return [" plus", " premium", " pro", " membership", " member", " supporter", "+", " mitglied", " membre",
                " socio"].contains(where: bare.hasByteSuffix)
    }

    /// Call-to-action boxes are at most this long, in UTF-8 bytes.
    static let maximumPromptLength = 1200

    /// What a membership prompt asks for.
    private static let membershipWords = [
        "membership", "become a member", "subscribe", "subscription", "paid subscriber", "premium",
        "your support", "support us", "support our", "upgrade", "free trial", "ad-free", "mitglied", "abonn",
        "suscrib", "membresía", "adhérez", "soutenez",
    ]

    /// How the post is locked or opened.
    private static let lockWords = [
        "available to medium members", "available only to members", "available only to subscribers",
        "available only to paid", "available only to premium", "available to members only", "available to paid subscribers",
        "available to premium members", "available to premium subscribers", "for members only", "for subscribers only",
        "will be unlocked", "is now unlocked", "now unlocked and available", "available to all of our readers after",
        "available to all readers after",
        "previously available only to", "is now free to everyone", "is now free for everyone", "unlocked for everyone",
        "now free to all readers", "now free for all readers", "for free to everyone", "now available to all readers",
        "to keep reading this post", "to keep reading this article", "to read the rest of this post",
        "exklusiv für abonnenten", "nur für abonnenten", "nur für mitglieder", "réservé aux abonnés", "réservé aux membres",
        "exclusivo para suscriptores", "exclusivo para miembros", "riservato agli abbonati", "riservata agli abbonati",
        "riservati agli abbonati", "exclusivo para assinantes", "exclusiva para assinantes", "exclusivo para membros",
        "доступен только подписчикам", "доступна только подписчикам", "только для подписчиков", "alleen voor abonnees",
        "tylko dla subskrybentów", "仅限订阅者", "会員限定",
    ]

    /// `lockWords`, found through the anchors they share.
    private static let lockPhrases = PhraseSet(lockWords)

    /// What is locked.
    private static let lockedThings = [
        "story", "post", "article", "content", "episode", "newsletter", "issue", "artikel", "beitrag",
        "contenu", "artículo", "contenido", "contenuto", "articolo", "conteúdo", "artigo", "материал", "статья",
        "内容", "文章", "記事",
    ]
}
