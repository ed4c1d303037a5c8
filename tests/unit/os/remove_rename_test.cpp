#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "crm/os/files.hpp"
#include "crm/util/error.hpp"

#include "support/temp_folder.hpp"

namespace fs = std::filesystem;
using namespace crm::os;

TEST_CASE("remove_file removes a file, never a folder, a link or nothing") {
    const fs::path root = crm::test::fresh_folder("remove-file");
    write_atomic(root, "clients/a/client.yaml", "name: A\n");
    fs::create_symlink(root / "clients/a/client.yaml", root / "clients/a/link.yaml");
    CHECK_THROWS_AS(remove_file(root, "clients/a/link.yaml"), crm::RuntimeError);
    CHECK_THROWS_AS(remove_file(root, "clients/a"), crm::RuntimeError);
    CHECK_THROWS_AS(remove_file(root, "clients/a/missing.yaml"), crm::RuntimeError);
    remove_file(root, "clients/a/client.yaml");
    CHECK_FALSE(fs::exists(root / "clients/a/client.yaml"));
}

TEST_CASE("remove_tree takes a folder away whole, links inside removed, not followed") {
    const fs::path base = crm::test::fresh_folder("remove-tree");
    const fs::path root = base / "crm";
    write_atomic(root, "clients/a/client.yaml", "name: A\n");
    write_atomic(root, "clients/a/visits/v.yaml", "date: 2026-11-23\n");
    std::ofstream(base / "outside.yaml") << "keep\n";
    fs::create_symlink(base / "outside.yaml", root / "clients/a/visits/link.yaml");
    CHECK_THROWS_AS(remove_tree(root, "clients/a/client.yaml"), crm::RuntimeError);
    remove_tree(root, "clients/a");
    CHECK_FALSE(fs::exists(root / "clients/a"));
    CHECK(fs::exists(base / "outside.yaml"));
    CHECK(list_dir(root / ".crm/tmp").empty());
}

TEST_CASE("a folder a killed remove_tree left in .crm/tmp goes with the next sweep") {
    const fs::path root = crm::test::fresh_folder("remove-tree-stale");
    write_atomic(root, ".crm/tmp/.a.crm-tmp-0123456789ab/visits/v.yaml", "x\n");
    fs::create_directories(root / ".crm/tmp/kept");
    remove_stale_temp_files(root);
    CHECK(list_dir(root / ".crm/tmp") == std::vector<std::string>{"kept"});
}

TEST_CASE("rename_no_replace moves a file or a folder, never over what is there") {
    const fs::path root = crm::test::fresh_folder("rename");
    write_atomic(root, "clients/a/client.yaml", "name: A\n");
    write_atomic(root, "clients/b/client.yaml", "name: B\n");
    CHECK_THROWS_AS(rename_no_replace(root, "clients/a", "clients/b"), crm::RuntimeError);
    CHECK_THROWS_AS(rename_no_replace(root, "clients/a/client.yaml", "clients/b/client.yaml"),
                    crm::RuntimeError);
    CHECK_THROWS_AS(rename_no_replace(root, "clients/c", "clients/d"), crm::RuntimeError);
    rename_no_replace(root, "clients/a/client.yaml", "clients/c/sub/client.yaml");
    CHECK(read_file(root / "clients/c/sub/client.yaml", 100) == "name: A\n");
    rename_no_replace(root, "clients/b", "clients/e");
    CHECK(read_file(root / "clients/e/client.yaml", 100) == "name: B\n");
    CHECK_FALSE(fs::exists(root / "clients/b"));
    CHECK_THROWS_AS(rename_no_replace(root, "clients/e", "../escaped"), crm::RuntimeError);
}
