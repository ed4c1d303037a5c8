#pragma once
// Where a reader's problems go. Reading a record for a report stops at the first wrong
// value (the file is skipped, and `crm check` says why); `crm check` itself goes on and
// collects every problem of the file. One reader serves both, so the two can never
// disagree about what is wrong.
#include <string>
#include <vector>

#include "crm/model/settings.hpp"
#include "crm/util/error.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::schema {

class Problems {
  public:
    // `settings` given: check mode (collect everything, and check the values that only
    // the folder's settings make right or wrong: stages, tiers). Absent: read mode (throw
    // the first problem as a DataError).
    explicit Problems(const std::string& file, const Settings* settings = nullptr)
        : file_(file), settings_(settings) {}

    void add(const yaml::Node& at, const std::string& what, std::string hint = {}) {
        add(at.mark, what, std::move(hint));
    }
    void add(yaml::Mark at, const std::string& what, std::string hint = {});

    // The settings to check against, or nullptr when reading.
    const Settings* settings() const { return settings_; }
    const std::string& file() const { return file_; }
    bool any() const { return !found_.empty(); }
    std::vector<DataError> take() { return std::move(found_); }

  private:
    const std::string& file_;
    const Settings* settings_;
    std::vector<DataError> found_;
};

}  // namespace crm::schema
