#pragma once
// The two ways a command changes the folder, each in one store::Transaction, from
// before it reads until after its commit: a new record file, which never overwrites,
// and an edit of a client.yaml a person may have edited, which must still read as a
// client.
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

    // Replaces the file with `edited`, refused (nothing written) unless it still reads
    // as a client. Then commit it.
    void replace(const std::string& edited);
    void commit(const std::string& message) { tx_.commit(message); }
    // The transaction, for a change beyond this file (rename --slug moves its folder).
    store::Transaction& transaction() { return tx_; }

  private:
    std::string file_;
    store::Transaction tx_;
    std::string text_;
    Client client_;
};

}  // namespace crm::commands
