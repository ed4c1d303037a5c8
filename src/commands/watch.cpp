#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/commands/watching.hpp"
#include "crm/commands/writes.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/list_edit.hpp"

namespace crm::commands {

int change_watching(Context& ctx, const std::string& client_query, bool watch) {
    ClientFileEdit edit(ctx, client_query);
    const Client& client = edit.client();
    const std::string user = ctx.user();
    // The name as written in the file, which may differ from ours in case or spacing:
    // news and due treat those as the same person, so watch and unwatch do too.
    auto entry = std::find_if(client.watchers.begin(), client.watchers.end(),
                              [&](const std::string& w) { return same_person(w, user); });
    const bool watching = entry != client.watchers.end();
    if (watching == watch) {
        ctx.note(user + (watch ? " already watches " : " does not watch ") + client.name +
                 "; nothing to change");
        return 0;
    }
    edit.replace(watch ? yaml::add_list_item(edit.text(), edit.file(), "watchers", user)
                       : yaml::remove_list_item(edit.text(), edit.file(), "watchers", *entry));
    ctx.note(user + (watch ? " now watches " : " no longer watches ") + client.name);
    edit.commit(std::string(watch ? "watch: " : "unwatch: ") + client.name + " (" + user + ")");
    return 0;
}

}  // namespace crm::commands
