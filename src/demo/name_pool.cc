#include "demo/name_pool.h"

#include <array>
#include <string_view>

namespace sobremesa::demo {
namespace {

using Names = std::span<const std::string_view>;

constexpr std::string_view kPeruFirst[] = {
    "María Fernanda", "José Luis", "Lucía", "Carlos", "Valeria", "Diego", "Ximena", "Renzo",
    "Camila", "Miguel Ángel", "Andrea", "Jorge", "Rosa", "Luis Alberto", "Daniela", "Sebastián",
    "Gabriela", "Álvaro", "Milagros", "César", "Fiorella", "Gonzalo", "Claudia", "Martín",
    "Paola", "Javier", "Mariana", "Ricardo", "Alejandra", "Juan Carlos", "Sofía", "Ernesto",
    "Carmen", "Piero", "Natalia", "Raúl", "Verónica", "Gustavo", "Karina", "Andrés", "Patricia",
    "Rodrigo", "Micaela", "Franco", "Silvana", "Óscar", "Cecilia", "Mateo", "Ana Lucía", "Hugo"};
constexpr std::string_view kPeruLast[] = {
    "Quispe", "Flores", "Sánchez", "Rodríguez", "García", "Rojas", "Mendoza", "Huamán", "Chávez",
    "Vargas", "Castillo", "Ramírez", "Torres", "Salazar", "Gutiérrez", "Mamani", "Paredes",
    "Villanueva", "Espinoza", "Cárdenas", "Zegarra", "Benavides", "Del Solar", "Aramburú",
    "Belaúnde", "Prado", "Olaechea", "Miró Quesada", "Nakamura", "Higa", "Tokashiki", "Kanashiro",
    "Yamashiro", "Chang", "Wong", "Lau", "Chiang", "Ñique", "Yupanqui", "Condori", "Ticona",
    "Pacheco", "Valdivia", "Montoya", "Bustamante", "Llosa", "Arana", "Málaga", "Cisneros", "Peña"};
constexpr std::string_view kEnglishFirst[] = {
    "Emily", "James", "Olivia", "Michael", "Sarah", "David", "Jessica", "Daniel", "Emma", "Ryan",
    "Hannah", "Matthew", "Lauren", "Christopher", "Megan", "Andrew", "Rachel", "Thomas", "Chloe",
    "William", "Grace", "Benjamin", "Charlotte", "Oliver", "Sophie", "Jack", "Amelia", "Harry"};
constexpr std::string_view kEnglishLast[] = {
    "Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
    "Thomas", "Moore", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker",
    "Hughes", "Evans", "Roberts", "Wright", "Cooper", "Murphy", "O'Connor", "Bennett", "Price"};
constexpr std::string_view kBrazilFirst[] = {
    "João", "Ana Clara", "Pedro", "Beatriz", "Lucas", "Mariana", "Gabriel", "Larissa", "Rafael",
    "Júlia", "Thiago", "Fernanda", "Gustavo", "Letícia", "Felipe", "Camila", "Bruno", "Isabela"};
constexpr std::string_view kBrazilLast[] = {
    "Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Ferreira", "Costa", "Rodrigues",
    "Almeida", "Nascimento", "Carvalho", "Araújo", "Ribeiro", "Gonçalves", "Barbosa"};
constexpr std::string_view kLatamFirst[] = {
    "Martina", "Tomás", "Florencia", "Joaquín", "Catalina", "Nicolás", "Antonella", "Matías",
    "Fernanda", "Emiliano", "Renata", "Santiago", "Isidora", "Benjamín", "Regina", "Agustín"};
constexpr std::string_view kLatamLast[] = {
    "González", "Muñoz", "Fernández", "López", "Martínez", "Pérez", "Hernández", "Díaz",
    "Álvarez", "Romero", "Soto", "Contreras", "Morales", "Jiménez", "Navarro", "Ortiz"};

// Maps accented letters to ASCII for e-mail local parts.
std::string AsciiFold(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, char>, 14> kFolds{{
      {"á", 'a'}, {"é", 'e'}, {"í", 'i'}, {"ó", 'o'}, {"ú", 'u'}, {"ñ", 'n'}, {"ç", 'c'},
      {"Á", 'a'}, {"É", 'e'}, {"Í", 'i'}, {"Ó", 'o'}, {"Ú", 'u'}, {"Ñ", 'n'}, {"ã", 'a'},
  }};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool folded = false;
    for (const auto& [from, to] : kFolds) {
      if (text.substr(i).starts_with(from)) {
        out += to;
        i += from.size();
        folded = true;
        break;
      }
    }
    if (folded) continue;
    const char c = text[i++];
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    else if (c == ' ') out += '.';
    // Other bytes (apostrophes, unmapped accents) are dropped.
  }
  return out;
}

std::string Digits(DemoRandom& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + rng.Int(0, 9));
  return out;
}

std::string PhoneFor(Homeland homeland, DemoRandom& rng) {
  switch (homeland) {
    case Homeland::kPeru:
      return "+51 9" + Digits(rng, 2) + " " + Digits(rng, 3) + " " + Digits(rng, 3);
    case Homeland::kUnitedStates:  // 555-01xx numbers are reserved for fiction.
      return "+1 " + Digits(rng, 3) + " 555 01" + Digits(rng, 2);
    case Homeland::kUnitedKingdom:  // Ofcom's range for drama.
      return "+44 7700 900" + Digits(rng, 3);
    case Homeland::kBrazil:
      return "+55 11 9" + Digits(rng, 4) + "-" + Digits(rng, 4);
    case Homeland::kLatinAmerica:
      return "+56 9 " + Digits(rng, 4) + " " + Digits(rng, 4);
  }
  return "";
}

struct NamePools {
  Names first, last;
  Language language;
};

NamePools PoolsFor(Homeland homeland) {
  switch (homeland) {
    case Homeland::kPeru: return {kPeruFirst, kPeruLast, Language::kSpanish};
    case Homeland::kUnitedStates:
    case Homeland::kUnitedKingdom: return {kEnglishFirst, kEnglishLast, Language::kEnglish};
    case Homeland::kBrazil: return {kBrazilFirst, kBrazilLast, Language::kPortuguese};
    case Homeland::kLatinAmerica: return {kLatamFirst, kLatamLast, Language::kSpanish};
  }
  return {kPeruFirst, kPeruLast, Language::kSpanish};
}

std::string NameFrom(const NamePools& pools, bool two_surnames, DemoRandom& rng) {
  std::string name(rng.Pick(pools.first));
  name.append(" ").append(rng.Pick(pools.last));
  // Peruvians and other Hispanic guests usually give both surnames.
  if (two_surnames) name.append(" ").append(rng.Pick(pools.last));
  return name;
}

}  // namespace

GuestIdentity MakeIdentity(Homeland homeland, int serial, DemoRandom& rng) {
  static constexpr std::string_view kDomains[] = {"example.com", "example.net", "example.org"};
  const NamePools pools = PoolsFor(homeland);
  const bool hispanic = homeland == Homeland::kPeru || homeland == Homeland::kLatinAmerica;
  GuestIdentity id;
  id.name = NameFrom(pools, hispanic && rng.Chance(0.7), rng);
  id.language = pools.language;
  id.email = AsciiFold(id.name) + std::to_string(serial) + "@" +
             std::string(rng.Pick(std::span<const std::string_view>(kDomains)));
  id.phone = PhoneFor(homeland, rng);
  return id;
}

std::string HandleFor(const std::string& name, DemoRandom& rng) {
  static constexpr std::string_view kSuffixes[] = {"", "_lima", ".foodie", "eats", "_pe", "travels"};
  std::string folded = AsciiFold(name);
  const size_t dot = folded.find('.');
  const std::string first = folded.substr(0, dot);
  // The first two words of the name: "maria.fernanda.quispe" gives "maria.fernanda".
  const size_t next = dot == std::string::npos ? dot : folded.find('.', dot + 1);
  const std::string rest = dot == std::string::npos ? "" : folded.substr(dot + 1, next - dot - 1);
  return "@" + first + (rest.empty() ? "" : "." + rest) +
         std::string(rng.Pick(std::span<const std::string_view>(kSuffixes)));
}

}  // namespace sobremesa::demo
