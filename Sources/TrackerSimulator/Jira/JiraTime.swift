import Foundation

/// Jira's timestamps: milliseconds since 1970 in the store, `2026-11-25T11:39:38.123+0100` on the wire. Jira
/// Cloud writes them in the requesting user's time zone, so the offset is the user's, not always `+0000`.
enum JiraTime {
    /// `yyyy-MM-dd'T'HH:mm:ss.SSSZ` in `zone`.
    static func format(_ milliseconds: Int64, in zone: TimeZone) -> String {
        let seconds = WireTimestamp.floorDivide(milliseconds, 1000)
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return WireTimestamp.format(milliseconds, offsetSeconds: offset, suffix: WireTimestamp.numericOffset(offset))
    }

    /// The instant a wall-clock time in `zone` names (the earlier one when clocks go back).
    static func instant(year: Int, month: Int, day: Int, hour: Int, minute: Int, in zone: TimeZone) -> Int64? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return Int64(date.timeIntervalSince1970) * 1000
    }

    /// Midnight at the start of the day `milliseconds` falls on, in `zone`.
    static func startOfDay(_ milliseconds: Int64, in zone: TimeZone) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let date = Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
        return Int64(calendar.startOfDay(for: date).timeIntervalSince1970) * 1000
    }
}
