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

}  // namespace sobremesa
