import GitStore
import JSON

extension JournalEntry {
    /// The entry as one compact JSON object with its members sorted, `Codable`'s names and nil members left out:
    /// the same text `JSONEncoder` with `.sortedKeys` makes, written without it (a first pull journals 10,000
    /// entries, and the encoder was a tenth of its time).
    var json: JSONValue {
        let members: [(CodingKeys, JSONValue?)] = [
            (.kind, .string(kind.rawValue)), (.id, .string(id)), (.path, path.map(JSONValue.string)),
            (.blob, blob.map(JSONValue.string)), (.key, key.map(JSONValue.string)), (.marker, marker.map(JSONValue.string)),
            (.time, time.map(JSONValue.string)), (.remoteUpdatedAt, remoteUpdatedAt.map(JSONValue.string)),
            (.remoteHash, remoteHash.map(JSONValue.string)), (.localHash, localHash.map(JSONValue.string)),
            (.localBlob, localBlob.map(JSONValue.string)), (.remoteID, remoteID.map(JSONValue.string)),
            (.action, action.map(JSONValue.string)), (.title, title.map(JSONValue.string)),
            (.choice, choice.map(JSONValue.string)), (.who, who.map(JSONValue.string)),
            (.sentHash, sentHash.map(JSONValue.string)), (.commit, commit.map(JSONValue.string)),
            (.parent, parent.map(JSONValue.string)), (.reference, reference.map(JSONValue.string)),
            (.changes, changes.map { .array($0.map(Self.json)) }),
        ]
        return .object(JSONObject(members.compactMap { key, value in value.map { (key.stringValue, $0) } }))
    }

    private static func json(_ change: StagedChange) -> JSONValue {
        let members: [(String, JSONValue?)] = [
            ("path", .string(change.path)), ("before", change.before.map(JSONValue.string)),
            ("after", change.after.map(JSONValue.string)),
        ]
        return .object(JSONObject(members.compactMap { key, value in value.map { (key, $0) } }))
    }
}
