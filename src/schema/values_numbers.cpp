// The values of opportunities and their settings: a fee (Money), a percentage, and the
// ordered map of open stages to their default probability. Read, written and encoded
// here, as values_read.cpp and values_write.cpp do for the other kinds.
#include <bit>
#include <cmath>

#include "crm/model/opportunity.hpp"
#include "crm/schema/values.hpp"
#include "crm/util/format.hpp"

namespace crm::schema {

namespace {

using yaml::Node;

constexpr std::string_view kMoneyHint =
    "write a plain number without separators or currency, such as 180000 or 12500.50";
constexpr std::string_view kPercentHint = "a probability is a whole number from 0 to 100";

std::optional<Percent> percent_of(const Node& n, const std::string& key, Problems& p) {
    if (n.is_scalar())
        if (auto pc = parse_percent(n.value))
            return pc;
    p.add(n, fmt::format("{}: '{}' is not a percentage from 0 to 100", key, node_text(n)),
          std::string(kPercentHint));
    return std::nullopt;
}

}  // namespace

// -- a fee ---------------------------------------------------------------------------
void read_value(const Node& n, const std::string& key, std::optional<Money>& out, Problems& p) {
    out.reset();
    if (n.is_null())
        return;
    if (n.is_scalar())
        if ((out = parse_money(n.value)))
            return;
    p.add(n, fmt::format("{}: '{}' is not a non-negative number", key, node_text(n)),
          std::string(kMoneyHint));
}
void write_value(yaml::Writer& w, std::string_view key, const std::optional<Money>& v, Style) {
    if (v)
        w.raw(key, money_text(*v));
}
void encode(BinaryWriter& w, const std::optional<Money>& v) {
    w.u8(v ? 1 : 0);
    if (v)
        w.u64(std::bit_cast<std::uint64_t>(v->amount));
}
void decode(BinaryReader& r, std::optional<Money>& v) {
    switch (r.u8()) {
        case 0:
            v.reset();
            break;
        case 1: {
            const double amount = std::bit_cast<double>(r.u64());
            if (!std::isfinite(amount) || amount < 0)
                r.fail();
            v = Money{amount};
            break;
        }
        default:
            r.fail();
    }
}
bool is_empty(const std::optional<Money>& v) {
    return !v;
}

// -- a probability -------------------------------------------------------------------
void read_value(const Node& n, const std::string& key, std::optional<Percent>& out, Problems& p) {
    out = n.is_null() ? std::nullopt : percent_of(n, key, p);
}
void write_value(yaml::Writer& w, std::string_view key, const std::optional<Percent>& v, Style) {
    if (v)
        w.raw(key, std::to_string(v->points));
}
void encode(BinaryWriter& w, const std::optional<Percent>& v) {
    w.u8(v ? static_cast<std::uint8_t>(v->points + 1) : 0);
}
void decode(BinaryReader& r, std::optional<Percent>& v) {
    const std::uint8_t b = r.u8();
    if (b > 101)
        r.fail();
    v = b == 0 ? std::nullopt : std::optional<Percent>(Percent{b - 1});
}
bool is_empty(const std::optional<Percent>& v) {
    return !v;
}

// -- the open stages of opportunities, in order --------------------------------------
void read_value(const Node& n, const std::string& key, std::vector<OpportunityStage>& out,
                Problems& p) {
    if (!n.is_map()) {
        p.add(n,
              fmt::format("{}: expected a map of stages to probabilities, such as  pre-scoping: 10",
                          key));
        return;
    }
    out.clear();
    for (const auto& [k, v] : n.entries) {
        if (k.value == kWonStage || k.value == kLostStage) {
            p.add(k, fmt::format("{}: '{}' is not an open stage", key, k.value),
                  "won and lost end an opportunity; list only the stages before them");
            continue;
        }
        const auto probability = percent_of(v, fmt::format("{}.{}", key, k.value), p);
        out.push_back({k.value, probability ? probability->points : 0});
    }
}
void write_value(yaml::Writer& w, std::string_view key, const std::vector<OpportunityStage>& v,
                 Style) {
    w.open(key);
    for (const auto& st : v)
        w.raw(st.name, std::to_string(st.probability));
    w.close();
}
void encode(BinaryWriter& w, const std::vector<OpportunityStage>& v) {
    w.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& st : v) {
        w.str(st.name);
        w.u8(static_cast<std::uint8_t>(st.probability));
    }
}
void decode(BinaryReader& r, std::vector<OpportunityStage>& v) {
    v.resize(r.count());
    for (auto& st : v) {
        st.name = r.str();
        st.probability = r.u8();
    }
}
bool is_empty(const std::vector<OpportunityStage>& v) {
    return v.empty();
}

}  // namespace crm::schema
