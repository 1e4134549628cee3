import Cleaner
import FeedParser

extension JSONWriter {
    /// What the cleaner removed, as the spool's articles and `clean --json` write it.
    /// An array of `{"what", "chars", "rule", "text"}`, in the order removed.
    public mutating func removals(_ removed: [Removal]) {
        beginArray()
        for removal in removed {
            beginObject()
            key("what"); string(removal.what)
            key("chars"); number(Int64(removal.chars))
            key("rule"); string(removal.rule)
            key("text"); string(removal.text)
            endObject()
        }
        endArray()
    }
}

extension CleanArticle {
    /// Writes the article as `feedspool clean --json` prints it: one line of JSON.
    /// The object is `{"title", "text", "html", "source", "removed"}`.
    public func writeJSONLine(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("title"); writer.string(title)
        writer.key("text"); writer.string(utf8: textUTF8)
        writer.key("html"); writer.string(utf8: htmlUTF8)
        writer.key("source"); writer.string(source)
        writer.key("removed"); writer.removals(removed)
        writer.endObject()
        writer.endLine()
    }
}
