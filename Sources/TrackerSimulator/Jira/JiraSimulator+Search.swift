import Foundation

/// `GET|POST /rest/api/3/search/jql`: the query runs and sorts once; later pages read the cached order through
/// `nextPageToken`, which is absent on the last page (`isLast: true`).
extension JiraSimulator {
    func search(_ request: SimRequest, site: String) throws(JiraError) -> SimResponse {
        let search = request.method == "POST" ? try JiraSearchRequest(body: try Self.jsonBody(request))
            : try JiraSearchRequest(query: request.query)
        let fingerprint = JiraPageToken.fingerprint(search.jql)
        var snapshot: Int
        var ids: [Int]
        var offset = 0
        if let text = search.nextPageToken {
            guard let token = JiraPageToken(text), token.fingerprint == fingerprint else { throw JiraPageToken.invalid }
            offset = token.offset
            if let cached = searchCache.ids(token.snapshot) {
                (snapshot, ids) = (token.snapshot, cached)
            } else {
                // Evicted or from before a restart: run the query again and carry on from the same position.
                ids = try evaluate(search.jql)
                snapshot = searchCache.store(ids)
            }
        } else {
            ids = try evaluate(search.jql)
            snapshot = searchCache.store(ids)
        }
        let end = min(ids.count, offset + search.pageSize)
        let page = offset < end ? Array(ids[offset..<end]) : []
        let isLast = end >= ids.count
        let renderer = renderer(site)
        let store = store
        return Self.json(200) { json in
            json.object { json in
                json.key("issues")
                json.array { json in
                    for id in page {
                        // An issue deleted since the first page is left out.
                        guard let location = store.locate(id: id) else { continue }
                        renderer.issue(location, fields: search.fields, properties: search.properties,
                                       idOnly: search.fields.idOnly, to: &json)
                    }
                }
                if !isLast {
                    json.key("nextPageToken")
                    json.string(JiraPageToken(snapshot: snapshot, offset: end, fingerprint: fingerprint).encoded)
                }
                json.key("isLast"); json.bool(isLast)
            }
        }
    }

    /// The ids a JQL query matches, in order. Syntax errors, unknown fields or values and unbounded queries are 400s.
    func evaluate(_ jql: String) throws(JiraError) -> [Int] {
        let query: JQLQuery
        do {
            query = try JQLParser.parse(jql)
        } catch {
            throw .message(error.message)
        }
        guard query.clause != nil else { throw JiraErrors.unboundedQuery }
        let compiler = JQLCompiler(store: store, currentUserID: store.tokenAccountID, now: store.wallClock.nowMilliseconds)
        return store.evaluate(try compiler.compile(query))
    }
}
