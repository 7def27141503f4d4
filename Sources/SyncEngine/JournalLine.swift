/// A journal entry encoded as its line, ready to append: encoding can happen ahead, in parallel, while appending
/// keeps the run's order.
struct JournalLine: Sendable {
    let entry: JournalEntry
    let bytes: [UInt8]

    init(_ entry: JournalEntry) {
        self.entry = entry
        bytes = entry.json.encoded(keys: .sorted) + [UInt8(ascii: "\n")]
    }
}
