import Foundation

/// Builds JQL from values that may come from users or remote text. Every value is a quoted string literal, so a
/// label holding `"` or `OR` stays a literal and cannot change the query.
enum JQL {
    static func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func list(_ values: [String]) -> String {
        "(" + values.map(quote).joined(separator: ", ") + ")"
    }

    /// Joins clauses with AND, each in parentheses when it holds an OR.
    static func and(_ clauses: [String]) -> String {
        clauses.map { $0.contains(" OR ") ? "(\($0))" : $0 }.joined(separator: " AND ")
    }

    /// Joins alternative queries with OR, each in parentheses; a single query stays as it is.
    static func or(_ queries: [String]) -> String {
        queries.count == 1 ? queries[0] : queries.map { "(\($0))" }.joined(separator: " OR ")
    }

    /// A JQL date literal: minutes, in the time zone of the user whose token runs the query (JQL has no zone
    /// syntax and Jira reads literals in the user's zone). Rounded down, so `>=` never misses an issue.
    static func date(_ date: Date, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return quote(formatter.string(from: date))
    }

    /// `PROJ-123`.
    static func isIssueKey(_ s: String) -> Bool {
        guard let dash = s.lastIndex(of: "-") else { return false }
        let project = s[..<dash], number = s[s.index(after: dash)...]
        return !project.isEmpty && !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
            && project.first!.isLetter && project.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
    }

    static func project(ofKey key: String) -> String? {
        guard isIssueKey(key), let dash = key.lastIndex(of: "-") else { return nil }
        return String(key[..<dash])
    }
}
