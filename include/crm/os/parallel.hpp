#pragma once
// Splitting a walk of the folder between threads, by runs of clients, as git's
// core.preloadIndex splits its lstat calls. Each part's results are joined in client
// order by the caller, so the output is the same as one thread's.
#include <cstddef>
#include <functional>

namespace crm::os {

// How many threads a walk of `clients` clients is worth: threads pay for themselves
// only on large folders, and two already halve the walk.
std::size_t walker_threads(std::size_t clients);

// Runs `part(t, first, last)` for t in [0, parts) over [0, items) cut into `parts` runs,
// part 0 on the calling thread (the only one that may write to the terminal) and the
// others on their own. `before_start(t)` runs on each part's thread first. Rethrows
// what a part threw, once all have ended.
void run_parts(std::size_t items, std::size_t parts,
               const std::function<void(std::size_t t, std::size_t first, std::size_t last)>& part,
               const std::function<void(std::size_t t)>& before_start = {});

}  // namespace crm::os
