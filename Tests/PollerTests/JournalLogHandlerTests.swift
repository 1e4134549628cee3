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
        #expect(handler.line(level: .warning, message: "kept", metadata: nil) == "<4>kept")
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
        #expect(lines.all == ["<4>one\n", "<3>feeds.conf:1: two\n"])
    }
}

/// The lines a handler wrote.
final class LineCollector: Sendable {
    private let lines = Mutex<[String]>([])
    @Sendable func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
