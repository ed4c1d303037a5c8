#pragma once
// Pieces several commands share: finding the client a CLIENT argument names, checking
// option values, and commit messages.
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/model/commitment_text.hpp"  // parse_commitment, for log-visit and opportunities
#include "crm/model/records.hpp"
#include "crm/util/text.hpp"  // join, trim

namespace crm::commands {

// The slug of the client `query` names (exact slug, exact name, unique prefix, unique
// substring). Throws RuntimeError listing the candidates or the closest names.
std::string resolve_client(Context& ctx, const std::string& query);

// The client `slug`, or when its client.yaml cannot be read, a client of that slug only
// (named by it, Client::unreadable) with a warning naming the problem: a new record of a
// client is written whatever state its profile is in.
Client client_or_slug(Context& ctx, const std::string& slug);

// The one of `allowed` that `value` names, in any case (`--tier a` is tier A, `--stage
// CLIENT` stage client): one rule for every option that names a stage, tier, kind or
// rating. Throws UsageError naming `option` and the allowed values otherwise.
std::string one_of(const std::string& option, const std::string& value,
                   const std::vector<std::string>& allowed);

// A value as a commit subject shows it: its first line, cut to 60 columns with "...".
std::string commit_subject(const std::string& value);

// Whether FIELD may name a custom top-level key: a word of letters, digits, _ and -.
bool is_key_name(const std::string& s);

}  // namespace crm::commands
