import InMemoryLogging
import Logging
import Poller
import Synchronization
import Testing

/// The one handler that writes `feedspool run`'s lines: the program name on
/// a terminal or in a file, the syslog priority on the journal's stream.
@Suite struct JournalLogHandlerTests {
    @Test func plainLinesCarryTheProgramNameWhateverTheirLevel() {
        let handler = JournalLogHandler(journal: false) { _ in }
        #expect(handler.line(level: .error, message: "lwn: HTTP 503", metadata: nil) == "feedspool: lwn: HTTP 503")
        #expect(handler.line(level: .info, message: "polled 1 feed", metadata: nil) == "feedspool: polled 1 feed")
    }

    @Test func journalLinesStartWithTheirPriority() {
        let handler = JournalLogHandler(journal: true) { _ in }
        #expect(handler.line(level: .error, message: "lwn: HTTP 503", metadata: nil) == "<3>lwn: HTTP 503")
        #expect(handler.line(level: .warning, message: "kept", metadata: nil) == "<4>warning: kept")
        #expect(handler.line(level: .info, message: "polled 1 feed", metadata: nil) == "<6>polled 1 feed")
    }

    @Test func aConfigurationProblemReadsFileColonLineWithoutTheProgramName() {
        let form: Logger.Metadata = [Logger.formKey: Logger.fileLineForm]
        let plain = JournalLogHandler(journal: false) { _ in }
        let journal = JournalLogHandler(journal: true) { _ in }
        #expect(plain.line(level: .error, message: "feeds.conf:3: bad", metadata: form) == "feeds.conf:3: bad")
        #expect(journal.line(level: .error, message: "feeds.conf:3: bad", metadata: form) == "<3>feeds.conf:3: bad")
    }

    @Test func eachEventIsWrittenAsOneLine() {
        let lines = LineCollector()
        let logger = Logger(label: "feedspool") { _ in JournalLogHandler(journal: true, write: lines.add) }
        logger.warning("one")
        logger.problem("feeds.conf:1: two")
        #expect(lines.all == ["<4>warning: one\n", "<3>feeds.conf:1: two\n"])
    }

    @Test func aWarningIsLabelledByTheHandlerNotByItsMessage() {
        let plain = JournalLogHandler(journal: false) { _ in }
        #expect(plain.line(level: .warning, message: "lwn: recovered", metadata: nil) == "feedspool: warning: lwn: recovered")
        #expect(plain.line(level: .warning, message: "lwn: gone", metadata: Logger.unlabelled) == "feedspool: lwn: gone")
        let journal = JournalLogHandler(journal: true) { _ in }
        #expect(journal.line(level: .warning, message: "lwn: gone", metadata: Logger.unlabelled) == "<4>lwn: gone")
        #expect(journal.line(level: .error, message: "lwn: HTTP 503", metadata: Logger.unlabelled) == "<3>lwn: HTTP 503")
    }

    @Test func aRecoveredFeedIsLoggedAsAWarningWhoseMessageCarriesNoLevel() {
        let logs = InMemoryLogHandler()
        let logger = Logger(label: "feedspool") { _ in logs }
        PollOutcome.delivered(articles: 2, warning: "recovered from broken XML: line 3").log(feed: "pkg", to: logger)
        PollOutcome.failed("HTTP 500").log(feed: "flaky", to: logger)
        #expect(logs.entries.map(\.level) == [.warning, .error])
        #expect(logs.entries.map(\.message.description) == ["pkg: recovered from broken XML: line 3", "flaky: HTTP 500"])
        #expect(!logs.entries.contains { $0.message.description.hasPrefix("warning:") })
    }
}

/// The lines a handler wrote.
final class LineCollector: Sendable {
    private let lines = Mutex<[String]>([])
    @Sendable func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
