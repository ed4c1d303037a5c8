#include "import_records.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "crm/formats/csv_read.hpp"
#include "crm/formats/json.hpp"
#include "crm/formats/record_csv.hpp"
#include "crm/model/slug.hpp"
#include "crm/os/files.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/tree.hpp"

#include "import_read.hpp"

namespace crm::commands {

namespace {

namespace fs = std::filesystem;

// What differs between the three kinds, by overload.
Visit of_row(const Visit*, const formats::CsvRecord& row, const std::vector<std::string>& header,
             const std::string& path, formats::RecordPlace& place) {
    return formats::visit_of_row(header, row.fields, path, row.line, place);
}
Review of_row(const Review*, const formats::CsvRecord& row, const std::vector<std::string>& header,
              const std::string& path, formats::RecordPlace& place) {
    return formats::review_of_row(header, row.fields, path, row.line, place);
}
Opportunity of_row(const Opportunity*, const formats::CsvRecord& row,
                   const std::vector<std::string>& header, const std::string& path,
                   formats::RecordPlace& place) {
    return formats::opportunity_of_row(header, row.fields, path, row.line, place);
}

std::string yaml_of(const Visit& v) {
    return schema::visit_yaml(v);
}
std::string yaml_of(const Review& r) {
    return schema::review_yaml(r);
}
std::string yaml_of(const Opportunity& o) {
    return schema::opportunity_yaml(o);
}

Visit read_back(const Visit*, const std::string& text, const std::string& file) {
    return schema::read_visit(text, file);
}
Review read_back(const Review*, const std::string& text, const std::string& file) {
    return schema::read_review(text, file);
}
Opportunity read_back(const Opportunity*, const std::string& text, const std::string& file) {
    return schema::read_opportunity(text, file);
}

const std::vector<Visit>& records_of(const Visit*, const ClientRecord& rec) {
    return rec.visits;
}
const std::vector<Review>& records_of(const Review*, const ClientRecord& rec) {
    return rec.reviews;
}
const std::vector<Opportunity>& records_of(const Opportunity*, const ClientRecord& rec) {
    return rec.opportunities;
}

// The day a new name starts with: a visit's or review's date; for an opportunity the day
// it was logged, which crm does not keep but in the name: when we engaged, else today.
Date name_date(const Visit& v, Date) {
    return v.date;
}
Date name_date(const Review& r, Date) {
    return r.date;
}
Date name_date(const Opportunity& o, Date today) {
    return o.engaged.value_or(today);
}

// A record as JSON without its file: what two records are compared by.
template <class R>
formats::Json content_of(const R& record) {
    formats::Json j = formats::to_json(record);
    j.erase("file");
    return j;
}

std::string_view kind_word(RecordKind kind) {
    switch (kind) {
        case RecordKind::visit:
            return "visit";
        case RecordKind::review:
            return "review";
        case RecordKind::opportunity:
            return "opportunity";
    }
    return "record";
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The name the `file` column gives, when it is one crm gives a record of this kind: the
// name alone, or the path export writes (clients/<its client>/<kind's folder>/<name>).
// Anything else (another folder, "..", a hidden name, "-x") is no name to write under.
std::optional<std::string> safe_name(const formats::RecordPlace& place, RecordKind kind) {
    std::string_view name = place.file;
    const std::string prefix = record_file_path(place.client, kind, "");
    if (name.starts_with(prefix))
        name.remove_prefix(prefix.size());
    if (!is_crm_record_name(name))
        return std::nullopt;
    return std::string(name);
}

struct Planned {
    std::string path;
    std::string text;
    std::string slug;
    formats::Json content;
    int line = 0;
};

template <class R>
int import_table(const ImportOptions& o, const std::vector<formats::CsvRecord>& rows,
                 RecordKind kind, Context& ctx) {
    constexpr const R* tag = nullptr;
    const std::string& path = o.file;
    auto& folder = ctx.folder();
    const Settings& settings = folder.settings();
    const std::string word(kind_word(kind));
    const std::string words(record_dir_name(kind));
    const auto& header = rows[0].fields;
    std::vector<DataError> problems;
    const std::vector<Client> clients = folder.load_clients(problems);

    // The client a row names: its slug, else (a folder whose slugs differ) its name.
    auto client_of = [&](const formats::RecordPlace& place) -> std::optional<std::string> {
        if (is_valid_slug(place.client) && folder.has_client(place.client))
            return place.client;
        std::optional<std::string> found;
        for (const auto& c : clients) {
            if (place.client_name.empty() || fold_case(c.name) != fold_case(place.client_name))
                continue;
            if (found)
                return std::nullopt;  // two of that name: neither is sure
            found = c.slug;
        }
        return found;
    };
    // The records a client has, for a row without a name of its own.
    std::map<std::string, std::vector<formats::Json>> held;
    auto held_by = [&](const std::string& slug) -> const std::vector<formats::Json>& {
        auto it = held.find(slug);
        if (it != held.end())
            return it->second;
        std::vector<DataError> ignored;
        std::vector<formats::Json> contents;
        const ClientRecord rec = folder.load_record(slug, ignored, store::Unreadable::keep);
        for (const auto& r : records_of(tag, rec))
            contents.push_back(content_of(r));
        return held.emplace(slug, std::move(contents)).first->second;
    };

    // Under the lock from here: what is there is what the writes meet.
    std::optional<store::Transaction> tx;
    if (!o.dry_run)
        tx.emplace(folder.root(), ctx.commit_policy());
    std::vector<Planned> planned;
    std::map<std::string, std::size_t> planned_at;  // path -> index in planned
    std::size_t unchanged = 0, skipped = 0;
    auto skip = [&](int line, const std::string& why) {
        ++skipped;
        ctx.warn(fmt::format("{}:{}: {}: row skipped", path, line, why));
    };
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const formats::CsvRecord& row = rows[i];
        if (row.fields.size() > header.size()) {
            skip(row.line, "more cells than the header has columns");
            continue;
        }
        formats::RecordPlace place;
        R record = of_row(tag, row, header, path, place);
        const auto slug = client_of(place);
        if (!slug) {
            skip(row.line, fmt::format("no client '{}' ({}) in this folder (import the clients' "
                                       "CSV first)",
                                       place.client, place.client_name));
            continue;
        }
        const formats::Json content = content_of(record);
        const auto name = safe_name(place, kind);
        std::string target;
        if (name) {
            target = record_file_path(*slug, kind, *name);
            if (auto at = planned_at.find(target); at != planned_at.end()) {
                if (planned[at->second].content == content)
                    ++unchanged;
                else
                    skip(row.line, fmt::format("line {} gives {} another {} already",
                                               planned[at->second].line, target, word));
                continue;
            }
            try {
                if (auto there = folder.read(target)) {
                    if (content_of(read_back(tag, *there, target)) == content)
                        ++unchanged;
                    else
                        skip(row.line, fmt::format("{} is there with another {}: left as it is",
                                                   target, word));
                    continue;
                }
            } catch (const Error& e) {
                skip(row.line, fmt::format("{} is there and cannot be read ({}): left as it is",
                                           target, e.what()));
                continue;
            }
        } else {
            if (!place.file.empty())
                ctx.warn(
                    fmt::format("{}:{}: '{}' is not a name crm gives a {}: a name of crm's "
                                "instead",
                                path, row.line, place.file, word));
            // The same record, under any name, is already there (an earlier import of
            // this row) or already planned.
            const auto& there = held_by(*slug);
            if (std::find(there.begin(), there.end(), content) != there.end() ||
                std::any_of(planned.begin(), planned.end(), [&](const Planned& p) {
                    return p.slug == *slug && p.content == content;
                })) {
                ++unchanged;
                continue;
            }
            do
                target =
                    folder.new_record_path(*slug, kind, name_date(record, ctx.today()), record.by);
            while (planned_at.count(target));
        }
        // The file as it will be, checked as crm check would and read back as the row.
        record.file = target;
        const std::string text = fmt::format(
            "{}{}", yaml_of(record), schema::custom_fields_yaml(yaml::Node{}, record.custom));
        if (auto p = schema::check_file(text, target, schema::file_kind(kind), settings);
            !p.empty())
            throw DataError(
                {path, row.line, 0},
                fmt::format("this {} would be a file crm refuses: {}", word, p.front().what()),
                "correct the row, then import again; nothing was written");
        if (formats::to_json(read_back(tag, text, target)) != formats::to_json(record))
            throw DataError({path, row.line, 0},
                            fmt::format("this {} would not read back as the row says it", word),
                            "correct the row, then import again; nothing was written");
        planned_at.emplace(target, planned.size());
        planned.push_back({target, text, *slug, content, row.line});
    }
    // Said once it is committed: a commit that fails is an error, never a success.
    if (tx && !planned.empty()) {
        // Staged: one sync of the file system for all of them, not one for each (a backup
        // of thousands of visits), and none lands unless all do.
        for (const auto& p : planned)
            tx->stage(p.path, p.text);
        tx->commit(fmt::format("import: {} from {}", plural(planned.size(), word, words),
                               fs::path(path).filename().string()));
    }
    for (const auto& p : planned)
        ctx.out() << p.path << '\n';
    const std::string summary = fmt::format("{}: {} created, {} unchanged, {} skipped", words,
                                            planned.size(), unchanged, skipped);
    ctx.note(o.dry_run ? fmt::format("{}; dry run: nothing written", summary) : summary);
    return ctx.warn_problems(problems);
}

// A header shaped like crm's tables of records that is none of them exactly (a table of
// another version of crm, or one edited): named with what differs, never read as clients.
[[noreturn]] void refuse_header(const std::vector<std::string>& header, const std::string& file) {
    RecordKind best = RecordKind::visit;
    std::size_t shared = 0;
    for (RecordKind kind : kRecordKinds) {
        const auto columns = formats::record_columns(kind);
        const auto n = static_cast<std::size_t>(
            std::count_if(columns.begin(), columns.end(), [&](const std::string& c) {
                return std::find(header.begin(), header.end(), c) != header.end();
            }));
        if (n > shared) {
            shared = n;
            best = kind;
        }
    }
    const auto columns = formats::record_columns(best);
    std::vector<std::string> missing, unknown;
    for (const auto& c : columns)
        if (std::find(header.begin(), header.end(), c) == header.end())
            missing.push_back(c);
    for (const auto& h : header)
        if (std::find(columns.begin(), columns.end(), h) == columns.end() &&
            !formats::custom_column_key(h))
            unknown.push_back(h);
    std::vector<std::string> what;
    if (!missing.empty())
        what.push_back(fmt::format("without {}", join(missing, ", ")));
    if (!unknown.empty())
        what.push_back(fmt::format("with {}", join(unknown, ", ")));
    if (what.empty())
        what.emplace_back("its columns in another order");
    throw DataError({file, 1, 0},
                    fmt::format("the header is nearly that of crm's table of {}, {}",
                                record_dir_name(best), join(what, " and ")),
                    fmt::format("crm reads its own tables exactly as `crm export --format csv "
                                "--what {}` writes them; nothing was written",
                                record_dir_name(best)));
}

}  // namespace

bool is_record_table(const std::string& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        return false;
    const std::string head = os::read_file(file, 64 * 1024).value_or(std::string());
    if (import_kind(file, head) != ImportKind::contacts_csv)
        return false;
    try {
        // The header alone: crm's column names hold no line break. Its shape is enough
        // (client, name, ..., file): import_records names what differs from crm's.
        const auto first = formats::read_csv(head.substr(0, head.find('\n') + 1), file);
        if (first.empty())
            return false;
        const auto& h = first[0].fields;
        return h.size() > 2 && h[0] == "client" && h[1] == "name" &&
               std::find(h.begin(), h.end(), "file") != h.end();
    } catch (const Error&) {
        return false;
    }
}

int import_records(const ImportOptions& o, Context& ctx) {
    for (const auto& [key, values] : o.client)
        if (!values.empty())
            throw UsageError(fmt::format("--{} is for the clients an import creates; a table of "
                                         "visits, reviews or opportunities creates none",
                                         key),
                             "give it when importing the clients' CSV");
    const std::string text = read_import_file(o.file, ImportKind::contacts_csv, ctx);
    const auto rows = formats::read_csv(text, o.file);
    const auto kind = rows.empty() ? std::nullopt : formats::record_table_kind(rows[0].fields);
    if (!kind)
        refuse_header(rows.empty() ? std::vector<std::string>{} : rows[0].fields, o.file);
    switch (*kind) {
        case RecordKind::visit:
            return import_table<Visit>(o, rows, *kind, ctx);
        case RecordKind::review:
            return import_table<Review>(o, rows, *kind, ctx);
        case RecordKind::opportunity:
            return import_table<Opportunity>(o, rows, *kind, ctx);
    }
    return 0;
}

}  // namespace crm::commands
