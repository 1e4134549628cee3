import Testing
@testable import Config

/// Placeholder until the first real suite lands; delete it then.
@Suite struct ConfigPlaceholderTests {
    @Test func moduleBuilds() {
        #expect(String(describing: ConfigStagePlaceholder.self) == "ConfigStagePlaceholder")
    }
}
