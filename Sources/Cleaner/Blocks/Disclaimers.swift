/// A writer's or publisher's disclaimer at an entry's edges.
///
/// For example "The views expressed here are the author's own", "Opinions expressed are solely my
/// own and do not necessarily reflect those of my employer", "This is not financial advice",
/// "Nothing in this newsletter constitutes investment advice". Two signals together: views or
/// opinions expressed and whose they are, or "not … advice" and the post itself in the first
/// person. "The views expressed by the mayor did not reflect council policy" and "The regulator
/// said the tips were not financial advice" report others and stay.
enum Disclaimers {
    /// The kind removals name.
    static let kind = "disclaimer"
    /// Disclaimers are at most this long, in UTF-8 bytes.
    static let maximumLength = 300

    /// The kind of `key` (normalised) when it is a disclaimer, or nil.
    static func kind(of key: String) -> String? {
        guard key.utf8.count <= maximumLength, key.containsBytes(of: "expressed") || key.containsBytes(of: "advice")
            || key.containsBytes(of: "informational purposes")
        else { return nil }
        let views = ["views expressed", "opinions expressed", "views and opinions expressed"].contains(where: key.containsBytes(of:))
            && ["author", " own", "necessarily", "my employer", "do not reflect", "does not reflect"].contains(where: key.containsBytes(of:))
        let advice = (["not financial advice", "not investment advice", "not legal advice", "not tax advice",
                       "constitute financial advice", "constitute investment advice", "constitute legal advice",
                       "informational purposes only"].contains(where: key.containsBytes(of:)))
            && ["this is", "this post", "this article", "this newsletter", "this content", "this video", "this episode",
                "nothing in this", "i am not", "i'm not", "we are not", "disclaimer"].contains(where: key.containsBytes(of:))
        return views || advice ? kind : nil
    }
}
