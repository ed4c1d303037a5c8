#pragma once
// Slugs name a client's folder: lowercase ASCII letters, digits and '-', never empty,
// never a path, never a reserved device name, at most 60 characters.
#include <functional>
#include <string>
#include <string_view>

namespace crm {
inline namespace model {

// The ASCII spelling of one code point from a fixed table ("ü" -> "u", "ß" -> "ss");
// empty when the table has none. Never depends on the locale.
std::string_view transliterate(char32_t cp);

// The slug of a name. A name with nothing to transliterate ("日本", "!!!") gets
// "client-" and a stable hash of its bytes, so the same name always gives the same slug.
std::string slugify(std::string_view name);

bool is_valid_slug(std::string_view slug);

// `base`, or base-2, base-3... the first for which `taken` answers false.
std::string unique_slug(const std::string& base,
                        const std::function<bool(const std::string&)>& taken);

// The slug unique_slug started from: "acme" for acme, acme-2 and acme-17. Two clients
// with one root are likely one client added twice (`crm check` says so, `crm rename
// --slug` refuses to make such a pair).
std::string slug_root(std::string_view slug);

}  // namespace model
}  // namespace crm
