import Foundation

/// What the last sync saw of one item (DESIGN.md "Baseline").
public struct BaselineEntry: Sendable, Equatable {
    public var remoteUpdatedAt: String?
    public var remoteHash: String?
    public var localHash: String?
    public var localBlob: String?
    /// Set by `--forget` on an item deleted in a commit: its remote key, which the sync leaves alone from then on
    /// (never pulled again, never reported).
    public var forgottenKey: String?
    /// The tracker's stable id for the item (`RemoteItem.remoteID`), for trackers whose keys change when an item
    /// moves: the next read finds the item by it and the local key is rewritten.
    public var remoteID: String?

    public init(remoteUpdatedAt: String?, remoteHash: String?, localHash: String?, localBlob: String?, forgottenKey: String? = nil,
                remoteID: String? = nil) {
        self.remoteUpdatedAt = remoteUpdatedAt
        self.remoteHash = remoteHash
        self.localHash = localHash
        self.localBlob = localBlob
        self.forgottenKey = forgottenKey
        self.remoteID = remoteID
    }
}

/// `<paths.integrations>/<tracker>/last-sync.json`. Reads our shape, the seed's (`items` values are timestamps)
/// and the accelerator's (unix `timestamp`); writes ours with sorted keys and one item per line.
public struct Baseline: Sendable, Equatable {
    public var timestamp: Date?
    public var items: [String: BaselineEntry]

    public init(timestamp: Date? = nil, items: [String: BaselineEntry] = [:]) {
        self.timestamp = timestamp
        self.items = items
    }

    public struct FormatError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func decode(_ data: Data, path: String) throws(FormatError) -> Baseline {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw FormatError(message: "\(path): not valid JSON; restore it from git (git checkout -- \(path)) or delete it to sync from scratch")
        }
        guard let root = object as? [String: Any] else {
            throw FormatError(message: "\(path): expected a JSON object with \"timestamp\" and \"items\"")
        }
        var baseline = Baseline()
        switch root["timestamp"] {
        case let s as String: baseline.timestamp = ISOTime.parse(s)
        case let n as NSNumber: baseline.timestamp = Date(timeIntervalSince1970: n.doubleValue)
        default: break
        }
        for (id, value) in root["items"] as? [String: Any] ?? [:] {
            switch value {
            case let s as String:
                baseline.items[id] = BaselineEntry(remoteUpdatedAt: s, remoteHash: nil, localHash: nil, localBlob: nil)
            case let o as [String: Any]:
                baseline.items[id] = BaselineEntry(
                    remoteUpdatedAt: o["remote_updated_at"] as? String, remoteHash: o["remote_hash"] as? String,
                    localHash: o["local_hash"] as? String, localBlob: o["local_blob"] as? String,
                    forgottenKey: o["forgotten_key"] as? String, remoteID: o["remote_id"] as? String)
            default:
                continue
            }
        }
        return baseline
    }

    /// Deterministic text: sorted keys, one item per line, so two people's syncs merge cleanly in git.
    public func encoded() -> String {
        var out = "{\n  \"items\": {"
        let ids = items.keys.sorted()
        for (index, id) in ids.enumerated() {
            let e = items[id]!
            var fields: [String] = []
            if let v = e.forgottenKey { fields.append("\"forgotten_key\": \(Self.quote(v))") }
            if let v = e.localBlob { fields.append("\"local_blob\": \(Self.quote(v))") }
            if let v = e.localHash { fields.append("\"local_hash\": \(Self.quote(v))") }
            if let v = e.remoteHash { fields.append("\"remote_hash\": \(Self.quote(v))") }
            if let v = e.remoteID { fields.append("\"remote_id\": \(Self.quote(v))") }
            if let v = e.remoteUpdatedAt { fields.append("\"remote_updated_at\": \(Self.quote(v))") }
            out += "\n    \(Self.quote(id)): {" + fields.joined(separator: ", ") + "}" + (index < ids.count - 1 ? "," : "")
        }
        out += ids.isEmpty ? "},\n" : "\n  },\n"
        out += "  \"timestamp\": " + (timestamp.map { Self.quote(ISOTime.format($0)) } ?? "null") + "\n}\n"
        return out
    }

    static func quote(_ s: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(s)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}

/// ISO 8601 in UTC with second precision, the format of every timestamp this tool writes.
public enum ISOTime {
    public static func format(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    public static func parse(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)
    }
}
