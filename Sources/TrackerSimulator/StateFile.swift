import Foundation

/// Keeps `--state FILE` in step with the tracker: written after every change, atomically (temporary file and
/// rename), never older over newer when concurrent requests finish out of order.
actor StateFile {
    let path: String
    private var savedRevision: Int

    /// Nothing saved yet: the first `persist` writes the start state, so the file exists from the start.
    init(path: String) {
        self.path = path
        savedRevision = -1
    }

    func persist(_ tracker: any SimulatedTracker) async {
        guard let snapshot = await tracker.snapshot(ifNewerThan: savedRevision), snapshot.revision > savedRevision else {
            return
        }
        savedRevision = snapshot.revision
        let url = URL(fileURLWithPath: path)
        // `.atomic` writes a temporary file beside the target and renames it over.
        try? snapshot.data.write(to: url, options: .atomic)
    }
}
