import Synchronization

/// The people a tracker's answers named in one run, so a local email and the display name the tracker shows for
/// the same person compare equal, and local assignee names resolved to the tracker's ids (each asked at most once).
public final class PeopleDirectory<Person: TrackerPerson>: Sendable {
    private let people = Mutex<[String: Person]>([:])
    private let resolved = Mutex<[String: String]>([:])

    public init() {}

    /// Records a person from an answer and returns how a pulled item names them.
    @discardableResult
    public func remember(_ person: Person) -> String {
        people.withLock { $0[person.id] = person }
        return person.pulledName
    }

    /// The name a pulled item would use for the person a local file calls `name`; `name` when nobody seen has it.
    public func pulledName(forLocal name: String) -> String {
        people.withLock { all in all.values.first { $0.isNamed(name) }?.pulledName } ?? name
    }

    /// Whether `name` and `pulled` are spelt alike or name one person seen this run.
    public func isSamePerson(_ name: String, as pulled: String) -> Bool {
        if pulled.lowercased() == name.lowercased() { return true }
        return people.withLock { all in all.values.contains { $0.isNamed(name) && $0.isNamed(pulled) } }
    }

    /// The id of the person a local file calls `name`: known from earlier in the run, or the one exact match among
    /// the people `search` finds (remembered); nil when there is none.
    public func id(for name: String, search: (String) async throws -> [Person]) async throws -> String? {
        let lower = name.lowercased()
        if let known = resolved.withLock({ $0[lower] }) { return known }
        var person = people.withLock { all in all.values.first { $0.isNamed(name) } }
        if person == nil { person = try await search(name).first { $0.isNamed(name) } }
        guard let person else { return nil }
        remember(person)
        resolved.withLock { $0[lower] = person.id }
        return person.id
    }
}
