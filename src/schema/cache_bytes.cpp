#include "crm/schema/cache_bytes.hpp"

#include "crm/schema/records.hpp"

#include "engine.hpp"

namespace crm::schema {

namespace {

template <class R>
void fingerprint(const Schema<R>& s, std::uint32_t& h) {
    auto mix = [&](std::string_view bytes) {
        for (unsigned char c : bytes)
            h = (h ^ c) * 16777619u;  // FNV-1a
    };
    mix(s.kind);
    mix(std::string(1, static_cast<char>(s.tag)));
    for (const auto& f : s.fields) {
        mix(f.key);
        const char type = static_cast<char>('a' + f.member.index());
        const char where = s.in_summary(f) ? 's' : 'd';
        mix(std::string{type, where});
    }
    mix(s.all_summary ? "custom:s" : "custom:d");
}

}  // namespace

void encode(const Client& c, std::string& summary, std::string& detail) {
    engine::encode(client_schema(), c, summary, detail);
}
void encode(const Visit& v, std::string& summary, std::string& detail) {
    engine::encode(visit_schema(), v, summary, detail);
}
void encode(const Review& r, std::string& summary, std::string& detail) {
    engine::encode(review_schema(), r, summary, detail);
}
void encode(const Opportunity& o, std::string& summary, std::string& detail) {
    engine::encode(opportunity_schema(), o, summary, detail);
}

bool decode_summary(std::string_view in, Client& c) {
    return engine::decode(client_schema(), in, c, true);
}
bool decode_summary(std::string_view in, Visit& v) {
    return engine::decode(visit_schema(), in, v, true);
}
bool decode_summary(std::string_view in, Review& r) {
    return engine::decode(review_schema(), in, r, true);
}
bool decode_summary(std::string_view in, Opportunity& o) {
    return engine::decode(opportunity_schema(), in, o, true);
}

bool decode_detail(std::string_view in, Client& c) {
    return engine::decode(client_schema(), in, c, false);
}
bool decode_detail(std::string_view in, Visit& v) {
    return engine::decode(visit_schema(), in, v, false);
}
bool decode_detail(std::string_view in, Review& r) {
    return engine::decode(review_schema(), in, r, false);
}
bool decode_detail(std::string_view in, Opportunity& o) {
    return engine::decode(opportunity_schema(), in, o, false);
}

void drop_detail(Client& c) {
    engine::drop_detail(client_schema(), c);
}
void drop_detail(Visit& v) {
    engine::drop_detail(visit_schema(), v);
}
void drop_detail(Review& r) {
    engine::drop_detail(review_schema(), r);
}
void drop_detail(Opportunity& o) {
    engine::drop_detail(opportunity_schema(), o);
}

std::uint32_t layout_fingerprint() {
    static const std::uint32_t kPrint = [] {
        std::uint32_t h = 2166136261u;
        fingerprint(client_schema(), h);
        fingerprint(visit_schema(), h);
        fingerprint(review_schema(), h);
        fingerprint(opportunity_schema(), h);
        return h;
    }();
    return kPrint;
}

}  // namespace crm::schema
