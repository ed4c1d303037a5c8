#include "crm/util/command_words.hpp"
#include "crm/util/format.hpp"

namespace crm {
inline namespace util {

CommandWords split_command(std::string_view text) {
    CommandWords out;
    std::string word;
    bool in_word = false;  // a word has started, even if it is '' (an empty argument)
    char quote = 0;        // the quote we are inside, or 0
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7F) {
            out.problem =
                "contains a line break or control character; write the command on one line";
            return out;
        }
        if (quote == '\'') {
            if (c == '\'')
                quote = 0;
            else
                word += c;
            continue;
        }
        if (quote == '"') {
            if (c == '"') {
                quote = 0;
            } else if (c == '\\' && i + 1 < text.size() &&
                       (text[i + 1] == '"' || text[i + 1] == '\\')) {
                word += text[++i];
            } else {
                word += c;
            }
            continue;
        }
        if (c == ' ' || c == '\t') {
            if (in_word)
                out.words.push_back(std::move(word));
            word.clear();
            in_word = false;
            continue;
        }
        in_word = true;
        if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '\\') {
            if (i + 1 == text.size()) {
                out.problem = "ends with a backslash";
                return out;
            }
            word += text[++i];
        } else {
            word += c;
        }
    }
    if (quote) {
        out.problem = fmt::format("has an unclosed {} quote", quote == '"' ? "double" : "single");
        return out;
    }
    if (in_word)
        out.words.push_back(std::move(word));
    if (out.words.empty())
        out.problem = "is empty";
    return out;
}

}  // namespace util
}  // namespace crm
