#pragma once
// Folders and files for the unit tests that touch the disk: one place instead of a copy
// in every test file. Everything is under CRM_TEST_TMPDIR (the build tree), never the
// developer's home or /tmp.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace crm::test {

namespace fs = std::filesystem;

// CRM_TEST_TMPDIR/<name>, emptied: a test's own folder, left behind for a look when the
// test fails (the next run empties it again).
inline fs::path fresh_folder(std::string_view name) {
    fs::path dir = fs::path(CRM_TEST_TMPDIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// Writes `text` to `path`, making the folders on the way: a file as a person would have
// left it, not as crm writes it.
inline void write_file(const fs::path& path, std::string_view text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

// The bytes of a file, empty when there is none.
inline std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A folder of its own under CRM_TEST_TMPDIR with a unique name, removed when the test
// ends, for tests that run side by side.
class TempFolder {
  public:
    TempFolder() {
        fs::create_directories(CRM_TEST_TMPDIR);
        std::string name = (fs::path(CRM_TEST_TMPDIR) / "tmp-XXXXXX").string();
        REQUIRE(::mkdtemp(name.data()) != nullptr);
        path_ = name;
    }
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

}  // namespace crm::test
