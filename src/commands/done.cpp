#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/commands/done.hpp"
#include "crm/reports/due.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/mark_done.hpp"

namespace crm::commands {

namespace {

std::string describe(const std::vector<CommitmentRef>& refs,
                     const std::vector<std::size_t>& which) {
    std::string out;
    for (std::size_t k : which) {
        const Commitment& c = *refs[k].item;
        out += "\n  " + std::to_string(k + 1) + "  " + std::string(due_type_name(refs[k].type)) +
               "  " + c.what + (c.due ? "  (due " + c.due->iso() + ")" : "");
    }
    return out;
}

std::vector<std::size_t> all_of(const std::vector<CommitmentRef>& refs) {
    std::vector<std::size_t> v(refs.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = i;
    return v;
}

bool is_number(const std::string& item) {
    return !item.empty() &&
           std::all_of(item.begin(), item.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ITEM: a number as `crm promises` shows it, the item's whole text, or a unique piece.
const CommitmentRef& pick(const std::vector<CommitmentRef>& refs, const std::string& item,
                          const std::string& slug) {
    const std::string again = "crm done " + slug + " NUMBER (see crm promises " + slug + ")";
    if (refs.empty())
        throw RuntimeError(slug + " has no open promises or actions");
    if (item.empty()) {
        if (refs.size() == 1)
            return refs.front();
        throw RuntimeError(slug + " has " + std::to_string(refs.size()) +
                               " open promises and actions; which one?" +
                               describe(refs, all_of(refs)),
                           again);
    }
    if (is_number(item)) {
        std::size_t n = item.size() > 6 ? 0 : std::stoul(item);
        if (n < 1 || n > refs.size())
            throw RuntimeError("no item " + item + ": " + slug + " has " +
                                   std::to_string(refs.size()) + " open" +
                                   describe(refs, all_of(refs)),
                               again);
        return refs[n - 1];
    }
    const std::string needle = fold_case(trim(item));
    std::vector<std::size_t> exact, partial;
    for (std::size_t i = 0; i < refs.size(); ++i) {
        const std::string what = fold_case(refs[i].item->what);
        if (what == needle)
            exact.push_back(i);
        else if (what.find(needle) != std::string::npos)
            partial.push_back(i);
    }
    const auto& found = exact.empty() ? partial : exact;
    if (found.size() == 1)
        return refs[found.front()];
    if (found.empty())
        throw RuntimeError("no open promise or action of " + slug + " matches '" + item + "'" +
                               describe(refs, all_of(refs)),
                           again);
    throw RuntimeError("'" + item + "' matches " + std::to_string(found.size()) +
                           " open items of " + slug + describe(refs, found),
                       again);
}

}  // namespace

int done(const DoneOptions& o, Context& ctx) {
    const Date today = ctx.today();
    const Date date =
        o.date.empty() ? today : parse_date_arg(o.date, today, DateDirection::past, "--date");
    if (date > today)
        throw UsageError("--date: " + date.iso() + " is in the future",
                         "give the day it was delivered: today or earlier");
    const std::string slug = resolve_client(ctx, o.client);
    store::Folder& folder = ctx.folder();

    auto tx = ctx.transaction();
    std::vector<DataError> problems;
    ClientRecord record = folder.load_record(slug, problems, store::Unreadable::keep);
    record.client.slug = slug;
    const std::vector<CommitmentRef> refs = open_commitments(record);
    const std::string item = join(o.item, " ");
    if (!problems.empty() && (item.empty() || is_number(item))) {
        // The numbers `crm promises` gave count the items of every file: with one file
        // unread they would point at another item (and "the only one" may not be).
        ctx.warn_problems(problems);
        throw RuntimeError(
            "item numbers of " + slug + " are refused while " + problems.front().where().file +
                " cannot be read: " + (item.empty() ? "the only item listed" : "number " + item) +
                " might be another item",
            "fix it (crm check shows where), or name the item by a piece of "
            "its text: crm done " +
                slug + " \"TEXT\"");
    }
    const CommitmentRef& ref = pick(refs, item, slug);

    const std::string& file = ref.visit->file;
    auto text = tx.read(file);
    if (!text)
        throw RuntimeError(file + " is gone", "run the command again");
    const std::string edited = yaml::insert_done_line(
        *text, file, ref.list_key(), static_cast<std::size_t>(ref.index), ref.item->what, date);
    tx.replace(file, edited);
    tx.commit("done: " + record.client.name + ": " + ref.item->what);
    ctx.note("marked done " + date.iso() + ": " + std::string(due_type_name(ref.type)) + " '" +
             ref.item->what + "' (" + file + ")");
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
