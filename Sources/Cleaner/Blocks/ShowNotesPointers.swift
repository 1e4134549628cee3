/// A pointer from an episode's notes to its page or transcript elsewhere, at an entry's edges.
///
/// For example "Show notes and links: <a>dd.fm/12</a>", "Full show notes at dd.fm/12",
/// "Transcript: <a>…</a>". A label of the kind and one address or link; "Show notes are the part
/// of a podcast most listeners skip" gives no address and stays.
enum ShowNotesPointers {
    /// `labels`, by their first byte.
    private static let labelsByInitial = Openings(labels)

    /// The kind removals name.
    static let kind = "show-notes link"
    /// Pointers are at most this long, in UTF-8 bytes.
    static let maximumLength = 120

    /// The kind of `key` (normalised) when it is such a pointer, or nil.
    static func kind(of key: String, linkDensity: Double) -> String? {
        guard key.utf8.count <= maximumLength, let first = key.utf8.first, initials.contains(first),
              labelsByInitial.open(key),
              linkDensity >= 0.3 || EdgeNoise.mentionsWebAddress(key), !key.containsBytes(of: ". ")
        else { return nil }
        return kind
    }

    /// How such pointers open.
    private static let labels = [
        "show notes", "full show notes", "episode show notes", "shownotes", "detailed show notes", "read the show notes",
        "find the show notes", "find show notes", "see the show notes", "transcript:", "full transcript", "episode transcript",
        "read the transcript", "read the full transcript", "find the transcript", "episode page", "notas del episodio",
        "shownotes:", "transkript:", "transcription :", "transcripción", "a transcript of this episode",
        "the transcript of this episode", "a full transcript", "transcripts are available", "a transcript is available",
    ]

    /// The first bytes of those labels.
    private static let initials = Set(labels.compactMap(\.utf8.first))
}
