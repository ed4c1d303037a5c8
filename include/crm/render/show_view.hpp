#pragma once
// The view of `crm show`: one client with its contacts, open promises and actions, open
// opportunities, and a timeline of visits and reviews; as text for a person or as JSON.
#include <string>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"
#include "crm/render/style.hpp"

namespace crm::render {

// Every value from the files is shown through one_line (safe_lines for notes), so a
// hand-edited file cannot drive the terminal. Lines are not cut to a width: a client's
// page is read whole.
// `width`: the terminal's (0: piped, nothing is broken); long lines wrap (wrap.hpp).
// A client whose client.yaml cannot be read (Client::unreadable) shows `problem` (its
// file:line:column and what is wrong) and the command that fixes it in place of its
// profile, then what its other files hold.
std::string show_text(const ClientRecord& r, const Settings& s, Date today, const Styler& st,
                      int width = 0, const std::string& problem = {});

// The client's page in Markdown: its profile, contacts and open items as tables (one
// column description each), the timeline newest first. Every value escaped.
std::string show_markdown(const ClientRecord& r, const Settings& s, Date today,
                          const std::string& problem = {});

// The client as formats::to_json writes it, with next_contact, last_contact, the open
// items (as `crm promises` orders them), and the visits, reviews and opportunities newest
// first.
// An unreadable client: its slug and file, `unreadable: true` and `problem`, instead of
// its profile.
std::string show_json(const ClientRecord& r, const Settings& s, const std::string& problem = {});

}  // namespace crm::render
