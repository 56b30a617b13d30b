#include "demo/menu_catalog.h"

#include <algorithm>
#include <utility>

#include "demo/ingredient_table.h"

namespace sobremesa::demo {
namespace {

constexpr Course kS = Course::kStarter;
constexpr Course kM = Course::kMain;
constexpr Course kD = Course::kDessert;
constexpr Course kB = Course::kDrink;  // bebida

constexpr CatalogEntry kCatalog[] = {
    // --- Entradas ---
    {"ceviche_clasico", "Cebiche clásico de lenguado", "Classic sole ceviche", kS, "cebiche",
     "lenguado, limón, ají limo, cebolla roja, camote, choclo, cancha, cilantro, sal", 2, 62},
    {"ceviche_mixto", "Cebiche mixto", "Mixed seafood ceviche", kS, "cebiche",
     "lenguado, pulpo, langostinos, conchas, limón, ají limo, cebolla roja, camote, choclo, sal",
     2, 68},
    {"ceviche_carretillero", "Cebiche carretillero con chicharrón de calamar",
     "Street-cart ceviche with crispy squid", kS, "cebiche",
     "lenguado, calamar, harina, aceite vegetal, limón, ají limo, cebolla roja, camote, choclo",
     2, 65},
    {"ceviche_hongos", "Cebiche de hongos y mango", "Mushroom and mango ceviche", kS, "cebiche",
     "hongos, mango, limón, ají limo, cebolla roja, camote, choclo, cilantro, sal", 2, 48},
    {"leche_de_tigre", "Leche de tigre", "Tiger's milk", kS, "cebiche",
     "lenguado, caldo de pescado, limón, ají limo, cebolla roja, cancha, choclo, cilantro", 3,
     45},
    {"tiradito_aji_amarillo", "Tiradito al ají amarillo", "Sole tiradito in yellow chili sauce",
     kS, "cebiche", "lenguado, limón, ají amarillo, choclo, camote, cilantro, sal", 1, 56},
    {"tiradito_nikkei", "Tiradito nikkei de atún", "Nikkei tuna tiradito", kS, "nikkei",
     "atún, limón, sillao, aceite de ajonjolí, ají amarillo, cebollita china", 1, 58},
    {"tiradito_trucha", "Tiradito de trucha de Puno al rocoto", "Puno trout tiradito with rocoto",
     kS, "andino", "trucha, limón, rocoto, aceite de oliva, cancha, sal", 2, 52},
    {"causa_limena", "Causa limeña de pollo", "Lima causa with chicken", kS, "criollo",
     "papa amarilla, ají amarillo, limón, pollo, mayonesa, palta, huevo", 1, 48},
    {"causa_langostinos", "Causa acevichada de langostinos", "Ceviche-style prawn causa", kS,
     "nikkei", "papa amarilla, ají amarillo, limón, langostinos, mayonesa, palta, ají limo", 1, 58},
    {"causa_verduras", "Causa de verduras y palta", "Vegetable and avocado causa", kS, "criollo",
     "papa amarilla, ají amarillo, limón, palta, tomate, choclo, aceite vegetal", 1, 45},
    {"pulpo_al_olivo", "Pulpo al olivo", "Octopus in botija olive sauce", kS, "marino",
     "pulpo, aceituna de botija, mayonesa, aceite de oliva, palta, pan", 0, 62},
    {"anticuchos_corazon", "Anticuchos de corazón", "Grilled beef-heart anticuchos", kS,
     "criollo", "corazón de res, ají panca, ajo, vinagre, papa amarilla, choclo", 2, 48},
    {"anticucho_pulpo", "Anticucho de pulpo con papas nativas",
     "Octopus anticucho with native potatoes", kS, "marino",
     "pulpo, ají panca, ajo, papa nativa, aceite de oliva, huacatay", 2, 68},
    {"choritos_chalaca", "Choritos a la chalaca", "Callao-style mussels", kS, "marino",
     "choros, cebolla roja, tomate, choclo, limón, ají limo", 1, 45},
    {"conchitas_parmesana", "Conchitas a la parmesana", "Scallops gratinated with parmesan", kS,
     "marino", "conchas, queso parmesano, mantequilla, limón, vino blanco", 0, 62},
    {"chicharron_pescado", "Chicharrón de pescado con yuca", "Crispy fish bites with cassava",
     kS, "marino", "perico, harina, aceite vegetal, yuca, limón, cebolla roja, ají amarillo", 1,
     52},
    {"jalea_mixta", "Jalea mixta para compartir", "Fried seafood platter to share", kS, "marino",
     "perico, calamar, langostinos, harina, yuca, cebolla roja, limón, aceite vegetal", 1, 75},
    {"papa_huancaina", "Papa a la huancaína", "Potatoes in huancaína cheese sauce", kS, "criollo",
     "papa amarilla, ají amarillo, queso fresco, leche evaporada, galleta de soda, huevo, "
     "aceituna de botija, lechuga",
     1, 45},
    {"ocopa", "Ocopa arequipeña", "Arequipa ocopa with peanut and huacatay", kS, "andino",
     "papa amarilla, huacatay, ají mirasol, maní, queso fresco, leche evaporada, galleta de soda, "
     "huevo, aceituna de botija",
     1, 45},
    {"solterito", "Solterito arequipeño", "Arequipa broad-bean salad", kS, "andino",
     "habas, queso fresco, choclo, tomate, cebolla roja, rocoto, aceituna de botija, "
     "aceite de oliva, vinagre",
     1, 45},
    {"ensalada_quinua", "Ensalada de quinua y palta", "Quinoa and avocado salad", kS, "andino",
     "quinua, palta, tomate, pepino, limón, aceite de oliva, hierbabuena", 0, 45},
    {"tamal_criollo", "Tamal criollo con salsa criolla", "Creole tamale with onion relish", kS,
     "criollo",
     "maíz blanco, cerdo, ají panca, manteca de cerdo, aceituna de botija, huevo, hoja de plátano, "
     "cebolla roja, limón",
     1, 45},
    {"wantan_langostinos", "Wantán frito de langostinos", "Crispy prawn wontons", kS, "chifa",
     "masa wantán, langostinos, cerdo, cebollita china, sillao, tamarindo, aceite vegetal", 0, 46},
    {"bao_chancho", "Pan al vapor con chancho crocante", "Steamed bao with crispy pork", kS,
     "chifa", "harina, levadura, cerdo, pepino, cebollita china, salsa hoisin", 0, 46},
    {"maki_acevichado", "Maki acevichado", "Acevichado roll", kS, "nikkei",
     "arroz, vinagre de arroz, langostinos, panko, palta, alga nori, mayonesa, limón, "
     "ají amarillo, ajonjolí",
     1, 56},
    {"crema_loche", "Crema de zapallo loche", "Loche squash cream soup", kS, "criollo",
     "zapallo loche, cebolla roja, crema de leche, mantequilla, queso fresco", 0, 45},
    // --- Fondos ---
    {"degustacion_mar_andes", "Menú degustación Mar y Andes (7 tiempos)",
     "Sea and Andes tasting menu (7 courses)", kM, "degustacion",
     "lenguado, limón, ají limo, pulpo, papa nativa, paiche, cuy, quinua, queso fresco, "
     "mantequilla, cacao, lúcuma, leche, huevo, harina",
     2, 390},
    {"degustacion_huerto", "Menú degustación Huerto andino (7 tiempos)",
     "Andean garden tasting menu (7 courses)", kM, "degustacion",
     "quinua, papa nativa, hongos, tarwi, olluco, queso fresco, mantequilla, lúcuma, cacao, leche, "
     "huevo",
     1, 340},
    {"arroz_con_pato", "Arroz con pato a la chiclayana", "Chiclayo-style duck with cilantro rice",
     kM, "criollo",
     "pato, arroz, culantro, cerveza negra, zapallo loche, ají amarillo, chicha de jora, arvejas",
     1, 98},
    {"aji_de_gallina", "Ají de gallina", "Creamy hen in yellow chili and pecans", kM, "criollo",
     "gallina, ají amarillo, pan, leche evaporada, pecanas, queso parmesano, papa amarilla, arroz, "
     "huevo, aceituna de botija",
     1, 72},
    {"lomo_saltado", "Lomo saltado", "Wok-tossed beef tenderloin", kM, "criollo",
     "lomo fino, cebolla roja, tomate, ají amarillo, sillao, vinagre, papas fritas, arroz, "
     "cilantro",
     1, 89},
    {"lomo_saltado_portobello", "Saltado de portobello", "Wok-tossed portobello 'lomo saltado'",
     kM, "criollo",
     "hongos, cebolla roja, tomate, ají amarillo, sillao, vinagre, papas fritas, arroz, cilantro",
     1, 68},
    {"seco_cordero", "Seco de cordero norteño", "Northern lamb stew with cilantro", kM,
     "criollo",
     "cordero, culantro, chicha de jora, ají amarillo, zapallo loche, frejoles canarios, arroz", 1,
     92},
    {"cabrito_nortena", "Cabrito a la norteña", "Northern-style braised kid goat", kM, "criollo",
     "cabrito, chicha de jora, culantro, ají amarillo, zapallo loche, frejoles canarios, yuca", 1,
     98},
    {"carapulcra", "Carapulcra con sopa seca", "Dried-potato stew with sopa seca noodles", kM,
     "criollo",
     "papa seca, cerdo, ají panca, maní, vino tinto, fideos, albahaca, queso parmesano", 1, 78},
    {"tacu_tacu_lomo", "Tacu tacu con lomo y huevo", "Tacu tacu with tenderloin and fried egg",
     kM, "criollo",
     "frejoles canarios, arroz, lomo fino, ajo, ají amarillo, cebolla roja, huevo, plátano maduro",
     1, 86},
    {"tallarines_verdes_bistec", "Tallarines verdes con bistec",
     "Green pesto noodles with steak", kM, "criollo",
     "tallarines, albahaca, espinaca, queso fresco, leche evaporada, nueces, bistec de res, "
     "papa amarilla",
     0, 72},
    {"tallarines_verdes_huancaina", "Tallarines verdes con papa a la huancaína",
     "Green pesto noodles with huancaína potatoes", kM, "criollo",
     "tallarines, albahaca, espinaca, queso fresco, leche evaporada, nueces, papa amarilla, "
     "ají amarillo, galleta de soda",
     1, 65},
    {"chicharron_cerdo", "Chicharrón de cerdo con camote", "Crispy pork with sweet potato", kM,
     "criollo", "cerdo, manteca de cerdo, camote, cebolla roja, limón, ají limo, sal", 1, 72},
    {"lomo_parrilla", "Lomo fino a la parrilla con puré de papa amarilla",
     "Grilled beef tenderloin with yellow-potato purée", kM, "criollo",
     "lomo fino, papa amarilla, mantequilla, leche, ajo, pimienta", 0, 118},
    {"arroz_con_mariscos", "Arroz con mariscos", "Peruvian seafood rice", kM, "marino",
     "arroz, langostinos, calamar, conchas, choros, ají panca, ají amarillo, vino blanco, "
     "queso parmesano, culantro",
     1, 88},
    {"chupe_camarones", "Chupe de camarones arequipeño", "Arequipa river-shrimp chowder", kM,
     "marino",
     "camarones de río, papa amarilla, leche evaporada, queso fresco, huevo, arroz, habas, choclo, "
     "ají panca, huacatay",
     1, 95},
    {"pescado_a_lo_macho", "Pescado a lo macho", "Sea bass in spicy seafood sauce", kM, "marino",
     "corvina, langostinos, calamar, pulpo, ají panca, ají amarillo, vino blanco, arroz, ajo", 2,
     96},
    {"sudado_mero", "Sudado de mero norteño", "Northern-style steamed grouper", kM, "marino",
     "mero, tomate, cebolla roja, ají amarillo, chicha de jora, yuca, culantro", 1, 96},
    {"pulpo_parrilla", "Pulpo a la parrilla con papas nativas",
     "Grilled octopus with native potatoes", kM, "marino",
     "pulpo, papa nativa, ají panca, aceite de oliva, ajo, perejil", 1, 110},
    {"corvina_nikkei", "Corvina en salsa nikkei", "Sea bass in nikkei sauce", kM, "nikkei",
     "corvina, sillao, mirin, kión, cebollita china, arroz, ajonjolí", 0, 94},
    {"nigiris_nikkei", "Selección de nigiris nikkei", "Nikkei nigiri selection", kM, "nikkei",
     "arroz, vinagre de arroz, atún, lenguado, pulpo, sillao, ají amarillo, limón", 1, 84},
    {"chaufa_mariscos", "Arroz chaufa de mariscos", "Seafood chaufa fried rice", kM, "chifa",
     "arroz, langostinos, calamar, huevo, cebollita china, sillao, aceite de ajonjolí, kión", 0,
     76},
    {"tallarin_saltado", "Tallarín saltado criollo", "Wok-tossed noodles with beef", kM, "chifa",
     "tallarines, lomo fino, cebolla roja, tomate, sillao, kión, cebollita china", 0, 74},
    {"saltado_tofu", "Saltado de tofu y hongos", "Wok-tossed tofu and mushrooms", kM, "chifa",
     "tofu, hongos, cebolla roja, tomate, sillao, kión, arroz, cebollita china", 1, 66},
    {"cuy_confitado", "Cuy confitado con papas nativas", "Confit guinea pig with native potatoes",
     kM, "andino", "cuy, ají panca, papa nativa, huacatay, ajo, aceite vegetal", 1, 105, false},
    {"pachamanca_olla", "Pachamanca a la olla", "Andean pachamanca pot roast", kM, "andino",
     "cerdo, cordero, pollo, papa nativa, camote, habas, huacatay, ají panca, choclo", 1, 88},
    {"rocoto_relleno", "Rocoto relleno arequipeño", "Arequipa stuffed rocoto pepper", kM,
     "andino",
     "rocoto, carne molida de res, maní, pasas, aceituna de botija, huevo, queso fresco, "
     "leche evaporada, papa amarilla",
     3, 72},
    {"olluquito_charqui", "Olluquito con charqui", "Olluco tubers with llama charqui", kM,
     "andino", "olluco, charqui, ají panca, ajo, perejil, arroz", 1, 68},
    {"quinotto_hongos", "Quinotto de hongos", "Quinoa 'risotto' with mushrooms", kM, "andino",
     "quinua, hongos, queso parmesano, mantequilla, vino blanco, cebolla roja, ajo", 0, 68},
    {"guiso_tarwi", "Guiso de tarwi y quinua", "Tarwi and quinoa stew", kM, "andino",
     "tarwi, quinua, zapallo, ají amarillo, ajo, cebolla roja, huacatay, aceite vegetal", 1, 65},
    {"paiche_tacacho", "Paiche a la brasa con tacacho", "Grilled Amazon paiche with tacacho", kM,
     "amazonico",
     "paiche, plátano bellaco, cecina, cocona, ají charapita, sacha culantro, manteca de cerdo", 2,
     98, false},
    {"patarashca_doncella", "Patarashca de doncella", "Doncella fish steamed in bijao leaf", kM,
     "amazonico", "doncella, hoja de bijao, sacha culantro, cocona, ají charapita, yuca", 2, 88},
    {"juane_gallina", "Juane de gallina", "Amazon rice juane with hen", kM, "amazonico",
     "arroz, gallina, huevo, aceituna de botija, palillo, hoja de bijao, sacha culantro", 1, 74},
    {"tacacho_cecina", "Tacacho con cecina y chorizo regional",
     "Tacacho with cured pork and Amazon sausage", kM, "amazonico",
     "plátano bellaco, manteca de cerdo, cecina, chorizo regional, cocona", 1, 72},
    // --- Postres ---
    {"suspiro_limena", "Suspiro a la limeña", "Lima sigh: manjar and port meringue", kD, "postre",
     "leche condensada, leche evaporada, yema de huevo, clara de huevo, azúcar, oporto, canela", 0,
     32},
    {"picarones", "Picarones con miel de chancaca", "Squash doughnuts with chancaca syrup", kD,
     "postre", "harina, zapallo, camote, levadura, anís, chancaca, naranja, clavo de olor", 0, 30,
     false},
    {"mazamorra_morada", "Mazamorra morada", "Purple corn pudding", kD, "postre",
     "maíz morado, piña, membrillo, guindones, canela, clavo de olor, azúcar, maicena", 0, 28},
    {"arroz_con_leche", "Arroz con leche", "Peruvian rice pudding", kD, "postre",
     "arroz, leche, leche condensada, canela, clavo de olor, pasas", 0, 28},
    {"clasico_combinado", "Clásico combinado", "Rice pudding and purple corn pudding together",
     kD, "postre",
     "arroz, leche, leche condensada, canela, maíz morado, piña, membrillo, azúcar, maicena", 0, 32},
    {"turron_dona_pepa", "Turrón de Doña Pepa", "Doña Pepa anise nougat", kD, "postre",
     "harina, mantequilla, yema de huevo, ajonjolí, anís, chancaca, azúcar", 0, 30},
    {"tres_leches_lucuma", "Tres leches de lúcuma", "Lúcuma tres leches cake", kD, "postre",
     "harina, huevo, leche evaporada, leche condensada, crema de leche, lúcuma, azúcar", 0, 34},
    {"helado_lucuma", "Helado de lúcuma", "Lúcuma ice cream", kD, "postre",
     "lúcuma, leche, crema de leche, azúcar, yema de huevo", 0, 28},
    {"cheesecake_aguaymanto", "Cheesecake de aguaymanto", "Goldenberry cheesecake", kD, "postre",
     "queso crema, galleta de vainilla, mantequilla, huevo, aguaymanto, azúcar", 0, 36},
    {"volcan_cacao", "Volcán de cacao piurano con helado de lúcuma",
     "Piura cacao lava cake with lúcuma ice cream", kD, "postre",
     "cacao, mantequilla, huevo, harina, azúcar, lúcuma, leche, crema de leche", 0, 38},
    {"alfajores", "Alfajores de maicena con manjar blanco", "Cornstarch alfajores with manjar",
     kD, "postre", "maicena, mantequilla, harina, manjar blanco, coco rallado, azúcar", 0, 28},
    {"tarta_pecanas", "Tarta de pecanas y chancaca", "Pecan and chancaca tart", kD, "postre",
     "pecanas, harina, mantequilla, huevo, chancaca", 0, 34},
    {"sorbete_camu_camu", "Sorbete de camu camu", "Camu camu sorbet", kD, "postre",
     "camu camu, azúcar, agua, limón", 0, 28},
    {"frutas_miel_muna", "Frutas de estación con miel y muña",
     "Seasonal fruit with honey and muña", kD, "postre",
     "mango, piña, aguaymanto, granadilla, miel de abeja, muña", 0, 28},
    {"crema_volteada", "Crema volteada", "Peruvian caramel custard", kD, "postre",
     "huevo, leche evaporada, leche condensada, azúcar, vainilla", 0, 28},
    // --- Cócteles ---
    {"pisco_sour", "Pisco sour", "Pisco sour", kB, "cocktail",
     "pisco quebranta, limón, jarabe de goma, clara de huevo, amargo de angostura, hielo", 0, 38},
    {"maracuya_sour", "Maracuyá sour", "Passion-fruit sour", kB, "cocktail",
     "pisco quebranta, maracuyá, limón, jarabe de goma, clara de huevo, hielo", 0, 38},
    {"coca_sour", "Coca sour", "Coca-leaf sour", kB, "cocktail",
     "pisco quebranta, hojas de coca, limón, jarabe de goma, clara de huevo, hielo", 0, 40},
    {"chilcano", "Chilcano de pisco", "Pisco chilcano", kB, "cocktail",
     "pisco acholado, ginger ale, limón, amargo de angostura, hielo", 0, 34},
    {"chilcano_maracuya", "Chilcano de maracuyá y hierbabuena",
     "Passion-fruit and mint chilcano", kB, "cocktail",
     "pisco acholado, maracuyá, hierbabuena, ginger ale, limón, hielo", 0, 36},
    {"algarrobina", "Cóctel de algarrobina", "Algarrobina cocktail", kB, "cocktail",
     "pisco quebranta, algarrobina, leche evaporada, yema de huevo, canela, jarabe de goma, hielo",
     0, 36},
    {"capitan", "Capitán", "Capitán (pisco and red vermouth)", kB, "cocktail",
     "pisco quebranta, vermut rojo, hielo", 0, 38},
    {"pisco_tonic", "Pisco tonic de hierba luisa", "Lemon-verbena pisco tonic", kB, "cocktail",
     "pisco italia, agua tónica, hierba luisa, limón, hielo", 0, 36},
    {"aguaymanto_mule", "Mule de aguaymanto y kión", "Goldenberry and ginger mule", kB,
     "cocktail", "pisco acholado, aguaymanto, kión, ginger ale, limón, hielo", 0, 42},
    // --- Pisco puro ---
    {"pisco_quebranta", "Pisco Quebranta (copa)", "Quebranta pisco, neat", kB, "pisco",
     "pisco quebranta", 0, 32},
    {"pisco_italia", "Pisco Italia (copa)", "Italia pisco, neat", kB, "pisco", "pisco italia", 0,
     34},
    {"pisco_acholado", "Pisco Acholado (copa)", "Acholado pisco, neat", kB, "pisco",
     "pisco acholado", 0, 32},
    // --- Vinos por copa ---
    {"intipalka_malbec", "Intipalka Malbec (copa)", "Intipalka Malbec (glass)", kB, "wine",
     "vino tinto", 0, 38},
    {"intipalka_tannat", "Intipalka Tannat Reserva (copa)", "Intipalka Tannat Reserva (glass)", kB,
     "wine", "vino tinto", 0, 45},
    {"intipalka_sauvignon", "Intipalka Sauvignon Blanc (copa)",
     "Intipalka Sauvignon Blanc (glass)", kB, "wine", "vino blanco", 0, 36},
    {"queirolo_tannat", "Santiago Queirolo Tannat (copa)", "Santiago Queirolo Tannat (glass)", kB,
     "wine", "vino tinto", 0, 35},
    {"tacama_don_manuel", "Tacama Don Manuel Tannat (copa)", "Tacama Don Manuel Tannat (glass)",
     kB, "wine", "vino tinto", 0, 58, false},
    {"tacama_blanco_blancos", "Tacama Blanco de Blancos (copa)", "Tacama Blanco de Blancos (glass)",
     kB, "wine", "vino blanco", 0, 42},
    {"tacama_brut", "Espumante Tacama Brut (copa)", "Tacama Brut sparkling (glass)", kB, "wine",
     "vino espumoso", 0, 45},
    {"tabernero_rose", "Tabernero Rosé (copa)", "Tabernero Rosé (glass)", kB, "wine",
     "vino rosado", 0, 35},
    // --- Cervezas ---
    {"barbarian_red_ale", "Barbarian Red Ale", "Barbarian Red Ale (Lima craft beer)", kB, "beer",
     "cerveza artesanal", 0, 26},
    {"barbarian_chaski_porter", "Barbarian Chaski Porter", "Barbarian Chaski Porter", kB, "beer",
     "cerveza artesanal", 0, 26},
    {"cumbres_negra", "Cumbres Negra", "Cumbres dark lager", kB, "beer", "cerveza negra", 0, 22},
    // --- Sin alcohol ---
    {"chicha_morada", "Chicha morada", "Purple corn drink", kB, "non_alcoholic",
     "maíz morado, piña, canela, clavo de olor, limón, azúcar", 0, 16},
    {"limonada_frozen", "Limonada frozen", "Frozen limeade", kB, "non_alcoholic",
     "limón, azúcar, hielo, agua", 0, 16},
    {"limonada_hierbabuena", "Limonada de hierbabuena", "Mint limeade", kB, "non_alcoholic",
     "limón, hierbabuena, azúcar, hielo, agua", 0, 18},
    {"jugo_maracuya", "Jugo de maracuyá", "Passion-fruit juice", kB, "non_alcoholic",
     "maracuyá, azúcar, agua", 0, 16},
    {"inca_kola", "Inca Kola", "Inca Kola", kB, "non_alcoholic", "agua, azúcar", 0, 10},
    {"agua_mineral", "Agua mineral San Mateo", "San Mateo mineral water", kB, "non_alcoholic",
     "agua mineral", 0, 9},
    {"mocktail_aguaymanto", "Mocktail de aguaymanto y maracuyá",
     "Goldenberry and passion-fruit mocktail", kB, "non_alcoholic",
     "aguaymanto, maracuyá, ginger ale, limón, hielo", 0, 22},
    // --- Bebidas calientes ---
    {"cafe_villa_rica", "Café pasado de Villa Rica", "Villa Rica drip coffee", kB, "hot_drink",
     "café, agua", 0, 14},
    {"espresso", "Espresso de Chanchamayo", "Chanchamayo espresso", kB, "hot_drink",
     "café, agua", 0, 12},
    {"cappuccino", "Cappuccino", "Cappuccino", kB, "hot_drink", "café, leche", 0, 16},
    {"mate_de_coca", "Mate de coca", "Coca-leaf tea", kB, "hot_drink", "hojas de coca, agua", 0,
     12},
    {"infusion_muna", "Infusión de muña", "Muña (Andean mint) tea", kB, "hot_drink", "muña, agua",
     0, 12},
    {"chocolate_cusqueno", "Chocolate caliente cusqueño", "Cusco-style hot chocolate", kB,
     "hot_drink", "cacao, leche, canela, clavo de olor, azúcar", 0, 18},
};

// Names whose article DeriveSpanishArticle cannot tell: a brand takes the
// article of what it is ("el Intipalka", a wine; "la Cumbres", a beer), and a
// cocktail is masculine whatever its first word ("el coca sour").
constexpr std::pair<std::string_view, SpanishArticle> kStatedArticles[] = {
    {"coca_sour", SpanishArticle::kEl},
    {"intipalka_malbec", SpanishArticle::kEl},
    {"intipalka_tannat", SpanishArticle::kEl},
    {"intipalka_sauvignon", SpanishArticle::kEl},
    {"tacama_don_manuel", SpanishArticle::kEl},
    {"tacama_blanco_blancos", SpanishArticle::kEl},
    {"barbarian_red_ale", SpanishArticle::kLa},
    {"barbarian_chaski_porter", SpanishArticle::kLa},
    {"cumbres_negra", SpanishArticle::kLa},
};

// Brought to most tables without a choice being made: never suggested.
constexpr std::string_view kStaples[] = {"agua_mineral"};

MenuItem ToMenuItem(const CatalogEntry& entry) {
  MenuItem item;
  item.external_id = std::string(entry.code);
  item.name_es = std::string(entry.name_es);
  item.name_en = std::string(entry.name_en);
  item.course = entry.course;
  item.category = std::string(entry.category);
  item.ingredients = SplitIngredients(entry.ingredients);
  item.spice_level = entry.spice_level;
  item.price = static_cast<Centimos>(entry.price_soles) * 100;
  item.available = entry.available;
  for (const auto& [code, article] : kStatedArticles) {
    if (code == entry.code) item.article_es = article;
  }
  item.staple = std::find(std::begin(kStaples), std::end(kStaples), entry.code) != std::end(kStaples);
  return item;
}

}  // namespace

std::vector<std::string> SplitIngredients(std::string_view text) {
  std::vector<std::string> names;
  while (!text.empty()) {
    const size_t comma = text.find(", ");
    names.emplace_back(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 2);
  }
  return names;
}

StatusOr<std::vector<MenuItem>> BuildDemoMenu() {
  std::vector<MenuItem> menu;
  menu.reserve(std::size(kCatalog));
  for (const CatalogEntry& entry : kCatalog) {
    MenuItem item = ToMenuItem(entry);
    StatusOr<DerivedLabels> labels = DeriveLabels(item.ingredients);
    if (!labels.ok()) return labels.status().WithContext("menu item " + item.external_id);
    item.allergens = labels->allergens;
    item.diet_tags = labels->diet_tags;
    menu.push_back(std::move(item));
  }
  return menu;
}

}  // namespace sobremesa::demo
