/// `yyyy-MM-dd'T'HH:mm:ss.SSS` followed by a zone suffix (`Z`, `+0100`), worked out by integer arithmetic so that
/// every simulator answers with the same text for the same instant on any machine and in any locale.
enum WireTimestamp {
    /// `milliseconds` since 1970 shown at `offsetSeconds` from UTC, followed by `suffix`.
    static func format(_ milliseconds: Int64, offsetSeconds: Int = 0, suffix: String) -> String {
        let seconds = floorDivide(milliseconds, 1000)
        let local = seconds + Int64(offsetSeconds)
        let days = floorDivide(local, 86_400)
        let secondOfDay = local - days * 86_400
        let (year, month, day) = civilDate(daysSince1970: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(Int(secondOfDay / 3600), 2)):"
            + "\(pad(Int(secondOfDay % 3600 / 60), 2)):\(pad(Int(secondOfDay % 60), 2))."
            + "\(pad(Int(milliseconds - seconds * 1000), 3))\(suffix)"
    }

    /// `+hhmm` or `-hhmm`.
    static func numericOffset(_ offsetSeconds: Int) -> String {
        let absolute = abs(offsetSeconds)
        return (offsetSeconds < 0 ? "-" : "+") + pad(absolute / 3600, 2) + pad(absolute % 3600 / 60, 2)
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
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

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
