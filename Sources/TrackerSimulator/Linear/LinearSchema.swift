/// The part of Linear's GraphQL schema the simulator serves, copied type by type from Linear's own SDL
/// (linear/linear packages/sdk/src/schema.graphql, MIT): every type, field and argument here has exactly Linear's
/// signature. What the simulator does not serve is left out, so asking for it is answered with the validation error
/// Linear gives for a field or argument it does not know.
enum LinearSchema {
    static let schema: GraphQLSchema = {
        do throws(GraphQLSyntaxError) { return try GraphQLSchemaParser.parse(sdl) } catch {
            preconditionFailure("the simulator's Linear schema does not parse: \(error.message) at \(error.location)")
        }
    }()

    static let sdl = """
        interface Node {
          id: ID!
        }

        type Query {
          issue(
            id: String!
          ): Issue!
          issueLabels(
            after: String
            before: String
            filter: IssueLabelFilter
            first: Int
            includeArchived: Boolean
            last: Int
            orderBy: PaginationOrderBy
          ): IssueLabelConnection!
          issues(
            after: String
            before: String
            filter: IssueFilter
            first: Int
            includeArchived: Boolean
            last: Int
            orderBy: PaginationOrderBy
          ): IssueConnection!
          organization: Organization!
          team(
            id: String!
          ): Team!
          teams(
            after: String
            before: String
            filter: TeamFilter
            first: Int
            includeArchived: Boolean
            last: Int
            orderBy: PaginationOrderBy
          ): TeamConnection!
          users(
            after: String
            before: String
            filter: UserFilter
            first: Int
            includeArchived: Boolean
            includeDisabled: Boolean
            last: Int
            orderBy: PaginationOrderBy
          ): UserConnection!
          viewer: User!
          workflowStates(
            after: String
            before: String
            filter: WorkflowStateFilter
            first: Int
            includeArchived: Boolean
            last: Int
            orderBy: PaginationOrderBy
          ): WorkflowStateConnection!
        }

        type Mutation {
          issueCreate(
            input: IssueCreateInput!
          ): IssuePayload!
          issueLabelCreate(
            input: IssueLabelCreateInput!
            replaceTeamLabels: Boolean
          ): IssueLabelPayload!
          issueUpdate(
            id: String!
            input: IssueUpdateInput!
          ): IssuePayload!
        }

        type Issue implements Node {
          archivedAt: DateTime
          assignee: User
          branchName: String!
          canceledAt: DateTime
          children(
            after: String
            before: String
            filter: IssueFilter
            first: Int
            includeArchived: Boolean
            last: Int
            orderBy: PaginationOrderBy
          ): IssueConnection!
          completedAt: DateTime
          createdAt: DateTime!
          creator: User
          description: String
          id: ID!
          identifier: String!
          labelIds: [String!]!
          labels(
            after: String
            before: String
            filter: IssueLabelFilter
            first: Int
            includeArchived: Boolean
            last: Int
            orderBy: PaginationOrderBy
          ): IssueLabelConnection!
          number: Float!
          parent: Issue
          previousIdentifiers: [String!]!
          priority: Float!
          priorityLabel: String!
          startedAt: DateTime
          state: WorkflowState!
          team: Team!
          title: String!
          trashed: Boolean
          updatedAt: DateTime!
          url: String!
        }

        type IssueConnection {
          edges: [IssueEdge!]!
          nodes: [Issue!]!
          pageInfo: PageInfo!
        }

        type IssueEdge {
          cursor: String!
          node: Issue!
        }

        type PageInfo {
          endCursor: String
          hasNextPage: Boolean!
          hasPreviousPage: Boolean!
          startCursor: String
        }

        type Team implements Node {
          archivedAt: DateTime
          createdAt: DateTime!
          defaultIssueState: WorkflowState
          description: String
          displayName: String!
          id: ID!
          issueCount(
            includeArchived: Boolean = false
          ): Int!
          key: String!
          labels(
            after: String
            before: String
            filter: IssueLabelFilter
            first: Int
            includeArchived: Boolean
            last: Int
            orderBy: PaginationOrderBy
          ): IssueLabelConnection!
          members(
            after: String
            before: String
            filter: UserFilter
            first: Int
            includeArchived: Boolean
            includeDisabled: Boolean
            last: Int
            orderBy: PaginationOrderBy
          ): UserConnection!
          name: String!
          private: Boolean! @deprecated(reason: "Use `Team.visibility` instead.")
          states(
            after: String
            before: String
            filter: WorkflowStateFilter
            first: Int
            includeArchived: Boolean
            last: Int
            orderBy: PaginationOrderBy
          ): WorkflowStateConnection!
          timezone: String!
          updatedAt: DateTime!
        }

        type TeamConnection {
          edges: [TeamEdge!]!
          nodes: [Team!]!
          pageInfo: PageInfo!
        }

        type TeamEdge {
          cursor: String!
          node: Team!
        }

        type WorkflowState implements Node {
          archivedAt: DateTime
          color: String!
          createdAt: DateTime!
          description: String
          id: ID!
          name: String!
          position: Float!
          team: Team!
          type: String!
          updatedAt: DateTime!
        }

        type WorkflowStateConnection {
          edges: [WorkflowStateEdge!]!
          nodes: [WorkflowState!]!
          pageInfo: PageInfo!
        }

        type WorkflowStateEdge {
          cursor: String!
          node: WorkflowState!
        }

        type IssueLabel implements Node {
          archivedAt: DateTime
          color: String!
          createdAt: DateTime!
          description: String
          id: ID!
          isGroup: Boolean!
          name: String!
          parent: IssueLabel
          team: Team
          updatedAt: DateTime!
        }

        type IssueLabelConnection {
          edges: [IssueLabelEdge!]!
          nodes: [IssueLabel!]!
          pageInfo: PageInfo!
        }

        type IssueLabelEdge {
          cursor: String!
          node: IssueLabel!
        }

        type User implements Node {
          active: Boolean!
          admin: Boolean!
          archivedAt: DateTime
          avatarUrl: String
          createdAt: DateTime!
          displayName: String!
          email: String!
          guest: Boolean!
          id: ID!
          isMe: Boolean!
          name: String!
          updatedAt: DateTime!
          url: String!
        }

        type UserConnection {
          edges: [UserEdge!]!
          nodes: [User!]!
          pageInfo: PageInfo!
        }

        type UserEdge {
          cursor: String!
          node: User!
        }

        type Organization implements Node {
          createdAt: DateTime!
          id: ID!
          name: String!
          updatedAt: DateTime!
          urlKey: String!
        }

        type IssuePayload {
          issue: Issue
          lastSyncId: Float!
          success: Boolean!
        }

        type IssueLabelPayload {
          issueLabel: IssueLabel!
          lastSyncId: Float!
          success: Boolean!
        }

        input IssueFilter {
          and: [IssueFilter!]
          archivedAt: NullableDateComparator
          assignee: NullableUserFilter
          createdAt: DateComparator
          creator: NullableUserFilter
          description: NullableStringComparator
          id: IssueIDComparator
          labels: IssueLabelCollectionFilter
          number: NumberComparator
          or: [IssueFilter!]
          parent: NullableIssueFilter
          priority: NullableNumberComparator
          state: WorkflowStateFilter
          team: TeamFilter
          title: StringComparator
          updatedAt: DateComparator
        }

        input NullableIssueFilter {
          and: [NullableIssueFilter!]
          archivedAt: NullableDateComparator
          assignee: NullableUserFilter
          createdAt: DateComparator
          creator: NullableUserFilter
          description: NullableStringComparator
          id: IssueIDComparator
          labels: IssueLabelCollectionFilter
          null: Boolean
          number: NumberComparator
          or: [NullableIssueFilter!]
          parent: NullableIssueFilter
          priority: NullableNumberComparator
          state: WorkflowStateFilter
          team: TeamFilter
          title: StringComparator
          updatedAt: DateComparator
        }

        input IssueIDComparator {
          eq: ID
          in: [ID!]
          neq: ID
          nin: [ID!]
        }

        input IDComparator {
          eq: ID
          in: [ID!]
          neq: ID
          nin: [ID!]
        }

        input NumberComparator {
          eq: Float
          gt: Float
          gte: Float
          in: [Float!]
          lt: Float
          lte: Float
          neq: Float
          nin: [Float!]
        }

        input NullableNumberComparator {
          eq: Float
          gt: Float
          gte: Float
          in: [Float!]
          lt: Float
          lte: Float
          neq: Float
          nin: [Float!]
          null: Boolean
        }

        input DateComparator {
          eq: DateTimeOrDuration
          gt: DateTimeOrDuration
          gte: DateTimeOrDuration
          in: [DateTimeOrDuration!]
          lt: DateTimeOrDuration
          lte: DateTimeOrDuration
          neq: DateTimeOrDuration
          nin: [DateTimeOrDuration!]
        }

        input NullableDateComparator {
          eq: DateTimeOrDuration
          gt: DateTimeOrDuration
          gte: DateTimeOrDuration
          in: [DateTimeOrDuration!]
          lt: DateTimeOrDuration
          lte: DateTimeOrDuration
          neq: DateTimeOrDuration
          nin: [DateTimeOrDuration!]
          null: Boolean
        }

        input StringComparator {
          contains: String
          containsIgnoreCase: String
          containsIgnoreCaseAndAccent: String
          endsWith: String
          eq: String
          eqIgnoreCase: String
          in: [String!]
          neq: String
          neqIgnoreCase: String
          nin: [String!]
          notContains: String
          notContainsIgnoreCase: String
          notEndsWith: String
          notStartsWith: String
          startsWith: String
          startsWithIgnoreCase: String
        }

        input NullableStringComparator {
          contains: String
          containsIgnoreCase: String
          containsIgnoreCaseAndAccent: String
          endsWith: String
          eq: String
          eqIgnoreCase: String
          in: [String!]
          neq: String
          neqIgnoreCase: String
          nin: [String!]
          notContains: String
          notContainsIgnoreCase: String
          notEndsWith: String
          notStartsWith: String
          null: Boolean
          startsWith: String
          startsWithIgnoreCase: String
        }

        input BooleanComparator {
          eq: Boolean
          neq: Boolean
        }

        input TeamFilter {
          and: [TeamFilter!]
          createdAt: DateComparator
          id: IDComparator
          key: StringComparator
          name: StringComparator
          or: [TeamFilter!]
          updatedAt: DateComparator
        }

        input NullableTeamFilter {
          and: [NullableTeamFilter!]
          createdAt: DateComparator
          id: IDComparator
          key: StringComparator
          name: StringComparator
          null: Boolean
          or: [NullableTeamFilter!]
          updatedAt: DateComparator
        }

        input WorkflowStateFilter {
          and: [WorkflowStateFilter!]
          createdAt: DateComparator
          id: IDComparator
          name: StringComparator
          or: [WorkflowStateFilter!]
          position: NumberComparator
          team: TeamFilter
          type: StringComparator
          updatedAt: DateComparator
        }

        input IssueLabelFilter {
          and: [IssueLabelFilter!]
          createdAt: DateComparator
          id: IDComparator
          isGroup: BooleanComparator
          name: StringComparator
          or: [IssueLabelFilter!]
          parent: IssueLabelFilter
          team: NullableTeamFilter
          updatedAt: DateComparator
        }

        input IssueLabelCollectionFilter {
          and: [IssueLabelCollectionFilter!]
          createdAt: DateComparator
          every: IssueLabelFilter
          id: IDComparator
          isGroup: BooleanComparator
          length: NumberComparator
          name: StringComparator
          null: Boolean
          or: [IssueLabelCollectionFilter!]
          some: IssueLabelFilter
          team: NullableTeamFilter
          updatedAt: DateComparator
        }

        input UserFilter {
          active: BooleanComparator
          and: [UserFilter!]
          createdAt: DateComparator
          displayName: StringComparator
          email: StringComparator
          id: IDComparator
          isMe: BooleanComparator
          name: StringComparator
          or: [UserFilter!]
          updatedAt: DateComparator
        }

        input NullableUserFilter {
          active: BooleanComparator
          and: [NullableUserFilter!]
          createdAt: DateComparator
          displayName: StringComparator
          email: StringComparator
          id: IDComparator
          isMe: BooleanComparator
          name: StringComparator
          null: Boolean
          or: [NullableUserFilter!]
          updatedAt: DateComparator
        }

        input IssueCreateInput {
          assigneeId: String
          createdAt: DateTime
          description: String
          id: String
          labelIds: [String!]
          parentId: String
          priority: Int
          stateId: String
          teamId: String!
          title: String
        }

        input IssueUpdateInput {
          addedLabelIds: [String!]
          assigneeId: String
          description: String
          labelIds: [String!]
          parentId: String
          priority: Int
          removedLabelIds: [String!]
          stateId: String
          teamId: String
          title: String
        }

        input IssueLabelCreateInput {
          color: String
          description: String
          id: String
          isGroup: Boolean
          name: String!
          parentId: String
          teamId: String
        }

        enum PaginationOrderBy {
          createdAt
          updatedAt
        }

        scalar DateTime

        scalar DateTimeOrDuration

        scalar JSON

        scalar JSONObject

        scalar TimelessDate
        """
}
