import Testing
@testable import Config

/// `exec`, `exec-timeout`, `exec-keep` and `exec-concurrency`: a command run
/// for each new article, set globally or per feed.
@Suite struct ExecOptionTests {
    @Test func aFeedsOwnExecWinsOverTheGlobalOneAndNoneTurnsItOff() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            exec = notify --urgent
            exec-timeout = 2m
            exec-concurrency = 2
            https://example.org/a.xml name=global
            https://example.org/b.xml name=own exec="archive --into 'read later'" exec-keep=yes exec-timeout=10s
            https://example.org/c.xml name=off exec=none
            """)
        #expect(config.globals.execConcurrency == 2)
        #expect(config.feeds[0].hook == FeedHook(command: HookCommand(words: ["notify", "--urgent"]), timeout: .seconds(120)))
        #expect(config.feeds[1].hook == FeedHook(command: HookCommand(words: ["archive", "--into", "read later"]),
                                                 timeout: .seconds(10), keep: true))
        #expect(config.feeds[2].hook == nil)
    }

    @Test func withoutExecNoFeedHasAHookAndFourRunAtOnce() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: "exec-timeout = 5s\nhttps://example.org/a.xml\n")
        #expect(config.feeds[0].hook == nil)
        #expect(config.globals.execConcurrency == 4)
    }

    @Test func aProgramPathResolvesAgainstTheFilesFolderAndAPlainNameStaysForPATH() throws {
        let folder = try ConfigFolder()
        let config = try folder.load(text: """
            https://example.org/a.xml name=relative exec=hooks/../bin/hook.sh
            https://example.org/b.xml name=plain exec=jq
            """)
        #expect(config.feeds[0].hook?.command.words == [folder.path + "/bin/hook.sh"])
        #expect(config.feeds[1].hook?.command.words == ["jq"])
    }

    @Test func commandsSplitLikeAShellWordListWithoutExpanding() throws {
        let cases: [(String, [String])] = [
            ("cmd  a\tb", ["cmd", "a", "b"]),
            ("cmd 'a b' c", ["cmd", "a b", "c"]),
            (#"cmd "a 'b' \"c\"""#, ["cmd", #"a 'b' "c""#]),
            (#"cmd a\ b"#, ["cmd", "a b"]),
            ("cmd pre'fix' x'' ''", ["cmd", "prefix", "x", ""]),
            ("cmd $HOME ~ * |", ["cmd", "$HOME", "~", "*", "|"]),
            (#"cmd 'it'\''s'"#, ["cmd", "it's"]),
        ]
        for (text, words) in cases {
            #expect(try HookCommand.words(of: text) == words, "\(text)")
        }
    }

    @Test func wordsPrintedBackSplitIntoTheSameWords() throws {
        let words = ["cmd", "a b", "it's", "", "plain-word", "$x"]
        let printed = HookCommand(words: words).description
        #expect(printed == #"cmd 'a b' 'it'\''s' '' plain-word '$x'"#)
        #expect(try HookCommand.words(of: printed) == words)
    }

    @Test func execWithARedisSinkIsAnErrorOnEachExecLine() throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: """
            exec = notify
            sink = redis://127.0.0.1:6379
            https://example.org/a.xml exec=archive
            https://example.org/b.xml exec=none
            """) == [
                "feeds.conf:1: exec needs the spool, but sink (feeds.conf:2) is a Redis stream",
                "feeds.conf:3: exec needs the spool, but sink (feeds.conf:2) is a Redis stream",
            ])
    }

    @Test func badValuesAndPlacesAreReportedWithTheirLine() throws {
        let folder = try ConfigFolder()
        #expect(try folder.problems(text: """
            exec-timeout = soon
            exec-concurrency = 0
            [host example.org]
            exec = notify
            [defaults]
            https://example.org/a.xml exec="notify 'unclosed"
            https://example.org/b.xml exec=" " exec-keep=maybe
            https://example.org/c.xml exec-concurrency=3
            """) == [
                #"feeds.conf:1: bad duration "soon" (use s, m, h, d or w, e.g. 30m)"#,
                #"feeds.conf:2: bad number "0" (use a whole number of at least 1)"#,
                #"feeds.conf:4: "exec" cannot be set in a [host] section; it is a global setting or feed option"#,
                "feeds.conf:6: bad exec command (unterminated single quote)",
                "feeds.conf:7: bad exec command (empty; use a program and its arguments, or none)",
                #"feeds.conf:7: bad value "maybe" (use yes or no)"#,
                #"feeds.conf:8: "exec-concurrency" cannot be set on a feed; it is a global setting"#,
            ])
    }
}
