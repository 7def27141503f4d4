import Foundation

/// Trello's times: milliseconds since 1970 in the store, `2026-11-25T10:39:38.123Z` (UTC) on the wire; `since` and
/// `before` also take `2026-11-25`, a time without milliseconds, or an object id.
enum TrelloTime {
    static func nowMilliseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    static func format(_ milliseconds: Int64) -> String { WireTimestamp.format(milliseconds, suffix: "Z") }

    /// An instant given as a date, a date and time (any ISO 8601 offset, fraction optional) or an object id (its
    /// creation second); nil when it is none of those.
    static func parse(_ text: String) -> Int64? {
        if TrelloObjectIDs.isObjectID(text), let seconds = Int64(text.prefix(8), radix: 16) { return seconds * 1000 }
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return milliseconds(date) }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return milliseconds(date) }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text).map(milliseconds)
    }

    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
