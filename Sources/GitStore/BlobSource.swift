/// Where a packed blob's bytes come from: the working-tree file as it is, or what the repository's filters
/// (end of line, `ident`, a `filter=` driver) made of it on its way into the object database.
enum BlobSource: Sendable {
    case file(absolute: String, path: String)
    case filtered([UInt8], path: String)
}
