#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "crm/os/files.hpp"
#include "crm/store/uncommitted.hpp"

#include "support/temp_folder.hpp"

namespace fs = std::filesystem;
using namespace crm::store;

TEST_CASE("files whose commit failed are remembered once each, until forgotten") {
    const fs::path root = crm::test::fresh_folder("uncommitted");
    crm::os::write_atomic(root, "clients/a/client.yaml", "name: A\n");
    crm::os::write_atomic(root, "clients/a/visits/v.yaml", "date: 2026-11-23\n");
    CHECK(uncommitted_files(root).empty());
    remember_uncommitted(root, {"clients/a/visits/v.yaml"});
    remember_uncommitted(root, {"clients/a/client.yaml", "clients/a/visits/v.yaml"});
    CHECK(uncommitted_files(root) ==
          std::vector<std::string>{"clients/a/visits/v.yaml", "clients/a/client.yaml"});
    // A file deleted since is not committed.
    fs::remove(root / "clients/a/visits/v.yaml");
    CHECK(uncommitted_files(root) == std::vector<std::string>{"clients/a/client.yaml"});
    forget_uncommitted(root);
    CHECK(uncommitted_files(root).empty());
}

TEST_CASE("the list is data: paths out of the folder are never returned") {
    const fs::path base = crm::test::fresh_folder("uncommitted-hostile");
    const fs::path root = base / "crm";
    crm::os::write_atomic(root, "crm.yaml", "\n");
    std::ofstream(base / "outside.yaml") << "x\n";
    std::ofstream(root / ".crm/uncommitted")
        << "../outside.yaml\n"
        << (base / "outside.yaml").string() << "\n# comment\n\ncrm.yaml\n";
    CHECK(uncommitted_files(root) == std::vector<std::string>{"crm.yaml"});
}
