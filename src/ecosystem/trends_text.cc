// Reading dates and writing the trend of a group in words (trends_internal.h).

#include <cmath>
#include <cstdio>
#include <string>

#include "trends_internal.h"

namespace ecosol::ecosystem::internal {
namespace {

std::optional<int> Digits(std::string_view s, size_t at, size_t n) {
  int value = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// The words of one language. Templates take {group}, {territory}, {births}, {deaths}, {span},
// {start}, {end}, {cagr}, {year}, {n}.
struct Words {
  std::string_view language;
  std::string_view all_organisations, unspecified, all_territories;
  std::string_view birth, births, death, deaths;
  std::string_view events;  // "{group}, {territory}: {births} and {deaths} in {span}; "
  std::string_view rose, fell, stayed;
  std::string_view cagr;  // " ({cagr} a year)"
  std::string_view no_data;
  std::string_view most_births, most_deaths;
  std::string_view undated_one, undated_many;
  char decimal;
  std::string_view percent;  // "%" or " %"
};

constexpr Words kWords[] = {
    {"en",
     "All organisations",
     "Unspecified",
     "all territories",
     "birth",
     "births",
     "death",
     "deaths",
     "{group}, {territory}: {births} and {deaths} in {span}; ",
     "active organisations rose from {start} to {end}",
     "active organisations fell from {start} to {end}",
     "active organisations stayed at {start}",
     " ({cagr} a year)",
     "{group}, {territory}: no dated organisations.",
     "Most births: {year} ({n}).",
     "Most deaths: {year} ({n}).",
     "1 organisation without usable dates is not counted.",
     "{n} organisations without usable dates are not counted.",
     '.',
     "%"},
    {"fr",
     "Toutes les organisations",
     "Non précisé",
     "tous territoires",
     "création",
     "créations",
     "dissolution",
     "dissolutions",
     "{group}, {territory} : {births} et {deaths} en {span} ; ",
     "le nombre d'organisations actives est passé de {start} à {end}",
     "le nombre d'organisations actives est passé de {start} à {end}",
     "le nombre d'organisations actives est resté à {start}",
     " ({cagr} par an)",
     "{group}, {territory} : aucune organisation datée.",
     "Le plus de créations : {year} ({n}).",
     "Le plus de dissolutions : {year} ({n}).",
     "1 organisation sans dates utilisables n'est pas comptée.",
     "{n} organisations sans dates utilisables ne sont pas comptées.",
     ',',
     " %"},
    {"es",
     "Todas las organizaciones",
     "Sin especificar",
     "todos los territorios",
     "creación",
     "creaciones",
     "disolución",
     "disoluciones",
     "{group}, {territory}: {births} y {deaths} en {span}; ",
     "el número de organizaciones activas pasó de {start} a {end}",
     "el número de organizaciones activas pasó de {start} a {end}",
     "el número de organizaciones activas se mantuvo en {start}",
     " ({cagr} al año)",
     "{group}, {territory}: ninguna organización con fecha.",
     "Más creaciones: {year} ({n}).",
     "Más disoluciones: {year} ({n}).",
     "1 organización sin fechas utilizables no se cuenta.",
     "{n} organizaciones sin fechas utilizables no se cuentan.",
     ',',
     " %"},
    {"pt",
     "Todas as organizações",
     "Não especificado",
     "todos os territórios",
     "criação",
     "criações",
     "dissolução",
     "dissoluções",
     "{group}, {territory}: {births} e {deaths} em {span}; ",
     "o número de organizações ativas passou de {start} para {end}",
     "o número de organizações ativas passou de {start} para {end}",
     "o número de organizações ativas manteve-se em {start}",
     " ({cagr} ao ano)",
     "{group}, {territory}: nenhuma organização com data.",
     "Mais criações: {year} ({n}).",
     "Mais dissoluções: {year} ({n}).",
     "1 organização sem datas utilizáveis não é contada.",
     "{n} organizações sem datas utilizáveis não são contadas.",
     ',',
     "%"},
};

void Replace(std::string& text, std::string_view key, const std::string& value) {
  for (size_t at = text.find(key); at != std::string::npos;
       at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
}

// "-1.5%", "+2.0 %", "0,0 %": one decimal, signed, no "-0.0".
std::string Percent(double fraction, const Words& w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", 100 * fraction);
  std::string s = buf;
  if (s == "-0.0" || s == "+0.0") s = "0.0";
  for (char& c : s) {
    if (c == '.') c = w.decimal;
  }
  return s + std::string(w.percent);
}

std::string Count(int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string GroupName(const TrendGroup& g, const Words& w) {
  if (g.key == kAllGroup) return std::string(w.all_organisations);
  if (g.key == kUnspecifiedGroup) return std::string(w.unspecified);
  return g.key;
}

std::string TerritoryName(const TrendsQuery& q, const Words& w) {
  if (!q.territory_name.empty()) return q.territory_name;
  return q.territory.empty() ? std::string(w.all_territories) : q.territory;
}

std::string Activity(const TrendSummary& s, const Words& w) {
  std::string text(s.active_end > s.active_start   ? w.rose
                   : s.active_end < s.active_start ? w.fell
                                                   : w.stayed);
  Replace(text, "{start}", std::to_string(s.active_start));
  Replace(text, "{end}", std::to_string(s.active_end));
  if (s.active_end != s.active_start && std::isfinite(s.cagr)) {
    std::string cagr(w.cagr);
    Replace(cagr, "{cagr}", Percent(s.cagr, w));
    text += cagr;
  }
  return text + ".";
}

std::string Peak(std::string_view tpl, const std::optional<int>& year, int64_t n) {
  if (!year) return "";
  std::string text(tpl);
  Replace(text, "{year}", std::to_string(*year));
  Replace(text, "{n}", std::to_string(n));
  return " " + text;
}

std::string Sentence(const TrendGroup& g, const TrendsQuery& q, int from, int to, const Words& w) {
  const TrendSummary& s = g.summary;
  std::string text(from == 0 ? w.no_data : w.events);
  Replace(text, "{group}", GroupName(g, w));
  Replace(text, "{territory}", TerritoryName(q, w));
  if (from != 0) {
    Replace(text, "{births}", Count(s.births, w.birth, w.births));
    Replace(text, "{deaths}", Count(s.deaths, w.death, w.deaths));
    Replace(text, "{span}",
            from == to ? std::to_string(from) : std::to_string(from) + "-" + std::to_string(to));
    text += Activity(s, w);
    if (to > from) {
      text += Peak(w.most_births, s.peak_birth_year, s.peak_births);
      text += Peak(w.most_deaths, s.peak_death_year, s.peak_deaths);
    }
  }
  const int64_t undated = g.unknown_founded + g.unusable_dissolved;
  if (undated > 0) {
    std::string more(undated == 1 ? w.undated_one : w.undated_many);
    Replace(more, "{n}", std::to_string(undated));
    text += " " + more;
  }
  return text;
}

}  // namespace

std::optional<int> DateYear(std::string_view d) {
  if (d.size() < 4) return std::nullopt;
  std::optional<int> year = Digits(d, 0, 4);
  if (!year || *year == 0) return std::nullopt;
  if (d.size() == 4) return year;
  if (d.size() < 7 || d[4] != '-') return std::nullopt;
  std::optional<int> month = Digits(d, 5, 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (d.size() == 7) return year;
  if (d.size() < 10 || d[7] != '-') return std::nullopt;
  std::optional<int> day = Digits(d, 8, 2);
  if (!day || *day < 1 || *day > DaysIn(*year, *month)) return std::nullopt;
  if (d.size() == 10 || d[10] == 'T' || d[10] == ' ') return year;
  return std::nullopt;
}

namespace {

// Warning templates: kind, then en, fr, es, pt.
struct WarningWords {
  std::string_view kind;
  std::string_view text[4];
};

constexpr std::string_view kWarningLanguages[] = {"en", "fr", "es", "pt"};

constexpr WarningWords kWarningWords[] = {
    {"founded",
     {"not a date (YYYY, YYYY-MM or YYYY-MM-DD): counted under unknown founding year",
      "pas une date (AAAA, AAAA-MM ou AAAA-MM-JJ) : compté sous « année de création inconnue »",
      "no es una fecha (AAAA, AAAA-MM o AAAA-MM-DD): contado con año de creación desconocido",
      "não é uma data (AAAA, AAAA-MM ou AAAA-MM-DD): contado com ano de criação desconhecido"}},
    {"dissolved",
     {"not a date (YYYY, YYYY-MM or YYYY-MM-DD): the actor is left out of the yearly counts",
      "pas une date (AAAA, AAAA-MM ou AAAA-MM-JJ) : l'acteur est laissé hors des comptes "
      "annuels",
      "no es una fecha (AAAA, AAAA-MM o AAAA-MM-DD): el actor queda fuera de los recuentos "
      "anuales",
      "não é uma data (AAAA, AAAA-MM ou AAAA-MM-DD): o ator fica fora das contagens anuais"}},
    {"dissolved_before_founded",
     {"before the founding date {founded}: the actor is left out of the yearly counts",
      "antérieure à la date de création {founded} : l'acteur est laissé hors des comptes "
      "annuels",
      "anterior a la fecha de creación {founded}: el actor queda fuera de los recuentos anuales",
      "anterior à data de criação {founded}: o ator fica fora das contagens anuais"}},
    {"period",
     {"period is not a year or a date: the figure is left out",
      "la période n'est ni une année ni une date : le chiffre est laissé de côté",
      "el periodo no es un año ni una fecha: la cifra se deja fuera",
      "o período não é um ano nem uma data: o número fica de fora"}},
    {"value",
     {"value is not a finite number: the figure is left out",
      "la valeur n'est pas un nombre fini : le chiffre est laissé de côté",
      "el valor no es un número finito: la cifra se deja fuera",
      "o valor não é um número finito: o número fica de fora"}},
    {"other_units",
     {"{n} figures in another unit than {unit} are left out of the sums",
      "{n} chiffres dans une autre unité que {unit} sont laissés hors des sommes",
      "{n} cifras en otra unidad distinta de {unit} quedan fuera de las sumas",
      "{n} números noutra unidade que não {unit} ficam fora das somas"}},
};

}  // namespace

model::LocalisedText WarningText(std::string_view kind,
                                 const std::vector<std::pair<std::string, std::string>>& vars) {
  model::LocalisedText out;
  for (const WarningWords& w : kWarningWords) {
    if (w.kind != kind) continue;
    for (size_t i = 0; i < 4; ++i) {
      std::string text(w.text[i]);
      for (const auto& [key, value] : vars) Replace(text, "{" + key + "}", value);
      out[std::string(kWarningLanguages[i])] = std::move(text);
    }
  }
  return out;
}

model::LocalisedText TrendText(const TrendGroup& group, const TrendsQuery& query, int from,
                               int to) {
  model::LocalisedText text;
  for (const Words& w : kWords) {
    text[std::string(w.language)] = Sentence(group, query, from, to, w);
  }
  return text;
}

}  // namespace ecosol::ecosystem::internal
