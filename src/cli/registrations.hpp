#pragma once
// Every command's registrar: each adds its options to its CLI11 subcommand, bound to the
// command's options struct (commands/<name>.hpp), and returns the function that runs it.
#include "crm/commands/context.hpp"

namespace CLI {
class App;
}

namespace crm::cli {

commands::Runner register_init(CLI::App& cmd);
commands::Runner register_add_client(CLI::App& cmd);
commands::Runner register_log_visit(CLI::App& cmd);
commands::Runner register_due(CLI::App& cmd);
commands::Runner register_review(CLI::App& cmd);
commands::Runner register_list(CLI::App& cmd);
commands::Runner register_show(CLI::App& cmd);
commands::Runner register_promises(CLI::App& cmd);
commands::Runner register_done(CLI::App& cmd);
commands::Runner register_set(CLI::App& cmd);
commands::Runner register_edit(CLI::App& cmd);
commands::Runner register_reviews(CLI::App& cmd);
commands::Runner register_portfolio(CLI::App& cmd);
commands::Runner register_funnel(CLI::App& cmd);
commands::Runner register_check(CLI::App& cmd);
commands::Runner register_sync(CLI::App& cmd);
commands::Runner register_watch(CLI::App& cmd);
commands::Runner register_unwatch(CLI::App& cmd);
commands::Runner register_news(CLI::App& cmd);
commands::Runner register_search(CLI::App& cmd);
commands::Runner register_import(CLI::App& cmd);
commands::Runner register_export(CLI::App& cmd);
commands::Runner register_completion(CLI::App& cmd);
commands::Runner register_remind(CLI::App& cmd);
commands::Runner register_notify(CLI::App& cmd);
commands::Runner register_contact(CLI::App& cmd);
commands::Runner register_rename(CLI::App& cmd);
commands::Runner register_merge(CLI::App& cmd);
commands::Runner register_rm(CLI::App& cmd);
commands::Runner register_undo(CLI::App& cmd);
commands::Runner register_log(CLI::App& cmd);
commands::Runner register_opportunity(CLI::App& cmd);
commands::Runner register_pipeline(CLI::App& cmd);
commands::Runner register_report(CLI::App& cmd);
commands::Runner register_log_email(CLI::App& cmd);
commands::Runner register_inbox(CLI::App& cmd);

}  // namespace crm::cli
