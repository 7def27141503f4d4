/// A regular file of HEAD's tree without its contents: repository-relative path and blob id.
public struct TreeEntry: Sendable, Equatable {
    public var path: String
    public var blobID: String

    public init(path: String, blobID: String) {
        self.path = path
        self.blobID = blobID
    }
}
