import Testing

/// The conformance suite: every scenario runs once per tracker in `allHarnesses`. One suite at a time (the
/// scenarios start simulators and the built binary; in parallel they would only fight over the machine).
@Suite(.serialized) struct Conformance {}

extension RunResult {
    /// Both streams, for failure messages.
    var output: String { stdout + stderr }
    var lines: Set<String> { Set(stdout.split(separator: "\n").map(String.init)) }
}
