#pragma once
// The view of `crm inbox`: the captured messages waiting for their client, numbered as
// `crm inbox file N CLIENT` and `crm inbox drop N` take them.
#include <optional>
#include <string>
#include <vector>

#include "crm/model/records.hpp"
#include "crm/render/style.hpp"

namespace crm::render {

struct InboxEntry {
    std::string file;
    std::optional<InboxMessage> message;  // none: the file cannot be read
};

// "(no subject)" for a message without one.
std::string subject_of(const InboxMessage& m);

// One row per entry, numbered from 1; fitted to `width` (0: no limit), the subject wraps.
std::string inbox_table(const std::vector<InboxEntry>& entries, const Styler& st, int width);

}  // namespace crm::render
