#pragma once
// First step of every text: one canonical Unicode form, so that "café"
// typed with a combining accent and "café" precomposed are the same word.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace sobremesa::text {

// Longest text accepted (1 MiB). A guest review is a few KB; anything far
// longer is a paste accident or an attack and is refused, not truncated.
inline constexpr std::size_t kMaxTextBytes = std::size_t{1} << 20;

// NFC composition plus Unicode case folding (utf8proc). Accents and ñ are
// kept: "año" and "ano" stay different words. Control characters are
// removed, line breaks become '\n', default-ignorable code points (zero
// width joiners, BOM) are dropped.
// Errors: InvalidArgument for malformed UTF-8 (names the byte offset),
// ResourceExhausted for text longer than kMaxTextBytes. Empty text is OK
// and yields "".
StatusOr<std::string> NormalizeText(std::string_view text);

}  // namespace sobremesa::text
