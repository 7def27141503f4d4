/// One request budget a tracker publishes, as a pacer spends it: requests leave evenly, one every `spacing`, and
/// after a quiet spell up to `burst` may leave at once. Over any window `w` at most `burst + w / spacing` requests
/// go, which is how a rule is fitted under a published limit (see `fitting`).
public struct PacingRule: Sendable {
    /// For messages and tests: `trello-token`, `github-writes`.
    public let name: String
    public let spacing: Duration
    public let burst: Int
    /// The requests this rule counts; nil counts every request.
    public let applies: (@Sendable (HTTPRequestSpec) -> Bool)?

    public init(name: String, spacing: Duration, burst: Int, applies: (@Sendable (HTTPRequestSpec) -> Bool)? = nil) {
        precondition(spacing > .zero && burst >= 1, "a pacing rule needs a positive spacing and a burst of at least 1")
        self.name = name
        self.spacing = spacing
        self.burst = burst
        self.applies = applies
    }

    /// A rule that keeps under "`limit` requests in any `window`": requests flow at `utilisation` of the limit's rate,
    /// and the burst fits in what that leaves, so `burst + utilisation × limit ≤ limit` holds for every window even
    /// when the tracker counts a sliding one. What is left over absorbs requests arriving closer together than they
    /// were sent.
    public static func fitting(
        name: String, limit: Int, per window: Duration, utilisation: Double, burst: Int,
        applies: (@Sendable (HTTPRequestSpec) -> Bool)? = nil
    ) -> PacingRule {
        precondition(utilisation > 0 && utilisation <= 1, "utilisation is a share of the limit")
        precondition(Double(burst) + utilisation * Double(limit) <= Double(limit), "the burst must fit in what the rate leaves")
        let spacing = window / (Double(limit) * utilisation)
        return PacingRule(name: name, spacing: spacing, burst: burst, applies: applies)
    }

    func counts(_ spec: HTTPRequestSpec) -> Bool { applies?(spec) ?? true }
}
