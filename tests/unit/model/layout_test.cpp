#include <doctest/doctest.h>

#include "crm/model/layout.hpp"

using namespace crm;

TEST_CASE("the paths the layout builds parse back to what built them") {
    CHECK(client_file_path("acme") == "clients/acme/client.yaml");
    CHECK(record_dir_path("acme", RecordKind::visit) == "clients/acme/visits");
    CHECK(record_dir_path("acme", RecordKind::review) == "clients/acme/reviews");
    CHECK(record_dir_path("acme", RecordKind::opportunity) == "clients/acme/opportunities");
    CHECK(client_dir_path("Not A Slug") == "clients/Not A Slug");

    auto client = parse_record_path(client_file_path("acme"));
    REQUIRE(client);
    CHECK(client->kind == RecordPath::Kind::client);
    CHECK(client->slug == "acme");
    const RecordPath::Kind parsed_as[] = {RecordPath::Kind::visit, RecordPath::Kind::review,
                                          RecordPath::Kind::opportunity};
    for (std::size_t i = 0; i < kRecordKinds.size(); ++i) {
        auto parsed = parse_record_path(
            record_file_path("acme", kRecordKinds[i], "2026-11-23-a-123456.yaml"));
        REQUIRE(parsed);
        CHECK(parsed->kind == parsed_as[i]);
        CHECK(parsed->slug == "acme");
    }
}

TEST_CASE("a record file's name starts with the day it was first logged") {
    CHECK(record_file_date("clients/acme/opportunities/2026-10-02-alice-smith-a1b2c3.yaml") ==
          Date::parse_iso("2026-10-02"));
    CHECK(record_file_date("2026-10-02-x.yaml") == Date::parse_iso("2026-10-02"));
    CHECK_FALSE(record_file_date("clients/acme/opportunities/depot.yaml"));
    CHECK_FALSE(record_file_date("clients/acme/opportunities/2026-13-02-x.yaml"));
    CHECK_FALSE(record_file_date(""));
}

TEST_CASE("hidden names are never records, whatever their extension") {
    CHECK(is_record_file_name("2026-11-23-a-123456.yaml"));
    CHECK_FALSE(is_record_file_name(".hidden.yaml"));
    CHECK_FALSE(is_record_file_name(".2026-11-23-a-123456.yaml.crm-tmp-0123456789ab"));
    CHECK_FALSE(is_record_file_name("notes.txt"));
    CHECK(is_hidden_name(".swp"));
    CHECK_FALSE(parse_record_path("clients/acme/visits/.hidden.yaml"));
    CHECK_FALSE(parse_record_path("clients/.acme/client.yaml"));
    CHECK_FALSE(is_crm_data_path("clients/acme/visits/.hidden.yaml"));
    CHECK(is_crm_data_path("crm.yaml"));
}

TEST_CASE("inbox messages and kept files: their paths, and safe names for what mail names") {
    CHECK(inbox_file_path("2026-11-23-ab12cd.yaml") == "inbox/2026-11-23-ab12cd.yaml");
    CHECK(is_inbox_path("inbox/2026-11-23-ab12cd.yaml"));
    CHECK_FALSE(is_inbox_path("inbox/.2026.yaml"));
    CHECK_FALSE(is_inbox_path("inbox/files/x.yaml"));
    CHECK(is_crm_data_path("inbox/2026-11-23-ab12cd.yaml"));
    CHECK(client_kept_file_path("acme", "2026-11-23-scope.pdf") ==
          "clients/acme/files/2026-11-23-scope.pdf");
    CHECK(safe_file_name("Scope v2 ü.PDF") == "scope-v2-u.pdf");
    CHECK(safe_file_name("../../etc/passwd") == "passwd");
    CHECK(safe_file_name("C:\\Users\\jane\\Cost estimate.xlsx") == "cost-estimate.xlsx");
    CHECK(safe_file_name(".bashrc") == "bashrc");
    CHECK(safe_file_name("") == "attachment");
    CHECK(safe_file_name("...") == "attachment");
    CHECK(safe_file_name("report.tar.gz") == "report-tar.gz");
    CHECK(safe_file_name("x.<script>") == "x.script");
    CHECK(safe_file_name(std::string(200, 'a') + ".pdf").size() <= 80);
    CHECK(safe_file_name("CON.txt") != "con.txt");  // slugify's reserved device names
}
