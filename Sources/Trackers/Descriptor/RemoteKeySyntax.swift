/// What a tracker's remote keys look like: `ENG-42`, `owner/repo#123`, an 8-character shortLink.
public struct RemoteKeySyntax: Sendable {
    /// An example for messages ("like ENG-123").
    public let example: String
    private let test: @Sendable (String) -> Bool

    public init(example: String, matches test: @escaping @Sendable (String) -> Bool) {
        self.example = example
        self.test = test
    }

    public func matches(_ key: String) -> Bool { test(key) }

    /// `PROJ-123`: Jira and Linear keys, a project or team key (letters, digits, `_`, starting with a letter)
    /// and a number.
    public static let projectAndNumber = RemoteKeySyntax(example: "ENG-123") { key in
        guard let dash = key.lastIndex(of: "-") else { return false }
        let project = key[..<dash], number = key[key.index(after: dash)...]
        return (project.first?.isLetter ?? false) && project.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            && !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
