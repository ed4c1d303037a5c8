// A commit of exactly the given files through git's plumbing. Unlike `git commit` it
// never refreshes the index, which costs an lstat of every file in the repository: in
// a firm's folder of 50,000 records that dominates the time of `crm log-visit`.
//
// Each git process costs several milliseconds to start, so there are few, and the
// independent ones run side by side:
//   rev-parse            where hooks live
//   hash-object -w       the files' blobs
//   cat-file --batch     HEAD and the trees of the folders on the changed paths
// then, one after the other: mktree --batch writes every new tree at once (their ids
// are computed here first, so that a parent can name its new subfolders, and git must
// give the same ids), commit-tree, and update-ref with the old value, so that a commit
// made meanwhile is never lost. The index is updated by crm itself (git_index.hpp),
// which saves git reading and rewriting all of it; when that is not plain, by
// `git update-index --add`, alongside the commit.
//
// Used only when it gives the result of `git commit --only -- FILES`: no hook could run,
// the branch exists, and the repository uses SHA-1. In every other case Git::commit falls
// back to the porcelain, with the same messages; the files staged by then are what its
// `git add` would stage anyway.
#include <sys/stat.h>

#include <future>
#include <map>

#include "crm/domain/text.hpp"
#include "crm/store/files.hpp"
#include "crm/store/git.hpp"
#include "crm/store/git_index.hpp"
#include "crm/store/git_tree.hpp"

namespace crm::store {

namespace {

// The hooks `git commit` runs.
constexpr std::initializer_list<const char*> kCommitHooks = {
    "pre-commit", "prepare-commit-msg", "commit-msg", "post-commit", "reference-transaction"};

bool any_hook(const fs::path& hooks_dir, std::initializer_list<const char*> hooks) {
    for (const char* h : hooks) {
        struct stat st;
        if (::stat((hooks_dir / h).c_str(), &st) == 0 && (st.st_mode & S_IXUSR))
            return true;
    }
    return false;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        out.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

// Only SHA-1 ids: the trees are computed here with SHA-1.
bool is_sha1_id(std::string_view s) {
    return s.size() == 40 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// The folders on the changed paths, with the files that change in each.
struct FolderChanges {
    std::map<std::string, std::size_t> files;  // name -> index in the list of files
    std::map<std::string, FolderChanges> folders;
};

// Each changed folder as `git cat-file --batch` names it in HEAD, a folder before its
// subfolders: the order in which TreeBuilder reads the answers.
void name_folders(const FolderChanges& f, const std::string& path, std::string& names) {
    for (const auto& [name, sub] : f.folders) {
        std::string p = path.empty() ? name : path + "/" + name;
        names += "HEAD:" + p + "\n";
        name_folders(sub, p, names);
    }
}

// The new trees, children first: their ids, and their entries as `git mktree --batch -z`
// reads them.
class TreeBuilder {
  public:
    TreeBuilder(const std::vector<BatchObject>& answers, std::size_t first,
                const std::vector<std::string>& blob_ids)
        : answers_(answers), next_(first), blob_ids_(blob_ids) {}

    // The new tree (hex id) of a folder whose tree in HEAD is `base` (empty: none),
    // with `changes` applied; nullopt when HEAD is not as expected.
    std::optional<std::string> build(const FolderChanges& changes, const std::string& base) {
        if (next_ >= answers_.size())
            return std::nullopt;
        const BatchObject& answer = answers_[next_++];
        std::vector<TreeEntry> entries;
        if (base.empty()) {
            if (!answer.missing)  // HEAD changed while it was being read
                return std::nullopt;
        } else {
            if (answer.missing || answer.type != "tree" || answer.id != base)
                return std::nullopt;
            auto parsed = parse_tree(answer.body, 20);
            if (!parsed)
                return std::nullopt;
            entries = std::move(*parsed);
        }
        for (const auto& [name, sub] : changes.folders) {
            TreeEntry* e = find(entries, name);
            if (e && !e->is_tree())
                return std::nullopt;
            auto id = build(sub, e ? to_hex(e->id) : "");
            if (!id)
                return std::nullopt;
            set(entries, e, "40000", name, *id);
        }
        for (const auto& [name, index] : changes.files) {
            TreeEntry* e = find(entries, name);
            if (e && e->is_tree())
                return std::nullopt;
            set(entries, e, "100644", name, blob_ids_[index]);
        }
        sort_tree(entries);
        for (const auto& e : entries) {
            input_ += e.mode + " " + std::string(e.type()) + " " + to_hex(e.id) + "\t" + e.name;
            input_ += '\0';
        }
        input_ += '\0';
        std::string id = object_id("tree", encode_tree(entries));
        ids_ += id + "\n";
        return id;
    }

    bool read_all() const { return next_ == answers_.size(); }
    const std::string& mktree_input() const { return input_; }
    // What `git mktree --batch` must answer.
    const std::string& ids() const { return ids_; }

  private:
    static TreeEntry* find(std::vector<TreeEntry>& entries, const std::string& name) {
        for (auto& e : entries)
            if (e.name == name)
                return &e;
        return nullptr;
    }
    static void set(std::vector<TreeEntry>& entries, TreeEntry* e, const char* mode,
                    const std::string& name, const std::string& hex_id) {
        TreeEntry entry{mode, name, from_hex(hex_id).value_or("")};
        if (e)
            *e = std::move(entry);
        else
            entries.push_back(std::move(entry));
    }

    const std::vector<BatchObject>& answers_;
    std::size_t next_;
    const std::vector<std::string>& blob_ids_;
    std::string input_;
    std::string ids_;
};

// The tree named by a commit object's content.
std::string commit_tree(const std::string& body) {
    if (!body.starts_with("tree ") || body.size() < 46 || body[45] != '\n')
        return {};
    return body.substr(5, 40);
}

}  // namespace

Git::FastCommit Git::fast_commit(const std::vector<std::string>& files,
                                 const std::string& message) const {
    // Only a plain repository whose top is the data folder: paths then need no prefix.
    // (`crm --dir .` included: find() names the repository by the folder's real path.)
    std::error_code ec;
    const fs::path top = fs::weakly_canonical(folder_, ec);
    if (top / ".git" != git_dir_ || ec || files.empty())
        return FastCommit::not_possible;
    auto head = read_file(git_dir_ / "HEAD", 4096).value_or("");
    if (!head.starts_with("ref: refs/heads/"))
        return FastCommit::not_possible;
    const std::string branch = trim(head.substr(5));

    FolderChanges changes;
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::vector<std::string> parts;
        for (const auto& part : fs::path(files[i]))
            parts.push_back(part.string());
        for (const auto& part : parts)
            if (part.empty() || part == "." || part == ".." || part == "/" ||
                part.find('\n') != std::string::npos)
                return FastCommit::not_possible;
        FolderChanges* at = &changes;
        for (std::size_t k = 0; k + 1 < parts.size(); ++k)
            at = &at->folders[parts[k]];
        at->files[parts.back()] = i;
    }

    auto start = [this](std::vector<std::string> args) {
        return std::async(std::launch::async, [this, args = std::move(args)] { return run(args); });
    };
    auto hooks_dir = start({"rev-parse", "--git-path", "hooks"});
    std::vector<std::string> hash{"hash-object", "-w", "--"};
    hash.insert(hash.end(), files.begin(), files.end());
    auto hashed = start(hash);
    std::string names = "HEAD\nHEAD^{tree}\n";
    name_folders(changes, "", names);
    // An unborn branch has no HEAD: the porcelain makes the first commit.
    auto read = run({"cat-file", "--batch"}, names);
    auto answers = parse_cat_file_batch(read.out);
    if (!read.ok() || !answers || answers->size() < 2)
        return FastCommit::not_possible;
    const BatchObject& parent = answers->front();
    if (parent.missing || parent.type != "commit" || !is_sha1_id(parent.id))
        return FastCommit::not_possible;
    const std::string base_tree = commit_tree(parent.body);
    if (!is_sha1_id(base_tree))
        return FastCommit::not_possible;

    auto hooks = hooks_dir.get();
    fs::path hooks_path = trim(hooks.out);
    if (hooks_path.is_relative())
        hooks_path = folder_ / hooks_path;
    if (!hooks.ok() || any_hook(hooks_path, kCommitHooks))
        return FastCommit::not_possible;

    auto blobs = hashed.get();
    auto blob_ids = lines(blobs.out);
    if (!blobs.ok() || blob_ids.size() != files.size())
        return FastCommit::not_possible;
    for (const auto& id : blob_ids)
        if (!is_sha1_id(id))
            return FastCommit::not_possible;

    // The index learns the committed files (with their stat data), as with `git commit`;
    // whatever else the user has staged stays staged, and out of the commit. crm writes
    // the index itself in the plain cases, else git does; either alongside the commit.
    const bool index_hook = any_hook(hooks_path, {"post-index-change"});
    auto staged = std::async(std::launch::async, [&, this] {
        if (!index_hook && stage_in_index(top, git_dir_, files, blob_ids))
            return true;
        std::vector<std::string> update{"update-index", "--add", "--"};
        update.insert(update.end(), files.begin(), files.end());
        return run(update).ok();
    });

    // The commit's tree is HEAD's with our files, like `git commit --only -- FILES`.
    TreeBuilder trees(*answers, 1, blob_ids);
    auto tree = trees.build(changes, base_tree);
    if (!tree || !trees.read_all())
        return FastCommit::not_possible;
    auto made = run({"mktree", "--batch", "-z"}, trees.mktree_input());
    if (!made.ok() || made.out != trees.ids())
        return FastCommit::not_possible;

    auto commit = run({"commit-tree", *tree, "-p", parent.id, "-F", "-"}, message + "\n");
    if (!commit.ok()) {
        last_error_ = commit.err;
        return FastCommit::failed;
    }
    // The old value makes the update fail rather than lose a commit made meanwhile.
    auto moved =
        run({"update-ref", "-m", "commit: " + message, branch, trim(commit.out), parent.id});
    if (!moved.ok()) {
        last_error_ = moved.err;
        return FastCommit::failed;
    }
    if (!staged.get()) {
        last_error_ =
            "committed, but git's index was not updated; run: git reset -q -- " + files.front();
        return FastCommit::failed;
    }
    return FastCommit::done;
}

}  // namespace crm::store
