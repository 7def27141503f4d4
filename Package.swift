// swift-tools-version:6.2
import PackageDescription

// The targets are the architecture (see DESIGN.md): a target can only use what it declares here.
let package = Package(
    name: "git-sync-work-items",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "git-sync-work-items", targets: ["git-sync-work-items"]),
        .executable(name: "tracker-simulator", targets: ["tracker-simulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.24.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "JSON"),
        .target(name: "Markdown", dependencies: ["CCmark"]),
        .target(name: "ADF", dependencies: ["JSON", "Markdown"]),
        .target(name: "WorkItems", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "GitStore", dependencies: ["CLibGit2", "CZlib"]),
        .target(
            name: "Trackers",
            dependencies: [
                "WorkItems", "JSON", "Markdown",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "GitHubTracker", dependencies: ["Trackers", "WorkItems", "JSON"]),
        .target(name: "JiraTracker", dependencies: ["Trackers", "WorkItems", "JSON", "ADF"]),
        .target(name: "LinearTracker", dependencies: ["Trackers", "WorkItems", "JSON", "Markdown"]),
        .target(name: "TrelloTracker", dependencies: ["Trackers", "WorkItems", "JSON", "Markdown"]),
        // Test support only: an in-memory tracker for in-process engine tests of any test target.
        .target(name: "TrackerTesting", dependencies: ["Trackers", "WorkItems"]),
        .target(
            name: "SyncEngine",
            dependencies: ["WorkItems", "GitStore", "Trackers", "JSON", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "git-sync-work-items",
            dependencies: [
                "WorkItems", "GitStore", "Trackers", "SyncEngine", "GitHubTracker", "JiraTracker", "LinearTracker", "JSON", "ADF",
                "TrelloTracker",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "TrackerSimulator",
            dependencies: [
                "JSON",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "tracker-simulator",
            dependencies: [
                "TrackerSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Locates the vendored data in Tests/Fixtures for the test targets.
        .target(name: "TestFixtures", path: "Tests/TestFixtures"),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "ADFTests", dependencies: ["ADF", "JSON", "Markdown", "WorkItems", "TrackerSimulator", "TestFixtures"]),
        .testTarget(name: "WorkItemsTests", dependencies: ["WorkItems", "TestFixtures"]),
        .testTarget(name: "GitStoreTests", dependencies: ["GitStore"]),
        .testTarget(name: "TrackersTests", dependencies: ["Trackers", "TrackerSimulator"]),
        .testTarget(name: "GitHubTrackerTests", dependencies: ["GitHubTracker", "Trackers", "TrackerSimulator", "TrackerTesting"]),
        .testTarget(name: "JiraTrackerTests", dependencies: ["JiraTracker", "Trackers", "WorkItems", "TrackerSimulator", "TrackerTesting"]),
        .testTarget(name: "LinearTrackerTests", dependencies: ["LinearTracker", "Trackers", "WorkItems", "JSON", "TrackerSimulator", "TrackerTesting"]),
        .testTarget(name: "TrelloTrackerTests", dependencies: ["TrelloTracker", "Trackers", "WorkItems", "TrackerSimulator", "TrackerTesting"]),
        .testTarget(
            name: "SyncEngineTests", dependencies: ["SyncEngine", "WorkItems", "Trackers", "GitStore", "TrackerTesting"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TrackerSimulatorTests", dependencies: ["TrackerSimulator", "TestFixtures"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "git-sync-work-items", "tracker-simulator", "TrackerSimulator", "Trackers", "WorkItems", "GitHubTracker",
                "JiraTracker", "LinearTracker", "TrelloTracker", "TrackerTesting", "TestFixtures",
            ],
            exclude: ["Snapshots"]
        ),
    ] + contractTargets,
    swiftLanguageModes: [.v6]
)

/// Checks against the vendors' API descriptions with checkers from outside the repository. They live in `Contract/`,
/// apart from `Tests/`, and exist only for `make contract`, which sets GIT_SYNC_WORK_ITEMS_CONTRACT=1 and SHARED: a
/// clone of this repository alone builds and tests without them.
var contractTargets: [Target] {
    guard Context.environment["GIT_SYNC_WORK_ITEMS_CONTRACT"] == "1" else { return [] }
    return [
        .testTarget(
            name: "ContractTests",
            dependencies: ["JiraTracker", "LinearTracker", "TrelloTracker", "Trackers", "WorkItems", "JSON", "TrackerSimulator"],
            path: "Contract/ContractTests"
        ),
    ]
}
