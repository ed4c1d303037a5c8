#pragma once
// The step every edit ends with: parse the edited text and compare it with the tree the
// change should give; anything else is refused and the caller writes nothing.
#include <exception>
#include <string>
#include <string_view>
#include <utility>

#include "crm/yaml/tree.hpp"

namespace crm::yaml {

// True when two trees hold the same data: kinds, values, key order, and whether each
// scalar (key or value) was written bare. Positions are ignored.
//
// Bareness counts because the files are read by more than crm: to a YAML 1.1 reader
// (PyYAML, a spreadsheet import) bare `yes`, `017` or `2026-01-01` are a boolean, a number
// and a date, quoted they are text, while crm's reader gives the same string for both.
// An edit that unquoted or quoted a value it did not mean to touch has changed that value.
// Nulls are equal however written (`key:`, `~`, `null` mean nothing to every reader).
bool same_tree(const Node& a, const Node& b);

// Inside the yaml layer. Why an edit cannot be made safely, at the place it concerns
// (a zero Mark when none); each public edit turns it into the error it documents.
struct Refusal : std::exception {
    Refusal(Mark m, std::string p) : mark(m), problem(std::move(p)) {}
    const char* what() const noexcept override { return problem.c_str(); }
    Mark mark;
    std::string problem;
};
[[noreturn]] void refuse(std::string problem, Mark mark = {});

// The scalar that `form`, a YAML scalar crm wrote on one line, reads back as: `value`,
// bare unless `form` starts with a quote (or a block scalar's | or >).
Node written_scalar(std::string_view form, std::string value);

// Throws Refusal unless `edited` parses (naming `file`) to exactly `expected`.
void check_edit(std::string_view edited, const std::string& file, const Node& expected);

}  // namespace crm::yaml
