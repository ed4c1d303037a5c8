#include "crm/render/export_view.hpp"

#include "crm/formats/json.hpp"
#include "crm/util/format.hpp"

namespace crm::render {

namespace {

formats::Json client_json(const ClientRecord& rec) {
    formats::Json c = formats::to_json(rec.client);
    formats::Json visits = formats::Json::array(), reviews = formats::Json::array();
    for (const auto& v : rec.visits)
        visits.push_back(formats::to_json(v));
    for (const auto& r : rec.reviews)
        reviews.push_back(formats::to_json(r));
    c["visits"] = visits;
    c["reviews"] = reviews;
    formats::Json opportunities = formats::Json::array();
    for (const auto& o : rec.opportunities)
        opportunities.push_back(formats::to_json(o));
    c["opportunities"] = opportunities;
    return c;
}

}  // namespace

JsonExport::JsonExport(std::ostream& out, Date today) : out_(out) {
    out_ << fmt::format("{{\n  \"as_of\": \"{}\",\n  \"clients\": [", today);
}

void JsonExport::add(const ClientRecord& rec) {
    std::string text = formats::dump(client_json(rec));
    text.pop_back();  // dump's final newline
    out_ << (first_ ? "\n" : ",\n") << "    ";
    for (char c : text) {
        out_ << c;
        if (c == '\n')
            out_ << "    ";  // nested two levels down; strings hold no raw newline
    }
    first_ = false;
}

void JsonExport::finish() {
    out_ << (first_ ? "]" : "\n  ]") << "\n}\n";
}

}  // namespace crm::render
