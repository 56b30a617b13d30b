#include "text/text_normalizer.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "common/utf8.h"

namespace sobremesa::text {
namespace {

constexpr auto kOptions =
    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                   UTF8PROC_IGNORE | UTF8PROC_STRIPCC | UTF8PROC_NLF2LF);

// Bytes of the character at `i` if NFC and case folding change it at most
// by a fixed rule: printable ASCII (A-Z fold to a-z), "¡", "¿" and the
// Latin-1 letters U+00C0-U+00FF but "ß" (folds to "ss"); 0 for any other.
std::size_t SimpleCharLength(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b >= 0x20 && b < 0x7F) return 1;
  if (i + 1 >= text.size()) return 0;
  const auto c = static_cast<unsigned char>(text[i + 1]);
  if (b == 0xC2 && (c == 0xA1 || c == 0xBF)) return 2;
  if (b == 0xC3 && c >= 0x80 && c <= 0xBF && c != 0x9F) return 2;
  return 0;
}

// A simple character stays as the fast rule says unless a combining mark
// follows it, maybe behind controls or ignorables that are dropped first
// (NFC would compose the two). So the next character must be simple too:
// simple characters are never marks and never dropped.
std::size_t FastCharLength(std::string_view text, std::size_t i) {
  const std::size_t n = SimpleCharLength(text, i);
  if (n == 0) return 0;
  const std::size_t next = i + n;
  return next == text.size() || SimpleCharLength(text, next) > 0 ? n : 0;
}

void AppendFolded(std::string_view text, std::size_t i, std::size_t n, std::string& out) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (n == 1) {
    out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
    return;
  }
  const auto c = static_cast<unsigned char>(text[i + 1]);
  out.push_back(static_cast<char>(b));
  // À-Þ (but ×) fold to à-þ: the second byte moves by 0x20.
  const bool upper = b == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97;
  out.push_back(static_cast<char>(upper ? c + 0x20 : c));
}

Status AppendMapped(std::string_view segment, std::string& out) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(segment.data()),
                   static_cast<utf8proc_ssize_t>(segment.size()), &mapped, kOptions);
  if (n < 0) {
    return Status::InvalidArgument(std::string("text cannot be normalised: ") + utf8proc_errmsg(n));
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  out.append(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  return Status::Ok();
}

}  // namespace

StatusOr<std::string> NormalizeText(std::string_view text) {
  if (text.size() > kMaxTextBytes) {
    return Status::ResourceExhausted("text is " + std::to_string(text.size()) +
                                     " bytes; the limit is " + std::to_string(kMaxTextBytes));
  }
  // Validate first so the error names the offending byte offset.
  RETURN_IF_ERROR(ValidateUtf8(text, "text"));
  // Most review text is ASCII and precomposed Latin-1 letters: those are
  // folded here; utf8proc maps only the stretches between them (a fast
  // character never composes with its neighbours, so the result is that
  // of utf8proc_map on the whole text, as text_normalizer_test checks).
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t n = FastCharLength(text, i); n > 0) {
      AppendFolded(text, i, n, out);
      i += n;
      continue;
    }
    std::size_t j = i + 1;
    while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
    while (j < text.size() && FastCharLength(text, j) == 0) ++j;
    RETURN_IF_ERROR(AppendMapped(text.substr(i, j - i), out));
    i = j;
  }
  return out;
}

}  // namespace sobremesa::text
