/// The trackers the simulator can stand in for. Each case has one `SimulatedTracker` implementation.
public enum SimulatedTrackerKind: String, Sendable, CaseIterable {
    case github
    case jira
    case linear
    case trello
}

public struct SimulatorOptions: Sendable {
    public var kind: SimulatedTrackerKind
    /// The token clients must send (GitHub: `Authorization: Bearer T` or `token T`; Jira: Basic
    /// `base64(email:T)`, any email); anything else gets a 401.
    public var token: String
    /// Port on 127.0.0.1; 0 picks a free one.
    public var port: Int
    /// Loaded at start when it exists; written atomically after every change.
    public var stateFile: String?
    /// Added to every tracker request (never to the admin API).
    public var latencyMs: Int
    /// Start with a small, realistic demo data set (`--seed-demo`).
    public var seedDemo: Bool
    /// Start with this many generated issues in `seedRepository` (GitHub) or `seedProject` (Jira project, Linear team)
    /// (benchmarks, `--seed-issues`).
    public var seedCount: Int
    public var seedRepository: String
    public var seedProject: String
    /// Jira: the user's time zone (`/myself`, JQL dates, timestamps); nil keeps the default, Europe/Berlin.
    public var timeZone: String?
    /// Jira, Linear: the token user's email address; nil keeps the default.
    public var email: String?
    /// Keep request and response bodies in the request log (`GET /_simulator/requests?bodies=1`).
    public var recordBodies: Bool
    /// Trello: the API key clients must send with the token; nil takes any key.
    public var apiKey: String?

    public init(kind: SimulatedTrackerKind, token: String, port: Int = 0, stateFile: String? = nil, latencyMs: Int = 0,
                seedDemo: Bool = false, seedCount: Int = 0, seedRepository: String = "acme/bench",
                seedProject: String = "BENCH", timeZone: String? = nil, email: String? = nil, recordBodies: Bool = false,
                apiKey: String? = nil) {
        self.kind = kind
        self.token = token
        self.port = port
        self.stateFile = stateFile
        self.latencyMs = latencyMs
        self.seedDemo = seedDemo
        self.seedCount = seedCount
        self.seedRepository = seedRepository
        self.seedProject = seedProject
        self.timeZone = timeZone
        self.email = email
        self.recordBodies = recordBodies
        self.apiKey = apiKey
    }
}
