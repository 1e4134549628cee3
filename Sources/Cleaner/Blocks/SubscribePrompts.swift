/// The subscribe box that newsletter platforms close every post with, at an entry's edges.
///
/// For example "Thanks for reading! Subscribe for free to receive new posts and support my work."
/// (Substack), "Sign up to get new posts in your inbox", "Abonniere kostenlos, um neue Beiträge zu
/// erhalten". A call to subscribe that says what arrives: new posts, the inbox, for free. A
/// sentence about subscribing to something else ("She subscribed to the council's minutes")
/// opens with neither a thanks nor an imperative and stays.
enum SubscribePrompts {
    /// `openings`, by their first byte.
    private static let openingsByInitial = Openings(openings)

    /// The marks after a thank-you that leads into a call.
    private static let leadInMarks = CharacterChoice(" !.,")

    /// The kind removals name.
    static let kind = "subscribe prompt"
    /// Prompts are at most this long, in UTF-8 bytes.
    static let maximumLength = 200

    /// The kind of `key` (normalised) when it is such a prompt, or nil.
    static func kind(of key: String) -> String? {
        guard key.utf8.count <= maximumLength, let first = key.utf8.first, initials.contains(first) else { return nil }
        var call = key[...]
        if let thanks = thanks.first(where: key.hasBytePrefix) {
            call = call.dropFirst(thanks.count).drop(while: { leadInMarks.contains($0) })
        }
        guard openingsByInitial.open(call), deliveries.contains(where: call.containsBytes(of:)) else {
            return nil
        }
        return kind
    }

    /// Thanks that lead in to the call.
    private static let thanks = ["thanks for reading", "thank you for reading", "thanks for subscribing", "danke fürs lesen",
                                 "merci de votre lecture", "merci pour votre lecture", "gracias por leer", "grazie per aver letto"]

    /// Imperatives that open the call.
    private static let openings = [
        "subscribe", "sign up", "get new posts", "get the newsletter", "join ", "enter your email", "type your email",
        "abonniere", "abonnieren sie", "melde dich an", "abonnez-vous", "inscrivez-vous", "suscríbete", "iscriviti",
        "abbonati", "inscreva-se", "assine", "schrijf je in", "abonneer",
    ]

    /// What the prompt says arrives.
    private static let deliveries = [
        "new posts", "inbox", "for free", "free to receive", "support my work", "support our work", "every new post",
        "new issues", "each new post", "neue beiträge", "kostenlos", "nouveaux articles", "gratuitement", "gratis",
        "nuevas publicaciones", "nuovi post", "novos posts",
    ]

    /// The first bytes of the thanks and openings.
    private static let initials = Set((thanks + openings).compactMap(\.utf8.first))
}
