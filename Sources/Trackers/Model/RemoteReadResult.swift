public struct RemoteReadResult: Sendable {
    /// Changed tracked items and matching untracked candidates, each key once.
    public var items: [RemoteItem]
    /// Number of HTTP requests the read took (for `--json` and benchmarks).
    public var requestCount: Int

    public init(items: [RemoteItem], requestCount: Int) {
        self.items = items
        self.requestCount = requestCount
    }
}
