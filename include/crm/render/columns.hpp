#pragma once
// A report's columns described once, for every format it is written in: the terminal
// table (laid out by table_layout.hpp's roles), CSV, JSON and Markdown. A column with a
// `key` is in CSV and JSON under that name; one with a `header` is in the table and in
// Markdown under it; most have both. A new column is one entry, and every format has
// it. A report whose JSON is richer than a table (nested objects) keeps its own JSON
// writer and says so where it does.
#include <functional>
#include <string>
#include <vector>

#include "crm/formats/json.hpp"
#include "crm/render/style.hpp"
#include "crm/render/table.hpp"
#include "crm/render/table_layout.hpp"

namespace crm::render {

template <class Row>
struct Column {
    using CellOf = std::function<Cell(const Row&)>;
    using TextOf = std::function<std::string(const Row&)>;
    using JsonOf = std::function<formats::Json(const Row&)>;

    Column(std::string key_, std::string header_, ColumnFit fit_, CellOf cell_,
           TextOf text_ = nullptr, JsonOf json_ = nullptr)
        : key(std::move(key_)),
          header(std::move(header_)),
          fit(std::move(fit_)),
          cell(std::move(cell_)),
          text(std::move(text_)),
          json(std::move(json_)) {}

    std::string key;     // JSON and CSV name; empty: for people only
    std::string header;  // table and Markdown heading; empty: for programs only
    ColumnFit fit;       // its role, and how it gives way on a narrow terminal
    CellOf cell;
    // The value programs read, when it is not the cell's text (CSV: "yes", "" for none).
    TextOf text;
    // The JSON value, when it is not `text` as a string (a number, a bool, null).
    JsonOf json;
};

template <class Row>
using Columns = std::vector<Column<Row>>;

// The untyped forms the renderings work on (columns.cpp).
std::string csv_rows(const std::vector<std::string>& keys,
                     const std::vector<std::vector<std::string>>& rows);
std::string markdown_rows(const std::vector<std::string>& headers,
                          const std::vector<std::vector<std::string>>& rows);
// "LAST CONTACT" as Markdown heads it: "Last contact".
std::string markdown_heading(const std::string& header);

namespace detail {

template <class Row>
std::string machine_text(const Column<Row>& c, const Row& r) {
    if (c.text)
        return c.text(r);
    return c.cell ? c.cell(r).text : std::string();
}

}  // namespace detail

// The terminal table, its heading and each row's lines apart (a report puts titles
// between them).
template <class Row>
TableText table_text(const std::vector<Row>& rows, const Columns<Row>& cols, const Styler& st,
                     int width) {
    std::vector<std::string> headers;
    std::vector<ColumnFit> fits;
    for (const auto& c : cols) {
        if (c.header.empty())
            continue;
        headers.push_back(c.header);
        fits.push_back(c.fit);
    }
    std::vector<std::vector<Cell>> cells;
    cells.reserve(rows.size());
    for (const Row& r : rows) {
        cells.emplace_back();
        for (const auto& c : cols)
            if (!c.header.empty())
                cells.back().push_back(c.cell ? c.cell(r) : Cell{});
    }
    return lay_out(headers, fits, cells, st, width);
}

template <class Row>
std::string table(const std::vector<Row>& rows, const Columns<Row>& cols, const Styler& st,
                  int width) {
    return table_text(rows, cols, st, width).str();
}

template <class Row>
std::string csv(const std::vector<Row>& rows, const Columns<Row>& cols) {
    std::vector<std::string> keys;
    for (const auto& c : cols)
        if (!c.key.empty())
            keys.push_back(c.key);
    std::vector<std::vector<std::string>> out;
    out.reserve(rows.size());
    for (const Row& r : rows) {
        out.emplace_back();
        for (const auto& c : cols)
            if (!c.key.empty())
                out.back().push_back(detail::machine_text(c, r));
    }
    return csv_rows(keys, out);
}

template <class Row>
formats::Json json_object(const Row& r, const Columns<Row>& cols) {
    formats::Json j = formats::Json::object();
    for (const auto& c : cols) {
        if (c.key.empty())
            continue;
        j[c.key] = c.json ? c.json(r) : formats::Json(detail::machine_text(c, r));
    }
    return j;
}

template <class Row>
formats::Json json_array(const std::vector<Row>& rows, const Columns<Row>& cols) {
    formats::Json arr = formats::Json::array();
    for (const Row& r : rows)
        arr.push_back(json_object(r, cols));
    return arr;
}

template <class Row>
std::string json(const std::vector<Row>& rows, const Columns<Row>& cols) {
    return formats::dump(json_array(rows, cols));
}

template <class Row>
std::string markdown(const std::vector<Row>& rows, const Columns<Row>& cols) {
    std::vector<std::string> headers;
    for (const auto& c : cols)
        if (!c.header.empty())
            headers.push_back(markdown_heading(c.header));
    std::vector<std::vector<std::string>> out;
    out.reserve(rows.size());
    for (const Row& r : rows) {
        out.emplace_back();
        for (const auto& c : cols)
            if (!c.header.empty())
                out.back().push_back(c.cell ? c.cell(r).text : std::string());
    }
    return markdown_rows(headers, out);
}

}  // namespace crm::render
