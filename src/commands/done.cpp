#include "crm/commands/done.hpp"

#include <algorithm>
#include <map>

#include "crm/commands/common.hpp"
#include "crm/reports/due.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/mark_done.hpp"

namespace crm::commands {

namespace {

std::string describe(const std::vector<CommitmentRef>& refs,
                     const std::vector<std::size_t>& which) {
    std::string out;
    for (std::size_t k : which) {
        const Commitment& c = *refs[k].item;
        format_to(out, "\n  {}  {}  {}", k + 1, due_type_name(refs[k].type), c.what);
        if (c.due)
            format_to(out, "  (due {})", *c.due);
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

// The items whose text is `item` (any case), else those that contain it.
std::vector<std::size_t> matching(const std::vector<CommitmentRef>& refs, const std::string& item) {
    const std::string needle = fold_case(trim(item));
    std::vector<std::size_t> exact, partial;
    for (std::size_t i = 0; i < refs.size(); ++i) {
        const std::string what = fold_case(refs[i].item->what);
        if (what == needle)
            exact.push_back(i);
        else if (!needle.empty() && what.find(needle) != std::string::npos)
            partial.push_back(i);
    }
    return exact.empty() ? partial : exact;
}

// ITEM: a number as `crm promises` shows it, the item's whole text, or a unique piece.
std::size_t pick(const std::vector<CommitmentRef>& refs, const std::string& item,
                 const std::string& slug) {
    const std::string again = fmt::format("crm done {} NUMBER (see crm promises {})", slug, slug);
    if (item.empty()) {
        if (refs.size() == 1)
            return 0;
        throw RuntimeError(fmt::format("{} has {} open promises and actions; which one?{}", slug,
                                       refs.size(), describe(refs, all_of(refs))),
                           again);
    }
    if (is_number(item)) {
        const std::size_t n = item.size() > 6 ? 0 : std::stoul(item);
        if (n < 1 || n > refs.size())
            throw RuntimeError(fmt::format("no item {}: {} has {} open{}", item, slug, refs.size(),
                                           describe(refs, all_of(refs))),
                               again);
        return n - 1;
    }
    const auto found = matching(refs, item);
    if (found.size() == 1)
        return found.front();
    if (found.empty())
        throw RuntimeError(fmt::format("no open promise or action of {} matches '{}'{}", slug, item,
                                       describe(refs, all_of(refs))),
                           again);
    throw RuntimeError(fmt::format("'{}' matches {} open items of {}{}", item, found.size(), slug,
                                   describe(refs, found)),
                       again);
}

// ITEM...: each word an item; but words typed without quotes that together name one
// item (`crm done acme ask bob for rates`) are that one item.
std::vector<std::size_t> picks(const std::vector<CommitmentRef>& refs,
                               const std::vector<std::string>& items, const std::string& slug) {
    if (refs.empty())
        throw RuntimeError(fmt::format("{} has no open promises or actions", slug));
    if (items.empty())
        return {pick(refs, "", slug)};
    if (items.size() > 1 && !std::all_of(items.begin(), items.end(), is_number))
        if (auto one = matching(refs, join(items, " ")); one.size() == 1)
            return one;
    std::vector<std::size_t> out;
    for (const auto& item : items)
        if (const std::size_t i = pick(refs, item, slug);
            std::find(out.begin(), out.end(), i) == out.end())
            out.push_back(i);
    return out;
}

}  // namespace

int done(const DoneOptions& o, Context& ctx) {
    const Date today = ctx.today();
    const Date date = o.date.given() ? read_date(ctx, o.date) : today;
    if (date > today)
        throw UsageError(
            fmt::format("{}: {} {} is in the future", o.date.option, weekday_short(date), date),
            "give the day it was delivered: today or earlier");
    const std::string slug = resolve_client(ctx, o.client);
    store::Folder& folder = ctx.folder();

    auto tx = ctx.transaction();
    std::vector<DataError> problems;
    ClientRecord record = folder.load_record(slug, problems, store::Unreadable::keep);
    record.client.slug = slug;
    const std::vector<CommitmentRef> refs = open_commitments(record);
    const bool by_number =
        o.items.empty() || std::any_of(o.items.begin(), o.items.end(), is_number);
    if (!problems.empty() && by_number) {
        // The numbers `crm promises` gave count the items of every file: with one file
        // unread they would point at another item (and "the only one" may not be).
        ctx.warn_problems(problems);
        throw RuntimeError(
            fmt::format("item numbers of {} are refused while {} cannot be read: {} might be "
                        "another item",
                        slug, problems.front().where().file,
                        o.items.empty() ? std::string("the only item listed")
                                        : fmt::format("number {}", join(o.items, " "))),
            fmt::format("fix it (crm check shows where), or name the item by a piece of its "
                        "text: crm done {} \"TEXT\"",
                        slug));
    }
    const std::vector<std::size_t> chosen = picks(refs, o.items, slug);

    // Every item is found before any file changes: numbers stay those `crm promises` gave.
    std::map<std::string, std::string> edited;  // file -> its new text
    std::vector<std::string> whats;
    for (std::size_t i : chosen) {
        const CommitmentRef& ref = refs[i];
        const std::string& file = ref.visit->file;
        if (!edited.count(file)) {
            auto text = tx.read(file);
            if (!text)
                throw RuntimeError(fmt::format("{} is gone", file), "run the command again");
            edited[file] = std::move(*text);
        }
        edited[file] =
            yaml::insert_done_line(edited[file], file, ref.list_key(),
                                   static_cast<std::size_t>(ref.index), ref.item->what, date);
        whats.push_back(ref.item->what);
    }
    for (const auto& [file, text] : edited)
        tx.replace(file, text);
    tx.commit(fmt::format("done: {}: {}", record.client.name,
                          chosen.size() == 1 ? whats.front() : commit_subject(join(whats, "; "))));
    for (std::size_t i : chosen)
        ctx.note(fmt::format("marked done {} {}: {} '{}' ({})", weekday_short(date), date,
                             due_type_name(refs[i].type), refs[i].item->what, refs[i].visit->file));
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
