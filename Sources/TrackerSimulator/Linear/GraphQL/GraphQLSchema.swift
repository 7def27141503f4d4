/// The types a GraphQL server serves, read from SDL text (`GraphQLSchemaParser`): what validation checks a document
/// against and execution follows.
struct GraphQLSchema: Sendable {
    enum NamedType: Sendable {
        case scalar(String)
        case object(GraphQLObjectType)
        case interface(GraphQLObjectType)
        case union(name: String, members: [String])
        case inputObject(GraphQLInputObjectType)
        case enumeration(GraphQLEnumType)

        var name: String {
            switch self {
            case .scalar(let name), .union(let name, _): return name
            case .object(let type), .interface(let type): return type.name
            case .inputObject(let type): return type.name
            case .enumeration(let type): return type.name
            }
        }

        /// Scalars and enums: a field of this type takes no selection.
        var isLeaf: Bool {
            switch self {
            case .scalar, .enumeration: return true
            default: return false
            }
        }

        var isInput: Bool {
            switch self {
            case .scalar, .enumeration, .inputObject: return true
            default: return false
            }
        }

        /// The fields a selection on this type may name (objects and interfaces).
        var fields: [String: GraphQLFieldDefinition]? {
            switch self {
            case .object(let type), .interface(let type): return type.fields
            default: return nil
            }
        }
    }

    static let builtInScalars = ["String", "Int", "Float", "Boolean", "ID"]

    private(set) var types: [String: NamedType]
    let queryType: String
    let mutationType: String?

    init(types: [NamedType], queryType: String = "Query", mutationType: String? = "Mutation") {
        var all: [String: NamedType] = [:]
        for name in Self.builtInScalars { all[name] = .scalar(name) }
        for type in types { all[type.name] = type }
        self.types = all
        self.queryType = queryType
        self.mutationType = mutationType
    }

    subscript(name: String) -> NamedType? { types[name] }

    /// The fields of `typeName` plus `__typename`, which every object type has.
    func field(_ name: String, on typeName: String) -> GraphQLFieldDefinition? {
        if name == "__typename" { return GraphQLFieldDefinition(name: name, type: .nonNull(.named("String")), arguments: []) }
        return types[typeName]?.fields?[name]
    }

    /// Whether an object of type `objectType` can stand where `abstract` is expected (same type, an interface it
    /// implements, or a union it belongs to).
    func isPossible(_ objectType: String, for abstract: String) -> Bool {
        if objectType == abstract { return true }
        switch types[abstract] {
        case .interface?:
            if case .object(let object)? = types[objectType] { return object.interfaces.contains(abstract) }
            return false
        case .union(_, let members)?: return members.contains(objectType)
        default: return false
        }
    }
}
