#include "service/reason_text.h"

namespace sobremesa {
namespace {

// Spanish agrees in gender: "las entradas más pedidas", "los fondos más pedidos".
const char* MostOrderedEs(Course c) {
  switch (c) {
    case Course::kStarter: return "De las entradas más pedidas";
    case Course::kMain: return "De los fondos más pedidos";
    case Course::kDessert: return "De los postres más pedidos";
    case Course::kDrink: return "De las bebidas más pedidas";
  }
  return "De los platos más pedidos";
}

const char* CourseWordEn(Course c) {
  switch (c) {
    case Course::kStarter: return "starters";
    case Course::kMain: return "mains";
    case Course::kDessert: return "desserts";
    case Course::kDrink: return "drinks";
  }
  return "dishes";
}

const char* OccasionEs(OccasionKind o) {
  switch (o) {
    case OccasionKind::kBirthday: return "cumpleaños";
    case OccasionKind::kAnniversary: return "aniversarios";
    case OccasionKind::kBusiness: return "almuerzos de negocios";
    case OccasionKind::kCelebration: return "celebraciones";
    case OccasionKind::kDate: return "citas";
    case OccasionKind::kNone: break;
  }
  return "";
}

const char* OccasionEn(OccasionKind o) {
  switch (o) {
    case OccasionKind::kBirthday: return "birthdays";
    case OccasionKind::kAnniversary: return "anniversaries";
    case OccasionKind::kBusiness: return "business lunches";
    case OccasionKind::kCelebration: return "celebrations";
    case OccasionKind::kDate: return "date nights";
    case OccasionKind::kNone: break;
  }
  return "";
}

std::string PopularText(const RankedItem& r, const RecommendationContext& c, bool es) {
  if (c.occasion != OccasionKind::kNone) {
    return es ? std::string("Un favorito para ") + OccasionEs(c.occasion)
              : std::string("A favourite for ") + OccasionEn(c.occasion);
  }
  const bool lunch = c.daypart == Daypart::kLunch;
  return es ? std::string(MostOrderedEs(r.item->course)) + (lunch ? " al almuerzo" : " en la cena")
            : std::string("One of our most ordered ") + CourseWordEn(r.item->course) + " at " +
                  (lunch ? "lunch" : "dinner");
}

std::string DisplayName(const MenuItem& item, bool es) {
  return es || item.name_en.empty() ? item.name_es : item.name_en;
}

std::string PairsText(const RankedItem& r, const MenuItem& evidence, bool es) {
  const std::string name = DisplayName(evidence, es);
  const bool drink = r.item->course == Course::kDrink;
  if (r.evidence_tonight) {
    if (drink) return es ? "Marida con " + name + " de esta noche" : "Pairs with tonight's " + name;
    // A starter suggested once a main is ordered comes with it, not after.
    if (r.item->course > evidence.course && evidence.course != Course::kDrink) {
      return es ? "Va muy bien después de " + name : "Goes well after the " + name;
    }
    return es ? "Va muy bien con " + name : "Goes well with the " + name;
  }
  return es ? "Quienes disfrutan " + name + " suelen elegirlo"
            : "Guests who enjoy the " + name + " often choose it";
}

}  // namespace

std::string ReasonText(const RankedItem& ranked, const MenuItem* evidence,
                       const RecommendationContext& context, Language language) {
  const bool es = language != Language::kEnglish;  // Portuguese readers get Spanish for now
  const std::string evidence_name = evidence ? DisplayName(*evidence, es) : "";
  switch (ranked.reason) {
    case ReasonKind::kFavourite: {
      const std::string n = std::to_string(ranked.evidence_count);
      return es ? "Lo ha pedido en " + n + " visitas: uno de sus favoritos"
                : "You've ordered it on " + n + " visits: one of your favourites";
    }
    case ReasonKind::kOrderedBefore:
      return es ? "Ya lo pidió en una visita anterior" : "You had it on an earlier visit";
    case ReasonKind::kPairsWith:
      if (!evidence_name.empty()) return PairsText(ranked, *evidence, es);
      break;
    case ReasonKind::kLikeHistory:
      if (!evidence_name.empty()) {
        return es ? "Disfrutó " + evidence_name + " la última vez; este va en la misma línea"
                  : "You enjoyed the " + evidence_name + " last time; this is in the same vein";
      }
      break;
    case ReasonKind::kSharedTaste:
      return es ? "Muy elegido por comensales con sus mismos gustos"
                : "Popular with guests who share your taste";
    case ReasonKind::kPopular: break;
  }
  return PopularText(ranked, context, es);
}

}  // namespace sobremesa
