import Foundation
import Testing

/// The files in `systemd/` that install feedspool as a service: the units
/// pass `systemd-analyze verify` (when the machine has it), and the
/// example `/etc/feedspool/feeds.conf` checks clean and writes where the
/// system unit's sandbox allows.
@Suite struct SystemdUnitTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("systemd")
    static let analyzer = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: analyzer != nil, "systemd-analyze is not installed: the unit files were not verified"),
          arguments: [("feedspool.service", false), ("feedspool-user.service", true)])
    func theUnitPassesSystemdAnalyzeVerify(unit: String, user: Bool) async throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(unit), encoding: .utf8)
        #expect(text.contains("\nType=notify\n"))
        // A reload checks the file first (a broken one fails `systemctl
        // reload`), then signals with the shell's kill: /bin/kill is procps'.
        #expect(text.contains("\nExecReload=/usr/local/bin/feedspool check --config "))
        #expect(text.contains("\nExecReload=/bin/sh -c 'kill -HUP \"$$MAINPID\"'\n"))
        #expect(!text.contains("ExecReload=/bin/kill"))
        // verify wants ExecStart's program to exist: the copy runs the one just built.
        let binary = "/usr/local/bin/feedspool run --config "
        #expect(text.contains("\nExecStart=\(binary)"))
        let folder = try TemporaryFolder()
        let copy = try folder.write(unit, text.replacingOccurrences(of: "/usr/local/bin/feedspool ", with: CommandRunner.binary.path + " "))
        // A user manager needs a runtime folder, which a test machine's
        // session may not have.
        let runtime = folder.url.appendingPathComponent("runtime")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        let result = try await CommandRunner.run(
            ["verify"] + (user ? ["--user"] : []) + [copy],
            environment: ["XDG_RUNTIME_DIR": runtime.path],
            executable: URL(fileURLWithPath: try #require(Self.analyzer)), mergingErrors: true)
        // verify exits 0 on unknown keys and bad values too, and only says so.
        #expect(result.status == 0)
        #expect(result.stdout == "")
    }

    /// Dispatch sets each worker thread's nice value with setpriority(2),
    /// which `@resources` holds; refused, it logs a line in the journal at
    /// every start, reload, round and stop (docs/daemon.md).
    @Test(arguments: ["feedspool.service", "feedspool-user.service"])
    func theSystemCallFilterAllowsSetpriorityAfterDenyingResources(unit: String) async throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(unit), encoding: .utf8)
        let filters = text.split(separator: "\n").filter { $0.hasPrefix("SystemCallFilter=") }
        #expect(filters == ["SystemCallFilter=@system-service", "SystemCallFilter=~@privileged @resources",
                            "SystemCallFilter=setpriority"])
        #expect(text.contains("\nLimitNICE=-4\n") == (unit == "feedspool.service"))
    }

    /// The daemon pings the watchdog (`WATCHDOG=1`); both units give it a timeout above
    /// twice the default transfer timeout, so a round's slowest feed never trips it.
    @Test(arguments: ["feedspool.service", "feedspool-user.service"])
    func theUnitSetsAWatchdog(unit: String) async throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(unit), encoding: .utf8)
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("WatchdogSec=") }
        #expect(lines == ["WatchdogSec=3min"])
        #expect(text.contains("\nRestart=on-failure\n"))
    }

    @Test func theSystemConfigurationChecksCleanAndWritesInTheStateDirectory() async throws {
        let path = Self.folder.appendingPathComponent("feeds.conf").path
        let result = try await CommandRunner.run(["check", "--config", path])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let unit = try String(contentsOf: Self.folder.appendingPathComponent("feedspool.service"), encoding: .utf8)
        #expect(unit.contains("\nStateDirectory=feedspool\n"))
        #expect(unit.contains("\nExecStart=/usr/local/bin/feedspool run --config /etc/feedspool/feeds.conf\n"))
        let conf = try String(contentsOfFile: path, encoding: .utf8)
        #expect(conf.contains("\nspool = /var/lib/feedspool/spool\n"))
        #expect(conf.contains("\nstate = /var/lib/feedspool/state\n"))
    }
}
