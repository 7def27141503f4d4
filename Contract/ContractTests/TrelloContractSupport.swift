import Foundation
import XCTest

/// shared/api/trello/openapi.json describes most of Trello's answers as just "Success" and every parameter as a query
/// parameter. To check what the simulator answers and what the client sends against the schemas it does have (Card,
/// TrelloList, Label, Board, Action, Member), the checks run on a copy that says which schema each answer used here
/// has, as Trello's reference pages do, and that takes a JSON body with exactly the documented query parameters
/// (Trello accepts either). Paths lose the `/1` the description keeps in its server URL.
enum TrelloContract {
    static func augmentedDescription(_ original: String) throws -> [UInt8] {
        guard var spec = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: original))) as? [String: Any],
              var paths = spec["paths"] as? [String: Any] else { throw ContractError("\(original) is not an OpenAPI description") }
        func schema(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
        func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
        func answer(_ path: String, _ method: String, _ body: [String: Any], replacing: Bool = false) throws {
            guard var operations = paths[path] as? [String: Any], var operation = operations[method] as? [String: Any],
                  var responses = operation["responses"] as? [String: Any] else { throw ContractError("no \(method) \(path)") }
            var success = responses["200"] as? [String: Any] ?? ["description": "Success"]
            guard replacing || success["content"] == nil else { return }
            success["content"] = ["application/json": ["schema": body]]
            responses["200"] = success
            operation["responses"] = responses
            operations[method] = operation
            paths[path] = operations
        }
        func jsonBody(_ path: String, _ method: String) throws {
            guard var operations = paths[path] as? [String: Any], var operation = operations[method] as? [String: Any] else {
                throw ContractError("no \(method) \(path)")
            }
            let query = (operation["parameters"] as? [[String: Any]] ?? []).filter { $0["in"] as? String == "query" }
            var properties: [String: Any] = [:]
            for parameter in query { if let name = parameter["name"] as? String { properties[name] = parameter["schema"] ?? [:] } }
            operation["requestBody"] = ["content": ["application/json": ["schema": [
                "type": "object", "additionalProperties": false, "properties": properties]]]]
            operations[method] = operation
            paths[path] = operations
        }
        try answer("/boards/{boardId}/actions", "get", array(schema("Action")))
        try answer("/boards/{id}/cards/{filter}", "get", array(schema("Card")))
        try answer("/boards/{id}/cards", "get", array(schema("Card")))
        try answer("/boards/{id}/labels", "get", array(schema("Label")))
        try answer("/boards/{id}/labels", "post", schema("Label"))
        try answer("/labels", "post", schema("Label"))
        try answer("/lists", "post", schema("TrelloList"))
        try answer("/boards/{id}/members", "get", array(schema("Member")))
        try answer("/cards/{id}/idLabels", "post", array(schema("TrelloID")))
        try answer("/cards/{id}/idMembers", "post", array(schema("Member")))
        // The board with what `lists`, `labels`, `members` and `cards` nest in it.
        try answer("/boards/{id}", "get", ["allOf": [schema("Board"), ["type": "object", "properties": [
            "lists": array(schema("TrelloList")), "labels": array(schema("Label")), "members": array(schema("Member")),
            "cards": array(schema("Card")),
        ]]]], replacing: true)
        for (path, method) in [("/cards", "post"), ("/cards/{id}", "put"), ("/labels", "post"), ("/lists", "post"),
                               ("/cards/{id}/idLabels", "post"), ("/cards/{id}/idMembers", "post"), ("/boards/{id}/lists", "post"),
                               ("/boards/{id}/labels", "post"), ("/cards/{id}/actions/comments", "post")] {
            try jsonBody(path, method)
        }
        spec["paths"] = paths
        return Array(try JSONSerialization.data(withJSONObject: spec))
    }

    /// The recorded exchanges as the checker reads them: paths without `/1`; answers that were not a success are
    /// left out (the description documents none of Trello's plain-text errors), and counted.
    static func exchanges(_ log: [UInt8]) throws -> (bytes: [UInt8], count: Int, statuses: Set<Int>) {
        guard let entries = try JSONSerialization.jsonObject(with: Data(log)) as? [[String: Any]] else {
            throw ContractError("the request log is not a list")
        }
        var kept: [[String: Any]] = []
        var statuses = Set<Int>()
        for var entry in entries {
            let status = entry["status"] as? Int ?? 0
            statuses.insert(status)
            guard (200..<300).contains(status), let path = entry["path"] as? String, path.hasPrefix("/1/") else { continue }
            entry["path"] = String(path.dropFirst(2))
            kept.append(entry)
        }
        return (Array(try JSONSerialization.data(withJSONObject: kept)), kept.count, statuses)
    }

    struct ContractError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
