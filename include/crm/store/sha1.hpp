#pragma once
// SHA-1, for computing git object ids in-process (git_tree.hpp). Not for security:
// git itself checks every id crm computes before anything refers to it.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace crm::store {

class Sha1 {
  public:
    Sha1();
    void update(std::string_view data);
    // The 20-byte digest. The object must not be updated afterwards.
    std::array<std::uint8_t, 20> finish();

  private:
    void block(const std::uint8_t* p);
    std::array<std::uint32_t, 5> h_;
    std::array<std::uint8_t, 64> buf_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;  // bytes
};

// The digest of `data` as 40 lowercase hex digits.
std::string sha1_hex(std::string_view data);

}  // namespace crm::store
