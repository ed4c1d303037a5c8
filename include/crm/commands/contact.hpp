#pragma once
// crm contact add | set | rm: one contact of a client, changed in client.yaml through
// yaml's item editor (only the lines of that contact; refused rather than damage), read
// back through the schema, written and committed in one transaction.
#include <string>
#include <vector>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"
#include "crm/model/records.hpp"
#include "crm/yaml/edit_value.hpp"

namespace crm::commands {

struct ContactAddOptions {
    std::string client;
    std::string contact;  // "Jane Doe <jane@x.example>"
    FieldTexts fields;    // --role, --phone, --note: the contact schema's rows, by key
};

struct ContactSetOptions {
    std::string client;
    std::string contact;  // a name in any case, an e-mail, or a unique part of one
    std::string field;    // a settable key of the contact schema: name, role, email...
    std::string value;
};

struct ContactRmOptions {
    std::string client;
    std::string contact;
};

int contact_add(const ContactAddOptions& o, Context& ctx);
int contact_set(const ContactSetOptions& o, Context& ctx);
int contact_rm(const ContactRmOptions& o, Context& ctx);

// Throws UsageError naming `option` when `email` (not empty) is no e-mail address
// (model/mail_address.hpp): what a person types is checked before it is written.
void require_contact_address(const std::string& option, const std::string& email);

// Gives each contact without a uid a new one (os::new_uuid): every contact crm creates
// (add-client --contact, contact add, import) carries its identity from the start.
void give_uids(std::vector<Contact>& contacts);

// A contact's field as the line editor writes it: a uid bare (hex digits and dashes, which
// no YAML parser reads as anything but text), the rest as text.
yaml::EditValue contact_edit_value(std::string_view field, const std::string& value);

// `text` (client.yaml, named `file`) with `contacts` appended to its contacts: list, one
// block item each (name, role, email, phone, notes, those that are set): what `contact
// add`, `import` and `merge` add people with. Throws as yaml::append_map_item does.
std::string with_new_contacts(const std::string& text, const std::string& file,
                              const std::vector<Contact>& contacts);

}  // namespace crm::commands
