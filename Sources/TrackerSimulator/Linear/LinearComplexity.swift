/// Linear's query complexity, as its rate-limiting documentation counts it: a scalar field costs 0.1, an object 1
/// plus its fields, and a connection multiplies what it selects per node by `first`/`last` (50 when unset). Linear
/// refuses a single query above 10,000 and charges every query's complexity to an hourly budget.
enum LinearComplexity {
    static let maximum = 10_000

    static func of(_ prepared: GraphQLService.Prepared, schema: GraphQLSchema) -> Int {
        let root = prepared.operation.kind == .mutation ? (schema.mutationType ?? "Mutation") : schema.queryType
        var visiting = Set<String>()
        let total = cost(prepared.operation.selections, on: root, prepared: prepared, schema: schema, visiting: &visiting)
        return Int(total.rounded(.up))
    }

    private static func cost(_ selections: [GraphQLSelection], on typeName: String, prepared: GraphQLService.Prepared,
                             schema: GraphQLSchema, visiting: inout Set<String>) -> Double {
        var total = 0.0
        for selection in selections {
            switch selection {
            case .field(let field):
                guard field.name != "__typename", let definition = schema.field(field.name, on: typeName) else { continue }
                let named = definition.type.namedType
                guard let type = schema[named], !type.isLeaf else {
                    total += 0.1
                    continue
                }
                let inner = cost(field.selections, on: named, prepared: prepared, schema: schema, visiting: &visiting)
                total += named.hasSuffix("Connection") ? 1 + Double(pageSize(field, prepared)) * inner : 1 + inner
            case .fragmentSpread(let name, _, _):
                guard visiting.insert(name).inserted, let fragment = prepared.document.fragment(named: name) else { continue }
                total += cost(fragment.selections, on: fragment.typeCondition, prepared: prepared, schema: schema, visiting: &visiting)
                visiting.remove(name)
            case .inlineFragment(let condition, _, let inner, _):
                total += cost(inner, on: condition ?? typeName, prepared: prepared, schema: schema, visiting: &visiting)
            }
        }
        return total
    }

    /// The page size a connection field asks for; `nodes` and `edges` are priced per element of it.
    private static func pageSize(_ field: GraphQLField, _ prepared: GraphQLService.Prepared) -> Int {
        for name in ["first", "last"] {
            guard let argument = field.arguments.first(where: { $0.name == name }) else { continue }
            switch argument.value {
            case .int(let text): return Int(text) ?? LinearConnection.defaultPageSize
            case .variable(let variable): return prepared.variables[variable]?.int ?? LinearConnection.defaultPageSize
            default: continue
            }
        }
        return LinearConnection.defaultPageSize
    }
}
