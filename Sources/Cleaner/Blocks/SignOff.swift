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

    /// Whether a line is a credit: a role of a few words, a colon or "by", and a few capitalised names.
    ///
    /// For example "Producer: Keiran Harris.", "Audio mastering: Ben Cordell.", "Edited by Sam
    /// Lee", "Theme music by Blue Dot Sessions", "The Harbour Hour is produced by Jo Reyes". Credits
    /// ending an entry are its own, and the tail rules look above them, as above a sign-off.
    static func isCreditLine(_ line: String) -> Bool {
        guard line.utf8.count <= maximumCreditLineLength else { return false }
        if let by = line.firstRange(of: " by ") {
            return isCreditRole(line[..<by.lowerBound]) && areNames(line[by.upperBound...])
        }
        guard line.containsBytes(of: ":") else { return false }
        let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let role = parts[0].split(separator: " ")
        guard parts.count == 2, (1...3).contains(role.count), role.allSatisfy({ $0.allSatisfy(\.isLetter) }) else {
            return false
        }
        // "Music: “Harbour Lights” by Blue Dot Sessions (CC BY 4.0)": under a credit's noun, a title and a licence too.
        if let noun = role.last?.lowercased(), creditNouns.contains(noun) || creditParticiples.contains(noun) {
            return parts[1].contains(where: { $0 != " " }) && !parts[1].containsBytes(of: ". ")
        }
        return areNames(parts[1])
    }

    /// Whether a block is only credits: each of its lines, and each sentence of them, a credit line.
    ///
    /// For example "Edited by Sam Lee. Music by Blue Dot Sessions.", "Producer: Jo Reyes<br>Audio:
    /// Sam Lee". Like a sign-off, such a block ending the entry stays and the tail rules look above it.
    static func isCredits(_ block: Block) -> Bool {
        guard block.length <= 320, !block.isHeading, block.linkDensity < 0.5,
              block.bytes.contains(UInt8(ascii: ":")) || block.text.containsBytes(of: " by ")
        else { return false }
        let lines = block.lines.isEmpty ? [block.text] : block.lines
        // A sentence longer than any credit line settles prose before the tail rules are asked.
        guard !lines.contains(where: hasLongSentence),
              // "Source: Harbour Gazette" reads as a credit and is an attribution.
              block.tailMatch == nil
        else { return false }
        let credits = lines.flatMap { $0.split(separator: ". ").map(String.init) }
        return credits.count <= 8 && credits.allSatisfy(isCreditLine)
    }

    /// Whether `line` holds a run longer than a credit line between two ". " (or an end).
    ///
    /// Such a run lies inside one of the sentences `isCredits` splits the line into.
    private static func hasLongSentence(_ line: String) -> Bool {
        line.withBytes { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count, bytes[index + 1] == 0x20 {
                    if index - runStart > maximumCreditLineLength { return true }
                    runStart = index + 2
                    index += 2
                } else {
                    index += 1
                }
            }
            return bytes.count - runStart > maximumCreditLineLength
        }
    }

    /// The longest credit line, in UTF-8 bytes.
    private static let maximumCreditLineLength = 80

    /// Whether a block is a closing line that leaves the tail rules looking above it.
    ///
    /// A pleasantry ("Thanks for listening!", "Enjoy!", "Until next time, stay curious.", "Bye for
    /// now!"), or a line of hashtags ("#history #harbour"); nothing a tail rule names. These stay.
    static func isClosingLine(_ block: Block) -> Bool {
        guard block.length <= 80, !block.isHeading, block.lines.count < 2, block.linkDensity < 0.5, block.tailMatch == nil
        else { return false }
        let key = block.key
        let words = key.split(separator: " ")
        if words.count >= 2, words.allSatisfy({ $0.hasPrefix("#") && $0.count > 1 }) { return true }
        return words.count <= 10 && !key.containsBytes(of: ". ") && pleasantries.contains(where: key.hasBytePrefix)
    }

    /// How closing pleasantries open.
    private static let pleasantries = [
        "thanks for listening", "thank you for listening", "thanks for tuning in", "thank you for tuning in", "happy listening",
        "enjoy", "see you next", "see you soon", "see you then",
        "until next time", "till next time", "bye for now", "talk soon", "take care", "stay curious", "stay safe", "peace!",
        "cheers!", "have a great", "have a good", "happy ", "danke fürs zuhören", "bis zum nächsten mal", "viel spaß",
        "merci de votre écoute", "bonne écoute", "à la prochaine", "gracias por escuchar", "hasta la próxima",
        "obrigado por ouvir", "até a próxima", "grazie per l'ascolto", "buon ascolto", "alla prossima", "bedankt voor het luisteren",
        "veel luisterplezier", "tot de volgende",
    ]

    /// Whether the words before "by" name a role: "Edited", "Theme music", "The Harbour Hour is produced".
    ///
    /// At most four words of letters, the last a participle or a credit's noun, and no sentence before them.
    private static func isCreditRole(_ role: Substring) -> Bool {
        let words = role.split(separator: " ")
        guard let last = words.last?.lowercased(), (1...6).contains(words.count),
              words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "'" || $0 == "’" || $0 == "," || $0 == "&" } })
        else { return false }
        // "The Harbour Hour is produced by …": the show's name, then the verb.
        if words.count > 2, words[words.count - 2] == "is" || words[words.count - 2] == "was" {
            return creditParticiples.contains(last)
        }
        return words.count <= 4 && (creditParticiples.contains(last) || creditNouns.contains(last))
    }

    /// Participles of credits ("Edited by", "Mixed and mastered by").
    private static let creditParticiples: Set<String> = [
        "produced", "edited", "mixed", "mastered", "engineered", "recorded", "hosted", "composed", "written", "performed",
        "designed", "illustrated", "directed", "narrated", "transcribed", "researched", "reported", "created",
    ]

    /// Nouns of credits ("Music by", "Cover art by").
    private static let creditNouns: Set<String> = [
        "music", "art", "artwork", "design", "logo", "editing", "production", "sound", "audio", "mixing", "mastering",
        "engineering", "photography", "photos", "illustration", "illustrations", "theme", "song", "transcription",
    ]

    /// Whether `text` is a few capitalised names ("Sam Lee and Blue Dot Sessions"), up to a final full stop.
    private static func areNames(_ text: Substring) -> Bool {
        var names = String(text).trimmingCharacters(in: " \u{A0}")
        while names.hasSuffix(".") || names.hasSuffix(",") { names.removeLast() }
        let words = names.split(separator: " ")
        guard (1...8).contains(words.count) else { return false }
        return words.allSatisfy { word in
            word.first?.isUppercase == true || ["and", "&", "und", "et", "y", "e"].contains(word)
        } && words.filter({ $0.first?.isUppercase == true }).count <= 6
    }
}
