import Foundation
import JSON
import Trackers

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
    /// The discovery filters of the run that set `timestamp` (`discovery`); nil in files written before it was
    /// recorded, which were always the default scope. A run with the same filters discovers incrementally.
    public var discovery: DiscoveryFilter?

    public init(timestamp: Date? = nil, items: [String: BaselineEntry] = [:], discovery: DiscoveryFilter? = nil) {
        self.timestamp = timestamp
        self.items = items
        self.discovery = discovery
    }

    public struct FormatError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// One pass of the JSON parser over the file; a 10,000-item baseline is read in milliseconds.
    public static func decode(_ data: Data, path: String) throws(FormatError) -> Baseline {
        let lines = BaselineLineReader.read(Array(data))
        let root: JSONValue
        do { root = try JSONValue(parsing: lines?.rest ?? Array(data)) } catch {
            throw FormatError(message: "\(path): not valid JSON; restore it from git (git checkout -- \(path)) or delete it to sync from scratch")
        }
        guard case .object(let members) = root else {
            throw FormatError(message: "\(path): expected a JSON object with \"timestamp\" and \"items\"")
        }
        var baseline = Baseline()
        switch members["timestamp"] {
        case .string(let s)?: baseline.timestamp = ISOTime.parse(s)
        case .number(let n)?: baseline.timestamp = Date(timeIntervalSince1970: n.double)
        default: break
        }
        if let lines {
            baseline.items = lines.items
        } else if case .object(let items)? = members["items"] {
            baseline.items.reserveCapacity(items.count)
            for (id, value) in items {
                switch value {
                case .string(let s):
                    baseline.items[id] = BaselineEntry(remoteUpdatedAt: s, remoteHash: nil, localHash: nil, localBlob: nil)
                case .object(let o):
                    baseline.items[id] = BaselineEntry(
                        remoteUpdatedAt: o["remote_updated_at"]?.string, remoteHash: o["remote_hash"]?.string,
                        localHash: o["local_hash"]?.string, localBlob: o["local_blob"]?.string,
                        forgottenKey: o["forgotten_key"]?.string, remoteID: o["remote_id"]?.string)
                default:
                    continue
                }
            }
        }
        baseline.discovery = members["discovery"].flatMap(Self.discoveryFilter)
        return baseline
    }

    /// `{"all": false, "assignee": "…", "labels": […], "project": "…", "state": "…"}`, members left out when unset.
    static func discoveryFilter(_ value: JSONValue) -> DiscoveryFilter? {
        guard case .object(let o) = value else { return nil }
        return DiscoveryFilter(projectCode: o["project"]?.string, all: o["all"]?.bool ?? false, assignee: o["assignee"]?.string,
            labels: (o["labels"]?.array ?? []).compactMap(\.string), state: o["state"]?.string)
    }

    static func encoded(_ filter: DiscoveryFilter) -> String {
        var fields = ["\"all\": \(filter.all)"]
        if let v = filter.assignee { fields.append("\"assignee\": \(quote(v))") }
        fields.append("\"labels\": [" + filter.labels.map(quote).joined(separator: ", ") + "]")
        if let v = filter.projectCode { fields.append("\"project\": \(quote(v))") }
        if let v = filter.state { fields.append("\"state\": \(quote(v))") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// Deterministic text: sorted keys, one item per line, so two people's syncs merge cleanly in git. Written into
    /// one byte buffer: at 10,000 items, a string per field made this 9% of a sync of 10 + 10 changes.
    public func encoded() -> String {
        var out = [UInt8]()
        out.reserveCapacity(64 + items.count * 300)
        out.append(contentsOf: "{\n".utf8)
        if let discovery { out.append(contentsOf: "  \"discovery\": \(Self.encoded(discovery)),\n".utf8) }
        out.append(contentsOf: "  \"items\": {".utf8)
        let ids = items.keys.sorted()
        for (index, id) in ids.enumerated() {
            let e = items[id]!
            out.append(contentsOf: "\n    ".utf8)
            Self.appendQuoted(id, to: &out)
            out.append(contentsOf: ": {".utf8)
            var first = true
            func field(_ name: StaticString, _ value: String?) {
                guard let value else { return }
                if !first { out.append(contentsOf: ", ".utf8) }
                first = false
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
                out.append(contentsOf: "\": ".utf8)
                Self.appendQuoted(value, to: &out)
            }
            field("forgotten_key", e.forgottenKey)
            field("local_blob", e.localBlob)
            field("local_hash", e.localHash)
            field("remote_hash", e.remoteHash)
            field("remote_id", e.remoteID)
            field("remote_updated_at", e.remoteUpdatedAt)
            out.append(UInt8(ascii: "}"))
            if index < ids.count - 1 { out.append(UInt8(ascii: ",")) }
        }
        out.append(contentsOf: (ids.isEmpty ? "},\n" : "\n  },\n").utf8)
        out.append(contentsOf: ("  \"timestamp\": " + (timestamp.map { Self.quote(ISOTime.format($0)) } ?? "null") + "\n}\n").utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string literal as `JSONEncoder` writes one (`/` left alone), without an encoder per value: a baseline
    /// of 10,000 items quotes 50,000 strings.
    static func quote(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\")
        out.append(UInt8(ascii: "\""))
        // Hashes, blob ids, keys and times: nothing to escape, copied whole.
        let copied = s.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == backslash }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied == true {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""), backslash: out.append(backslash); out.append(byte)
            case 0x08: out.append(backslash); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(backslash); out.append(UInt8(ascii: "f"))
            case 0x0A: out.append(backslash); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(backslash); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(backslash); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// ISO 8601 in UTC with second precision, the format of every timestamp this tool writes.
public enum ISOTime {
    /// `2026-11-25T10:39:38Z`. The format style, not ISO8601DateFormatter: a first pull formats a time per item, and
    /// each formatter's set-up is ICU's.
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    public static func parse(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)
    }
}
