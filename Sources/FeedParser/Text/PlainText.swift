/// Turns the short HTML-or-text strings of feeds (titles, names, subtitles)
/// into plain text on one line.
enum PlainText {
    /// A title as plain text: tags dropped and entities decoded when the text
    /// carries any (feeds often escape titles twice), whitespace collapsed.
    static func title(_ text: String) -> String {
        if text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) {
            return fromHTML(text)
        }
        return collapsingWhitespace(text)
    }

    /// HTML as plain text on one line: tags and comments dropped, entities
    /// decoded, every run of white space one space, trimmed.
    static func fromHTML(_ html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar) {
            if isWhitespace(scalar) {
                pendingSpace = !output.isEmpty
                return
            }
            if pendingSpace { output.append(" ") }
            pendingSpace = false
            output.unicodeScalars.append(scalar)
        }

        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", index + 1 < scalars.count, startsTag(scalars[index + 1]) {
                index = endOfTag(scalars, from: index)
                emit(" ")
                continue
            }
            if scalar == "&", let (decoded, next) = decodeEntity(scalars, at: index) {
                emit(decoded)
                index = next
                continue
            }
            emit(scalar)
            index += 1
        }
        return output
    }

    /// Runs of white space as one space, trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x21 }) && !text.unicodeScalars.contains("\u{A0}") {
            return text
        }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0: return true
        default: return false
        }
    }

    private static func startsTag(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "/" || scalar == "!" || scalar == "?" || (scalar.isASCII && scalar.properties.isAlphabetic)
    }

    /// The index after the `>` closing the tag or comment at `start`.
    private static func endOfTag(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        let isComment = index + 2 < scalars.count && scalars[index] == "!"
            && scalars[index + 1] == "-" && scalars[index + 2] == "-"
        while index < scalars.count {
            if scalars[index] == ">" {
                if !isComment || (index >= start + 5 && scalars[index - 1] == "-" && scalars[index - 2] == "-") {
                    return index + 1
                }
            }
            index += 1
        }
        return scalars.count
    }

    /// Decodes the character reference at `start` (`&amp;`, `&#8217;`,
    /// `&#x2019;`, `&nbsp;`); nil when it is no reference.
    static func decodeEntity(_ scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        var name = ""
        while index < scalars.count, index - start <= 32, scalars[index] != ";" {
            let scalar = scalars[index]
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else {
                return nil
            }
            name.unicodeScalars.append(scalar)
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", !name.isEmpty else { return nil }
        let next = index + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value else { return nil }
            return (Unicode.Scalar(windows1252Fixup(value)) ?? "\u{FFFD}", next)
        }
        switch name {
        case "amp": return ("&", next)
        case "lt": return ("<", next)
        case "gt": return (">", next)
        case "quot": return ("\"", next)
        case "apos": return ("'", next)
        default:
            guard let scalar = HTMLEntities.scalar(named: name) else { return nil }
            return (scalar, next)
        }
    }

    /// Numeric references to C1 controls mean the Windows-1252 character,
    /// as browsers read them (`&#146;` is a right single quote).
    private static func windows1252Fixup(_ value: UInt32) -> UInt32 {
        let table: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
            0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
            0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return (0x80...0x9F).contains(value) ? table[Int(value - 0x80)] : value
    }
}
