#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "crm/store/files.hpp"

namespace fs = std::filesystem;
using namespace crm::store;

namespace {

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::path(CRM_TEST_TMPDIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void put(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

}  // namespace

TEST_CASE("journaled temporary files are removed, and nothing else") {
    const fs::path base = fresh_dir("temp-journal");
    const fs::path root = base / "crm";
    put(root / "clients/a/client.yaml", "name: A\n");
    put(root / "clients/a/.client.yaml.crm-tmp-0123456789ab", "half");
    put(base / "outside/.x.crm-tmp-1", "not ours");
    put(root / ".crm/temp-files",
        "clients/a/.client.yaml.crm-tmp-0123456789ab\n../outside/.x.crm-tmp-1\n" +
            (base / "outside/.x.crm-tmp-1").string() +
            "\nclients/a/client.yaml\nclients/a/.client.y");
    remove_journaled_temp_files(root);
    CHECK_FALSE(fs::exists(root / "clients/a/.client.yaml.crm-tmp-0123456789ab"));
    CHECK(fs::exists(root / "clients/a/client.yaml"));
    CHECK(fs::exists(base / "outside/.x.crm-tmp-1"));
    CHECK(fs::file_size(root / ".crm/temp-files") == 0);
}

TEST_CASE("write_atomic journals its temporary file and leaves none behind") {
    const fs::path root = fresh_dir("temp-journal-write");
    write_atomic(root, "clients/a/client.yaml", "name: A\n");
    write_atomic(root, "clients/a/client.yaml", "name: B\n");
    CHECK(read_file(root / "clients/a/client.yaml", 100) == "name: B\n");
    CHECK(list_dir(root / "clients/a") == std::vector<std::string>{"client.yaml"});
    auto journal = read_file(root / ".crm/temp-files", 10000).value_or("");
    CHECK(journal.find("clients/a/.client.yaml.crm-tmp-") == 0);
    CHECK_THROWS(write_atomic(root, "clients/a/client.yaml", "name: C\n", true));
}

TEST_CASE("write_atomic refuses a symlink anywhere on the path") {
    const fs::path base = fresh_dir("temp-journal-link");
    const fs::path root = base / "crm";
    fs::create_directories(root / "clients");
    fs::create_directories(base / "elsewhere");
    fs::create_directory_symlink(base / "elsewhere", root / "clients/a");
    CHECK_THROWS(write_atomic(root, "clients/a/client.yaml", "name: A\n"));
    CHECK(list_dir(base / "elsewhere").empty());
}
