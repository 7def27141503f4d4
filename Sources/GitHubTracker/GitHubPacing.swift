import Trackers

/// GitHub's secondary rate limits for content-generating requests (every POST, PATCH, PUT and DELETE): no more
/// than 80 a minute and 500 an hour. Writes are paced under both, so a large push is never throttled: one a second
/// after a burst of 20 (GitHub's own advice is a second between writes), and at most 450 an hour after a burst of
/// 50. Reads are not paced; their primary limit is reported and waited out by the HTTP client.
enum GitHubPacing {
    static func pacer(clock: any PacerClock = ContinuousPacerClock()) -> RequestPacer {
        RequestPacer(rules: [
            .fitting(name: "github-content-minute", limit: 80, per: .seconds(60), utilisation: 0.75, burst: 20,
                     applies: isContentGenerating),
            .fitting(name: "github-content-hour", limit: 500, per: .seconds(3600), utilisation: 0.9, burst: 50,
                     applies: isContentGenerating),
        ], clock: clock)
    }

    @Sendable static func isContentGenerating(_ request: HTTPRequestSpec) -> Bool {
        ["POST", "PATCH", "PUT", "DELETE"].contains(request.method)
    }
}
