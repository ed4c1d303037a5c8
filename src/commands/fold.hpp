#pragma once
// A report over the whole folder, folded client by client: one collector (the reports'
// *Collector classes) per thread of the walk, joined in slug order, so that memory holds
// the report's rows and never the folder's records.
#include <utility>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

// The collector `make()` gives, after `add(collector, record)` for each client of the
// folder; the files that could not be read go to `problems`. With Unreadable::keep, a
// client whose client.yaml cannot be read is added too (Client::unreadable).
template <class Make, class Add>
auto fold_clients(Context& ctx, store::Detail detail, Make make, Add add,
                  std::vector<DataError>& problems,
                  store::Unreadable unreadable = store::Unreadable::skip) {
    using Collector = decltype(make());
    std::vector<Collector> parts;
    auto found = ctx.fold_records(
        detail,
        [&](std::size_t n) {
            parts.reserve(n);
            while (parts.size() < n)
                parts.push_back(make());
        },
        [&](std::size_t part, const ClientRecord& r) { add(parts[part], r); }, unreadable);
    problems.insert(problems.end(), found.begin(), found.end());
    if (parts.empty())
        parts.push_back(make());
    for (std::size_t i = 1; i < parts.size(); ++i)
        parts.front().merge(std::move(parts[i]));
    return std::move(parts.front());
}

// The same, every client added.
template <class Make>
auto fold_clients(Context& ctx, store::Detail detail, Make make, std::vector<DataError>& problems,
                  store::Unreadable unreadable = store::Unreadable::skip) {
    return fold_clients(
        ctx, detail, make, [](auto& collector, const ClientRecord& r) { collector.add(r); },
        problems, unreadable);
}

}  // namespace crm::commands
