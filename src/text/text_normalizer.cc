#include "text/text_normalizer.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "common/utf8.h"

namespace sobremesa::text {

StatusOr<std::string> NormalizeText(std::string_view text) {
  if (text.size() > kMaxTextBytes) {
    return Status::ResourceExhausted("text is " + std::to_string(text.size()) +
                                     " bytes; the limit is " + std::to_string(kMaxTextBytes));
  }
  // Validate first so the error names the offending byte offset.
  RETURN_IF_ERROR(ValidateUtf8(text, "text"));
  if (text.empty()) return std::string();
  utf8proc_uint8_t* mapped = nullptr;
  const auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                     UTF8PROC_IGNORE | UTF8PROC_STRIPCC | UTF8PROC_NLF2LF);
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
  if (n < 0) {
    return Status::InvalidArgument(std::string("text cannot be normalised: ") + utf8proc_errmsg(n));
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
}

}  // namespace sobremesa::text
