#pragma once
// The typed errors of crm. They are thrown anywhere below `app` and caught once in
// app/run.cpp, which prints `crm: error: ...` and maps them to exit codes:
// UsageError -> 2, everything else -> 1.
#include <stdexcept>
#include <string>

namespace crm {
inline namespace util {

class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& message, std::string hint = {})
        : std::runtime_error(message), hint_(std::move(hint)) {}
    // What the user can do about it; printed on a second line when not empty.
    const std::string& hint() const { return hint_; }

  private:
    std::string hint_;
};

// The command line was wrong: a bad option value, an unknown command. Exit 2.
class UsageError : public Error {
  public:
    using Error::Error;
};

// Something at run time went wrong (git failed, no folder, client not found). Exit 1.
class RuntimeError : public Error {
  public:
    using Error::Error;
};

// Where in a data file a problem is; line and column are 1-based, 0 when unknown.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
    std::string str() const;
};

// A data file is broken or holds a value crm cannot accept. Exit 1.
class DataError : public Error {
  public:
    DataError(SourceLocation where, const std::string& problem, std::string hint = {})
        : Error(where.str().empty() ? problem : where.str() + ": " + problem, std::move(hint)),
          where_(std::move(where)),
          problem_(problem) {}
    const SourceLocation& where() const { return where_; }
    const std::string& problem() const { return problem_; }

  private:
    SourceLocation where_;
    std::string problem_;
};

}  // namespace util
}  // namespace crm
