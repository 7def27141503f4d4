import Foundation
import Trackers
import WorkItems

/// The issue id a create marker becomes: Linear takes a client-chosen UUID in `issueCreate`, so the marker itself is
/// the id (lower-cased) when it is a UUID, and otherwise a UUID derived from it (SHA-256, version 4 layout), so the
/// same marker always names the same issue.
enum LinearIssueID {
    static func from(_ marker: SyncMarker) -> String {
        if let uuid = UUID(uuidString: marker.value) { return uuid.uuidString.lowercased() }
        var bytes = Array(SHA256.hex(of: Array(("git-sync-work-items:" + marker.value).utf8)).utf8.prefix(32))
        bytes[12] = UInt8(ascii: "4")
        let variants = Array("89ab".utf8)
        bytes[16] = variants[Int(bytes[16] % 4)]
        let hex = String(decoding: bytes, as: UTF8.self)
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }
}
