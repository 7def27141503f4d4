import Foundation

/// What a file's frontmatter must hold before it is synced: values of the right shape (a list title would be sent
/// as an empty one) and an id that is safe in a file name. The first problem is reported with its line; the sync
/// and `check` refuse the item instead of sending it.
extension WorkItemDocument {
    /// Keys that hold one value.
    static let singleValueKeys: Set<String> = ["id", "work_item_id", "external_id", "title", "status", "priority", "kind",
                                                "assignee", "parent"]

    public func validate() throws(WorkItemParseError) {
        for field in fields {
            try Self.checkShape(of: field)
            if field.key == "id", case .string(let id) = field.value, !id.isEmpty, !LocalID.isValid(id) {
                throw WorkItemParseError(line: field.lineRange.lowerBound + 2, message: "id \"\(id)\" is not a valid id: "
                    + "use letters, digits, '.', '_' and '-', starting with a letter or digit, at most \(LocalID.maxLength) (no '/' or '..')")
            }
        }
    }

    private static func checkShape(of field: FrontmatterField) throws(WorkItemParseError) {
        let line = field.lineRange.lowerBound + 2
        if singleValueKeys.contains(field.key) {
            switch field.shape {
            case .scalar, .null: return
            case .list, .nestedList:
                throw WorkItemParseError(line: line, message: "\(field.key) must be a single value, not a list: write \(field.key): \"…\"")
            case .other:
                throw WorkItemParseError(line: line, message: "\(field.key) must be a single value, not a mapping: write \(field.key): \"…\"")
            }
        }
        if field.key == "tags", field.shape == .nestedList || field.shape == .other {
            throw WorkItemParseError(line: line, message: "tags must be a list of single values: write tags: [one, two]")
        }
    }
}
