/// A project's workflow: its statuses and the transitions between them. Status changes go only through
/// transitions available from the current status (the admin API may set a status directly, as a Jira admin could).
struct JiraWorkflow: Codable, Sendable, Equatable {
    struct Status: Codable, Sendable, Equatable {
        var id: String
        var name: String
        var description: String
        /// `new`, `indeterminate` or `done`.
        var categoryKey: String
    }

    struct Transition: Codable, Sendable, Equatable {
        var id: String
        var name: String
        /// The statuses it leaves from; nil for a global transition (from every status but its target).
        var from: [String]?
        var to: String

        func isAvailable(from statusID: String) -> Bool {
            if let from { return from.contains(statusID) }
            return statusID != to
        }
    }

    var statuses: [Status]
    var transitions: [Transition]
    var initialStatusID: String

    func status(id: String) -> Status? { statuses.first { $0.id == id } }

    /// By id or by name, case-insensitive.
    func status(named text: String) -> Status? {
        statuses.first { $0.id == text || $0.name.caseInsensitiveCompare(text) == .orderedSame }
    }

    func transitions(from statusID: String) -> [Transition] { transitions.filter { $0.isAvailable(from: statusID) } }

    /// To Do → In Progress → In Review → Done, with the ways back a team uses, "Won't Do" from anywhere and
    /// "Reopen" from the two closed statuses. Deliberately not all-to-all: a client must look transitions up.
    static let standard = JiraWorkflow(
        statuses: [
            Status(id: "10000", name: "To Do", description: "Work that has not been started.", categoryKey: "new"),
            Status(id: "3", name: "In Progress", description: "This work item is being actively worked on at the moment.",
                   categoryKey: "indeterminate"),
            Status(id: "10001", name: "In Review", description: "Waiting for a review.", categoryKey: "indeterminate"),
            Status(id: "10002", name: "Done", description: "Work that is finished.", categoryKey: "done"),
            Status(id: "10003", name: "Won't Do", description: "Work that will not be done.", categoryKey: "done"),
        ],
        transitions: [
            Transition(id: "11", name: "Start Progress", from: ["10000"], to: "3"),
            Transition(id: "21", name: "Stop Progress", from: ["3"], to: "10000"),
            Transition(id: "31", name: "Request Review", from: ["3"], to: "10001"),
            Transition(id: "41", name: "Request Changes", from: ["10001"], to: "3"),
            Transition(id: "51", name: "Done", from: ["10001"], to: "10002"),
            Transition(id: "61", name: "Won't Do", from: nil, to: "10003"),
            Transition(id: "71", name: "Reopen", from: ["10002", "10003"], to: "10000"),
        ],
        initialStatusID: "10000")
}
