/// A tracker's reading of an answer that means "not now" rather than "no": how long to wait, and whether the
/// request may already have taken effect (then only an idempotent request is sent again).
public struct RetryVerdict: Sendable, Equatable {
    /// The wait the tracker asked for; nil backs off exponentially.
    public var wait: Duration?
    public var mayHaveTakenEffect: Bool

    public init(wait: Duration?, mayHaveTakenEffect: Bool) {
        self.wait = wait
        self.mayHaveTakenEffect = mayHaveTakenEffect
    }
}

/// Reads a response, body included (GraphQL reports rate limits in a 200's `errors`, GitHub's secondary limit is a
/// 403 whose body says so, Trello's 429 names the limit). nil: a final answer for the tracker to judge.
public typealias ResponseClassifier = @Sendable (HTTPResponseData) -> RetryVerdict?
