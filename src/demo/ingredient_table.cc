#include "demo/ingredient_table.h"

#include <algorithm>
#include <array>

namespace sobremesa::demo {
namespace {

using A = Allergen;
constexpr AllergenSet kNone{};
constexpr AllergenSet kFish{A::kFish};
// Molluscs (pulpo, calamar, conchas, choros) count as shellfish: our
// vocabulary has no separate mollusc allergen and guests declare "mariscos".
constexpr AllergenSet kShellfish{A::kShellfish};
constexpr AllergenSet kDairy{A::kDairy};
constexpr AllergenSet kGluten{A::kGluten};
constexpr AllergenSet kEgg{A::kEgg};

// Written in reading order; Sorted() orders it by bytes for binary search.
constexpr std::array kIngredients = std::to_array<IngredientInfo>({
    {"aceite de ajonjolí", {A::kSesame}, Origin::kPlant},
    {"aceite de oliva", kNone, Origin::kPlant},
    {"aceite vegetal", kNone, Origin::kPlant},
    {"aceituna de botija", kNone, Origin::kPlant},
    {"agua", kNone, Origin::kPlant},
    {"agua mineral", kNone, Origin::kPlant},
    {"agua tónica", kNone, Origin::kPlant},
    {"aguaymanto", kNone, Origin::kPlant},
    {"ajo", kNone, Origin::kPlant},
    {"ajonjolí", {A::kSesame}, Origin::kPlant},
    {"ají amarillo", kNone, Origin::kPlant},
    {"ají charapita", kNone, Origin::kPlant},
    {"ají limo", kNone, Origin::kPlant},
    {"ají mirasol", kNone, Origin::kPlant},
    {"ají panca", kNone, Origin::kPlant},
    {"albahaca", kNone, Origin::kPlant},
    {"alga nori", kNone, Origin::kPlant},
    {"algarrobina", kNone, Origin::kPlant},
    {"amargo de angostura", kNone, Origin::kPlant},
    {"anís", kNone, Origin::kPlant},
    {"arroz", kNone, Origin::kPlant},
    {"arvejas", kNone, Origin::kPlant},
    {"atún", kFish, Origin::kFish},
    {"azúcar", kNone, Origin::kPlant},
    {"bistec de res", kNone, Origin::kMeat},
    {"cabrito", kNone, Origin::kMeat},
    {"cacao", kNone, Origin::kPlant},
    {"café", kNone, Origin::kPlant},
    {"caldo de gallina", kNone, Origin::kMeat},
    {"caldo de pescado", kFish, Origin::kFish},
    {"calamar", kShellfish, Origin::kShellfish},
    {"camarones de río", kShellfish, Origin::kShellfish},
    {"camote", kNone, Origin::kPlant},
    {"camu camu", kNone, Origin::kPlant},
    {"cancha", kNone, Origin::kPlant},
    {"canela", kNone, Origin::kPlant},
    {"carne molida de res", kNone, Origin::kMeat},
    {"cebolla roja", kNone, Origin::kPlant},
    {"cebollita china", kNone, Origin::kPlant},
    {"cecina", kNone, Origin::kMeat},
    {"cerdo", kNone, Origin::kMeat},
    {"cerveza artesanal", kGluten, Origin::kPlant},
    {"cerveza negra", kGluten, Origin::kPlant},
    {"chancaca", kNone, Origin::kPlant},
    {"charqui", kNone, Origin::kMeat},
    {"chicha de jora", kNone, Origin::kPlant},
    {"chorizo regional", kNone, Origin::kMeat},
    {"choclo", kNone, Origin::kPlant},
    {"choros", kShellfish, Origin::kShellfish},
    {"cilantro", kNone, Origin::kPlant},
    {"clara de huevo", kEgg, Origin::kEgg},
    {"clavo de olor", kNone, Origin::kPlant},
    {"coco rallado", kNone, Origin::kPlant},
    {"cocona", kNone, Origin::kPlant},
    {"conchas", kShellfish, Origin::kShellfish},
    {"cordero", kNone, Origin::kMeat},
    {"corazón de res", kNone, Origin::kMeat},
    {"corvina", kFish, Origin::kFish},
    {"crema de leche", kDairy, Origin::kDairy},
    {"cuy", kNone, Origin::kMeat},
    {"culantro", kNone, Origin::kPlant},
    {"doncella", kFish, Origin::kFish},
    {"espinaca", kNone, Origin::kPlant},
    {"fideos", kGluten, Origin::kPlant},
    {"frejoles canarios", kNone, Origin::kPlant},
    {"galleta de soda", kGluten, Origin::kPlant},
    {"galleta de vainilla", {A::kGluten, A::kEgg, A::kDairy}, Origin::kEgg},
    {"gallina", kNone, Origin::kMeat},
    {"ginger ale", kNone, Origin::kPlant},
    {"granadilla", kNone, Origin::kPlant},
    {"guindones", kNone, Origin::kPlant},
    {"habas", kNone, Origin::kPlant},
    {"harina", kGluten, Origin::kPlant},
    {"hielo", kNone, Origin::kPlant},
    {"hierba luisa", kNone, Origin::kPlant},
    {"hierbabuena", kNone, Origin::kPlant},
    {"hoja de bijao", kNone, Origin::kPlant},
    {"hoja de plátano", kNone, Origin::kPlant},
    {"hojas de coca", kNone, Origin::kPlant},
    {"hongos", kNone, Origin::kPlant},
    {"huacatay", kNone, Origin::kPlant},
    {"huevo", kEgg, Origin::kEgg},
    {"jarabe de goma", kNone, Origin::kPlant},
    {"kión", kNone, Origin::kPlant},
    {"langostinos", kShellfish, Origin::kShellfish},
    {"leche", kDairy, Origin::kDairy},
    {"leche condensada", kDairy, Origin::kDairy},
    {"leche evaporada", kDairy, Origin::kDairy},
    {"lechuga", kNone, Origin::kPlant},
    {"lenguado", kFish, Origin::kFish},
    {"levadura", kNone, Origin::kPlant},
    {"limón", kNone, Origin::kPlant},
    {"lomo fino", kNone, Origin::kMeat},
    {"lúcuma", kNone, Origin::kPlant},
    {"maicena", kNone, Origin::kPlant},
    {"maíz blanco", kNone, Origin::kPlant},
    {"maíz morado", kNone, Origin::kPlant},
    {"mango", kNone, Origin::kPlant},
    {"manjar blanco", kDairy, Origin::kDairy},
    {"manteca de cerdo", kNone, Origin::kMeat},
    {"mantequilla", kDairy, Origin::kDairy},
    {"maní", {A::kPeanut}, Origin::kPlant},
    {"maracuyá", kNone, Origin::kPlant},
    {"masa wantán", {A::kGluten, A::kEgg}, Origin::kEgg},
    {"mayonesa", kEgg, Origin::kEgg},
    {"membrillo", kNone, Origin::kPlant},
    {"mero", kFish, Origin::kFish},
    {"miel de abeja", kNone, Origin::kOtherAnimal},
    {"mirin", kNone, Origin::kPlant},
    {"muña", kNone, Origin::kPlant},
    {"naranja", kNone, Origin::kPlant},
    {"nueces", {A::kTreeNut}, Origin::kPlant},
    {"olluco", kNone, Origin::kPlant},
    {"oporto", kNone, Origin::kPlant},
    {"paiche", kFish, Origin::kFish},
    {"palillo", kNone, Origin::kPlant},
    {"palta", kNone, Origin::kPlant},
    {"pan", kGluten, Origin::kPlant},
    {"panko", kGluten, Origin::kPlant},
    {"papa amarilla", kNone, Origin::kPlant},
    {"papa nativa", kNone, Origin::kPlant},
    {"papa seca", kNone, Origin::kPlant},
    {"papas fritas", kNone, Origin::kPlant},
    {"pasas", kNone, Origin::kPlant},
    {"pato", kNone, Origin::kMeat},
    {"pecanas", {A::kTreeNut}, Origin::kPlant},
    {"pepino", kNone, Origin::kPlant},
    {"perejil", kNone, Origin::kPlant},
    {"perico", kFish, Origin::kFish},
    {"pimienta", kNone, Origin::kPlant},
    {"piña", kNone, Origin::kPlant},
    {"pisco acholado", kNone, Origin::kPlant},
    {"pisco italia", kNone, Origin::kPlant},
    {"pisco quebranta", kNone, Origin::kPlant},
    {"plátano bellaco", kNone, Origin::kPlant},
    {"plátano maduro", kNone, Origin::kPlant},
    {"pollo", kNone, Origin::kMeat},
    {"pulpo", kShellfish, Origin::kShellfish},
    {"queso crema", kDairy, Origin::kDairy},
    {"queso fresco", kDairy, Origin::kDairy},
    {"queso parmesano", kDairy, Origin::kDairy},
    {"quinua", kNone, Origin::kPlant},
    {"rocoto", kNone, Origin::kPlant},
    {"sacha culantro", kNone, Origin::kPlant},
    {"sal", kNone, Origin::kPlant},
    {"salsa hoisin", {A::kSoy, A::kGluten}, Origin::kPlant},
    {"sillao", {A::kSoy, A::kGluten}, Origin::kPlant},
    {"tamarindo", kNone, Origin::kPlant},
    {"tallarines", kGluten, Origin::kPlant},
    {"tarwi", kNone, Origin::kPlant},
    {"tofu", {A::kSoy}, Origin::kPlant},
    {"tomate", kNone, Origin::kPlant},
    {"trucha", kFish, Origin::kFish},
    {"vainilla", kNone, Origin::kPlant},
    {"vermut rojo", kNone, Origin::kPlant},
    {"vinagre", kNone, Origin::kPlant},
    {"vinagre de arroz", kNone, Origin::kPlant},
    {"vino blanco", kNone, Origin::kPlant},
    {"vino espumoso", kNone, Origin::kPlant},
    {"vino rosado", kNone, Origin::kPlant},
    {"vino tinto", kNone, Origin::kPlant},
    {"yema de huevo", kEgg, Origin::kEgg},
    {"yuca", kNone, Origin::kPlant},
    {"zapallo", kNone, Origin::kPlant},
    {"zapallo loche", kNone, Origin::kPlant},
});

bool IsAnimal(Origin o) { return o != Origin::kPlant; }
bool IsFlesh(Origin o) { return o == Origin::kMeat || o == Origin::kFish || o == Origin::kShellfish; }

const std::array<IngredientInfo, kIngredients.size()>& Sorted() {
  static const auto sorted = [] {
    auto copy = kIngredients;
    std::sort(copy.begin(), copy.end(),
              [](const IngredientInfo& a, const IngredientInfo& b) { return a.name < b.name; });
    return copy;
  }();
  return sorted;
}

}  // namespace

std::span<const IngredientInfo> AllIngredients() { return Sorted(); }

std::optional<IngredientInfo> FindIngredient(std::string_view name) {
  const auto& table = Sorted();
  const auto it = std::lower_bound(
      table.begin(), table.end(), name,
      [](const IngredientInfo& info, std::string_view n) { return info.name < n; });
  if (it == table.end() || it->name != name) return std::nullopt;
  return *it;
}

StatusOr<DerivedLabels> DeriveLabels(std::span<const std::string> ingredients) {
  DerivedLabels labels;
  bool animal = false, flesh = false, meat = false;
  for (const std::string& name : ingredients) {
    const std::optional<IngredientInfo> info = FindIngredient(name);
    if (!info) return Status::InvalidArgument("unknown ingredient '" + name + "'");
    labels.allergens = AllergenSet::FromBits(labels.allergens.bits() | info->allergens.bits());
    animal |= IsAnimal(info->origin);
    flesh |= IsFlesh(info->origin);
    meat |= info->origin == Origin::kMeat;
  }
  if (!animal) labels.diet_tags.Add(DietTag::kVegan);
  if (!flesh) labels.diet_tags.Add(DietTag::kVegetarian);
  if (!meat) labels.diet_tags.Add(DietTag::kPescatarian);
  if (!labels.allergens.Contains(Allergen::kGluten)) labels.diet_tags.Add(DietTag::kGlutenFree);
  return labels;
}

}  // namespace sobremesa::demo
