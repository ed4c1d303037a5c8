#pragma once
// The two ways a command changes the folder, each in one store::Transaction, from
// before it reads until after its commit: a new record file, which never overwrites,
// and an edit of a client.yaml a person may have edited, which must still read as a
// client.
#include <functional>
#include <string>

#include "crm/commands/context.hpp"
#include "crm/model/date.hpp"
#include "crm/model/layout.hpp"
#include "crm/model/records.hpp"
#include "crm/store/transaction.hpp"

namespace crm::commands {

// Writes `text` as a new record (visit, review, opportunity) of `slug`, commits it, and
// then prints its path on stdout. Returns the path.
std::string write_new_record(Context& ctx, const std::string& slug, RecordKind kind, Date date,
                             const std::string& by, const std::string& text,
                             const std::string& commit_message);

// The client.yaml of the client a CLIENT argument names, read in a transaction, whose
// lock is held while this object lives.
class ClientFileEdit {
  public:
    ClientFileEdit(Context& ctx, const std::string& client_query);

    const std::string& file() const { return file_; }
    const std::string& text() const { return text_; }
    const Client& client() const { return client_; }

    // The change: `edit(text, client)` gives the file's new text (the same text: nothing
    // to change, and false is returned). Refused (nothing written) unless it still reads
    // as a client. When another program changed the file between crm's read and its
    // write (an editor saving in place), the file is read again and `edit` applied
    // again, a few times, before crm gives up with os::FileChanged; a read that lost
    // keys the earlier one had (a file caught half-saved) is never written back. Then
    // text() and client() are what was changed, and commit() commits it.
    using Edit = std::function<std::string(const std::string& text, const Client& client)>;
    bool apply(const Edit& edit);
    void commit(const std::string& message) { tx_.commit(message); }
    // The transaction, for a change beyond this file (rename --slug moves its folder).
    store::Transaction& transaction() { return tx_; }

  private:
    void read();
    void refuse_new_problems(const std::string& before, const std::string& after);
    const Settings& settings_;
    std::string file_;
    store::Transaction tx_;
    std::string text_;
    Client client_;
};

}  // namespace crm::commands
