/// The admin API as `tracker-simulator --help` prints it; `AdminAPI` implements it for every simulated tracker.
public enum AdminAPIReference {
    public static let text = """
        Admin API (no token, loopback only). Every tracker takes the same neutral item shape:

          POST   /_simulator/items          add an item as a person would; answers 201 with the item
          GET    /_simulator/items          every item
          PATCH  /_simulator/items/{key}    change any of the members below (key percent-encoded); the item's
                                            updated time moves when something changed, as for a person's edit
          DELETE /_simulator/items/{key}

        Neutral members, in the tracker's own vocabulary (answers carry "key" plus all of them):
          title        string
          description  markdown (Jira: a small markdown subset is turned into ADF - headings, paragraphs,
                       bullet and ordered lists, fenced code blocks, **strong**, *emphasis*, `code`, ~~strike~~,
                       [links](url) - and ADF is read back as plain markdown of the same subset; other nodes give
                       their text. It is the simulator's own converter, not the client's.)
          state        GitHub: open | closed; Jira: a status name of the project's workflow (To Do, Done, ...)
          labels       list of strings (GitHub: without the priority:/kind: labels, which are the next two)
          assignee     GitHub: a login; Jira: an accountId (an email address or display name is also taken); null
                       clears it
          priority     GitHub: the label "priority: X"; Jira: a priority name (Highest ... Lowest)
          kind         GitHub: the label "kind: X"; Jira: an issue type name (Story, Bug, Task, Epic, Sub-task)
          scope        on POST only: GitHub: a repository owner/name; Jira: a project key. Default: the first
                       repository or project the simulator was seeded or set up with.
        Tracker extras stay allowed beside them: GitHub: body, state_reason, assignees, user, pull_request,
        repository, comments (a count; moves updated_at); Jira: fields (IssueBean fields, ADF description),
        status, properties, comment (moves updated). An extra wins over the neutral member it duplicates.
        Answers are the tracker's own JSON for the item with the neutral members laid over it (GitHub's
        "labels" and "assignee" become the neutral strings; the full objects stay in "assignees").

          POST   /_simulator/setup          tracker set-up (GitHub: {"repositories": ["o/r"], "users": ["login"]};
                                            Jira: {"projects": [{"key", "name"}], "users": [{"accountId",
                                            "displayName", "emailAddress"}], "timeZone", "email"}), and for every
                                            tracker {"record_bodies": true|false}
          GET    /_simulator/clock          {"now": ISO 8601}: the simulated time
          POST   /_simulator/clock          {"advance_seconds": N} or {"now": "2026-11-25T10:00:00Z"}: move it
                                            (updated stamps, rate-limit windows, JQL dates follow; tests move time
                                            instead of sleeping); answers the new {"now"}
          GET    /_simulator/requests       {method, path, status} of every tracker request so far
          GET    /_simulator/requests?bodies=1
                                            the same plus request_body and response_body (parsed JSON or null),
                                            kept only while record_bodies is on (or --record-bodies)
          DELETE /_simulator/requests
          POST   /_simulator/faults         {"path": regex, "status": 503, "count": 2, "headers": {...},
                                            "message": "text the error answer carries"}
                                            {"path": regex, "drop": true, "count": 1, "after": false}
                                            {"latency_ms": N}  {"ratelimit_remaining": N, "ratelimit_reset_seconds": S}
          POST   /_simulator/reset          start state back; faults and log cleared (the simulated time and
                                            record_bodies stay as set)
        """
}
