#pragma once
// `crm export --format json`: the whole folder as one JSON document, written one client
// at a time (a firm's whole folder as one JSON value took 400 MiB).
#include <ostream>

#include "crm/model/date.hpp"
#include "crm/model/records.hpp"

namespace crm::render {

// The document formats::dump would print for {"as_of": ..., "clients": [...]}, each
// client with its visits, reviews and opportunities.
class JsonExport {
  public:
    JsonExport(std::ostream& out, Date today);
    void add(const ClientRecord& rec);
    void finish();

  private:
    std::ostream& out_;
    bool first_ = true;
};

}  // namespace crm::render
