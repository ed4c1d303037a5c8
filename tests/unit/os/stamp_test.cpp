// A file read for a change is the file the change replaces: an editor saving in place
// (truncate, then write) is waited for, and a file changed since the read is never
// replaced. Reads of the data folder never go through a link.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "crm/os/files.hpp"
#include "crm/util/error.hpp"

#include "support/temp_folder.hpp"

namespace fs = std::filesystem;
using namespace crm;

TEST_CASE("read_for_change gives the bytes and their stamp; nullopt when missing") {
    const fs::path root = crm::test::fresh_folder("stamp-read");
    crm::test::write_file(root / "a.yaml", "name: A\n");
    auto got = os::read_for_change(root, "a.yaml", 1000);
    REQUIRE(got);
    CHECK(got->text == "name: A\n");
    CHECK(got->stamp.size == 8);
    CHECK(got->stamp.inode != 0);
    CHECK_FALSE(os::read_for_change(root, "none.yaml", 1000));
}

TEST_CASE("a file another program holds open for writing is waited for, then read whole") {
    const fs::path root = crm::test::fresh_folder("stamp-writer");
    crm::test::write_file(root / "a.yaml", "name: A\nstage: lead\n");
    // An editor saving in place: truncate, write half, pause, write the rest, close.
    std::thread editor([&] {
        int fd = ::open((root / "a.yaml").c_str(), O_WRONLY | O_TRUNC);
        REQUIRE(fd >= 0);
        REQUIRE(::write(fd, "name: A\n", 8) == 8);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        REQUIRE(::write(fd, "stage: client\n", 14) == 14);
        ::close(fd);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto got = os::read_for_change(root, "a.yaml", 1000);
    editor.join();
    REQUIRE(got);
    CHECK(got->text == "name: A\nstage: client\n");
}

TEST_CASE("replace_atomic refuses a file changed since it was read, and writes nothing") {
    const fs::path root = crm::test::fresh_folder("stamp-replace");
    crm::test::write_file(root / "a.yaml", "name: A\n");
    auto got = os::read_for_change(root, "a.yaml", 1000);
    REQUIRE(got);
    // Another program's save, of the same size and moment as far as a coarse clock goes.
    crm::test::write_file(root / "a.yaml", "name: Z\n");
    CHECK_THROWS_AS(os::replace_atomic(root, "a.yaml", "name: A\ntier: B\n", got), os::FileChanged);
    CHECK(os::read_file(root / "a.yaml", 100) == "name: Z\n");
    // A file that was missing must still be missing.
    CHECK_THROWS_AS(os::replace_atomic(root, "a.yaml", "x\n", std::nullopt), os::FileChanged);
    // Unchanged: written, and the old version kept where asked.
    got = os::read_for_change(root, "a.yaml", 1000);
    const fs::path keep = os::aside_path("a.yaml");
    os::replace_atomic(root, "a.yaml", "name: Z\ntier: B\n", got, keep);
    CHECK(os::read_file(root / "a.yaml", 100) == "name: Z\ntier: B\n");
    CHECK(os::read_file(root / keep, 100) == "name: Z\n");
}

TEST_CASE("read_data_file goes through no link, and names the link, never its target") {
    const fs::path root = crm::test::fresh_folder("stamp-links");
    crm::test::write_file(root / "outside/secret.yaml", "secret: 42\n");
    crm::test::write_file(root / "folder/clients/a/client.yaml", "name: A\n");
    fs::create_symlink(root / "outside/secret.yaml", root / "folder/clients/a/linked.yaml");
    fs::create_symlink(root / "outside", root / "folder/clients/a/visits");
    const fs::path folder = root / "folder";
    CHECK(os::read_data_file(folder, "clients/a/client.yaml", 100) == "name: A\n");
    for (const char* rel : {"clients/a/linked.yaml", "clients/a/visits/secret.yaml"}) {
        try {
            (void)os::read_data_file(folder, rel, 100);
            FAIL("read through a link: " << rel);
        } catch (const DataError& e) {
            const std::string what = e.what();
            CHECK(what.find("is a symbolic link") != std::string::npos);
            CHECK(what.find("outside") == std::string::npos);
        }
    }
}
