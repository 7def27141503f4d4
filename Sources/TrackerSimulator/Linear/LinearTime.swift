import Foundation

/// Linear's timestamps: ISO 8601 in UTC with milliseconds (`2026-11-25T10:00:00.123Z`), and the `DateTimeOrDuration`
/// filter values (a timestamp, or an ISO 8601 duration such as `-P2W` counted from now).
enum LinearTime {
    static func format(_ milliseconds: Int64) -> String {
        let seconds = milliseconds.dividedRoundingDown(by: 1000)
        let millis = Int(milliseconds - seconds * 1000)
        let days = seconds.dividedRoundingDown(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civil(fromDays: days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month, day, secondOfDay / 3600,
                      secondOfDay / 60 % 60, secondOfDay % 60, millis)
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's civil_from_days): no calendar object
    /// per timestamp, which rendering thousands of issues would otherwise pay for.
    private static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = z.dividedRoundingDown(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// A timestamp (`2026-11-25T10:00:00Z`, with or without fraction or offset, or a date) or a duration relative to
    /// `now`; nil when it is neither. Read by hand: a filter compares every issue with it, and a date formatter per
    /// comparison cost seconds on ten thousand issues.
    static func parse(_ text: String, now: Int64) -> Int64? {
        if text.hasPrefix("P") || text.hasPrefix("-P") || text.hasPrefix("+P") { return duration(text).map { now + $0 } }
        let c = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= c.count else { return nil }
            var value = 0
            for byte in c[from..<from + count] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), c.count >= 10, c[4] == UInt8(ascii: "-"), let month = number(5, 2), c[7] == UInt8(ascii: "-"),
              let day = number(8, 2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var milliseconds = days(fromCivil: year, month, day) * 86_400_000
        guard c.count > 10 else { return milliseconds }
        guard c[10] == UInt8(ascii: "T"), let hour = number(11, 2), c.count > 13, c[13] == UInt8(ascii: ":"), let minute = number(14, 2),
              c.count > 16, c[16] == UInt8(ascii: ":"), let second = number(17, 2), hour < 24, minute < 60, second < 61 else { return nil }
        milliseconds += Int64((hour * 3600 + minute * 60 + second) * 1000)
        var index = 19
        if index < c.count, c[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 100
            while index < c.count, c[index] >= 48, c[index] <= 57 {
                milliseconds += Int64(Int(c[index] - 48) * scale)
                scale /= 10
                index += 1
            }
        }
        guard index < c.count else { return nil }
        if c[index] == UInt8(ascii: "Z") { return index + 1 == c.count ? milliseconds : nil }
        guard c[index] == UInt8(ascii: "+") || c[index] == UInt8(ascii: "-"), let zoneHours = number(index + 1, 2) else { return nil }
        var zoneMinutes = 0
        if index + 3 < c.count {
            let at = c[index + 3] == UInt8(ascii: ":") ? index + 4 : index + 3
            guard let minutes = number(at, 2), at + 2 == c.count else { return nil }
            zoneMinutes = minutes
        } else if index + 3 != c.count {
            return nil
        }
        let offset = Int64((zoneHours * 60 + zoneMinutes) * 60_000)
        return c[index] == UInt8(ascii: "+") ? milliseconds - offset : milliseconds + offset
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    private static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = y.dividedRoundingDown(by: 400)
        let yearOfEra = y - era * 400
        let monthIndex = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `P1Y2M3W4DT5H6M7S` (years as 365 days, months as 30), with an optional sign, in milliseconds.
    static func duration(_ text: String) -> Int64? {
        var rest = Substring(text)
        var sign: Int64 = 1
        if rest.first == "-" { sign = -1; rest = rest.dropFirst() } else if rest.first == "+" { rest = rest.dropFirst() }
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var total: Double = 0
        var inTime = false
        var number = ""
        for character in rest {
            if character == "T" { inTime = true; continue }
            if character.isNumber || character == "." { number.append(character); continue }
            guard let value = Double(number) else { return nil }
            number = ""
            let unit: Double
            switch (character, inTime) {
            case ("Y", false): unit = 365 * 86_400
            case ("M", false): unit = 30 * 86_400
            case ("W", false): unit = 7 * 86_400
            case ("D", false): unit = 86_400
            case ("H", true): unit = 3600
            case ("M", true): unit = 60
            case ("S", true): unit = 1
            default: return nil
            }
            total += value * unit
        }
        guard number.isEmpty else { return nil }
        return sign * Int64((total * 1000).rounded())
    }
}

private extension Int64 {
    func dividedRoundingDown(by divisor: Int64) -> Int64 {
        self >= 0 ? self / divisor : (self - divisor + 1) / divisor
    }
}
