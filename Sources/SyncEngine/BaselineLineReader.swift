/// Reads the items of a `last-sync.json` in the layout `Baseline.encoded` writes (one item per line, members in a
/// known set, strings without escapes) straight into entries, without a JSON tree of 10,000 objects: that tree was
/// a quarter of `status` at 10,000 items. Anything else (a hand edit, an escape, a merge marker, the seed's layout)
/// gives nil, and the JSON parser reads the whole file as before. The rest of the file, with the items left out,
/// is returned for the JSON parser (the timestamp and the discovery filters).
struct BaselineLineReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    static func read(_ bytes: [UInt8]) -> (items: [String: BaselineEntry], rest: [UInt8])? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = BaselineLineReader(bytes: buffer)
            guard let (open, close, items) = reader.items() else { return nil }
            return (items, Array(buffer[..<open]) + Array(buffer[close...]))
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static let opening = Array("\n  \"items\": {".utf8)
    private static let emptyClosing = Array("},\n".utf8)
    private static let closing = Array("\n  },\n".utf8)
    private static let itemStart = Array("\n    \"".utf8)
    private static let itemOpen = Array(": {".utf8)
    private static let memberSeparator = Array(", ".utf8)
    private static let valueStart = Array(": \"".utf8)
    private static let members = ["forgotten_key", "local_blob", "local_hash", "remote_hash", "remote_id", "remote_updated_at"]
        .map { Array($0.utf8) }

    /// Where the items' braces' insides begin and end, and the items.
    private mutating func items() -> (open: Int, close: Int, items: [String: BaselineEntry])? {
        // The items open on the file's second or third line (after `{` and perhaps the discovery filters' line).
        guard bytes.first == UInt8(ascii: "{"), let start = find(Self.opening),
            bytes[..<start].lazy.filter({ $0 == 0x0A }).count <= 1
        else { return nil }
        position = start + Self.opening.count
        var items: [String: BaselineEntry] = [:]
        if starts(with: Self.emptyClosing) { return (position, position, items) }
        items.reserveCapacity(bytes.count / 256)
        while !starts(with: Self.closing) {
            guard skip(Self.itemStart), let id = string(), skip(Self.itemOpen), let entry = entry(),
                skip(UInt8(ascii: "}"))
            else { return nil }
            items[id] = entry
            if !starts(with: Self.closing) && !skip(UInt8(ascii: ",")) { return nil }
        }
        // From the closing brace on: "\n  " comes before it.
        return (start + Self.opening.count, position + 3, items)
    }

    /// `"name": "value"` members separated by `, `, each name known and given once; none for `{}`.
    private mutating func entry() -> BaselineEntry? {
        var entry = BaselineEntry(remoteUpdatedAt: nil, remoteHash: nil, localHash: nil, localBlob: nil)
        if position < bytes.count && bytes[position] == UInt8(ascii: "}") { return entry }
        var seen = 0
        repeat {
            guard skip(UInt8(ascii: "\"")), let member = member(), seen & (1 << member) == 0, skip(Self.valueStart),
                let value = string()
            else { return nil }
            seen |= 1 << member
            switch member {
            case 0: entry.forgottenKey = value
            case 1: entry.localBlob = value
            case 2: entry.localHash = value
            case 3: entry.remoteHash = value
            case 4: entry.remoteID = value
            default: entry.remoteUpdatedAt = value
            }
        } while skip(Self.memberSeparator)
        return entry
    }

    /// The index of the known member name that follows (with its closing quote), nil for any other.
    private mutating func member() -> Int? {
        for (index, name) in Self.members.enumerated() where starts(with: name) {
            let end = position + name.count
            if end < bytes.count && bytes[end] == UInt8(ascii: "\"") {
                position = end + 1
                return index
            }
        }
        return nil
    }

    /// The rest of a string whose opening quote was read: nil at an escape, a control character, bytes that are not
    /// UTF-8 (which the JSON parser refuses) or the end.
    private mutating func string() -> String? {
        let start = position
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return ascii ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        return nil
    }

    private func starts(with expected: [UInt8]) -> Bool {
        guard bytes.count - position >= expected.count else { return false }
        for offset in expected.indices where bytes[position + offset] != expected[offset] { return false }
        return true
    }

    private mutating func skip(_ expected: [UInt8]) -> Bool {
        guard starts(with: expected) else { return false }
        position += expected.count
        return true
    }

    private mutating func skip(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private func find(_ needle: [UInt8]) -> Int? {
        bytes.firstRange(of: needle)?.lowerBound
    }
}
