/// The limit of safety invariant 6: more than `--max-pulls`/`--max-pushes` changes stop before any write.
struct BlastRadiusGate {
    let maxPulls: Int
    let maxPushes: Int

    func check(_ plan: Plan) -> String? {
        var over: [String] = []
        if plan.pullCount > maxPulls { over.append("\(plan.pullCount) local writes (limit \(maxPulls); raise it with --max-pulls \(plan.pullCount))") }
        if plan.pushCount > maxPushes { over.append("\(plan.pushCount) remote writes (limit \(maxPushes); raise it with --max-pushes \(plan.pushCount))") }
        return over.isEmpty ? nil : "stopped before writing anything: this sync would make " + over.joined(separator: " and ")
    }
}
