#include "crm/model/cadence.hpp"

namespace crm {
inline namespace model {

std::optional<Duration> effective_cadence(const Client& c, const Settings& s) {
    if (c.every)
        return c.every->every;
    const std::string& tier = c.tier.empty() ? s.default_tier : c.tier;
    if (const Tier* t = s.find_tier(tier))
        return t->every;
    if (const Tier* t = s.find_tier(s.default_tier))
        return t->every;
    return std::nullopt;
}

const Visit* contact_visit(const ClientRecord& r, const Settings& s) {
    for (auto it = r.visits.rbegin(); it != r.visits.rend(); ++it)
        if (it->next_contact || s.is_cadence_kind(it->kind))
            return &*it;
    return nullptr;
}

std::optional<Date> last_contact(const ClientRecord& r, const Settings& s) {
    for (auto it = r.visits.rbegin(); it != r.visits.rend(); ++it)
        if (s.is_cadence_kind(it->kind))
            return it->date;
    return std::nullopt;
}

std::optional<Date> next_contact(const ClientRecord& r, const Settings& s) {
    if (s.is_inactive(r.client.stage))
        return std::nullopt;
    auto cadence = effective_cadence(r.client, s);
    if (!cadence)
        return std::nullopt;
    if (const Visit* v = contact_visit(r, s)) {
        if (v->next_contact)
            return v->next_contact;
        return cadence->after(v->date);
    }
    return r.client.since;
}

}  // namespace model
}  // namespace crm
