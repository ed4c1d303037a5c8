#include "crm/commands/add_client.hpp"
#include "crm/commands/common.hpp"
#include "crm/commands/contact.hpp"
#include "crm/model/contact.hpp"
#include "crm/model/match.hpp"
#include "crm/model/slug.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

Client build_client(const AddClientOptions& o, Context& ctx) {
    const Settings& settings = ctx.folder().settings();
    Client c;
    c.stage = settings.stages.front();
    c.tier = settings.default_tier;
    c.owner = ctx.user();  // the person acting, unless --owner names another
    type_fields(schema::client_schema(), o.client, c, typing(ctx));
    c.since = ctx.today();
    if (!o.phone.empty()) {
        if (c.contacts.empty()) {
            Contact named;
            named.name = c.name;
            c.contacts.push_back(std::move(named));
        }
        c.contacts.front().phone = o.phone;
    }
    give_uids(c.contacts);
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
        throw RuntimeError(
            fmt::format("'{}' is already a client: {} ({})", client.name, keys[*i].slug,
                        keys[*i].name),
            fmt::format("nothing was written; to record more about it: crm set, crm contact add, "
                        "crm log-visit {}; for a different client of that name, give a name that "
                        "tells them apart, such as '{} (Sydney)'",
                        keys[*i].slug, client.name));
    }
    client.slug = unique_slug(slugify(client.name),
                              [&](const std::string& s) { return folder.client_dir_taken(s); });
    // crm never writes a file it would refuse to read (a record over the size limit).
    const std::string file = folder.client_file(client.slug);
    const std::string text = schema::client_yaml(client);
    if (const auto refused =
            schema::check_file(text, file, schema::FileKind::client, folder.settings());
        !refused.empty())
        throw refused.front();
    tx.create(file, text);
    tx.commit(fmt::format("add-client: {}", client.name));
    ctx.out() << client.slug << '\n';
    return 0;
}

}  // namespace crm::commands
