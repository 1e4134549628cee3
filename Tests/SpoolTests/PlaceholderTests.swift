import Testing
@testable import Spool

/// Placeholder until the first real suite lands; delete it then.
@Suite struct SpoolPlaceholderTests {
    @Test func moduleBuilds() {
        #expect(String(describing: SpoolStagePlaceholder.self) == "SpoolStagePlaceholder")
    }
}
