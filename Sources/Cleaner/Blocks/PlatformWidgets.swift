/// Platform widgets of several blocks at the tail of a post.
///
/// They are an author box ("About the author" and a short bio, or a bio that gives the writer's
/// role and a way to follow them), a platform's recommendations ("Recommended from Medium" and its
/// teasers) and a company or product profile box (a Crunchbase box under a news post). Each goes
/// whole, only at the tail, and only when it is less than half of the article.
enum PlatformWidgets {
    /// The longest author box looked at, in UTF-8 bytes.
    static let maximumBioLength = 400

    // MARK: - Author boxes

    /// Whether `key` (normalised) is an author box.
    ///
    /// An author box is at most three sentences that open with a name, then a writer's role within
    /// four words ("is a senior writer") or what they cover, and a way to follow or reach them: "Jo
    /// Reyes is a senior writer at The Gazette. Follow her on Mastodon.", "Sam covers energy for
    /// Example News. Reach him at sam@example.com". `removeAuthorSection` asks it about the blocks
    /// at the tail only; a paragraph about a person, or one that gives no way to follow them,
    /// stays.
    static func isAuthorBox(_ key: String) -> Bool {
        // The verb near the start settles most blocks before the longer list of ways to follow.
        guard key.utf8.count >= 24, key.utf8.count <= maximumBioLength, mayOpenWithVerb(key) else { return false }
        // Without a way to follow, only a one-sentence tagline: "Phil
        // Helsel is a reporter for NBC News."
        let isTagline = key.utf8.count <= 120 && key.hasByteSuffix(".") && !key.dropLast().containsBytes(of: ". ")
        guard let verb = bioVerbs.lazy.compactMap({ key.byteRange(of: $0) }).first,
              key[..<verb.lowerBound].utf8.count <= maximumNameLength,
              isTagline || contactSignals.contains(where: key.containsBytes(of:)),
              key.split(separator: ". ").count <= 3
        else { return false }
        let name = key[..<verb.lowerBound].split(separator: " ")
        guard (1...4).contains(name.count), !notNames.contains(name[0]),
              name.allSatisfy({ $0.first?.isLetter == true && !$0.hasSuffix(":") && !$0.hasSuffix(",") })
        else { return false }
        if workVerbs.contains(String(key[verb])) { return true }
        // The role comes within four words and names where: "is a senior
        // staff writer at"; "is a winemaker, farmer, writer" lists what a
        // person is.
        let words = Array(key[verb.upperBound...].split(separator: " ").prefix(5))
        guard let role = words.prefix(4).firstIndex(where: { word in roles.contains(where: { word.hasBytePrefix($0) }) }),
              !words[...role].contains(where: { $0.hasSuffix(",") })
        else { return false }
        let placed = role + 1 < words.count && rolePlaces.contains(words[role + 1])
        return placed || words[role].hasSuffix(".") && !isTagline
    }

    /// How far into an author box its verb starts, in UTF-8 bytes: the name comes first.
    private static let maximumNameLength = 40

    /// Whether one of the verbs of a bio starts within `maximumNameLength` bytes of `key`.
    ///
    /// The opening bytes alone settle most blocks before the whole of each is searched.
    private static func mayOpenWithVerb(_ key: String) -> Bool {
        key.withBytes { bytes in
            bioVerbs.contains { verb in
                verb.withBytes { verb in
                    ByteSearch.contains(UnsafeBufferPointer(rebasing: bytes.prefix(maximumNameLength + verb.count)), verb)
                }
            }
        }
    }

    /// The words that tie a role to where it is held.
    private static let rolePlaces: Set<Substring> = [
        "at", "for", "with", "of", "on", "bei", "für", "beim", "der", "à", "chez", "de", "du",
        "au", "en", "para", "di", "per", "del", "presso",
    ]

    /// What links a name to a writer's role, in a few languages.
    private static let bioVerbs = [
        " is a ", " is an ", " is the ", " covers ", " writes for ", " reports on ", " reports for ", " ist ", " est ",
        " es ", " è ",
    ]

    /// The verbs that say what a writer does.
    private static let workVerbs: Set<String> = [" covers ", " writes for ", " reports on ", " reports for "]

    /// First words that open sentences, not names.
    private static let notNames: Set<Substring> = [
        "the", "a", "an", "this", "that", "it", "he", "she", "they", "there", "which", "who", "our", "my", "his",
        "her", "their", "what", "here", "each", "every", "one", "das", "der", "die", "es", "le", "la", "il", "el",
        "ce", "c'est", "cela",
    ]

    /// The roles of the people author boxes describe, as word openings.
    private static let roles = [
        "writer", "reporter", "editor", "journalist", "correspondent", "columnist", "contributor", "author",
        "freelance", "blogger", "critic", "redakteur", "autor", "korrespondent", "journaliste", "rédact",
        "chroniqueu", "periodista", "redactor", "colaborador", "giornalista", "redattore",
    ]

    /// Ways to follow or reach the person.
    private static let contactSignals = [
        "follow him", "follow her", "follow them", "follow me", "find him", "find her", "reach him", "reach her",
        "reach them", "contact him", "contact her", "email him", "email her", "on twitter", "on mastodon",
        "on bluesky", "on linkedin", "on instagram", "on threads", "on x", "@", "folgen sie", "suivez-le",
        "suivez-la", "síguel",
    ]

    // MARK: - Author sections

    /// Removes an author box at the tail, when it is less than half of the article.
    ///
    /// The box is an "About the author" heading or label and at most two short paragraphs under it,
    /// or one block that is an author box (`isAuthorBox`) with only tail boilerplate after it. A
    /// profile whose author section runs on for more paragraphs is the article.
    static func removeAuthorSection(from blocks: inout [Block], in tree: inout HTMLTree, removals: inout [Removal]) {
        guard blocks.count >= 3 else { return }
        let tail = max(1, blocks.count - 3)..<blocks.count
        let labelled = tail.first(where: { index in
            blocks[index].length <= 40 && authorSectionLabels.contains(blocks[index].key)
        })
        // A bio is looked for only without a label: it is the costlier look.
        let box = labelled != nil ? nil : tail.last(where: { index in
            blocks[index].length <= maximumBioLength && isAuthorBox(blocks[index].key)
        })
        guard let label = labelled ?? box,
              labelled != nil || blocks[(label + 1)...].allSatisfy({ block in
                  block.length == 0 || block.length <= BoundaryText.maximumRuleLength
                      && block.tailMatch != nil
              })
        else { return }
        let section = blocks[label...]
        let total = blocks.reduce(0) { $0 + $1.length }
        guard section.dropFirst().allSatisfy({ $0.length <= maximumBioLength }),
              section.reduce(0, { $0 + $1.length }) * 2 < total
        else { return }
        let text = section.map(\.text).joined(separator: " ")
        section.forEach { $0.nodes.forEach { tree.remove($0) } }
        removals.append(Removal(what: "tail: platform chrome (author box from \"\(blocks[label].text.prefix(40))\")",
                                chars: text.count, text: text))
        blocks.removeSubrange(label...)
    }

    /// Labels of author sections.
    private static let authorSectionLabels: Set<String> = [
        "about the author", "about the authors", "about the writer", "about the contributor", "about me",
        "über den autor", "über die autorin", "über die autoren", "zum autor", "zur autorin", "à propos de l'auteur",
        "à propos de l’auteur", "l'auteur", "sobre el autor", "sobre la autora", "sobre o autor", "l'autore",
        "over de auteur", "om forfatteren", "the author",
    ]

    // MARK: - Recommendations

    /// Removes a platform's recommendations at the tail, when they are less than half of the article.
    ///
    /// They are a "Recommended from Medium" or "More from Medium" label and the teasers under it
    /// (each at most 400 bytes). Returns whether they went.
    @discardableResult
    static func removeRecommendations(from blocks: inout [Block], in tree: inout HTMLTree,
                                      removals: inout [Removal]) -> Bool {
        guard let label = blocks.indices.dropFirst().first(where: { index in
            blocks[index].length <= 40 && isRecommendationsLabel(blocks[index].key)
        }) else { return false }
        let section = blocks[label...]
        let total = blocks.reduce(0) { $0 + $1.length }
        guard section.allSatisfy({ $0.length <= maximumBioLength }), section.reduce(0, { $0 + $1.length }) * 2 < total
        else { return false }
        let text = section.prefix(4).map(\.text).joined(separator: " ")
        let chars = section.reduce(0) { $0 + $1.text.count }
        section.forEach { $0.nodes.forEach { tree.remove($0) } }
        removals.append(Removal(what: "tail: platform chrome (recommendations from \"\(blocks[label].text.prefix(40))\")",
                                chars: chars, text: text))
        blocks.removeSubrange(label...)
        return true
    }

    /// Whether `key` is a platform's label over teasers of other posts.
    ///
    /// For example "Recommended from Medium", "More from Medium".
    private static func isRecommendationsLabel(_ key: String) -> Bool {
        guard key.hasBytePrefix("recommended from ") || key.hasBytePrefix("more from ") else { return false }
        return ["medium", "substack", "ghost", "wordpress", "wordpress.com", "blogger", "tumblr", "hashnode", "dev.to",
                "dev community", "linkedin", "mirror"].contains(where: key.hasByteSuffix)
    }

    // MARK: - Profile boxes

    /// Removes a company or product profile box at the tail of the article (a Crunchbase box under a news post).
    ///
    /// The box is an element below the article's root that holds two field lines or more
    /// ("Company: Gigya", "Website: gigya.com", "Funding: $29.5M") with, at most, a header, the
    /// profile's description and a "Learn more" link; it goes when nothing but short lines and
    /// links follow it and it is less than half of the article's text. Field lines that are the
    /// article's own paragraphs have no such element around them, and stay.
    static func removeProfileBox(from blocks: inout [Block], in tree: inout HTMLTree, under root: Int,
                                 removals: inout [Removal]) {
        let fields = blocks.indices.filter { blocks[$0].length <= 120 && isProfileField(blocks[$0]) }
        guard fields.count >= 2, let first = fields.first, let last = fields.last else { return }
        let total = blocks.reduce(0) { $0 + $1.length }
        func contains(_ element: Int, _ block: Block) -> Bool {
            guard let node = block.nodes.first else { return false }
            return node >= element && node < tree.subtreeEnd(of: element)
        }
        // The lowest element holding the first and last field lines…
        guard var box = blocks[first].nodes.first else { return }
        while box != root, !contains(box, blocks[last]) { box = tree.nodes[box].parent }
        guard box != root else { return }
        // …and its ancestors while what they add above the fields is a
        // header or tab (short lines) and they stay small.
        while tree.nodes[box].parent != root, tree.nodes[box].parent >= 0 {
            let parent = tree.nodes[box].parent
            let inside = blocks.indices.filter { contains(parent, blocks[$0]) }
            let length = inside.reduce(0) { $0 + blocks[$1].length }
            guard length * 2 < total,
                  inside.allSatisfy({ $0 >= first || blocks[$0].length <= 60 })
            else { break }
            box = parent
        }
        let inside = blocks.indices.filter { contains(box, blocks[$0]) }
        guard let start = inside.first, let end = inside.last,
              inside.reduce(0, { $0 + blocks[$1].length }) * 2 < total,
              // Above the fields only a header; at most two paragraphs of description.
              blocks[start..<first].allSatisfy({ $0.length <= 60 }),
              blocks[first...end].filter({ $0.length > 120 }).count <= 2,
              // At the tail: after the box only short lines and links.
              blocks[(end + 1)...].allSatisfy({ $0.length <= 160 || $0.linkDensity >= 0.5 })
        else { return }
        let text = blocks[start...end].map(\.text).joined(separator: " ")
        tree.remove(box)
        removals.append(Removal(what: "tail: platform chrome (profile box from \"\(blocks[start].text.prefix(40))\")",
                                chars: text.count, text: text))
        blocks.removeSubrange(start...end)
    }

    /// Whether `block` is a profile's field name, a colon and a short value.
    ///
    /// For example "Company: Gigya", "Launch Date: January 6, 2006", "Funding:".
    private static func isProfileField(_ block: Block) -> Bool {
        guard let first = block.bytes.first, profileFieldInitials.contains(first | 0x20),
              block.bytes.prefix(24).contains(UInt8(ascii: ":"))
        else { return false }
        let key = block.key
        guard let colon = key.firstIndex(of: ":") else { return false }
        return profileFields.contains(String(key[..<colon]).trimmingCharacters(in: " "))
    }

    /// The fields of company, product and person profiles.
    private static let profileFields: Set<String> = [
        "company", "product", "website", "web site", "founded", "launch date", "launched", "ipo", "funding",
        "total funding", "headquarters", "hq", "employees", "founders", "founder", "ceo", "industry", "category",
        "location", "acquired by", "investors", "valuation", "stock", "ticker", "unternehmen", "gründung",
        "gegründet", "sitz", "mitarbeiter", "entreprise", "société", "fondée", "siège", "effectif", "empresa",
        "fundación", "sede", "empleados",
    ]

    /// The first bytes of the field names, as lowercase.
    private static let profileFieldInitials = Set(profileFields.compactMap(\.utf8.first))
}
