#include "crm/formats/vcard_write.hpp"

#include <vector>

#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::formats {

std::string escape_vcard_text(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ',' || c == ';') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            out += "\\n";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string fold_vcard_line(std::string_view line) {
    std::string out;
    std::size_t width = 0;  // octets on the current physical line
    for (std::size_t i = 0; i < line.size();) {
        // The whole UTF-8 character: a fold never splits one.
        std::size_t n = 1;
        const auto lead = static_cast<unsigned char>(line[i]);
        if (lead >= 0xF0)
            n = 4;
        else if (lead >= 0xE0)
            n = 3;
        else if (lead >= 0xC0)
            n = 2;
        n = std::min(n, line.size() - i);
        if (width + n > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line.substr(i, n));
        width += n;
        i += n;
    }
    out += "\r\n";
    return out;
}

namespace {

// "Jane Mary Doe": family Doe, given Jane, additional Mary.
std::string structured_name(const std::string& name) {
    std::vector<std::string> words;
    for (const auto& w : split(name, ' '))
        if (!trim(w).empty())
            words.push_back(trim(w));
    if (words.empty())
        return ";;;;";
    if (words.size() == 1)
        return fmt::format(";{};;;", escape_vcard_text(words[0]));
    std::vector<std::string> middle(words.begin() + 1, words.end() - 1);
    return fmt::format("{};{};{};;", escape_vcard_text(words.back()),
                       escape_vcard_text(words.front()), escape_vcard_text(join(middle, " ")));
}

}  // namespace

std::string vcard_of(const Client& client, const Contact& p) {
    std::string out;
    auto line = [&](std::string_view text) { out += fold_vcard_line(text); };
    line("BEGIN:VCARD");
    line("VERSION:4.0");
    line(fmt::format("PRODID:{}", kVCardProdId));
    line(fmt::format("UID:urn:uuid:{}", p.uid));
    line(fmt::format("FN:{}", escape_vcard_text(p.name)));
    line(fmt::format("N:{}", structured_name(p.name)));
    line(fmt::format("ORG:{}", escape_vcard_text(client.name)));
    if (!p.role.empty())
        line(fmt::format("TITLE:{}", escape_vcard_text(p.role)));
    if (!p.email.empty())
        line(fmt::format("EMAIL;TYPE=work:{}", escape_vcard_text(p.email)));
    if (!p.phone.empty())
        line(fmt::format("TEL;VALUE=text;TYPE=work:{}", escape_vcard_text(p.phone)));
    if (!p.notes.empty())
        line(fmt::format("NOTE:{}", escape_vcard_text(p.notes)));
    if (!client.tags.empty()) {
        std::vector<std::string> tags;
        for (const auto& t : client.tags)
            tags.push_back(escape_vcard_text(t));
        line(fmt::format("CATEGORIES:{}", join(tags, ",")));
    }
    line("END:VCARD");
    return out;
}

}  // namespace crm::formats
