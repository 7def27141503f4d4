import Foundation
import Yams

/// Where a configuration value came from; decides what credentials may be read from it.
public enum ConfigSource: Sendable, Equatable {
    case team(path: String)
    case personal(path: String)
}

public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case notConfigured, invalid }
    public var kind: Kind
    public var message: String
    public var description: String { message }
}

/// The accelerator configuration: `.accelerator/config.md` (team, committed) and `.accelerator/config.local.md`
/// (personal, wins key by key), or the `.claude/accelerator*.md` pair when neither exists. Values are the YAML
/// frontmatter of those files, nested mappings flattened to dotted keys (`work.integration`).
public struct Configuration: Sendable {
    public var team: [String: String]
    public var personal: [String: String]
    public var teamPath: String?
    public var personalPath: String?

    /// Personal values win key by key.
    public var values: [String: String] { team.merging(personal) { _, local in local } }

    public func value(_ key: String) -> String? {
        guard let v = values[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    public var workPath: String { Self.cleanRelative(value("paths.work") ?? "meta/work") }
    public var integrationsPath: String {
        Self.cleanRelative(value("paths.integrations") ?? ".accelerator/state/integrations")
    }
    public var idPattern: String { value("work.id_pattern") ?? "{number:04d}" }
    public var defaultProjectCode: String? { value("work.default_project_code") }

    /// The configured integration, one of `known` (the registry's names), or the error that says which key to set
    /// where.
    public func integration(among known: [String]) throws(ConfigurationError) -> String {
        guard let name = value("work.integration") else {
            let file = teamPath ?? ".accelerator/config.md"
            throw ConfigurationError(
                kind: .notConfigured,
                message: "no integration configured: set work.integration (one of \(known.joined(separator: ", "))) in the frontmatter of \(file)"
            )
        }
        guard known.contains(name) else {
            throw ConfigurationError(
                kind: .invalid,
                message: "work.integration is '\(name)', which is not an integration: use one of \(known.joined(separator: ", "))"
            )
        }
        return name
    }

    public static func load(repositoryRoot root: String) throws(ConfigurationError) -> Configuration {
        let fm = FileManager.default
        func exists(_ rel: String) -> Bool { fm.fileExists(atPath: root + "/" + rel) }
        let pair: (String, String) =
            exists(".accelerator/config.md") || exists(".accelerator/config.local.md")
            ? (".accelerator/config.md", ".accelerator/config.local.md")
            : (".claude/accelerator.md", ".claude/accelerator.local.md")
        var config = Configuration(team: [:], personal: [:], teamPath: nil, personalPath: nil)
        if exists(pair.0) {
            config.team = try readFrontmatter(root: root, relative: pair.0)
            config.teamPath = pair.0
        }
        if exists(pair.1) {
            config.personal = try readFrontmatter(root: root, relative: pair.1)
            config.personalPath = pair.1
        }
        return config
    }

    static func readFrontmatter(root: String, relative: String) throws(ConfigurationError) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: root + "/" + relative),
            let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigurationError(kind: .invalid, message: "\(relative): cannot be read as UTF-8 text")
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true else { return [:] }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw ConfigurationError(kind: .invalid, message: "\(relative):1: frontmatter is not closed: add a '---' line after the last key")
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw ConfigurationError(kind: .invalid, message: "\(relative): frontmatter is not valid YAML: \(Self.firstLine(of: "\(error)"))")
        }
        guard let node else { return [:] }
        guard case .mapping = node else {
            throw ConfigurationError(kind: .invalid, message: "\(relative): frontmatter must be a mapping of keys to values")
        }
        var out: [String: String] = [:]
        flatten(node, prefix: "", into: &out)
        return out
    }

    private static func flatten(_ node: Node, prefix: String, into out: inout [String: String]) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.string ?? ""
                flatten(value, prefix: prefix.isEmpty ? name : prefix + "." + name, into: &out)
            }
        case .sequence(let seq):
            out[prefix] = seq.compactMap { $0.string }.joined(separator: ", ")
        case .scalar(let scalar):
            out[prefix] = scalar.string
        default:
            break
        }
    }

    private static func firstLine(of s: String) -> String { String(s.split(separator: "\n").first ?? "") }

    /// Config paths are relative to the repository root; `..` and absolute paths would let a sync write outside it.
    static func cleanRelative(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }
        return parts.joined(separator: "/")
    }

    /// Refuses paths that would escape the repository or land inside `.git` (safety invariant 5).
    public func validatePaths() throws(ConfigurationError) {
        for (key, path) in [("paths.work", workPath), ("paths.integrations", integrationsPath)] {
            let raw = value(key) ?? path
            if raw.hasPrefix("/") || path.split(separator: "/").contains("..") || path.isEmpty {
                throw ConfigurationError(kind: .invalid, message: "\(key) is '\(raw)': it must be a folder inside the repository, such as meta/work")
            }
            if path.split(separator: "/").contains(where: { $0.lowercased() == ".git" }) {
                throw ConfigurationError(kind: .invalid, message: "\(key) is '\(raw)': it is inside .git, where git keeps its own data; use a folder of the working tree, such as meta/work")
            }
        }
    }
}
