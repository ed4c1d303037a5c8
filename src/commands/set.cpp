#include "crm/commands/set.hpp"

#include "crm/commands/common.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/key_edit.hpp"

#include "writes.hpp"

namespace crm::commands {

namespace {

// The new text of client.yaml with FIELD set to VALUE, validated as the client's schema
// says (schema/records.cpp: which fields `set` takes, and how each value is read);
// `shown` gets the value as written.
std::string edited(const SetOptions& o, Context& ctx, const std::string& text,
                   const std::string& file, std::string& shown) {
    const auto& s = schema::client_schema();
    const std::string& f = o.field;
    const auto dot = f.find('.');
    const std::string sub = dot == std::string::npos ? "" : f.substr(dot + 1);
    if (const schema::Field<Client>* field = s.named(f.substr(0, dot))) {
        if (!field->arg.has(schema::kSettable))
            throw UsageError(fmt::format("'{}' cannot be set with crm set", f),
                             field->arg.instead.empty() ? std::string("use 'crm edit' to change it")
                                                        : std::string(field->arg.instead));
        Client typed;
        schema::type_in(s, *field, typed, o.value, f, typing(ctx));
        const yaml::EditValue value = schema::edit_value_of(*field, typed, sub);
        shown = said_value(value.value);
        const std::string key(field->key);
        std::string out = sub.empty() ? yaml::set_key(text, file, key, value)
                                      : yaml::set_nested_key(text, file, key, sub, value);
        // The funnel report reads how long a client has been in its stage from here.
        if (key == "stage" && out != text)
            out = yaml::set_key(out, file, "stage_since", yaml::EditValue::raw(ctx.today().iso()));
        return out;
    }
    if (!is_key_name(f))
        throw UsageError(fmt::format("'{}' is not a field name", f),
                         "a custom field is a word of letters, digits, _ and -, e.g. sector");
    shown = o.value;
    return yaml::set_key(text, file, f, yaml::EditValue::text(o.value));
}

}  // namespace

int set(const SetOptions& o, Context& ctx) {
    ClientFileEdit edit(ctx, o.client);
    std::string shown;
    const bool changed = edit.apply([&](const std::string& text, const Client&) {
        return edited(o, ctx, text, edit.file(), shown);
    });
    const std::string& name = edit.client().name;
    if (!changed) {
        ctx.note(fmt::format("{}: {} is already {}; nothing to change", name, o.field, shown));
        return 0;
    }
    // A commit subject is one short line, whatever the value.
    edit.commit(fmt::format("set: {} {} {}", name, o.field, commit_subject(o.value)));
    ctx.note(fmt::format("{}: {} set to {}", name, o.field, shown));
    return 0;
}

}  // namespace crm::commands
