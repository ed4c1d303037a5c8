#include "crm/commands/writes.hpp"

#include <ostream>

#include "crm/commands/common.hpp"
#include "crm/os/files.hpp"
#include "crm/store/record_io.hpp"

namespace crm::commands {

std::string write_new_record(Context& ctx, const std::string& slug, RecordKind kind, Date date,
                             const std::string& by, const std::string& text,
                             const std::string& commit_message) {
    auto& folder = ctx.folder();
    os::FolderLock lock(folder.root());
    const std::string file = folder.new_record_path(slug, kind, date, by);
    os::write_atomic(folder.root(), file, text, true);
    ctx.out() << file << '\n';
    ctx.commit({file}, commit_message);
    return file;
}

namespace {

std::string client_file_of(Context& ctx, const std::string& query) {
    return ctx.folder().client_file(resolve_client(ctx, query));
}

}  // namespace

ClientFileEdit::ClientFileEdit(Context& ctx, const std::string& client_query)
    : ctx_(ctx), file_(client_file_of(ctx, client_query)), lock_(ctx.folder().root()) {
    auto text = ctx.folder().read(file_);
    if (!text)
        throw RuntimeError("no client file " + file_);
    text_ = std::move(*text);
    client_ = store::read_client(text_, file_);
}

void ClientFileEdit::replace(const std::string& edited) {
    (void)store::read_client(edited, file_);
    os::write_atomic(ctx_.folder().root(), file_, edited);
}

}  // namespace crm::commands
