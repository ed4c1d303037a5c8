#include "crm/store/search.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>

#include "crm/os/dir.hpp"
#include "crm/os/files.hpp"
#include "crm/os/parallel.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/scalars.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::store {

namespace {

bool is_blank_char(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Appends `text` case-folded, each run of blanks as one space and none leading `out`:
// the one rule by which both a query and a value are normalised.
void append_normal(std::string& out, std::string_view text) {
    for (char c : fold_case(text)) {
        if (!is_blank_char(c))
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
}

// A value normalised as search_normal does, remembering the line each part came from.
struct Normal {
    std::string text;
    std::vector<yaml::Scalar::Piece> starts;  // offsets in `text`
};

Normal normalise(const yaml::Scalar& value) {
    Normal n;
    n.text.reserve(value.text.size());
    for (std::size_t i = 0; i < value.pieces.size(); ++i) {
        const std::size_t from = value.pieces[i].offset;
        const std::size_t to =
            i + 1 < value.pieces.size() ? value.pieces[i + 1].offset : value.text.size();
        n.starts.push_back({n.text.size(), value.pieces[i].line});
        append_normal(n.text, std::string_view(value.text).substr(from, to - from));
    }
    return n;
}

int line_of(const Normal& n, std::size_t offset) {
    auto it =
        std::upper_bound(n.starts.begin(), n.starts.end(), offset,
                         [](std::size_t o, const yaml::Scalar::Piece& p) { return o < p.offset; });
    return std::prev(it)->line;
}

// What a file says: its values, or for a file no YAML reader accepts, its raw lines.
std::vector<yaml::Scalar> values_of(std::string_view text, const std::string& file,
                                    const std::vector<std::string_view>& lines) {
    if (auto quick = yaml::quick_scalars(text))
        return std::move(*quick);
    try {
        return yaml::scalars_of(yaml::parse(text, file));
    } catch (const DataError&) {
    }
    std::vector<yaml::Scalar> raw;
    for (std::size_t i = 0; i < lines.size(); ++i)
        raw.push_back({std::string(lines[i]), {{0, static_cast<int>(i + 1)}}});
    return raw;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        lines.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return lines;
}

// The longest run of ASCII letters and digits in a needle: every match of the needle
// holds it byte for byte, lower-cased, in the raw file unless an escape (a backslash)
// spells it otherwise, since fold_case maps ASCII to ASCII and nothing else to ASCII.
std::string plain_word(std::string_view needle) {
    std::string best;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= needle.size(); ++i) {
        const bool word = i < needle.size() && ((needle[i] >= 'a' && needle[i] <= 'z') ||
                                                (needle[i] >= '0' && needle[i] <= '9'));
        if (word)
            continue;
        if (i - start > best.size())
            best = needle.substr(start, i - start);
        start = i + 1;
    }
    return best;
}

// Each file Folder::client_files names, in its order, with its text: client.yaml, then
// each kind's records. A kind's folder is opened once, below the client's, without
// following a link at any step, and each record from its descriptor: a file costs one
// open, as it does grep, rather than a look at every folder on its path. A file that
// cannot be read (a link, too large) is skipped and named in `skipped`; a linked folder is
// named by the caller.
template <typename Each>
void for_each_record_text(const Folder& folder, const std::string& slug,
                          std::vector<DataError>& skipped, Each&& each) {
    auto read = [&](const std::string& file, auto&& get) {
        try {
            if (const std::optional<std::string> text = get())
                each(file, *text);
        } catch (const DataError& e) {
            skipped.push_back(e);
        }
    };
    const std::string client = client_file_path(slug);
    read(client, [&] { return folder.read(client); });
    const auto clients = os::Dir::open(folder.root() / kClientsDir);
    const auto dir = clients ? clients->open_sub(slug) : std::nullopt;
    if (!dir)
        return;
    for (RecordKind kind : kRecordKinds) {
        const std::string kind_dir = record_dir_path(slug, kind);
        const auto records = dir->open_sub(std::filesystem::path(kind_dir).filename().string());
        if (!records)
            continue;
        for (const auto& name : records->sorted_names()) {
            if (!is_record_file_name(name))
                continue;
            const std::string file = record_file_path(slug, kind, name);
            read(file, [&] {
                return os::read_data_file_at(records->fd(), name.c_str(), file, yaml::kMaxFileSize);
            });
        }
    }
}

// Whether a file's raw bytes rule a match out; `lowered` is a buffer to reuse.
bool cannot_match(std::string_view text, std::string_view word, std::string& lowered) {
    if (word.empty() || text.find('\\') != std::string_view::npos)
        return false;
    lowered.assign(text);
    for (char& c : lowered)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + ('a' - 'A'));
    return lowered.find(word) == std::string::npos;
}

// Whether `text` holds `word` (lower-case ASCII), ASCII letters compared in any case.
bool holds_word(std::string_view text, std::string_view word) {
    auto same = [](char a, char b) {
        return (a >= 'A' && a <= 'Z' ? static_cast<char>(a + ('a' - 'A')) : a) == b;
    };
    return std::search(text.begin(), text.end(), word.begin(), word.end(), same) != text.end();
}

}  // namespace

std::string search_normal(std::string_view text) {
    std::string out;
    append_normal(out, text);
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::vector<LineMatch> matching_lines(std::string_view text, const std::string& file,
                                      std::string_view needle) {
    const auto lines = split_lines(text);
    const std::string word = plain_word(needle);
    std::vector<int> found;
    for (const auto& value : values_of(text, file, lines)) {
        // Most values of a file that matches do not: fold only those that may.
        if (!word.empty() && !holds_word(value.text, word))
            continue;
        const Normal n = normalise(value);
        for (std::size_t at = n.text.find(needle); at != std::string::npos;
             at = n.text.find(needle, at + 1))
            found.push_back(line_of(n, at));
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    std::vector<LineMatch> out;
    for (int line : found) {
        const auto i = static_cast<std::size_t>(line - 1);
        out.push_back({line, i < lines.size() ? trim(lines[i]) : std::string()});
    }
    return out;
}

namespace {

// How far the readers may run ahead of the client whose matches are delivered next: the
// matches held at any time are those of at most this many clients, however many match.
constexpr std::size_t kAhead = 64;

// A client's name as people know it, its slug when its client.yaml cannot say.
std::string client_name(const Folder& folder, const std::string& slug) {
    try {
        auto name = folder.load_client(slug).name;
        return name.empty() ? slug : name;
    } catch (const DataError&) {
        return slug;  // the file's problem is search's to report, not the name's
    }
}

// The clients, each searched by whichever thread takes it next and delivered in order by
// the calling thread, which searches too while the next one to deliver is not ready.
// No thread waits for a whole batch: a reader waits only when it is kAhead clients ahead.
class Walk {
  public:
    explicit Walk(std::size_t clients) : found_(clients), ready_(clients, false) {}

    // The next client to search, or nullopt when there is none (or it is too far ahead,
    // for the calling thread, which must deliver instead).
    std::optional<std::size_t> take(bool caller) {
        std::unique_lock lock(mutex_);
        for (;;) {
            if (next_ >= found_.size())
                return std::nullopt;
            if (next_ < delivered_ + kAhead)
                return next_++;
            if (caller)
                return std::nullopt;
            moved_.wait(lock);
        }
    }
    void done(std::size_t i, std::vector<SearchHit> hits) {
        {
            const std::lock_guard lock(mutex_);
            found_[i] = std::move(hits);
            ready_[i] = true;
        }
        moved_.notify_all();
    }
    // Delivers what is ready in order; false once every client is delivered.
    bool deliver(const std::function<void(SearchHit&)>& each, bool wait) {
        std::vector<SearchHit> hits;
        {
            std::unique_lock lock(mutex_);
            if (delivered_ >= found_.size())
                return false;
            if (wait)
                moved_.wait(lock, [&] { return ready_[delivered_]; });
            if (!ready_[delivered_])
                return true;
            hits = std::move(found_[delivered_]);
            found_[delivered_] = {};
            ++delivered_;
        }
        moved_.notify_all();
        for (auto& hit : hits)
            each(hit);
        return true;
    }
    bool delivered_all() {
        const std::lock_guard lock(mutex_);
        return delivered_ >= found_.size();
    }

  private:
    std::mutex mutex_;
    std::condition_variable moved_;
    std::vector<std::vector<SearchHit>> found_;
    std::vector<bool> ready_;
    std::size_t next_ = 0, delivered_ = 0;
};

}  // namespace

void search(const Folder& folder, std::string_view query, std::vector<DataError>& problems,
            const std::function<void(SearchHit&)>& each, const Progress& progress) {
    const std::string needle = search_normal(query);
    if (needle.empty())
        return;
    const std::string word = plain_word(needle);
    const auto slugs = folder.client_slugs();
    const std::size_t threads = os::walker_threads(slugs.size());
    std::vector<std::vector<DataError>> skipped(threads);
    std::atomic<std::size_t> done = 0;
    Walk walk(slugs.size());
    std::exception_ptr failed;  // the first thread's that threw, rethrown at the end
    std::mutex failed_mutex;
    auto search_client = [&](std::size_t t, std::size_t i, std::string& lowered) {
        std::vector<SearchHit> found;
        const std::string& slug = slugs[i];
        try {
            for (RecordKind kind : kRecordKinds)
                if (const auto dir = record_dir_path(slug, kind);
                    is_linked_folder(folder.root(), dir))
                    skipped[t].push_back(linked_folder(dir));
            for_each_record_text(folder, slug, skipped[t],
                                 [&](const std::string& file, const std::string& text) {
                                     if (cannot_match(text, word, lowered))
                                         return;
                                     for (auto& m : matching_lines(text, file, needle))
                                         found.push_back({slug, {}, file, std::move(m)});
                                 });
            if (!found.empty()) {
                const std::string name = client_name(folder, slug);
                for (auto& hit : found)
                    hit.name = name;
            }
        } catch (...) {
            // Marked done all the same: the caller waits for every client in order.
            const std::lock_guard lock(failed_mutex);
            if (!failed)
                failed = std::current_exception();
            found.clear();
        }
        walk.done(i, std::move(found));
        ++done;
    };
    os::run_parts(threads, threads, [&](std::size_t t, std::size_t, std::size_t) {
        std::string lowered;
        if (t != 0) {
            while (const auto i = walk.take(false))
                search_client(t, *i, lowered);
            return;
        }
        // The calling thread: the only one that writes, so it delivers (in client order)
        // and reports progress; it searches whenever there is nothing to deliver yet.
        for (;;) {
            while (walk.deliver(each, false) && !walk.delivered_all()) {
                const auto i = walk.take(true);
                if (!i)
                    break;
                search_client(t, *i, lowered);
                if (progress)
                    progress(done, slugs.size());
            }
            if (!walk.deliver(each, true))
                break;
        }
    });
    if (failed)
        std::rethrow_exception(failed);
    for (const auto& name : client_dir_names(folder.root()))
        if (is_linked_folder(folder.root(), client_dir_path(name)))
            problems.push_back(linked_folder(client_dir_path(name)));
    for (auto& part : skipped)
        std::move(part.begin(), part.end(), std::back_inserter(problems));
}

}  // namespace crm::store
