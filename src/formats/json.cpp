#include "crm/formats/json.hpp"

namespace crm::formats {

Json date_or_null(const std::optional<Date>& d) {
    return d ? Json(d->iso()) : Json(nullptr);
}

namespace {

Json custom_json(const CustomFields& custom) {
    Json j = Json::object();
    for (const auto& [k, v] : custom)
        j[k] = v;
    return j;
}

Json rating_json(const std::optional<int>& r) {
    return r ? Json(*r) : Json(nullptr);
}

}  // namespace

Json to_json(const Commitment& c) {
    return Json{{"what", c.what}, {"due", date_or_null(c.due)}, {"done", date_or_null(c.done)}};
}

Json to_json(const Client& c) {
    Json contacts = Json::array();
    for (const auto& p : c.contacts) {
        contacts.push_back({{"name", p.name},
                            {"role", p.role},
                            {"email", p.email},
                            {"phone", p.phone},
                            {"notes", p.notes}});
    }
    return Json{{"slug", c.slug},
                {"name", c.name},
                {"stage", c.stage},
                {"tier", c.tier},
                {"every", c.every ? Json(c.every->str()) : Json(nullptr)},
                {"owner", c.owner},
                {"since", date_or_null(c.since)},
                {"ratings",
                 {{"potential", rating_json(c.ratings.potential)},
                  {"compatibility", rating_json(c.ratings.compatibility)},
                  {"profitability", rating_json(c.ratings.profitability)}}},
                {"contacts", contacts},
                {"tags", c.tags},
                {"watchers", c.watchers},
                {"notes", c.notes},
                {"custom", custom_json(c.custom)},
                {"file", c.file}};
}

Json to_json(const Visit& v) {
    Json promises = Json::array(), actions = Json::array();
    for (const auto& p : v.promises)
        promises.push_back(to_json(p));
    for (const auto& a : v.actions)
        actions.push_back(to_json(a));
    return Json{{"date", v.date.iso()},
                {"by", v.by},
                {"kind", v.kind},
                {"where", v.where},
                {"initiated_by", v.initiated_by},
                {"with", v.with},
                {"discussed", v.discussed},
                {"new_topics", v.new_topics},
                {"promises", promises},
                {"actions", actions},
                {"next_contact", date_or_null(v.next_contact)},
                {"notes", v.notes},
                {"custom", custom_json(v.custom)},
                {"file", v.file}};
}

Json to_json(const Review& r) {
    return Json{{"date", r.date.iso()},
                {"by", r.by},
                {"project", r.project},
                {"rating", std::string(rating_name(r.rating))},
                {"why", r.why},
                {"went_well", r.went_well},
                {"to_improve", r.to_improve},
                {"testimonial", r.testimonial},
                {"referrals", r.referrals},
                {"custom", custom_json(r.custom)},
                {"file", r.file}};
}

std::string dump(const Json& j) {
    // Invalid UTF-8 in a hand-edited file must not make the dump throw.
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace crm::formats
