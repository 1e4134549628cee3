#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the dates feeds write and prints them the way the JSON contract does.
///
/// RSS writes RFC 822 dates and Atom and JSON Feed write RFC 3339, but feeds
/// bend both: no weekday or a wrong one, full month names, two-digit years,
/// no seconds, a space instead of `T`, zone names, comments after the zone.
/// This runs for every entry of every feed, so it reads the UTF-8 bytes once
/// and does the calendar arithmetic itself: `DateFormatter` costs
/// microseconds a call, depends on the locale, and would need one formatter
/// per variant.
///
/// Choices a reader might not expect:
/// - A zone it cannot place counts as UTC. That includes the military
///   letters (`A`–`I`, `K`–`Z` but `Z`): RFC 822 gave them the wrong sign, so
///   RFC 1123 §5.2.14 and RFC 2822 §4.3 say to treat them as unknown, which
///   means `-0000`. Other names (`CET`, `IST`) are ambiguous and get the same
///   treatment. Only the RFC 822 form does this; an RFC 3339 date with a zone
///   name it does not know is unparseable.
/// - Whatever follows an RFC 822 zone is ignored: feeds append comments
///   (` (PST)`) and POSIX-style suffixes (`GMT+1`) whose sign nobody agrees on.
/// - The weekday is never checked against the date; feeds get it wrong more
///   often than the date.
/// - Nothing is guessed: a year has four digits, and two only in the RFC 822
///   form (RFC 2822's rule, `00`–`49` is 20xx); year 0 is rejected.
public enum FeedDate {
    /// Parses an RFC 822/1123 or RFC 3339/ISO 8601 date as feeds write them; nil when unparseable.
    ///
    /// Besides the two standards it reads the SQL-style `2024-11-30 12:00:00`
    /// and asctime's `Sat Nov 30 12:00:00 2024`, because feeds generated
    /// straight from a database or a shell script write those. A date without
    /// a zone is taken as UTC, since the feed gives no better guess. A leap
    /// second (`:60`) becomes `:59` and `24:00:00` becomes the next midnight,
    /// so the date stays valid without inventing a different day.
    /// - Returns: The instant, keeping fractional seconds; nil when the text is
    ///   no date or names a day, hour or zone that does not exist.
    public static func parse(_ text: String) -> Date? {
        // Native Swift strings are contiguous UTF-8; only bridged or lazily
        // built ones pay for the copy.
        if let date = text.utf8.withContiguousStorageIfAvailable({ parse(utf8: $0) }) {
            return date
        }
        return Array(text.utf8).withUnsafeBufferPointer { parse(utf8: $0) }
    }

    /// Formats as "2024-11-30T12:00:00Z" in UTC (whole seconds, fraction truncated).
    ///
    /// The JSON contract promises this exact shape, so consumers can compare
    /// the strings; the fraction is dropped toward the past (a time of
    /// -0.5 s prints as `1969-12-31T23:59:59Z`), the way a clock shows it.
    /// Times before year 1 or after 9999 clamp to those years' first or last
    /// second, and NaN prints as the epoch, so the shape never breaks.
    public static func format(_ date: Date) -> String {
        let seconds = wholeSeconds(date.timeIntervalSince1970)
        let days = floorDivision(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(fromDays: days)
        return String(unsafeUninitializedCapacity: 20) { buffer in
            writeDigits(year, count: 4, into: buffer, at: 0)
            buffer[4] = UInt8(ascii: "-")
            writeDigits(month, count: 2, into: buffer, at: 5)
            buffer[7] = UInt8(ascii: "-")
            writeDigits(day, count: 2, into: buffer, at: 8)
            buffer[10] = UInt8(ascii: "T")
            writeDigits(secondOfDay / 3600, count: 2, into: buffer, at: 11)
            buffer[13] = UInt8(ascii: ":")
            writeDigits(secondOfDay / 60 % 60, count: 2, into: buffer, at: 14)
            buffer[16] = UInt8(ascii: ":")
            writeDigits(secondOfDay % 60, count: 2, into: buffer, at: 17)
            buffer[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    // MARK: - Parsing

    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var scanner = DateScanner(bytes)
        return scanner.scanDate()?.date
    }

    // MARK: - Calendar arithmetic

    /// 0001-01-01T00:00:00Z, the first second `format` prints.
    private static let earliestSecond = -62_135_596_800
    /// 9999-12-31T23:59:59Z, the last second `format` prints.
    private static let latestSecond = 253_402_300_799

    private static func wholeSeconds(_ interval: Double) -> Int {
        // Checked as doubles first: converting NaN or a huge value to Int traps.
        guard !interval.isNaN else { return 0 }
        let whole = interval.rounded(.down)
        if whole <= Double(earliestSecond) { return earliestSecond }
        if whole >= Double(latestSecond) { return latestSecond }
        return Int(whole)
    }

    private static func floorDivision(_ dividend: Int, _ divisor: Int) -> Int {
        let quotient = dividend / divisor
        return dividend % divisor < 0 ? quotient - 1 : quotient
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar, after Howard Hinnant's `days_from_civil`:
    /// counting from March makes the leap day the last day of the year, so one
    /// formula covers every month.
    static func days(fromYear year: Int, month: Int, day: Int) -> Int {
        let year = month <= 2 ? year - 1 : year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `days(fromYear:month:day:)`, Hinnant's `civil_from_days`.
    static func civilDate(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return isLeap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    private static func writeDigits(
        _ value: Int, count: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) {
        var rest = value
        for index in stride(from: start + count - 1, through: start, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    // MARK: - Names

    /// Lower-case, so a word matches after OR-ing 0x20 into its letters.
    fileprivate static let monthNames: [StaticString] = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    fileprivate static let weekdayNames: [StaticString] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// The zone names feeds use that have one agreed meaning, with their offsets from UTC in seconds (RFC 822 §5.1).
    fileprivate static let zoneNames: [(name: StaticString, offset: Int)] = [
        ("gmt", 0), ("ut", 0), ("utc", 0), ("z", 0),
        ("est", -5 * 3600), ("edt", -4 * 3600),
        ("cst", -6 * 3600), ("cdt", -5 * 3600),
        ("mst", -7 * 3600), ("mdt", -6 * 3600),
        ("pst", -8 * 3600), ("pdt", -7 * 3600),
    ]
}

// MARK: - Fields

/// The parts of a date as written, before they are checked and turned into an instant.
private struct DateFields {
    var year: Int
    var month = 1
    var day = 1
    var hour = 0
    var minute = 0
    var second = 0
    var nanoseconds = 0
    /// Seconds east of UTC.
    var offset = 0

    /// The instant these fields name, or nil when a field is out of range.
    var date: Date? {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= FeedDate.daysInMonth(month, year: year),
              (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        // 24:00:00 is the end of the day, which ISO 8601 allows; 24:00:01 is nothing.
        guard (0...23).contains(hour) || (hour == 24 && minute == 0 && second == 0 && nanoseconds == 0)
        else { return nil }
        let days = FeedDate.days(fromYear: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        let whole = Double(seconds)
        if nanoseconds > 0 {
            let date = Date(timeIntervalSince1970: whole + Double(nanoseconds) / 1e9)
            // Far from 1970 a double cannot hold .999999999 s and rounds up
            // into the next second; dropping the fraction is closer than that.
            if date.timeIntervalSince1970 < whole + 1 { return date }
        }
        return Date(timeIntervalSince1970: whole)
    }
}

// MARK: - Scanner

/// A cursor over the UTF-8 bytes of one date string, borrowed for the duration of one `FeedDate.parse` call.
private struct DateScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// One past the last byte that is not white space.
    var end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
        while position < end, isSpace(bytes[position]) { position += 1 }
        while end > position, isSpace(bytes[end - 1]) { end -= 1 }
    }

    // MARK: Forms

    mutating func scanDate() -> DateFields? {
        guard let first = current else { return nil }
        if isDigit(first), digitRunLength() == 4 {
            return scanISO8601()
        }
        return scanRFC822()
    }

    /// `2024-11-30T12:00:00.5+02:00` and its shortenings down to `2024`, and the SQL form with a space for the `T`.
    /// Nothing may follow the zone: unlike RSS, Atom producers write this form
    /// by machine, so junk there means the text is not what it seems.
    private mutating func scanISO8601() -> DateFields? {
        var fields = DateFields(year: readNumber(digits: 4...4) ?? 0)
        guard skip("-") else { return isAtEnd ? fields : nil }
        guard let month = readNumber(digits: 1...2) else { return nil }
        fields.month = month
        guard skip("-") else { return isAtEnd ? fields : nil }
        guard let day = readNumber(digits: 1...2) else { return nil }
        fields.day = day
        if isAtEnd { return fields }
        guard skip("T") || skip("t") || skipSpaces(), scanTime(into: &fields) else { return nil }
        skipSpaces()
        if !isAtEnd {
            guard let offset = scanZone(unknownNamesAreUTC: false) else { return nil }
            fields.offset = offset
            skipSpaces()
        }
        return isAtEnd ? fields : nil
    }

    /// `Sat, 30 Nov 2024 12:00:00 GMT` with its usual breakage, plus asctime, which also starts with a weekday.
    private mutating func scanRFC822() -> DateFields? {
        if let first = current, isLetter(first) {
            let word = readWord()
            if let month = number(of: word, in: FeedDate.monthNames) {
                return scanAsctime(month: month)
            }
            guard number(of: word, in: FeedDate.weekdayNames) != nil else { return nil }
            _ = skip(".")
            _ = skip(",")
            skipSpaces()
            if let next = current, isLetter(next) {
                guard let month = number(of: readWord(), in: FeedDate.monthNames) else { return nil }
                return scanAsctime(month: month)
            }
        }
        return scanDayFirst()
    }

    /// `30 Nov 2024 12:00:00 +0000`, the RFC 822 form once the weekday is read.
    private mutating func scanDayFirst() -> DateFields? {
        guard let day = readNumber(digits: 1...2), skipDateSeparator(),
              let first = current, isLetter(first),
              let month = number(of: readWord(), in: FeedDate.monthNames)
        else { return nil }
        _ = skip(".")
        guard skipDateSeparator() else { return nil }
        let start = position
        guard let year = readNumber(digits: 2...4) else { return nil }
        var fields = DateFields(year: year, month: month, day: day)
        switch position - start {
        case 4: break
        // RFC 2822 §4.3: two-digit years below 50 are in the 2000s.
        case 2: fields.year += year < 50 ? 2000 : 1900
        default: return nil
        }
        skipSpaces()
        if let next = current, isDigit(next) {
            guard scanTime(into: &fields) else { return nil }
            skipSpaces()
        }
        guard let offset = scanZone(unknownNamesAreUTC: true) else { return nil }
        fields.offset = offset
        // Whatever is left is a comment or junk feeds append; see FeedDate.
        return fields
    }

    /// Reads the asctime family of dates, once the month is read.
    /// asctime's `Sat Nov 30 12:00:00 2024`, Unix `date`'s
    /// `Sat Nov 30 12:00:00 UTC 2024`, and JavaScript's `Date.toString()`
    /// (`Sat Nov 30 2024 12:00:00 GMT+0100 (CET)`).
    private mutating func scanAsctime(month: Int) -> DateFields? {
        _ = skip(".")
        guard skipSpaces(), let day = readNumber(digits: 1...2), skipSpaces() else { return nil }
        var fields = DateFields(year: 0, month: month, day: day)
        if digitRunLength() == 4 { return scanYearThenTime(into: fields) }
        guard scanTime(into: &fields), skipSpaces() else { return nil }
        if let next = current, isLetter(next) {
            fields.offset = zoneOffset(named: readWord()) ?? 0
            guard skipSpaces() else { return nil }
        }
        guard let year = readNumber(digits: 4...4) else { return nil }
        fields.year = year
        skipSpaces()
        return isAtEnd ? fields : nil
    }

    /// The rest of JavaScript's form: `2024 12:00:00 GMT+0100 (CET)`. The
    /// offset after `GMT` is east of UTC, as JavaScript prints it; the name
    /// in parentheses repeats it and is ignored.
    private mutating func scanYearThenTime(into fields: DateFields) -> DateFields? {
        var fields = fields
        guard let year = readNumber(digits: 4...4) else { return nil }
        fields.year = year
        skipSpaces()
        if isAtEnd { return fields }
        guard scanTime(into: &fields) else { return nil }
        skipSpaces()
        if let first = current, isLetter(first) {
            guard let named = zoneOffset(named: readWord()) else { return nil }
            fields.offset = named
        }
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
            guard let offset = scanZone(unknownNamesAreUTC: false) else { return nil }
            fields.offset = offset
        }
        skipSpaces()
        return isAtEnd || current == UInt8(ascii: "(") ? fields : nil
    }

    // MARK: Parts

    /// `12:00`, `9:05:00`, `12:00:00.123456`; false when no time is there.
    private mutating func scanTime(into fields: inout DateFields) -> Bool {
        guard let hour = readNumber(digits: 1...2), skip(":"),
              let minute = readNumber(digits: 2...2)
        else { return false }
        fields.hour = hour
        fields.minute = minute
        guard skip(":") else { return true }
        guard let second = readNumber(digits: 2...2) else { return false }
        fields.second = second
        guard skip(".") || skip(",") else { return true }
        guard let nanoseconds = readFraction() else { return false }
        fields.nanoseconds = nanoseconds
        return true
    }

    /// The zone at the cursor as seconds east of UTC: `Z`, a name, `+0200`, `-05:30` or `+02`.
    ///
    /// Nil for a malformed offset, and for an unknown name unless `unknownNamesAreUTC`.
    private mutating func scanZone(unknownNamesAreUTC: Bool) -> Int? {
        guard let first = current else { return 0 }
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            position += 1
            let start = position
            guard let value = readNumber(digits: 2...4) else { return nil }
            let hours: Int
            let minutes: Int
            switch position - start {
            case 4:
                (hours, minutes) = (value / 100, value % 100)
            case 2:
                hours = value
                if skip(":") {
                    guard let written = readNumber(digits: 2...2) else { return nil }
                    minutes = written
                } else {
                    minutes = 0
                }
            default:
                return nil
            }
            guard hours <= 23, minutes <= 59 else { return nil }
            let offset = hours * 3600 + minutes * 60
            return first == UInt8(ascii: "-") ? -offset : offset
        }
        if isLetter(first), let offset = zoneOffset(named: readWord()) {
            return offset
        }
        return unknownNamesAreUTC ? 0 : nil
    }

    // MARK: Tokens

    var isAtEnd: Bool { position >= end }

    var current: UInt8? { position < end ? bytes[position] : nil }

    mutating func skip(_ byte: Unicode.Scalar) -> Bool {
        guard current == UInt8(ascii: byte) else { return false }
        position += 1
        return true
    }

    /// - Returns: Whether there was any white space.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = position
        while let byte = current, isSpace(byte) { position += 1 }
        return position > start
    }

    /// White space, a dash (`30-Nov-2024`), or both.
    mutating func skipDateSeparator() -> Bool {
        let spaced = skipSpaces()
        guard skip("-") else { return spaced }
        skipSpaces()
        return true
    }

    func digitRunLength() -> Int {
        var index = position
        while index < end, isDigit(bytes[index]) { index += 1 }
        return index - position
    }

    /// Reads a run of digits whose length must be in `digits`.
    /// The whole run is consumed either way, so `02024` cannot pass as `2024`.
    mutating func readNumber(digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while let byte = current, isDigit(byte) {
            // Stop accumulating long before Int overflows; the count rejects the run.
            if count < digits.upperBound { value = value * 10 + Int(byte &- UInt8(ascii: "0")) }
            count += 1
            position += 1
        }
        return digits.contains(count) ? value : nil
    }

    /// The digits after the decimal mark as nanoseconds; digits beyond the ninth are read and dropped.
    mutating func readFraction() -> Int? {
        var nanoseconds = 0
        var count = 0
        while let byte = current, isDigit(byte) {
            if count < 9 { nanoseconds = nanoseconds * 10 + Int(byte &- UInt8(ascii: "0")) }
            count += 1
            position += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 9) { nanoseconds *= 10 }
        return nanoseconds
    }

    /// Reads a run of ASCII letters and returns where it lies in `bytes`.
    mutating func readWord() -> Range<Int> {
        let start = position
        while let byte = current, isLetter(byte) { position += 1 }
        return start..<position
    }

    /// The 1-based position in `names` of the name `word` abbreviates, in any case:
    /// three letters at least (`Sep`, `Sept`, `September`).
    func number(of word: Range<Int>, in names: [StaticString]) -> Int? {
        guard word.count >= 3 else { return nil }
        for (index, name) in names.enumerated() where word.count <= name.utf8CodeUnitCount {
            if matches(word, name) { return index + 1 }
        }
        return nil
    }

    func zoneOffset(named word: Range<Int>) -> Int? {
        for zone in FeedDate.zoneNames where word.count == zone.name.utf8CodeUnitCount {
            if matches(word, zone.name) { return zone.offset }
        }
        return nil
    }

    /// Whether `word` equals the start of the lower-case `name`, ignoring case.
    private func matches(_ word: Range<Int>, _ name: StaticString) -> Bool {
        let letters = name.utf8Start
        for (offset, index) in word.enumerated() where bytes[index] | 0x20 != letters[offset] {
            return false
        }
        return true
    }
}

// MARK: - Bytes

private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

private func isLetter(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
}

private func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
}
