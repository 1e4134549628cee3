/// A writer's sign-off at the very end of an entry ("— Luke", "– Nadia and the team").
///
/// These are the writer's own words, which stay, while the tail rules look past it at the
/// boilerplate above it ("Read the full post", a footer), as they would if it were not there.
enum SignOff {
    /// Sign-offs are at most this long, in UTF-8 bytes.
    static let maximumLength = 40

    /// Whether `block` is a sign-off: a dash, then a few words, no sentence.
    static func isSignOff(_ block: Block) -> Bool {
        guard block.length <= maximumLength, block.lines.count < 2, !block.isHeading,
              let first = block.text.first, "—–-~".contains(first)
        else { return false }
        let name = String(block.text.dropFirst()).trimmingCharacters(in: " \u{A0}")
        let words = name.split(separator: " ")
        return !words.isEmpty && words.count <= 4 && !name.contains(where: { ".!?:;|".contains($0) })
            && BoundaryText.tail(block.text, linkDensity: block.linkDensity) == nil
    }
}
