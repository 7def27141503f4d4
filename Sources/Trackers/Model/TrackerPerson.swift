/// A user as a tracker's answers show them.
public protocol TrackerPerson: Sendable {
    /// The tracker's own id for them (an accountId, a user id).
    var id: String { get }
    /// How a pulled item names them (their email when the tracker shows it, else the name it shows).
    var pulledName: String { get }
    /// Whether a local file's name for someone (email, display name, id) is theirs: exact, case-insensitive.
    func isNamed(_ name: String) -> Bool
}
