import Foundation

/// A Relay connection (`nodes`, `edges { cursor node }`, `pageInfo`) over one page of an ordered list. Paging follows
/// Linear: `first`/`after` forward, `last`/`before` backward, 50 when neither is given, at most 250, and cursors that
/// are opaque strings naming the element they follow.
struct LinearConnection: GraphQLObjectValue {
    let graphQLTypeName: String
    let nodes: [any GraphQLObjectValue]
    let cursors: [String]
    let hasNextPage: Bool
    let hasPreviousPage: Bool

    static let defaultPageSize = 50
    static let maximumPageSize = 250

    /// One page of `elements` (already filtered and ordered); `id` names an element for its cursor.
    static func page<Element>(_ elements: [Element], type: String, id: (Element) -> String, arguments: GraphQLArguments,
                              node: (Element) -> any GraphQLObjectValue) throws(GraphQLFieldError) -> LinearConnection {
        let first = arguments.int("first"), last = arguments.int("last")
        for (name, value) in [("first", first), ("last", last)] {
            guard let value else { continue }
            guard value >= 0 else { throw LinearErrors.argumentValidation("\(name) must not be less than 0.") }
            guard value <= maximumPageSize else { throw LinearErrors.argumentValidation("\(name) must not be greater than \(maximumPageSize).") }
        }
        var start = 0, end = elements.count
        if let after = arguments.string("after") {
            guard let position = position(of: after, in: elements, id: id) else { throw LinearErrors.invalidCursor }
            start = position + 1
        }
        if let before = arguments.string("before") {
            guard let position = position(of: before, in: elements, id: id) else { throw LinearErrors.invalidCursor }
            end = max(start, position)
        }
        if let first {
            end = min(end, start + first)
        } else if let last {
            start = max(start, end - last)
        } else {
            end = min(end, start + defaultPageSize)
        }
        let slice = start < end ? Array(elements[start..<end]) : []
        return LinearConnection(graphQLTypeName: type, nodes: slice.map(node), cursors: slice.map { cursor(for: id($0)) },
                                hasNextPage: end < elements.count, hasPreviousPage: start > 0)
    }

    static func cursor(for id: String) -> String { Data(("c:" + id).utf8).base64EncodedString() }

    private static func position<Element>(of cursor: String, in elements: [Element], id: (Element) -> String) -> Int? {
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8), text.hasPrefix("c:") else { return nil }
        let wanted = String(text.dropFirst(2))
        return elements.firstIndex { id($0) == wanted }
    }

    func resolve(_ field: String, _ arguments: GraphQLArguments) throws(GraphQLFieldError) -> GraphQLResult {
        switch field {
        case "nodes": return .list(nodes.map(GraphQLResult.object))
        case "edges":
            return .list(zip(nodes, cursors).map { .object(LinearEdge(graphQLTypeName: graphQLTypeName.replacingOccurrences(of: "Connection", with: "Edge"),
                                                                     node: $0.0, cursor: $0.1)) })
        case "pageInfo":
            return .object(LinearPageInfo(startCursor: cursors.first, endCursor: cursors.last, hasNextPage: hasNextPage,
                                          hasPreviousPage: hasPreviousPage))
        default: return .null
        }
    }
}
