#include "ecosol/text/search_text.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <string>

namespace ecosol::text {
namespace {

// i written in letters (a, b, ..., z, ba, bb, ...): distinct words without digits.
std::string Letters(int i) {
  std::string s;
  do {
    s.insert(s.begin(), static_cast<char>('a' + i % 26));
    i /= 26;
  } while (i > 0);
  return s;
}

bool SharesForm(const std::string& doc, const std::string& query) {
  std::string forms = " " + IndexForms(doc) + " ";
  for (const auto& alternatives : QueryTerms(query)) {
    bool any = std::any_of(alternatives.begin(), alternatives.end(), [&](const std::string& f) {
      return forms.find(" " + f + " ") != std::string::npos;
    });
    if (!any) return false;
  }
  return true;
}

TEST(SearchTextTest, FoldsCaseAndAccents) {
  EXPECT_EQ(Fold("Coopérative ÉCONOMIE São"), "cooperative economie sao");
}

TEST(SearchTextTest, CooperativeFindsFrenchSpanishAndPortugueseForms) {
  EXPECT_TRUE(SharesForm("Une coopérative de travail", "cooperative"));
  EXPECT_TRUE(SharesForm("Cooperativas de trabajo asociado", "cooperative"));
  EXPECT_TRUE(SharesForm("Cooperativas de trabalho", "coopérative"));
  EXPECT_TRUE(SharesForm("Bakeries and cafés", "bakery cafe"));
  EXPECT_FALSE(SharesForm("Housing association", "cooperative"));
  EXPECT_TRUE(SharesForm("Beta Housing Co-operative Ltd", "cooperatives"));
  EXPECT_TRUE(SharesForm("The Coop shop", "co-op"));
  EXPECT_TRUE(SharesForm("Alpha Co-op", "coop"));
}

TEST(SearchTextTest, WordsSplitOnPunctuationAndKeepOtherScripts) {
  EXPECT_EQ(Words(Fold("l'économie sociale, 협동조합!")),
            (std::vector<std::string>{"l", "economie", "sociale", "협동조합"}));
}

TEST(SearchTextTest, SnippetMarksMatchedWords) {
  auto terms = QueryTerms("cooperative");
  EXPECT_EQ(Snippet("A small Coopérative bakery", terms), "A small [[Coopérative]] bakery");
  EXPECT_EQ(Snippet("nothing here", terms), "");
  EXPECT_EQ(Snippet("Beta Co-operative Ltd", terms), "Beta [[Co-operative]] Ltd");
  std::string long_text(300, 'x');
  long_text += " cooperatives ";
  long_text += std::string(300, 'y');
  std::string s = Snippet(long_text, terms, 80);
  EXPECT_NE(s.find("[[cooperatives]]"), std::string::npos);
  EXPECT_LT(s.size(), 120u);
}

// Fold and Words skip utf8proc for ASCII text; for every ASCII byte they must give what
// utf8proc gives (the mapping Fold uses for other text, and its word categories).
TEST(SearchTextTest, AsciiIsFoldedAndSplitAsUtf8procFoldsAndSplitsIt) {
  const auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  for (int c = 0; c < 128; ++c) {
    SCOPED_TRACE("byte " + std::to_string(c));
    const std::string text = std::string("Ab") + static_cast<char>(c) + "Cd9";
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
    ASSERT_GE(n, 0);
    const std::string expected(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
    std::free(mapped);
    EXPECT_EQ(Fold(text), expected);

    const utf8proc_category_t category = utf8proc_category(c);
    const bool word = category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LL ||
                      category == UTF8PROC_CATEGORY_ND;
    const std::string lower(1, static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    const std::vector<std::string> words = word ? std::vector<std::string>{"ab" + lower + "cd9"}
                                                : std::vector<std::string>{"ab", "cd9"};
    EXPECT_EQ(Words(text), words);
  }
  // Non-ASCII text around ASCII words still goes through utf8proc.
  EXPECT_EQ(Words(Fold("Ärger-ÖKO café")), (std::vector<std::string>{"arger", "oko", "cafe"}));
}

// Stems of words without digits are remembered per thread, and the memory is emptied when full:
// the forms are the same the first time, the second time, and after more distinct words than
// the memory holds (checked against the forms computed before stems were remembered).
TEST(SearchTextTest, RememberedStemsGiveTheSameForms) {
  const std::string text =
      "Les Coopératives d'habitation, co-operatives and Cooperativas 12th rm10s";
  const std::string first = IndexForms(text);
  EXPECT_EQ(
      first,
      "les le cooperatives cooper cooperativ d habitation habit co operatives oper operativ "
      "cooperatives cooper cooperativ and cooperativas cooperativa cooperativ cooper 12th rm10s "
      "rm10");
  EXPECT_EQ(IndexForms(text), first);
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "w" + Letters(i) + "ings ";
  const std::string forms = IndexForms(many);
  EXPECT_EQ(Letters(19999), "bdpf");
  EXPECT_NE(forms.find(" wbdpfings wbdpfing"), std::string::npos);
  EXPECT_EQ(IndexForms(text), first);
}

TEST(SearchTextTest, InvalidUtf8DoesNotCrash) {
  EXPECT_FALSE(IndexForms("abc\xff\xfe def").empty());
}

}  // namespace
}  // namespace ecosol::text
