#include "crm/render/portfolio_view.hpp"

#include <algorithm>

#include "crm/formats/json.hpp"
#include "crm/render/numbers.hpp"
#include "crm/render/table.hpp"
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

// Narrow terminals lose the stage and the last review's date before the names shrink.
// `won`: the folder won opportunities in the last 12 months, so each client's share shows.
Table group_table(const PortfolioGroup& g, bool compact, bool won) {
    std::vector<std::string> headers{"CLIENT"};
    if (!compact)
        headers.push_back("STAGE");
    if (compact) {
        for (const char* h : {"RATINGS", "SCORE", "CONTACT", "12M", "REVIEW", "OPEN"})
            headers.push_back(h);
    } else {
        for (const char* h : {"RATINGS", "SCORE", "LAST CONTACT", "12M", "LAST REVIEW", "PROMISES"})
            headers.push_back(h);
    }
    if (won)
        headers.push_back(compact ? "WON" : "WON 12M");
    Table t(headers);
    t.flexible(0);
    const std::size_t first_number = compact ? 2 : 3;
    t.right_align(first_number);      // SCORE
    t.right_align(first_number + 2);  // 12M
    t.right_align(first_number + 4);  // PROMISES
    t.right_align(first_number + 5);  // WON 12M
    for (const auto& r : g.rows) {
        std::vector<Cell> row{{r.name, Style::bold}};
        if (!compact)
            row.push_back({r.stage});
        row.push_back({ratings_text(r.ratings), r.ratings.any() ? Style::none : Style::dim});
        row.push_back(
            {r.score ? std::to_string(*r.score) : "", r.suggestion ? Style::yellow : Style::none});
        std::string contact = r.last_contact ? r.last_contact->iso() : "never";
        row.push_back({contact, r.last_contact ? Style::none : Style::dim});
        row.push_back({std::to_string(r.visits_12m)});
        std::string review;
        if (r.last_review) {
            review = std::string(rating_name(r.last_review->rating));
            if (!compact)
                review = fmt::format("{} {}", r.last_review->date, review);
        }
        row.push_back({review});
        row.push_back({r.open_promises ? std::to_string(r.open_promises) : "",
                       r.open_promises ? Style::yellow : Style::none});
        if (won)
            row.push_back({r.won_12m > 0 ? amount_text(r.won_12m) : "", Style::green});
        t.add(std::move(row));
    }
    return t;
}

int widest_line(const std::string& text) {
    int widest = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        widest = std::max(widest, display_width(std::string_view(text).substr(start, end - start)));
        start = end + 1;
    }
    return widest;
}

std::string legend(bool compact, bool won, const Styler& st, int width) {
    return st(
        wrap(fmt::format("RATINGS: potential/compatibility/profitability, 1-5 each; SCORE: their "
                         "sum; 12M: visits in the last 12 months; {}{}",
                         std::string(compact ? "CONTACT, REVIEW: the latest; OPEN: open promises"
                                             : "PROMISES: open promises"),
                         won ? fmt::format("; {}: value of opportunities won in the last 12 months",
                                           compact ? "WON" : "WON 12M")
                             : ""),
             width),
        Style::dim);
}

std::string flagged(const Portfolio& p, const Styler& st, int width) {
    if (p.flagged.empty())
        return {};
    Table t({"CLIENT", "SUGGESTION"});
    t.flexible(0);
    for (const auto* r : p.flagged) {
        t.add(
            {{r->name, Style::bold},
             {fmt::format("{}/15 but in tier {}: consider {}", *r->score, r->tier, *r->suggestion),
              Style::yellow}});
    }
    return fmt::format("\n{}\n{}", st("Ratings suggest another tier", Style::bold),
                       t.render(st, width));
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
    const Styler plain(false);
    std::string out;
    bool first = true;
    bool compact = false;
    const bool won = std::any_of(p.groups.begin(), p.groups.end(), [](const PortfolioGroup& g) {
        return std::any_of(g.rows.begin(), g.rows.end(),
                           [](const PortfolioRow& r) { return r.won_12m > 0; });
    });
    for (const auto& g : p.groups) {
        out += (first ? "" : "\n") + group_heading(g, st);
        first = false;
        if (g.rows.empty()) {
            out += fmt::format("{}\n", st("  no clients", Style::dim));
            continue;
        }
        auto table = group_table(g, false, won);
        if (width > 0 && widest_line(table.render(plain, 0)) > width) {
            table = group_table(g, true, won);
            compact = true;
        }
        out += table.render(st, width);
    }
    out += fmt::format("\n{}", legend(compact, won, st, width));
    return out + flagged(p, st, width) + unrated(p, st, width);
}

}  // namespace crm::render
