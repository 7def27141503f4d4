import Foundation

/// Trello's times: `2026-11-25T10:39:38.123Z`, always UTC with milliseconds.
enum TrelloTime {
    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Whether `time` is no later than `other`. Trello writes every time in one shape, fixed-width, so two of that
    /// shape compare as text; anything else is not known to be earlier (nil).
    static func isNoLater(_ time: String, than other: String) -> Bool? {
        guard hasTrelloShape(time), hasTrelloShape(other) else { return nil }
        return time <= other
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    private static func hasTrelloShape(_ time: String) -> Bool {
        let bytes = Array(time.utf8)
        guard bytes.count == 24 else { return false }
        let separators: [Int: UInt8] = [4: 0x2D, 7: 0x2D, 10: 0x54, 13: 0x3A, 16: 0x3A, 19: 0x2E, 23: 0x5A]
        return bytes.indices.allSatisfy { index in
            separators[index].map { bytes[index] == $0 } ?? (0x30...0x39).contains(bytes[index])
        }
    }

    /// The creation time an object id carries, as the work items write times (`2026-11-25T10:39:38Z`).
    static func created(fromID id: String) -> String? {
        guard let seconds = TrelloKeys.creationSeconds(ofID: id) else { return nil }
        // The format style, not ISO8601DateFormatter: one is made per card, and the formatter's set-up is ICU's.
        return Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(.iso8601)
    }
}
