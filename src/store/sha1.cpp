#include "crm/store/sha1.hpp"

#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#define CRM_SHA_NI 1
#endif

namespace crm::store {

namespace {

std::uint32_t rotl(std::uint32_t x, int n) {
    return (x << n) | (x >> (32 - n));
}

#ifdef CRM_SHA_NI
// The x86 SHA extensions: several times faster, which matters for hashing git's index
// (8 MB in a firm's folder). Four rounds per instruction; the message schedule is
// computed four words at a time.
bool have_sha_ni() {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3))
        return false;
    return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
}

__attribute__((target("sha,sse4.1,ssse3"))) void blocks_sha_ni(std::uint32_t* h,
                                                               const std::uint8_t* p,
                                                               std::size_t n) {
    const __m128i order = _mm_set_epi64x(0x0001020304050607LL, 0x08090a0b0c0d0e0fLL);
    __m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(h)), 0x1B);
    __m128i e0 = _mm_set_epi32(static_cast<int>(h[4]), 0, 0, 0);
    for (; n > 0; --n, p += 64) {
        const __m128i abcd_save = abcd, e0_save = e0;
        __m128i m[4];
        for (int i = 0; i < 4; ++i)
            m[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i)),
                                    order);
        __m128i e1;
        // Rounds 0-11: the schedule starts.
        e0 = _mm_add_epi32(e0, m[0]);
        e1 = abcd;
        abcd = _mm_sha1rnds4_epu32(abcd, e0, 0);
        e1 = _mm_sha1nexte_epu32(e1, m[1]);
        e0 = abcd;
        abcd = _mm_sha1rnds4_epu32(abcd, e1, 0);
        m[0] = _mm_sha1msg1_epu32(m[0], m[1]);
        e0 = _mm_sha1nexte_epu32(e0, m[2]);
        e1 = abcd;
        abcd = _mm_sha1rnds4_epu32(abcd, e0, 0);
        m[1] = _mm_sha1msg1_epu32(m[1], m[2]);
        m[0] = _mm_xor_si128(m[0], m[2]);
        // Rounds 12-67: the steady state.
        for (int k = 3; k <= 16; ++k) {
            __m128i& mi = m[k % 4];
            __m128i& mj = m[(k + 1) % 4];
            __m128i& mk = m[(k + 2) % 4];
            __m128i& ml = m[(k + 3) % 4];
            __m128i& ei = k % 2 ? e1 : e0;
            __m128i& ej = k % 2 ? e0 : e1;
            ei = _mm_sha1nexte_epu32(ei, mi);
            ej = abcd;
            mj = _mm_sha1msg2_epu32(mj, mi);
            switch (k / 5) {  // the round function's selector must be a constant
                case 0:
                    abcd = _mm_sha1rnds4_epu32(abcd, ei, 0);
                    break;
                case 1:
                    abcd = _mm_sha1rnds4_epu32(abcd, ei, 1);
                    break;
                case 2:
                    abcd = _mm_sha1rnds4_epu32(abcd, ei, 2);
                    break;
                default:
                    abcd = _mm_sha1rnds4_epu32(abcd, ei, 3);
            }
            ml = _mm_sha1msg1_epu32(ml, mi);
            mk = _mm_xor_si128(mk, mi);
        }
        // Rounds 68-79: the schedule ends.
        e1 = _mm_sha1nexte_epu32(e1, m[1]);
        e0 = abcd;
        m[2] = _mm_sha1msg2_epu32(m[2], m[1]);
        abcd = _mm_sha1rnds4_epu32(abcd, e1, 3);
        m[3] = _mm_xor_si128(m[3], m[1]);
        e0 = _mm_sha1nexte_epu32(e0, m[2]);
        e1 = abcd;
        m[3] = _mm_sha1msg2_epu32(m[3], m[2]);
        abcd = _mm_sha1rnds4_epu32(abcd, e0, 3);
        e1 = _mm_sha1nexte_epu32(e1, m[3]);
        e0 = abcd;
        abcd = _mm_sha1rnds4_epu32(abcd, e1, 3);
        e0 = _mm_sha1nexte_epu32(e0, e0_save);
        abcd = _mm_add_epi32(abcd, abcd_save);
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(h), _mm_shuffle_epi32(abcd, 0x1B));
    h[4] = static_cast<std::uint32_t>(_mm_extract_epi32(e0, 3));
}
#endif

}  // namespace

Sha1::Sha1() : h_{0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u} {}

void Sha1::block(const std::uint8_t* p) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i)
        w[i] = std::uint32_t(p[4 * i]) << 24 | std::uint32_t(p[4 * i + 1]) << 16 |
               std::uint32_t(p[4 * i + 2]) << 8 | std::uint32_t(p[4 * i + 3]);
    for (int i = 16; i < 80; ++i)
        w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4];
    for (int i = 0; i < 80; ++i) {
        std::uint32_t f, k;
        if (i < 20)
            f = (b & c) | (~b & d), k = 0x5A827999u;
        else if (i < 40)
            f = b ^ c ^ d, k = 0x6ED9EBA1u;
        else if (i < 60)
            f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDCu;
        else
            f = b ^ c ^ d, k = 0xCA62C1D6u;
        std::uint32_t t = rotl(a, 5) + f + e + k + w[i];
        e = d, d = c, c = rotl(b, 30), b = a, a = t;
    }
    h_[0] += a, h_[1] += b, h_[2] += c, h_[3] += d, h_[4] += e;
}

void Sha1::update(std::string_view data) {
    auto p = reinterpret_cast<const std::uint8_t*>(data.data());
    std::size_t n = data.size();
    length_ += n;
    if (buffered_ > 0) {
        std::size_t take = std::min(n, buf_.size() - buffered_);
        std::memcpy(buf_.data() + buffered_, p, take);
        buffered_ += take, p += take, n -= take;
        if (buffered_ < buf_.size())
            return;
        block(buf_.data());
        buffered_ = 0;
    }
#ifdef CRM_SHA_NI
    static const bool fast = have_sha_ni();
    if (fast && n >= 64) {
        blocks_sha_ni(h_.data(), p, n / 64);
        p += n / 64 * 64;
        n %= 64;
    }
#endif
    for (; n >= 64; p += 64, n -= 64)
        block(p);
    std::memcpy(buf_.data(), p, n);
    buffered_ = n;
}

std::array<std::uint8_t, 20> Sha1::finish() {
    const std::uint64_t bits = length_ * 8;
    static constexpr std::uint8_t kPad[64] = {0x80};
    update(std::string_view(reinterpret_cast<const char*>(kPad), 1 + (119 - buffered_) % 64));
    std::uint8_t len[8];
    for (int i = 0; i < 8; ++i)
        len[i] = std::uint8_t(bits >> (56 - 8 * i));
    update(std::string_view(reinterpret_cast<const char*>(len), 8));
    std::array<std::uint8_t, 20> out;
    for (int i = 0; i < 20; ++i)
        out[i] = std::uint8_t(h_[i / 4] >> (24 - 8 * (i % 4)));
    return out;
}

std::string sha1_hex(std::string_view data) {
    Sha1 s;
    s.update(data);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (std::uint8_t byte : s.finish()) {
        hex += kHex[byte >> 4];
        hex += kHex[byte & 15];
    }
    return hex;
}

}  // namespace crm::store
