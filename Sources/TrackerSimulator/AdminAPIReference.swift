/// The admin API as `tracker-simulator --help` prints it (lines stay under 79 columns so the help does not rewrap
/// them); `AdminAPI` implements it for every simulated tracker.
public enum AdminAPIReference {
    public static let text = """
        ADMIN API (no token, loopback only; the same for every tracker)

        Items, in one neutral shape:
          POST   /_simulator/items        add one as a person would (201 + item)
          GET    /_simulator/items        all items
          PATCH  /_simulator/items/{key}  change any members (key %-encoded);
                                          moves the updated time, as a
                                          person's edit would
          DELETE /_simulator/items/{key}

        Neutral members, in the tracker's own words. Answers carry "key" and
        all of them; requests take any of them:
          title        string
          description  markdown. Jira turns a small subset into ADF: headings,
                       paragraphs, bullet/ordered lists, fenced code,
                       **strong**, *em*, `code`, ~~strike~~, [text](url); ADF
                       reads back as plain markdown of that subset (other
                       nodes give their text). The simulator's own
                       converter, not the client's.
          state        GitHub: open | closed. Jira: a workflow status name.
                       Trello: a list name on the card's board.
          labels       strings. GitHub, Trello: not the priority:/kind:
                       labels (Trello makes missing labels on the board).
          assignee     GitHub: a login. Jira: an accountId (an email or a
                       display name is taken too). Trello: a board member's
                       username or full name (the card's first member).
                       null unassigns.
          priority     GitHub, Trello: the label "priority: X". Jira:
                       Highest..Lowest.
          kind         GitHub, Trello: the label "kind: X". Jira: an issue
                       type name.
          scope        POST only. GitHub: owner/repo. Jira: a project key.
                       Trello: a board's shortLink or name.
                       Default: the first one seeded or set up.
        Tracker extras stay allowed and win over the member they duplicate:
          GitHub: body, state_reason, assignees, user, pull_request,
                  repository, comments (a count; moves updated_at)
          Jira:   fields (IssueBean fields, ADF description), status,
                  properties, comment (moves updated)
          Trello: closed (archives), comment (moves dateLastActivity)
        An answer is the tracker's own JSON for the item with the neutral
        members laid over it (GitHub's labels and assignee become strings;
        the full objects stay in "assignees").

        Everything else:
          POST   /_simulator/setup     GitHub: {"repositories": ["o/r"],
                                       "users": ["login"]}; Jira: {"projects":
                                       [{"key", "name"}], "users":
                                       [{"accountId", "displayName",
                                       "emailAddress"}], "timeZone", "email"};
                                       Trello: {"boards": [{"name",
                                       "shortLink", "lists": [...], "labels":
                                       [{"name", "color"}], "members":
                                       ["username"]}], "members":
                                       [{"username", "fullName"}]};
                                       any: {"record_bodies": true|false}
          GET    /_simulator/clock     {"now": ISO 8601}, the simulated time
          POST   /_simulator/clock     {"advance_seconds": N} or {"now": ISO}:
                                       updated stamps, rate-limit windows and
                                       JQL dates follow (tests move time
                                       instead of sleeping)
          GET    /_simulator/requests  {method, path, status} per request;
                                       ?bodies=1 adds request_body and
                                       response_body (kept only while
                                       record_bodies or --record-bodies is on)
          DELETE /_simulator/requests  also restarts "most" below
          GET    /_simulator/in-flight {"now": N, "most": M}: tracker
                                       requests being answered now (latency
                                       included), and the most at once since
                                       the log was cleared
          POST   /_simulator/faults    {"path": regex, "status": 503,
                                       "count": 2, "headers": {...},
                                       "message": "error text to answer"}
                                       {"path": regex, "drop": true,
                                       "count": 1, "after": false}
                                       {"latency_ms": N}
                                       {"ratelimit_remaining": N,
                                       "ratelimit_reset_seconds": S}
                                       either fault may add "method": "PATCH"
                                       and "body": regex (only requests with
                                       that method, whose body matches)
          DELETE /_simulator/faults    faults cleared (latency stays)
          POST   /_simulator/reset     start state back; faults and log
                                       cleared (time and record_bodies stay)
        """
}
