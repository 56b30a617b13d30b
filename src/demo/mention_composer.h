#pragma once
// Social mentions and online reviews posted after a visit: Instagram and
// TikTok captions, Google and Tripadvisor reviews (with their star rating),
// mentioning the dishes the author really had.

#include <string>

#include "demo/evening.h"

namespace sobremesa::demo {

// A mention by the guest called `author_name`, posted at `posted_at`.
// external_id is left for the caller.
SocialMention ComposeMention(const Evening& evening, const std::string& author_name,
                             UnixSeconds posted_at, DemoRandom& rng);

}  // namespace sobremesa::demo
