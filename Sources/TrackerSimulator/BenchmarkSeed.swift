/// How `--seed-issues` dates the issues it generates, for every simulated tracker.
enum BenchmarkSeed {
    /// Generated issues stop changing this long before the simulator starts, as a real tracker's issues were not
    /// all edited in the minutes before a first pull: a no-op sync then reads what really changed, not every issue
    /// inside the sync's read overlap.
    static let quietSeconds = 600
}
