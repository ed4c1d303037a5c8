#pragma once
// What `crm import FILE.ics` and `crm log-visit --meeting` share: a meeting's visit file
// rewritten whole, which is safe only when crm's own writer would give back exactly the
// text the file holds (no comment, layout or quoting of a person's to lose).
#include <optional>
#include <string>

#include "crm/model/records.hpp"

namespace crm::commands {

struct WrittenVisit {
    Visit visit;
    std::string custom_yaml;  // its custom fields, as crm writes them after the known keys

    std::string text() const;  // the file crm writes for `visit`
};

// The visit in `text` when crm's writer gives back `text` byte for byte; nullopt when a
// person's hand shows (a comment, another order or quoting). Throws DataError when the
// text is no visit.
std::optional<WrittenVisit> as_crm_wrote_it(const std::string& text, const std::string& file);

}  // namespace crm::commands
