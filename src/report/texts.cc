// The words of the territory report in four languages.

#include "texts.h"

#include <array>
#include <map>
#include <vector>

namespace ecosol::report::internal {
namespace {

using Four = std::array<std::string, 4>;  // en, fr, es, pt

const std::map<std::string, Four, std::less<>>& Table() {
  static const auto* table = new std::map<std::string, Four, std::less<>>{
      {"title",
       {"{name}: SSE ecosystem report", "{name} : rapport sur l'écosystème de l'ESS",
        "{name}: informe del ecosistema de la ESS", "{name}: relatório do ecossistema da ESS"}},
      {"subtitle",
       {"Made on {date} from the Ecosol registry: {actors} actors placed in the territory.",
        "Établi le {date} à partir du registre Ecosol : {actors} acteurs situés dans le "
        "territoire.",
        "Elaborado el {date} a partir del registro Ecosol: {actors} actores situados en el "
        "territorio.",
        "Elaborado em {date} a partir do registo Ecosol: {actors} atores situados no território."}},
      {"summary", {"Summary", "Synthèse", "Resumen", "Síntese"}},
      {"type",
       {"Ecosystem type: {type}.", "Type d'écosystème : {type}.", "Tipo de ecosistema: {type}.",
        "Tipo de ecossistema: {type}."}},
      {"indicator", {"Indicator", "Indicateur", "Indicador", "Indicador"}},
      {"value", {"Value", "Valeur", "Valor", "Valor"}},
      {"actors", {"Actors", "Acteurs", "Actores", "Atores"}},
      {"sse_actors", {"SSE actors", "Acteurs de l'ESS", "Actores de la ESS", "Atores da ESS"}},
      {"population", {"Population", "Population", "Población", "População"}},
      {"unknown", {"unknown", "inconnue", "desconocida", "desconhecida"}},
      {"sse_per_10000",
       {"SSE actors per 10,000 residents", "Acteurs de l'ESS pour 10 000 habitants",
        "Actores de la ESS por cada 10 000 habitantes", "Atores da ESS por 10 000 habitantes"}},
      {"raters",
       {"Perception assessments", "Évaluations de perception", "Evaluaciones de percepción",
        "Avaliações de perceção"}},
      {"ties",
       {"Ties between actors", "Liens entre acteurs", "Vínculos entre actores",
        "Vínculos entre atores"}},
      {"stage",
       {"Network-weaving stage", "Stade de tissage du réseau", "Etapa de tejido de la red",
        "Fase de tecelagem da rede"}},
      {"map", {"Map", "Carte", "Mapa", "Mapa"}},
      {"map_caption",
       {"{located} of {actors} actors have a location; colour by type.",
        "{located} des {actors} acteurs ont une localisation ; couleur selon le type.",
        "{located} de {actors} actores tienen ubicación; color según el tipo.",
        "{located} de {actors} atores têm localização; cor segundo o tipo."}},
      {"map_alt",
       {"Map of the actors of {name}", "Carte des acteurs de {name}",
        "Mapa de los actores de {name}", "Mapa dos atores de {name}"}},
      {"no_location",
       {"No actor of the territory has a location that may be shown.",
        "Aucun acteur du territoire n'a de localisation publiable.",
        "Ningún actor del territorio tiene una ubicación que se pueda mostrar.",
        "Nenhum ator do território tem uma localização que possa ser mostrada."}},
      {"blocks",
       {"Building blocks", "Briques de l'écosystème", "Componentes del ecosistema",
        "Componentes do ecossistema"}},
      {"blocks_caption",
       {"Coverage of each building block (0–100); the dashed line marks a covered block "
        "({covered}).",
        "Couverture de chaque brique (0–100) ; le trait pointillé marque une brique couverte "
        "({covered}).",
        "Cobertura de cada componente (0–100); la línea discontinua marca un componente cubierto "
        "({covered}).",
        "Cobertura de cada componente (0–100); a linha tracejada marca um componente coberto "
        "({covered})."}},
      {"block", {"Block", "Brique", "Componente", "Componente"}},
      {"hard", {"Hard evidence", "Preuves factuelles", "Evidencia objetiva", "Evidência objetiva"}},
      {"perception", {"Perception", "Perception", "Percepción", "Perceção"}},
      {"coverage", {"Coverage", "Couverture", "Cobertura", "Cobertura"}},
      {"covered", {"Covered", "Couverte", "Cubierto", "Coberto"}},
      {"yes", {"yes", "oui", "sí", "sim"}},
      {"no", {"no", "non", "no", "não"}},
      {"not_rated", {"not rated", "non évaluée", "sin evaluar", "não avaliado"}},
      {"evidence", {"Evidence", "Preuves", "Evidencia", "Evidência"}},
      {"missing", {"Missing links", "Chaînons manquants", "Eslabones que faltan", "Elos em falta"}},
      {"nothing_missing",
       {"Every signal of the framework is present in the territory.",
        "Tous les signaux du référentiel sont présents dans le territoire.",
        "Todas las señales del marco están presentes en el territorio.",
        "Todos os sinais do referencial estão presentes no território."}},
      {"network", {"Network", "Réseau", "Red", "Rede"}},
      {"network_caption",
       {"{shown} actors with ties (of {nodes} in the territory); size by number of ties, colour by "
        "type.",
        "{shown} acteurs ayant des liens (sur {nodes} dans le territoire) ; taille selon le nombre "
        "de liens, couleur selon le type.",
        "{shown} actores con vínculos (de {nodes} en el territorio); tamaño según el número de "
        "vínculos, color según el tipo.",
        "{shown} atores com vínculos (de {nodes} no território); tamanho segundo o número de "
        "vínculos, cor segundo o tipo."}},
      {"network_cut",
       {"The {shown} most connected of the {with_ties} actors with ties are drawn.",
        "Les {shown} acteurs les plus connectés parmi les {with_ties} ayant des liens sont "
        "dessinés.",
        "Se dibujan los {shown} actores más conectados de los {with_ties} con vínculos.",
        "São desenhados os {shown} atores mais conectados dos {with_ties} com vínculos."}},
      {"network_alt",
       {"Network of the actors of {name}", "Réseau des acteurs de {name}",
        "Red de los actores de {name}", "Rede dos atores de {name}"}},
      {"no_ties",
       {"No tie between the territory's actors is recorded.",
        "Aucun lien entre les acteurs du territoire n'est enregistré.",
        "No hay ningún vínculo registrado entre los actores del territorio.",
        "Nenhum vínculo entre os atores do território está registado."}},
      {"central",
       {"Most central actors", "Acteurs les plus centraux", "Actores más centrales",
        "Atores mais centrais"}},
      {"actor", {"Actor", "Acteur", "Actor", "Ator"}},
      {"group", {"Type", "Type", "Tipo", "Tipo"}},
      {"degree", {"Ties", "Liens", "Vínculos", "Vínculos"}},
      {"betweenness", {"Betweenness", "Intermédiarité", "Intermediación", "Intermediação"}},
      {"brokerage", {"Brokerage", "Courtage", "Intermediación entre grupos", "Corretagem"}},
      {"dynamics", {"Dynamics", "Dynamique", "Dinámica", "Dinâmica"}},
      {"births", {"Births", "Créations", "Altas", "Criações"}},
      {"deaths", {"Deaths", "Disparitions", "Bajas", "Extinções"}},
      {"active",
       {"Active at year end", "Actives en fin d'année", "Activas a fin de año",
        "Ativas no fim do ano"}},
      {"dynamics_caption",
       {"Organisations founded, dissolved and active per year, {from}–{to}.",
        "Organisations créées, disparues et actives par année, {from}–{to}.",
        "Organizaciones creadas, disueltas y activas por año, {from}–{to}.",
        "Organizações criadas, extintas e ativas por ano, {from}–{to}."}},
      {"dynamics_alt",
       {"Births, deaths and active organisations per year in {name}",
        "Créations, disparitions et organisations actives par année dans {name}",
        "Altas, bajas y organizaciones activas por año en {name}",
        "Criações, extinções e organizações ativas por ano em {name}"}},
      {"no_dates",
       {"No organisation of the territory has a usable founding date, so its dynamics cannot be "
        "drawn. Import data with founding dates (for example the Co-operatives UK organisations "
        "file) to see them.",
        "Aucune organisation du territoire n'a de date de création exploitable : sa dynamique ne "
        "peut pas être tracée. Importez des données avec des dates de création (par exemple le "
        "fichier des organisations de Co-operatives UK) pour la voir.",
        "Ninguna organización del territorio tiene una fecha de creación utilizable, por lo que "
        "su dinámica no puede trazarse. Importe datos con fechas de creación (por ejemplo el "
        "fichero de organizaciones de Co-operatives UK) para verla.",
        "Nenhuma organização do território tem uma data de criação utilizável, pelo que a sua "
        "dinâmica não pode ser traçada. Importe dados com datas de criação (por exemplo o ficheiro "
        "de organizações da Co-operatives UK) para a ver."}},
      {"undated",
       {"{unknown} of {actors} actors have no usable founding date and are not counted.",
        "{unknown} des {actors} acteurs n'ont pas de date de création exploitable et ne sont pas "
        "comptés.",
        "{unknown} de {actors} actores no tienen fecha de creación utilizable y no se cuentan.",
        "{unknown} de {actors} atores não têm data de criação utilizável e não são contados."}},
      {"method",
       {"Sources and method", "Sources et méthode", "Fuentes y método", "Fontes e método"}},
      {"method_text",
       {"Building blocks: framework {framework}, version {version}, hard evidence weighted {hard} "
        "and perception {perception}. Network measures computed with igraph. Only what the reader "
        "may see in the registry on {date} is counted. How to read each measure: the Ecosol "
        "documentation (docs/ecosystem.md, docs/ecosystem-blocks.md).",
        "Briques : référentiel {framework}, version {version}, preuves factuelles pondérées {hard} "
        "et perception {perception}. Mesures de réseau calculées avec igraph. Seul ce que le "
        "lecteur peut voir dans le registre le {date} est compté. Comment lire chaque mesure : la "
        "documentation d'Ecosol (docs/ecosystem.md, docs/ecosystem-blocks.md).",
        "Componentes: marco {framework}, versión {version}, evidencia objetiva ponderada {hard} y "
        "percepción {perception}. Medidas de red calculadas con igraph. Solo se cuenta lo que el "
        "lector puede ver en el registro el {date}. Cómo leer cada medida: la documentación de "
        "Ecosol (docs/ecosystem.md, docs/ecosystem-blocks.md).",
        "Componentes: referencial {framework}, versão {version}, evidência objetiva ponderada "
        "{hard} e perceção {perception}. Medidas de rede calculadas com igraph. Só se conta o que "
        "o leitor pode ver no registo em {date}. Como ler cada medida: a documentação do Ecosol "
        "(docs/ecosystem.md, docs/ecosystem-blocks.md)."}},
      {"footer", {"Ecosol, {date}.", "Ecosol, {date}.", "Ecosol, {date}.", "Ecosol, {date}."}},
  };
  return *table;
}

const std::map<std::string, Four, std::less<>>& Groups() {
  static const auto* groups = new std::map<std::string, Four, std::less<>>{
      {"apex_body",
       {"apex body", "organisation faîtière", "organismo de cúpula", "organização de cúpula"}},
      {"federation", {"federation", "fédération", "federación", "federação"}},
      {"public_body",
       {"public body", "organisme public", "organismo público", "organismo público"}},
      {"cooperative", {"co-operative", "coopérative", "cooperativa", "cooperativa"}},
      {"mutual", {"mutual", "mutuelle", "mutua", "mútua"}},
      {"social_enterprise",
       {"social enterprise", "entreprise sociale", "empresa social", "empresa social"}},
      {"community_group",
       {"community group", "groupe communautaire", "grupo comunitario", "grupo comunitário"}},
      {"university", {"university", "université", "universidad", "universidade"}},
      {"funder", {"funder", "financeur", "financiador", "financiador"}},
      {"network", {"network", "réseau", "red", "rede"}},
      {"informal_group", {"informal group", "groupe informel", "grupo informal", "grupo informal"}},
      {"organisation", {"organisation", "organisation", "organización", "organização"}},
      {"other", {"other", "autre", "otro", "outro"}},
  };
  return *groups;
}

size_t LanguageIndex(std::string_view lang) {
  if (lang == "fr") return 1;
  if (lang == "es") return 2;
  if (lang == "pt") return 3;
  return 0;
}

}  // namespace

const std::string& Words(std::string_view key, std::string_view lang) {
  auto it = Table().find(key);
  if (it == Table().end()) {
    static const auto* missing = new std::string("(?)");
    return *missing;
  }
  return it->second[LanguageIndex(lang)];
}

const std::string& GroupLabel(std::string_view group, std::string_view lang) {
  auto it = Groups().find(group);
  if (it == Groups().end()) return Groups().find("other")->second[LanguageIndex(lang)];
  return it->second[LanguageIndex(lang)];
}

std::vector<std::string> WordKeys() {
  std::vector<std::string> keys;
  for (const auto& [key, unused] : Table()) keys.push_back(key);
  return keys;
}

std::vector<std::string> GroupKeys() {
  std::vector<std::string> keys;
  for (const auto& [key, unused] : Groups()) keys.push_back(key);
  return keys;
}

}  // namespace ecosol::report::internal
