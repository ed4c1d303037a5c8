#pragma once
// The whole folder at once: every record, through the record cache in .crm/cache
// (cache.hpp). Files whose size, mtime and inode are unchanged are not read again. With
// Detail::summary the free text of visits and opportunities is left out (detail.hpp),
// which makes a warm run several times faster. One client's records are
// Folder::load_record's (folder.hpp).
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

// Whether load_all faults in the heap for the records before filling it (os/heap.hpp).
// `prefault` changes malloc's settings for the whole process, for good: right for a
// command that loads the folder once and exits (the reports), wrong for a process that
// goes on to do other work with its memory.
enum class Heap { as_is, prefault };

// Every record in the folder, walked by several threads. `progress`, when given, hears
// (clients done, clients in all) as loading goes, from one thread only.
Snapshot load_all(const Folder& folder, Detail detail, Heap heap, const Progress& progress = {});

// As load_all, one client at a time in slug order, never holding the whole folder in
// memory (for `export`); returns the files that could not be read.
using RecordVisitor = std::function<void(const ClientRecord&)>;
std::vector<DataError> for_each_record(const Folder& folder, Detail detail,
                                       const RecordVisitor& visit, const Progress& progress = {});

}  // namespace crm::store
