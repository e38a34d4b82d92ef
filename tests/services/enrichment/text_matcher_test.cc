// Folding and phrase matching.
#include "services/enrichment/text_matcher.h"

#include <catch2/catch.hpp>

namespace trackenrich::enrichment {
namespace {

TEST_CASE("text matcher: folding drops case and accents, splits on the rest", "[enrichment]") {
  CHECK(FoldForMatching("Non è ARRIVATO!") == "non e arrivato");
  CHECK(FoldForMatching("Rückerstattung, reçu, reseña, Straße, Œuvre") ==
        "ruckerstattung recu resena strasse oeuvre");
  CHECK(FoldForMatching("I haven't received it") == "i have not received it");
  CHECK(FoldForMatching("didn’t arrive") == "did not arrive");
  CHECK(FoldForMatching("l'avis, n'ai") == "l avis n ai");
  CHECK(FoldForMatching("20% off") == "20 off");
}

TEST_CASE("text matcher: words, prefixes, numbers and gaps", "[enrichment]") {
  const PhraseMatcher matcher({"leave +2 review*", "code promo", "# star*"});
  const FoldedText text("Please LEAVE us a Review, use code promo and give 5 stars.");
  const auto matches = matcher.FindAll(text);
  REQUIRE(matches.size() == 3);
  CHECK(text.Span(matches[0].first_word, matches[0].last_word) == "LEAVE us a Review");
  CHECK(matches[0].phrase == "leave +2 review*");
  CHECK(text.Span(matches[1].first_word, matches[1].last_word) == "code promo");
  CHECK(text.Span(matches[2].first_word, matches[2].last_word) == "5 stars");

  CHECK_FALSE(matcher.Find(FoldedText("leave it to us, we will review")).has_value());
  CHECK_FALSE(matcher.Find(FoldedText("leave one two three review")).has_value());
  CHECK_FALSE(matcher.Find(FoldedText("five stars")).has_value());
  CHECK_FALSE(matcher.Find(FoldedText("")).has_value());
}

}  // namespace
}  // namespace trackenrich::enrichment
