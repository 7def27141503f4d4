import Foundation

/// The primary rate limit's budget and its `x-ratelimit-*` headers (resource `core`).
struct GitHubRateLimit: Sendable {
    static let limit = 5000
    static let window = 3600

    private(set) var remaining = limit
    private(set) var resetAt: Int

    /// A full budget whose window ends an hour after `now` (seconds since 1970, the simulated clock).
    init(now: Int) {
        resetAt = now + Self.window
    }

    mutating func isExhausted(now: Int) -> Bool {
        refillIfDue(now: now)
        return remaining <= 0
    }

    mutating func spend(now: Int) {
        refillIfDue(now: now)
        remaining = max(0, remaining - 1)
    }

    mutating func set(remaining: Int, resetInSeconds: Int?, now: Int) {
        self.remaining = max(0, min(Self.limit, remaining))
        if let resetInSeconds { resetAt = now + resetInSeconds }
    }

    var headers: [(String, String)] {
        [
            ("x-ratelimit-limit", String(Self.limit)),
            ("x-ratelimit-remaining", String(remaining)),
            ("x-ratelimit-reset", String(resetAt)),
            ("x-ratelimit-used", String(Self.limit - remaining)),
            ("x-ratelimit-resource", "core"),
        ]
    }

    /// A new window starts with a full budget once the reset time has passed, as on GitHub.
    private mutating func refillIfDue(now: Int) {
        guard now >= resetAt else { return }
        remaining = Self.limit
        resetAt = now + Self.window
    }
}
