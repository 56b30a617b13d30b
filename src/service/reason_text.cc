#include "service/reason_text.h"

#include "service/spoken_name.h"

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

// The words of a Spanish reason that agree with the suggested item, chosen
// by its article: "la ha pedido", "estos van", "elegidas".
struct AgreementEs {
  const char* pronoun;        // lo, la, los, las
  const char* demonstrative;  // este, esta, estos, estas
  const char* verb_ending;    // "" or "n": va / van
  const char* ending;         // o, a, os, as: elegido, elegida ...
  const char* favourite;      // "uno de sus favoritos" ...
  const char* a_favourite;    // "Un favorito" ...
};

const AgreementEs& AgreeWith(const MenuItem& item) {
  static constexpr AgreementEs kEl{"lo", "este", "", "o", "uno de sus favoritos", "Un favorito"};
  static constexpr AgreementEs kLa{"la", "esta", "", "a", "una de sus favoritas", "Una favorita"};
  static constexpr AgreementEs kLos{"los", "estos", "n", "os", "de sus favoritos",
                                    "De los favoritos"};
  static constexpr AgreementEs kLas{"las", "estas", "n", "as", "de sus favoritas",
                                    "De las favoritas"};
  switch (ArticleEs(item)) {
    case SpanishArticle::kEl: return kEl;
    case SpanishArticle::kLa: return kLa;
    case SpanishArticle::kLos: return kLos;
    case SpanishArticle::kLas: return kLas;
  }
  return kEl;
}

std::string Capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
  return text;
}

std::string PopularText(const RankedItem& r, const RecommendationContext& c, bool es) {
  if (c.occasion != OccasionKind::kNone) {
    return es ? std::string(AgreeWith(*r.item).a_favourite) + " para " + OccasionEs(c.occasion)
              : std::string("A favourite for ") + OccasionEn(c.occasion);
  }
  const bool lunch = c.daypart == Daypart::kLunch;
  return es ? std::string(MostOrderedEs(r.item->course)) + (lunch ? " al almuerzo" : " en la cena")
            : std::string("One of our most ordered ") + CourseWordEn(r.item->course) + " at " +
                  (lunch ? "lunch" : "dinner");
}

// The evidence as said aloud after "con" ("el cebiche clásico") or, with
// `after_de`, after "después" ("del seco de cordero", "de la causa").
std::string EvidenceEs(const MenuItem& evidence, bool after_de) {
  const std::string said = SpokenNameEs(evidence);
  if (after_de && said.rfind("el ", 0) == 0) return "del " + said.substr(3);
  return after_de ? "de " + said : said;
}

std::string EvidenceEn(const MenuItem& evidence) { return "the " + BareNameEn(evidence); }

std::string PairsText(const RankedItem& r, const MenuItem& evidence, bool es) {
  const AgreementEs& agree = AgreeWith(*r.item);
  const std::string va = std::string("Va") + agree.verb_ending + " muy bien ";
  const bool drink = r.item->course == Course::kDrink;
  if (r.evidence_tonight) {
    if (drink) {
      return es ? std::string("Marida") + agree.verb_ending + " con " + EvidenceEs(evidence, false) +
                      " de esta noche"
                : "Pairs with tonight's " + BareNameEn(evidence);
    }
    // A starter suggested once a main is ordered comes with it, not after.
    if (r.item->course > evidence.course && evidence.course != Course::kDrink) {
      return es ? va + "después " + EvidenceEs(evidence, true) : "Goes well after " + EvidenceEn(evidence);
    }
    return es ? va + "con " + EvidenceEs(evidence, false) : "Goes well with " + EvidenceEn(evidence);
  }
  return es ? "Quienes disfrutan " + EvidenceEs(evidence, false) + " suelen elegir" +
                  agree.pronoun
            : "Guests who enjoy " + EvidenceEn(evidence) + " often choose it";
}

}  // namespace

std::string ReasonText(const RankedItem& ranked, const MenuItem* evidence,
                       const RecommendationContext& context, Language language) {
  const bool es = language != Language::kEnglish;  // Portuguese readers get Spanish for now
  const AgreementEs& agree = AgreeWith(*ranked.item);
  switch (ranked.reason) {
    case ReasonKind::kFavourite: {
      const std::string n = std::to_string(ranked.evidence_count);
      return es ? Capitalized(agree.pronoun) + " ha pedido en " + n + " visitas: " + agree.favourite
                : "You've ordered it on " + n + " visits: one of your favourites";
    }
    case ReasonKind::kOrderedBefore:
      return es ? std::string("Ya ") + agree.pronoun + " pidió en una visita anterior"
                : "You had it on an earlier visit";
    case ReasonKind::kPairsWith:
      if (evidence != nullptr) return PairsText(ranked, *evidence, es);
      break;
    case ReasonKind::kLikeHistory:
      if (evidence != nullptr) {
        return es ? "Disfrutó " + EvidenceEs(*evidence, false) + " la última vez; " +
                        agree.demonstrative + " va" + agree.verb_ending + " en la misma línea"
                  : "You enjoyed " + EvidenceEn(*evidence) + " last time; this is in the same vein";
      }
      break;
    case ReasonKind::kSharedTaste:
      return es ? std::string("Muy elegid") + agree.ending + " por comensales con sus mismos gustos"
                : "Popular with guests who share your taste";
    case ReasonKind::kPopular: break;
  }
  return PopularText(ranked, context, es);
}

}  // namespace sobremesa
