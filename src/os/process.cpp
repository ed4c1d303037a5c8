#include "crm/os/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"

extern char** environ;

namespace crm::os {

namespace {

std::vector<std::string> child_environment(const ProcessOptions& o) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        std::string_view entry = *e;
        std::string_view name = entry.substr(0, entry.find('='));
        bool drop = std::any_of(o.unset_env.begin(), o.unset_env.end(),
                                [&](const std::string& u) { return u == name; }) ||
                    std::any_of(o.set_env.begin(), o.set_env.end(),
                                [&](const auto& kv) { return kv.first == name; });
        if (!drop)
            env.emplace_back(entry);
    }
    for (const auto& [k, v] : o.set_env)
        env.push_back(fmt::format("{}={}", k, v));
    return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings)
        out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

struct Pipe {
    int read = -1, write = -1;
    Pipe() {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            throw RuntimeError(std::string("pipe: ") + std::strerror(errno));
        read = fds[0];
        write = fds[1];
    }
    ~Pipe() {
        if (read >= 0)
            ::close(read);
        if (write >= 0)
            ::close(write);
    }
};

// Feeds stdin and drains stdout and stderr together so that no pipe fills up and
// deadlocks the child.
void pump(Pipe& in, Pipe& out, Pipe& err, std::string_view input, ProcessResult& result) {
    ::close(in.read), in.read = -1;
    ::close(out.write), out.write = -1;
    ::close(err.write), err.write = -1;
    if (input.empty())
        ::close(in.write), in.write = -1;
    char buf[65536];
    while (out.read >= 0 || err.read >= 0 || in.write >= 0) {
        pollfd fds[3];
        int n = 0;
        if (out.read >= 0)
            fds[n++] = {out.read, POLLIN, 0};
        if (err.read >= 0)
            fds[n++] = {err.read, POLLIN, 0};
        if (in.write >= 0)
            fds[n++] = {in.write, POLLOUT, 0};
        if (::poll(fds, static_cast<nfds_t>(n), -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < n; ++i) {
            if (!fds[i].revents)
                continue;
            if (fds[i].fd == in.write) {
                ssize_t w = ::write(in.write, input.data(), input.size());
                if (w > 0)
                    input.remove_prefix(static_cast<std::size_t>(w));
                if (w < 0 || input.empty())
                    ::close(in.write), in.write = -1;
                continue;
            }
            int& fd = fds[i].fd == out.read ? out.read : err.read;
            std::string& sink = fds[i].fd == out.read ? result.out : result.err;
            ssize_t r = ::read(fd, buf, sizeof buf);
            if (r > 0) {
                sink.append(buf, static_cast<std::size_t>(r));
            } else if (r == 0 || errno != EINTR) {
                ::close(fd);
                fd = -1;
            }
        }
    }
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& o) {
    ProcessResult result;
    std::vector<std::string> args = argv;
    std::vector<std::string> env = child_environment(o);
    auto c_args = c_strings(args);
    auto c_env = c_strings(env);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    Pipe in, out, err;
    if (!o.inherit_stdio) {
        posix_spawn_file_actions_adddup2(&actions, in.read, 0);
        posix_spawn_file_actions_adddup2(&actions, out.write, 1);
        posix_spawn_file_actions_adddup2(&actions, err.write, 2);
    }
    if (!o.cwd.empty())
        posix_spawn_file_actions_addchdir_np(&actions, o.cwd.c_str());
    // A writer to a closed pipe must see EPIPE, not die: we may stop reading early.
    signal(SIGPIPE, SIG_IGN);

    pid_t pid = 0;
    int rc = posix_spawnp(&pid, c_args[0], &actions, nullptr, c_args.data(), c_env.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        result.err = fmt::format("cannot run {}: {}", argv[0], std::strerror(rc));
        return result;
    }
    if (!o.inherit_stdio)
        pump(in, out, err, o.input, result);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

ProcessResult SystemRunner::run(const std::vector<std::string>& argv,
                                const ProcessOptions& options) const {
    return run_process(argv, options);
}

void SystemRunner::wait(std::chrono::milliseconds pause) const {
    std::this_thread::sleep_for(pause);
}

const ProcessRunner& system_runner() {
    static const SystemRunner kRunner;
    return kRunner;
}

}  // namespace crm::os
