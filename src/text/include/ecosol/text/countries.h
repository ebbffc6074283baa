#pragma once

// Country values as people type them, read as ISO 3166-1 alpha-2 codes. Directories fill their
// country field with codes in any case, alpha-3 codes, English names, names in other languages
// and the UK's nations; an import needs the code.
//
//   NormaliseCountry("Österreich")      -> "AT"
//   NormaliseCountry(" uk ")            -> "GB"   (the common exception to ISO)
//   NormaliseCountry("FRA")             -> "FR"
//   NormaliseCountry("Scotland")        -> "GB"
//   NormaliseCountry("Atlantis")        -> nullopt
//   NormaliseCountryAt("SR", 48.1, 17.1) -> "SK"  (Slovenská republika, not Suriname)
//
// The rules, in order (docs/formats/geojson.md lists them for users):
//  1. Surrounding whitespace is ignored; an empty value is unknown.
//  2. Two ASCII letters, any case: the alpha-2 code of one of the 249 countries of the ESSGlobal
//     countries vocabulary; "UK" and "EL" (the European Union's codes) are GB and GR.
//  3. Three ASCII letters, any case: an alpha-3 code ("FRA", "deu").
//  4. Otherwise a name: case, accents and punctuation are folded ("CÔTE-D'IVOIRE" matches
//     "Côte d'Ivoire"), and a leading "the" is dropped. Names known: the ESSGlobal labels (de, en,
//     es, fr, ko, pt, zh), the ISO names and the names in German, French, Spanish, Portuguese,
//     Italian, Dutch and the country's own languages, and a list of common aliases (the UK's
//     nations, "Holland", "Ivory Coast", "Burma", ... and misspellings met in real directories).
//
// All functions are pure and thread-safe.

#include <optional>
#include <string>
#include <string_view>

namespace ecosol::text {

// The upper-case ISO 3166-1 alpha-2 code of `value`, or nullopt when it names no known country.
std::optional<std::string> NormaliseCountry(std::string_view value);

// Like NormaliseCountry for a value given with the place it locates. Some European sources write
// their own country with a national abbreviation that is another country's ISO code: "SR"
// (Slovenská republika; ISO: Suriname) and "CR" (Česká republika; ISO: Costa Rica). When the
// place lies in Europe (latitude 34 to 72, longitude -25 to 45) these read as SK and CZ.
std::optional<std::string> NormaliseCountryAt(std::string_view value, double lat, double lon);

// True when `code` is the upper-case alpha-2 code of a known country ("GB", not "UK").
bool IsCountryCode(std::string_view code);

}  // namespace ecosol::text
