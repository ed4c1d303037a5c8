#pragma once
// Every command's registrar, one per file in src/commands/. Each adds its options to
// its CLI11 subcommand and returns the function that runs it (see context.hpp).
#include "crm/commands/context.hpp"

namespace crm::commands {

Runner register_init(CLI::App& cmd);
Runner register_add_client(CLI::App& cmd);
Runner register_log_visit(CLI::App& cmd);
Runner register_due(CLI::App& cmd);
Runner register_review(CLI::App& cmd);
Runner register_list(CLI::App& cmd);
Runner register_show(CLI::App& cmd);
Runner register_promises(CLI::App& cmd);
Runner register_done(CLI::App& cmd);
Runner register_set(CLI::App& cmd);
Runner register_edit(CLI::App& cmd);
Runner register_reviews(CLI::App& cmd);
Runner register_portfolio(CLI::App& cmd);
Runner register_funnel(CLI::App& cmd);
Runner register_check(CLI::App& cmd);
Runner register_sync(CLI::App& cmd);
Runner register_watch(CLI::App& cmd);
Runner register_unwatch(CLI::App& cmd);
Runner register_news(CLI::App& cmd);
Runner register_search(CLI::App& cmd);
Runner register_import(CLI::App& cmd);
Runner register_export(CLI::App& cmd);
Runner register_completion(CLI::App& cmd);

}  // namespace crm::commands
