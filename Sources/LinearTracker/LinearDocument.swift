/// One GraphQL document the client sends, with the operation name Linear's logs and the simulator's request log
/// show, and whether repeating it is harmless.
public struct LinearDocument: Sendable, Equatable {
    public let operationName: String
    public let text: String
    /// Safe to send again after a connection failure (queries, and writes that set absolute values).
    public let idempotent: Bool

    init(_ operationName: String, idempotent: Bool, _ text: String) {
        self.operationName = operationName
        self.idempotent = idempotent
        self.text = text
    }
}
