import Foundation

/// A work item file in the corpus style.
func workItem(id: String, title: String, status: String = "ready", priority: String = "medium", kind: String = "story",
              tags: [String] = [], externalID: String? = nil, workItemID: String? = nil, summary: String = "Something to do.",
              extraSections: String = "") -> String {
    var fm = workItemID.map { "work_item_id: \"\($0)\"\n" } ?? "id: \"\(id)\"\n"
    fm += "title: \"\(title)\"\ndate: \"2026-11-01T10:00:00+00:00\"\nauthor: Test Author\nkind: \(kind)\nstatus: \(status)\npriority: \(priority)\n"
    fm += "tags: [\(tags.joined(separator: ", "))]\ntype: work-item\nschema_version: 1\n"
    if let externalID { fm += "external_id: \(externalID)\n" }
    return "---\n" + fm + "---\n\n# \(id): \(title)\n\n**Kind**: \(kind.capitalized)\n**Status**: \(status.capitalized)\n**Priority**: \(priority.capitalized)\n**Author**: Test Author\n\n## Summary\n\n\(summary)\n" + extraSections
}
