// The reports folded one client at a time (the *Collector classes, as `crm due` and the
// other reports run them over a large folder) against the same reports over the whole
// folder in memory. The streamed side hands each collector a record that is overwritten
// by the next client, as the store's walker does, and splits the clients between several
// collectors joined in order, as its threads do: a row that kept a pointer into a record,
// or a join out of order, shows as a difference.
#include <doctest/doctest.h>

#include <random>
#include <sstream>

#include "crm/reports/due.hpp"
#include "crm/reports/funnel.hpp"
#include "crm/reports/pipeline.hpp"
#include "crm/reports/portfolio.hpp"
#include "crm/reports/promises.hpp"
#include "crm/reports/reviews_summary.hpp"

using namespace crm;

namespace {

const Date kToday = *Date::parse_iso("2026-11-23");

// A folder of `n` clients drawn from a fixed seed: every kind of record, with the dates,
// stages, ratings and owners the reports sort and filter on.
class Generator {
  public:
    explicit Generator(unsigned seed) : rng_(seed) {}

    std::vector<ClientRecord> folder(int n) {
        std::vector<ClientRecord> out;
        for (int i = 0; i < n; ++i)
            out.push_back(client(i));
        return out;
    }

  private:
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(int percent) { return pick(1, 100) <= percent; }
    Date day(int back, int ahead) { return kToday.plus_days(pick(-back, ahead)); }
    std::optional<Date> maybe_day(int percent, int back, int ahead) {
        return chance(percent) ? std::optional<Date>(day(back, ahead)) : std::nullopt;
    }
    std::string person() { return kPeople[static_cast<std::size_t>(pick(0, 3))]; }

    Commitment commitment(int v, int k) {
        Commitment c;
        c.what = "item " + std::to_string(v) + "." + std::to_string(k);
        c.due = maybe_day(70, 60, 60);
        c.done = maybe_day(40, 30, 0);
        return c;
    }

    ClientRecord client(int i) {
        ClientRecord r;
        char slug[32];
        std::snprintf(slug, sizeof slug, "client-%03d", i);
        const std::string dir = std::string("clients/") + slug;
        r.client.slug = slug;
        r.client.file = dir + "/client.yaml";
        // Some names repeat, in another case: the reports' ties by name.
        r.client.name = (i % 7 == 0   ? "Same Name"
                         : i % 7 == 1 ? "same name"
                                      : "Client ") +
                        std::to_string(i % 5);
        r.client.stage = kStages[static_cast<std::size_t>(pick(0, 6))];
        r.client.tier = kTiers[static_cast<std::size_t>(pick(0, 4))];
        r.client.owner = person();
        r.client.since = maybe_day(90, 3000, 0);
        r.client.stage_since = maybe_day(50, 900, 0);
        if (chance(70)) {
            r.client.ratings = {pick(1, 5), pick(1, 5),
                                chance(80) ? std::optional(pick(1, 5)) : std::nullopt};
        }
        r.client.contacts.push_back({"Jane Doe", "Director", "jane@example.com", "", "notes"});
        r.client.notes = "free text no report shows";
        for (int v = 0, n = pick(0, 6); v < n; ++v) {
            Visit visit;
            visit.date = day(800, 0);
            visit.file = dir + "/visits/" + visit.date.iso() + "-v" + std::to_string(v) + ".yaml";
            visit.by = chance(80) ? person() : "";
            visit.kind = chance(70) ? "visit" : "call";
            for (int k = 0, m = pick(0, 3); k < m; ++k)
                visit.promises.push_back(commitment(v, k));
            for (int k = 0, m = pick(0, 2); k < m; ++k)
                visit.actions.push_back(commitment(v, 10 + k));
            visit.next_contact = maybe_day(20, 30, 60);
            r.visits.push_back(visit);
        }
        for (int v = 0, n = pick(0, 2); v < n; ++v) {
            Review review;
            review.date = day(400, 0);
            review.file =
                dir + "/reviews/" + review.date.iso() + "-r" + std::to_string(v) + ".yaml";
            review.by = person();
            review.project = "Project " + std::to_string(v);
            review.rating = static_cast<Rating>(pick(0, 4));
            if (chance(40))
                review.testimonial = "great work";
            if (chance(30))
                review.referrals = {"Someone Else"};
            r.reviews.push_back(review);
        }
        for (int v = 0, n = pick(0, 3); v < n; ++v) {
            Opportunity o;
            o.file = dir + "/opportunities/2026-01-0" + std::to_string(v + 1) + "-o.yaml";
            o.title = "Deal " + std::to_string(v);
            o.by = person();
            o.owner = chance(50) ? person() : "";
            o.stage = kOpportunityStages[static_cast<std::size_t>(pick(0, 5))];
            if (o.stage == "won")
                o.won = day(500, 0);
            if (o.stage == "lost")
                o.lost = day(500, 0);
            if (chance(80))
                o.value = Money{static_cast<double>(pick(1, 400)) * 1234.5};
            o.engaged = maybe_day(70, 500, 0);
            o.rfp_expected = maybe_day(50, 300, 200);
            o.rfp_since = maybe_day(20, 100, 0);
            o.decision_expected = maybe_day(70, 30, 300);
            o.next_step = chance(50) ? "call them" : "";
            o.next_step_due = maybe_day(60, 20, 40);
            r.opportunities.push_back(o);
        }
        sort_by_date(r);
        return r;
    }

    static constexpr const char* kPeople[] = {"Alice Smith", "bob jones", "Carol White", ""};
    static constexpr const char* kStages[] = {"lead",   "prospect", "proposal", "client",
                                              "former", "lost",     "odd stage"};
    static constexpr const char* kTiers[] = {"A", "B", "C", "", "Z"};
    static constexpr const char* kOpportunityStages[] = {"",    "pre-scoping", "proposal",
                                                         "won", "lost",        "shortlisted"};
    std::mt19937 rng_;
};

std::string text(const std::optional<Date>& d) {
    return d ? d->iso() : "-";
}

// What a person or a program reads of each report, as text.
std::string describe(const std::vector<DueItem>& items) {
    std::ostringstream out;
    for (const auto& i : items)
        out << due_type_name(i.type) << ' ' << i.client << ' ' << i.name << ' ' << i.owner << ' '
            << i.tier << ' ' << i.by << ' ' << i.due.iso() << ' ' << i.what << ' ' << i.reason
            << ' ' << text(i.last_contact) << ' ' << i.file << ' ' << i.index << '\n';
    return out.str();
}

std::string describe(const std::vector<PromiseRow>& rows) {
    std::ostringstream out;
    for (const auto& r : rows)
        out << r.record->client.slug << ' ' << r.record->client.name << ' ' << r.number << ' '
            << r.ref.list_key() << ' ' << r.ref.index << ' ' << r.ref.visit->file << ' '
            << r.ref.visit->by << ' ' << r.ref.item->what << ' ' << text(r.ref.item->due) << ' '
            << text(r.ref.item->done) << '\n';
    return out.str();
}

std::string describe(const Portfolio& p) {
    std::ostringstream out;
    for (const auto& g : p.groups) {
        out << "tier " << g.tier << ' ' << g.configured << '\n';
        for (const auto& r : g.rows)
            out << r.slug << ' ' << r.name << ' ' << r.stage << ' ' << r.score.value_or(-1) << ' '
                << r.suggestion.value_or("-") << ' ' << text(r.last_contact) << ' ' << r.visits_12m
                << ' ' << (r.last_review ? r.last_review->file : "-") << ' ' << r.open_promises
                << ' ' << r.won_12m << '\n';
    }
    for (const auto* r : p.flagged)
        out << "flagged " << r->slug << '\n';
    for (const auto* r : p.unrated)
        out << "unrated " << r->slug << '\n';
    return out.str();
}

std::string describe(const std::vector<FunnelStage>& stages) {
    std::ostringstream out;
    for (const auto& s : stages) {
        out << "stage " << s.stage << ' ' << s.configured << s.inactive << '\n';
        for (const auto& e : s.entries)
            out << e.client->slug << ' ' << e.client->name << ' ' << text(e.entered) << ' '
                << stage_source_name(e.source) << ' ' << e.days.value_or(-9999) << '\n';
    }
    return out.str();
}

std::string describe(const ReviewsSummary& s) {
    std::ostringstream out;
    for (int c : s.counts)
        out << c << ' ';
    out << s.total << '\n';
    for (const auto& f : s.follow_ups)
        out << "follow-up " << f.ref.client->slug << ' ' << f.ref.review->file << ' ' << f.due.iso()
            << '\n';
    for (const auto& t : s.testimonials)
        out << "testimonial " << t.client->name << ' ' << t.review->file << '\n';
    for (const auto& r : s.referrals)
        out << "referral " << r.client->slug << ' ' << r.review->file << '\n';
    return out.str();
}

std::string describe(const Pipeline& p) {
    std::ostringstream out;
    for (const auto& r : p.open)
        out << r.client << ' ' << r.name << ' ' << r.opportunity->file << ' ' << r.stage << ' '
            << r.probability << ' ' << r.weighted.value_or(-1) << ' ' << text(r.engaged) << ' '
            << r.months_before_rfp.value_or(-999) << '\n';
    for (const auto& m : p.by_month)
        out << m.month << ' ' << m.count << ' ' << m.weighted << '\n';
    out << p.undated << ' ' << p.value << ' ' << p.weighted << ' ' << p.clock.early.won << ' '
        << p.clock.early.lost << ' ' << p.clock.late.won << ' ' << p.clock.late.lost << '\n';
    return out.str();
}

// The streamed side: `parts` collectors, each given a run of the clients in order through
// one reused record, joined in order.
template <class Make>
auto streamed(const std::vector<ClientRecord>& records, std::size_t parts, Make make) {
    std::vector<decltype(make())> collectors;
    for (std::size_t t = 0; t < parts; ++t)
        collectors.push_back(make());
    ClientRecord reused;
    for (std::size_t t = 0; t < parts; ++t) {
        for (std::size_t i = records.size() * t / parts; i < records.size() * (t + 1) / parts;
             ++i) {
            reused = records[i];
            collectors[t].add(reused);
            // What the walker's next client does to the record: nothing must point into it.
            reused = ClientRecord{};
            reused.client.name = "overwritten";
        }
    }
    for (std::size_t t = 1; t < parts; ++t)
        collectors.front().merge(std::move(collectors[t]));
    return std::move(collectors.front());
}

}  // namespace

TEST_CASE("each report folded client by client, in parts, equals the report over the folder") {
    const Settings s;
    for (unsigned seed : {1u, 2u, 3u}) {
        const auto records = Generator(seed).folder(120);
        const Date end = kToday.plus_days(14);
        const std::string due = describe(compute_due(records, s, kToday, end));
        const PromisesQuery all{.all = true};
        const PromisesQuery mine{.overdue = true, .mine = true, .user = "alice smith"};
        const std::string promises = describe(promise_rows(records, all, kToday));
        const std::string my_promises = describe(promise_rows(records, mine, kToday));
        const std::string portfolio = describe(build_portfolio(records, s, kToday));
        const std::map<std::string, Date> git{{"clients/client-003/client.yaml", kToday}};
        const std::string funnel = describe(build_funnel(records, s, kToday, git));
        const std::string reviews =
            describe(summarize_reviews(records, s.review_follow_up, kToday.plus_days(-200)));
        const std::string pipeline = describe(build_pipeline(records, s));
        const std::string bobs = describe(build_pipeline(records, s, "Bob Jones"));
        // The generated folder has something in every report.
        CHECK(due.size() > 1000);
        CHECK(promises.size() > 1000);
        CHECK(reviews.find("testimonial") != std::string::npos);
        CHECK(pipeline.size() > 500);

        for (std::size_t parts : {1u, 2u, 3u, 7u}) {
            CAPTURE(seed);
            CAPTURE(parts);
            CHECK(describe(streamed(records, parts, [&] {
                               return DueCollector(s, end);
                           }).finish()) == due);
            CHECK(describe(streamed(records, parts, [&] {
                               return PromisesCollector(all, kToday);
                           }).finish()) == promises);
            CHECK(describe(streamed(records, parts, [&] {
                               return PromisesCollector(mine, kToday);
                           }).finish()) == my_promises);
            CHECK(describe(streamed(records, parts, [&] {
                               return PortfolioCollector(s, kToday);
                           }).finish()) == portfolio);
            auto folded = streamed(records, parts, [&] { return FunnelCollector(s, kToday); });
            CHECK(folded.needs_stage_changes());
            CHECK(describe(std::move(folded).finish(git)) == funnel);
            CHECK(describe(streamed(records, parts, [&] {
                               return ReviewsCollector(s.review_follow_up, kToday.plus_days(-200));
                           }).finish()) == reviews);
            CHECK(describe(streamed(records, parts, [&] {
                               return PipelineCollector(s, "");
                           }).finish()) == pipeline);
            CHECK(describe(streamed(records, parts, [&] {
                               return PipelineCollector(s, "Bob Jones");
                           }).finish()) == bobs);
        }
    }
}

TEST_CASE("a promises row keeps only the visits it needs, numbered as the whole record") {
    ClientRecord r;
    r.client.slug = "acme";
    r.client.name = "Acme";
    r.client.notes = "not kept";
    Visit quiet;
    quiet.file = "clients/acme/visits/2026-01-01-a.yaml";
    quiet.date = *Date::parse_iso("2026-01-01");
    Visit busy = quiet;
    busy.file = "clients/acme/visits/2026-02-01-b.yaml";
    busy.date = *Date::parse_iso("2026-02-01");
    busy.promises = {{"first", kToday, std::nullopt}, {"second", std::nullopt, std::nullopt}};
    r.visits = {quiet, busy};
    PromisesCollector c({}, kToday);
    c.add(r);
    const auto rows = std::move(c).finish();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].record == rows[1].record);
    CHECK(rows[0].record->visits.size() == 1);
    CHECK(rows[0].record->client.notes.empty());
    CHECK(rows[1].number == 2);
    CHECK(rows[1].ref.item->what == "second");
}
