#include "kept.hpp"

namespace crm {
inline namespace reports {

Client client_identity(const Client& c) {
    Client out;
    out.slug = c.slug;
    out.file = c.file;
    out.name = c.name;
    out.stage = c.stage;
    out.tier = c.tier;
    out.every = c.every;
    out.owner = c.owner;
    out.since = c.since;
    out.stage_since = c.stage_since;
    out.ratings = c.ratings;
    return out;
}

}  // namespace reports
}  // namespace crm
