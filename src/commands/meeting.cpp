#include "meeting.hpp"

#include "crm/schema/records.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::commands {

std::string WrittenVisit::text() const {
    return schema::visit_yaml(visit) + custom_yaml;
}

std::optional<WrittenVisit> as_crm_wrote_it(const std::string& text, const std::string& file) {
    const yaml::Node root = yaml::parse(text, file);
    WrittenVisit w{schema::visit_from(root, file), {}};
    w.custom_yaml = schema::custom_fields_yaml(root, w.visit.custom);
    w.visit.file = file;
    if (w.text() != text)
        return std::nullopt;
    return w;
}

}  // namespace crm::commands
