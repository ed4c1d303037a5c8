#include "crm/formats/record_csv.hpp"

#include <doctest/doctest.h>

#include "crm/formats/csv.hpp"
#include "crm/formats/csv_read.hpp"
#include "crm/formats/json.hpp"
#include "crm/util/error.hpp"

using namespace crm;
using namespace crm::formats;

namespace {

Date day(const char* iso) {
    return *Date::parse_iso(iso);
}

// A visit through a CSV row and back: the text csv_row writes, read as import reads it.
Visit through_csv(const Visit& v, const std::vector<std::string>& custom = {}) {
    Client c;
    c.slug = "acme";
    c.name = "Acme";
    const std::string text =
        csv_row(record_columns(RecordKind::visit, custom)) + csv_row(visit_cells(c, v, custom));
    const auto rows = read_csv(text, "v.csv");
    REQUIRE(rows.size() == 2);
    REQUIRE(record_table_kind(rows[0].fields) == RecordKind::visit);
    RecordPlace place;
    Visit back = visit_of_row(rows[0].fields, rows[1].fields, "v.csv", rows[1].line, place);
    CHECK(place.client == "acme");
    CHECK(place.client_name == "Acme");
    CHECK(place.file == v.file);
    back.file = place.file;  // the file is where import puts it
    return back;
}

}  // namespace

TEST_CASE("a visit's every field reads back from its row exactly") {
    Visit v;
    v.file = "clients/acme/visits/2026-11-23-alice-smith-abc123.yaml";
    v.date = day("2026-11-23");
    v.by = "Alice Smith";
    v.kind = "meeting";
    v.where = "=cmd|' /C calc'!A0";
    v.with = {"Jane Doe", "Tom; \"Lee\"", "山田 太郎"};
    v.discussed = {"a; b", "c;", ";d", ";", "two\nlines, commas"};
    v.new_topics = {"'=1+1", "-2 kids"};
    v.promises = {{"Send statement", day("2026-11-30"), day("2026-11-28")},
                  {"Call back (due soon)", std::nullopt, std::nullopt},
                  {"Quote (v2) (due 2026-12-01)", day("2026-12-02"), std::nullopt},
                  {"Empty ()", std::nullopt, std::nullopt}};
    v.actions = {{"Ask Bob; then Carol", std::nullopt, day("2026-11-24")}};
    v.next_contact = day("2026-12-15");
    v.attachments = {{"scope (v2).pdf", 12345, "clients/acme/files/2026-11-23-scope.pdf"},
                     {"a; b.txt", 7, ""}};
    v.notes = "Line one\r\nline two; \"quoted\"\n";
    v.custom = {{"mood", "good; mostly"}};
    const Visit back = through_csv(v, {"mood", "unused"});
    CHECK(to_json(back).dump() == to_json(v).dump());
}

TEST_CASE("list cells: a ';' inside an item is doubled") {
    Client c;
    Visit v;
    v.discussed = {"a; b", "c"};
    const auto cells = visit_cells(c, v);
    const auto columns = visit_columns();
    const auto at = std::find(columns.begin(), columns.end(), "discussed") - columns.begin();
    CHECK(cells[static_cast<std::size_t>(at)] == "a;; b; c");
    CHECK(commitments_text({{"Call (due soon)", std::nullopt, std::nullopt}}) ==
          "Call (due soon) ()");
    CHECK(commitments_text({{"Send", day("2026-11-30"), day("2026-11-28")}}) ==
          "Send (due 2026-11-30, done 2026-11-28)");
}

TEST_CASE("list_cell and list_items are each other's inverse") {
    const std::vector<std::vector<std::string>> lists = {
        {}, {"a"}, {"a; b", "c"}, {"a;", "b"}, {";", ";;"}, {"a", "", "b"}, {" lead", "trail "}};
    for (const auto& items : lists)
        CHECK(list_items(list_cell(items, "; ")) == items);
    // Without the space, an item that is empty or starts with ";" reads as a ";" of the one
    // before: never a tag or a watcher.
    CHECK(list_items(list_cell({"a;", "b; c", "d;;"}, ";")) ==
          std::vector<std::string>{"a;", "b; c", "d;;"});
    CHECK(list_items("civil;gov; roads") == std::vector<std::string>{"civil", "gov", "roads"});
}

TEST_CASE("a cell that does not read as its field is an error at its line") {
    const std::vector<std::string> header = record_columns(RecordKind::opportunity);
    std::vector<std::string> row(header.size());
    row[0] = "acme";
    row[2] = "Depot";
    auto set = [&](const char* key, const char* value) {
        row[static_cast<std::size_t>(std::find(header.begin(), header.end(), key) -
                                     header.begin())] = value;
    };
    RecordPlace place;
    CHECK(opportunity_of_row(header, row, "o.csv", 3, place).title == "Depot");
    set("value", "180,000");
    CHECK_THROWS_WITH_AS(opportunity_of_row(header, row, "o.csv", 3, place),
                         "o.csv:3: value '180,000' is not an amount", DataError);
    set("value", "180000");
    set("engaged", "2026-02-30");
    CHECK_THROWS_WITH_AS(opportunity_of_row(header, row, "o.csv", 3, place),
                         "o.csv:3: engaged '2026-02-30' is not a date", DataError);
}

TEST_CASE("the header says which table it is, and nothing else is one") {
    CHECK(record_table_kind(review_columns()) == RecordKind::review);
    CHECK(record_table_kind(record_columns(RecordKind::opportunity, {"x"})) ==
          RecordKind::opportunity);
    auto extra = visit_columns();
    extra.emplace_back("more");
    CHECK_FALSE(record_table_kind(extra));
    CHECK_FALSE(record_table_kind(client_columns()));
    CHECK_FALSE(record_table_kind({"client", "name"}));
}
