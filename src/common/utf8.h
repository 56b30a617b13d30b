#pragma once

#include <string_view>

#include "common/status.h"

namespace sobremesa {

// OK when `text` is well-formed UTF-8; otherwise InvalidArgument naming the
// byte offset of the first bad sequence. `what` names the field in the message.
Status ValidateUtf8(std::string_view text, std::string_view what);

}  // namespace sobremesa
