#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/commands/set.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/key_edit.hpp"

#include "writes.hpp"

namespace crm::commands {

namespace {

const std::vector<std::string> kRatingNames{"potential", "compatibility", "profitability"};

// Keys whose shape is not one line of text: they have commands of their own or `crm edit`.
const std::vector<std::string> kNotSettable{"since", "stage_since", "contacts",
                                            "tags",  "watchers",    "ratings"};

std::string non_empty(const std::string& field, const std::string& value) {
    std::string v = trim(value);
    if (v.empty())
        throw UsageError(field + " cannot be empty",
                         "give a name, e.g. crm set acme " + field + " \"Alice Smith\"");
    return v;
}

std::string rating_value(const std::string& field, const std::string& value) {
    std::string v = trim(value);
    if (v.size() != 1 || v[0] < '1' || v[0] > '5')
        throw UsageError(field + " '" + value + "' is not a rating",
                         "a rating is a whole number from 1 to 5");
    return v;
}

// The new text of client.yaml with FIELD set to VALUE, validated.
std::string edited(const SetOptions& o, Context& ctx, const std::string& text,
                   const std::string& file) {
    const auto& settings = ctx.folder().settings();
    using yaml::EditValue;
    const std::string& f = o.field;
    if (f == "stage") {
        const std::string stage = one_of("stage", o.value, settings.stages);
        std::string out = yaml::set_key(text, file, "stage", EditValue::text(stage));
        // The funnel report reads how long a client has been in its stage from here.
        if (out == text)
            return text;
        return yaml::set_key(out, file, "stage_since", EditValue::raw(ctx.today().iso()));
    }
    if (f == "tier") {
        const std::string tier = one_of("tier", o.value, settings.tier_names());
        return yaml::set_key(text, file, "tier", EditValue::text(tier));
    }
    if (f == "every") {
        std::string v = trim(o.value);
        if (v != "never")
            v = parse_duration_arg(v, "every").str();
        return yaml::set_key(text, file, "every", EditValue::raw(v));
    }
    if (f == "owner" || f == "name")
        return yaml::set_key(text, file, f, EditValue::text(non_empty(f, o.value)));
    if (f.starts_with("ratings.")) {
        const std::string which = f.substr(8);
        one_of("rating", which, kRatingNames);
        return yaml::set_nested_key(text, file, "ratings", which,
                                    EditValue::raw(rating_value(f, o.value)));
    }
    if (std::find(kNotSettable.begin(), kNotSettable.end(), f) != kNotSettable.end()) {
        std::string hint = "use 'crm edit' to change it";
        if (f == "watchers")
            hint = "use 'crm watch' and 'crm unwatch'";
        else if (f == "ratings")
            hint = "set one rating, e.g. crm set CLIENT ratings.potential 4";
        throw UsageError("'" + f + "' cannot be set with crm set", hint);
    }
    if (!is_key_name(f)) {
        throw UsageError("'" + f + "' is not a field name",
                         "a custom field is a word of letters, digits, _ and -, e.g. sector");
    }
    return yaml::set_key(text, file, f, EditValue::text(o.value));
}

}  // namespace

int set(const SetOptions& o, Context& ctx) {
    ClientFileEdit edit(ctx, o.client);
    const bool changed = edit.apply(
        [&](const std::string& text, const Client&) { return edited(o, ctx, text, edit.file()); });
    const std::string& name = edit.client().name;
    if (!changed) {
        ctx.note(name + ": " + o.field + " is already " + o.value + "; nothing to change");
        return 0;
    }
    // A commit subject is one short line, whatever the value.
    edit.commit("set: " + name + " " + o.field + " " + commit_subject(o.value));
    ctx.note(name + ": " + o.field + " set to " + o.value);
    return 0;
}

}  // namespace crm::commands
