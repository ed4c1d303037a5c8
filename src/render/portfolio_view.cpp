#include "crm/render/portfolio_view.hpp"

#include <algorithm>

#include "crm/formats/json.hpp"
#include "crm/render/columns.hpp"
#include "crm/render/numbers.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/render/wrap.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

namespace {

formats::Json ratings_json(const Ratings& r) {
    auto value = [](const std::optional<int>& v) {
        return v ? formats::Json(*v) : formats::Json();
    };
    return {{"potential", value(r.potential)},
            {"compatibility", value(r.compatibility)},
            {"profitability", value(r.profitability)}};
}

formats::Json row_json(const PortfolioRow& r) {
    formats::Json review;
    if (r.last_review) {
        review = {{"date", r.last_review->date.iso()},
                  {"rating", std::string(rating_name(r.last_review->rating))},
                  {"project", r.last_review->project},
                  {"file", r.last_review->file}};
    }
    return {{"client", r.slug},
            {"name", r.name},
            {"stage", r.stage},
            {"tier", r.tier},
            {"ratings", ratings_json(r.ratings)},
            {"score", r.score ? formats::Json(*r.score) : formats::Json()},
            {"suggested_tier", r.suggestion ? formats::Json(*r.suggestion) : formats::Json()},
            {"last_contact", formats::date_or_null(r.last_contact)},
            {"visits_12m", r.visits_12m},
            {"last_review", review},
            {"open_promises", r.open_promises},
            {"won_12m", formats::number_json(r.won_12m)}};
}

}  // namespace

std::string portfolio_json(const Portfolio& p, Date today) {
    formats::Json j;
    j["as_of"] = today.iso();
    formats::Json tiers = formats::Json::array();
    for (const auto& g : p.groups) {
        formats::Json clients = formats::Json::array();
        for (const auto& r : g.rows)
            clients.push_back(row_json(r));
        tiers.push_back({{"tier", g.tier},
                         {"every", g.every ? formats::Json(g.every->str()) : formats::Json()},
                         {"configured", g.configured},
                         {"clients", clients}});
    }
    j["tiers"] = tiers;
    formats::Json flagged = formats::Json::array();
    for (const auto* r : p.flagged) {
        flagged.push_back({{"client", r->slug},
                           {"name", r->name},
                           {"tier", r->tier},
                           {"score", *r->score},
                           {"suggested_tier", *r->suggestion}});
    }
    j["flagged"] = flagged;
    formats::Json unrated = formats::Json::array();
    for (const auto* r : p.unrated)
        unrated.push_back(r->slug);
    j["unrated"] = unrated;
    return formats::dump(j);
}

namespace {

std::string rating_text(const std::optional<int>& r) {
    return r ? std::to_string(*r) : "-";
}

std::string ratings_text(const Ratings& r) {
    if (!r.any())
        return "unrated";
    return fmt::format("{}/{}/{}", rating_text(r.potential), rating_text(r.compatibility),
                       rating_text(r.profitability));
}

std::string group_heading(const PortfolioGroup& g, const Styler& st) {
    std::string detail;
    if (!g.configured)
        detail = "not a tier in crm.yaml";
    else if (g.every)
        detail = fmt::format("every {}", g.every->str());
    else
        detail = "not tracked";
    const std::size_t n = g.rows.size();
    detail += fmt::format(", {}{}", n, n == 1 ? " client" : " clients");
    // The tier is a client file's own value when crm.yaml does not list it.
    return fmt::format("{}  {}\n", st(fmt::format("Tier {}", one_line(g.tier)), Style::bold),
                       st(detail, Style::dim));
}

// A tier's table (the JSON, nested, has its own writer above). Narrow terminals take
// the short headings, then lose the stage, the review's date and the visits count before
// the names wrap.
Columns<PortfolioRow> portfolio_columns(bool won) {
    Columns<PortfolioRow> cols{
        {"",
         "CLIENT",
         {Role::reading, 16},
         [](const PortfolioRow& r) {
             return Cell{r.name, Style::bold};
         }},
        {"", "STAGE", {Role::label, 0, 4}, [](const PortfolioRow& r) { return Cell{r.stage}; }},
        {"",
         "RATINGS",
         {Role::flag},
         [](const PortfolioRow& r) {
             return Cell{ratings_text(r.ratings), r.ratings.any() ? Style::none : Style::dim};
         }},
        {"",
         "SCORE",
         {Role::number},
         [](const PortfolioRow& r) {
             return Cell{r.score ? std::to_string(*r.score) : "",
                         r.suggestion ? Style::yellow : Style::none};
         }},
        {"",
         "LAST CONTACT",
         {Role::date, 0, 0, 0, "CONTACT"},
         [](const PortfolioRow& r) {
             return Cell{r.last_contact ? r.last_contact->iso() : "never",
                         r.last_contact ? Style::none : Style::dim};
         }},
        {"",
         "12M",
         {Role::number, 0, 2},
         [](const PortfolioRow& r) { return Cell{std::to_string(r.visits_12m)}; }},
        {"",
         "REVIEWED",
         {Role::date, 0, 1},
         [](const PortfolioRow& r) {
             return Cell{r.last_review ? r.last_review->date.iso() : ""};
         }},
        {"",
         "REVIEW",
         {Role::flag, 0, 3},
         [](const PortfolioRow& r) {
             return Cell{r.last_review ? std::string(rating_name(r.last_review->rating)) : ""};
         }},
        {"",
         "PROMISES",
         {Role::number, 0, 5, 0, "OPEN"},
         [](const PortfolioRow& r) {
             return Cell{r.open_promises ? std::to_string(r.open_promises) : "",
                         r.open_promises ? Style::yellow : Style::none};
         }},
    };
    if (won)
        cols.push_back({"", "WON 12M", {Role::number, 0, 0, 0, "WON"}, [](const PortfolioRow& r) {
                            return Cell{r.won_12m > 0 ? amount_text(r.won_12m) : "", Style::green};
                        }});
    return cols;
}

// What the tables showed, so that the legend names only columns a reader can see (a
// narrow terminal leaves some out).
struct Shown {
    bool narrow = false, visits = false, reviewed = false, review = false;
    void add(const TableText& t) {
        auto count = [&](std::string_view word) {
            std::size_t n = 0;
            for (auto at = t.header.find(word); at != std::string::npos;
                 at = t.header.find(word, at + 1))
                ++n;
            return n;
        };
        narrow = narrow || t.narrow;
        visits = visits || count("12M") > count("WON 12M");
        reviewed = reviewed || count("REVIEWED") > 0;
        review = review || count("REVIEW") > count("REVIEWED");
    }
};

std::string legend(const Shown& shown, bool won, const Styler& st, int width) {
    std::vector<std::string> parts{
        "RATINGS: potential/compatibility/profitability, 1-5 each; SCORE: their sum"};
    if (shown.visits)
        parts.emplace_back("12M: visits in the last 12 months");
    if (shown.reviewed || shown.review)
        parts.push_back(fmt::format("{}: the latest review", shown.reviewed && shown.review
                                                                 ? "REVIEWED, REVIEW"
                                                             : shown.review ? "REVIEW"
                                                                            : "REVIEWED"));
    parts.emplace_back(shown.narrow ? "CONTACT: the latest; OPEN: open promises"
                                    : "PROMISES: open promises");
    if (won)
        parts.push_back(fmt::format("{}: value of opportunities won in the last 12 months",
                                    shown.narrow ? "WON" : "WON 12M"));
    return st(wrap(join(parts, "; "), width), Style::dim);
}

std::string flagged(const Portfolio& p, const Styler& st, int width) {
    if (p.flagged.empty())
        return {};
    static const Columns<const PortfolioRow*> cols{
        {"",
         "CLIENT",
         {Role::reading, 16},
         [](const PortfolioRow* r) {
             return Cell{r->name, Style::bold};
         }},
        {"",
         "SUGGESTION",
         {Role::reading},
         [](const PortfolioRow* r) {
             return Cell{fmt::format("{}/15 but in tier {}: consider {}", *r->score, r->tier,
                                     *r->suggestion),
                         Style::yellow};
         }},
    };
    return fmt::format("\n{}\n{}", st("Ratings suggest another tier", Style::bold),
                       table(p.flagged, cols, st, width));
}

std::string unrated(const Portfolio& p, const Styler& st, int width) {
    if (p.unrated.empty())
        return {};
    std::vector<std::string> names;
    for (const auto* r : p.unrated)
        names.push_back(r->name);
    return fmt::format("\n{}\n{}{}", st("Unrated", Style::bold),
                       wrap(join(names, ", "), width, "  "),
                       st(wrap("rate them with 'crm set CLIENT ratings.potential N' (1-5), and "
                               "ratings.compatibility and ratings.profitability",
                               width, "  "),
                          Style::dim));
}

}  // namespace

std::string portfolio_table(const Portfolio& p, const Styler& st, int width) {
    std::string out;
    bool first = true;
    Shown shown;
    const bool won = std::any_of(p.groups.begin(), p.groups.end(), [](const PortfolioGroup& g) {
        return std::any_of(g.rows.begin(), g.rows.end(),
                           [](const PortfolioRow& r) { return r.won_12m > 0; });
    });
    const Columns<PortfolioRow> cols = portfolio_columns(won);
    for (const auto& g : p.groups) {
        out += (first ? "" : "\n") + group_heading(g, st);
        first = false;
        if (g.rows.empty()) {
            out += fmt::format("{}\n", st("  no clients", Style::dim));
            continue;
        }
        const TableText t = table_text(g.rows, cols, st, width);
        shown.add(t);
        out += t.str();
    }
    out += fmt::format("\n{}", legend(shown, won, st, width));
    return out + flagged(p, st, width) + unrated(p, st, width);
}

}  // namespace crm::render
