#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/commands/watching.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/list_edit.hpp"

#include "writes.hpp"

namespace crm::commands {

int change_watching(Context& ctx, const std::string& client_query,
                    const std::vector<std::string>& names, bool watch) {
    const std::vector<std::string> who = watching_people(ctx, names);
    ClientFileEdit edit(ctx, client_query);
    std::vector<std::string> changed, unchanged;
    edit.apply([&](std::string text, const Client& client) {
        changed.clear();
        unchanged.clear();
        for (const auto& person : who) {
            // The name as written in the file, which may differ from ours in case or
            // spacing: news and due treat those as the same person, so watch and unwatch
            // do too.
            auto entry = std::find_if(client.watchers.begin(), client.watchers.end(),
                                      [&](const std::string& w) { return same_person(w, person); });
            const bool watching = entry != client.watchers.end();
            if (watching == watch) {
                unchanged.push_back(person);
                continue;
            }
            text = watch ? yaml::add_list_item(text, edit.file(), "watchers", person)
                         : yaml::remove_list_item(text, edit.file(), "watchers", *entry);
            changed.push_back(person);
        }
        return text;
    });
    const std::string& name = edit.client().name;
    for (const auto& person : unchanged)
        ctx.note(fmt::format("{}{}{}; nothing to change", person,
                             watch ? " already watches " : " does not watch ", name));
    if (changed.empty())
        return 0;
    edit.commit(
        fmt::format("{}{} ({})", watch ? "watch: " : "unwatch: ", name, join(changed, ", ")));
    for (const auto& person : changed)
        ctx.note(person + (watch ? " now watches " : " no longer watches ") + name);
    return 0;
}

}  // namespace crm::commands
