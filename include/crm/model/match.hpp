#pragma once
// Which client a CLIENT argument names: exact slug, exact name (any case), a unique
// prefix of slug or name, a unique substring.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm {
inline namespace model {

struct ClientKey {
    std::string slug;
    std::string name;
};

struct MatchResult {
    enum class Kind { found, ambiguous, none };
    Kind kind = Kind::none;
    std::size_t index = 0;                // into the keys, when found
    std::vector<std::size_t> candidates;  // ambiguous: all; none: the closest names

    // One hit is found, several ambiguous, none none (without candidates).
    static MatchResult of(std::vector<std::size_t> hits);
};

MatchResult match_client(std::string_view query, const std::vector<ClientKey>& keys);

// The client a new name would duplicate: the same name in any case ("Smith & Co",
// "SMITH & CO"), whatever -2 the folder of an earlier one got. A second client under one
// name is almost always a mistake that `crm check` would then report forever; nullopt when
// the name is new. Another name that makes the same slug ("Smith Co!") is another client,
// whose folder gets -2, -3 (spec section 2).
std::optional<std::size_t> duplicate_of(std::string_view name, const std::vector<ClientKey>& keys);

}  // namespace model
}  // namespace crm
