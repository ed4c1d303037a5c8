#include "crm/commands/writes.hpp"

#include <ostream>

#include "crm/commands/common.hpp"
#include "crm/schema/records.hpp"

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
    : file_(client_file_of(ctx, client_query)), tx_(ctx.transaction()) {
    auto text = ctx.folder().read(file_);
    if (!text)
        throw RuntimeError("no client file " + file_);
    text_ = std::move(*text);
    client_ = schema::read_client(text_, file_);
}

void ClientFileEdit::replace(const std::string& edited) {
    (void)schema::read_client(edited, file_);
    tx_.replace(file_, edited);
}

}  // namespace crm::commands
