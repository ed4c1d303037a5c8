#pragma once
// A git that runs nothing: git::Git is given this os::ProcessRunner, which records every
// argument vector crm runs and answers from a script, so that a test sees exactly what crm
// asks of git and how it reacts to each answer (a lock held, HEAD moved, a rebase stopped).
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "crm/git/git.hpp"
#include "crm/os/process.hpp"
#include "support/temp_folder.hpp"

namespace crm::test {

inline os::ProcessResult ok(std::string out = {}) {
    return {0, std::move(out), {}};
}
inline os::ProcessResult failed(std::string err, int code = 1) {
    return {code, {}, std::move(err)};
}

class FakeGit : public os::ProcessRunner {
  public:
    struct Call {
        std::vector<std::string> args;  // after "git"
        std::string input;
        os::ProcessOptions options;
    };

    // The answers to `git ARGS` (ARGS joined by spaces), in turn; the last one repeats.
    // A command without answers succeeds with no output.
    void on(const std::string& args, std::vector<os::ProcessResult> answers) {
        answers_[args] = std::deque<os::ProcessResult>(answers.begin(), answers.end());
    }
    // Runs before answering `git ARGS` (a file git would leave behind, say).
    void when(const std::string& args, std::function<void()> effect) { effects_[args] = effect; }

    os::ProcessResult run(const std::vector<std::string>& argv,
                          const os::ProcessOptions& options) const override {
        REQUIRE(!argv.empty());
        CHECK(argv.front() == "git");
        std::vector<std::string> args(argv.begin() + 1, argv.end());
        calls.push_back({args, options.input, options});
        const std::string key = joined(args);
        if (auto e = effects_.find(key); e != effects_.end())
            e->second();
        auto it = answers_.find(key);
        if (it == answers_.end() || it->second.empty())
            return ok();
        os::ProcessResult r = it->second.front();
        if (it->second.size() > 1)
            it->second.pop_front();
        return r;
    }
    void wait(std::chrono::milliseconds pause) const override {
        ++waits;
        waited += pause;
    }

    static std::string joined(const std::vector<std::string>& args) {
        std::string s;
        for (const auto& a : args)
            s += (s.empty() ? "" : " ") + a;
        return s;
    }
    // Every call, one string each, in order.
    std::vector<std::string> commands() const {
        std::vector<std::string> out;
        for (const auto& c : calls)
            out.push_back(joined(c.args));
        return out;
    }
    // How many calls began with `prefix`.
    int count(const std::string& prefix) const {
        int n = 0;
        for (const auto& c : commands())
            n += c.starts_with(prefix) ? 1 : 0;
        return n;
    }

    mutable std::vector<Call> calls;
    mutable int waits = 0;
    mutable std::chrono::milliseconds waited{0};

  private:
    mutable std::map<std::string, std::deque<os::ProcessResult>> answers_;
    std::map<std::string, std::function<void()>> effects_;
};

// A data folder with a git directory on disk (what Git reads itself: HEAD, MERGE_HEAD,
// index.lock), and a Git over it that runs `fake`.
struct FakeRepository {
    TempFolder dir;
    fs::path folder = dir.path() / "crm";
    fs::path git_dir = dir.path() / "crm" / ".git";
    FakeGit fake;
    git::Git git = git::Git::at(folder, git_dir, fake);

    FakeRepository() { write_file(git_dir / "HEAD", "ref: refs/heads/main\n"); }
    void file(const std::string& relative, const std::string& text = "x: 1\n") {
        write_file(folder / relative, text);
    }
};

}  // namespace crm::test
