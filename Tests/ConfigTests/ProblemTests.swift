import Foundation
import Testing
@testable import Config

/// Every message a mistake gets, exactly as `feedspool check` prints it.
@Suite struct ProblemTests {
    /// One line of feeds.conf and the one problem it must report (after `feeds.conf:1: `).
    static let mistakes: [(line: String, message: String)] = [
        // Lines
        (#"user-agent = "unclosed"#, "unterminated quote"),
        (#"https://example.org/feed exclude="title~x"#, "unterminated quote"),
        ("https://example.org/feed lwn", #"expected key=value after the URL, found "lwn""#),
        ("https://example.org/feed =lwn", #"expected key=value after the URL, found "=lwn""#),
        ("concurrency 4", #"missing "=" after "concurrency""#),
        ("lwn.net/headlines/rss", #"bad URL "lwn.net/headlines/rss" (use http://, https:// or file://)"#),
        ("hello", #"unknown line "hello" (expected a feed URL, key = value, include PATH or [section])"#),
        // URLs
        ("htp://x", #"bad URL "htp://x" (use http://, https:// or file://)"#),
        ("https://", #"bad URL "https://" (no host)"#),
        ("https://:8080/feed", #"bad URL "https://:8080/feed" (no host)"#),
        ("https://example.org:99999/feed", #"bad URL "https://example.org:99999/feed" (bad port "99999")"#),
        ("https://exa$mple.org/feed", #"bad URL "https://exa$mple.org/feed" (bad host "exa$mple.org")"#),
        (#"https://example.org/a"b"#, #"bad URL "https://example.org/a"b" (percent-encode " as %22)"#),
        ("file://feeds/blog.rss", #"bad URL "file://feeds/blog.rss" (use file:///absolute/path)"#),
        // Sections
        ("[global]", "unknown section [global] (use [defaults] or [host PATTERN])"),
        ("[host]", "[host] needs a pattern, e.g. [host *.example.org]"),
        ("[host *reddit.com]", #"bad host pattern "*reddit.com" (use a host name or *.domain)"#),
        ("[host example.org", #"missing "]" after "[""#),
        ("[host example.org] per-host = 1", #"unexpected "per-host = 1" after "]""#),
        // Includes
        ("include", "include needs a path, e.g. include feeds.conf.d/*.conf"),
        ("include = more.conf", #"write "include PATH", without "=""#),
        // Settings
        ("concurency = 16", #"unknown setting "concurency" (did you mean "concurrency"?)"#),
        ("Interval = 1h", #"unknown setting "Interval" (did you mean "interval"?)"#),
        ("colour = blue", #"unknown setting "colour""#),
        ("tags = news", #""tags" cannot be set globally; it is a feed option"#),
        ("interval =", #"missing value for "interval""#),
        ("interval = 30", #"bad interval "30" (use auto, or s, m, h, d or w, e.g. 30m)"#),
        ("interval = sometimes", #"bad interval "sometimes" (use auto, or s, m, h, d or w, e.g. 30m)"#),
        ("interval = 0m", #"bad interval "0m" (must be more than zero)"#),
        ("jitter = 150%", #"bad jitter "150%" (use a percentage from 0% to 50%, e.g. 10%)"#),
        ("jitter = 10", #"bad jitter "10" (use a percentage from 0% to 50%, e.g. 10%)"#),
        ("jitter = -5%", #"bad jitter "-5%" (use a percentage from 0% to 50%, e.g. 10%)"#),
        ("timeout = 5x", #"bad duration "5x" (use s, m, h, d or w, e.g. 30m)"#),
        ("keep-seen = 0d", #"bad duration "0d" (must be more than zero)"#),
        ("concurrency = 0", #"bad number "0" (use a whole number of at least 1)"#),
        ("max-size = 5MB", #"bad size "5MB" (use bytes, or k, M or G, e.g. 5M)"#),
        // Feed options
        ("https://lwn.net/rss intervall=30m", #"unknown option "intervall" (did you mean "interval"?)"#),
        ("https://lwn.net/rss color=red", #"unknown option "color""#),
        ("https://lwn.net/rss per-host=1", #""per-host" cannot be set on a feed; it is a global or [host] setting"#),
        ("https://lwn.net/rss keep-seen=1d", #""keep-seen" cannot be set on a feed; it is a global setting"#),
        ("https://lwn.net/rss name=a name=b", #"duplicate option "name""#),
        ("https://lwn.net/rss name=", #"missing value for "name""#),
        (#"https://lwn.net/rss name="" "#, #"missing value for "name""#),
        ("https://lwn.net/rss name=lwn/rss", #"bad name "lwn/rss" (use letters, digits, ".", "_" and "-", not first "." or "-")"#),
        ("https://lwn.net/rss name=-lwn", #"bad name "-lwn" (use letters, digits, ".", "_" and "-", not first "." or "-")"#),
        ("https://lwn.net/rss interval=5x", #"bad interval "5x" (use auto, or s, m, h, d or w, e.g. 30m)"#),
        ("https://lwn.net/rss fulltext=true", #"bad value "true" (use yes or no)"#),
        ("https://lwn.net/rss jitter=0.1", #"bad jitter "0.1" (use a percentage from 0% to 50%, e.g. 10%)"#),
        ("https://lwn.net/rss tags=,", #"bad tags "," (use a comma-separated list, e.g. news,linux)"#),
        ("https://lwn.net/rss exclude=(?i)sponsored",
         #"bad filter "(?i)sponsored" in exclude (use FIELD~REGEX, FIELD one of title, link, author, category, content)"#),
        ("https://lwn.net/rss include=titel~x",
         #"bad filter "titel~x" in include (use FIELD~REGEX, FIELD one of title, link, author, category, content)"#),
        ("https://lwn.net/rss include=title~", #"bad filter "title~" in include (the regex is empty)"#),
        ("https://lwn.net/rss exclude=title~(sponsored", #"bad regex in exclude: expected ')' in "(sponsored""#),
    ]

    @Test(arguments: mistakes)
    func eachMistakeIsReportedWithItsFileAndLine(line: String, message: String) throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: line + "\n") == ["feeds.conf:1: \(message)"])
    }

    @Test func aLongLineIsQuotedOnlyAsFarAsItsFirst200Characters() throws {
        let folder = try ConfigFolder()
        let word = "lwn.net/" + String(repeating: "a", count: 3000)
        #expect(try folder.problems(text: word + "\n")
            == ["feeds.conf:1: bad URL \"\(word.prefix(200))…\" (use http://, https:// or file://)"])
    }

    @Test func aLineOver4096BytesIsRefusedUnquoted() throws {
        let folder = try ConfigFolder()
        let line = "https://example.org/" + String(repeating: "a", count: 5000) + " intervall=1h"
        #expect(try folder.problems(text: "https://lwn.net/rss\n" + line + "\n")
            == ["feeds.conf:2: line longer than 4096 bytes, not read"])
    }

    @Test func aLineWithANULIsAnErrorNotACutPath() throws {
        let folder = try ConfigFolder()
        _ = try folder.write("a", "https://example.org/a.xml\n")
        #expect(try folder.problems(text: "include a\u{0}junk\nhttps://lwn.net/rss\n")
            == ["feeds.conf:1: NUL byte in the line"])
    }

    @Test func settingsThatAreNotHostSettingsAreReportedInAHostSection() throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: """
            [host example.org]
            concurrency = 2
            fulltext = yes
            per-hots = 1
            """) == [
                #"feeds.conf:2: "concurrency" cannot be set in a [host] section; it is a global setting"#,
                #"feeds.conf:3: "fulltext" cannot be set in a [host] section; it is a feed option"#,
                #"feeds.conf:4: unknown setting "per-hots" (did you mean "per-host"?)"#,
            ])
    }

    @Test func aSettingGivenTwiceInOneScopeIsAnError() throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: """
            interval = 1h
            [host example.org]
            interval = 2h
            [defaults]
            interval = 3h
            [host example.org]
            """) == [
                "feeds.conf:5: duplicate setting \"interval\" (first at feeds.conf:1)",
                "feeds.conf:6: duplicate section [host example.org] (first at feeds.conf:2)",
            ])
    }

    @Test func theSameURLTwiceIsAnError() throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: """
            https://lwn.net/headlines/rss name=lwn
            https://LWN.net/headlines/rss name=lwn2
            """) == [#"feeds.conf:2: duplicate feed URL "https://LWN.net/headlines/rss" (first at feeds.conf:1)"#])
    }

    @Test func settingsUnderABadSectionAreSkippedNotReportedToo() throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: "[hots example.org]\nper-host = 1\nbogus = 2\n") == [
            "feeds.conf:1: unknown section [hots example.org] (use [defaults] or [host PATTERN])",
        ])
    }

    @Test func aFileWithSeveralMistakesReportsEveryOneInLineOrder() throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: """
            # feeds
            spool = spool
            concurency = 16
            interval = 5x
            https://lwn.net/headlines/rss  name=lwn intervall=30m
            https://example.org/feed.xml name=lwn exclude="title~(?i)sponsored
            htp://x
            https://example.org/other.xml fulltext=maybe tags=a exclude=body~ads
            """) == [
                #"feeds.conf:3: unknown setting "concurency" (did you mean "concurrency"?)"#,
                #"feeds.conf:4: bad interval "5x" (use auto, or s, m, h, d or w, e.g. 30m)"#,
                #"feeds.conf:5: unknown option "intervall" (did you mean "interval"?)"#,
                "feeds.conf:6: unterminated quote",
                #"feeds.conf:7: bad URL "htp://x" (use http://, https:// or file://)"#,
                #"feeds.conf:8: bad value "maybe" (use yes or no)"#,
                #"feeds.conf:8: bad filter "body~ads" in exclude (use FIELD~REGEX, FIELD one of title, link, author, category, content)"#,
            ])
    }

    @Test func aLineThatIsNotUTF8IsReported() throws {
        let folder = try ConfigFolder()
        try Data([0x23, 0x0A, 0x68, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: folder.path + "/feeds.conf"))
        #expect(folder.problems() == ["feeds.conf:2: not UTF-8 text"])
    }

    @Test func aMissingMainFileIsOneProblemWithoutALine() throws {
        let folder = try ConfigFolder()
        let problems = folder.problems("nothing.conf")
        #expect(problems == ["nothing.conf: cannot read: No such file or directory"])
    }

    @Test func theErrorListsOneProblemPerLine() {
        let error = ConfigError(problems: [
            ConfigProblem(at: ConfigLocation(file: "feeds.conf", line: 12), "bad URL \"htp://x\""),
            ConfigProblem(file: "feeds.conf", line: nil, message: "not UTF-8 text"),
        ])
        #expect(error.description == "feeds.conf:12: bad URL \"htp://x\"\nfeeds.conf: not UTF-8 text")
    }
}
