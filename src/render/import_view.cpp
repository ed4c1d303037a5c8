#include "crm/render/import_view.hpp"

#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

ImportReport::ImportReport() : table_({"RESULT", "SLUG", "CLIENT"}) {
    table_.flexible(2);
}

void ImportReport::created(const std::string& slug, const std::string& name, std::size_t contacts) {
    table_.add(
        {{"created", Style::bold},
         {slug},
         {fmt::format("{} ({} {})", name, contacts, contacts == 1 ? "contact" : "contacts")}});
}

void ImportReport::updated(const std::string& slug, const std::string& name,
                           const std::vector<std::string>& said) {
    table_.add({{"updated", Style::bold}, {slug}, {fmt::format("{}: {}", name, join(said, "; "))}});
}

void ImportReport::unchanged(const std::string& slug, const std::string& name) {
    table_.add({{"unchanged"}, {slug}, {fmt::format("{}: already there", name)}});
}

void ImportReport::skipped(const std::string& slug, const std::string& name, const std::string& why,
                           const std::vector<std::string>& said) {
    table_.add({{"skipped", Style::bold},
                {slug},
                {fmt::format("{}: {}; left as it is, without: {} (crm contact add and crm "
                             "contact set do it by hand)",
                             name, why, join(said, "; "))}});
}

std::string ImportReport::render(const Styler& styler, int width) const {
    return table_.empty() ? std::string() : table_.render(styler, width);
}

std::string import_summary(std::size_t created, std::size_t updated, std::size_t unchanged,
                           std::size_t skipped, bool dry_run) {
    const std::string summary = fmt::format("{} created, {} updated, {} unchanged, {} skipped",
                                            created, updated, unchanged, skipped);
    return dry_run ? fmt::format("{}; dry run: nothing written", summary) : summary;
}

}  // namespace crm::render
