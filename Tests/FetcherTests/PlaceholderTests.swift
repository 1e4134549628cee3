import Testing
@testable import Fetcher

/// Placeholder until the first real suite lands; delete it then.
@Suite struct FetcherPlaceholderTests {
    @Test func moduleBuilds() {
        #expect(String(describing: FetcherStagePlaceholder.self) == "FetcherStagePlaceholder")
    }
}
