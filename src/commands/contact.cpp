#include "crm/commands/contact.hpp"

#include "crm/commands/common.hpp"
#include "crm/model/contact.hpp"
#include "crm/model/mail_address.hpp"
#include "crm/os/uuid.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/item_edit.hpp"

#include "writes.hpp"

namespace crm::commands {

namespace {

constexpr const char* kContacts = "contacts";

// The index in `client.contacts` (which is also the item's in the file) of the contact
// `query` names; exit 1 with the candidates otherwise.
std::size_t resolve_contact(const Client& client, const std::string& slug,
                            const std::string& query) {
    const MatchResult m = match_contact(query, client.contacts);
    if (m.kind == MatchResult::Kind::found)
        return m.index;
    std::vector<std::string> names;
    if (m.kind == MatchResult::Kind::ambiguous) {
        for (auto i : m.candidates)
            names.push_back(contact_label(client.contacts[i]));
        throw RuntimeError(fmt::format("'{}' matches {} contacts of {}: {}", query, names.size(),
                                       client.name, join(names, ", ")),
                           "use more of the name, or the e-mail");
    }
    if (client.contacts.empty())
        throw RuntimeError(
            fmt::format("{} has no contacts", client.name),
            fmt::format("add one: crm contact add {} \"Jane Doe <jane@example.com>\"", slug));
    for (const auto& c : client.contacts)
        names.push_back(contact_label(c));
    throw RuntimeError(fmt::format("no contact of {} matches '{}'", client.name, query),
                       fmt::format("its contacts: {}", join(names, ", ")));
}

std::string slug_of(const ClientFileEdit& edit) {
    return parse_record_path(edit.file())->slug;
}

// A commit subject is one short line, whatever the value.
std::string shown(const std::string& value) {
    return commit_subject(value);
}

// Who else among the contacts (but `self`) already is `c`: a second entry for one
// person is refused.
const Contact* already_there(const std::vector<Contact>& contacts, const Contact& c,
                             std::size_t self = static_cast<std::size_t>(-1)) {
    for (std::size_t i = 0; i < contacts.size(); ++i)
        if (i != self && same_contact(contacts[i], c))
            return &contacts[i];
    return nullptr;
}

}  // namespace

void require_contact_address(const std::string& option, const std::string& email) {
    if (email.empty())
        return;
    if (auto why = contact_address_problem(email))
        throw UsageError(
            fmt::format("{}: '{}' is not an e-mail address: it {}", option, email, *why),
            "write one address, such as \"Jane Doe <jane@example.com>\"");
}

yaml::EditValue contact_edit_value(std::string_view field, const std::string& value) {
    return field == "uid" && is_uuid(value) ? yaml::EditValue::raw(value)
                                            : yaml::EditValue::text(value);
}

void give_uids(std::vector<Contact>& contacts) {
    for (auto& c : contacts)
        if (c.uid.empty())
            c.uid = os::new_uuid();
}

std::string with_new_contacts(const std::string& text, const std::string& file,
                              const std::vector<Contact>& contacts) {
    std::string out = text;
    for (const Contact& c : contacts) {
        std::vector<std::pair<std::string, yaml::EditValue>> pairs;
        for (std::string_view field : kContactFields) {
            const std::string& v = contact_field(c, field);
            if (!v.empty() || field == "name")
                pairs.emplace_back(std::string(field), contact_edit_value(field, v));
        }
        out = yaml::append_map_item(out, file, kContacts, pairs);
    }
    return out;
}

int contact_add(const ContactAddOptions& o, Context& ctx) {
    std::optional<Contact> c = parse_contact_text(o.contact);
    if (!c)
        throw UsageError(fmt::format("'{}' names nobody", o.contact),
                         "write \"Jane Doe <jane@example.com>\"");
    require_contact_address("contact add", c->email);
    type_fields(schema::contact_schema(), o.fields, *c, typing(ctx));
    c->uid = os::new_uuid();
    ClientFileEdit edit(ctx, o.client);
    edit.apply([&](const std::string& text, const Client& client) {
        if (const Contact* have = already_there(client.contacts, *c)) {
            const bool by_email =
                !c->email.empty() && fold_case(have->email) == fold_case(c->email);
            throw RuntimeError(
                fmt::format("{} is already a contact of {}{}", contact_label(*have), client.name,
                            by_email ? " (the same e-mail)" : " (the same name)"),
                fmt::format("change that contact instead: crm contact set {} \"{}\" FIELD VALUE",
                            slug_of(edit), have->name));
        }
        return with_new_contacts(text, edit.file(), {*c});
    });
    const std::string& name = edit.client().name;
    edit.commit(fmt::format("contact add: {} ({})", name, shown(c->name)));
    ctx.note(fmt::format("added {} to {}", contact_label(*c), name));
    return 0;
}

int contact_set(const ContactSetOptions& o, Context& ctx) {
    // Each value read as its row in the contact schema says: a name is never empty, an
    // e-mail is one address.
    const auto& s = schema::contact_schema();
    const schema::Field<Contact>* field = s.find(o.field);
    if (!field || !field->arg.has(schema::kSettable))
        throw UsageError(fmt::format("'{}' is not a field of a contact", o.field),
                         fmt::format("use one of: {}", join(schema::settable_keys(s), ", ")));
    Contact typed;
    if (o.field == "name" && trim(o.value).empty())
        throw UsageError("a contact's name cannot be empty",
                         "to remove the contact: crm contact rm CLIENT CONTACT");
    schema::type_in(s, *field, typed, o.value, o.field, typing(ctx));
    const std::string value = contact_field(typed, o.field);
    ClientFileEdit edit(ctx, o.client);
    std::string who;  // the contact's name before the change
    const bool changed = edit.apply([&](const std::string& text, const Client& client) {
        const std::size_t index = resolve_contact(client, slug_of(edit), o.contact);
        const Contact& contact = client.contacts[index];
        who = contact.name;
        if (contact_field(contact, o.field) == value)
            return text;
        if (o.field == "name" || o.field == "email") {
            Contact probe;
            contact_field(probe, o.field) = value;
            if (const Contact* have = already_there(client.contacts, probe, index))
                throw RuntimeError(fmt::format("{} at {} already has that {}", contact_label(*have),
                                               client.name, o.field == "name" ? "name" : "e-mail"),
                                   "two entries for one person: remove one (crm contact rm)");
        }
        return yaml::set_item_key(text, edit.file(), kContacts, index, o.field,
                                  yaml::EditValue::text(value));
    });
    if (!changed) {
        ctx.note(
            fmt::format("{}: {} is already {}; nothing to change", who, o.field, shown(value)));
        return 0;
    }
    const std::string& name = edit.client().name;
    edit.commit(fmt::format("contact set: {} ({}) {} {}", name, shown(who), o.field, shown(value)));
    ctx.note(fmt::format("{}, {}: {} set to {}", name, who, o.field, shown(value)));
    return 0;
}

int contact_rm(const ContactRmOptions& o, Context& ctx) {
    ClientFileEdit edit(ctx, o.client);
    Contact contact;
    edit.apply([&](const std::string& text, const Client& client) {
        const std::size_t index = resolve_contact(client, slug_of(edit), o.contact);
        contact = client.contacts[index];
        return yaml::remove_item(text, edit.file(), kContacts, index);
    });
    const std::string& name = edit.client().name;
    edit.commit(fmt::format("contact rm: {} ({})", name, shown(contact.name)));
    ctx.note(fmt::format("removed {} from {}", contact_label(contact), name));
    return 0;
}

}  // namespace crm::commands
