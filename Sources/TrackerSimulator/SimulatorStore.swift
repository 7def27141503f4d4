import Foundation

/// What every simulated tracker's state has in common: it is a plain Codable value (a reset is an assignment, the
/// state file is its JSON), a revision that moves with every change, and clocks that never go back.
protocol SimulatorStore: Codable, Sendable {
    /// Bumped by every change; the state file is written when it moves.
    var revision: Int { get set }
    var wallClock: SimulatorClock { get set }
    /// Keeps the time of the latest change of `previous` (a reset must not make updated stamps go back).
    mutating func keepLatestChange(of previous: Self)
    /// Rebuilds what is derived from the coded state (lookup indexes), after the state is read from its file.
    mutating func rebuildIndexes()
}

extension SimulatorStore {
    /// A store with nothing derived has nothing to rebuild.
    mutating func rebuildIndexes() {}

    /// The saved state when the state file has one, else nil (start fresh).
    static func saved(in stateFile: String?) throws -> Self? {
        guard let data = stateFile.flatMap({ FileManager.default.contents(atPath: $0) }) else { return nil }
        var store = try JSONDecoder().decode(Self.self, from: data)
        store.rebuildIndexes()
        return store
    }

    /// `initial` again, as a change for the state file, keeping the simulated time and the latest change time.
    func restarted(from initial: Self) -> Self {
        var fresh = initial
        fresh.revision = revision + 1
        fresh.wallClock = wallClock
        fresh.keepLatestChange(of: self)
        return fresh
    }

    /// The simulated time after `move`; a move is a change for the state file.
    mutating func moveClock(_ move: ClockMove?) -> Date {
        if let move {
            wallClock.apply(move)
            revision += 1
        }
        return wallClock.now
    }

    /// The encoded state when it changed after `revision`, else nil.
    func snapshot(ifNewerThan revision: Int) -> (revision: Int, data: Data)? {
        guard self.revision > revision, let data = try? JSONEncoder().encode(self) else { return nil }
        return (self.revision, data)
    }
}
