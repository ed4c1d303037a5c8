#pragma once
// What changed in the folder over a period, as git's history tells it (spec section 4,
// `crm report`): each commit authored in the period is compared with its parent, and the
// files read as records (through schema/ and yaml/, as hostile as any other file):
//
//   new client   a client.yaml the commit added (a folder renamed by `crm rename --slug` is
//                not a new client)
//   stage move   a client.yaml whose `stage` differs from its parent's
//   won, lost    an opportunity that the commit made won (lost), unless its `won:` (`lost:`)
//                date is before the period: an old result typed in now is history, not news
//
// A version of a file that cannot be read counts as absent: its changes are not guessed.
#include "crm/git/git.hpp"
#include "crm/model/changes.hpp"

namespace crm::store {

FolderChanges period_changes(const git::Git& git, Date since, Date until);

}  // namespace crm::store
