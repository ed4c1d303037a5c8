#pragma once
// The bytes the record cache stores a value as: little-endian fixed-width integers,
// strings with their length first. Reader fails (ok() false), never overruns, on any
// byte the writer would not have written, so a corrupt cache is noticed and rebuilt.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace crm::schema {

class BinaryWriter {
  public:
    explicit BinaryWriter(std::string& out) : out_(out) {}
    void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void u64(std::uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void str(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }

  private:
    std::string& out_;
};

class BinaryReader {
  public:
    explicit BinaryReader(std::string_view in) : in_(in) {}
    bool ok() const { return ok_; }
    bool finished() const { return ok_ && pos_ == in_.size(); }
    void fail() { ok_ = false; }

    std::uint8_t u8() {
        std::uint8_t v = 0;
        raw(&v, 1);
        return v;
    }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        raw(&v, sizeof v);
        return v;
    }
    std::uint64_t u64() {
        std::uint64_t v = 0;
        raw(&v, sizeof v);
        return v;
    }
    std::string str() {
        std::uint32_t n = u32();
        if (!ok_ || n > in_.size() - pos_) {
            ok_ = false;
            return {};
        }
        std::string s(in_.substr(pos_, n));
        pos_ += n;
        return s;
    }
    // A count can never exceed the bytes left; checking keeps corrupt bytes from asking
    // for gigabytes.
    std::size_t count() {
        std::uint32_t n = u32();
        if (!ok_ || n > in_.size() - pos_) {
            ok_ = false;
            return 0;
        }
        return n;
    }

  private:
    void raw(void* p, std::size_t n) {
        if (!ok_ || n > in_.size() - pos_) {
            ok_ = false;
            std::memset(p, 0, n);
            return;
        }
        std::memcpy(p, in_.data() + pos_, n);
        pos_ += n;
    }
    std::string_view in_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

}  // namespace crm::schema
