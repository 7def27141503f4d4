import JSON

/// A completed answer value, in the order the query asked for it, ready to be written as JSON.
indirect enum GraphQLOutput {
    case null
    case string(String)
    case int(Int)
    case float(Double)
    case bool(Bool)
    case list([GraphQLOutput])
    case object([(key: String, value: GraphQLOutput)])

    func write(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .string(let s): json.string(s)
        case .int(let i): json.int(i)
        // As JavaScript writes numbers (Linear's `number` and `priority` are Floats and come back as `42`, `2`).
        case .float(let f): json.raw(Array((f == f.rounded() && abs(f) < 1e15 ? String(Int(f)) : String(f)).utf8))
        case .bool(let b): json.bool(b)
        case .list(let items): json.array { json in for item in items { item.write(to: &json) } }
        case .object(let members):
            json.object { json in
                for member in members {
                    json.key(member.key)
                    member.value.write(to: &json)
                }
            }
        }
    }

    static func from(_ input: GraphQLInput) -> GraphQLOutput {
        switch input {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let f): return .float(f)
        case .string(let s), .enumValue(let s): return .string(s)
        case .list(let items): return .list(items.map(from))
        case .object(let members): return .object(members.sorted { $0.key < $1.key }.map { ($0.key, from($0.value)) })
        }
    }
}
