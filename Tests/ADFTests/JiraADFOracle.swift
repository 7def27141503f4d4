import JSON
@testable import TrackerSimulator

/// The independent judge of the converter's output: the Jira simulator's description validator, written from
/// Atlassian's ADF reference without the converter's own idea of the schema.
enum JiraADFOracle {
    /// Why Jira (as the simulator models it) would refuse `document` as a description; nil when it accepts it.
    static func problem(in document: JSONValue) -> String? {
        do {
            try ADFValidator.validate(document)
            return nil
        } catch {
            return error.description
        }
    }
}
