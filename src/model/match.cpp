#include "crm/model/match.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "crm/model/slug.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace model {

MatchResult MatchResult::of(std::vector<std::size_t> hits) {
    MatchResult r;
    if (hits.size() == 1) {
        r.kind = Kind::found;
        r.index = hits.front();
    } else if (hits.size() > 1) {
        r.kind = Kind::ambiguous;
        r.candidates = std::move(hits);
    }
    return r;
}

namespace {

template <class Pred>
std::vector<std::size_t> indexes_where(const std::vector<ClientKey>& keys, Pred pred) {
    std::vector<std::size_t> hits;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (pred(keys[i]))
            hits.push_back(i);
    return hits;
}

// Words of a slug: "acme-engineering-pty-ltd" -> acme, engineering, pty, ltd.
std::vector<std::string_view> slug_words(std::string_view slug) {
    std::vector<std::string_view> words;
    while (!slug.empty()) {
        auto dash = slug.find('-');
        words.push_back(slug.substr(0, dash));
        if (dash == std::string_view::npos)
            break;
        slug.remove_prefix(dash + 1);
    }
    return words;
}

// How far `query` (a slug) is from `slug`: the least distance to the whole slug or to any
// run of as many of its words as the query has, so that "muler" is one typo from
// "muller-sohne-gmbh" and "acme-enginering" one from "acme-engineering-pty-ltd".
std::size_t distance_to(std::string_view query, std::string_view slug) {
    std::size_t best = edit_distance(query, slug);
    const auto words = slug_words(slug);
    const std::size_t n = std::max<std::size_t>(1, slug_words(query).size());
    for (std::size_t i = 0; i + n <= words.size(); ++i) {
        const char* begin = words[i].data();
        const char* end = words[i + n - 1].data() + words[i + n - 1].size();
        best = std::min(best, edit_distance(query, std::string_view(begin, end - begin)));
    }
    return best;
}

std::vector<std::size_t> closest(std::string_view query, const std::vector<ClientKey>& keys) {
    const std::string q = slugify(query);
    std::vector<std::pair<std::size_t, std::size_t>> scored;  // distance, index
    for (std::size_t i = 0; i < keys.size(); ++i) {
        std::size_t d =
            std::min(distance_to(q, keys[i].slug), distance_to(q, slugify(keys[i].name)));
        if (d <= std::max<std::size_t>(1, q.size() / 3))
            scored.emplace_back(d, i);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < scored.size() && k < 3; ++k)
        out.push_back(scored[k].second);
    return out;
}

}  // namespace

MatchResult match_client(std::string_view query, const std::vector<ClientKey>& keys) {
    if (query.empty())
        return {};
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].slug == query)
            return {MatchResult::Kind::found, i, {}};
    }
    const std::string q = fold_case(query);
    if (auto r = MatchResult::of(
            indexes_where(keys, [&](const ClientKey& k) { return fold_case(k.name) == q; }));
        r.kind != MatchResult::Kind::none) {
        return r;
    }
    // The slug form lets "Muller" find "Müller & Söhne" and "acme eng" find "acme-engineering".
    const std::string qs = slugify(query);
    auto prefix = [&](const ClientKey& k) {
        return k.slug.starts_with(q) || fold_case(k.name).starts_with(q) || k.slug.starts_with(qs);
    };
    if (auto r = MatchResult::of(indexes_where(keys, prefix)); r.kind != MatchResult::Kind::none) {
        return r;
    }
    auto substring = [&](const ClientKey& k) {
        return k.slug.find(q) != std::string::npos ||
               fold_case(k.name).find(q) != std::string::npos ||
               k.slug.find(qs) != std::string::npos;
    };
    if (auto r = MatchResult::of(indexes_where(keys, substring));
        r.kind != MatchResult::Kind::none) {
        return r;
    }
    MatchResult none;
    none.candidates = closest(query, keys);
    return none;
}

std::optional<std::size_t> duplicate_of(std::string_view name, const std::vector<ClientKey>& keys) {
    const std::string folded = fold_case(trim(name));
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (fold_case(trim(keys[i].name)) == folded)
            return i;
    return std::nullopt;
}

}  // namespace model
}  // namespace crm
