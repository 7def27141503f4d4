import Foundation

/// Trello's times: `2026-11-25T10:39:38.123Z`, always UTC with milliseconds.
enum TrelloTime {
    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The creation time an object id carries, as the work items write times (`2026-11-25T10:39:38Z`).
    static func created(fromID id: String) -> String? {
        guard let seconds = TrelloKeys.creationSeconds(ofID: id) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
