#pragma once
// The record cache's file layout (cache.hpp) and its checksum: what the reader
// (cache.cpp) and the writer (cache_builder.cpp) share. Internal to the store.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace crm::store::cache_format {

// Bump when the layout of this file changes; the records' layout is the schemas'
// fingerprint, stored beside it. Either differing, the old cache is rebuilt.
constexpr char kMagic[8] = {'C', 'R', 'M', 'C', 'A', 'C', 'H', 'E'};
constexpr std::uint32_t kVersion = 5;
constexpr std::size_t kMaxCacheSize = 1024u * 1024 * 1024;

struct Header {
    char magic[8];
    std::uint32_t version;
    std::uint32_t layout;  // schema::layout_fingerprint()
    std::uint64_t entries;
    std::uint64_t summary_size;
    std::uint64_t detail_size;
    std::uint64_t summary_checksum;
    std::uint64_t detail_checksum;
};
static_assert(sizeof(Header) == 56);

// A checksum that reads eight bytes at a time: a byte-wise hash of the 25 MB cache of a
// firm's folder would cost more than the rest of a warm run. Each step is a bijection
// of the running value, so any one changed word changes the result.
class Checksum {
  public:
    void update(std::string_view data) {
        length_ += data.size();
        while (!data.empty() && pending_ != 0) {
            take_byte(static_cast<unsigned char>(data.front()));
            data.remove_prefix(1);
        }
        while (data.size() >= 8) {
            std::uint64_t word;
            std::memcpy(&word, data.data(), 8);
            mix(word);
            data.remove_prefix(8);
        }
        for (char c : data)
            take_byte(static_cast<unsigned char>(c));
    }
    std::uint64_t value() const {
        std::uint64_t h = (hash_ ^ word_ ^ length_) * kPrime;
        return h ^ (h >> 32);
    }

  private:
    static constexpr std::uint64_t kPrime = 0x100000001b3ull * 0x9E3779B1ull | 1;
    void mix(std::uint64_t word) { hash_ = (hash_ ^ word) * kPrime; }
    void take_byte(unsigned char c) {
        word_ |= static_cast<std::uint64_t>(c) << (8 * pending_);
        if (++pending_ == 8) {
            mix(word_);
            word_ = 0;
            pending_ = 0;
        }
    }
    std::uint64_t hash_ = 0xcbf29ce484222325ull;
    std::uint64_t word_ = 0;
    unsigned pending_ = 0;
    std::uint64_t length_ = 0;
};

}  // namespace crm::store::cache_format
