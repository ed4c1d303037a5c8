#include <CLI/CLI.hpp>

#include "crm/commands/commands.hpp"
#include "crm/commands/common.hpp"
#include "crm/model/slug.hpp"
#include "crm/os/files.hpp"
#include "crm/os/lock.hpp"
#include "crm/store/record_io.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

struct AddClientOptions {
    std::string name;
    std::string stage;
    std::string tier;
    std::string every;
    std::string owner;
    std::vector<std::string> contacts;
    std::string phone;
    std::vector<std::string> tags;
    std::string note;
};

// "Jane Doe <jane@x.example>" -> name and email; a bare "Jane Doe" is a name only.
Contact parse_contact(const std::string& text) {
    Contact c;
    std::string t = trim(text);
    auto open = t.rfind('<');
    if (open != std::string::npos && t.back() == '>') {
        c.email = trim(t.substr(open + 1, t.size() - open - 2));
        c.name = trim(t.substr(0, open));
    } else if (t.find('@') != std::string::npos && t.find(' ') == std::string::npos) {
        c.email = t;
    } else {
        c.name = t;
    }
    if (c.name.empty() && c.email.empty()) {
        throw UsageError("--contact: '" + text + "' names nobody",
                         "write \"Jane Doe <jane@example.com>\"");
    }
    if (c.name.empty())
        c.name = c.email;
    return c;
}

Client build_client(const AddClientOptions& o, Context& ctx) {
    const Settings& settings = ctx.folder().settings();
    Client c;
    c.name = trim(o.name);
    if (c.name.empty())
        throw UsageError("the client's name is empty", "crm add-client \"Acme Pty Ltd\"");
    c.stage = o.stage.empty() ? settings.stages.front() : o.stage;
    require_one_of("--stage", c.stage, settings.stages);
    c.tier = o.tier.empty() ? settings.default_tier : o.tier;
    require_one_of("--tier", c.tier, settings.tier_names());
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

int run(const AddClientOptions& o, Context& ctx) {
    Client client = build_client(o, ctx);
    auto& folder = ctx.folder();
    os::FolderLock lock(folder.root());
    client.slug = unique_slug(slugify(client.name), [&](const std::string& s) {
        std::error_code ec;
        return std::filesystem::exists(folder.root() / "clients" / s, ec);
    });
    const std::string file = folder.client_file(client.slug);
    os::write_atomic(folder.root(), file, store::client_yaml(client), true);
    ctx.out() << client.slug << '\n';
    ctx.commit({file}, "add-client: " + client.name);
    return 0;
}

}  // namespace

Runner register_add_client(CLI::App& cmd) {
    auto o = std::make_shared<AddClientOptions>();
    cmd.add_option("NAME", o->name, "The client's name, e.g. \"Acme Engineering Pty Ltd\"")
        ->required();
    cmd.add_option("--stage", o->stage, "Funnel stage (default: the first in crm.yaml)");
    cmd.add_option("--tier", o->tier, "Portfolio tier (default: default_tier)");
    cmd.add_option("--every", o->every, "How often to get in touch, e.g. 21d, 2m, or never");
    cmd.add_option("--owner", o->owner, "The teammate who owns the relationship");
    cmd.add_option("--contact", o->contacts,
                   "A person: \"Jane Doe <jane@example.com>\" (repeatable)");
    cmd.add_option("--phone", o->phone, "Phone number of the first contact");
    cmd.add_option("--tag", o->tags, "A tag (repeatable)");
    cmd.add_option("--note", o->note, "Free-text notes");
    return [o](Context& ctx) { return run(*o, ctx); };
}

}  // namespace crm::commands
