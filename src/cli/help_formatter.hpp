#pragma once
// crm's --help: CLI11's layout, fitted to the terminal. Option descriptions wrap under
// their column instead of running past the edge; the root's help lists the commands once
// (CLI11 would list them, and crm's footer again); "Excludes: --until" and the like, which
// read as noise, are left out (the description says what goes with what).
#include <CLI/CLI.hpp>

#include <string>

namespace crm::cli {

class HelpFormatter : public CLI::Formatter {
  public:
    // `width`: the terminal's columns (80 when piped).
    explicit HelpFormatter(int width);

    std::string make_option(const CLI::Option* opt, bool is_positional) const override;
    std::string make_option_opts(const CLI::Option* opt) const override;
    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override;
    std::string make_description(const CLI::App* app) const override;
    std::string make_footer(const CLI::App* app) const override;

  private:
    // `left` in the first `column` columns, `text` wrapped to the width beside it.
    std::string row(const std::string& left, const std::string& text) const;
    int width_;
    int column_;
};

}  // namespace crm::cli
