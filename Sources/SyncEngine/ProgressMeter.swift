import Foundation

/// Turns progress events into the line a terminal shows: counts, the rate and, while applying, the time left.
/// Nothing for runs shorter than `delay`, and a new line at most every `interval`, so ten thousand events cost a
/// few dozen redraws. The caller gives each event's time, so it needs no clock of its own.
public struct ProgressMeter: Sendable {
    public var delay: TimeInterval = 1
    public var interval: TimeInterval = 0.1
    private let start: Date
    private var phaseStart: Date
    private var lastShown: Date?

    public init(start: Date) {
        self.start = start
        phaseStart = start
    }

    /// The line to show for `event` at `now`, or nil to leave the terminal as it is.
    public mutating func line(for event: ProgressEvent, at now: Date) -> String? {
        if case .executing = event { phaseStart = now }
        guard now.timeIntervalSince(start) >= delay else { return nil }
        let final = Self.isPhaseEnd(event)
        if !final, let last = lastShown, now.timeIntervalSince(last) < interval { return nil }
        lastShown = now
        let elapsed = now.timeIntervalSince(phaseStart)
        switch event {
        case .reading(let items):
            return "reading: \(Self.count(items)) items" + Self.rate(items, over: elapsed)
        case .read(let items):
            return "read \(Self.count(items)) items"
        case .executing(let total):
            return "applying 0/\(Self.count(total))"
        case .executed(let done, let total):
            var text = "applying \(Self.count(done))/\(Self.count(total))" + Self.rate(done, over: elapsed)
            if done > 0, done < total, elapsed > 0 {
                text += ", " + Self.duration(Double(total - done) * elapsed / Double(done)) + " left"
            }
            return text
        }
    }

    private static func isPhaseEnd(_ event: ProgressEvent) -> Bool {
        switch event {
        case .read, .executing: return true
        case .executed(let done, let total): return done == total
        case .reading: return false
        }
    }

    private static func rate(_ count: Int, over seconds: TimeInterval) -> String {
        guard seconds >= 0.5, count > 0 else { return "" }
        let perSecond = Double(count) / seconds
        return perSecond >= 10 ? " (\(Int(perSecond.rounded()))/s)" : String(format: " (%.1f/s)", perSecond)
    }

    /// `12,345`.
    static func count(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    /// `45 s`, `3 min 20 s`, `2 h 5 min`.
    static func duration(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }
}
