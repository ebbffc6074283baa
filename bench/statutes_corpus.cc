#include "statutes_corpus.h"

#include <array>
#include <fstream>
#include <map>
#include <random>
#include <vector>

#include "ecosol/base/strings.h"
#include "ecosol/text/document.h"

namespace ecosol::bench {
namespace {

namespace fs = std::filesystem;

// Articles that carry no clause, per language: the bulk of real statutes.
const std::map<std::string, std::vector<std::string>>& Boilerplate() {
  static const std::map<std::string, std::vector<std::string>> b = {
      {"en",
       {"The name of the Society is {NAME} Limited. The registered office of the Society shall be "
        "at such place in {TOWN} as the Board may decide from time to time.",
        "The Board shall consist of not less than three and not more than {N} directors, elected "
        "by the members at the general meeting. A director shall hold office for three years and "
        "may be re-elected.",
        "The Board may appoint a secretary for such term and on such conditions as it thinks fit. "
        "The secretary shall keep the register of members and the minutes of every meeting.",
        "The financial year of the Society shall end on the thirty-first day of December. The "
        "Society shall keep proper books of account with respect to its transactions and its "
        "assets and liabilities.",
        "Any dispute between a member and the Society shall be referred to arbitration by a "
        "person appointed by the President of the Chartered Institute of Arbitrators.",
        "Notices shall be given in writing to the address of each member shown in the register. "
        "A notice sent by email to an address supplied by the member is deemed to be received "
        "on the day after it was sent.",
        "The quorum for a meeting of the Board shall be half of the directors in office. The "
        "chair shall be elected by the directors from among their number.",
        "The Society may borrow money for the purposes of its business up to a limit of {N} "
        "thousand pounds, on such terms as the Board may decide."}},
      {"fr",
       {"La société prend la dénomination de {NAME}. Son siège social est fixé à {TOWN}. Il peut "
        "être transféré en tout autre lieu par décision du conseil d'administration.",
        "La société est administrée par un conseil d'administration de trois à {N} membres, "
        "nommés par l'assemblée générale pour une durée de trois ans renouvelable.",
        "Le conseil d'administration se réunit aussi souvent que l'intérêt de la société "
        "l'exige, sur convocation de son président. Les décisions sont prises à la majorité.",
        "L'exercice social commence le premier janvier et se termine le trente et un décembre. "
        "Les comptes annuels sont établis par le conseil et soumis au commissaire aux comptes.",
        "Toutes contestations qui pourraient s'élever au cours de la vie de la société sont "
        "soumises à la juridiction des tribunaux compétents du lieu du siège social.",
        "La durée de la société est fixée à quatre-vingt-dix-neuf années à compter de son "
        "immatriculation au registre du commerce et des sociétés, sauf prorogation.",
        "Le capital social est variable. Il est divisé en parts sociales de {N} euros chacune, "
        "nominatives et indivisibles à l'égard de la société.",
        "Le président représente la société dans ses rapports avec les tiers. Il peut déléguer "
        "une partie de ses pouvoirs au directeur général."}},
      {"es",
       {"La sociedad se denomina {NAME}, Sociedad Cooperativa. Su domicilio social se fija en "
        "{TOWN} y podrá trasladarse por acuerdo del Consejo Rector.",
        "El Consejo Rector estará compuesto por un mínimo de tres y un máximo de {N} miembros, "
        "elegidos por la Asamblea General por un periodo de cuatro años.",
        "El ejercicio económico coincidirá con el año natural. Las cuentas anuales se formularán "
        "por el Consejo Rector dentro de los tres meses siguientes al cierre.",
        "Las cuestiones litigiosas que se susciten entre la cooperativa y sus socios se "
        "someterán al arbitraje cooperativo conforme a la legislación aplicable.",
        "La duración de la sociedad es indefinida. Dará comienzo a sus operaciones el día de su "
        "inscripción en el Registro de Cooperativas.",
        "El capital social mínimo se fija en {N} mil euros, íntegramente suscrito y desembolsado "
        "por los socios fundadores en el momento de la constitución.",
        "El Presidente ostentará la representación legal de la cooperativa y presidirá las "
        "reuniones de la Asamblea General y del Consejo Rector."}},
      {"pt",
       {"A cooperativa adota a denominação {NAME}, CRL, e tem a sua sede em {TOWN}, podendo "
        "criar delegações por deliberação da direção.",
        "A direção é composta por três a {N} membros, eleitos pela assembleia geral por um "
        "mandato de quatro anos, podendo ser reeleitos.",
        "O exercício social coincide com o ano civil. O relatório de gestão e as contas do "
        "exercício são apresentados pela direção ao conselho fiscal.",
        "Os litígios entre a cooperativa e os seus membros são resolvidos pelos tribunais da "
        "comarca da sede, salvo acordo em contrário.",
        "A duração da cooperativa é por tempo indeterminado, iniciando a sua atividade na data "
        "do registo.",
        "O capital social mínimo é de {N} mil euros, representado por títulos de capital "
        "nominativos de cinco euros cada.",
        "O presidente da direção representa a cooperativa em juízo e fora dele e convoca as "
        "reuniões da direção."}},
  };
  return b;
}

constexpr std::array<const char*, 8> kNames = {"Horizon",   "La Ruche",   "Terra Viva", "Riverside",
                                               "Solidaria", "Le Fournil", "Alvorada",   "Greenway"};
constexpr std::array<const char*, 8> kTowns = {"Leeds",  "Lyon",  "Bilbao",  "Porto",
                                               "Nantes", "Braga", "Cardiff", "Valencia"};

// The paragraphs of the golden cases, per language (from the expected files' "language").
Result<std::map<std::string, std::vector<std::string>>> GoldenParagraphs(const fs::path& dir) {
  std::map<std::string, std::vector<std::string>> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string ext = e.path().extension().string();
    if (ext != ".txt" && ext != ".md" && ext != ".html") continue;
    if (e.path().filename() == "README.md") continue;
    auto text = text::ExtractDocumentText(e.path());
    if (!text.ok()) return text.status();
    std::string lang = e.path().filename().string().substr(0, 2);
    for (const std::string& p : SplitNonEmpty(*text, '\n')) {
      if (p.size() > 40) out[lang].push_back(p);
    }
  }
  if (out.size() < 4) return NotFound(dir.string() + ": golden cases of 4 languages needed");
  return out;
}

void ReplaceAll(std::string* s, std::string_view from, const std::string& to) {
  for (size_t pos = s->find(from); pos != std::string::npos; pos = s->find(from, pos)) {
    s->replace(pos, from.size(), to);
    pos += to.size();
  }
}

// Varies the numbers of a paragraph ("15 %" -> "12 %") so that documents differ.
std::string VaryNumbers(std::string p, std::mt19937& rng) {
  for (char& c : p) {
    if (c >= '1' && c <= '9' && rng() % 3 == 0) c = static_cast<char>('1' + rng() % 9);
  }
  return p;
}

std::string Document(const std::vector<std::string>& golden, const std::vector<std::string>& plate,
                     std::mt19937& rng) {
  std::string name = kNames[rng() % kNames.size()];
  std::string doc = "STATUTES — " + name + "\n\n";
  size_t target = 16384 + rng() % 49152;
  for (int article = 1; doc.size() < target; ++article) {
    // About one article in four carries a clause, as in real statutes.
    bool clause = rng() % 4 == 0;
    std::string p =
        clause ? VaryNumbers(golden[rng() % golden.size()], rng) : plate[rng() % plate.size()];
    ReplaceAll(&p, "{NAME}", name);
    ReplaceAll(&p, "{TOWN}", kTowns[rng() % kTowns.size()]);
    ReplaceAll(&p, "{N}", std::to_string(5 + rng() % 20));
    doc += "Article " + std::to_string(article) + "\n" + p + "\n\n";
  }
  return doc;
}

}  // namespace

Result<CorpusStats> GenerateStatutesCorpus(const fs::path& dir, size_t megabytes, uint32_t seed,
                                           const fs::path& golden_dir) {
  auto golden = GoldenParagraphs(golden_dir);
  if (!golden.ok()) return golden.status();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Internal(dir.string() + ": " + ec.message());
  std::mt19937 rng(seed);
  std::vector<std::string> langs = {"en", "fr", "es", "pt"};
  CorpusStats stats;
  while (stats.bytes < megabytes * 1000000) {
    const std::string& lang = langs[stats.files % langs.size()];
    std::string doc = Document(golden->at(lang), Boilerplate().at(lang), rng);
    char name[32];
    std::snprintf(name, sizeof name, "doc_%05zu.txt", stats.files);
    std::ofstream out(dir / name, std::ios::binary);
    out << doc;
    if (!out) return Internal((dir / name).string() + ": cannot write");
    stats.bytes += doc.size();
    ++stats.files;
  }
  return stats;
}

}  // namespace ecosol::bench
