#include "crm/yaml/edit_value.hpp"

#include "crm/yaml/write.hpp"

namespace crm::yaml {

EditValue EditValue::text(std::string_view s) {
    return {scalar(s), std::string(s), false};
}

EditValue EditValue::raw(std::string_view s) {
    return {std::string(s), std::string(s), true};
}

}  // namespace crm::yaml
