#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <map>
#include <set>

#include "crm/commands/commands.hpp"
#include "crm/commands/common.hpp"
#include "crm/domain/slug.hpp"
#include "crm/domain/text.hpp"
#include "crm/output/terminal_text.hpp"
#include "crm/store/files.hpp"
#include "crm/store/record_io.hpp"
#include "crm/store/validate.hpp"

namespace crm::commands {

namespace {

namespace fs = std::filesystem;
using store::FileKind;

struct CheckOptions {
    std::string format = "text";
};

enum class Entry { missing, file, dir, link, other };

Entry entry_at(const fs::path& p) {
    struct stat st;
    if (::lstat(p.c_str(), &st) != 0)
        return Entry::missing;
    if (S_ISLNK(st.st_mode))
        return Entry::link;
    if (S_ISDIR(st.st_mode))
        return Entry::dir;
    return S_ISREG(st.st_mode) ? Entry::file : Entry::other;
}

class FolderCheck {
  public:
    explicit FolderCheck(fs::path root) : root_(std::move(root)) {}

    void run() {
        check_settings();
        for (const auto& name : store::list_dir(root_ / "clients")) {
            if (name.starts_with('.'))
                continue;
            check_client_folder(name);
        }
    }

    const std::vector<DataError>& problems() const { return problems_; }
    int files() const { return files_; }

  private:
    void add(const std::string& file, const std::string& what, std::string hint = {}) {
        problems_.emplace_back(SourceLocation{file, 0, 0}, what, std::move(hint));
    }

    // Reads and checks one file; returns its text when it had no problem.
    std::optional<std::string> check(const std::string& rel, FileKind kind) {
        const fs::path path = root_ / rel;
        Entry e = entry_at(path);
        if (e == Entry::link) {
            add(rel, "is a symbolic link; crm reads and writes only real files",
                "replace the link with the file itself");
            return std::nullopt;
        }
        if (e != Entry::file)
            return std::nullopt;
        ++files_;
        auto text = store::read_file(path, yaml::kMaxFileSize);
        if (!text)
            return std::nullopt;
        auto found = store::check_file(*text, rel, kind, settings_);
        if (!found.empty()) {
            problems_.insert(problems_.end(), found.begin(), found.end());
            return std::nullopt;
        }
        return text;
    }

    void check_settings() {
        if (entry_at(root_ / "crm.yaml") == Entry::missing) {
            throw RuntimeError(root_.string() + " is not a crm folder (it has no crm.yaml)",
                               "point to yours with --dir or CRM_DIR");
        }
        // Broken settings are reported; the other files are checked against the defaults.
        if (auto text = check("crm.yaml", FileKind::settings))
            settings_ = store::read_settings(*text, "crm.yaml");
    }

    void check_records(const std::string& slug, const std::string& kind, FileKind file_kind) {
        const std::string dir = "clients/" + slug + "/" + kind;
        Entry e = entry_at(root_ / dir);
        if (e == Entry::link)
            add(dir, "is a symbolic link; crm reads and writes only real folders");
        if (e != Entry::dir)
            return;
        for (const auto& name : store::list_dir(root_ / dir)) {
            if (!is_record_file_name(name))
                continue;
            check(dir + "/" + name, file_kind);
        }
    }

    void check_client_folder(const std::string& name) {
        const std::string dir = "clients/" + name;
        Entry e = entry_at(root_ / dir);
        if (e == Entry::link) {
            add(dir, "is a symbolic link; crm reads and writes only real folders");
            return;
        }
        if (e != Entry::dir)
            return;
        if (!is_valid_slug(name)) {
            add(dir, "folder name '" + name + "' is not a client slug (lowercase a-z, 0-9, -)",
                "rename it to " + slugify(name));
        }
        if (auto other = folded_.find(ascii_lower(name)); other != folded_.end()) {
            add(dir, "duplicate slug: differs only in case from " + other->second);
        } else {
            folded_.emplace(ascii_lower(name), dir);
        }
        const std::string file = dir + "/client.yaml";
        if (entry_at(root_ / file) == Entry::missing) {
            add(dir, "client folder without client.yaml", "add one, or remove the folder");
        } else if (auto text = check(file, FileKind::client)) {
            Client c = store::read_client(*text, file);
            const std::string key = slugify(c.name);
            if (auto other = names_.find(key); other != names_.end()) {
                add(file, "duplicate client: '" + c.name + "' is also " + other->second,
                    "merge the two folders, or rename one client");
            } else {
                names_.emplace(key, file);
            }
        }
        check_records(name, "visits", FileKind::visit);
        check_records(name, "reviews", FileKind::review);
    }

    fs::path root_;
    Settings settings_;
    std::vector<DataError> problems_;
    std::map<std::string, std::string> folded_;
    std::map<std::string, std::string> names_;
    int files_ = 0;
};

int run(const CheckOptions& o, Context& ctx) {
    FolderCheck check(ctx.folder_path());
    check.run();
    const auto& problems = check.problems();
    if (o.format == "json") {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& p : problems) {
            out.push_back({{"file", p.where().file},
                           {"line", p.where().line},
                           {"column", p.where().column},
                           {"message", p.problem()},
                           {"hint", p.hint()}});
        }
        ctx.out() << out.dump(2) << '\n';
    } else {
        for (const auto& p : problems) {
            // A problem can quote the file's own text.
            ctx.out() << output::safe_lines(p.what());
            if (!p.hint().empty())
                ctx.out() << " (" << output::safe_lines(p.hint()) << ")";
            ctx.out() << '\n';
        }
    }
    std::set<std::string> bad;
    for (const auto& p : problems)
        bad.insert(p.where().file);
    if (problems.empty()) {
        ctx.note("checked " + std::to_string(check.files()) + " files: no problems");
        return 0;
    }
    ctx.note(std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems") +
             " in " + std::to_string(bad.size()) + (bad.size() == 1 ? " file" : " files") + " (" +
             std::to_string(check.files()) + " files checked)");
    return 1;
}

}  // namespace

Runner register_check(CLI::App& cmd) {
    auto o = std::make_shared<CheckOptions>();
    cmd.add_option("--format", o->format, "text (file:line:column: problem) or json")
        ->check(CLI::IsMember({"text", "json"}));
    return [o](Context& ctx) { return run(*o, ctx); };
}

}  // namespace crm::commands
