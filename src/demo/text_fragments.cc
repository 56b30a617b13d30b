#include "demo/text_fragments.h"

namespace sobremesa::demo {
namespace {

using Span = std::span<const std::string_view>;

struct Phrases {
  Span es, en, pt;
};

constexpr std::string_view kOpenerGreatEs[] = {
    "¡Qué noche! Todo bravazo.", "Una experiencia espectacular de principio a fin.",
    "Mostro todo, de verdad.", "Increíble, ya somos caseritos 🙌",
    "Uff, de lo mejor que hemos comido en Lima.", "Chévere de principio a fin 😍"};
constexpr std::string_view kOpenerGreatEn[] = {
    "What a night!", "An outstanding dinner from start to finish.",
    "Easily the best meal of our trip to Peru.", "Absolutely loved it 😍"};
constexpr std::string_view kOpenerGreatPt[] = {
    "Que noite incrível!", "Uma experiência maravilhosa do início ao fim 😍"};

constexpr std::string_view kOpenerGoodEs[] = {
    "Buena experiencia en general.", "Rico todo, volveremos.", "Nos fue bien, la pasamos chévere.",
    "Bastante bueno, la verdad."};
constexpr std::string_view kOpenerGoodEn[] = {
    "A good evening overall.", "Nice dinner, would come back.", "Solid meal, friendly place."};
constexpr std::string_view kOpenerGoodPt[] = {"Boa experiência no geral.",
                                              "Jantar gostoso, voltaríamos."};

constexpr std::string_view kOpenerBadEs[] = {
    "Esperábamos mucho más por el precio.", "Qué decepción esta vez 😕",
    "No fue lo que esperábamos.", "Una noche para el olvido, lamentablemente."};
constexpr std::string_view kOpenerBadEn[] = {
    "Disappointing, given the reputation.", "Not what we expected at all.",
    "Sadly a letdown this time."};
constexpr std::string_view kOpenerBadPt[] = {"Decepcionante, esperávamos mais.",
                                             "Não foi o que esperávamos."};

constexpr std::string_view kDishLovedEs[] = {
    "{dish}: buenazo, de verdad.", "Lo mejor de la noche, {dish} 🔥",
    "Pedimos {dish} y estaba de diez.", "{dish}: bravazo, como en casa de la abuela.",
    "Recomiendo {dish}, mostrazo.", "Qué tal {dish}, una maravilla."};
constexpr std::string_view kDishLovedEn[] = {
    "The {dish} was outstanding.", "Don't miss the {dish}!", "The {dish} was perfectly balanced.",
    "We loved the {dish} 🔥"};
constexpr std::string_view kDishLovedPt[] = {"{dish}: maravilhoso!",
                                             "Recomendo muito {dish}."};

constexpr std::string_view kDishDislikedEs[] = {
    "{dish} no llegó en su punto.", "{dish} no estuvo a la altura.",
    "Devolvimos {dish}, no estaba bien.", "A {dish} le faltaba sazón."};
constexpr std::string_view kDishDislikedEn[] = {
    "The {dish} arrived lukewarm.", "The {dish} was underwhelming.",
    "The {dish} was far too salty."};
constexpr std::string_view kDishDislikedPt[] = {"{dish} deixou a desejar.",
                                                "Não gostamos de {dish}."};

constexpr std::string_view kMixedEs[] = {
    "La comida buenísima pero la atención lenta.",
    "Todo rico, pero esperamos casi una hora por los fondos.",
    "La cocina de diez, el servicio hay que mejorarlo."};
constexpr std::string_view kMixedEn[] = {"Great food, but the service was painfully slow.",
                                         "Lovely dishes, shame about the long wait."};
constexpr std::string_view kMixedPt[] = {"Comida ótima, mas o atendimento foi lento."};

constexpr std::string_view kServiceSlowEs[] = {
    "La atención fue lenta, tuvimos que pedir la carta dos veces.",
    "Demoraron mucho con los platos de fondo.", "El mozo se olvidó de nuestro pedido."};
constexpr std::string_view kServiceSlowEn[] = {"Service was slow.",
                                               "We waited a long time between courses."};
constexpr std::string_view kServiceSlowPt[] = {"O serviço demorou muito."};

constexpr std::string_view kServiceGreatEs[] = {
    "La atención de lujo, muy atentos.", "El mozo nos recomendó todo al toque, un crack.",
    "Servicio impecable, muy cálido."};
constexpr std::string_view kServiceGreatEn[] = {"Service was warm and attentive.",
                                                "Our waiter's recommendations were spot on."};
constexpr std::string_view kServiceGreatPt[] = {"Atendimento impecável."};

constexpr std::string_view kDrinksGreatEs[] = {"Qué tal {dish}, de lo mejor 🍸",
                                               "{dish} para acompañar: de diez.",
                                               "Ojo con {dish}, buenazo."};
constexpr std::string_view kDrinksGreatEn[] = {"The {dish} was the best we had in Lima 🍸",
                                               "Great {dish}."};
constexpr std::string_view kDrinksGreatPt[] = {"{dish}: perfeito 🍸"};

constexpr std::string_view kPriceyEs[] = {"Un poco caro para lo que es.",
                                          "Los precios se han ido a las nubes."};
constexpr std::string_view kPriceyEn[] = {"A bit pricey for the portions.",
                                          "Expensive, even by Miraflores standards."};
constexpr std::string_view kPriceyPt[] = {"Um pouco caro."};

constexpr std::string_view kBirthdayEs[] = {
    "Celebramos el cumpleaños de mi mamá y le trajeron un postre con velita 🎂",
    "Vinimos por un cumpleaños y nos atendieron con mucho cariño."};
constexpr std::string_view kBirthdayEn[] = {"We celebrated a birthday and they brought a candle 🎂"};
constexpr std::string_view kBirthdayPt[] = {"Comemoramos um aniversário 🎂"};

constexpr std::string_view kAnniversaryEs[] = {"Celebramos nuestro aniversario ❤️",
                                               "Perfecto para nuestro aniversario."};
constexpr std::string_view kAnniversaryEn[] = {"Perfect for our anniversary ❤️"};
constexpr std::string_view kAnniversaryPt[] = {"Perfeito para o nosso aniversário de casamento ❤️"};

constexpr std::string_view kBusinessEs[] = {"Ideal para almuerzo de trabajo.",
                                            "Buen sitio para cerrar negocios, rápido y tranquilo."};
constexpr std::string_view kBusinessEn[] = {"Good spot for a business lunch."};
constexpr std::string_view kBusinessPt[] = {"Bom lugar para almoço de negócios."};

constexpr std::string_view kClosingGoodEs[] = {"¡Volveremos!", "Súper recomendado.",
                                               "Ya quiero regresar 🙌", "10/10."};
constexpr std::string_view kClosingGoodEn[] = {"We'll be back!", "Highly recommended.",
                                               "A must in Lima."};
constexpr std::string_view kClosingGoodPt[] = {"Voltaremos!", "Super recomendo."};

constexpr std::string_view kClosingBadEs[] = {"No sé si volvería.", "Ojalá mejoren.",
                                              "Para el precio, no vale la pena."};
constexpr std::string_view kClosingBadEn[] = {"Hope they sort it out.", "Not worth the price."};
constexpr std::string_view kClosingBadPt[] = {"Não sei se voltaria."};

constexpr std::string_view kSocialHypeEs[] = {
    "{dish} 🤤🔥", "Lo de {dish} acá es otro nivel", "Hoy tocó {dish} y no me arrepiento 😍",
    "Si vienes a Lima tienes que probar {dish} de acá", "Ya soy caserito de {dish} 🙌"};
constexpr std::string_view kSocialHypeEn[] = {"This {dish} though 🤤",
                                              "Best {dish} in Lima, no contest 🔥",
                                              "Came for the {dish}, stayed for the pisco sours"};
constexpr std::string_view kSocialHypePt[] = {"{dish} 🤤🔥", "Provamos {dish} em Lima!"};

constexpr std::string_view kHashtagsEs[] = {"#Lima #Miraflores #ComidaPeruana",
                                            "#cebiche #peru #foodie", "#PeruMuchoGusto #Sobremesa",
                                            "#limafoodie #gastronomiaperuana"};
constexpr std::string_view kHashtagsEn[] = {"#Lima #PeruvianFood #travel",
                                            "#foodie #Peru #finedining"};
constexpr std::string_view kHashtagsPt[] = {"#Lima #Peru #viagem", "#comidaperuana #foodie"};

Phrases PhrasesFor(Fragment kind) {
  switch (kind) {
    case Fragment::kOpenerGreat: return {kOpenerGreatEs, kOpenerGreatEn, kOpenerGreatPt};
    case Fragment::kOpenerGood: return {kOpenerGoodEs, kOpenerGoodEn, kOpenerGoodPt};
    case Fragment::kOpenerBad: return {kOpenerBadEs, kOpenerBadEn, kOpenerBadPt};
    case Fragment::kDishLoved: return {kDishLovedEs, kDishLovedEn, kDishLovedPt};
    case Fragment::kDishDisliked: return {kDishDislikedEs, kDishDislikedEn, kDishDislikedPt};
    case Fragment::kFoodGoodServiceSlow: return {kMixedEs, kMixedEn, kMixedPt};
    case Fragment::kServiceSlow: return {kServiceSlowEs, kServiceSlowEn, kServiceSlowPt};
    case Fragment::kServiceGreat: return {kServiceGreatEs, kServiceGreatEn, kServiceGreatPt};
    case Fragment::kDrinksGreat: return {kDrinksGreatEs, kDrinksGreatEn, kDrinksGreatPt};
    case Fragment::kPricey: return {kPriceyEs, kPriceyEn, kPriceyPt};
    case Fragment::kBirthday: return {kBirthdayEs, kBirthdayEn, kBirthdayPt};
    case Fragment::kAnniversary: return {kAnniversaryEs, kAnniversaryEn, kAnniversaryPt};
    case Fragment::kBusiness: return {kBusinessEs, kBusinessEn, kBusinessPt};
    case Fragment::kClosingGood: return {kClosingGoodEs, kClosingGoodEn, kClosingGoodPt};
    case Fragment::kClosingBad: return {kClosingBadEs, kClosingBadEn, kClosingBadPt};
    case Fragment::kSocialHype: return {kSocialHypeEs, kSocialHypeEn, kSocialHypePt};
    case Fragment::kHashtags: return {kHashtagsEs, kHashtagsEn, kHashtagsPt};
  }
  return {kOpenerGoodEs, kOpenerGoodEn, kOpenerGoodPt};
}

}  // namespace

std::span<const std::string_view> Fragments(Fragment kind, Language language) {
  const Phrases p = PhrasesFor(kind);
  switch (language) {
    case Language::kEnglish: return p.en;
    case Language::kPortuguese: return p.pt;
    case Language::kSpanish: return p.es;
  }
  return p.es;
}

}  // namespace sobremesa::demo
