/// Every GraphQL document the Linear client can send, as named constants: nothing else builds query text, so the
/// contract check (`make contract`) validates each of them against Linear's published schema.
public enum LinearDocuments {
    /// The issue fields the sync maps, and no more: what a read, a create and an update all answer with.
    static let issueFields = """
        fragment SyncIssue on Issue {
          id
          identifier
          title
          description
          priority
          url
          createdAt
          updatedAt
          archivedAt
          trashed
          previousIdentifiers
          labelIds
          state { id name type }
          team { id key }
          assignee { id name displayName email }
          creator { name displayName email }
          parent { id identifier }
        }
        """

    /// One page of issues, ordered by `updatedAt`, archived ones included (so a tracked issue that was archived is
    /// seen, not mistaken for unchanged).
    public static let issues = LinearDocument("Issues", idempotent: true, """
        query Issues($filter: IssueFilter, $first: Int!, $after: String) {
          issues(filter: $filter, first: $first, after: $after, includeArchived: true, orderBy: updatedAt) {
            nodes { ...SyncIssue }
            pageInfo { hasNextPage endCursor }
          }
        }
        """ + "\n" + issueFields)

    /// The first page of a listing that may be long, with the number of the newest issue the filter takes (where the
    /// rest of the listing is cut into ranges of numbers), in one request.
    public static let issuesAndNewest = LinearDocument("IssuesAndNewest", idempotent: true, """
        query IssuesAndNewest($filter: IssueFilter, $first: Int!) {
          issues(filter: $filter, first: $first, includeArchived: true, orderBy: updatedAt) {
            nodes { ...SyncIssue }
            pageInfo { hasNextPage endCursor }
          }
          newest: issues(filter: $filter, first: 1, includeArchived: true, orderBy: createdAt) {
            nodes { number }
          }
        }
        """ + "\n" + issueFields)

    /// One issue by id or identifier; Linear also resolves an identifier the issue had before it moved team.
    public static let issue = LinearDocument("Issue", idempotent: true, """
        query Issue($id: String!) {
          issue(id: $id) { ...SyncIssue }
        }
        """ + "\n" + issueFields)

    /// What writes need, read once per run: who the key belongs to, the team(s) with their workflow states, and the
    /// first page of labels (team and workspace).
    public static let context = LinearDocument("Context", idempotent: true, """
        query Context($teams: TeamFilter) {
          viewer { id name displayName email }
          teams(filter: $teams, first: 10) {
            nodes {
              id
              key
              name
              states(first: 100) { nodes { id name type position } }
            }
          }
          issueLabels(first: 250) {
            nodes { id name isGroup team { id } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """)

    /// Further pages of labels.
    public static let labels = LinearDocument("Labels", idempotent: true, """
        query Labels($after: String) {
          issueLabels(first: 250, after: $after) {
            nodes { id name isGroup team { id } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """)

    /// People by email, display name or name (an assignee to resolve).
    public static let users = LinearDocument("Users", idempotent: true, """
        query Users($filter: UserFilter) {
          users(filter: $filter, first: 50) {
            nodes { id name displayName email active }
          }
        }
        """)

    /// `check --online`: the key works, and which teams it sees.
    public static let verify = LinearDocument("Verify", idempotent: true, """
        query Verify {
          viewer { id name displayName email }
          teams(first: 250) { nodes { id key name } }
        }
        """)

    /// A create with the client's own `id`: an answer lost on the way is found by that id, never created twice.
    public static let issueCreate = LinearDocument("IssueCreate", idempotent: false, """
        mutation IssueCreate($input: IssueCreateInput!) {
          issueCreate(input: $input) {
            success
            issue { ...SyncIssue }
          }
        }
        """ + "\n" + issueFields)

    /// An update of the fields that changed; labels are added and removed, so labels set by others stay.
    public static let issueUpdate = LinearDocument("IssueUpdate", idempotent: true, """
        mutation IssueUpdate($id: String!, $input: IssueUpdateInput!) {
          issueUpdate(id: $id, input: $input) {
            success
            issue { ...SyncIssue }
          }
        }
        """ + "\n" + issueFields)

    /// A label for a tag the team does not have yet.
    public static let issueLabelCreate = LinearDocument("IssueLabelCreate", idempotent: true, """
        mutation IssueLabelCreate($input: IssueLabelCreateInput!) {
          issueLabelCreate(input: $input) {
            success
            issueLabel { id name isGroup team { id } }
          }
        }
        """)

    /// All of them, for the contract check.
    public static let all: [LinearDocument] = [issues, issuesAndNewest, issue, context, labels, users, verify, issueCreate, issueUpdate, issueLabelCreate]
}
