#pragma once
// Every record of the folder, through the record cache in .crm/cache (cache.hpp), folded
// client by client (fold_records) or all at once (load_all). Files whose size, mtime and
// inode are unchanged are not read again. With Detail::summary the free text of visits
// and opportunities is left out (detail.hpp), which makes a warm run several times
// faster. One client's records are Folder::load_record's (folder.hpp).
#include <functional>
#include <vector>

#include "crm/model/records.hpp"
#include "crm/store/detail.hpp"
#include "crm/store/folder.hpp"
#include "crm/util/error.hpp"

namespace crm::store {

// Everything loaded, with the files that could not be read. Reports go on over good
// files; the command warns about each problem and exits 1 at the end.
struct Snapshot {
    std::vector<ClientRecord> clients;  // sorted by slug
    std::vector<DataError> problems;
};

// The folder's clients are cut into runs in slug order, each walked by a thread of its
// own: `start(parts)` hears how many before any thread starts, then each part's thread
// calls `visit(part, record)` for its clients in slug order, part 0's clients before part
// 1's and so on. A caller folds each part into a state of its own (no locking) and joins
// the parts in order, which gives what one thread would. The record is the walker's and
// is reused for the next client: keep copies of what is needed, never pointers. Returns
// the files that could not be read. `progress`, when given, hears (clients done, clients
// in all) as loading goes, from one thread only.
using PartsStart = std::function<void(std::size_t parts)>;
using PartVisitor = std::function<void(std::size_t part, const ClientRecord&)>;
std::vector<DataError> fold_records(const Folder& folder, Detail detail, const PartsStart& start,
                                    const PartVisitor& visit, const Progress& progress = {},
                                    Unreadable unreadable = Unreadable::skip);

// As fold_records, one client at a time in slug order on the calling thread (for
// `export`, which writes each client out as it comes).
using RecordVisitor = std::function<void(const ClientRecord&)>;
std::vector<DataError> for_each_record(const Folder& folder, Detail detail,
                                       const RecordVisitor& visit, const Progress& progress = {});

// Every record at once, its memory growing with the folder: for tests that compare a
// fold with the whole folder's report, and for small folders.
Snapshot load_all(const Folder& folder, Detail detail, const Progress& progress = {});

}  // namespace crm::store
