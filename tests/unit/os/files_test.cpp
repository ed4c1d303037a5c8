#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "crm/os/files.hpp"
#include "crm/util/error.hpp"

#include "support/temp_folder.hpp"

namespace fs = std::filesystem;
using crm::RuntimeError;
using crm::os::write_atomic;

namespace {

using TempDir = crm::test::TempFolder;

using crm::test::read_file;

// Entries in `dir` whose names carry the temporary marker.
int temp_files_in(const fs::path& dir) {
    int n = 0;
    for (const auto& name : crm::os::list_dir(dir))
        if (name.find(crm::os::kTempMarker) != std::string::npos)
            ++n;
    return n;
}

}  // namespace

TEST_CASE("write_atomic creates folders, writes, and replaces") {
    TempDir t;
    write_atomic(t.path(), "clients/acme/client.yaml", "name: Acme\n");
    CHECK(read_file(t.path() / "clients/acme/client.yaml") == "name: Acme\n");
    write_atomic(t.path(), "clients/acme/client.yaml", "name: Acme 2\n");
    CHECK(read_file(t.path() / "clients/acme/client.yaml") == "name: Acme 2\n");
    CHECK(temp_files_in(t.path() / "clients/acme") == 0);
    CHECK(crm::os::list_dir(t.path() / "clients/acme") == std::vector<std::string>{"client.yaml"});
}

TEST_CASE("an exclusive write never replaces an existing file") {
    TempDir t;
    write_atomic(t.path(), "v.yaml", "one\n", true);
    CHECK_THROWS_WITH_AS(write_atomic(t.path(), "v.yaml", "two\n", true),
                         doctest::Contains("already exists"), RuntimeError);
    CHECK(read_file(t.path() / "v.yaml") == "one\n");
    CHECK(temp_files_in(t.path()) == 0);
}

TEST_CASE("a symlinked file is not written through") {
    TempDir t;
    fs::create_directories(t.path() / "outside");
    std::ofstream(t.path() / "outside/target") << "precious\n";
    fs::create_directories(t.path() / "folder/clients/acme");
    fs::create_symlink(t.path() / "outside/target", t.path() / "folder/clients/acme/client.yaml");
    CHECK_THROWS_WITH_AS(
        write_atomic(t.path() / "folder", "clients/acme/client.yaml", "name: evil\n"),
        doctest::Contains("symbolic link"), RuntimeError);
    CHECK(read_file(t.path() / "outside/target") == "precious\n");
    CHECK(fs::is_symlink(t.path() / "folder/clients/acme/client.yaml"));
    CHECK(temp_files_in(t.path() / "folder/clients/acme") == 0);
}

TEST_CASE("a symlinked folder on the way is not written through") {
    TempDir t;
    fs::create_directories(t.path() / "outside");
    fs::create_directories(t.path() / "folder/clients");
    fs::create_directory_symlink(t.path() / "outside", t.path() / "folder/clients/acme");
    CHECK_THROWS_AS(write_atomic(t.path() / "folder", "clients/acme/client.yaml", "x\n", true),
                    RuntimeError);
    CHECK(crm::os::list_dir(t.path() / "outside").empty());
    // A dangling link is refused too: it could be pointed anywhere later.
    fs::create_symlink(t.path() / "nowhere", t.path() / "folder/dangling.yaml");
    CHECK_THROWS_AS(write_atomic(t.path() / "folder", "dangling.yaml", "x\n"), RuntimeError);
    CHECK_FALSE(fs::exists(t.path() / "nowhere"));
}

TEST_CASE("a path that climbs out of the folder is refused") {
    TempDir t;
    fs::create_directories(t.path() / "folder");
    CHECK_THROWS_AS(write_atomic(t.path() / "folder", "../escaped.yaml", "x\n"), RuntimeError);
    CHECK_THROWS_AS(crm::os::ensure_no_symlinks(t.path() / "folder", "a/../../b"), RuntimeError);
    CHECK_FALSE(fs::exists(t.path() / "escaped.yaml"));
}

TEST_CASE("stale temporary files are removed, other files kept") {
    TempDir t;
    fs::create_directories(t.path() / ".crm/tmp");
    std::ofstream(t.path() / ".crm/tmp" / (".v.yaml" + std::string(crm::os::kTempMarker) + "abc"))
        << "x";
    std::ofstream(t.path() / ".crm/tmp/v.yaml") << "keep";
    std::ofstream(t.path() / ".crm/tmp/.hidden") << "keep";
    crm::os::remove_stale_temp_files(t.path());
    CHECK(crm::os::list_dir(t.path() / ".crm/tmp") ==
          std::vector<std::string>{".hidden", "v.yaml"});
    crm::os::remove_stale_temp_files(t.path() / "missing");  // no folder: nothing to do
}

TEST_CASE("read_file: missing, whole, and capped") {
    TempDir t;
    CHECK_FALSE(crm::os::read_file(t.path() / "none", 100).has_value());
    std::ofstream(t.path() / "small") << "hello";
    CHECK(crm::os::read_file(t.path() / "small", 100) == "hello");
    std::ofstream(t.path() / "big") << std::string(200000, 'x');
    auto big = crm::os::read_file(t.path() / "big", 1000);
    REQUIRE(big);
    CHECK(big->size() > 1000);
    CHECK(big->size() < 200000);
    CHECK(crm::os::list_dir(t.path() / "missing").empty());
}
