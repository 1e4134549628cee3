import Foundation
import Testing
@testable import FeedParser

/// Parses `text` and prints it the way the JSON contract does; nil when the
/// parser rejects it.
private func normalized(_ text: String) -> String? {
    FeedDate.parse(text).map(FeedDate.format)
}

@Suite struct DateTests {
    // MARK: - RFC 822 / 1123

    @Test func rfc1123DateParses() {
        #expect(normalized("Sat, 30 Nov 2024 12:00:00 GMT") == "2024-11-30T12:00:00Z")
    }

    @Test func rfc822WithoutWeekdayParses() {
        #expect(normalized("30 Nov 2024 12:00:00 +0000") == "2024-11-30T12:00:00Z")
    }

    @Test(arguments: [
        "Sat 30 Nov 2024 12:00:00 GMT",
        "SAT, 30 Nov 2024 12:00:00 GMT",
        "sat, 30 Nov 2024 12:00:00 GMT",
        "saturday, 30 Nov 2024 12:00:00 GMT",
        "Saturday 30 Nov 2024 12:00:00 GMT",
        "Fri, 30 Nov 2024 12:00:00 GMT",
        "Sat,30 Nov 2024 12:00:00 GMT",
        "Sat., 30 Nov 2024 12:00:00 GMT",
    ])
    func rfc822WeekdayIsSkippedHoweverWritten(text: String) {
        #expect(normalized(text) == "2024-11-30T12:00:00Z")
    }

    @Test(arguments: [
        ("30 June 2024 12:00:00 GMT", "2024-06-30T12:00:00Z"),
        ("30 JUN 2024 12:00:00 GMT", "2024-06-30T12:00:00Z"),
        ("1 Sept 2024 12:00:00 GMT", "2024-09-01T12:00:00Z"),
        ("1 september 2024 12:00:00 GMT", "2024-09-01T12:00:00Z"),
        ("1 SEP 2024 12:00:00 GMT", "2024-09-01T12:00:00Z"),
        ("1 Febr 2024 12:00:00 GMT", "2024-02-01T12:00:00Z"),
        ("1 Dec. 2024 12:00:00 GMT", "2024-12-01T12:00:00Z"),
        ("1 may 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"),
        ("30-Nov-2024 12:00:00 GMT", "2024-11-30T12:00:00Z"),
    ])
    func rfc822MonthNamesParseInAnyLengthAndCase(text: String, expected: String) {
        #expect(normalized(text) == expected)
    }

    @Test(arguments: [
        ("Sat, 30 Nov 24 12:00:00 GMT", "2024-11-30T12:00:00Z"),
        ("1 Jan 00 00:00:00 GMT", "2000-01-01T00:00:00Z"),
        ("31 Dec 49 23:59:59 GMT", "2049-12-31T23:59:59Z"),
        ("1 Jan 50 00:00:00 GMT", "1950-01-01T00:00:00Z"),
        ("31 Dec 99 23:59:59 GMT", "1999-12-31T23:59:59Z"),
    ])
    func rfc822TwoDigitYearsFollowRFC2822(text: String, expected: String) {
        #expect(normalized(text) == expected)
    }

    @Test func rfc822WithoutSecondsParses() {
        #expect(normalized("Sat, 30 Nov 2024 12:00 +0000") == "2024-11-30T12:00:00Z")
    }

    @Test func rfc822WithSingleDigitDayAndHourParses() {
        #expect(normalized("Fri, 1 Nov 2024 9:05:07 GMT") == "2024-11-01T09:05:07Z")
    }

    @Test func rfc822WithoutTimeIsMidnight() {
        #expect(normalized("Sat, 30 Nov 2024") == "2024-11-30T00:00:00Z")
    }

    @Test(arguments: [
        ("GMT", "2024-11-30T12:00:00Z"),
        ("gmt", "2024-11-30T12:00:00Z"),
        ("UT", "2024-11-30T12:00:00Z"),
        ("UTC", "2024-11-30T12:00:00Z"),
        ("Z", "2024-11-30T12:00:00Z"),
        ("EST", "2024-11-30T17:00:00Z"),
        ("EDT", "2024-11-30T16:00:00Z"),
        ("CST", "2024-11-30T18:00:00Z"),
        ("CDT", "2024-11-30T17:00:00Z"),
        ("MST", "2024-11-30T19:00:00Z"),
        ("MDT", "2024-11-30T18:00:00Z"),
        ("PST", "2024-11-30T20:00:00Z"),
        ("PDT", "2024-11-30T19:00:00Z"),
        ("+0200", "2024-11-30T10:00:00Z"),
        ("-0500", "2024-11-30T17:00:00Z"),
        ("-05:30", "2024-11-30T17:30:00Z"),
        ("+05:45", "2024-11-30T06:15:00Z"),
        ("+02", "2024-11-30T10:00:00Z"),
        ("-0000", "2024-11-30T12:00:00Z"),
    ])
    func rfc822ZonesShiftToUTC(zone: String, expected: String) {
        #expect(normalized("Sat, 30 Nov 2024 12:00:00 \(zone)") == expected)
    }

    /// RFC 1123 §5.2.14: the military letters had the wrong sign in RFC 822,
    /// so they mean "unknown", which is read as UTC.
    @Test(arguments: ["A", "I", "K", "M", "N", "Y", "J", "CET", "IST"])
    func rfc822MilitaryAndUnknownZonesCountAsUTC(zone: String) {
        #expect(normalized("Sat, 30 Nov 2024 12:00:00 \(zone)") == "2024-11-30T12:00:00Z")
    }

    @Test func rfc822WithoutZoneIsUTC() {
        #expect(normalized("Sat, 30 Nov 2024 12:00:00") == "2024-11-30T12:00:00Z")
    }

    @Test(arguments: [
        ("Sat, 30 Nov 2024 12:00:00 -0800 (PST)", "2024-11-30T20:00:00Z"),
        ("Sat, 30 Nov 2024 12:00:00 PST (Pacific Standard Time)", "2024-11-30T20:00:00Z"),
        ("Sat, 30 Nov 2024 12:00:00 (PST)", "2024-11-30T12:00:00Z"),
        ("Sat, 30 Nov 2024 12:00:00 GMT+1", "2024-11-30T12:00:00Z"),
        ("Sat, 30 Nov 2024 12:00:00 +0000 GMT", "2024-11-30T12:00:00Z"),
        ("Sat, 30 Nov 2024 12:00:00 GMT\n\t", "2024-11-30T12:00:00Z"),
    ])
    func rfc822TrailingJunkAfterTheZoneIsIgnored(text: String, expected: String) {
        #expect(normalized(text) == expected)
    }

    @Test(arguments: [
        ("Sat Nov 30 12:00:00 2024", "2024-11-30T12:00:00Z"),
        ("Sun Nov  3 09:05:00 2024", "2024-11-03T09:05:00Z"),
        ("Nov 30 12:00:00 2024", "2024-11-30T12:00:00Z"),
        ("Sat Nov 30 12:00:00 UTC 2024", "2024-11-30T12:00:00Z"),
        ("Sat Nov 30 12:00:00 EST 2024", "2024-11-30T17:00:00Z"),
    ])
    func asctimeDatesParse(text: String, expected: String) {
        #expect(normalized(text) == expected)
    }

    @Test(arguments: [
        ("Sat Oct 06 2018 00:00:00 GMT", "2018-10-06T00:00:00Z"),
        ("Sat Nov 30 2024 12:00:00 GMT+0100 (Central European Standard Time)", "2024-11-30T11:00:00Z"),
        ("Sat Nov 30 2024 12:00:00 GMT-0500", "2024-11-30T17:00:00Z"),
        ("Sat Nov 30 2024", "2024-11-30T00:00:00Z"),
    ])
    func javaScriptDateStringsParse(text: String, expected: String) {
        #expect(normalized(text) == expected)
    }

    @Test func javaScriptFormWithJunkAfterTheZoneIsRejected() {
        #expect(FeedDate.parse("Sat Nov 30 2024 12:00:00 GMT+0100 tomorrow") == nil)
    }

    // MARK: - RFC 3339 / ISO 8601

    @Test func rfc3339DateParses() {
        #expect(normalized("2024-11-30T12:00:00Z") == "2024-11-30T12:00:00Z")
    }

    @Test(arguments: [
        "2024-11-30T12:00:00.5Z",
        "2024-11-30T12:00:00.123Z",
        "2024-11-30T12:00:00.123456789Z",
        "2024-11-30T12:00:00.1234567890123456789012345Z",
        "2024-11-30T12:00:00,999Z",
    ])
    func rfc3339FractionalSecondsOfAnyLengthParse(text: String) {
        #expect(normalized(text) == "2024-11-30T12:00:00Z")
    }

    @Test func rfc3339FractionIsKept() throws {
        let date = try #require(FeedDate.parse("2024-11-30T12:00:00.25Z"))
        #expect(date.timeIntervalSince1970 == 1_732_968_000.25)
    }

    @Test(arguments: [
        ("2024-11-30T12:00:00+02:00", "2024-11-30T10:00:00Z"),
        ("2024-11-30T12:00:00+0200", "2024-11-30T10:00:00Z"),
        ("2024-11-30T12:00:00+02", "2024-11-30T10:00:00Z"),
        ("2024-11-30T12:00:00-05", "2024-11-30T17:00:00Z"),
        ("2024-11-30T12:00:00-05:30", "2024-11-30T17:30:00Z"),
        ("2024-11-30T01:00:00+02:00", "2024-11-29T23:00:00Z"),
        ("2024-12-31T23:00:00-02:00", "2025-01-01T01:00:00Z"),
        ("2024-11-30T12:00:00.5-00:00", "2024-11-30T12:00:00Z"),
    ])
    func rfc3339OffsetsShiftToUTC(text: String, expected: String) {
        #expect(normalized(text) == expected)
    }

    @Test func rfc3339InLowerCaseParses() {
        #expect(normalized("2024-11-30t12:00:00z") == "2024-11-30T12:00:00Z")
    }

    @Test func isoDateOnlyIsMidnightUTC() {
        #expect(normalized("2024-11-30") == "2024-11-30T00:00:00Z")
    }

    @Test func isoYearAndMonthIsTheFirstOfTheMonth() {
        #expect(normalized("2024-11") == "2024-11-01T00:00:00Z")
    }

    @Test func isoYearAloneIsNewYear() {
        #expect(normalized("2024") == "2024-01-01T00:00:00Z")
    }

    @Test func rfc3339WithoutSecondsParses() {
        #expect(normalized("2024-11-30T12:00Z") == "2024-11-30T12:00:00Z")
    }

    @Test func rfc3339WithoutZoneIsUTC() {
        #expect(normalized("2024-11-30T12:00:00") == "2024-11-30T12:00:00Z")
    }

    @Test(arguments: [
        ("2024-11-30 12:00:00", "2024-11-30T12:00:00Z"),
        ("2024-11-30 12:00:00.000000", "2024-11-30T12:00:00Z"),
        ("2024-11-30 12:00:00 +02:00", "2024-11-30T10:00:00Z"),
        ("2024-11-30 12:00:00 UTC", "2024-11-30T12:00:00Z"),
        ("2024-11-30 12:00:00 EST", "2024-11-30T17:00:00Z"),
        ("2024-11-30T12:00:00 Z", "2024-11-30T12:00:00Z"),
    ])
    func sqlStyleDatesWithASpaceParse(text: String, expected: String) {
        #expect(normalized(text) == expected)
    }

    // MARK: - Ranges

    @Test func leapSecondClampsToFiftyNine() {
        #expect(normalized("2016-12-31T23:59:60Z") == "2016-12-31T23:59:59Z")
    }

    @Test func midnightAtTwentyFourIsTheNextDay() {
        #expect(normalized("2024-12-31T24:00:00Z") == "2025-01-01T00:00:00Z")
    }

    @Test(arguments: [
        ("2024-02-29", "2024-02-29T00:00:00Z"),
        ("2000-02-29", "2000-02-29T00:00:00Z"),
        ("29 Feb 2024 00:00:00 GMT", "2024-02-29T00:00:00Z"),
    ])
    func leapDaysInLeapYearsParse(text: String, expected: String) {
        #expect(normalized(text) == expected)
    }

    @Test(arguments: ["1900-02-29", "2023-02-29", "2100-02-29", "29 Feb 2023 00:00:00 GMT"])
    func leapDaysInCommonYearsAreRejected(text: String) {
        #expect(FeedDate.parse(text) == nil)
    }

    @Test func surroundingWhitespaceIsIgnored() {
        #expect(normalized(" \t\r\n2024-11-30T12:00:00Z \n") == "2024-11-30T12:00:00Z")
    }

    @Test(arguments: [
        "", "   ", "yesterday", "Feb 30", "25:00", "12:00:00", "now", "Z",
        "2024-13-01", "2024-00-10", "2024-11-00", "2024-11-31", "2024-11-30T25:00:00Z",
        "2024-11-30T12:60:00Z", "2024-11-30T12:00:61Z", "2024-11-30T24:00:01Z",
        "2024-11-30T24:30:00Z", "2024-11-30T24:00:00.5Z",
        "99999-01-01", "024-11-30", "0000-01-01", "20241130", "2024-",
        "2024-11-30T", "2024-11-30T12", "2024-11-30T12:0Z", "2024-11-30T12:00:0Z",
        "2024-11-30T12:00:00.Z", "2024-11-30T12:00:00Zjunk", "2024-11-30T12:00:00Q",
        "2024-11-30T12:00:00+25:00", "2024-11-30T12:00:00+02:60", "2024-11-30T12:00:00+2",
        "2024-11-30T12:00:00+02:00:00", "2024-11-30T12:00:00 CET", "2024-11-30X",
        "Sat, 31 Jun 2024 10:00:00 GMT", "Sat, 30 Feb 2024 10:00:00 GMT",
        "Sat, 30 Nov 124 12:00:00 GMT", "Sat, 30 Nov 02024 12:00:00 GMT",
        "Sat, 30 Nov 2 12:00:00 GMT", "Sat, 30 Foo 2024 12:00:00 GMT",
        "Sat, 30 No 2024 12:00:00 GMT", "Sat, 32 Nov 2024 12:00:00 GMT",
        "Sat, 0 Nov 2024 12:00:00 GMT", "Sat, 30 Nov 2024 24:01:00 GMT",
        "Sat, 30 Nov 2024 12:00:00 +2", "Sat, 30 Nov 2024 12:00:00 +2500",
        "Sat, 30 Nov 2024 12:00:00 +020", "Sat, 30 Nov 2024 1200 GMT",
        "Sat, 30 Nov 2024 12:00:99999999999999999999999 GMT",
        "Sat, Nov 2024 12:00:00 GMT", "Sat, 30 Nov", "Sat", "Sa, 30 Nov 2024",
        "Caturday, 30 Nov 2024 12:00:00 GMT", "Nov 30 12:00:00", "Nov 30 12:00:00 24",
        "99999999999999999999999999-01-01", "2024-99999999999999999999999-01",
        "２０２４-11-30", "2024-11-30T12:00:00\u{00A0}Z", "\u{0}", "🗓️ 2024-11-30",
    ])
    func garbageAndOutOfRangeDatesGiveNil(text: String) {
        #expect(FeedDate.parse(text) == nil)
    }

    /// Every prefix of each form, with each byte in turn dropped or doubled:
    /// malformed input must give a date or nil, never a trap.
    @Test func mangledInputNeverCrashes() {
        let samples = [
            "Sat, 30 Nov 2024 12:00:00 -0800 (PST)",
            "2024-11-30T12:00:00.123456+05:30",
            "Sat Nov 30 12:00:00 UTC 2024",
            "2024-11-30 24:00:00 UTC",
        ]
        var parsed = 0
        for sample in samples {
            let bytes = Array(sample.utf8)
            for index in bytes.indices {
                var dropped = bytes
                dropped.remove(at: index)
                var doubled = bytes
                doubled.insert(bytes[index], at: index)
                var variants = [Array(bytes[..<index]), dropped, doubled]
                for digit in UInt8(ascii: "0")...UInt8(ascii: "9") {
                    var replaced = bytes
                    replaced[index] = digit
                    variants.append(replaced)
                }
                for variant in variants {
                    if let date = FeedDate.parse(String(decoding: variant, as: UTF8.self)) {
                        #expect(FeedDate.format(date).utf8.count == 20)
                        parsed += 1
                    }
                }
            }
        }
        #expect(parsed > 0)
    }

    // MARK: - Formatting

    @Test(arguments: [
        "1969-12-31T23:59:59Z", "2000-02-29T00:00:00Z", "1970-01-01T00:00:00Z",
        "1900-03-01T12:34:56Z", "1600-02-29T23:00:01Z", "2024-11-30T12:00:00Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
    ])
    func formatRoundTripsParse(text: String) {
        #expect(normalized(text) == text)
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (-86_400 * 365, "1969-01-01T00:00:00Z"),
        (1_732_968_000.999, "2024-11-30T12:00:00Z"),
        (-0.5, "1969-12-31T23:59:59Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"),
        (253_402_300_799.5, "9999-12-31T23:59:59Z"),
    ] as [(Double, String)])
    func formatTruncatesTowardThePast(interval: Double, expected: String) {
        #expect(FeedDate.format(Date(timeIntervalSince1970: interval)) == expected)
    }

    @Test(arguments: [
        (1e15, "9999-12-31T23:59:59Z"),
        (.infinity, "9999-12-31T23:59:59Z"),
        (-1e15, "0001-01-01T00:00:00Z"),
        (-.infinity, "0001-01-01T00:00:00Z"),
        (.nan, "1970-01-01T00:00:00Z"),
    ] as [(Double, String)])
    func formatClampsTimesOutsideFourDigitYears(interval: Double, expected: String) {
        #expect(FeedDate.format(Date(timeIntervalSince1970: interval)) == expected)
    }

    /// Checks the hand-written calendar against Foundation's for every day
    /// from 1583 (the first full Gregorian year) to 2500.
    @Test func calendarArithmeticAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var components = DateComponents()
        var days = FeedDate.days(fromYear: 1583, month: 1, day: 1)
        let last = FeedDate.days(fromYear: 2500, month: 12, day: 31)
        var mismatches = 0
        while days <= last {
            let (year, month, day) = FeedDate.civilDate(fromDays: days)
            if FeedDate.days(fromYear: year, month: month, day: day) != days { mismatches += 1 }
            // Foundation is slow; every 17th day still hits every month and leap day pattern.
            if days % 17 == 0 {
                components.year = year
                components.month = month
                components.day = day
                let date = try #require(calendar.date(from: components))
                if Int(date.timeIntervalSince1970) != days * 86_400 { mismatches += 1 }
            }
            days += 1
        }
        #expect(mismatches == 0)
    }
}
