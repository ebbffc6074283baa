#pragma once

// Co-operatives UK's raw open data: the register extract (organisations-2017.csv, one row per
// organisation with its legal form, SIC codes, ownership classification, status and dates) and
// the economy file (economy-2011-2016.csv, one row per organisation and economic year with its
// turnover, profit, member funds, memberships and employees). Both name organisations by their
// "CUK Organisation ID" (R000001...), the Identifier of Co-operatives UK's ESSGlobal standard
// CSV too, so the three files meet on the same actor through identifiers["coops-uk"].
// docs/formats/coops-uk.md lists the mapping column by column.
//
//   CoopsUkOptions o;                                   // id_scheme "coops-uk"
//   auto register_rows = ReadCoopsUkRegister(text, o);  // rows for Registry::Import
//   auto figures = ReadCoopsUkEconomy(text);            // rows for ImportIndicators
//
// The register in short:
//  - SIC codes ("UKSIC07-9499", or bare digits) are kept in attributes["sic_code"] as digits, and
//    their division (first two digits) gives the primary ICA activity through the crosswalk
//    data/coops-uk/crosswalk-sic-division-to-ica-activity.csv;
//  - legal form and ownership classification give the ESSGlobal organisational structure and
//    base membership type through data/coops-uk/crosswalk-legal-ownership-to-structure-
//    membership.csv (an empty cell is the crosswalk's "Unspecified");
//  - incorporation and dissolved dates (d/m/yyyy) become founded and dissolved (ISO);
//  - a bad date, a SIC code that is malformed or whose division the crosswalk lacks, a legal form
//    or ownership classification the crosswalk lacks, or an unknown UK nation is a rejection
//    naming the line and the column.
//
// The crosswalks are compiled in (see data/coops-uk/SOURCE.md). All functions are pure and
// thread-safe.

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/interop/essglobal_csv.h"
#include "ecosol/interop/indicators.h"

namespace ecosol::interop {

struct CoopsUkOptions {
  std::string id_scheme = "coops-uk";  // the scheme of the "CUK Organisation ID" column
  std::vector<std::string> claims;     // claims every actor of the register makes
};

// The columns of the register extract and of the economy file. A file must have each of them
// (in any order) and no other.
const std::vector<std::string>& CoopsUkRegisterColumns();
const std::vector<std::string>& CoopsUkEconomyColumns();

// The crosswalk's structure and membership type for a legal form and an ownership
// classification; either code may be empty (the crosswalk gives none).
struct StructureMembership {
  std::string structure;   // "OS130"
  std::string membership;  // "BMT10"
};

// The crosswalks, parsed once from the compiled-in copies of data/coops-uk/.
struct CoopsUkCrosswalks {
  std::map<std::string, std::string> ica_of_division;  // "94" -> "ICA280"
  // (legal form, ownership classification) -> codes; "Unspecified" stands for an empty cell.
  std::map<std::pair<std::string, std::string>, StructureMembership> structure_of;
};
const CoopsUkCrosswalks& CoopsUkCrosswalk();

// Parses a crosswalk's text (the two files' formats); InvalidArgument naming the line when a
// row is malformed. CoopsUkCrosswalk() uses them on the compiled-in copies.
Result<std::map<std::string, std::string>> ParseSicCrosswalk(std::string_view text);
Result<std::map<std::pair<std::string, std::string>, StructureMembership>> ParseLegalCrosswalk(
    std::string_view text);

// "UKSIC07-9499" or "9499" -> "9499"; "" when `code` is not "UKSIC07-" (optional) followed by
// 2 to 5 digits.
std::string SicDigits(std::string_view code);
// "11/8/1863" -> "1863-08-11"; "" when `text` is not a valid calendar date d/m/yyyy.
std::string IsoDateOfDayMonthYear(std::string_view text);

// Parses the whole register. InvalidArgument (saying how to fix it) when the header lacks a
// column or has an unknown one; bad rows are rejections with their line and column, the others
// rows for Registry::Import (identifiers[id_scheme] set, names and codes left to its validation).
Result<ParsedRows> ReadCoopsUkRegister(std::string_view text, const CoopsUkOptions& options);

// The register column that holds a model field, for the registry's rejections ("founded" ->
// "Incorporation Date"); the field itself when there is none.
std::string CoopsUkColumnOfField(const std::string& field);

// Parses the whole economy file into indicators keyed by organisation (figures of actors still
// to be found): each non-empty figure of a row is one indicator named turnover,
// profit_before_tax, member_funds (GBP), members or employees (people), for the period of the
// row's Economic Year, as of its Year End Date. Rejections: a figure that is not a number (or
// a count of people that is not a whole number >= 0), a bad year or year-end date, an empty or
// "N/a" organisation (Co-ops UK's aggregate rows), an organisation and year repeated.
// `source` is left empty (ImportIndicators sets it). InvalidArgument for a bad header.
Result<ParsedIndicators> ReadCoopsUkEconomy(std::string_view text);

}  // namespace ecosol::interop
