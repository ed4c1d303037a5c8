// Baseline for the cold `crm due` (spec section 6): parse every YAML file under a
// data folder's clients/ once with yaml-cpp, and nothing more. A first run of crm,
// with no cache, cannot do less than read and parse each file.
//
//   parse_all STORE      prints the number of files and of top-level keys parsed
//
// Hidden entries (".git", ".crm") are skipped, as crm skips them.
#include <yaml-cpp/yaml.h>
#include <cstdio>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s STORE\n", argv[0]);
        return 2;
    }
    long files = 0;
    long keys = 0;  // used, so the parse cannot be optimised away
    try {
        fs::recursive_directory_iterator it(fs::path(argv[1]) / "clients"), end;
        for (; it != end; ++it) {
            const fs::path& path = it->path();
            if (path.filename().string().front() == '.') {
                if (it->is_directory())
                    it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file() || path.extension() != ".yaml")
                continue;
            YAML::Node doc = YAML::LoadFile(path.string());
            keys += static_cast<long>(doc.size());
            ++files;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "parse_all: %s\n", e.what());
        return 1;
    }
    std::printf("%ld files, %ld keys\n", files, keys);
    return 0;
}
