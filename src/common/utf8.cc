#include "common/utf8.h"

#include <utf8proc.h>

#include <string>

namespace sobremesa {

Status ValidateUtf8(std::string_view text, std::string_view what) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t offset = 0;
  while (left > 0) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t n = utf8proc_iterate(p + offset, left, &cp);
    if (n < 0) {
      return Status::InvalidArgument(std::string(what) + " is not valid UTF-8 (bad byte at offset " +
                                     std::to_string(offset) + ")");
    }
    offset += n;
    left -= n;
  }
  return Status::Ok();
}

std::string ToLowerUtf8(std::string_view text, size_t letters) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::string out;
  out.reserve(text.size());
  size_t offset = 0;
  for (size_t done = 0; offset < text.size() && done < letters; ++done) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t n =
        utf8proc_iterate(p + offset, static_cast<utf8proc_ssize_t>(text.size() - offset), &cp);
    if (n < 0) {
      out += text[offset++];
      continue;
    }
    utf8proc_uint8_t lower[4];
    out.append(reinterpret_cast<const char*>(lower),
               static_cast<size_t>(utf8proc_encode_char(utf8proc_tolower(cp), lower)));
    offset += static_cast<size_t>(n);
  }
  out.append(text.substr(offset));
  return out;
}

bool StartsWithUpperCase(std::string_view text) {
  utf8proc_int32_t cp;
  const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                              static_cast<utf8proc_ssize_t>(text.size()), &cp);
  return n > 0 && utf8proc_isupper(cp);
}

}  // namespace sobremesa
