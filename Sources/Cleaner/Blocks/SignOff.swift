/// A writer's sign-off at the very end of an entry ("— Luke", "– Nadia and the team").
///
/// These are the writer's own words, which stay, while the tail rules look past it at the
/// boilerplate above it ("Read the full post", a footer), as they would if it were not there.
enum SignOff {
    /// The marks a sign-off's name never holds.
    private static let sentenceMarks = CharacterChoice(".!?:;|")

    /// Sign-offs are at most this long, in UTF-8 bytes.
    static let maximumLength = 40

    /// Whether `block` is a sign-off: a dash, then a few words, no sentence.
    static func isSignOff(_ block: Block) -> Bool {
        guard block.length <= maximumLength, block.lines.count < 2, !block.isHeading,
              let first = block.text.first, "—–-~".contains(first)
        else { return false }
        let name = String(block.text.dropFirst()).trimmingCharacters(in: " \u{A0}")
        let words = name.split(separator: " ")
        return !words.isEmpty && words.count <= 4 && !name.contains(where: { sentenceMarks.contains($0) })
            && BoundaryText.tail(block.text, linkDensity: block.linkDensity, verdicts: block.verdicts) == nil
    }

    /// Whether a line is a credit: a role of a few words, a colon, and a few capitalised names.
    ///
    /// For example "Producer: Keiran Harris.", "Audio mastering: Ben Cordell.". Credits ending an
    /// entry are its own, and the tail rules look above them, as above a sign-off.
    static func isCreditLine(_ line: String) -> Bool {
        guard line.utf8.count <= 80, line.containsBytes(of: ":") else { return false }
        let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let role = parts[0].split(separator: " ")
        guard parts.count == 2, (1...3).contains(role.count), role.allSatisfy({ $0.allSatisfy(\.isLetter) }) else {
            return false
        }
        var names = String(parts[1]).trimmingCharacters(in: " \u{A0}")
        while names.hasSuffix(".") || names.hasSuffix(",") { names.removeLast() }
        let words = names.split(separator: " ")
        guard (1...8).contains(words.count) else { return false }
        return words.allSatisfy { word in
            word.first?.isUppercase == true || ["and", "&", "und", "et", "y", "e"].contains(word)
        } && words.filter({ $0.first?.isUppercase == true }).count <= 6
    }
}
