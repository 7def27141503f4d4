import Foundation

/// What a run that left both sides in step recorded (`.git/sync-work-items/settled`), so the next run that finds the
/// same HEAD, a clean work folder and nothing changed remotely answers "nothing to do" from one status check and one
/// remote read, without reading the work items or the baseline. A cache: without it a run reads everything.
///
/// One line per field (the last: how many items follow), then one tab-separated line per tracked item: `key`, the
/// remote updated time the baseline holds, the tracker's stable id (empty when none).
struct SettledStamp: Equatable {
    struct Tracked: Equatable, Sendable {
        var key: String
        var remoteUpdatedAt: String
        var remoteID: String?
    }

    /// Hash of everything else the run depended on: settings, filters, mode (`SettledFingerprint`).
    var fingerprint: String
    /// The work folder's tree in HEAD.
    var workTree: String
    /// `last-sync.json`'s blob in HEAD.
    var baselineBlob: String
    /// The baseline's watermark as a run reading that file sees it. Discovery reads from it too: a stamp is only
    /// written when the baseline records this run's filters.
    var since: Date
    var tracked: [Tracked]

    static let header = "git-sync-work-items settled 1"
    private static let fieldCount = 6

    /// nil when a value cannot be written on its line (a tab or a line break in remote text).
    func encoded() -> [UInt8]? {
        func fits(_ value: String) -> Bool { !value.utf8.contains { $0 == 9 || $0 == 10 || $0 == 13 } }
        guard [fingerprint, workTree, baselineBlob].allSatisfy(fits),
              tracked.allSatisfy({ fits($0.key) && fits($0.remoteUpdatedAt) && fits($0.remoteID ?? "") })
        else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(200 + tracked.count * 64)
        for line in [Self.header, fingerprint, workTree, baselineBlob, "\(since.timeIntervalSinceReferenceDate)", "\(tracked.count)"] {
            out.append(contentsOf: line.utf8)
            out.append(10)
        }
        for item in tracked {
            out.append(contentsOf: item.key.utf8)
            out.append(9)
            out.append(contentsOf: item.remoteUpdatedAt.utf8)
            out.append(9)
            out.append(contentsOf: (item.remoteID ?? "").utf8)
            out.append(10)
        }
        return out
    }

    /// nil for anything but a complete stamp in this format.
    init?(decoding bytes: [UInt8]) {
        guard bytes.last == 10 else { return nil }
        var fields: [String] = []
        var tracked: [Tracked] = []
        let complete = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var start = 0
            var parts: [Int] = []
            for index in buffer.indices where buffer[index] == 9 || buffer[index] == 10 {
                parts.append(index)
                guard buffer[index] == 10 else { continue }
                func text(_ from: Int, _ to: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[from..<to]), as: UTF8.self) }
                if fields.count < Self.fieldCount {
                    guard parts.count == 1 else { return false }
                    fields.append(text(start, index))
                } else {
                    guard parts.count == 3, parts[0] > start, parts[1] > parts[0] + 1 else { return false }
                    tracked.append(Tracked(key: text(start, parts[0]), remoteUpdatedAt: text(parts[0] + 1, parts[1]),
                        remoteID: parts[2] > parts[1] + 1 ? text(parts[1] + 1, parts[2]) : nil))
                }
                parts.removeAll(keepingCapacity: true)
                start = index + 1
            }
            return true
        }
        guard complete, fields.count == Self.fieldCount, fields[0] == Self.header, let since = Double(fields[4]), since.isFinite,
              Int(fields[5]) == tracked.count
        else { return nil }
        self.init(fingerprint: fields[1], workTree: fields[2], baselineBlob: fields[3],
            since: Date(timeIntervalSinceReferenceDate: since), tracked: tracked)
    }

    init(fingerprint: String, workTree: String, baselineBlob: String, since: Date, tracked: [Tracked]) {
        self.fingerprint = fingerprint
        self.workTree = workTree
        self.baselineBlob = baselineBlob
        self.since = since
        self.tracked = tracked
    }
}
