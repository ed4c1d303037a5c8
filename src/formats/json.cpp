#include "crm/formats/json.hpp"

#include <cmath>

#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"

namespace crm::formats {

Json date_or_null(const std::optional<Date>& d) {
    return d ? Json(d->iso()) : Json(nullptr);
}

Json number_json(double v) {
    // 180000, not 180000.0: a whole amount is an integer to every JSON reader.
    if (std::abs(v) < 9e15 && v == std::trunc(v))
        return Json(static_cast<std::int64_t>(v));
    return Json(v);
}

namespace {

Json rating_json(const std::optional<int>& r) {
    return r ? Json(*r) : Json(nullptr);
}

// Each kind of value of the schema (schema/values.hpp), as JSON.
Json value_json(const std::string& v) {
    return v;
}
Json value_json(const Date& v) {
    return v.iso();
}
Json value_json(const std::optional<Date>& v) {
    return date_or_null(v);
}
Json value_json(const std::vector<std::string>& v) {
    return v;
}
Json value_json(const std::vector<Commitment>& v) {
    Json items = Json::array();
    for (const auto& c : v)
        items.push_back(to_json(c));
    return items;
}
Json value_json(const std::vector<Contact>& v) {
    Json items = Json::array();
    for (const auto& p : v) {
        items.push_back({{"name", p.name},
                         {"role", p.role},
                         {"email", p.email},
                         {"phone", p.phone},
                         {"notes", p.notes},
                         {"uid", p.uid}});
    }
    return items;
}
Json value_json(const Ratings& v) {
    return {{"potential", rating_json(v.potential)},
            {"compatibility", rating_json(v.compatibility)},
            {"profitability", rating_json(v.profitability)}};
}
Json value_json(const std::optional<Cadence>& v) {
    return v ? Json(v->str()) : Json(nullptr);
}
Json value_json(const Rating& v) {
    return std::string(rating_name(v));
}
Json value_json(const bool& v) {
    return v;
}
Json value_json(const Duration& v) {
    return v.str();
}
Json value_json(const std::vector<Tier>& v) {
    Json tiers = Json::object();
    for (const auto& t : v)
        tiers[t.name] = {{"every", t.every ? Json(t.every->str()) : Json("never")}};
    return tiers;
}

Json value_json(const std::vector<TeamMember>& v) {
    Json team = Json::array();
    for (const auto& m : v)
        team.push_back({{"name", m.name}, {"email", m.email}});
    return team;
}
Json value_json(const MailSettings& v) {
    return {{"from", v.from}};
}
Json value_json(const std::optional<Money>& v) {
    return v ? number_json(v->amount) : Json(nullptr);
}
Json value_json(const std::optional<Percent>& v) {
    return v ? Json(v->points) : Json(nullptr);
}
Json value_json(const std::vector<OpportunityStage>& v) {
    Json stages = Json::object();
    for (const auto& st : v)
        stages[st.name] = st.probability;
    return stages;
}

Json value_json(const std::vector<Attachment>& v) {
    Json items = Json::array();
    for (const auto& a : v)
        items.push_back({{"name", a.name}, {"size", a.size}, {"file", a.file}});
    return items;
}
Json value_json(const CaptureSettings& v) {
    return {{"never", v.never},
            {"max_recipients", v.max_recipients},
            {"public_domains", v.public_domains}};
}

Json custom_json(const CustomFields& custom) {
    Json j = Json::object();
    for (const auto& [k, v] : custom)
        j[k] = v;
    return j;
}

// Every field in the schema's order, then the custom keys and the file.
template <class R>
Json record_json(const schema::Schema<R>& s, const R& record, Json j = Json::object()) {
    schema::for_each_field(s, record, [&](const auto& field, const auto& value) {
        j[std::string(field.key)] = value_json(value);
    });
    j["custom"] = custom_json(record.custom);
    j["file"] = record.file;
    return j;
}

}  // namespace

Json to_json(const Commitment& c) {
    return Json{{"what", c.what}, {"due", date_or_null(c.due)}, {"done", date_or_null(c.done)}};
}

Json to_json(const Client& c) {
    return record_json(schema::client_schema(), c, Json{{"slug", c.slug}});
}

Json to_json(const Visit& v) {
    return record_json(schema::visit_schema(), v);
}

Json to_json(const Review& r) {
    return record_json(schema::review_schema(), r);
}

Json to_json(const Opportunity& o) {
    return record_json(schema::opportunity_schema(), o);
}

std::string dump(const Json& j) {
    // Invalid UTF-8 in a hand-edited file must not make the dump throw.
    return fmt::format("{}\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string dump_with_items(Json object, const std::string& key, std::size_t count,
                            const std::function<Json(std::size_t)>& item) {
    // A string no value of crm's holds (control characters are never kept as they are),
    // dumped in its place and replaced by the array's text.
    object[key] = "\x01items\x01";
    std::string text = dump(object);
    const std::string placeholder = "\"\\u0001items\\u0001\"";
    const auto at = text.find(placeholder);
    std::string array = count == 0 ? "[]" : "[\n";
    for (std::size_t i = 0; i < count; ++i) {
        std::string one = dump(item(i));
        one.pop_back();  // dump's final newline
        // Two levels down; the strings in a dump hold no raw newline, so each one starts
        // a line.
        array += "    ";
        for (char c : one) {
            array += c;
            if (c == '\n')
                array += "    ";
        }
        array += i + 1 < count ? ",\n" : "\n  ]";
    }
    text.replace(at, placeholder.size(), array);
    return text;
}

std::string dump_array_item(const Json& item, bool first) {
    std::string one = dump(item);
    one.pop_back();  // dump's final newline
    std::string out = first ? "[\n  " : ",\n  ";
    // One level down; the strings in a dump hold no raw newline.
    for (char c : one) {
        out += c;
        if (c == '\n')
            out += "  ";
    }
    return out;
}

std::string dump_array_end(bool empty) {
    return empty ? "[]\n" : "\n]\n";
}

}  // namespace crm::formats
