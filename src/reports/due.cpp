#include "crm/reports/due.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>

#include "crm/model/cadence.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/reports/reviews_summary.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace reports {

std::string_view due_type_name(DueType t) {
    switch (t) {
        case DueType::contact:
            return "contact";
        case DueType::promise:
            return "promise";
        case DueType::action:
            return "action";
        case DueType::follow_up:
            return "follow-up";
        case DueType::next_step:
            return "next-step";
        case DueType::rfp:
            return "rfp";
        case DueType::report:
            return "report";
    }
    return "contact";
}

std::string effective_tier(const Client& c, const Settings& s) {
    return c.tier.empty() ? s.default_tier : c.tier;
}

namespace {

// Why the next contact falls on its day, in the words a person would use.
std::string contact_reason(const ClientRecord& r, const Settings& s) {
    const Visit* last = contact_visit(r, s);
    if (!last)
        return fmt::format("{}; client since {}",
                           r.visits.empty() ? "never visited" : "no contact logged",
                           *r.client.since);
    if (last->next_contact)
        return fmt::format("next contact set at the {} {}", last->date, last->kind);
    std::string cadence = effective_cadence(r.client, s)->str();
    std::string source =
        r.client.every ? "own cadence" : fmt::format("tier {}", effective_tier(r.client, s));
    return fmt::format("last contact {} + {} ({})", last->date, cadence, source);
}

std::string contact_what(const Client& c) {
    return c.contacts.empty() || c.contacts.front().name.empty()
               ? "get in touch"
               : fmt::format("get in touch with {}", c.contacts.front().name);
}

DueItem base_item(const ClientRecord& r, const Settings& s, DueType type) {
    DueItem item;
    item.type = type;
    item.client = r.client.slug;
    item.name = r.client.name;
    item.owner = r.client.owner;
    item.tier = effective_tier(r.client, s);
    item.last_contact = last_contact(r, s);
    return item;
}

void add_contact(const ClientRecord& r, const Settings& s, Date end, std::vector<DueItem>& out) {
    auto next = next_contact(r, s);
    if (!next || *next > end)
        return;
    DueItem item = base_item(r, s, DueType::contact);
    item.due = *next;
    item.what = contact_what(r.client);
    item.reason = contact_reason(r, s);
    if (const Visit* v = contact_visit(r, s))
        item.file = v->next_contact ? v->file : "";
    out.push_back(std::move(item));
}

void add_commitments(const ClientRecord& r, const Settings& s, Date end,
                     std::vector<DueItem>& out) {
    for (const CommitmentRef& ref : open_commitments(r)) {
        if (!ref.item->due || *ref.item->due > end)
            continue;
        DueItem item = base_item(r, s, ref.type);
        item.by = ref.visit->by;
        item.due = *ref.item->due;
        item.what = ref.item->what;
        item.reason =
            fmt::format("{} at the {} {}{}", ref.type == DueType::promise ? "promised" : "agreed",
                        ref.visit->date, ref.visit->kind,
                        ref.visit->by.empty() ? "" : fmt::format(" by {}", ref.visit->by));
        item.file = ref.visit->file;
        item.index = ref.index;
        out.push_back(std::move(item));
    }
}

// A meeting taken from the calendar that nobody has written up yet: the report is due
// report_within after it, and belongs to whoever was there.
void add_reports(const ClientRecord& r, const Settings& s, Date end, std::vector<DueItem>& out) {
    for (const Visit& v : r.visits) {
        if (v.report != "pending")
            continue;
        const Date due = s.report_within.after(v.date);
        if (due > end)
            continue;
        DueItem item = base_item(r, s, DueType::report);
        item.by = v.by;
        item.due = due;
        item.what = fmt::format("write up the meeting of {}", v.date);
        item.reason = fmt::format("met {}{} + report_within {}", v.date,
                                  v.where.empty() ? "" : fmt::format(" at {}", v.where),
                                  s.report_within.str());
        item.file = v.file;
        out.push_back(std::move(item));
    }
}

void add_follow_ups(const ClientRecord& r, const Settings& s, Date end, std::vector<DueItem>& out) {
    for (const Review& rv : r.reviews) {
        // The reviews report's rule, so that both always agree (and `crm review` too).
        const auto open = open_follow_up_due(r, rv, s.review_follow_up);
        if (!open || *open > end)
            continue;
        const Date due = *open;
        DueItem item = base_item(r, s, DueType::follow_up);
        const std::string rating(rating_name(rv.rating));
        item.by = rv.by;
        item.due = due;
        item.what = fmt::format("follow up the {} review{}", rating,
                                rv.project.empty() ? "" : fmt::format(" of {}", rv.project));
        item.reason = fmt::format("{} review {} + {}, no visit since", rating, rv.date,
                                  s.review_follow_up.str());
        item.file = rv.file;
        out.push_back(std::move(item));
    }
}

// An open opportunity's next step, and the RFP to be in touch before: the items are the
// opportunity owner's. Once the RFP is out (rfp_since), there is nothing left to be early for.
void add_opportunities(const ClientRecord& r, const Settings& s, Date end,
                       std::vector<DueItem>& out) {
    for (const Opportunity& o : r.opportunities) {
        if (!is_open(o))
            continue;
        auto item_of = [&](DueType type, Date due) {
            DueItem item = base_item(r, s, type);
            item.owner = owner_of(o);
            item.by = o.by;
            item.due = due;
            item.file = o.file;
            return item;
        };
        if (o.next_step_due && *o.next_step_due <= end) {
            DueItem item = item_of(DueType::next_step, *o.next_step_due);
            item.what =
                o.next_step.empty() ? fmt::format("next step for {}", o.title) : o.next_step;
            item.reason = fmt::format("next step of the opportunity {}", o.title);
            out.push_back(std::move(item));
        }
        if (o.rfp_expected && !o.rfp_since) {
            const Date due = s.rfp_lead.before(*o.rfp_expected);
            if (due > end)
                continue;
            DueItem item = item_of(DueType::rfp, due);
            item.what = fmt::format("RFP for {} expected {}: be in touch before it's out", o.title,
                                    *o.rfp_expected);
            item.reason =
                fmt::format("rfp_expected {} - rfp_lead {}", *o.rfp_expected, s.rfp_lead.str());
            out.push_back(std::move(item));
        }
    }
}

}  // namespace

void DueCollector::add(const ClientRecord& r) {
    // A former or lost client is not due for contact: the relationship ended. Its open
    // promises, actions, follow-ups and opportunities did not, and stay due. A client
    // whose file cannot be read has no known cadence; the rest of it is still due.
    if (!r.client.unreadable && !settings_->is_inactive(r.client.stage))
        add_contact(r, *settings_, end_, items_);
    add_opportunities(r, *settings_, end_, items_);
    add_commitments(r, *settings_, end_, items_);
    add_follow_ups(r, *settings_, end_, items_);
    add_reports(r, *settings_, end_, items_);
}

std::string_view DueItem::who() const {
    // No default: a new kind of item gets its person here, and the compiler names the place.
    switch (type) {
        case DueType::promise:
        case DueType::action:
        case DueType::report:  // a meeting's report is for whoever was there
            // A promise is its maker's to keep, whoever owns the client.
            return trim(by).empty() ? std::string_view(owner) : std::string_view(by);
        case DueType::contact:
        case DueType::follow_up:
        case DueType::next_step:  // an opportunity's items: `owner` is the opportunity's
        case DueType::rfp:
            return owner;
    }
    return owner;
}

void DueCollector::merge(DueCollector&& later) {
    std::move(later.items_.begin(), later.items_.end(), std::back_inserter(items_));
    later.items_.clear();
}

std::vector<DueItem> DueCollector::finish() && {
    std::vector<DueItem> out = std::move(items_);
    std::sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) {
        return std::tie(a.due, a.client, a.type, a.file, a.index) <
               std::tie(b.due, b.client, b.type, b.file, b.index);
    });
    return out;
}

std::vector<DueItem> compute_due(const std::vector<ClientRecord>& records, const Settings& s,
                                 Date /*today*/, Date window_end) {
    DueCollector due(s, window_end);
    for (const ClientRecord& r : records)
        due.add(r);
    return std::move(due).finish();
}

namespace {

std::vector<CommitmentRef> commitments(const ClientRecord& r, bool open) {
    std::vector<CommitmentRef> refs;
    for (const Visit& v : r.visits) {
        for (std::size_t i = 0; i < v.promises.size(); ++i)
            if (v.promises[i].open() == open)
                refs.push_back({DueType::promise, &v, &v.promises[i], static_cast<int>(i)});
        for (std::size_t i = 0; i < v.actions.size(); ++i)
            if (v.actions[i].open() == open)
                refs.push_back({DueType::action, &v, &v.actions[i], static_cast<int>(i)});
    }
    return refs;
}

}  // namespace

std::vector<CommitmentRef> open_commitments(const ClientRecord& r) {
    auto refs = commitments(r, true);
    // Visits are already oldest first (date, then file), and within a visit promises
    // come before actions in list order, so a stable sort on the due date is enough.
    std::stable_sort(refs.begin(), refs.end(), [](const CommitmentRef& a, const CommitmentRef& b) {
        const auto& da = a.item->due;
        const auto& db = b.item->due;
        if (da.has_value() != db.has_value())
            return da.has_value();
        return da && *da < *db;
    });
    return refs;
}

std::vector<CommitmentRef> delivered_commitments(const ClientRecord& r) {
    auto refs = commitments(r, false);
    std::stable_sort(refs.begin(), refs.end(), [](const CommitmentRef& a, const CommitmentRef& b) {
        return *a.item->done > *b.item->done;
    });
    return refs;
}

}  // namespace reports
}  // namespace crm
