import JSON

/// An ADF document made from markdown, with what could not be represented exactly.
public struct ADFConversion: Sendable, Equatable {
    /// `{"version":1,"type":"doc","content":[…]}`.
    public var document: JSONValue
    /// One short sentence per kind of loss (e.g. "table column alignment was dropped …"), each listed once.
    public var notices: [String]

    public init(document: JSONValue, notices: [String]) {
        self.document = document
        self.notices = notices
    }
}
