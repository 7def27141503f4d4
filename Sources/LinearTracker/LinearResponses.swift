import Foundation
import JSON
import Trackers

/// Linear's "not now" answers for the shared HTTP client: a 429, or a `RATELIMITED` error in the body of a 200 or
/// 400 (Linear's usual way), waited out until the reset its headers give (`X-RateLimit-Requests-Reset`,
/// `X-RateLimit-Complexity-Reset`, epoch milliseconds) or `Retry-After`. Rate-limited requests were not carried out,
/// so any request may be sent again.
enum LinearResponses {
    static let classify: ResponseClassifier = { response in
        if let verdict = RetryPolicy.standardVerdict(response), response.status != 429 { return verdict }
        guard response.status == 429 || (response.status == 400 || response.status == 200) && mentionsRateLimit(response.body) else {
            return nil
        }
        if response.status != 429 {
            let entries = LinearErrorReading.entries(try? JSONValue(parsing: response.body))
            guard entries.contains(where: \.isRateLimit) else { return nil }
        }
        return RetryVerdict(wait: wait(response), mayHaveTakenEffect: false)
    }

    /// A cheap look before parsing: only bodies that mention the limit are read as JSON here.
    private static func mentionsRateLimit(_ body: [UInt8]) -> Bool {
        let needles = [Array("RATELIMITED".utf8), Array("ratelimited".utf8), Array("usage limit exceeded".utf8)]
        guard body.count < 64 * 1024 else { return false }
        return needles.contains { needle in
            body.indices.contains { start in body[start...].starts(with: needle) }
        }
    }

    /// How long Linear asks for: `Retry-After`, else until the reset of whichever budget is spent.
    static func wait(_ response: HTTPResponseData, now: Date = Date()) -> Duration? {
        if let seconds = response.header("retry-after").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            return .seconds(max(0, seconds))
        }
        let budget = LinearBudget(response)
        guard let reset = budget.spentReset else { return nil }
        let milliseconds = max(0, reset - Int64(now.timeIntervalSince1970 * 1000))
        return .milliseconds(milliseconds)
    }
}
