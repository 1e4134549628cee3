/// Finds what an embedded medium or post shows only in place of itself.
///
/// The content of `<video>`, `<audio>` and `<iframe>` is their fallback ("Your browser does not
/// support the video tag.", a link to the file): a browser that plays the medium never shows it.
/// More than a few lines there is an article swallowed by an element left open, and stays.
/// An embedded post of a network whose script draws it (Instagram, TikTok, Facebook, Threads,
/// Imgur) is written as a `<blockquote>` holding a placeholder until the script runs; when every
/// word of it is a link to the network ("View this post on Instagram", "A post shared by …"), it
/// is nothing but the placeholder. A post's own words, a tweet or a caption, are not links, and
/// keep the quote.
enum EmbedPlaceholders {
    /// What a media element holds that a browser shows only when it cannot play the medium.
    ///
    /// Its children other than `<source>` and `<track>`, and anything inside those (libxml2 nests
    /// what follows a `<source>` in it); none for any other element.
    static func fallback(of index: Int, in tree: HTMLTree) -> [Int] {
        guard mediaElements.contains(tree.nodes[index].name) else { return [] }
        var fallback: [Int] = []
        for child in tree.children(of: index) where isShown(child, in: tree) {
            let name = tree.nodes[child].name
            if tree.nodes[child].kind == .element && (name == "source" || name == "track") {
                fallback += tree.children(of: child).filter { isShown($0, in: tree) }
            } else {
                fallback.append(child)
            }
        }
        // An element left open swallows the article that follows it: a fallback is a line or two.
        let length = fallback.reduce(0) { $0 + tree.textContent(of: $1).count }
        return length <= maximumFallbackCharacters ? fallback : []
    }

    /// Whether `index` is live and is an element or text that is not blank.
    private static func isShown(_ index: Int, in tree: HTMLTree) -> Bool {
        let node = tree.nodes[index]
        guard !node.isRemoved else { return false }
        return node.kind == .element || (node.kind == .text && !TextNormalizer.isBlank(tree.text(of: index)))
    }

    /// Whether `index` is an embedded post's placeholder.
    ///
    /// That is a `<blockquote>` whose words are all in links to a network that draws its posts
    /// with a script.
    static func isPostPlaceholder(_ index: Int, in tree: HTMLTree) -> Bool {
        guard tree.nodes[index].name == "blockquote" else { return false }
        let end = tree.subtreeEnd(of: index)
        var position = index + 1, networkLinks = 0, linkedText = 0
        while position < end {
            let node = tree.nodes[position]
            if node.isRemoved {
                position = tree.subtreeEnd(of: position)
            } else if node.traits.contains(.link) {
                guard let href = node.attribute("href"), Tracking.isOnDomain(of: networks, href) else { return false }
                networkLinks += 1
                linkedText += tree.textContent(of: position).count
                guard linkedText <= maximumPlaceholderCharacters else { return false }
                position = tree.subtreeEnd(of: position)
            } else {
                // Words outside the links are the post's own, or the quote is not an embed.
                if node.kind == .text, !TextNormalizer.isBlank(tree.text(of: position)) { return false }
                position += 1
            }
        }
        return networkLinks > 0
    }

    /// Elements whose content is a fallback for the medium they play.
    private static let mediaElements: Set<String> = ["video", "audio", "iframe"]

    /// The most text a media element's fallback holds: a notice and a link.
    private static let maximumFallbackCharacters = 400

    /// Networks whose embed code is a quote that a script replaces with the post.
    private static let networks: Set<String> = [
        "instagram.com", "instagr.am", "tiktok.com", "facebook.com", "fb.com", "fb.watch", "threads.net",
        "threads.com", "imgur.com",
    ]

    /// The most text a placeholder's links hold: a label and a name.
    private static let maximumPlaceholderCharacters = 300
}
