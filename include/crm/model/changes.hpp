#pragma once
// What changed in the folder over a period, as its history tells it (spec section 4, `crm
// report`): clients added, stage moves, opportunities won and lost. The store reads it from
// git (store/period_changes.hpp); reports take it as data, so they stay pure.
#include <optional>
#include <string>
#include <vector>

#include "crm/model/date.hpp"

namespace crm {
inline namespace model {

enum class ChangeKind { new_client, stage_move, won, lost };

struct FolderChange {
    ChangeKind kind = ChangeKind::new_client;
    Date date;           // the day the commit that made it was authored
    std::string author;  // that commit's author
    std::string slug;    // the client's folder then
    std::string client;  // the client's name then (the slug when its file could not be read)
    std::string from;    // a stage move's stage before
    std::string to;      // a stage move's stage after; a new client's stage
    std::string title;   // a won or lost opportunity's title
    std::optional<double> value;  // its value, when it has one
    std::string reason;           // a lost opportunity's lost_reason
};

struct FolderChanges {
    bool known = false;               // false: no history to ask (why_not says why)
    std::string why_not;              // "the folder is not in a git repository"
    std::vector<FolderChange> items;  // by date, then kind, then client
};

}  // namespace model
}  // namespace crm
