#pragma once
// Realistic but fictitious guest identities: names as people in Lima and its
// visitors carry them, e-mail addresses on the reserved example.* domains
// (RFC 2606, so a marketing export of the demo can never reach a real
// inbox) and phone numbers in each country's format.

#include <string>

#include "demo/demo_random.h"
#include "domain/vocabulary.h"

namespace sobremesa::demo {

enum class Homeland : std::uint8_t { kPeru, kUnitedStates, kUnitedKingdom, kBrazil, kLatinAmerica };

struct GuestIdentity {
  std::string name;
  std::string email;
  std::string phone;
  Language language = Language::kSpanish;
};

// A new identity from `homeland`; `serial` keeps e-mail addresses unique.
GuestIdentity MakeIdentity(Homeland homeland, int serial, DemoRandom& rng);

// A social-media handle for someone with this name ("@vale.quispe").
std::string HandleFor(const std::string& name, DemoRandom& rng);

}  // namespace sobremesa::demo
