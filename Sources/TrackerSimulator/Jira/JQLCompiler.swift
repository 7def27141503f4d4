import Foundation

/// A parsed JQL query resolved against the store: a predicate over issues and the sort order. Values the site
/// does not know (a project, status, user, issue key) are errors, as in Jira; so are operators a field does not
/// support. Negative operators (`!=`, `NOT IN`, `!~`, and `NOT` in front of a clause) never match an empty field,
/// as Jira documents.
struct JQLPlan {
    typealias Predicate = (JiraStore.Project, JiraStore.Issue) -> Bool

    var predicate: Predicate
    var sortKeys: [JQLSortKey]
}

struct JQLSortKey {
    var descending: Bool
    var value: (JiraStore.Project, JiraStore.Issue) -> JQLSortValue
}

/// One issue's value for one ORDER BY field. Empty values sort after everything in ascending order.
enum JQLSortValue: Comparable {
    case number(Int64)
    case text(String)
    case keyed(String, Int)
    case missing
}

struct JQLCompiler {
    let store: JiraStore
    let currentUserID: String
    let now: Int64

    /// Only the fields the simulator stores; anything else is "does not exist", as an unknown field is on Jira.
    enum Field {
        case project, key, id, summary, created, updated, statusCategoryChanged, labels
        case assignee, reporter, creator, status, statusCategory, issueType, priority, parent

        init?(_ name: String) {
            switch name.lowercased() {
            case "project": self = .project
            case "key", "issuekey", "issue": self = .key
            case "id": self = .id
            case "summary": self = .summary
            case "created", "createddate": self = .created
            case "updated", "updateddate": self = .updated
            case "statuscategorychangeddate": self = .statusCategoryChanged
            case "labels": self = .labels
            case "assignee": self = .assignee
            case "reporter": self = .reporter
            case "creator": self = .creator
            case "status": self = .status
            case "statuscategory": self = .statusCategory
            case "issuetype", "type": self = .issueType
            case "priority": self = .priority
            case "parent": self = .parent
            default: return nil
            }
        }

        var supportedOperators: Set<JQLOperator> {
            let equality: Set<JQLOperator> = [.equals, .notEquals, .in, .notIn, .is, .isNot]
            let ordering: Set<JQLOperator> = [.less, .lessOrEqual, .greater, .greaterOrEqual]
            switch self {
            case .summary: return [.like, .notLike, .is, .isNot]
            case .key, .id, .priority, .created, .updated, .statusCategoryChanged: return equality.union(ordering)
            default: return equality
            }
        }
    }

    func compile(_ query: JQLQuery) throws(JiraError) -> JQLPlan {
        let predicate: JQLPlan.Predicate = if let clause = query.clause { try compile(Self.pushNegation(clause, negate: false)) } else {
            { _, _ in true }
        }
        guard query.orderBy.count <= 7 else { throw .message("The ORDER BY clause can contain a maximum of 7 fields.") }
        return JQLPlan(predicate: predicate, sortKeys: try query.orderBy.map { sort throws(JiraError) in try sortKey(sort) })
    }

    /// `NOT` moved down to the terms (De Morgan), where it becomes the negated operator.
    static func pushNegation(_ clause: JQLClause, negate: Bool) -> JQLClause {
        switch clause {
        case .not(let inner): return pushNegation(inner, negate: !negate)
        case .and(let parts):
            let mapped = parts.map { pushNegation($0, negate: negate) }
            return negate ? .or(mapped) : .and(mapped)
        case .or(let parts):
            let mapped = parts.map { pushNegation($0, negate: negate) }
            return negate ? .and(mapped) : .or(mapped)
        case .term(var term):
            if negate { term.op = term.op.negated }
            return .term(term)
        }
    }

    private func compile(_ clause: JQLClause) throws(JiraError) -> JQLPlan.Predicate {
        switch clause {
        case .and(let parts):
            let predicates = try parts.map { part throws(JiraError) in try compile(part) }
            return { project, issue in predicates.allSatisfy { $0(project, issue) } }
        case .or(let parts):
            let predicates = try parts.map { part throws(JiraError) in try compile(part) }
            return { project, issue in predicates.contains { $0(project, issue) } }
        case .not(let inner):
            return try compile(Self.pushNegation(inner, negate: true))
        case .term(let term):
            return try compile(term)
        }
    }

    // MARK: Terms

    private func compile(_ term: JQLTerm) throws(JiraError) -> JQLPlan.Predicate {
        guard let field = Field(term.field) else {
            throw .message("Field '\(term.field)' does not exist or you do not have permission to view it.")
        }
        guard field.supportedOperators.contains(term.op) else {
            throw .message("The operator '\(term.op.rawValue)' is not supported by the '\(term.field)' field.")
        }
        let values: [JQLValue] = switch term.operand {
        case .single(let value): [value]
        case .list(let list): list
        }
        // `= EMPTY` is `IS EMPTY`, `!= EMPTY` is `IS NOT EMPTY`.
        var op = term.op
        if values == [.empty], op == .equals { op = .is }
        if values == [.empty], op == .notEquals { op = .isNot }

        switch field {
        case .summary:
            return try textPredicate(op, values, field: term.field)
        case .labels:
            return try labelPredicate(op, values, field: term.field)
        case .created, .updated, .statusCategoryChanged:
            let read: (JiraStore.Issue) -> Int64 = switch field {
            case .created: { $0.created }
            case .updated: { $0.updated }
            default: { $0.statusCategoryChanged }
            }
            return try datePredicate(op, values, field: term.field, read: read)
        case .key, .id:
            return try issuePredicate(op, values, field: term.field, read: { project, issue in (project.id, issue.number, issue.id) })
        case .parent:
            return try parentPredicate(op, values, field: term.field)
        case .priority where [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op):
            return try priorityRangePredicate(op, values, field: term.field)
        default:
            let resolve = resolver(for: field, name: term.field)
            let read = reader(for: field)
            return try categoryPredicate(op, values, field: term.field, resolve: resolve, read: read)
        }
    }

    /// Single-valued fields compared by a canonical id (project id, status id, account id, …).
    private func categoryPredicate(_ op: JQLOperator, _ values: [JQLValue], field: String,
                                   resolve: (JQLValue) throws(JiraError) -> Set<String>,
                                   read: @escaping (JiraStore.Project, JiraStore.Issue) -> String?) throws(JiraError) -> JQLPlan.Predicate {
        switch op {
        case .is: return { read($0, $1) == nil }
        case .isNot: return { read($0, $1) != nil }
        default: break
        }
        var accepted = Set<String>()
        var includesEmpty = false
        for value in values {
            if value == .empty { includesEmpty = true } else { accepted.formUnion(try resolve(value)) }
        }
        let positive = op == .equals || op == .in
        return { project, issue in
            guard let value = read(project, issue) else { return positive && includesEmpty }
            return accepted.contains(value) == positive
        }
    }

    private func labelPredicate(_ op: JQLOperator, _ values: [JQLValue], field: String) throws(JiraError) -> JQLPlan.Predicate {
        switch op {
        case .is: return { $1.labels.isEmpty }
        case .isNot: return { !$1.labels.isEmpty }
        default: break
        }
        var wanted = Set<String>()
        var includesEmpty = false
        for value in values {
            switch value {
            case .text(let text): wanted.insert(text.lowercased())
            case .empty: includesEmpty = true
            case .function(let name, _): throw unsupportedFunction(name, field: field)
            }
        }
        let positive = op == .equals || op == .in
        return { _, issue in
            if issue.labels.isEmpty { return positive && includesEmpty }
            let hit = issue.labels.contains { wanted.contains($0.lowercased()) }
            return hit == positive
        }
    }

    /// `~`: every word of the value must appear as a word of the summary (case-insensitive); a trailing `*` makes a
    /// word a prefix. A value in quotes inside the string (`"\"exact phrase\""`) must appear as it is.
    private func textPredicate(_ op: JQLOperator, _ values: [JQLValue], field: String) throws(JiraError) -> JQLPlan.Predicate {
        switch op {
        case .is: return { _, _ in false }
        case .isNot: return { _, _ in true }
        default: break
        }
        guard values.count == 1, case .text(let query) = values[0] else {
            throw .message("The field '\(field)' only supports a text value with '~' and '!~'.")
        }
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let matcher: (String) -> Bool
        if trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") {
            let phrase = String(trimmed.dropFirst().dropLast()).lowercased()
            matcher = { $0.lowercased().contains(phrase) }
        } else {
            let terms = Self.words(trimmed)
            guard !terms.isEmpty else { throw .message("The value '\(query)' is not a valid text search for the field '\(field)'.") }
            matcher = { summary in
                let words = Self.words(summary)
                return terms.allSatisfy { term in
                    if term.hasSuffix("*") {
                        let prefix = term.dropLast()
                        return words.contains { $0.hasPrefix(prefix) }
                    }
                    return words.contains(term)
                }
            }
        }
        let positive = op == .like
        return { _, issue in matcher(issue.summary) == positive }
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "*") }.map(String.init)
    }

    private func datePredicate(_ op: JQLOperator, _ values: [JQLValue], field: String,
                               read: @escaping (JiraStore.Issue) -> Int64) throws(JiraError) -> JQLPlan.Predicate {
        switch op {
        case .is: return { _, _ in false }
        case .isNot: return { _, _ in true }
        default: break
        }
        let instants = try values.map { value throws(JiraError) in try dateValue(value, field: field) }
        let first = instants[0]
        switch op {
        case .equals, .in: return { _, issue in instants.contains(read(issue)) }
        case .notEquals, .notIn: return { _, issue in !instants.contains(read(issue)) }
        case .less: return { read($1) < first }
        case .lessOrEqual: return { read($1) <= first }
        case .greater: return { read($1) > first }
        default: return { read($1) >= first }
        }
    }

    /// `key`/`id`: equality by issue; ranges compare numbers within the key's project (key) or ids (id).
    private func issuePredicate(_ op: JQLOperator, _ values: [JQLValue], field: String,
                                read: @escaping (JiraStore.Project, JiraStore.Issue) -> (Int, Int, Int)) throws(JiraError) -> JQLPlan.Predicate {
        switch op {
        case .is: return { _, _ in false }
        case .isNot: return { _, _ in true }
        default: break
        }
        var ids = Set<Int>()
        var ranges: [(project: Int, number: Int, id: Int)] = []
        for value in values {
            guard case .text(let text) = value else { throw .message("The value for the field '\(field)' must be an issue key or id.") }
            let location = try resolveIssue(text, field: field)
            let issue = store[location]
            ids.insert(issue.id)
            ranges.append((store.projects[location.project].id, issue.number, issue.id))
        }
        let byID = field.lowercased() == "id"
        switch op {
        case .equals, .in: return { ids.contains(read($0, $1).2) }
        case .notEquals, .notIn: return { !ids.contains(read($0, $1).2) }
        default:
            let bound = ranges[0]
            let compare: (Int, Int) -> Bool = switch op {
            case .less: { $0 < $1 }
            case .lessOrEqual: { $0 <= $1 }
            case .greater: { $0 > $1 }
            default: { $0 >= $1 }
            }
            return { project, issue in
                let (projectID, number, id) = read(project, issue)
                if byID { return compare(id, bound.id) }
                return projectID == bound.project && compare(number, bound.number)
            }
        }
    }

    private func parentPredicate(_ op: JQLOperator, _ values: [JQLValue], field: String) throws(JiraError) -> JQLPlan.Predicate {
        try categoryPredicate(op, values, field: field, resolve: { value throws(JiraError) in
            guard case .text(let text) = value else { throw .message("The value for the field '\(field)' must be an issue key or id.") }
            return [String(store[try resolveIssue(text, field: field)].id)]
        }, read: { _, issue in issue.parentID.map(String.init) })
    }

    private func priorityRangePredicate(_ op: JQLOperator, _ values: [JQLValue], field: String) throws(JiraError) -> JQLPlan.Predicate {
        guard values.count == 1, case .text(let text) = values[0], let bound = JiraCatalog.priority(named: text) else {
            throw .message("The value '\(Self.describe(values.first))' does not exist for the field '\(field)'.")
        }
        let rank: (JiraStore.Issue) -> Int = { JiraCatalog.priority(id: $0.priorityID)?.rank ?? 0 }
        switch op {
        case .less: return { rank($1) < bound.rank }
        case .lessOrEqual: return { rank($1) <= bound.rank }
        case .greater: return { rank($1) > bound.rank }
        default: return { rank($1) >= bound.rank }
        }
    }

    // MARK: Values

    private func resolver(for field: Field, name: String) -> (JQLValue) throws(JiraError) -> Set<String> {
        { value throws(JiraError) in
            let text: String
            switch value {
            case .text(let t): text = t
            case .function(let function, _):
                return try resolveFunction(function, field: field, name: name)
            case .empty: return []
            }
            let found: Set<String>
            switch field {
            case .project:
                found = Set(store.projects.filter {
                    $0.key.caseInsensitiveCompare(text) == .orderedSame || String($0.id) == text
                        || $0.name.caseInsensitiveCompare(text) == .orderedSame
                }.map { String($0.id) })
            case .status:
                found = Set(store.projects.flatMap(\.workflow.statuses).filter {
                    $0.id == text || $0.name.caseInsensitiveCompare(text) == .orderedSame
                }.map(\.id))
            case .statusCategory:
                found = Set(JiraCatalog.statusCategories.filter {
                    $0.key.caseInsensitiveCompare(text) == .orderedSame || $0.name.caseInsensitiveCompare(text) == .orderedSame
                        || String($0.id) == text
                }.map(\.key))
            case .issueType:
                found = JiraCatalog.issueType(named: text).map { [$0.id] } ?? []
            case .priority:
                found = JiraCatalog.priority(named: text).map { [$0.id] } ?? []
            case .assignee, .reporter, .creator:
                found = Set(store.users.filter {
                    $0.accountId == text || $0.emailAddress.caseInsensitiveCompare(text) == .orderedSame
                        || $0.displayName.caseInsensitiveCompare(text) == .orderedSame
                }.map(\.accountId))
            default:
                found = []
            }
            guard !found.isEmpty else { throw .message("The value '\(text)' does not exist for the field '\(name)'.") }
            return found
        }
    }

    private func resolveFunction(_ function: String, field: Field, name: String) throws(JiraError) -> Set<String> {
        switch (function.lowercased(), field) {
        case ("currentuser", .assignee), ("currentuser", .reporter), ("currentuser", .creator):
            return [currentUserID]
        case ("standardissuetypes", .issueType):
            return Set(JiraCatalog.issueTypes.filter { !$0.isSubtask }.map(\.id))
        case ("subtaskissuetypes", .issueType):
            return Set(JiraCatalog.issueTypes.filter(\.isSubtask).map(\.id))
        default:
            throw unsupportedFunction(function, field: name)
        }
    }

    private func unsupportedFunction(_ function: String, field: String) -> JiraError {
        let known = ["currentuser", "standardissuetypes", "subtaskissuetypes", "now", "startofday", "endofday"]
        if !known.contains(function.lowercased()) { return .message("Unable to find JQL function '\(function)()'.") }
        return .message("Function '\(function)' does not support the field '\(field)'.")
    }

    private func reader(for field: Field) -> (JiraStore.Project, JiraStore.Issue) -> String? {
        switch field {
        case .project: { project, _ in String(project.id) }
        case .status: { _, issue in issue.statusID }
        case .statusCategory: { project, issue in project.workflow.status(id: issue.statusID)?.categoryKey }
        case .issueType: { _, issue in issue.issueTypeID }
        case .priority: { _, issue in issue.priorityID }
        case .assignee: { _, issue in issue.assigneeID }
        case .reporter: { _, issue in issue.reporterID }
        case .creator: { _, issue in issue.creatorID }
        default: { _, _ in nil }
        }
    }

    private func resolveIssue(_ text: String, field: String) throws(JiraError) -> JiraStore.Location {
        if let id = Int(text) {
            guard let location = store.locate(id: id) else {
                throw .message("An issue with key '\(text)' does not exist for field '\(field)'.")
            }
            return location
        }
        guard let dash = text.lastIndex(of: "-"), Int(text[text.index(after: dash)...]) != nil,
              JiraStore.isValidProjectKey(text[..<dash].uppercased()) else {
            throw .message("The issue key '\(text)' for field '\(field)' is invalid.")
        }
        guard let location = store.locate(text) else {
            throw .message("An issue with key '\(text)' does not exist for field '\(field)'.")
        }
        return location
    }

    /// Dates in the user's time zone with minute precision (`yyyy-MM-dd HH:mm`, `yyyy/MM/dd HH:mm`, `yyyy-MM-dd`,
    /// `yyyy/MM/dd`), periods relative to now (`-5d`, `4w 2d`, `-90m`), milliseconds since 1970, or `now()`,
    /// `startOfDay()`, `endOfDay()`.
    private func dateValue(_ value: JQLValue, field: String) throws(JiraError) -> Int64 {
        let zone = store.zone
        switch value {
        case .empty:
            throw .message("The field '\(field)' cannot be compared with EMPTY here.")
        case .function(let name, _):
            switch name.lowercased() {
            case "now": return now
            case "startofday": return JiraTime.startOfDay(now, in: zone)
            case "endofday": return JiraTime.startOfDay(now, in: zone) + 86_400_000 - 1
            default: throw unsupportedFunction(name, field: field)
            }
        case .text(let text):
            if let instant = Self.absoluteDate(text, in: zone) ?? Self.period(text).map({ now + $0 }) { return instant }
            if text.allSatisfy(\.isNumber), let milliseconds = Int64(text) { return milliseconds }
            throw .message("Date value '\(text)' for field '\(field)' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', "
                + "'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.")
        }
    }

    static func absoluteDate(_ text: String, in zone: TimeZone) -> Int64? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count) else { return nil }
        let separator: Character = parts[0].contains("/") ? "/" : "-"
        let date = parts[0].split(separator: separator, omittingEmptySubsequences: false)
        guard date.count == 3, date[0].count == 4, (1...2).contains(date[1].count), (1...2).contains(date[2].count),
              let year = Int(date[0]), let month = Int(date[1]), let day = Int(date[2]) else { return nil }
        var hour = 0, minute = 0
        if parts.count == 2 {
            let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard time.count == 2, let h = Int(time[0]), let m = Int(time[1]), (0...23).contains(h), (0...59).contains(m) else {
                return nil
            }
            (hour, minute) = (h, m)
        }
        return JiraTime.instant(year: year, month: month, day: day, hour: hour, minute: minute, in: zone)
    }

    /// `-5d`, `4w 2d`, `+3h`, `-90m` → milliseconds (w, d, h, m units, as JQL has them).
    static func period(_ text: String) -> Int64? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var sign: Int64 = 1
        if rest.first == "-" { sign = -1; rest = rest.dropFirst() } else if rest.first == "+" { rest = rest.dropFirst() }
        var total: Int64 = 0
        var sawUnit = false
        while !rest.isEmpty {
            rest = rest.drop(while: { $0 == " " })
            let digits = rest.prefix(while: \.isNumber)
            guard !digits.isEmpty, let amount = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = rest.first else { return nil }
            let size: Int64 = switch unit {
            case "w": 7 * 86_400_000
            case "d": 86_400_000
            case "h": 3_600_000
            case "m": 60_000
            default: 0
            }
            guard size > 0 else { return nil }
            total += amount * size
            rest = rest.dropFirst()
            sawUnit = true
        }
        return sawUnit ? sign * total : nil
    }

    private static func describe(_ value: JQLValue?) -> String {
        switch value {
        case .text(let text)?: text
        case .function(let name, _)?: name + "()"
        default: "EMPTY"
        }
    }

    // MARK: Sorting

    private func sortKey(_ sort: JQLSort) throws(JiraError) -> JQLSortKey {
        guard let field = Field(sort.field) else {
            throw .message("Field '\(sort.field)' does not exist or you do not have permission to view it.")
        }
        let users = Dictionary(store.users.map { ($0.accountId, $0.displayName.lowercased()) }, uniquingKeysWith: { a, _ in a })
        let value: (JiraStore.Project, JiraStore.Issue) -> JQLSortValue
        var defaultDescending = false
        switch field {
        case .key: value = { project, issue in .keyed(project.key, issue.number) }
        case .id: value = { _, issue in .number(Int64(issue.id)) }
        case .created: value = { .number($1.created) }; defaultDescending = true
        case .updated: value = { .number($1.updated) }; defaultDescending = true
        case .statusCategoryChanged: value = { .number($1.statusCategoryChanged) }; defaultDescending = true
        case .summary: value = { .text($1.summary.lowercased()) }
        case .priority: value = { .number(Int64(JiraCatalog.priority(id: $1.priorityID)?.rank ?? 0)) }; defaultDescending = true
        case .status:
            value = { project, issue in .number(Int64(project.workflow.statuses.firstIndex { $0.id == issue.statusID } ?? 0)) }
        case .issueType: value = { .text(JiraCatalog.issueType(id: $1.issueTypeID)?.name.lowercased() ?? "") }
        case .project: value = { project, _ in .text(project.key) }
        case .assignee: value = { $1.assigneeID.flatMap { users[$0] }.map(JQLSortValue.text) ?? .missing }
        case .reporter: value = { $1.reporterID.flatMap { users[$0] }.map(JQLSortValue.text) ?? .missing }
        case .creator: value = { users[$1.creatorID].map(JQLSortValue.text) ?? .missing }
        case .labels, .statusCategory, .parent:
            throw .message("Field '\(sort.field)' does not support sorting.")
        }
        return JQLSortKey(descending: sort.descending ?? defaultDescending, value: value)
    }
}
