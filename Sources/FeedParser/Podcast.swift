/// What the Podcasting 2.0 namespace (`podcast:`, podcastindex.org) says about one episode:
/// its transcripts, its chapters and the people in it.
public struct PodcastDetails: Sendable, Equatable {
    /// `podcast:transcript`, in feed order.
    public var transcripts: [PodcastTranscript]
    /// `podcast:chapters`, the first one.
    public var chapters: PodcastChapters?
    /// `podcast:person` of the item, else of the channel (the spec's inheritance:
    /// the item's list wholly replaces the channel's).
    public var persons: [PodcastPerson]

    /// Makes the details; every field is optional.
    public init(transcripts: [PodcastTranscript] = [], chapters: PodcastChapters? = nil,
                persons: [PodcastPerson] = []) {
        self.transcripts = transcripts
        self.chapters = chapters
        self.persons = persons
    }

    /// Whether the feed said none of it.
    public var isEmpty: Bool { transcripts.isEmpty && chapters == nil && persons.isEmpty }
}

/// A transcript or captions file of an episode (`podcast:transcript`).
public struct PodcastTranscript: Sendable, Equatable {
    /// Where the file is, resolved to an absolute URL when a base is known.
    public var url: String
    /// Its MIME type (`text/vtt`, `application/x-subrip`), lowercased.
    public var type: String?
    /// Its language as declared, else the feed's (the spec's default).
    public var language: String?

    /// Makes a transcript link.
    public init(url: String, type: String? = nil, language: String? = nil) {
        self.url = url
        self.type = type
        self.language = language
    }
}

/// The chapters file of an episode (`podcast:chapters`).
public struct PodcastChapters: Sendable, Equatable {
    /// Where the file is, resolved to an absolute URL when a base is known.
    public var url: String
    /// Its MIME type (`application/json+chapters`), lowercased.
    public var type: String?

    /// Makes a chapters link.
    public init(url: String, type: String? = nil) {
        self.url = url
        self.type = type
    }
}

/// A person of interest in an episode or show (`podcast:person`).
public struct PodcastPerson: Sendable, Equatable {
    /// The name or alias, as plain text.
    public var name: String
    /// The role, lowercased (the spec compares it case-insensitively).
    /// "host" when the feed gives none, as the spec assumes.
    public var role: String
    /// A page about the person, resolved to an absolute URL when a base is known.
    public var href: String?

    /// Makes a person.
    public init(name: String, role: String = "host", href: String? = nil) {
        self.name = name
        self.role = role
        self.href = href
    }
}
