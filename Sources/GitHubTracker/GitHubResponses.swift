import Trackers

/// GitHub's "not now" answers: the shared ones, plus the secondary rate limit, a 403 whose body says so and that
/// often carries no `Retry-After` (GitHub then asks clients to wait at least a minute).
enum GitHubResponses {
    static let secondaryLimitWait: Duration = .seconds(60)

    static func classify(_ response: HTTPResponseData) -> RetryVerdict? {
        if let verdict = RetryPolicy.standardVerdict(response) { return verdict }
        if isSecondaryRateLimit(response) {
            return RetryVerdict(wait: RetryPolicy.serverWait(response) ?? secondaryLimitWait, mayHaveTakenEffect: false)
        }
        return nil
    }

    static func isSecondaryRateLimit(_ response: HTTPResponseData) -> Bool {
        guard response.status == 403 || response.status == 429 else { return false }
        return String(decoding: response.body.prefix(4096), as: UTF8.self).lowercased().contains("secondary rate limit")
    }
}
