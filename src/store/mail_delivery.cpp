#include "crm/store/mail_delivery.hpp"

#include "crm/os/append_file.hpp"
#include "crm/os/files.hpp"
#include "crm/os/process.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::store {

namespace {

constexpr const char* kLog = ".crm/mail-sent";
constexpr std::size_t kMaxLog = 64 * 1024 * 1024;

// What a failing command said, in one line a person can read.
std::string said(const os::ProcessResult& r) {
    std::string text = trim(r.err.empty() ? r.out : r.err);
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20)
            c = ' ';
    return text.size() > 300 ? fmt::format("{}...", text.substr(0, 300)) : text;
}

}  // namespace

void send_with_command(const MailCommand& command, std::string_view message,
                       const std::string& recipient, const std::filesystem::path& cwd) {
    const auto& argv = command.words;
    if (argv.empty())
        throw RuntimeError("no mail command to send with", command.hint);
    os::ProcessOptions o;
    o.cwd = cwd;
    o.input = std::string(message);
    const auto r = os::run_process(argv, o);
    if (r.ok())
        return;
    std::string what =
        r.exit_code < 0 && r.err.starts_with("cannot run")
            ? said(r)
            : argv[0] + (r.exit_code < 0 ? std::string(" died")
                                         : fmt::format(" exited with status {}", r.exit_code));
    const std::string output = said(r);
    if (!output.empty() && output != what)
        what += fmt::format(": {}", output);
    throw RuntimeError(
        fmt::format("mail to {} was not sent: {}", recipient, what),
        fmt::format("{}; what was sent is not sent again when you rerun", command.hint));
}

std::string SentMail::escape(std::string_view key) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : key) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7F || c == '%') {
            out += '%';
            out += kHex[b >> 4];
            out += kHex[b & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

SentMail::SentMail(const std::filesystem::path& root, Date today) : root_(root), today_(today) {
    os::ensure_no_symlinks(root_, kLog);
    auto text = os::read_file(root_ / kLog, kMaxLog);
    if (!text)
        return;
    // A line a crash cut short must not run into the next one.
    needs_newline_ = !text->empty() && text->back() != '\n';
    const Date oldest = today.plus_days(-kKeepDays);
    std::string kept;
    bool dropped = false;
    std::size_t start = 0;
    while (start < text->size()) {
        std::size_t end = text->find('\n', start);
        if (end == std::string::npos)
            end = text->size();  // a line cut short by a crash: still a key
        const std::string line = text->substr(start, end - start);
        start = end + 1;
        const auto space = line.find(' ');  // after the date; the key is the rest
        if (space == std::string::npos)
            continue;
        auto date = Date::parse_iso(line.substr(0, space));
        if (date && *date < oldest) {
            dropped = true;
            continue;
        }
        keys_.insert(line.substr(space + 1));
        kept += fmt::format("{}\n", line);
    }
    // Old or new, never half (a rename); without the fsync that only the FolderLock's
    // holders may do. Every key names its day or its file, so even a log lost to a power
    // cut right here would send again only what is still news.
    if (dropped) {
        os::write_atomic_derived(root_, kLog, {kept});
        needs_newline_ = false;
    }
}

void SentMail::add(const std::string& key) {
    os::ensure_private_dir(root_);
    const std::string escaped = escape(key);
    os::append_durable(root_ / kLog,
                       fmt::format("{}{} {}\n", needs_newline_ ? "\n" : "", today_, escaped), true);
    needs_newline_ = false;
    keys_.insert(escaped);
}

}  // namespace crm::store
