#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace sobremesa {

// OK when `text` is well-formed UTF-8; otherwise InvalidArgument naming the
// byte offset of the first bad sequence. `what` names the field in the message.
Status ValidateUtf8(std::string_view text, std::string_view what);

// `text` with its first `letters` letters (all by default) in lower case, by
// Unicode's simple case mapping ("ÑUÑUMA" -> "ñuñuma"); bytes that are not
// well-formed UTF-8 are kept as they are.
std::string ToLowerUtf8(std::string_view text, size_t letters = std::string_view::npos);

// True when `text` starts with an upper-case letter ("Ñ", "Á", "K").
bool StartsWithUpperCase(std::string_view text);

}  // namespace sobremesa
