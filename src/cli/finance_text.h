#pragma once

// How `ecosol finance` prints the engines' JSON answers as text (finance_commands.cc): money in
// cents as "1,066.19", tables padded by display width, and one printer per answer. Answers are
// read without exceptions: a missing or mistyped key reads as empty.

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace ecosol::cli::finance_text {

using Rows = std::vector<std::vector<std::string>>;

// Engine answers are read without exceptions: a missing or mistyped key reads as empty.
const nlohmann::json& At(const nlohmann::json& j, const char* key);
std::string Str(const nlohmann::json& j, const char* key);
double Num(const nlohmann::json& j, const char* key);
long long Int(const nlohmann::json& j, const char* key);
// 106619 -> "1,066.19".
std::string Money(long long cents);
std::string MoneyOf(const nlohmann::json& j, const char* key);
// Allocation amounts are in currency units (doubles), not cents.
std::string Units(double amount);
std::string Fixed(double value, int decimals);
std::string Percent(double ratio);
std::string Join(const nlohmann::json& list);
// The width of UTF-8 text on a terminal, one column per code point.
size_t Width(const std::string& text);
// Columns padded to their widest cell; the first row is the header.
void PrintTable(std::ostream& out, const Rows& rows);
void PrintMechanisms(std::ostream& out, const nlohmann::json& match);
// A FunderMatchToJson answer; `who` is the column shown: "funder" or "organisation".
void PrintEligibility(std::ostream& out, const nlohmann::json& match, const char* who);
void PrintOrganisation(std::ostream& out, const nlohmann::json& of);
void PrintReadiness(std::ostream& out, const nlohmann::json& r);
void PrintSchedule(std::ostream& out, const nlohmann::json& s);
// PortfolioAtRiskToJson, with the loan rows of LoanBookView or of the report itself.
void PrintPar(std::ostream& out, const nlohmann::json& par, const nlohmann::json& loans);
void PrintPortfolio(std::ostream& out, const char* name, const nlohmann::json& p);
void PrintAllocation(std::ostream& out, const nlohmann::json& r);
void PrintWaterfall(std::ostream& out, const nlohmann::json& view);

}  // namespace ecosol::cli::finance_text
