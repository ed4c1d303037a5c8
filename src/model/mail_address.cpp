#include "crm/model/mail_address.hpp"
#include "crm/util/format.hpp"

namespace crm {
inline namespace model {

namespace {

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 5322 atext, less the characters this project refuses outright (quotes and the
// backquote: a person reading a hostile address should not have to think about shells).
bool is_local_char(char c) {
    static constexpr std::string_view kSymbols = "!#$%&*+-/=?^_{|}~";
    return is_alnum(c) || kSymbols.find(c) != std::string_view::npos;
}

// A character a person should see named: blanks and control characters are spelt out.
std::string shown(char c) {
    switch (c) {
        case ' ':
            return "a space";
        case '\t':
            return "a tab";
        case '\n':
            return "a line break";
        case '\r':
            return "a carriage return";
        default:
            break;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F)
        return "a control character";
    if (u >= 0x80)
        return "a non-ASCII character";
    return fmt::format("'{}'", c);
}

// A dot-separated run of words none of which is empty: no leading, trailing or double dot.
std::optional<std::string> dots_problem(std::string_view part, const char* which) {
    if (part.front() == '.' || part.back() == '.' || part.find("..") != std::string_view::npos)
        return fmt::format("its {} has a leading, trailing or double dot", which);
    return std::nullopt;
}

std::optional<std::string> domain_problem(std::string_view domain) {
    if (domain.size() > 253)
        return "its domain is longer than 253 characters";
    if (auto p = dots_problem(domain, "domain"))
        return p;
    std::size_t start = 0;
    while (start <= domain.size()) {
        std::size_t end = domain.find('.', start);
        if (end == std::string_view::npos)
            end = domain.size();
        std::string_view label = domain.substr(start, end - start);
        if (label.size() > 63)
            return "a part of its domain is longer than 63 characters";
        if (label.front() == '-' || label.back() == '-')
            return "a part of its domain starts or ends with '-'";
        start = end + 1;
    }
    return std::nullopt;
}

}  // namespace

namespace {

// A byte of a UTF-8 sequence: an internationalised address (RFC 6531) may hold them.
bool is_utf8_byte(char c) {
    return static_cast<unsigned char>(c) >= 0x80;
}

std::optional<std::string> problem_of(std::string_view address, bool international) {
    if (address.empty())
        return "is empty";
    // The characters first: what a hostile value holds matters more than its shape.
    for (char c : address) {
        if (c == '@' || c == '.' || is_local_char(c) || (international && is_utf8_byte(c)))
            continue;
        return fmt::format("contains {}", shown(c));
    }
    const std::size_t at = address.find('@');
    if (at == std::string_view::npos)
        return "has no @";
    if (address.find('@', at + 1) != std::string_view::npos)
        return "has more than one @";
    const std::string_view local = address.substr(0, at);
    const std::string_view domain = address.substr(at + 1);
    if (local.empty())
        return "has nothing before the @";
    if (domain.empty())
        return "has no domain after the @";
    if (local.size() > 64)
        return "its part before the @ is longer than 64 characters";
    if (auto p = dots_problem(local, "part before the @"))
        return p;
    for (char c : domain)
        if (!is_alnum(c) && c != '-' && c != '.' && !(international && is_utf8_byte(c)))
            return fmt::format("its domain contains {}", shown(c));
    return domain_problem(domain);
}

}  // namespace

std::optional<std::string> address_problem(std::string_view address) {
    return problem_of(address, false);
}

std::optional<std::string> contact_address_problem(std::string_view address) {
    return problem_of(address, true);
}

std::string_view address_domain(std::string_view address) {
    const std::size_t at = address.rfind('@');
    return at == std::string_view::npos ? std::string_view{} : address.substr(at + 1);
}

}  // namespace model
}  // namespace crm
