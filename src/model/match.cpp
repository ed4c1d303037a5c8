#include "crm/model/match.hpp"

#include <algorithm>

#include "crm/model/slug.hpp"
#include "crm/util/text.hpp"

namespace crm {

namespace {

MatchResult single_or_ambiguous(std::vector<std::size_t> hits) {
    MatchResult r;
    if (hits.size() == 1) {
        r.kind = MatchResult::Kind::found;
        r.index = hits.front();
    } else if (hits.size() > 1) {
        r.kind = MatchResult::Kind::ambiguous;
        r.candidates = std::move(hits);
    }
    return r;
}

template <class Pred>
std::vector<std::size_t> indexes_where(const std::vector<ClientKey>& keys, Pred pred) {
    std::vector<std::size_t> hits;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (pred(keys[i]))
            hits.push_back(i);
    return hits;
}

std::vector<std::size_t> closest(std::string_view query, const std::vector<ClientKey>& keys) {
    std::string q = fold_case(query);
    std::vector<std::pair<std::size_t, std::size_t>> scored;  // distance, index
    for (std::size_t i = 0; i < keys.size(); ++i) {
        std::size_t d =
            std::min(edit_distance(q, keys[i].slug), edit_distance(q, fold_case(keys[i].name)));
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
    if (auto r = single_or_ambiguous(
            indexes_where(keys, [&](const ClientKey& k) { return fold_case(k.name) == q; }));
        r.kind != MatchResult::Kind::none) {
        return r;
    }
    // The slug form lets "Muller" find "Müller & Söhne" and "acme eng" find "acme-engineering".
    const std::string qs = slugify(query);
    auto prefix = [&](const ClientKey& k) {
        return k.slug.starts_with(q) || fold_case(k.name).starts_with(q) || k.slug.starts_with(qs);
    };
    if (auto r = single_or_ambiguous(indexes_where(keys, prefix));
        r.kind != MatchResult::Kind::none) {
        return r;
    }
    auto substring = [&](const ClientKey& k) {
        return k.slug.find(q) != std::string::npos ||
               fold_case(k.name).find(q) != std::string::npos ||
               k.slug.find(qs) != std::string::npos;
    };
    if (auto r = single_or_ambiguous(indexes_where(keys, substring));
        r.kind != MatchResult::Kind::none) {
        return r;
    }
    MatchResult none;
    none.candidates = closest(query, keys);
    return none;
}

}  // namespace crm
