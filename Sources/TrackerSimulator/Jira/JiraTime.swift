import Foundation

/// Jira's timestamps: milliseconds since 1970 in the store, `2026-11-25T11:39:38.123+0100` on the wire. Jira
/// Cloud writes them in the requesting user's time zone, so the offset is the user's, not always `+0000`.
enum JiraTime {
    /// `yyyy-MM-dd'T'HH:mm:ss.SSSZ` in `zone`.
    static func format(_ milliseconds: Int64, in zone: TimeZone) -> String {
        let seconds = floorDivide(milliseconds, 1000)
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let local = seconds + Int64(offset)
        let days = floorDivide(local, 86_400)
        let secondOfDay = local - days * 86_400
        let (year, month, day) = civilDate(daysSince1970: days)
        let sign = offset < 0 ? "-" : "+"
        let absolute = abs(offset)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(Int(secondOfDay / 3600), 2)):"
            + "\(pad(Int(secondOfDay % 3600 / 60), 2)):\(pad(Int(secondOfDay % 60), 2))."
            + "\(pad(Int(milliseconds - seconds * 1000), 3))\(sign)\(pad(absolute / 3600, 2))\(pad(absolute % 3600 / 60, 2))"
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

    /// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar.
    private static func civilDate(daysSince1970 days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
