import Synchronization

/// The updated time the baseline holds for each tracked item (key → `RemoteItem.updatedAt`), worked out only when a
/// tracker asks: most trackers' listings carry every item's state and never do, and a no-op over 100,000 items
/// should not build a map for nothing.
public final class KnownUpdates: Sendable, Equatable {
    private let make: @Sendable () -> [String: String]
    private let made = Mutex<[String: String]?>(nil)

    public init(_ make: @escaping @Sendable () -> [String: String]) {
        self.make = make
    }

    public convenience init(_ times: [String: String] = [:]) {
        self.init { times }
    }

    /// The times of `pairs`, worked out when a tracker asks. A key held with two different times, or with none (two
    /// files tracking one item, or an item never read), is left out, so it is read again.
    public static func agreeing(_ pairs: @escaping @Sendable () -> [(key: String, time: String?)]) -> KnownUpdates {
        KnownUpdates {
            var times: [String: String] = [:]
            var disagreeing = Set<String>()
            for pair in pairs() {
                guard let time = pair.time else { disagreeing.insert(pair.key); continue }
                if let other = times.updateValue(time, forKey: pair.key), other != time { disagreeing.insert(pair.key) }
            }
            for key in disagreeing { times[key] = nil }
            return times
        }
    }

    /// The time held for `key`, nil when none is.
    public subscript(key: String) -> String? { times[key] }

    public var times: [String: String] {
        made.withLock { made in
            if let made { return made }
            let times = make()
            made = times
            return times
        }
    }

    public static func == (lhs: KnownUpdates, rhs: KnownUpdates) -> Bool {
        lhs === rhs || lhs.times == rhs.times
    }
}
