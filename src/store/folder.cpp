#include "crm/store/folder.hpp"

#include "crm/model/layout.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <random>

#include "crm/model/slug.hpp"
#include "crm/os/files.hpp"
#include "crm/schema/records.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::store {

namespace {

bool is_file(const fs::path& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string random_hex(int digits) {
    static std::random_device device;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < digits; ++i)
        s += kHex[device() & 0xF];
    return s;
}

}  // namespace

fs::path discover_folder(const DiscoveryInput& in) {
    if (in.dir_option && !in.dir_option->empty())
        return fs::absolute(*in.dir_option);
    if (in.crm_dir && !in.crm_dir->empty())
        return fs::absolute(*in.crm_dir);
    for (fs::path d = in.cwd; !d.empty(); d = d.parent_path()) {
        if (is_file(d / "crm.yaml"))
            return d;
        if (d == d.parent_path())
            break;
    }
    if (in.home && !in.home->empty())
        return fs::path(*in.home) / "crm";
    return in.cwd / "crm";
}

Folder Folder::open(const fs::path& root) {
    auto text = os::read_file(root / "crm.yaml", yaml::kMaxFileSize);
    if (!text) {
        std::error_code ec;
        if (!fs::exists(root, ec)) {
            throw RuntimeError(
                "no crm folder at " + root.string(),
                "create one with 'crm init', or point to yours with --dir or CRM_DIR");
        }
        throw RuntimeError(
            root.string() + " is not a crm folder (it has no crm.yaml)",
            "create one with 'crm init " + root.string() + "', or use --dir or CRM_DIR");
    }
    return Folder(root, schema::read_settings(*text, "crm.yaml"));
}

std::optional<std::string> Folder::read(const std::string& relative) const {
    return os::read_file(root_ / relative, yaml::kMaxFileSize);
}

std::vector<std::string> Folder::client_slugs() const {
    std::vector<std::string> slugs;
    for (auto& name : os::list_dir(root_ / "clients")) {
        if (is_valid_slug(name) && is_file(root_ / "clients" / name / "client.yaml"))
            slugs.push_back(name);
    }
    return slugs;
}

bool Folder::has_client(const std::string& slug) const {
    return is_file(root_ / "clients" / slug / "client.yaml");
}

Client Folder::load_client(const std::string& slug) const {
    const std::string file = client_file(slug);
    auto text = read(file);
    if (!text)
        throw RuntimeError("no client file " + file);
    Client c = schema::read_client(*text, file);
    c.slug = slug;
    return c;
}

ClientRecord Folder::load_record(const std::string& slug, std::vector<DataError>& problems) const {
    ClientRecord rec;
    rec.client = load_client(slug);
    const std::string base = "clients/" + slug + "/";
    for (const auto& name : os::list_dir(root_ / "clients" / slug / "visits")) {
        if (!is_record_file_name(name))
            continue;
        const std::string file = base + "visits/" + name;
        try {
            if (auto text = read(file))
                rec.visits.push_back(schema::read_visit(*text, file));
        } catch (const DataError& e) {
            problems.push_back(e);
        }
    }
    for (const auto& name : os::list_dir(root_ / "clients" / slug / "reviews")) {
        if (!is_record_file_name(name))
            continue;
        const std::string file = base + "reviews/" + name;
        try {
            if (auto text = read(file))
                rec.reviews.push_back(schema::read_review(*text, file));
        } catch (const DataError& e) {
            problems.push_back(e);
        }
    }
    sort_by_date(rec);
    return rec;
}

std::vector<Client> Folder::load_clients(std::vector<DataError>& problems) const {
    std::vector<Client> clients;
    for (const auto& slug : client_slugs()) {
        try {
            clients.push_back(load_client(slug));
        } catch (const DataError& e) {
            problems.push_back(e);
        }
    }
    return clients;
}

std::string Folder::new_record_path(const std::string& slug, const std::string& kind, Date date,
                                    const std::string& author) const {
    std::string who = slugify(author.empty() ? "someone" : author);
    if (who.size() > 24)
        who.resize(24);
    while (!who.empty() && who.back() == '-')
        who.pop_back();
    const std::string dir = "clients/" + slug + "/" + kind + "/";
    for (;;) {
        std::string path = dir + date.iso() + "-" + who + "-" + random_hex(6) + ".yaml";
        std::error_code ec;
        if (!fs::exists(root_ / path, ec))
            return path;
    }
}

}  // namespace crm::store
