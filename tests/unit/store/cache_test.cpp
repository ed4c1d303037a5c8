#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "crm/schema/cache_bytes.hpp"
#include "crm/store/cache.hpp"

namespace fs = std::filesystem;
using namespace crm;
using namespace crm::store;

namespace {

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::path(CRM_TEST_TMPDIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir / ".crm");
    return dir;
}

Visit sample_visit() {
    Visit v;
    v.date = Date::from_days(20000);
    v.by = "Alice Smith";
    v.kind = "call";
    v.where = "their office, 3rd floor";
    v.initiated_by = "them";
    v.with = {"Bob Jones", "Carol"};
    v.discussed = {"the new warehouse roof", "fees"};
    v.new_topics = {"solar panels"};
    v.promises = {{"send the drawings", Date::from_days(20007), std::nullopt},
                  {"call the surveyor", std::nullopt, Date::from_days(20001)}};
    v.actions = {{"book the site visit", Date::from_days(20010), std::nullopt}};
    v.next_contact = Date::from_days(20030);
    v.notes = "Long notes\nover two lines, with ünïcode.";
    v.custom = {{"budget", "40k"}};
    return v;
}

Review sample_review() {
    Review r;
    r.date = Date::from_days(20100);
    r.by = "Bob";
    r.project = "Roof";
    r.rating = Rating::unhappy;
    r.why = "late drawings";
    r.went_well = {"site work"};
    r.to_improve = {"timing", "billing"};
    r.testimonial = "";
    r.referrals = {"Dana"};
    r.custom = {{"x", "y"}};
    return r;
}

Opportunity sample_opportunity() {
    Opportunity o;
    o.title = "Depot expansion stage 2";
    o.by = "Alice Smith";
    o.owner = "Bob Jones";
    o.stage = "rfp";
    o.rfp_since = Date::from_days(20050);
    o.value = Money{12500.5};
    o.probability = Percent{100};
    o.engaged = Date::from_days(19990);
    o.rfp_expected = Date::from_days(20060);
    o.decision_expected = Date::from_days(20090);
    o.next_step = "Site walk";
    o.next_step_due = Date::from_days(20055);
    o.won = Date::from_days(20100);
    o.lost_reason = "price";
    o.notes = "Depot manager is new.\nKeen on early works.";
    o.custom = {{"sector", "transport"}};
    return o;
}

Client sample_client() {
    Client c;
    c.name = "Acme Ltd";
    c.stage = "active";
    c.tier = "gold";
    c.every = Cadence{Duration{2, Duration::Unit::weeks}};
    c.owner = "Alice Smith";
    c.since = Date::from_days(19000);
    c.ratings.potential = 3;
    c.contacts = {{"Bob Jones", "CEO", "bob@acme.test", "+1 555", "likes golf"}};
    c.tags = {"construction"};
    c.watchers = {"Carol"};
    c.notes = "Big client";
    c.custom = {{"vat", "GB123"}};
    return c;
}

void check_commitments(const std::vector<Commitment>& a, const std::vector<Commitment>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].what == b[i].what);
        CHECK(a[i].due == b[i].due);
        CHECK(a[i].done == b[i].done);
    }
}

void check_same(const Visit& a, const Visit& b) {
    CHECK(a.date == b.date);
    CHECK(a.by == b.by);
    CHECK(a.kind == b.kind);
    CHECK(a.where == b.where);
    CHECK(a.initiated_by == b.initiated_by);
    CHECK(a.with == b.with);
    CHECK(a.discussed == b.discussed);
    CHECK(a.new_topics == b.new_topics);
    check_commitments(a.promises, b.promises);
    check_commitments(a.actions, b.actions);
    CHECK(a.next_contact == b.next_contact);
    CHECK(a.notes == b.notes);
    CHECK(a.custom == b.custom);
}

void check_same(const Review& a, const Review& b) {
    CHECK(a.date == b.date);
    CHECK(a.by == b.by);
    CHECK(a.project == b.project);
    CHECK(a.rating == b.rating);
    CHECK(a.why == b.why);
    CHECK(a.went_well == b.went_well);
    CHECK(a.to_improve == b.to_improve);
    CHECK(a.testimonial == b.testimonial);
    CHECK(a.referrals == b.referrals);
    CHECK(a.custom == b.custom);
}

void check_same(const Client& a, const Client& b) {
    CHECK(a.name == b.name);
    CHECK(a.stage == b.stage);
    CHECK(a.tier == b.tier);
    CHECK(a.every.has_value() == b.every.has_value());
    if (a.every && b.every)
        CHECK(a.every->str() == b.every->str());
    CHECK(a.owner == b.owner);
    CHECK(a.since == b.since);
    CHECK(a.stage_since == b.stage_since);
    CHECK(a.ratings.potential == b.ratings.potential);
    CHECK(a.ratings.compatibility == b.ratings.compatibility);
    REQUIRE(a.contacts.size() == b.contacts.size());
    for (std::size_t i = 0; i < a.contacts.size(); ++i) {
        CHECK(a.contacts[i].name == b.contacts[i].name);
        CHECK(a.contacts[i].email == b.contacts[i].email);
        CHECK(a.contacts[i].notes == b.contacts[i].notes);
    }
    CHECK(a.tags == b.tags);
    CHECK(a.watchers == b.watchers);
    CHECK(a.notes == b.notes);
    CHECK(a.custom == b.custom);
}

void check_same(const Opportunity& a, const Opportunity& b) {
    CHECK(a.title == b.title);
    CHECK(a.by == b.by);
    CHECK(a.owner == b.owner);
    CHECK(a.stage == b.stage);
    CHECK(a.rfp_since == b.rfp_since);
    CHECK(a.value == b.value);
    CHECK(a.probability == b.probability);
    CHECK(a.engaged == b.engaged);
    CHECK(a.rfp_expected == b.rfp_expected);
    CHECK(a.decision_expected == b.decision_expected);
    CHECK(a.next_step == b.next_step);
    CHECK(a.next_step_due == b.next_step_due);
    CHECK(a.won == b.won);
    CHECK(a.lost == b.lost);
    CHECK(a.lost_reason == b.lost_reason);
    CHECK(a.notes == b.notes);
    CHECK(a.custom == b.custom);
}

template <class Record>
void check_round_trip(const Record& original) {
    std::string summary, detail;
    schema::encode(original, summary, detail);
    Record full;
    REQUIRE(schema::decode_summary(summary, full));
    REQUIRE(schema::decode_detail(detail, full));
    check_same(full, original);

    Record lean;
    REQUIRE(schema::decode_summary(summary, lean));
    Record dropped = original;
    schema::drop_detail(dropped);
    check_same(lean, dropped);
}

const FileStamp kStamp{120, 1700000000123456789, 42};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void spit(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

// A cache of one client, two visits and a review, as a first run writes it.
fs::path write_first_cache(const std::string& name) {
    const fs::path root = fresh_dir(name);
    RecordCache none;
    CacheBuilder b(none);
    b.add("clients/acme/client.yaml", kStamp, sample_client());
    b.add("clients/acme/visits/a.yaml", kStamp, sample_visit());
    Visit second = sample_visit();
    second.notes = "second";
    b.add("clients/acme/visits/b.yaml", FileStamp{7, 8, 9}, second);
    b.add("clients/acme/reviews/r.yaml", kStamp, sample_review());
    REQUIRE(b.changed());
    b.save(root, ".crm/cache");
    return root;
}

}  // namespace

TEST_CASE("cache codec: full records round-trip; a summary leaves exactly the detail out") {
    check_round_trip(sample_visit());
    check_round_trip(sample_review());
    check_round_trip(sample_client());
    check_round_trip(sample_opportunity());
    check_round_trip(Visit{});
    check_round_trip(Opportunity{});
    check_round_trip(Review{});
    check_round_trip(Client{});
}

TEST_CASE("cache codec: bytes of another kind of record, or with anything extra, are refused") {
    std::string summary, detail;
    schema::encode(sample_visit(), summary, detail);
    Review r;
    Client c;
    CHECK_FALSE(schema::decode_summary(summary, r));
    CHECK_FALSE(schema::decode_summary(summary, c));
    Visit v;
    CHECK_FALSE(schema::decode_summary(summary + "x", v));
    CHECK_FALSE(schema::decode_summary(summary.substr(0, summary.size() - 1), v));
    CHECK_FALSE(schema::decode_detail(detail.substr(0, detail.size() - 1), v));
    Opportunity o;
    CHECK_FALSE(schema::decode_summary(summary, o));
    std::string os, od;
    schema::encode(sample_opportunity(), os, od);
    CHECK_FALSE(schema::decode_summary(os, v));
    // A probability past 100 is no byte the encoder writes: found where 100 and 99 differ.
    Opportunity other = sample_opportunity();
    other.probability = Percent{99};
    std::string os99, od99;
    schema::encode(other, os99, od99);
    REQUIRE(os.size() == os99.size());
    std::size_t at = 0;
    while (os[at] == os99[at])
        ++at;
    std::string bad = os;
    bad[at] = static_cast<char>(102);
    CHECK_FALSE(schema::decode_summary(bad, o));
    bad[at] = static_cast<char>(101);
    CHECK(schema::decode_summary(bad, o));
}

TEST_CASE("record cache: what was saved is found by path and stamp, in any order") {
    const fs::path root = write_first_cache("cache-find");
    RecordCache cache = RecordCache::open(root / ".crm/cache");
    RecordCache::Cursor at;
    REQUIRE(cache.size() == 4);

    auto client = cache.find("clients/acme/client.yaml", kStamp, at);
    REQUIRE(client);
    Client c;
    REQUIRE(cache.read(*client, c, Detail::full));
    check_same(c, sample_client());

    // Out of walk order: found all the same.
    auto review = cache.find("clients/acme/reviews/r.yaml", kStamp, at);
    REQUIRE(review);
    Review r;
    REQUIRE(cache.read(*review, r, Detail::full));
    check_same(r, sample_review());
    Visit wrong_kind;
    CHECK_FALSE(cache.read(*review, wrong_kind, Detail::full));

    auto visit = cache.find("clients/acme/visits/b.yaml", FileStamp{7, 8, 9}, at);
    REQUIRE(visit);
    Visit lean;
    REQUIRE(cache.read(*visit, lean, Detail::summary));
    CHECK(lean.notes.empty());
    CHECK(lean.promises.size() == 2);
    Visit full;
    REQUIRE(cache.read(*visit, full, Detail::full));
    CHECK(full.notes == "second");

    CHECK_FALSE(
        cache.find("clients/acme/visits/a.yaml", FileStamp{120, 1700000000123456789, 43}, at));
    CHECK_FALSE(
        cache.find("clients/acme/visits/a.yaml", FileStamp{121, 1700000000123456789, 42}, at));
    CHECK_FALSE(cache.find("clients/acme/visits/new.yaml", kStamp, at));
}

TEST_CASE("record cache: a next generation keeps unchanged entries and adds new ones") {
    const fs::path root = write_first_cache("cache-generations");
    {
        RecordCache cache = RecordCache::open(root / ".crm/cache");
        RecordCache::Cursor at;
        CacheBuilder next(cache);
        next.keep(*cache.find("clients/acme/client.yaml", kStamp, at));
        next.keep(*cache.find("clients/acme/visits/a.yaml", kStamp, at));
        next.keep(*cache.find("clients/acme/visits/b.yaml", FileStamp{7, 8, 9}, at));
        next.keep(*cache.find("clients/acme/reviews/r.yaml", kStamp, at));
        CHECK_FALSE(next.changed());  // nothing to write on a warm run

        CacheBuilder edited(cache);
        edited.keep(0);
        Visit changed = sample_visit();
        changed.notes = "edited by hand";
        edited.add("clients/acme/visits/a.yaml", FileStamp{130, 5, 42}, changed);
        edited.keep(3);  // b.yaml was deleted: not kept
        Visit added = sample_visit();
        added.by = "Carol";
        edited.add("clients/acme/visits/c.yaml", kStamp, added);
        CHECK(edited.changed());
        edited.save(root, ".crm/cache");
    }
    RecordCache cache = RecordCache::open(root / ".crm/cache");
    RecordCache::Cursor at;
    REQUIRE(cache.size() == 4);
    CHECK_FALSE(cache.find("clients/acme/visits/b.yaml", FileStamp{7, 8, 9}, at));
    Visit a, c;
    REQUIRE(cache.read(*cache.find("clients/acme/visits/a.yaml", FileStamp{130, 5, 42}, at), a,
                       Detail::full));
    CHECK(a.notes == "edited by hand");
    REQUIRE(cache.read(*cache.find("clients/acme/visits/c.yaml", kStamp, at), c, Detail::full));
    CHECK(c.by == "Carol");
    Review r;
    REQUIRE(cache.read(*cache.find("clients/acme/reviews/r.yaml", kStamp, at), r, Detail::full));
    check_same(r, sample_review());
}

TEST_CASE("record cache: a damaged, truncated or foreign file is an empty cache") {
    const fs::path root = write_first_cache("cache-damage");
    const fs::path file = root / ".crm/cache";
    const std::string good = slurp(file);

    spit(file, good.substr(0, good.size() - 3));
    CHECK(RecordCache::open(file).size() == 0);
    spit(file, good.substr(0, 30));
    CHECK(RecordCache::open(file).size() == 0);
    spit(file, "");
    CHECK(RecordCache::open(file).size() == 0);

    std::string old_version = good;
    old_version[8] = 1;
    spit(file, old_version);
    CHECK(RecordCache::open(file).size() == 0);

    // A flipped byte in the summary section (the first path) fails its checksum.
    std::string flipped = good;
    flipped[56 + 4] ^= 0x20;
    spit(file, flipped);
    CHECK(RecordCache::open(file).size() == 0);

    spit(file, good);
    CHECK(RecordCache::open(file).size() == 4);
    fs::remove(file);
    CHECK(RecordCache::open(file).size() == 0);
}

TEST_CASE("record cache: a damaged detail section is never read nor carried over") {
    const fs::path root = write_first_cache("cache-detail-damage");
    const fs::path file = root / ".crm/cache";
    std::string bytes = slurp(file);
    bytes[bytes.size() - 2] ^= 0x01;  // inside the last visit's detail
    spit(file, bytes);

    RecordCache cache = RecordCache::open(file);
    RecordCache::Cursor at;
    REQUIRE(cache.size() == 4);
    auto i = cache.find("clients/acme/visits/a.yaml", kStamp, at);
    REQUIRE(i);
    Visit lean, full;
    CHECK(cache.read(*i, lean, Detail::summary));  // the summary is intact
    CHECK_FALSE(cache.read(*i, full, Detail::full));

    CacheBuilder next(cache);
    next.keep(*i);
    next.add("clients/acme/visits/z.yaml", kStamp, sample_visit());
    next.save(root, ".crm/cache");
    CHECK_FALSE(fs::exists(file));
}

TEST_CASE("record cache: parts built by separate walkers join in order") {
    const fs::path root = write_first_cache("cache-append");
    {
        RecordCache cache = RecordCache::open(root / ".crm/cache");
        RecordCache::Cursor first_at, second_at;
        CacheBuilder first(cache);
        first.keep(*cache.find("clients/acme/client.yaml", kStamp, first_at));
        Visit edited = sample_visit();
        edited.notes = "from the first walker";
        first.add("clients/acme/visits/a.yaml", FileStamp{1, 2, 3}, edited);

        CacheBuilder second(cache);  // starts in the middle of the cache
        second.keep(*cache.find("clients/acme/visits/b.yaml", FileStamp{7, 8, 9}, second_at));
        Visit added = sample_visit();
        added.notes = "from the second walker";
        second.add("clients/acme/visits/c.yaml", kStamp, added);
        second.keep(*cache.find("clients/acme/reviews/r.yaml", kStamp, second_at));

        first.append(std::move(second));
        CHECK(first.changed());
        first.save(root, ".crm/cache");
    }
    RecordCache cache = RecordCache::open(root / ".crm/cache");
    REQUIRE(cache.size() == 5);
    RecordCache::Cursor at;
    Visit a, b, c;
    // Found in walk order: each lookup is the entry after the last.
    REQUIRE(cache.find("clients/acme/client.yaml", kStamp, at) == std::optional<std::size_t>(0));
    REQUIRE(cache.read(*cache.find("clients/acme/visits/a.yaml", FileStamp{1, 2, 3}, at), a,
                       Detail::full));
    CHECK(a.notes == "from the first walker");
    REQUIRE(cache.read(*cache.find("clients/acme/visits/b.yaml", FileStamp{7, 8, 9}, at), b,
                       Detail::full));
    CHECK(b.notes == "second");
    auto ci = cache.find("clients/acme/visits/c.yaml", kStamp, at);
    REQUIRE(ci == std::optional<std::size_t>(3));
    REQUIRE(cache.read(*ci, c, Detail::full));
    CHECK(c.notes == "from the second walker");
    CHECK(cache.find("clients/acme/reviews/r.yaml", kStamp, at) == std::optional<std::size_t>(4));
}
