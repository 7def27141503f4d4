import Foundation

/// The neutral members of an admin answer, in the tracker's own vocabulary, laid over the tracker's own JSON for
/// the item (they win where names collide), so one answer serves neutral scenarios and tracker-specific tests.
struct NeutralItemView: Sendable {
    var key: String
    var scope: String
    var title: String
    var description: String
    var state: String
    var labels: [String]
    var assignee: String?
    var priority: String?
    var kind: String?

    /// The tracker's JSON object (`native`) with the neutral members set.
    func overlaid(on native: [UInt8]) -> [String: Any] {
        var object = (try? JSONSerialization.jsonObject(with: Data(native))) as? [String: Any] ?? [:]
        object["key"] = key
        object["scope"] = scope
        object["title"] = title
        object["description"] = description
        object["state"] = state
        object["labels"] = labels
        object["assignee"] = assignee ?? NSNull()
        object["priority"] = priority ?? NSNull()
        object["kind"] = kind ?? NSNull()
        return object
    }
}
