import Foundation

/// The primary rate limit's budget and its `x-ratelimit-*` headers (resource `core`).
struct GitHubRateLimit: Sendable {
    static let limit = 5000
    static let window = 3600

    private(set) var remaining = limit
    private(set) var resetAt = Int(Date().timeIntervalSince1970) + window

    mutating func isExhausted() -> Bool {
        refillIfDue()
        return remaining <= 0
    }

    mutating func spend() {
        refillIfDue()
        remaining = max(0, remaining - 1)
    }

    mutating func set(remaining: Int, resetInSeconds: Int?) {
        self.remaining = max(0, min(Self.limit, remaining))
        if let resetInSeconds { resetAt = Int(Date().timeIntervalSince1970) + resetInSeconds }
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
    private mutating func refillIfDue() {
        let now = Int(Date().timeIntervalSince1970)
        guard now >= resetAt else { return }
        remaining = Self.limit
        resetAt = now + Self.window
    }
}
