import Foundation

/// What a filter field names on an entity: a value to compare, a related entity to filter further, or a collection.
enum LinearFilterSubject {
    case string(String?)
    case number(Double?)
    case date(Int64?)
    case bool(Bool?)
    case entity((any LinearFilterable)?)
    case collection([any LinearFilterable])
    /// A field this entity does not have (the schema already refused unknown fields; the simulator may not serve all).
    case unsupported
}

/// An entity (issue, team, workflow state, label, user) that Linear's filter input types can describe.
protocol LinearFilterable {
    func subject(_ field: String) -> LinearFilterSubject
}

/// Evaluates Linear's filter inputs (`IssueFilter`, `TeamFilter`, …): every member must hold (`and` and `or` combine
/// lists), comparators (`eq`, `in`, `gt`, `containsIgnoreCase`, `null`, …) test values, relation filters recurse,
/// and collection filters use `some`, `every`, `length` (members written directly mean "some").
struct LinearFilter {
    struct Unsupported: Error {
        var field: String
    }

    let now: Int64

    func matches(_ entity: any LinearFilterable, _ filter: [String: GraphQLInput]) throws(Unsupported) -> Bool {
        for (field, condition) in filter where !condition.isNull {
            switch field {
            case "and":
                for part in condition.list ?? [] where !(try matches(entity, part.object ?? [:])) { return false }
            case "or":
                let parts = condition.list ?? []
                if parts.isEmpty { continue }
                var any = false
                for part in parts where try matches(entity, part.object ?? [:]) { any = true; break }
                if !any { return false }
            default:
                guard let object = condition.object else { throw Unsupported(field: field) }
                if !(try holds(entity.subject(field), object, field: field)) { return false }
            }
        }
        return true
    }

    private func holds(_ subject: LinearFilterSubject, _ condition: [String: GraphQLInput], field: String) throws(Unsupported) -> Bool {
        switch subject {
        case .string(let value): return try compare(value.map(Comparable.text), condition, field: field)
        case .number(let value): return try compare(value.map(Comparable.number), condition, field: field)
        case .date(let value): return try compare(value.map(Comparable.date), condition, field: field)
        case .bool(let value): return try compare(value.map(Comparable.flag), condition, field: field)
        case .entity(let related):
            var rest = condition
            if let wantsNull = rest.removeValue(forKey: "null")?.bool, wantsNull != (related == nil) { return false }
            guard let related else { return rest.isEmpty }
            return try matches(related, rest)
        case .collection(let members):
            return try collection(members, condition)
        case .unsupported:
            throw Unsupported(field: field)
        }
    }

    private func collection(_ members: [any LinearFilterable], _ condition: [String: GraphQLInput]) throws(Unsupported) -> Bool {
        var direct: [String: GraphQLInput] = [:]
        for (key, value) in condition {
            switch key {
            case "some":
                var found = false
                for member in members where try matches(member, value.object ?? [:]) { found = true; break }
                if !found { return false }
            case "every":
                for member in members where !(try matches(member, value.object ?? [:])) { return false }
            case "length":
                if !(try compare(.number(Double(members.count)), value.object ?? [:], field: key)) { return false }
            case "null":
                if let wantsEmpty = value.bool, wantsEmpty != members.isEmpty { return false }
            case "and":
                for part in value.list ?? [] where !(try collection(members, part.object ?? [:])) { return false }
            case "or":
                let parts = value.list ?? []
                if !parts.isEmpty {
                    var any = false
                    for part in parts where try collection(members, part.object ?? [:]) { any = true; break }
                    if !any { return false }
                }
            default:
                direct[key] = value
            }
        }
        if direct.isEmpty { return true }
        for member in members where try matches(member, direct) { return true }
        return false
    }

    enum Comparable: Equatable {
        case text(String)
        case number(Double)
        case date(Int64)
        case flag(Bool)
    }

    private func operand(_ input: GraphQLInput, like value: Comparable?) -> Comparable? {
        switch (value, input) {
        case (.date?, .string(let text)): return LinearTime.parse(text, now: now).map(Comparable.date)
        case (_, .string(let text)): return .text(text)
        case (_, .int(let i)): return .number(Double(i))
        case (_, .float(let f)): return .number(f)
        case (_, .bool(let b)): return .flag(b)
        default: return nil
        }
    }

    private func compare(_ value: Comparable?, _ condition: [String: GraphQLInput], field: String) throws(Unsupported) -> Bool {
        for (op, argument) in condition where !argument.isNull || op == "null" {
            let ok: Bool
            switch op {
            case "null": ok = (argument.bool ?? false) == (value == nil)
            case "eq": ok = value != nil && value == operand(argument, like: value)
            case "neq": ok = value != operand(argument, like: value)
            case "in": ok = value != nil && (argument.list ?? []).contains { operand($0, like: value) == value }
            case "nin": ok = !(argument.list ?? []).contains { operand($0, like: value) == value }
            case "gt", "gte", "lt", "lte":
                guard let left = value, let right = operand(argument, like: value), let order = Self.order(left, right) else { ok = false; break }
                ok = op == "gt" ? order > 0 : op == "gte" ? order >= 0 : op == "lt" ? order < 0 : order <= 0
            default:
                guard case .text(let text)? = value, let needle = argument.string else {
                    ok = value == nil ? op.hasPrefix("not") || op == "neqIgnoreCase" : false
                    if !ok, value != nil { throw Unsupported(field: "\(field).\(op)") }
                    break
                }
                ok = try Self.textTest(op, text, needle, field: field)
            }
            if !ok { return false }
        }
        return true
    }

    private static func order(_ a: Comparable, _ b: Comparable) -> Int? {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y ? -1 : x > y ? 1 : 0
        case (.date(let x), .date(let y)): return x < y ? -1 : x > y ? 1 : 0
        case (.text(let x), .text(let y)): return x < y ? -1 : x > y ? 1 : 0
        default: return nil
        }
    }

    private static func textTest(_ op: String, _ text: String, _ needle: String, field: String) throws(Unsupported) -> Bool {
        let lower = text.lowercased(), lowerNeedle = needle.lowercased()
        switch op {
        case "eqIgnoreCase": return lower == lowerNeedle
        case "neqIgnoreCase": return lower != lowerNeedle
        case "contains": return text.contains(needle)
        case "containsIgnoreCase": return lower.contains(lowerNeedle)
        case "containsIgnoreCaseAndAccent":
            return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .contains(needle.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
        case "notContains": return !text.contains(needle)
        case "notContainsIgnoreCase": return !lower.contains(lowerNeedle)
        case "startsWith": return text.hasPrefix(needle)
        case "startsWithIgnoreCase": return lower.hasPrefix(lowerNeedle)
        case "notStartsWith": return !text.hasPrefix(needle)
        case "endsWith": return text.hasSuffix(needle)
        case "notEndsWith": return !text.hasSuffix(needle)
        default: throw Unsupported(field: "\(field).\(op)")
        }
    }
}
