// crm's own CSV, as `crm export --format csv` writes it (and as a person may type it in
// a spreadsheet: only "name" is required, any other column may be missing). Every
// column export writes is read back, so export then import into an empty folder gives
// the same folder.
#include <algorithm>
#include <map>

#include "crm/formats/csv.hpp"
#include "crm/formats/csv_read.hpp"
#include "crm/formats/record_csv.hpp"
#include "crm/model/slug.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "import_read.hpp"

namespace crm::commands {

namespace {

// Tags and watchers: "civil;gov" or "civil; gov" as a person types them, ";;" a ";" of
// one (formats::list_cell).
std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& item : formats::list_items(text))
        if (auto t = trim(item); !t.empty())
            out.push_back(t);
    return out;
}

std::optional<int> rating_of(const std::string& v, const std::string& file, int line,
                             const std::string& key) {
    if (v.empty())
        return std::nullopt;
    if (v.size() == 1 && v[0] >= '1' && v[0] <= '5')
        return v[0] - '0';
    throw DataError({file, line, 0}, fmt::format("{} '{}' is not a rating from 1 to 5", key, v),
                    "write 1, 2, 3, 4 or 5, or leave the cell empty");
}

}  // namespace

std::vector<Arrival> read_crm_csv(const std::string& path, const std::string& text,
                                  const Settings& settings, Context& ctx) {
    const auto records = formats::read_csv(text, path);
    const std::vector<std::string> known = formats::client_columns();
    std::map<std::string, std::size_t> column;
    std::vector<std::pair<std::string, std::size_t>> custom;  // key, column
    std::vector<std::string> ignored;
    const auto& header = records[0].fields;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string h = ascii_lower(trim(header[i]));
        if (h == "client" || h == "company" || h == "organisation" || h == "organization")
            h = "name";
        if (auto key = formats::custom_column_key(trim(header[i])))
            custom.emplace_back(*key, i);
        else if (std::find(known.begin(), known.end(), h) == known.end())
            ignored.push_back(trim(header[i]));
        else if (!column.count(h))
            column[h] = i;
    }
    if (!column.count("name"))
        throw DataError({path, records[0].line, 0}, "the header has no 'name' column",
                        "the first line names the columns: name,tier,stage,owner,contact,email,"
                        "phone,tags (or it is a Google, Outlook or LinkedIn contacts export)");
    if (!ignored.empty())
        ctx.warn(
            fmt::format("{}: columns not imported: {} (crm reads {}, and custom.KEY for a "
                        "field of your own)",
                        path, join(ignored, ", "), join(known, ", ")));
    std::vector<Arrival> all;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& rec = records[r];
        if (rec.fields.size() > header.size()) {
            ctx.warn(fmt::format("{}:{}: more cells than the header has columns: row skipped", path,
                                 rec.line));
            continue;
        }
        auto get = [&](const std::string& key) {
            auto it = column.find(key);
            return it != column.end() && it->second < rec.fields.size()
                       ? formats::unguard_cell(rec.fields[it->second])
                       : std::string();
        };
        auto word = [&](const std::string& key) { return trim(get(key)); };
        const std::string name = word("name");
        if (name.empty())
            throw DataError({path, rec.line, 0}, "this row has no name",
                            "every row needs the client's name");
        Arrival a;
        a.line = rec.line;
        a.full_profile = true;
        Client& c = a.profile;
        c.name = name;
        if (const std::string slug = word("slug"); is_valid_slug(slug))
            c.slug = slug;
        auto one_of_allowed = [&](const std::string& key, const std::vector<std::string>& allowed) {
            std::string v = word(key);
            if (!v.empty() && std::find(allowed.begin(), allowed.end(), v) == allowed.end())
                throw DataError(
                    {path, rec.line, 0},
                    fmt::format("{} '{}' is not one of {}", key, v, join(allowed, ", ")),
                    fmt::format("fix the row, or the {}s in crm.yaml", key));
            return v;
        };
        c.tier = one_of_allowed("tier", settings.tier_names());
        c.stage = one_of_allowed("stage", settings.stages);
        c.owner = word("owner");
        if (auto every = word("every"); !every.empty()) {
            if (every == "never")
                c.every = Cadence::never();
            else if (auto d = parse_duration(every))
                c.every = Cadence{*d};
            else
                throw DataError({path, rec.line, 0},
                                fmt::format("every '{}' is not a duration", every),
                                "write 30d, 6w, 2m, 1y or never");
        }
        for (const char* key : {"since", "stage_since"}) {
            const std::string v = word(key);
            if (v.empty())
                continue;
            auto d = Date::parse_iso(v);
            if (!d)
                throw DataError({path, rec.line, 0}, fmt::format("{} '{}' is not a date", key, v),
                                "write YYYY-MM-DD");
            (std::string_view(key) == "since" ? c.since : c.stage_since) = d;
        }
        c.ratings.potential = rating_of(word("potential"), path, rec.line, "potential");
        c.ratings.compatibility = rating_of(word("compatibility"), path, rec.line, "compatibility");
        c.ratings.profitability = rating_of(word("profitability"), path, rec.line, "profitability");
        c.tags = split_list(get("tags"));
        c.watchers = split_list(get("watchers"));
        c.notes = get("notes");
        for (const auto& [key, i] : custom)
            if (i < rec.fields.size() && !rec.fields[i].empty())
                c.custom.emplace_back(key, formats::unguard_cell(rec.fields[i]));
        Contact p{word("contact"), word("role"),         word("email"),
                  word("phone"),   get("contact_notes"), ascii_lower(word("uid"))};
        if (p.name.empty())
            p.name = p.email;
        if (!p.name.empty())
            a.person = std::move(p);
        all.push_back(std::move(a));
    }
    return all;
}

}  // namespace crm::commands
