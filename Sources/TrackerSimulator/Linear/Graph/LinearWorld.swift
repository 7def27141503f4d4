/// The store one request works on, shared by the objects that resolve its fields; mutations change it in place and
/// the simulator keeps the result. A class so every node sees the changes a mutation made before it.
final class LinearWorld {
    var store: LinearStore
    /// The simulated now, for `DateTimeOrDuration` filters.
    let now: Int64

    init(store: LinearStore, now: Int64) {
        self.store = store
        self.now = now
    }

    var filter: LinearFilter { LinearFilter(now: now) }

    /// `issues` of the workspace as a filtered, ordered list (before paging).
    func issues(_ arguments: GraphQLArguments, within candidates: [LinearStore.Issue]? = nil) throws(GraphQLFieldError) -> [LinearStore.Issue] {
        let includeArchived = arguments.bool("includeArchived") ?? false
        let filter = arguments.object("filter") ?? [:]
        var out: [LinearStore.Issue] = []
        do throws(LinearFilter.Unsupported) {
            for issue in candidates ?? store.allIssues where includeArchived || issue.archivedAt == nil {
                if filter.isEmpty {
                    out.append(issue)
                } else if try self.filter.matches(LinearIssueNode(world: self, issue: issue), filter) {
                    out.append(issue)
                }
            }
        } catch {
            throw LinearErrors.unsupportedFilter(error.field)
        }
        let byUpdated = arguments.string("orderBy") == "updatedAt"
        return out.sorted { a, b in
            let (x, y) = byUpdated ? (a.updatedAt, b.updatedAt) : (a.createdAt, b.createdAt)
            return x != y ? x > y : a.id > b.id
        }
    }

    /// Any other list (teams, states, labels, users): filtered, in creation order, newest first as Linear lists them.
    func filtered<Node: LinearFilterable>(_ nodes: [Node], _ arguments: GraphQLArguments, archived: (Node) -> Bool = { _ in false }) throws(GraphQLFieldError) -> [Node] {
        let includeArchived = arguments.bool("includeArchived") ?? false
        let filter = arguments.object("filter") ?? [:]
        do throws(LinearFilter.Unsupported) {
            var out: [Node] = []
            for node in nodes where includeArchived || !archived(node) {
                if filter.isEmpty {
                    out.append(node)
                } else if try self.filter.matches(node, filter) {
                    out.append(node)
                }
            }
            return out
        } catch {
            throw LinearErrors.unsupportedFilter(error.field)
        }
    }
}
