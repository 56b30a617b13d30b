#include "text/language_samples.h"

namespace sobremesa::text {
namespace {

constexpr std::string_view kSpanish =
    "Fuimos a cenar el sábado con mi familia y la comida estaba muy rica. El servicio fue "
    "atento aunque un poco lento, y el mozo nos recomendó el ceviche y el lomo saltado. "
    "Los postres no estuvieron a la altura del resto, pero el ambiente es agradable y la "
    "música no es demasiado fuerte. Los precios son altos para lo que ofrecen. Volveremos "
    "porque nos gustó mucho la atención de la señora de la entrada. ¿Qué más se puede pedir? "
    "Es un lugar tranquilo donde se come bien y se bebe mejor. La carta de vinos tiene "
    "pocas opciones, sin embargo el pisco sour es excelente. Nos trajeron la cuenta sin "
    "pedirla y nos cobraron un plato que no habíamos pedido. Nunca había probado un pulpo "
    "tan tierno; el arroz estaba en su punto y las raciones son generosas. Recomiendo "
    "reservar con antelación porque siempre está lleno los fines de semana. El local es "
    "pequeño, hay mucho ruido y las mesas están muy juntas. La camarera fue muy amable y "
    "nos explicó cada plato del menú de degustación. Todo llegó frío y tardaron casi una "
    "hora en servirnos. Me encantó la terraza, las vistas al mar y la decoración moderna. "
    "Para ser un restaurante de este nivel, esperaba algo más de cuidado en los detalles. "
    "Ha sido una experiencia inolvidable, gracias a todo el equipo por hacernos sentir en "
    "casa. También pedimos una botella de vino tinto que nos pareció cara. Ellos dicen "
    "que la cocina cierra a las once, así que llegamos temprano. "
    // Lima's Spanish: guests write short, with slang ("chévere", "bacán",
    // "paja", "roche", "asu"), and a text of three words must still be
    // routed to the Spanish model.
    "Asu, qué bacán todo. La pasamos chévere con los patas, la jama bravaza y el trago "
    "bien helado. Qué roche, el mozo se demoró un montón y nadie nos atendía. El cebiche "
    "estuvo paja, buenazo el anticucho, mostro el arroz chaufa; la chela llegó tibia. "
    "Salimos contentazos, ya somos caseritos de acá. Riquísimo el ají de gallina y la "
    "causa, de lujo la parihuela; nos atendieron al toque, una maravilla, volveremos.";

constexpr std::string_view kEnglish =
    "We went for dinner on Saturday with my family and the food was really good. The "
    "service was attentive but a little slow, and our waiter recommended the ceviche and "
    "the steak. The desserts were not as good as the rest, but the atmosphere is pleasant "
    "and the music is not too loud. Prices are high for what you get. We will come back "
    "because we loved how the staff at the door treated us. What more could you ask for? "
    "It is a quiet place where you eat well and drink even better. The wine list has few "
    "choices, however the pisco sour is excellent. They brought the bill without asking "
    "and charged us for a dish we had not ordered. I had never tasted such tender octopus; "
    "the rice was just right and the portions are generous. I recommend booking ahead "
    "because it is always full on weekends. The room is small, it is very noisy and the "
    "tables are too close together. Our waitress was very kind and explained every dish "
    "of the tasting menu. Everything arrived cold and they took almost an hour to serve "
    "us. I loved the terrace, the views of the sea and the modern decor. For a restaurant "
    "of this level I expected more care with the details. It was an unforgettable "
    "experience, thanks to the whole team for making us feel at home. We also ordered a "
    "bottle of red wine which seemed expensive. They say the kitchen closes at eleven, so "
    "we arrived early. Would definitely recommend this place to anyone who enjoys seafood.";

constexpr std::string_view kPortuguese =
    "Fomos jantar no sábado com a minha família e a comida estava muito gostosa. O "
    "atendimento foi atencioso mas um pouco lento, e o garçom nos recomendou o ceviche e "
    "o lombo. As sobremesas não estavam à altura do resto, mas o ambiente é agradável e a "
    "música não é alta demais. Os preços são altos para o que oferecem. Voltaremos porque "
    "gostamos muito da atenção da moça da entrada. O que mais se pode pedir? É um lugar "
    "tranquilo onde se come bem e se bebe melhor. A carta de vinhos tem poucas opções, no "
    "entanto o pisco sour é excelente. Trouxeram a conta sem pedirmos e cobraram um prato "
    "que não tínhamos pedido. Nunca tinha provado um polvo tão macio; o arroz estava no "
    "ponto e as porções são generosas. Recomendo reservar com antecedência porque está "
    "sempre cheio nos fins de semana. O salão é pequeno, há muito barulho e as mesas "
    "estão muito juntas. A garçonete foi muito simpática e nos explicou cada prato do menu "
    "degustação. Tudo chegou frio e demoraram quase uma hora para nos servir. Adorei a "
    "varanda, a vista para o mar e a decoração moderna. Para um restaurante deste nível, "
    "esperava mais cuidado com os detalhes. Foi uma experiência inesquecível, obrigado a "
    "toda a equipe por nos fazer sentir em casa. Também pedimos uma garrafa de vinho "
    "tinto que achamos cara. Eles dizem que a cozinha fecha às onze, então chegamos cedo.";

}  // namespace

std::string_view LanguageSample(Language language) {
  switch (language) {
    case Language::kSpanish:
      return kSpanish;
    case Language::kEnglish:
      return kEnglish;
    case Language::kPortuguese:
      return kPortuguese;
    case Language::kUnknown:
      break;
  }
  return {};
}

}  // namespace sobremesa::text
