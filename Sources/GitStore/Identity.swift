import CLibGit2

/// The two roles a commit names, resolved the way git resolves them (git's ident.c), not the way
/// `git_signature_default` does (it ignores the environment variables).
enum IdentityRole: String {
    case author, committer

    var environmentPrefix: String { "GIT_\(rawValue.uppercased())" }
}

extension GitRepository {
    /// The committer identity, as git resolves it for `git commit`.
    public func identity() throws(GitError) -> Signature { try committerIdentity() }

    /// `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL`, then `author.name`/`author.email`, then `user.name`/`user.email`, then
    /// (email only) `EMAIL`.
    public func authorIdentity() throws(GitError) -> Signature { try resolveIdentity(.author) }

    /// `GIT_COMMITTER_NAME`/`GIT_COMMITTER_EMAIL`, then `committer.name`/`committer.email`, then
    /// `user.name`/`user.email`, then (email only) `EMAIL`.
    public func committerIdentity() throws(GitError) -> Signature { try resolveIdentity(.committer) }

    private func resolveIdentity(_ role: IdentityRole) throws(GitError) -> Signature {
        let name = environmentValue("\(role.environmentPrefix)_NAME")
            ?? nonEmptyConfig("\(role.rawValue).name") ?? nonEmptyConfig("user.name")
        let email = environmentValue("\(role.environmentPrefix)_EMAIL")
            ?? nonEmptyConfig("\(role.rawValue).email") ?? nonEmptyConfig("user.email") ?? environmentValue("EMAIL")
        switch (name, email) {
        case let (name?, email?):
            return Signature(name: name, email: email)
        case (nil, nil):
            throw GitError(
                .identityMissing,
                "git does not know who you are (no \(role.rawValue) identity): run git config user.name \"Your Name\" and git config user.email \"you@example.com\"")
        case (nil, _):
            throw GitError(
                .identityMissing,
                "git does not know your name (no \(role.rawValue) name): run git config user.name \"Your Name\"")
        case (_, nil):
            throw GitError(
                .identityMissing,
                "git does not know your email (no \(role.rawValue) email): run git config user.email \"you@example.com\"")
        }
    }

    private func nonEmptyConfig(_ key: String) -> String? {
        guard let value = configValue(key), !value.isEmpty else { return nil }
        return value
    }

    /// A libgit2 signature for `identity` at the time git would use: `GIT_AUTHOR_DATE`/`GIT_COMMITTER_DATE` in git's
    /// internal format (`<unix seconds> <+hhmm>`, optionally with a leading `@`), else now. Caller frees.
    func makeSignature(_ identity: Signature, role: IdentityRole) throws(GitError) -> UnsafeMutablePointer<git_signature> {
        var signature: UnsafeMutablePointer<git_signature>?
        let result: Int32
        if let date = environmentValue("\(role.environmentPrefix)_DATE").flatMap(GitInternalDate.init) {
            result = git_signature_new(&signature, identity.name, identity.email, date.seconds, date.offsetMinutes)
        } else {
            result = git_signature_now(&signature, identity.name, identity.email)
        }
        if result < 0 {
            let problem = GitError.libgit2(result, "invalid \(role.rawValue) identity \"\(identity.name) <\(identity.email)>\"")
            throw GitError(.identityMissing, problem.message + ": fix user.name / user.email in git config")
        }
        guard let signature else { throw GitError(.libgit2, "cannot create the \(role.rawValue) signature") }
        return signature
    }
}

/// git's raw date format, `1700000000 +0100` or `@1700000000 +0100`.
struct GitInternalDate {
    let seconds: git_time_t
    let offsetMinutes: Int32

    init?(_ text: String) {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let secondsText = parts[0].hasPrefix("@") ? parts[0].dropFirst() : parts[0]
        let zone = parts[1]
        guard let seconds = git_time_t(secondsText), zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
            let hours = Int32(zone.dropFirst().prefix(2)), let minutes = Int32(zone.suffix(2))
        else { return nil }
        self.seconds = seconds
        offsetMinutes = (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }
}
