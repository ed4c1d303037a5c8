#include "crm/yaml/tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>

#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::yaml {

const Node* Node::find(std::string_view key) const {
    for (const auto& [k, v] : entries)
        if (k.value == key)
            return &v;
    return nullptr;
}

namespace {

DataError error_at(const std::string& file, int line, int column, const std::string& problem,
                   std::string hint = {}) {
    return DataError(SourceLocation{file, line, column}, problem, std::move(hint));
}

bool is_conflict_marker(std::string_view line) {
    return line.starts_with("<<<<<<< ") || line == "<<<<<<<" || line == "=======" ||
           line.starts_with(">>>>>>> ") || line == ">>>>>>>" || line.starts_with("||||||| ");
}

// 1-based line and byte column of the byte at `offset`.
std::pair<int, int> position_of(std::string_view text, std::size_t offset) {
    std::string_view before = text.substr(0, offset);
    int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    std::size_t nl = before.rfind('\n');
    int column = static_cast<int>(nl == std::string_view::npos ? offset + 1 : offset - nl);
    return {line, column};
}

// Checks made on the raw text; each returns at most one error per kind of problem.
void check_bytes(std::string_view text, const std::string& file, std::vector<DataError>& out) {
    if (text.size() > kMaxFileSize) {
        // The reader stops soon after the limit, so the size seen is not the file's size.
        out.push_back(error_at(file, 0, 0, "file is larger than the 1024 KiB a record may have",
                               "a record this large is not something crm wrote; check the file"));
        return;
    }
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
        out.push_back(error_at(file, 1, 1,
                               "file is UTF-16 (it starts with a UTF-16 byte-order mark)",
                               "save it as UTF-8"));
        return;
    }
    if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        auto [line, column] = position_of(text, nul);
        out.push_back(error_at(file, line, column, "file holds NUL bytes: it is binary, not YAML"));
        return;
    }
    if (!is_valid_utf8(text)) {
        // The first line holding a bad byte, and the character where it starts.
        int line = 1;
        for (std::size_t pos = 0; pos <= text.size(); ++line) {
            std::size_t end = std::min(text.find('\n', pos), text.size());
            std::string_view l = text.substr(pos, end - pos);
            if (!is_valid_utf8(l)) {
                auto cps = utf8_decode(l);
                int column = 1;
                while (column <= static_cast<int>(cps.size()) && cps[column - 1] != 0xFFFD)
                    ++column;
                out.push_back(error_at(file, line, column,
                                       "file is not valid UTF-8 (an old editor's Latin-1?)",
                                       "save it as UTF-8"));
                return;
            }
            pos = end + 1;
        }
    }
}

void check_lines(std::string_view text, const std::string& file, std::vector<DataError>& out) {
    int line_no = 0;
    bool seen_content = false;
    bool tab_reported = false, marker_reported = false, document_reported = false;
    bool ended = false;  // a `...` was seen
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        ++line_no;
        if (!marker_reported && is_conflict_marker(line)) {
            out.push_back(
                error_at(file, line_no, 1, "git conflict marker",
                         "finish the merge: keep the right lines and remove the markers"));
            marker_reported = true;
        }
        std::size_t indent = 0;
        while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t'))
            ++indent;
        if (!tab_reported && line.substr(0, indent).find('\t') != std::string_view::npos &&
            indent < line.size()) {
            out.push_back(error_at(file, line_no, static_cast<int>(line.find('\t')) + 1,
                                   "tab used for indentation",
                                   "YAML indents with spaces; replace the tabs with spaces"));
            tab_reported = true;
        }
        const bool is_start = line == "---" || line.starts_with("--- ");
        // `...` ends the document (YAML 1.2, 9.1.2); only comments and blank lines may
        // follow it. A second document is refused wherever it starts.
        const bool is_end = line == "..." || line.starts_with("... ") || line.starts_with("...#");
        std::string_view content = line.substr(indent);
        const bool is_content =
            !content.empty() && !content.starts_with('#') && !content.starts_with('%');
        const bool second = ended ? (is_start || is_end || is_content) : (is_start && seen_content);
        if (second && !document_reported) {
            out.push_back(error_at(file, line_no, 1, "a second YAML document in one file",
                                   "a record file holds exactly one document"));
            document_reported = true;
        }
        if (is_end)
            ended = true;
        else if (is_content && !is_start)
            seen_content = true;
        if (end == text.size())
            break;
        pos = end + 1;
    }
}

// Builds the tree from yaml-cpp's events and refuses what a record file never needs.
class TreeBuilder : public YAML::EventHandler {
  public:
    TreeBuilder(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    Node take_root() { return std::move(root_); }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        check_anchor(mark, anchor);
        Node n;
        n.mark = to_mark(mark);
        add(std::move(n));
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        throw error_at(file_, mark.line + 1, mark.column + 1,
                       "YAML aliases (*name) are not allowed", "write the value out in full");
    }

    void OnAnchor(const YAML::Mark& mark, const std::string&) override {
        throw error_at(file_, mark.line + 1, mark.column + 1,
                       "YAML anchors (&name) are not allowed", "remove the anchor");
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        check_anchor(mark, anchor);
        check_tag(mark, tag);
        Node n;
        n.kind = Node::Kind::scalar;
        n.value = value;
        n.plain = tag == "?";
        n.mark = to_mark(mark);
        if (n.plain && (value == "~" || value == "null" || value == "Null" || value == "NULL")) {
            n.kind = Node::Kind::null;
            n.value.clear();
        } else if (!n.plain) {
            check_quote_swallows_keys(mark);
        }
        add(std::move(n));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, tag, anchor, Node::Kind::sequence);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, tag, anchor, Node::Kind::map);
    }
    void OnMapEnd() override { close(); }

  private:
    struct Frame {
        Node node;
        std::optional<Node> pending_key;
        std::set<std::string> keys;
    };

    static Mark to_mark(const YAML::Mark& m) { return Mark{m.line + 1, m.column + 1}; }

    void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor)
            OnAnchor(mark, "");
    }

    void check_tag(const YAML::Mark& mark, const std::string& tag) {
        if (tag != "?" && tag != "!" && !tag.empty()) {
            throw error_at(file_, mark.line + 1, mark.column + 1,
                           "YAML tags (such as !!str) are not allowed", "remove the tag");
        }
    }

    // A quoted value whose closing quote is missing swallows the keys after it; yaml-cpp
    // accepts that when a later quote closes it. A person never means it, so refuse.
    void check_quote_swallows_keys(const YAML::Mark& mark) {
        std::size_t start = static_cast<std::size_t>(mark.pos);
        if (start >= text_.size() || (text_[start] != '"' && text_[start] != '\''))
            return;
        char quote = text_[start];
        std::size_t i = start + 1;
        for (; i < text_.size(); ++i) {
            if (quote == '"' && text_[i] == '\\') {
                ++i;
                continue;
            }
            if (text_[i] == quote) {
                if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
                    ++i;
                    continue;
                }
                break;
            }
        }
        if (i >= text_.size()) {
            throw error_at(file_, mark.line + 1, mark.column + 1, "quoted value is never closed",
                           "add the missing closing quote");
        }
        std::string_view inside = text_.substr(start, i - start);
        std::size_t nl = inside.find('\n');
        int line = mark.line + 1;
        while (nl != std::string_view::npos) {
            ++line;
            std::size_t next = inside.find('\n', nl + 1);
            std::string_view l = inside.substr(
                nl + 1, next == std::string_view::npos ? std::string_view::npos : next - nl - 1);
            std::string t = trim(l);
            std::size_t colon = t.find(": ");
            if ((colon != std::string::npos && colon > 0 && t.find(' ') >= colon) ||
                (!t.empty() && t.back() == ':' && t.find(' ') == std::string::npos)) {
                throw error_at(
                    file_, mark.line + 1, mark.column + 1,
                    fmt::format(
                        "quoted value is not closed on its line and swallows the key on line {}",
                        line),
                    "add the missing closing quote");
            }
            nl = next;
        }
    }

    void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
              Node::Kind kind) {
        check_anchor(mark, anchor);
        check_tag(mark, tag);
        if (static_cast<int>(stack_.size()) >= kMaxDepth) {
            throw error_at(file_, mark.line + 1, mark.column + 1,
                           fmt::format("nesting deeper than {} levels", kMaxDepth));
        }
        Frame f;
        f.node.kind = kind;
        f.node.mark = to_mark(mark);
        stack_.push_back(std::move(f));
    }

    void close() {
        Node done = std::move(stack_.back().node);
        stack_.pop_back();
        add(std::move(done));
    }

    void add(Node n) {
        if (stack_.empty()) {
            root_ = std::move(n);
            return;
        }
        Frame& top = stack_.back();
        if (top.node.kind == Node::Kind::sequence) {
            top.node.items.push_back(std::move(n));
            return;
        }
        if (!top.pending_key) {
            if (n.kind != Node::Kind::scalar) {
                throw error_at(file_, n.mark.line, n.mark.column, "a map key must be plain text");
            }
            if (!top.keys.insert(n.value).second) {
                throw error_at(file_, n.mark.line, n.mark.column,
                               fmt::format("duplicate key '{}'", n.value), "keep one of them");
            }
            top.pending_key = std::move(n);
            return;
        }
        top.node.entries.emplace_back(std::move(*top.pending_key), std::move(n));
        top.pending_key.reset();
    }

    std::string_view text_;
    const std::string& file_;
    std::vector<Frame> stack_;
    Node root_;
};

// Stops at the start of whatever follows the first document, reporting where it is;
// it throws before yaml-cpp parses a node, so input such as "," cannot make it loop.
struct TrailingContent {
    YAML::Mark mark;
};

class TrailingProbe : public YAML::EventHandler {
  public:
    void OnDocumentStart(const YAML::Mark& mark) override { throw TrailingContent{mark}; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

}  // namespace

std::vector<DataError> precheck(std::string_view text, const std::string& file) {
    std::vector<DataError> errors;
    check_bytes(text, file, errors);
    if (errors.empty())
        check_lines(text, file, errors);
    return errors;
}

Node parse(std::string_view text, const std::string& file) {
    if (auto errors = precheck(text, file); !errors.empty())
        throw errors.front();
    std::string owned(text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text);
    std::istringstream in(owned);
    TreeBuilder builder(owned, file);
    try {
        YAML::Parser parser(in);
        parser.HandleNextDocument(builder);
        // yaml-cpp ends the document where the text stops making sense ("- a" then "b: c")
        // and would leave the rest unread: refuse it rather than lose it.
        if (parser) {
            TrailingProbe probe;
            parser.HandleNextDocument(probe);
        }
    } catch (const TrailingContent& t) {
        throw error_at(file, t.mark.line + 1, t.mark.column + 1,
                       "this line does not belong to the record above it",
                       "check its indentation: a record is one map of keys");
    } catch (const YAML::Exception& e) {
        std::string msg = e.msg;
        std::string hint = "check the quoting and indentation near that place";
        throw error_at(file, e.mark.line + 1, e.mark.column + 1,
                       fmt::format("invalid YAML: {}", msg), hint);
    }
    return builder.take_root();
}

}  // namespace crm::yaml
