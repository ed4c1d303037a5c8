#pragma once
// Which client a CLIENT argument names: exact slug, exact name (any case), a unique
// prefix of slug or name, a unique substring.
#include <string>
#include <string_view>
#include <vector>

namespace crm {

struct ClientKey {
    std::string slug;
    std::string name;
};

struct MatchResult {
    enum class Kind { found, ambiguous, none };
    Kind kind = Kind::none;
    std::size_t index = 0;                // into the keys, when found
    std::vector<std::size_t> candidates;  // ambiguous: all; none: the closest names
};

MatchResult match_client(std::string_view query, const std::vector<ClientKey>& keys);

}  // namespace crm
