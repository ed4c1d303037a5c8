// The partners' page from a report built in memory: its sections, the tables the HTML and
// the Markdown share, a chart beside each table of figures, escaping, and a teammate's part.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "crm/render/report_html.hpp"
#include "crm/render/report_markdown.hpp"
#include "crm/render/report_page.hpp"
#include "fixtures.hpp"

using namespace crm;
using namespace crm::render;
using test::d;
using test::kToday;

namespace {

MonthlyReport sample(FolderChanges changes = {}) {
    static Settings s = [] {
        Settings s;
        s.team = {{"Ann", "ann@x.example"}, {"Bob", "bob@x.example"}};
        return s;
    }();
    MonthlyCollector c(s, kToday, previous_month(kToday), d("2026-11-30"));
    auto a = test::record("acme", "Acme <b>&</b> Co", "client", "A");
    a.client.owner = "Ann";
    a.client.since = d("2026-01-01");
    a.client.ratings = {5, 5, 4};
    Visit v = test::visit("acme", "2026-10-12", "Ann");
    v.promises = {test::item("Send | the *report*", "2026-11-01")};
    v.next_contact = d("2026-12-15");
    a.visits = {v};
    Review r;
    r.file = "clients/acme/reviews/r.yaml";
    r.date = d("2026-10-20");
    r.by = "Ann";
    r.project = "Bridge";
    r.rating = Rating::elated;
    r.testimonial = "Best <i>ever</i>";
    a.reviews = {r};
    c.add(a);
    auto b = test::record("bolt", "Bolt", "lead", "C");
    b.client.owner = "Bob";
    b.client.since = d("2026-09-01");
    c.add(b);
    return std::move(c).finish({}, std::move(changes));
}

std::set<std::string> ids(const std::string& html) {
    std::set<std::string> out;
    const std::regex id(" id=\"([^\"]+)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id); it != std::sregex_iterator();
         ++it) {
        CHECK_MESSAGE(!out.count((*it)[1]), "id used twice: " << (*it)[1]);
        out.insert((*it)[1]);
    }
    return out;
}

const ReportTable* table(const ReportPage& p, const std::string& id) {
    for (const auto& s : p.sections)
        for (const auto& b : s.blocks)
            if (b.table && b.table->id == id)
                return &*b.table;
    return nullptr;
}

}  // namespace

TEST_CASE("the page has the spec's sections, in order, under last month's name") {
    const ReportPage p = report_page(sample());
    CHECK(p.title == "Partners' report: October 2026");
    std::vector<std::string> sections;
    for (const auto& s : p.sections)
        sections.push_back(s.id);
    CHECK(sections == std::vector<std::string>{"due", "pipeline", "reviews", "portfolio", "funnel",
                                               "activity", "changes"});
    CHECK(period_name({d("2026-08-01"), d("2026-11-23")}) == "2026-08-01 to 2026-11-23");
}

TEST_CASE("tables hold the report's figures") {
    const ReportPage p = report_page(sample());
    const ReportTable* due = table(p, "due-people");
    REQUIRE(due);
    REQUIRE(due->rows.size() == 2);  // the team, with nothing due for Bob but Bolt's contact
    CHECK(due->rows[0] == std::vector<std::string>{"Ann", "1", "0", "0", "1", "0", "0"});
    CHECK(due->rows[1] == std::vector<std::string>{"Bob", "1", "0", "1", "0", "0", "0"});
    CHECK(due->total == std::vector<std::string>{"Total", "2", "0", "1", "1", "0", "0"});
    const ReportTable* spectrum = table(p, "reviews-spectrum");
    REQUIRE(spectrum);
    CHECK(spectrum->rows.back() == std::vector<std::string>{"elated", "1"});
    const ReportTable* activity = table(p, "activity-weeks");
    REQUIRE(activity);
    CHECK(activity->headers.front() == "Teammate");
    CHECK(activity->headers[1] == "1 Oct");
    CHECK(activity->rows[0] == std::vector<std::string>{"Ann", "0", "0", "1", "0", "0", "1"});
}

TEST_CASE("HTML: one document, unique ids, each chart beside its table, text escaped") {
    const std::string html = report_html(report_page(sample()));
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(html.ends_with("</html>\n"));
    const auto all = ids(html);
    CHECK(all.count("due-people"));
    CHECK(all.count("due-chart-t"));
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("Acme &lt;b&gt;&amp;&lt;/b&gt; Co") != std::string::npos);
    CHECK(html.find("Best &lt;i&gt;ever&lt;/i&gt;") != std::string::npos);
    // Every chart is followed by its table.
    int charts = 0;
    for (auto at = html.find("<figure class=\"chart\">"); at != std::string::npos;
         at = html.find("<figure class=\"chart\">", at + 1)) {
        ++charts;
        const auto end = html.find("</figure>", at);
        const std::string next = "</figure><div class=\"table-box\" role";
        CHECK(html.compare(end, next.size(), next) == 0);
    }
    CHECK(charts == 7);  // no pipeline by month: nothing is open
    CHECK(html.find("@page{size:A4") != std::string::npos);
}

TEST_CASE("Markdown: the same tables, cells escaped") {
    const std::string md = report_markdown(report_page(sample()));
    CHECK(md.starts_with("# Partners' report: October 2026\n"));
    CHECK(md.find("| Ann | 1 | 0 | 0 | 1 | 0 | 0 |") != std::string::npos);
    CHECK(md.find("| **Total** | 2 | 0 | 1 | 1 | 0 | 0 |") != std::string::npos);
    CHECK(md.find("Send \\| the \\*report\\*") != std::string::npos);
    CHECK(md.find("> Best \\<i\\>ever\\</i\\>") != std::string::npos);
    CHECK(md.find("<svg") == std::string::npos);
}

TEST_CASE("what changed: counts and lists, or why it is unknown") {
    FolderChanges changes;
    changes.known = true;
    FolderChange won;
    won.kind = ChangeKind::won;
    won.date = d("2026-10-05");
    won.author = "Ann";
    won.client = "Acme";
    won.title = "Depot";
    won.value = 1250.5;
    changes.items = {won};
    const ReportPage p = report_page(sample(changes));
    const ReportTable* summary = table(p, "changes-summary");
    REQUIRE(summary);
    CHECK(summary->rows[2] == std::vector<std::string>{"Opportunities won", "1", "1,250.50"});
    REQUIRE(table(p, "changes-won"));
    CHECK(table(p, "changes-won")->rows[0] ==
          std::vector<std::string>{"2026-10-05", "Acme", "Depot", "1,250.50", "Ann"});
    CHECK(!table(p, "changes-new"));  // no empty lists

    FolderChanges unknown;
    unknown.why_not = "The folder is not in a git repository";
    const ReportPage none = report_page(sample(unknown));
    CHECK(none.sections.back().lead.front().starts_with("The folder is not in a git"));
    CHECK(none.sections.back().blocks.empty());
}

TEST_CASE("a teammate's part holds their items only") {
    const MonthlyReport r = sample();
    const ReportPage ann = person_page(r, "Ann");
    CHECK(ann.title == "Ann: due by 2026-11-30");
    const ReportTable* items = table(ann, "person-items");
    REQUIRE(items);
    REQUIRE(items->rows.size() == 1);
    CHECK(items->rows[0][3] == "Acme <b>&</b> Co");
    const std::string html = report_html(ann, false);
    CHECK(html.find("Bolt") == std::string::npos);
    CHECK(html.find("<nav") == std::string::npos);
    const ReportTable* weeks = table(ann, "person-activity");
    REQUIRE(weeks);
    CHECK(weeks->total == std::vector<std::string>{"Total", "1"});
}
