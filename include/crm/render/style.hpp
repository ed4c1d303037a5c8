#pragma once
// Terminal colour, applied only when the Styler is enabled (stdout is a terminal and
// neither --no-color nor NO_COLOR is set).
#include <string>
#include <string_view>

namespace crm::render {

enum class Style { none, bold, dim, red, yellow, green, cyan, header };

class Styler {
  public:
    explicit Styler(bool enabled) : enabled_(enabled) {}
    std::string operator()(std::string_view text, Style style) const;
    bool enabled() const { return enabled_; }

  private:
    bool enabled_;
};

}  // namespace crm::render
