#include "writes.hpp"

#include <algorithm>
#include <chrono>
#include <ostream>
#include <set>
#include <thread>

#include "crm/commands/common.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::commands {

std::string write_new_record(Context& ctx, const std::string& slug, RecordKind kind, Date date,
                             const std::string& by, const std::string& text,
                             const std::string& commit_message) {
    auto tx = ctx.transaction();
    std::string file = ctx.folder().new_record_path(slug, kind, date, by);
    tx.create(file, text);
    // Said once it is committed: a commit that fails is an error, never a success.
    tx.commit(commit_message);
    ctx.out() << file << '\n';
    return file;
}

namespace {

std::string client_file_of(Context& ctx, const std::string& query) {
    return ctx.folder().client_file(resolve_client(ctx, query));
}

}  // namespace

// The client is found before the lock is taken, as a read-only command would find it;
// its file is read under the lock.
ClientFileEdit::ClientFileEdit(Context& ctx, const std::string& client_query)
    : settings_(ctx.folder().settings()),
      file_(client_file_of(ctx, client_query)),
      tx_(ctx.transaction()) {
    read();
}

void ClientFileEdit::read() {
    auto text = tx_.read(file_);
    if (!text)
        throw RuntimeError(fmt::format("no client file {}", file_));
    text_ = std::move(*text);
    client_ = schema::read_client(text_, file_);
}

namespace {

// The top-level keys of a client file that parses.
std::set<std::string> keys_of(const std::string& text, const std::string& file) {
    std::set<std::string> keys;
    const yaml::Node root = yaml::parse(text, file);
    for (const auto& [key, value] : root.entries)
        keys.insert(key.value);
    return keys;
}

constexpr int kAttempts = 5;

}  // namespace

// crm never writes what crm check would refuse: a problem the edit brings (one the file
// did not have already) stops it, and nothing is written.
void ClientFileEdit::refuse_new_problems(const std::string& before, const std::string& after) {
    const auto had = schema::check_file(before, file_, schema::FileKind::client, settings_);
    for (const auto& p : schema::check_file(after, file_, schema::FileKind::client, settings_))
        if (std::none_of(had.begin(), had.end(), [&](const DataError& h) {
                return std::string_view(h.what()) == std::string_view(p.what());
            }))
            throw p;
}

bool ClientFileEdit::apply(const Edit& edit) {
    for (int attempt = 1;; ++attempt) {
        const std::string edited = edit(text_, client_);
        if (edited == text_)
            return false;
        (void)schema::read_client(edited, file_);
        refuse_new_problems(text_, edited);
        try {
            tx_.replace(file_, edited);
            text_ = edited;
            client_ = schema::read_client(text_, file_);
            return true;
        } catch (const os::FileChanged&) {
            if (attempt == kAttempts)
                throw;
        }
        // Read again, and never take a read that lost keys for the file: a program
        // saving it in place may have cut it short.
        const std::set<std::string> had = keys_of(text_, file_);
        std::this_thread::sleep_for(std::chrono::milliseconds(50 * attempt));
        read();
        const std::set<std::string> has = keys_of(text_, file_);
        std::vector<std::string> lost;
        for (const auto& k : had)
            if (!has.count(k))
                lost.push_back(k);
        if (!lost.empty())
            throw os::FileChanged(fmt::format("{} lost {} while crm was changing it (an editor "
                                              "saving it?); crm did not write it",
                                              file_, join(lost, ", ")),
                                  "run the command again once it is saved");
    }
}

}  // namespace crm::commands
