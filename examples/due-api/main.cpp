// What is due in a crm data folder, computed through crm's library rather than its
// command line: the folder opened, every client folded one at a time, and the same
// DueCollector that `crm due` uses. Prints one line per item, overdue first:
//
//   2026-11-20  promise    Acme Engineering Pty Ltd  Send capability statement
//
// Usage: due-api FOLDER [YYYY-MM-DD]   (the day defaults to CRM_TODAY, else today)
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/reports/due.hpp"
#include "crm/store/folder.hpp"
#include "crm/store/load_all.hpp"
#include "crm/util/error.hpp"

namespace {

crm::Date today_from(const char* given) {
    if (given) {
        if (auto d = crm::Date::parse_iso(given))
            return *d;
        throw crm::UsageError(fmt::format("'{}' is not a date (YYYY-MM-DD)", given));
    }
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return crm::Date::from_days(static_cast<int>(now.time_since_epoch().count()));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: due-api FOLDER [YYYY-MM-DD]\n";
        return 2;
    }
    try {
        const char* day = argc == 3 ? argv[2] : std::getenv("CRM_TODAY");
        const crm::Date today = today_from(day);
        const auto folder = crm::store::Folder::open(argv[1]);
        const crm::Settings& settings = folder.settings();
        const crm::Date end = settings.due_within.after(today);

        // One collector per part of the walk, joined in order: what one thread would see.
        std::vector<crm::DueCollector> parts;
        const auto problems = crm::store::fold_records(
            folder, crm::store::Detail::summary,
            [&](std::size_t n) { parts.assign(n, crm::DueCollector(settings, end)); },
            [&](std::size_t part, const crm::ClientRecord& r) { parts[part].add(r); });
        crm::DueCollector due(settings, end);
        for (auto& part : parts)
            due.merge(std::move(part));

        for (const crm::DueItem& item : std::move(due).finish())
            std::cout << fmt::format("{}  {:<9}  {}  {}\n", item.due, crm::due_type_name(item.type),
                                     item.name, item.what);
        for (const auto& p : problems)
            std::cerr << "due-api: warning: " << p.what() << '\n';
        return problems.empty() ? 0 : 1;
    } catch (const crm::Error& e) {
        std::cerr << "due-api: error: " << e.what() << '\n';
        return 1;
    }
}
