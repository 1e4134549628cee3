#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes an OPML 2.0 subscription list, the form every feed reader imports.
///
/// Feeds are grouped in one folder per first tag (feeds without tags stand at
/// the top), and every tag is also listed in the outline's `category`
/// attribute, so `SubscriptionList.read` gives back the same tags.
public enum OPMLWriter {
    /// `date` as OPML 2.0's `dateCreated` wants it (RFC 822): `Mon, 07 Dec 2026 01:02:03 GMT`.
    public static func dateCreated(_ date: Date) -> String {
        // FeedDate clamps to years 1-9999; the weekday counts the same days.
        let seconds = min(max(date.timeIntervalSince1970.rounded(.down), -62_135_596_800), 253_402_300_799)
        let iso = Array(FeedDate.format(Date(timeIntervalSince1970: seconds.isNaN ? 0 : seconds)).utf8)
        let part = { (range: Range<Int>) in String(decoding: iso[range], as: UTF8.self) }
        let days = seconds.isNaN ? 0 : Int((seconds / 86_400).rounded(.down))
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days % 7 + 7) % 7]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let month = months[(Int(part(5..<7)) ?? 1) - 1]
        return "\(weekday), \(part(8..<10)) \(month) \(part(0..<4)) \(part(11..<19)) GMT"
    }

    /// The OPML document listing `feeds`, titled `title`, created at `created` (an RFC 822 date, as OPML 2.0 asks).
    public static func document(_ feeds: [Subscription], title: String, created: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
        out += "  <head>\n    <title>\(escaped(title))</title>\n"
        out += "    <dateCreated>\(escaped(created))</dateCreated>\n  </head>\n  <body>\n"
        var folders: [String] = []
        var byFolder: [String: [Subscription]] = [:]
        for feed in feeds {
            let folder = feed.tags.first ?? ""
            if byFolder[folder] == nil { folders.append(folder) }
            byFolder[folder, default: []].append(feed)
        }
        for folder in folders {
            let indent = folder.isEmpty ? "    " : "      "
            if !folder.isEmpty { out += "    <outline text=\"\(escaped(folder))\" title=\"\(escaped(folder))\">\n" }
            for feed in byFolder[folder] ?? [] { out += indent + outline(feed) + "\n" }
            if !folder.isEmpty { out += "    </outline>\n" }
        }
        out += "  </body>\n</opml>\n"
        return out
    }

    private static func outline(_ feed: Subscription) -> String {
        let name = escaped(feed.title ?? feed.url)
        var line = "<outline type=\"rss\" text=\"\(name)\" title=\"\(name)\" xmlUrl=\"\(escaped(feed.url))\""
        if !feed.tags.isEmpty { line += " category=\"\(escaped(feed.tags.joined(separator: ",")))\"" }
        return line + "/>"
    }

    /// `text` fit for an attribute value or element content.
    ///
    /// Markup characters become references, line breaks and tabs numeric references; other control
    /// characters (which XML 1.0 forbids) are left out.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
