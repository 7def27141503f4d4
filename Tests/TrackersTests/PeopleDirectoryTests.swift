import Synchronization
import XCTest
@testable import Trackers

/// A local name and the name a tracker shows compare equal once the tracker has named the person, and a local
/// assignee is looked up at most once a run.
final class PeopleDirectoryTests: XCTestCase {
    private struct Person: TrackerPerson {
        var id: String
        var email: String
        var displayName: String
        var pulledName: String { email }
        func isNamed(_ name: String) -> Bool { [id, email, displayName].contains { $0.lowercased() == name.lowercased() } }
    }

    private let ada = Person(id: "u-1", email: "ada@example.com", displayName: "Ada Lovelace")

    func testAPersonSeenInAnAnswerIsTheSameUnderEveryName() {
        let people = PeopleDirectory<Person>()
        XCTAssertFalse(people.isSamePerson("Ada Lovelace", as: "ada@example.com"))
        XCTAssertEqual(people.remember(ada), "ada@example.com")
        XCTAssertTrue(people.isSamePerson("ada lovelace", as: "ada@example.com"))
        XCTAssertFalse(people.isSamePerson("Grace Hopper", as: "ada@example.com"))
        XCTAssertEqual(people.pulledName(forLocal: "Ada Lovelace"), "ada@example.com")
        XCTAssertEqual(people.pulledName(forLocal: "Grace Hopper"), "Grace Hopper")
    }

    func testALocalNameIsSearchedOnceAndOnlyAnExactMatchCounts() async throws {
        let people = PeopleDirectory<Person>()
        let searches = Mutex(0)
        let near = Person(id: "u-2", email: "adam@example.com", displayName: "Ada Lovelace-Byron")
        let search: (String) async throws -> [Person] = { _ in
            searches.withLock { $0 += 1 }
            return [near, self.ada]
        }
        let first = try await people.id(for: "Ada Lovelace", search: search)
        let again = try await people.id(for: "ADA LOVELACE", search: search)
        let unknown = try await people.id(for: "Ada", search: search)
        XCTAssertEqual(first, "u-1")
        XCTAssertEqual(again, "u-1")
        XCTAssertNil(unknown, "a partial name matches nobody")
        XCTAssertEqual(searches.withLock { $0 }, 2, "the second look-up of the same name asks nothing")
    }
}
