#pragma once
// How crm formats text: with fmt (Debian's libfmt-dev 9.1), as ccache does. Messages,
// numbers, dates, file names and mail headers are written as
//
//   throw RuntimeError(fmt::format("cannot read {}: {}", path, why), hint);
//
// Under C++20 fmt checks a format string against its arguments when it compiles, so a
// message with a placeholder too many or a value fmt cannot format does not build.
// crm's own types format themselves: a Date as YYYY-MM-DD (model/date.hpp), a Duration
// as 30d; a path as its plain text (below). What fmt cannot do, measure text by the
// columns it takes on a terminal (a CJK character takes two, a combining accent none),
// stays in util/text.hpp and render/: fmt pads by code points.
#include <fmt/core.h>
#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <string_view>

// A path as it is, without the quotes and escapes of fmt/std.h's formatter (crm's
// messages name files as a person would type them; terminal safety is render/'s job).
template <>
struct fmt::formatter<std::filesystem::path> : fmt::formatter<std::string_view> {
    template <class FormatContext>
    auto format(const std::filesystem::path& p, FormatContext& ctx) const {
        return fmt::formatter<std::string_view>::format(p.native(), ctx);
    }
};

namespace crm {
inline namespace util {

// Appends to `out`: for text built in pieces (a table row, a mail body).
template <class... Args>
void format_to(std::string& out, fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(out), f, std::forward<Args>(args)...);
}

}  // namespace util
}  // namespace crm
