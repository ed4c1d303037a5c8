#include "crm/commands/add_client.hpp"
#include "crm/commands/common.hpp"
#include "crm/commands/contact.hpp"
#include "crm/model/contact.hpp"
#include "crm/model/match.hpp"
#include "crm/model/slug.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

Contact parse_contact(const std::string& text) {
    if (auto c = parse_contact_text(text)) {
        require_contact_address("--contact", c->email);
        return *c;
    }
    throw UsageError("--contact: '" + text + "' names nobody",
                     "write \"Jane Doe <jane@example.com>\"");
}

Client build_client(const AddClientOptions& o, Context& ctx) {
    const Settings& settings = ctx.folder().settings();
    Client c;
    c.name = trim(o.name);
    if (c.name.empty())
        throw UsageError("the client's name is empty", "crm add-client \"Acme Pty Ltd\"");
    c.stage =
        one_of("--stage", o.stage.empty() ? settings.stages.front() : o.stage, settings.stages);
    c.tier =
        one_of("--tier", o.tier.empty() ? settings.default_tier : o.tier, settings.tier_names());
    if (!o.every.empty()) {
        c.every =
            o.every == "never" ? Cadence::never() : Cadence{parse_duration_arg(o.every, "--every")};
    }
    c.owner = trim(o.owner);
    c.since = ctx.today();
    for (const auto& text : o.contacts)
        c.contacts.push_back(parse_contact(text));
    if (!o.phone.empty()) {
        if (c.contacts.empty())
            c.contacts.push_back(Contact{c.name, "", "", "", ""});
        c.contacts.front().phone = o.phone;
    }
    c.tags = o.tags;
    c.notes = o.note;
    return c;
}

}  // namespace

int add_client(const AddClientOptions& o, Context& ctx) {
    Client client = build_client(o, ctx);
    auto& folder = ctx.folder();
    auto tx = ctx.transaction();
    // Under the lock: two add-clients of one name at once must not both pass.
    std::vector<DataError> problems;
    std::vector<ClientKey> keys;
    for (const auto& c : folder.load_clients(problems))
        keys.push_back({c.slug, c.name});
    if (auto i = duplicate_of(client.name, keys)) {
        throw RuntimeError("'" + client.name + "' is already a client: " + keys[*i].slug + " (" +
                               keys[*i].name + ")",
                           "nothing was written; to record more about it: crm set, crm contact "
                           "add, crm log-visit " +
                               keys[*i].slug +
                               "; for a different client of that name, give a name that tells "
                               "them apart, such as '" +
                               client.name + " (Sydney)'");
    }
    client.slug = unique_slug(slugify(client.name),
                              [&](const std::string& s) { return folder.client_dir_taken(s); });
    tx.create(folder.client_file(client.slug), schema::client_yaml(client));
    tx.commit("add-client: " + client.name);
    ctx.out() << client.slug << '\n';
    return 0;
}

}  // namespace crm::commands
