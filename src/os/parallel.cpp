#include "crm/os/parallel.hpp"

#include <algorithm>
#include <exception>
#include <future>
#include <thread>
#include <vector>

namespace crm::os {

std::size_t walker_threads(std::size_t clients) {
    constexpr std::size_t kClientsPerThread = 250;
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    return std::clamp<std::size_t>(clients / kClientsPerThread, 1, std::min<std::size_t>(cores, 4));
}

void run_parts(std::size_t items, std::size_t parts,
               const std::function<void(std::size_t, std::size_t, std::size_t)>& part,
               const std::function<void(std::size_t)>& before_start) {
    parts = std::max<std::size_t>(parts, 1);
    auto run = [&](std::size_t t) {
        if (before_start)
            before_start(t);
        part(t, items * t / parts, items * (t + 1) / parts);
    };
    std::vector<std::future<void>> others;
    for (std::size_t t = 1; t < parts; ++t)
        others.push_back(std::async(std::launch::async, run, t));
    std::exception_ptr first_error;
    try {
        run(0);
    } catch (...) {
        first_error = std::current_exception();
    }
    for (auto& other : others) {
        try {
            other.get();
        } catch (...) {
            if (!first_error)
                first_error = std::current_exception();
        }
    }
    if (first_error)
        std::rethrow_exception(first_error);
}

}  // namespace crm::os
