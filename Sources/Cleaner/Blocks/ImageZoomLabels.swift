/// Labels that offer a bigger view of an image, found whole: "View fullsize", "Click to enlarge", "Vergrößern".
///
/// Squarespace puts a visually hidden "View fullsize" in the link of each gallery image, Ars
/// Technica an "Enlarge" link before each caption, blogs "(Click for larger view)" under a photo;
/// in other languages "Zum Vergrößern klicken", "Agrandir l'image", "Clic para ampliar",
/// "Clicca per ingrandire", "Klik om te vergroten".
///
/// A label is a whole block, `<br>` line, link or caption made only of the family's words: a way
/// to zoom ("enlarge", "larger", "full size", "ampliar"), and around it at most an invitation
/// ("click", "view", "klicken"), an image's noun and small words; how much of this a label needs
/// depends on where it stands (`Place`). A caption that says more ("Example (click to enlarge):")
/// and a sentence ("To enlarge the photo, click it.") stay. The images stay when their labels go.
enum ImageZoomLabels {
    /// The kind name of these labels.
    static let kind = "image hint"
    /// Labels are at most this long, in UTF-8 bytes.
    static let maximumLength = 60

    /// Where a label stands, which says how much of one it must be.
    enum Place {
        /// A block or line of its own, which needs an invitation or an image's noun.
        ///
        /// "Click to enlarge", "View larger"; "Enlarge image", "Bild vergrößern".
        case plain
        /// A link, where one word is enough when it can only mean zoom.
        ///
        /// "Enlarge", "Agrandir"; not "Zoom", a company, or "Bigger", a song. Two words are
        /// enough when they name a bigger size.
        case link
        /// A figure's link or caption: any of the family's words.
        case figure
    }

    /// Whether `key` (normalised by `BoundaryText.normalized`) is only such a label where it stands.
    static func matches(_ key: String, at place: Place) -> Bool {
        guard key.utf8.count <= maximumLength, let words = LabelWords.words(of: key, limit: 10), !words.isEmpty else {
            return false
        }
        // The parts found, as bits of `Part`'s raw values.
        var found: UInt8 = 0
        var index = 0
        while index < words.count {
            if index + 1 < words.count, phraseOpenings.contains(words[index]),
               let part = phrases[words[index] + " " + words[index + 1]]
            {
                found |= part.rawValue
                index += 2
                continue
            }
            guard let part = parts[words[index]] else { return false }
            found |= part.rawValue
            index += 1
        }
        let has = { (part: Part) in found & part.rawValue != 0 }
        let zooms = has(.zoomVerb) || has(.size)
        let invites = has(.click) || has(.look)
        switch place {
        case .figure:
            return zooms || has(.comparative)
        case .link:
            if words.count == 1 { return loneLinkWords.contains(words[0]) }
            return zooms || invites && has(.comparative)
        case .plain:
            return has(.click) && (zooms || has(.comparative)) || has(.look) && zooms || has(.zoomVerb) && has(.imageNoun)
        }
    }

    /// Whether every `<br>` line of `block` is such a label (a gallery's "View fullsize" under each image).
    static func isLabelLines(_ block: Block) -> Bool {
        guard block.lines.count > 1, !block.isHeading, block.length <= block.lines.count * (maximumLength + 1) else {
            return false
        }
        let place: Place = block.linkDensity >= 0.5 ? .link : .plain
        return block.lines.allSatisfy { matches(BoundaryText.normalized($0), at: place) }
    }

    /// How plain labels open, for `StandaloneLines`' quick look at blocks without links.
    static let openings = [
        "view ", "klick", "zum vergr", "cliquez", "cliquer", "haz clic", "pulsa ", "clicca", "clique", "klik ", "enlarge ",
        "bild ", "vergrößern", "agrandir ", "ampliar ", "ingrandisci ", "vergroot ",
    ]

    // MARK: - Removal

    /// Removes the text of `nodes` and keeps the images, videos and line breaks among them.
    static func removeText(of nodes: some Sequence<Int>, in tree: inout HTMLTree) {
        for node in nodes where !tree.nodes[node].isRemoved {
            if tree.nodes[node].kind == .element, tree.nodes[node].traits.contains(.lineBreak) || holdsMedia(node, in: tree) {
                let children = Array(tree.children(of: node))
                removeText(of: children, in: &tree)
            } else {
                tree.remove(node)
            }
        }
    }

    /// Removes the labels from a figure: a link, caption or line of it that is only a label.
    ///
    /// Also a separator after such a link ("Enlarge / The ferry at dawn"). The figure's image and
    /// the rest of its caption stay.
    static func removeLabels(of block: Block, in tree: inout HTMLTree, removals: inout [Removal]) {
        guard block.length <= BoundaryText.maximumRuleLength, let figure = block.nodes.first else { return }
        for node in tree.descendants(of: figure) where node != figure && tree.nodes[node].kind == .element {
            let text = TextNormalizer.collapse(tree.textContent(of: node))
            guard !text.isEmpty, !tree.isDetached(node), matches(BoundaryText.normalized(text), at: .figure) else { continue }
            if tree.nodes[node].traits.contains(.link) { removeSeparator(after: node, in: &tree) }
            removeText(of: [node], in: &tree)
            removals.append(Removal(what: "inline: \(kind) (figure)", chars: text.count, text: text))
        }
    }

    /// Separators between a label and the caption after it.
    private static let separators = ["/", "|", "·", "•", "–", "—", "-"]

    /// Removes the separator ("/", "|", "·", "–") that follows `node` among its siblings, if one does.
    ///
    /// It may be an element of its own or open the text after the link.
    private static func removeSeparator(after node: Int, in tree: inout HTMLTree) {
        var next = tree.subtreeEnd(of: node)
        let end = tree.subtreeEnd(of: tree.nodes[node].parent)
        while next < end {
            guard !tree.nodes[next].isRemoved else {
                next = tree.subtreeEnd(of: next)
                continue
            }
            let text = TextNormalizer.collapse(tree.textContent(of: next))
            if separators.contains(text) {
                tree.remove(next)
            } else if tree.nodes[next].kind == .text, text.isEmpty {
                next = tree.subtreeEnd(of: next)
                continue
            } else if tree.nodes[next].kind == .text {
                // "/ The ferry at dawn": the words after it keep their spacing.
                let opening = tree.text(of: next).drop(while: \.isWhitespace)
                if let separator = separators.first(where: { opening.hasPrefix($0 + " ") }) {
                    tree.setText(String(opening.dropFirst(separator.count).drop(while: \.isWhitespace)), of: next)
                }
            }
            return
        }
    }

    /// Whether the subtree of `node` holds an image, a video, an audio player or a frame.
    private static func holdsMedia(_ node: Int, in tree: HTMLTree) -> Bool {
        (node..<tree.subtreeEnd(of: node)).contains { index in
            !tree.nodes[index].isRemoved && (tree.nodes[index].traits.contains(.image) || mediaElements.contains(tree.nodes[index].name))
        }
    }

    /// Elements besides `img` that show media.
    private static let mediaElements: Set<String> = ["picture", "video", "audio", "iframe", "svg", "object", "embed"]

    // MARK: - Words

    /// What a word does in a label.
    private enum Part: UInt8 {
        /// An imperative to zoom ("enlarge", "vergrößern").
        case zoomVerb = 1
        /// A bigger size ("fullsize", "larger", "full size").
        case size = 2
        /// A comparative that also says "the bigger picture" ("bigger", "größer").
        case comparative = 4
        /// An invitation to click or tap.
        case click = 8
        /// An invitation to look ("view", "voir").
        case look = 16
        /// An image's noun.
        case imageNoun = 32
        /// A small word around the others.
        case small = 64
    }

    /// The family's words and what each does.
    private static let parts: [String: Part] = {
        var parts: [String: Part] = [:]
        for word in smallWords { parts[word] = .small }
        for word in imageNouns { parts[word] = .imageNoun }
        for word in looks { parts[word] = .look }
        for word in clicks { parts[word] = .click }
        for word in comparatives { parts[word] = .comparative }
        for word in sizes { parts[word] = .size }
        for word in zoomVerbs { parts[word] = .zoomVerb }
        return parts
    }()

    /// The first words of `phrases`.
    private static let phraseOpenings = Set(phrases.keys.map { String($0.prefix(while: { $0 != " " })) })

    /// Two words that together say a size or a comparative.
    private static let phrases: [String: Part] = {
        var phrases: [String: Part] = [:]
        for phrase in sizePhrases { phrases[phrase] = .size }
        for phrase in ["plus grand", "plus grande", "más grande", "più grande", "mais grande"] { phrases[phrase] = .comparative }
        return phrases
    }()

    /// Words that alone, as a link, can only offer a bigger view.
    private static let loneLinkWords: Set<String> = [
        "enlarge", "fullsize", "vergrößern", "vergrössern", "agrandir", "ampliar", "ingrandisci", "vergroten",
        "vergroot", "powiększ", "förstora", "suurenna", "zvětšit", "увеличить",
    ]

    /// Imperatives to zoom.
    private static let zoomVerbs: Set<String> = [
        "enlarge", "zoom", "magnify", "vergrößern", "vergrössern", "vergroessern", "agrandir", "zoomer", "ampliar",
        "amplía", "ampliarla", "ingrandisci", "ingrandire", "ingrandirla", "vergroten", "vergroot", "powiększ", "powiększyć", "förstora",
        "forstørr", "forstør", "suurenna", "zvětšit", "nagyítás", "увеличить",
    ]

    /// Words that name a bigger size.
    private static let sizes: Set<String> = [
        "enlarged", "larger", "fullsize", "fullscreen", "hires", "vollbild", "originalgröße", "agrandie", "ampliada",
        "ampliado", "ingrandita", "vergroting",
    ]

    /// Two words that name a bigger size.
    private static let sizePhrases: Set<String> = [
        "full size", "full image", "full photo", "full resolution", "full res", "full screen", "hi res", "high res",
        "high resolution", "original size", "actual size", "voller größe", "volle größe", "taille réelle", "taille originale",
        "pleine taille", "plein écran", "en grand", "grand format", "haute résolution", "tamaño completo",
        "tamaño original", "tamaño real", "pantalla completa", "alta resolución", "dimensione originale",
        "dimensioni originali", "dimensione reale", "schermo intero", "alta risoluzione", "tamanho original",
        "tamanho real", "tamanho completo", "volledig formaat", "ware grootte",
    ]

    /// Comparatives, which on their own also say "the bigger picture".
    private static let comparatives: Set<String> = [
        "bigger", "größer", "grösser", "größere", "größeren", "maior", "groter", "större",
    ]

    /// Invitations to click or tap.
    private static let clicks: Set<String> = [
        "click", "tap", "klicken", "klick", "klicke", "anklicken", "cliquez", "cliquer", "clic", "clique", "haz",
        "pulsa", "pulse", "toca", "clicca", "tocca", "clica", "toque", "klik", "tik",
    ]

    /// Invitations to look.
    private static let looks: Set<String> = [
        "view", "see", "show", "open", "ansehen", "anzeigen", "öffnen", "voir", "afficher", "ouvrir", "ver", "mostrar",
        "abrir", "vedi", "visualizza", "apri", "bekijk", "bekijken", "openen",
    ]

    /// An image's nouns.
    private static let imageNouns: Set<String> = [
        "image", "images", "photo", "photos", "picture", "pictures", "pic", "img", "bild", "bilder", "foto", "fotos",
        "imagen", "imágenes", "immagine", "immagini", "imagem", "afbeelding",
    ]

    /// Articles, prepositions and the like.
    private static let smallWords: Set<String> = [
        "here", "on", "the", "this", "to", "for", "a", "an", "in", "at", "of", "version", "hier", "zum", "zu", "auf",
        "das", "die", "den", "im", "für", "um", "sie", "es", "ansicht", "sull", "ici", "pour", "sur", "l", "la", "le",
        "les", "en", "d", "de", "du", "une", "aquí", "para", "el", "una", "qui", "per", "su", "il", "lo", "di", "fai",
        "aqui", "em", "na", "no", "o", "om", "te", "op", "het", "versie", "voor", "versión", "versione", "versão",
    ]
}
