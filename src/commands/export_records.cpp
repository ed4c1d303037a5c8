#include "export_records.hpp"

#include <algorithm>

#include "crm/formats/csv.hpp"
#include "crm/formats/record_csv.hpp"

namespace crm::commands {

namespace {

template <class R>
void add_keys(const std::vector<R>& records, std::vector<std::string>& keys) {
    for (const auto& r : records)
        for (const auto& [key, value] : r.custom)
            if (std::find(keys.begin(), keys.end(), key) == keys.end())
                keys.push_back(key);
}

}  // namespace

std::optional<RecordKind> table_kind(const std::string& what) {
    for (RecordKind kind : kRecordKinds)
        if (what == record_dir_name(kind))
            return kind;
    return std::nullopt;
}

std::vector<DataError> record_table(RecordKind kind, Context& ctx) {
    // The custom keys make columns, so they are known before the header is written: a first
    // walk, rather than the whole folder's rows held in memory.
    std::vector<std::string> keys;
    ctx.for_each_record(store::Detail::full, [&](const ClientRecord& rec) {
        switch (kind) {
            case RecordKind::visit:
                return add_keys(rec.visits, keys);
            case RecordKind::review:
                return add_keys(rec.reviews, keys);
            case RecordKind::opportunity:
                return add_keys(rec.opportunities, keys);
        }
    });
    std::ostream& out = ctx.out();
    out << formats::csv_row(formats::record_columns(kind, keys));
    return ctx.for_each_record(store::Detail::full, [&](const ClientRecord& rec) {
        switch (kind) {
            case RecordKind::visit:
                for (const auto& v : rec.visits)
                    out << formats::csv_row(formats::visit_cells(rec.client, v, keys));
                break;
            case RecordKind::review:
                for (const auto& r : rec.reviews)
                    out << formats::csv_row(formats::review_cells(rec.client, r, keys));
                break;
            case RecordKind::opportunity:
                for (const auto& o : rec.opportunities)
                    out << formats::csv_row(formats::opportunity_cells(rec.client, o, keys));
                break;
        }
    });
}

}  // namespace crm::commands
