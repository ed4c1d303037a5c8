#pragma once
// A Context a test builds: a folder of its own under CRM_TEST_TMPDIR (no git repository,
// so nothing is committed), a fixed date and user, a terminal of a chosen width, and
// string streams for what the command reads and prints.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "crm/commands/context.hpp"

namespace crm::testing {

class CommandFixture {
  public:
    explicit CommandFixture(const std::string& name, const std::string& settings = "") {
        root_ = std::filesystem::path(CRM_TEST_TMPDIR) / name;
        std::filesystem::remove_all(root_);
        std::filesystem::create_directories(root_);
        write("crm.yaml", settings);
        vars_ = {{"CRM_USER", "Alice Smith"}, {"HOME", (root_ / "home").string()}};
    }

    void write(const std::string& relative, const std::string& text) {
        const auto path = root_ / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
    }
    std::string read(const std::string& relative) const {
        std::ifstream in(root_ / relative, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }
    const std::filesystem::path& root() const { return root_; }

    // The Context every command of the test runs in; `width` 0: stdout is piped.
    commands::Context& context(int width = 0, const std::string& input = "") {
        in_.str(input);
        out_.str("");
        err_.str("");
        commands::Environment env;
        env.getenv = [this](const std::string& k) -> std::optional<std::string> {
            auto it = vars_.find(k);
            return it == vars_.end() ? std::nullopt : std::optional<std::string>(it->second);
        };
        env.today = [this] { return today_; };
        env.cwd = root_;
        env.terminal.out = width > 0;
        env.terminal.width = width;
        commands::GlobalOptions global;
        global.dir = root_.string();
        global.no_commit =
            true;  // commits are the end-to-end tests'; this folder may sit in a repository
        context_.emplace(global, env, commands::Streams{in_, out_, err_});
        return *context_;
    }

    void set_today(const char* iso) { today_ = *Date::parse_iso(iso); }
    void set_env(const std::string& k, const std::string& v) { vars_[k] = v; }
    std::string out() const { return out_.str(); }
    std::string err() const { return err_.str(); }

  private:
    std::filesystem::path root_;
    std::map<std::string, std::string> vars_;
    Date today_ = *Date::parse_iso("2026-11-23");  // a Monday
    std::istringstream in_;
    std::ostringstream out_, err_;
    std::optional<commands::Context> context_;
};

// The widest line of `text`, in display columns, colour codes left out.
int widest_line(const std::string& text);

}  // namespace crm::testing
