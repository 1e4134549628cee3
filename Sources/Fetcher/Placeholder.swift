/// Placeholder until the Fetcher stage lands; replaced by its first real file.
enum FetcherStagePlaceholder {}
