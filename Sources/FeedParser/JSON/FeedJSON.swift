/// The JSON contract of `feedspool parse`, which the spool's article files share:
/// every key always present, `null` when absent, arrays possibly empty.
extension Feed {
    /// The feed as one JSON document, each entry on its own line.
    public func contractJSON() -> [UInt8] {
        let textBytes = entries.reduce(0) { $0 + ($1.content?.utf8.count ?? 0) + ($1.summary?.utf8.count ?? 0) }
        var writer = JSONWriter(capacity: 1024 + entries.count * 512 + textBytes + textBytes / 16)
        writer.beginObject()
        writer.key("feed")
        writer.beginObject()
        writer.key("title"); writer.string(title)
        writer.key("link"); writer.string(link)
        writer.key("subtitle"); writer.string(subtitle)
        writer.key("language"); writer.string(language)
        writer.key("updated"); writer.string(updated.map(FeedDate.format))
        writer.key("format"); writer.string(format.rawValue)
        writer.endObject()
        writer.key("entries")
        writer.beginArray()
        // By index: `for entry in entries` would copy every entry.
        for index in entries.indices {
            writer.newline()
            entries[index].writeFields(to: &writer, openObject: true)
        }
        writer.endArray()
        writer.endObject()
        writer.newline()
        return writer.bytes
    }
}

extension Entry {
    /// Writes the entry's contract fields, in contract order. With
    /// `openObject` they are wrapped in their own object; without, they are
    /// written into the caller's open object (the spool adds its own keys).
    /// Without `bodies`, `summary` and `content` are left out (the spool
    /// writes their cleaned forms instead).
    public func writeFields(to writer: inout JSONWriter, openObject: Bool, bodies: Bool = true) {
        if openObject { writer.beginObject() }
        writer.key("guid"); writer.string(guid)
        writer.key("title"); writer.string(title)
        writer.key("link"); writer.string(link)
        writer.key("authors"); writer.strings(authors)
        writer.key("published"); writer.string(published.map(FeedDate.format))
        writer.key("updated"); writer.string(updated.map(FeedDate.format))
        writer.key("categories"); writer.strings(categories)
        if bodies {
            writer.key("summary"); writer.string(summary)
            writer.key("content"); writer.string(content)
        }
        writer.key("enclosures")
        writer.beginArray()
        for enclosure in enclosures {
            writer.beginObject()
            writer.key("url"); writer.string(enclosure.url)
            writer.key("type"); writer.string(enclosure.type)
            writer.key("length"); writer.number(enclosure.length)
            writer.endObject()
        }
        writer.endArray()
        writer.key("podcast")
        if let podcast { podcast.write(to: &writer) } else { writer.string(nil) }
        if openObject { writer.endObject() }
    }
}

extension PodcastDetails {
    /// Writes the details as the entry's `podcast` object, every key present.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("transcripts")
        writer.beginArray()
        for transcript in transcripts {
            writer.beginObject()
            writer.key("url"); writer.string(transcript.url)
            writer.key("type"); writer.string(transcript.type)
            writer.key("language"); writer.string(transcript.language)
            writer.endObject()
        }
        writer.endArray()
        writer.key("chapters")
        if let chapters {
            writer.beginObject()
            writer.key("url"); writer.string(chapters.url)
            writer.key("type"); writer.string(chapters.type)
            writer.endObject()
        } else {
            writer.string(nil)
        }
        writer.key("persons")
        writer.beginArray()
        for person in persons {
            writer.beginObject()
            writer.key("name"); writer.string(person.name)
            writer.key("role"); writer.string(person.role)
            writer.key("href"); writer.string(person.href)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
