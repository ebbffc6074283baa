#include "ecosol/text/search_text.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace ecosol::text {
namespace {

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

TEST(SearchTextTest, InvalidUtf8DoesNotCrash) {
  EXPECT_FALSE(IndexForms("abc\xff\xfe def").empty());
}

}  // namespace
}  // namespace ecosol::text
