#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "crm/os/files.hpp"

#include "support/temp_folder.hpp"

namespace fs = std::filesystem;
using namespace crm::os;

namespace {

void put(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("what a killed crm left in .crm/tmp is removed, and nothing else") {
    const fs::path base = crm::test::fresh_folder("temp-sweep");
    const fs::path root = base / "crm";
    put(root / "clients/a/client.yaml", "name: A\n");
    put(root / ".crm/tmp/.client.yaml.crm-tmp-0123456789ab", "half");
    put(root / ".crm/cache", "derived");
    put(root / ".crm/.cache.crm-tmp-0123456789ab", "a reader's, being written");
    remove_stale_temp_files(root);
    CHECK_FALSE(fs::exists(root / ".crm/tmp/.client.yaml.crm-tmp-0123456789ab"));
    CHECK(fs::exists(root / "clients/a/client.yaml"));
    CHECK(fs::exists(root / ".crm/cache"));
    // A derived file's temporary file is young: a reader without the lock may be writing it.
    CHECK(fs::exists(root / ".crm/.cache.crm-tmp-0123456789ab"));
    fs::last_write_time(root / ".crm/.cache.crm-tmp-0123456789ab",
                        fs::file_time_type::clock::now() - std::chrono::hours(1));
    remove_stale_temp_files(root);
    CHECK_FALSE(fs::exists(root / ".crm/.cache.crm-tmp-0123456789ab"));
}

TEST_CASE("write_atomic writes through .crm/tmp, leaving no temporary file beside the target") {
    const fs::path root = crm::test::fresh_folder("temp-write");
    write_atomic(root, "clients/a/client.yaml", "name: A\n");
    write_atomic(root, "clients/a/client.yaml", "name: B\n");
    CHECK(read_file(root / "clients/a/client.yaml", 100) == "name: B\n");
    CHECK(list_dir(root / "clients/a") == std::vector<std::string>{"client.yaml"});
    CHECK(list_dir(root / ".crm/tmp").empty());
    CHECK_THROWS(write_atomic(root, "clients/a/client.yaml", "name: C\n", true));
    CHECK(list_dir(root / ".crm/tmp").empty());
}

TEST_CASE(".crm ignores itself for git, whatever the folder's .gitignore says") {
    const fs::path root = crm::test::fresh_folder("temp-private");
    write_atomic(root, "crm.yaml", "\n");
    CHECK(read_file(root / ".crm/.gitignore", 1000).value_or("").ends_with("\n*\n"));
    // A user's change to it is kept.
    put(root / ".crm/.gitignore", "*\n# mine\n");
    ensure_private_dir(root);
    CHECK(read_file(root / ".crm/.gitignore", 1000) == "*\n# mine\n");
}

TEST_CASE("a rewrite keeps the file's permission bits") {
    const fs::path root = crm::test::fresh_folder("temp-mode");
    write_atomic(root, "clients/a/client.yaml", "name: A\n");
    fs::permissions(root / "clients/a/client.yaml", fs::perms::owner_read | fs::perms::owner_write);
    write_atomic(root, "clients/a/client.yaml", "name: B\n");
    CHECK(mode_of(root / "clients/a/client.yaml") == 0600);
    fs::permissions(root / "clients/a/client.yaml", fs::perms::owner_all | fs::perms::group_read);
    write_atomic(root, "clients/a/client.yaml", "name: C\n");
    CHECK(mode_of(root / "clients/a/client.yaml") == 0740);
}

TEST_CASE("write_atomic refuses a symlink anywhere on the path") {
    const fs::path base = crm::test::fresh_folder("temp-link");
    const fs::path root = base / "crm";
    fs::create_directories(root / "clients");
    fs::create_directories(base / "elsewhere");
    fs::create_directory_symlink(base / "elsewhere", root / "clients/a");
    CHECK_THROWS(write_atomic(root, "clients/a/client.yaml", "name: A\n"));
    CHECK(list_dir(base / "elsewhere").empty());
    // .crm itself as a link (committed by a teammate) is refused too.
    const fs::path other = base / "other";
    fs::create_directories(other);
    fs::create_directory_symlink(base / "elsewhere", other / ".crm");
    CHECK_THROWS(write_atomic(other, "crm.yaml", "\n"));
    CHECK(list_dir(base / "elsewhere").empty());
}
