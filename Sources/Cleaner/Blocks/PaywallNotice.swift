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

    /// Whether `key` (normalised by `BoundaryText.normalized`) is such a notice.
    static func matches(_ key: String) -> Bool {
        guard key.utf8.count <= maximumLength, lockWords.contains(where: key.containsBytes(of:)) else { return false }
        return lockedThings.contains(where: key.containsBytes(of:))
    }

    /// Whether `block` is a notice that introduces a link to the locked post.
    ///
    /// For example "… at the following link:".
    static func opensSection(_ block: Block) -> Bool {
        block.length <= maximumLength && block.bytes.last == UInt8(ascii: ":")
            && matches(BoundaryText.normalized(block.text))
    }

    /// How the post is locked or opened.
    private static let lockWords = [
        "available to medium members", "available only to members", "available only to subscribers",
        "available only to paid", "available only to premium", "available to members only", "available to paid subscribers",
        "available to premium members", "available to premium subscribers", "for members only", "for subscribers only",
        "will be unlocked", "available to all of our readers after", "available to all readers after",
        "previously available only to", "is now free to everyone", "is now free for everyone", "unlocked for everyone",
        "nur für abonnenten", "nur für mitglieder", "réservé aux abonnés", "réservé aux membres",
        "exclusivo para suscriptores", "exclusivo para miembros",
    ]

    /// What is locked.
    private static let lockedThings = [
        "story", "post", "article", "content", "episode", "newsletter", "issue", "artikel", "beitrag",
        "contenu", "artículo", "contenido",
    ]
}
