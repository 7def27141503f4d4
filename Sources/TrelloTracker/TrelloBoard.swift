import JSON

/// `GET /boards/{id}` with its lists, labels and members nested: everything about the board in one request.
struct TrelloBoard: Sendable, Equatable {
    static let fields = "id,name,shortLink,url,closed"

    var id: String
    var name: String
    var shortLink: String
    var url: String?
    var closed: Bool?
    var lists: [TrelloList]
    var labels: [TrelloLabel]
    var members: [TrelloMember]

    init(id: String, name: String, shortLink: String, url: String?, closed: Bool?, lists: [TrelloList], labels: [TrelloLabel],
         members: [TrelloMember]) {
        self.id = id
        self.name = name
        self.shortLink = shortLink
        self.url = url
        self.closed = closed
        self.lists = lists
        self.labels = labels
        self.members = members
    }

    init?(_ json: JSONValue) {
        guard let id = json["id"]?.string, let shortLink = json["shortLink"]?.string,
              let lists = json["lists"]?.all(TrelloList.init), let labels = json["labels"]?.all(TrelloLabel.init),
              let members = json["members"]?.all(TrelloMember.init) else { return nil }
        self.init(id: id, name: json["name"]?.string ?? shortLink, shortLink: shortLink, url: json["url"]?.string,
                  closed: json["closed"]?.bool, lists: lists, labels: labels, members: members)
    }
}
