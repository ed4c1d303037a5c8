#pragma once
// `crm import`'s report: a line per client the file met (created, updated, unchanged or
// skipped, and why), then the counts.
#include <cstddef>
#include <string>
#include <vector>

#include "crm/render/style.hpp"
#include "crm/render/table.hpp"

namespace crm::render {

class ImportReport {
  public:
    ImportReport();
    void created(const std::string& slug, const std::string& name, std::size_t contacts);
    // `said`: what changed ("2 contacts added (...)", "phone of Jane Doe").
    void updated(const std::string& slug, const std::string& name,
                 const std::vector<std::string>& said);
    void unchanged(const std::string& slug, const std::string& name);
    // Left as it is: `why` it could not be changed, `said` what it is left without.
    void skipped(const std::string& slug, const std::string& name, const std::string& why,
                 const std::vector<std::string>& said);

    // The table, fitted to `width` (0: no limit); empty when the file met no client.
    std::string render(const Styler& styler, int width) const;

  private:
    Table table_;
};

// "2 created, 1 updated, 0 unchanged, 0 skipped", and that nothing was written.
std::string import_summary(std::size_t created, std::size_t updated, std::size_t unchanged,
                           std::size_t skipped, bool dry_run);

}  // namespace crm::render
